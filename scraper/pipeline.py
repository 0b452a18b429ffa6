"""The crawl: discover -> fetch -> archive -> extract -> store, polite and resumable.

Discovery reads the seeds (start pages, feeds, sitemaps) and puts candidate article URLs into
the frontier table. Then one worker per site (at most `concurrency` sites at once) reads that
site's pending URLs from the frontier, a page of rows at a time, and fetches them in turn; the
fetcher archives every response before it returns it, and each article is saved in its own
transaction before its frontier row is marked done. A run killed at any moment thus resumes
with nothing lost and nothing duplicated, and nothing per page is kept in memory for the run.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from .archive import ArchiveWriter
from .config import PLACEHOLDER_CONTACT, Settings
from .discover import classify, discover
from .errors import RobotsDisallowed
from .extraction_pool import ExtractionPool
from .fetch import Fetcher, FetchResult, RobotsUnreachable
from .models import Article, Page
from .recording import RecordingArchive, utc_now
from .rules import rules_for
from .saver import BatchedSaver
from .sites import Seed, Site
from .store import NEW, UNCHANGED, UPDATED, FrontierEntry, SaveResult, Store
from .store.sites import site_key_for_url
from .urls import looks_like_article, normalize_url

MAX_DISCOVERY_DEPTH = 3      # sitemap index -> sitemap -> ... ; feeds and pages rarely nest
COUNT_NAMES = ("discovered", "fetched", "unchanged", "failed", "new", "updated")
FRONTIER_PAGE = 100          # pending rows a site worker reads from the frontier at a time
FAILURES_KEPT = 100          # failures listed in the report; every one is in the database
SKIPPED = "skipped"


def published_before(hint: str, since: datetime) -> bool:
    """True when a listing's date falls before `since`; a bare date counts as its whole day."""
    text = hint.strip()
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return False  # an unreadable date never hides an article
    if len(text) <= 10:
        return when.date() < since.astimezone(UTC).date()
    return (when if when.tzinfo else when.replace(tzinfo=UTC)) < since


@dataclass(frozen=True)
class PageOutcome:
    """What happened to one article URL."""

    url: str
    outcome: str                      # "new" | "updated" | "unchanged" | "failed" | "skipped"
    reason: str | None = None
    article: Article | None = None
    site: str | None = None


@dataclass
class CrawlReport:
    """The counts, first failures and (for the demo) outcomes of one run."""

    run_id: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_NAMES, 0))
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first FAILURES_KEPT
    outcomes: list[PageOutcome] = field(default_factory=list)  # only with keep_outcomes
    skipped: int = 0                  # robots.txt Disallow, or dated before --since
    stopped_early: str | None = None

    @property
    def exit_status(self) -> int:
        """0 when every page went well, 1 when some failed."""
        return 1 if self.counts["failed"] else 0


Listener = Callable[[str, dict[str, object]], None]


def _ignore(event: str, data: dict[str, object]) -> None:
    """A listener that does nothing."""


@dataclass
class _Run:
    """The state of the run in progress."""

    run_id: int
    report: CrawlReport
    fetcher: Fetcher
    archive: RecordingArchive
    pool: ExtractionPool
    saver: BatchedSaver
    deadline: float | None
    pages_left: int | None
    in_flight: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(4))
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    claimed: set[str] = field(default_factory=set)  # fetched URLs still being extracted


class Crawler:
    """Runs one crawl over a store with a fetcher; the CLI renders its events."""

    def __init__(self, settings: Settings, store: Store, *, listener: Listener = _ignore,
                 transport: httpx.AsyncBaseTransport | None = None,
                 keep_outcomes: bool = False, sites: Iterable[Site] = (),
                 since: datetime | None = None) -> None:
        self.settings = settings
        self.sites = {site.name: site for site in sites}
        self.store = store
        self.listener = listener
        self.transport = transport
        self.keep_outcomes = keep_outcomes  # the demo's table; off for crawls: memory stays flat
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        self.since = since  # candidates a feed or sitemap dates before this are skipped

    def run(self, seeds: list[Seed], arguments: Iterable[str] = ()) -> CrawlReport:
        """Run the crawl to the end and return its report (synchronous entry point)."""
        return asyncio.run(self.run_async(seeds, arguments))

    async def run_async(self, seeds: list[Seed], arguments: Iterable[str] = ()) -> CrawlReport:
        """Discover from the seeds, then fetch, extract and store every pending article."""
        run_id = self.store.start_run(utc_now(), json.dumps(list(arguments)))
        report = CrawlReport(run_id)
        self._warn_placeholder_contact(seeds)
        deadline = (time.monotonic() + self.settings.max_duration
                    if self.settings.max_duration else None)
        run_name = f"run-{run_id:06d}-{datetime.now(UTC):%Y%m%dT%H%M%S}"
        status = 2
        try:
            with ArchiveWriter(self.settings.archive_dir, run_name) as writer, \
                    ExtractionPool(self.settings.workers, rules_for(self.settings.selectors_dir)) as pool:
                archive = RecordingArchive(writer, self.store, run_id)
                async with Fetcher(self.settings, archive, self.transport) as fetcher:
                    saver = BatchedSaver(
                        self.store, on_saved=lambda *saved: self._saved(report, *saved),
                        on_failed=lambda entry, reason: self._fail(report, entry.url, reason,
                                                                   entry.site))
                    run = _Run(run_id, report, fetcher, archive, pool, saver, deadline,
                               self.settings.max_pages,
                               asyncio.Semaphore(max(2, 2 * self.settings.workers)))
                    sites = await self._discover(run, seeds)
                    await self._fetch_articles(run, sites)
            status = report.exit_status
        finally:
            self.store.finish_run(run_id, utc_now(), report.counts, status)
        return report

    async def _discover(self, run: _Run, seeds: list[Seed]) -> set[str]:
        """Fetch the seeds and everything they point to; fill the frontier; return its sites."""
        queue = deque((seed.url, seed, 0) for seed in seeds)
        sites = {seed.site or site_key_for_url(seed.url) for seed in seeds}
        for seed in seeds:  # a start page brings its site's sitemaps (robots.txt) along
            if seed.kind == "start":
                sitemaps = await run.fetcher.robots_sitemaps(
                    seed.url, hosts=self._site_hosts(seed.site),
                    **self._site_options(run, seed.site, seed.url))
                queue.extend((url, seed, 1) for url in sitemaps)
        seen: set[str] = set()
        discovered: set[str] = set()
        while queue:
            url, seed, depth = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            result = await run.fetcher.fetch(url, expect="any",
                                             **self._site_options(run, seed.site, url))
            fetch_id = self._record(run, url, result)
            if result.error is not None or result.page is None:
                self._fail(run.report, url, _reason(result), seed.site)
                continue
            if depth == 0 and await self._seed_article(run, seed, result, fetch_id, discovered):
                continue
            found = discover(result.page, article_patterns=seed.article_patterns)
            if found.problem and not found.articles and not found.follow:
                self.store.annotate_fetch(fetch_id, found.problem)
                self._fail(run.report, url, found.problem, seed.site)
            entries = [FrontierEntry(c.url, seed.site, url, c.published_hint) for c in found.articles]
            sites |= self._enqueue(entries, run.report, discovered)
            if depth < MAX_DISCOVERY_DEPTH:
                queue.extend((follow, seed, depth + 1) for follow in found.follow)
        self.listener("discovered", {"count": run.report.counts["discovered"]})
        return sites

    async def _seed_article(self, run: _Run, seed: Seed, result: FetchResult, fetch_id: int,
                            discovered: set[str]) -> bool:
        """Store a seed that is itself an article (no second fetch); False if it is not one."""
        page = result.page
        assert page is not None
        if seed.kind != "start" or not looks_like_article(page.final_url) or classify(
                page.headers.get("content-type", ""), page.content, page.final_url) != "html":
            return False
        article = await run.pool.extract(page)
        if article.is_empty:
            return False
        url = normalize_url(page.final_url) or page.final_url
        self._enqueue([FrontierEntry(url, seed.site, None, None)], run.report, discovered)
        run.report.counts["fetched"] += 1
        if run.pages_left is not None:
            run.pages_left -= 1
        self._store_article(run, FrontierEntry(url, seed.site), article, fetch_id)
        return True

    def _enqueue(self, entries: list[FrontierEntry], report: CrawlReport,
                 discovered: set[str]) -> set[str]:
        """Add new URLs to the frontier, put rediscovered ones back in line; return their sites."""
        unique = [e for e in OrderedDict((e.url, e) for e in entries if e.url).values()
                  if e.url not in discovered]
        if not unique:
            return set()
        with self.store.batch():
            self.store.enqueue(unique, discovered_at=utc_now())
            for entry in unique:  # a rediscovered article is fetched again, conditionally...
                discovered.add(entry.url)
                if not self._listed_before_last_fetch(entry):  # ...unless listed as older
                    self.store.mark(entry.url, "pending")
        report.counts["discovered"] += len(unique)
        return {entry.site or site_key_for_url(entry.url) for entry in unique}

    def _listed_before_last_fetch(self, entry: FrontierEntry) -> bool:
        """True when a feed or sitemap dates the URL before our last successful fetch of it:
        nothing new to fetch (undated listings are always fetched again, conditionally)."""
        if not entry.published_hint:
            return False
        done_at = self.store.done_at(entry.url)
        if done_at is None:
            return False
        return published_before(entry.published_hint, datetime.fromisoformat(done_at))

    async def _fetch_articles(self, run: _Run, sites: set[str]) -> None:
        """Fetch the pending URLs of the run's sites: one worker per site, `concurrency` at once."""
        total = self.store.pending_count(sites)
        if run.pages_left is not None:
            total = min(total, max(run.pages_left, 0))
        self.listener("fetching", {"total": total})
        gate = asyncio.Semaphore(self.settings.concurrency)

        async def site_worker(site: str) -> None:
            async with gate:
                await self._drain(run, site)

        await asyncio.gather(*(site_worker(site) for site in sorted(sites)))
        while run.tasks:  # the last pages of each site are still being extracted
            await asyncio.gather(*list(run.tasks))
        run.saver.flush()

    async def _drain(self, run: _Run, site: str) -> None:
        """Process one site's pending URLs, newest first, until none is left or the run stops."""
        while batch := self.store.pending(FRONTIER_PAGE + len(run.claimed) + len(run.saver), site):
            fresh = [entry for entry in batch
                     if entry.url not in run.claimed and not run.saver.holds(entry.url)]
            if not fresh:  # all being extracted or waiting to be saved: let one leave 'pending'
                if run.tasks:
                    await asyncio.wait(list(run.tasks), return_when=asyncio.FIRST_COMPLETED)
                else:
                    run.saver.flush()
                continue
            for entry in fresh:  # every entry leaves 'pending' once processed: no refetching
                if self._must_stop(run):
                    return
                await self._process_guarded(run, entry)

    def _must_stop(self, run: _Run) -> bool:
        """True (and say why) once --max-duration or --max-pages is reached."""
        if run.deadline is not None and time.monotonic() > run.deadline:
            run.report.stopped_early = "max duration reached"
        elif run.pages_left is not None and run.pages_left <= 0:
            run.report.stopped_early = "max pages reached"
        return run.report.stopped_early is not None

    async def _process_guarded(self, run: _Run, entry: FrontierEntry) -> None:
        """Process one URL; an unexpected error fails that URL, not the run."""
        try:
            await self._process(run, entry)
        except Exception as error:  # noqa: BLE001 - recorded with its reason, the run goes on
            reason = f"unexpected error: {type(error).__name__}: {error}"
            self.store.mark(entry.url, "failed", reason)
            self._fail(run.report, entry.url, reason, entry.site)

    async def _process(self, run: _Run, entry: FrontierEntry) -> None:
        """Fetch, extract and store one article URL; record any failure with its reason."""
        if self.since and entry.published_hint and published_before(entry.published_hint, self.since):
            self._skip(run.report, entry, f"dated {entry.published_hint}, before --since")
            return
        if run.pages_left is not None:
            run.pages_left -= 1
        etag, last_modified = self.store.validators(entry.url)
        result = await run.fetcher.fetch(entry.url, etag=etag, last_modified=last_modified,
                                         **self._site_options(run, entry.site, entry.url))
        fetch_id = self._record(run, entry.url, result)
        if result.not_modified:
            self.store.mark(entry.url, "done")
            run.report.counts["unchanged"] += 1
            self._outcome(run.report, PageOutcome(entry.url, UNCHANGED, site=entry.site))
        elif isinstance(result.error, RobotsDisallowed) \
                and not isinstance(result.error, RobotsUnreachable):
            self._skip(run.report, entry, _reason(result))  # the site's wish, not a failure
        elif result.error is not None or result.page is None:
            self.store.mark(entry.url, "failed", _reason(result))
            self._fail(run.report, entry.url, _reason(result), entry.site)
        else:
            run.report.counts["fetched"] += 1
            # Extract and store in the background: the site's next fetch need not wait for it.
            await run.in_flight.acquire()
            run.claimed.add(entry.url)
            task = asyncio.create_task(self._extract_and_store(run, entry, result.page, fetch_id))
            run.tasks.add(task)
            task.add_done_callback(run.tasks.discard)

    async def _extract_and_store(self, run: _Run, entry: FrontierEntry, page: Page,
                                 fetch_id: int) -> None:
        """Extract one fetched page and store it; an unexpected error fails that URL only."""
        try:
            article = await run.pool.extract(page)
            self._store_article(run, entry, article, fetch_id)
        except Exception as error:  # noqa: BLE001 - recorded with its reason, the run goes on
            reason = f"unexpected error: {type(error).__name__}: {error}"
            self.store.mark(entry.url, "failed", reason)
            self._fail(run.report, entry.url, reason, entry.site)
        finally:
            run.claimed.discard(entry.url)
            run.in_flight.release()

    def _store_article(self, run: _Run, entry: FrontierEntry, article: Article,
                       fetch_id: int) -> None:
        """Save an extracted article and mark its URL done, or record why there is none."""
        if article.is_empty:
            warnings = article.provenance.warnings
            reason = warnings[0] if warnings else "no article text found"
            self.store.annotate_fetch(fetch_id, f"extraction: {reason}")
            self.store.mark(entry.url, "failed", reason)
            self._fail(run.report, entry.url, reason, entry.site)
            return
        run.saver.add(entry, article, fetch_id)  # saved with its frontier row, a few at a time
        if len(run.tasks) <= 1:  # nothing else is being extracted: no reason to wait
            run.saver.flush()

    def _saved(self, report: CrawlReport, entry: FrontierEntry, article: Article,
               saved: SaveResult) -> None:
        """Count a stored article."""
        report.counts[saved.outcome if saved.outcome in (NEW, UPDATED) else UNCHANGED] += 1
        self._outcome(report, PageOutcome(entry.url, saved.outcome, article=article, site=entry.site))

    def _site_options(self, run: _Run, site_name: str | None, url: str) -> dict[str, Any]:
        """Apply the site's own delay to url's host; return its own fetch options (its
        User-Agent, for robots.txt too, and whether it may reach private addresses)."""
        site = self.sites.get(site_name or "")
        if site is None:
            return {}
        if site.delay is not None:
            run.fetcher.set_host_delay(url, site.delay)
        return {"user_agent": site.user_agent, "allow_private": site.allow_private}

    def _site_hosts(self, site_name: str | None) -> frozenset[str]:
        """Return the hosts the sites file names for a site (its own, beside its domain)."""
        site = self.sites.get(site_name or "")
        return site.hosts if site is not None else frozenset()

    def _warn_placeholder_contact(self, seeds: list[Seed]) -> None:
        """Say once per run when requests will carry the placeholder contact URL."""
        if not self.settings.contact_is_placeholder:
            return
        unsigned = sorted({seed.site or site_key_for_url(seed.url) for seed in seeds
                           if not getattr(self.sites.get(seed.site or ""), "user_agent", None)})
        if unsigned:
            self.listener("warning", {"message": (
                f"requests to {', '.join(unsigned[:3])}{' ...' if len(unsigned) > 3 else ''} "
                f"carry the placeholder contact {PLACEHOLDER_CONTACT} in their User-Agent: "
                "give --contact-url URL (a page saying who runs this crawler and how to reach "
                "you), or a user_agent for the site in sites.toml")})

    def _record(self, run: _Run, url: str, result: FetchResult) -> int:
        """Return the fetch row of this result (recorded when archived), noting its error;
        a failure with no response gets a row of its own."""
        page = result.page
        error = str(result.error) if result.error else None
        if page is not None:
            fetch_id = run.archive.claim(page.warc_file, page.warc_offset)
            if fetch_id is not None:
                if page.final_url != url:  # the last hop of redirects: say what was asked for
                    self.store.db.execute("UPDATE fetches SET url = ? WHERE id = ?", [url, fetch_id])
                if error:
                    self.store.annotate_fetch(fetch_id, error)
                return fetch_id
        return self.store.record_fetch(
            run.run_id, url,
            final_url=page.final_url if page else None,
            status=page.status if page else None,
            error=error,
            content_type=page.headers.get("content-type") if page else None,
            size=len(page.content) if page else None,
            etag=page.headers.get("etag") if page else None,
            last_modified=page.headers.get("last-modified") if page else None,
            warc_file=page.warc_file if page else None,
            warc_offset=page.warc_offset if page else None,
            fetched_at=(page.fetched_at if page and page.fetched_at else utc_now()),
            elapsed=result.elapsed,
        )

    def _skip(self, report: CrawlReport, entry: FrontierEntry, reason: str) -> None:
        self.store.mark(entry.url, SKIPPED, reason)
        report.skipped += 1
        self._outcome(report, PageOutcome(entry.url, SKIPPED, reason=reason, site=entry.site))

    def _fail(self, report: CrawlReport, url: str, reason: str, site: str | None) -> None:
        report.counts["failed"] += 1
        if len(report.failures) < FAILURES_KEPT:
            report.failures.append((url, reason))
        self._outcome(report, PageOutcome(url, "failed", reason=reason, site=site))

    def _outcome(self, report: CrawlReport, outcome: PageOutcome) -> None:
        if self.keep_outcomes:
            report.outcomes.append(outcome)
        self.listener("page", {"outcome": outcome})


def _reason(result: FetchResult) -> str:
    return str(result.error) if result.error else "no response"
