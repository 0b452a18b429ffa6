"""The crawl: discover -> fetch -> archive -> extract -> store, polite, bounded and resumable.

Each site is crawled by a task of its own (at most `concurrency` sites at once): discovery
reads its seeds and what they lead to (site_discovery) and puts the candidates into the
frontier table, then the site's pending URLs are fetched in turn, a page of rows at a time.
Both phases run under the run's budgets: --max-duration stops discovery and fetching alike
(requests in flight are abandoned), --max-pages caps the articles fetched and the listings
read to find them, and every cut is recorded (crawl_runs.stopped_early, discovery_cuts).
Parsing server input never happens on the event loop: feeds, sitemaps and pages are read and
articles extracted in worker processes with a time limit per page (extraction_pool).

The fetcher archives every response before it returns it, and each article is saved in its
own transaction before its frontier row is marked done, so a run killed at any moment resumes
with nothing lost and nothing duplicated. Ctrl+C or SIGTERM stops a run cleanly: it is
recorded with its reason and exit status 130 or 143.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import httpx

from .archive import ArchiveWriter
from .config import Settings, placeholder_contact_warning
from .crawl_report import (
    COUNT_NAMES,
    FAILURES_KEPT,
    STOP_STATUS,
    CrawlReport,
    Listener,
    PageOutcome,
    published_before,
)
from .crawl_state import RunState, StopSignals
from .errors import RobotsDisallowed, exit_status_of
from .extraction_pool import ExtractionPool
from .fetch import Fetcher, FetchResult, RobotsUnreachable
from .models import Article, Page
from .recording import RecordingArchive, utc_now
from .rules import RuleSet, rules_for
from .saver import BatchedSaver
from .site_discovery import DiscoveryLimits, SiteDiscovery
from .site_io import SiteIO
from .sites import Seed, Site
from .store import NEW, UNCHANGED, UPDATED, FrontierEntry, SaveResult, Store
from .store.sites import site_key_for_url

__all__ = ["COUNT_NAMES", "CrawlReport", "Crawler", "PageOutcome", "published_before"]

FRONTIER_PAGE = 100          # pending rows a site worker reads from the frontier at a time
SKIPPED = "skipped"
MAX_DURATION, MAX_PAGES = "max duration reached", "max pages reached"


def _ignore(event: str, data: dict[str, object]) -> None:
    """A listener that does nothing."""


class Crawler:
    """Runs one crawl over a store with a fetcher; the CLI renders its events."""

    def __init__(self, settings: Settings, store: Store, *, listener: Listener = _ignore,
                 transport: httpx.AsyncBaseTransport | None = None,
                 keep_outcomes: bool = False, sites: Iterable[Site] = (),
                 since: datetime | None = None, extraction: Any = None) -> None:
        self.settings = settings
        self.extraction = extraction  # a pool with ExtractionPool's face (a cluster's), or None
        self.sites = {site.name: site for site in sites}
        self.store = store
        self.listener = listener
        self.transport = transport
        self.keep_outcomes = keep_outcomes  # the demo's table; off for crawls: memory stays flat
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        self.since = since  # candidates a feed or sitemap dates before this are skipped
        self.site_of_host = _site_of_host(self.sites.values())
        self.limits = DiscoveryLimits(settings.max_discovery_documents, settings.max_site_urls,
                                      settings.max_sitemap_urls)

    def run(self, seeds: list[Seed], arguments: Iterable[str] = ()) -> CrawlReport:
        """Run the crawl to the end and return its report (synchronous entry point)."""
        return asyncio.run(self.run_async(seeds, arguments))

    async def run_async(self, seeds: list[Seed], arguments: Iterable[str] = ()) -> CrawlReport:
        """Discover from the seeds, then fetch, extract and store every pending article."""
        run_id = self.store.start_run(utc_now(), json.dumps(list(arguments)))
        report = CrawlReport(run_id)
        self._warn_placeholder_contact([self._named(seed) for seed in seeds])
        signals = StopSignals(report)
        signals.install()
        status = 2
        try:
            await self._run(run_id, report, seeds)
            status = report.exit_status
        except asyncio.CancelledError:
            if report.stopped_early not in STOP_STATUS:
                raise
            status = report.exit_status
        except Exception as error:  # the status the command will exit with, recorded alike
            status = exit_status_of(error)
            raise
        finally:
            signals.remove()
            self.store.finish_run(run_id, utc_now(), report.counts, status, report.stopped_early)
        return report

    async def _run(self, run_id: int, report: CrawlReport, seeds: list[Seed]) -> None:
        deadline = (time.monotonic() + self.settings.max_duration
                    if self.settings.max_duration else None)
        run_name = f"run-{run_id:06d}-{datetime.now(UTC):%Y%m%dT%H%M%S}"
        rules = rules_for(self.settings.selectors_dir)
        with ArchiveWriter(self.settings.archive_dir, run_name) as writer, \
                self._extraction_pool(rules) as pool:
            pool.start()  # the workers import while the first documents are fetched
            archive = RecordingArchive(writer, self.store, run_id)
            async with Fetcher(self.settings, archive, self.transport) as fetcher:
                saver = BatchedSaver(
                    self.store, on_saved=lambda *saved: self._saved(report, *saved),
                    on_failed=lambda entry, reason: self.fail(report, entry.url, reason,
                                                              entry.site))
                run = RunState(run_id, report, fetcher, archive, pool, saver, deadline,
                               self.settings.max_pages,
                               asyncio.Semaphore(max(2, 2 * pool.workers)))
                try:
                    await self._crawl_sites(run, seeds)
                finally:
                    await self._settle(run)

    def _extraction_pool(self, rules: RuleSet) -> Any:
        """The pool given (a cluster's), else local processes as the settings say."""
        if self.extraction is not None:
            return self.extraction
        return ExtractionPool(self.settings.workers, rules,
                              timeout=self.settings.extraction_timeout)

    async def _crawl_sites(self, run: RunState, seeds: list[Seed]) -> None:
        """Crawl every site of the seeds, `concurrency` sites at once."""
        by_site: dict[str, list[Seed]] = {}
        for seed in seeds:
            named = self._named(seed)
            by_site.setdefault(named.site or "", []).append(named)
        gate = asyncio.Semaphore(self.settings.concurrency)

        async def crawl_one(site: str, site_seeds: list[Seed]) -> None:
            async with gate:
                await self._crawl_site(run, site, site_seeds)

        await asyncio.gather(*(crawl_one(site, group) for site, group in by_site.items()))

    async def _settle(self, run: RunState) -> None:
        """Let the last extractions finish (or cancel them when stopped) and save what waits."""
        if run.report.stopped_early in STOP_STATUS:
            for task in run.tasks:
                task.cancel()
        while run.tasks:
            await asyncio.gather(*list(run.tasks), return_exceptions=True)
        run.saver.flush()

    def _named(self, seed: Seed) -> Seed:
        """The seed with its site: given, the sites file's site on its host, or the host."""
        if seed.site:
            return seed
        host = site_key_for_url(seed.url)
        site = self.site_of_host.get(host)
        if site is not None:
            return Seed(seed.url, site.name, seed.kind, site.article_patterns)
        return Seed(seed.url, host, seed.kind, seed.article_patterns)

    async def _crawl_site(self, run: RunState, site: str, seeds: list[Seed]) -> None:
        """Discover one site's candidates, then fetch its pending articles."""
        if self._must_stop(run):
            return
        found = await SiteDiscovery(site, seeds, SiteIO(self, run), self.limits,
                                    self.since).run()
        self.enqueue(run, list(found.entries.values()))
        self.listener("discovered", {"site": site, "count": len(found.entries)})
        if self._must_stop(run):
            return
        total = self.store.pending_count([site])
        if run.pages_left is not None:
            total = min(total, max(run.pages_left, 0))
        self.listener("fetching", {"site": site, "total": total})
        await self._drain(run, site)

    def enqueue(self, run: RunState, entries: list[FrontierEntry]) -> None:
        """Add new URLs to the frontier, put rediscovered ones back in line (unless a listing
        dates them before our last fetch); a URL another site listed in this run stays put."""
        fresh = [entry for entry in entries if entry.url not in run.listed]
        if not fresh:
            return
        with self.store.batch():
            self.store.enqueue(fresh, discovered_at=utc_now())
            for entry in fresh:
                run.listed.add(entry.url)
                if not self._listed_before_last_fetch(entry):
                    self.store.mark(entry.url, "pending")
        run.report.counts["discovered"] += len(fresh)

    def _listed_before_last_fetch(self, entry: FrontierEntry) -> bool:
        """True when a feed or sitemap dates the URL before our last successful fetch of it:
        nothing new to fetch (undated listings are always fetched again, conditionally)."""
        if not entry.published_hint:
            return False
        done_at = self.store.done_at(entry.url)
        if done_at is None:
            return False
        return published_before(entry.published_hint, datetime.fromisoformat(done_at))

    async def _drain(self, run: RunState, site: str) -> None:
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
                if self._must_stop(run) or not await self._process_guarded(run, entry):
                    return

    def _must_stop(self, run: RunState) -> bool:
        """True (and say why) once --max-duration or --max-pages is reached."""
        if run.report.stopped_early is None:
            if run.out_of_time():
                run.report.stopped_early = MAX_DURATION
            elif run.pages_left is not None and run.pages_left <= 0:
                run.report.stopped_early = MAX_PAGES
        return run.report.stopped_early is not None

    async def _process_guarded(self, run: RunState, entry: FrontierEntry) -> bool:
        """Process one URL; an unexpected error fails that URL, not the run. False when the
        run's time ran out before the page arrived."""
        try:
            return await self._process(run, entry)
        except Exception as error:  # noqa: BLE001 - recorded with its reason, the run goes on
            reason = f"unexpected error: {type(error).__name__}: {error}"
            self.store.mark(entry.url, "failed", reason)
            self.fail(run.report, entry.url, reason, entry.site)
            return True

    async def _process(self, run: RunState, entry: FrontierEntry) -> bool:
        """Fetch, extract and store one article URL; record any failure with its reason."""
        if self.since and entry.published_hint and published_before(entry.published_hint, self.since):
            self._skip(run.report, entry, f"dated {entry.published_hint}, before --since")
            return True
        etag, last_modified = self.store.validators(entry.url)
        result = await run.fetch_within(
            entry.url, etag=etag, last_modified=last_modified,
            **self.site_options(run, entry.site, entry.url))
        if result is None:  # the run's time is up: the URL stays pending for the next run
            run.report.stopped_early = run.report.stopped_early or MAX_DURATION
            return False
        if run.pages_left is not None:
            run.pages_left -= 1
        fetch_id = run.archive.record_result(entry.url, result)
        if result.not_modified:
            self.store.mark(entry.url, "done")
            run.report.counts["unchanged"] += 1
            self._outcome(run.report, PageOutcome(entry.url, UNCHANGED, site=entry.site))
        elif isinstance(result.error, RobotsDisallowed) \
                and not isinstance(result.error, RobotsUnreachable):
            self._skip(run.report, entry, _reason(result))  # the site's wish, not a failure
        elif result.error is not None or result.page is None:
            self.store.mark(entry.url, "failed", _reason(result))
            self.fail(run.report, entry.url, _reason(result), entry.site)
        else:
            run.report.counts["fetched"] += 1
            # Extract and store in the background: the site's next fetch need not wait for it.
            await run.in_flight.acquire()
            run.claimed.add(entry.url)
            task = asyncio.create_task(self._extract_and_store(run, entry, result.page, fetch_id))
            run.tasks.add(task)
            task.add_done_callback(run.tasks.discard)
        return True

    async def _extract_and_store(self, run: RunState, entry: FrontierEntry, page: Page,
                                 fetch_id: int) -> None:
        """Extract one fetched page and store it; an unexpected error fails that URL only."""
        try:
            article = await run.pool.extract(page)
            self.store_article(run, entry, article, fetch_id)
        except Exception as error:  # noqa: BLE001 - recorded with its reason, the run goes on
            reason = f"unexpected error: {type(error).__name__}: {error}"
            self.store.mark(entry.url, "failed", reason)
            self.fail(run.report, entry.url, reason, entry.site)
        finally:
            run.claimed.discard(entry.url)
            run.in_flight.release()

    def store_article(self, run: RunState, entry: FrontierEntry, article: Article,
                       fetch_id: int) -> None:
        """Save an extracted article and mark its URL done, or record why there is none."""
        if article.is_empty:
            warnings = article.provenance.warnings
            reason = warnings[0] if warnings else "no article text found"
            self.store.annotate_fetch(fetch_id, f"extraction: {reason}")
            self.store.mark(entry.url, "failed", reason)
            self.fail(run.report, entry.url, reason, entry.site)
            return
        run.saver.add(entry, article, fetch_id)  # saved with its frontier row, a few at a time
        if len(run.tasks) <= 1:  # nothing else is being extracted: no reason to wait
            run.saver.flush()

    def _saved(self, report: CrawlReport, entry: FrontierEntry, article: Article,
               saved: SaveResult) -> None:
        """Count a stored article."""
        report.counts[saved.outcome if saved.outcome in (NEW, UPDATED) else UNCHANGED] += 1
        self._outcome(report, PageOutcome(entry.url, saved.outcome, article=article, site=entry.site))

    def site_options(self, run: RunState, site_name: str | None, url: str) -> dict[str, Any]:
        """Apply the site's own delay to url's host; return its own fetch options (its
        User-Agent, for robots.txt too, and whether it may reach private addresses)."""
        site = self.sites.get(site_name or "")
        if site is None:
            return {}
        if site.delay is not None:
            run.fetcher.set_host_delay(url, site.delay)
        return {"user_agent": site.user_agent, "allow_private": site.allow_private}

    def site_hosts(self, site_name: str | None) -> frozenset[str]:
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
            self.listener("warning", {"message": placeholder_contact_warning(unsigned)})

    def cut(self, run: RunState, site: str, url: str | None, reason: str) -> None:
        """Record where discovery read less than was offered."""
        self.store.record_cut(run.run_id, site, url, reason)
        run.report.add_cut(site, url, reason)
        self.listener("cut", {"site": site, "url": url, "reason": reason})

    def _skip(self, report: CrawlReport, entry: FrontierEntry, reason: str) -> None:
        self.store.mark(entry.url, SKIPPED, reason)
        report.skipped += 1
        self._outcome(report, PageOutcome(entry.url, SKIPPED, reason=reason, site=entry.site))

    def fail(self, report: CrawlReport, url: str, reason: str, site: str | None) -> None:
        """Count and report one failed page or document."""
        report.counts["failed"] += 1
        if len(report.failures) < FAILURES_KEPT:
            report.failures.append((url, reason))
        self._outcome(report, PageOutcome(url, "failed", reason=reason, site=site))

    def _outcome(self, report: CrawlReport, outcome: PageOutcome) -> None:
        if self.keep_outcomes:
            report.outcomes.append(outcome)
        self.listener("page", {"outcome": outcome})


def _site_of_host(sites: Iterable[Site]) -> dict[str, Site]:
    """The site each host belongs to, by its start pages, feeds and sitemaps (a host that two
    sites share belongs to neither)."""
    owners: dict[str, list[Site]] = {}
    for site in sites:
        for host in {site_key_for_url(url) for url in (*site.start, *site.feeds, *site.sitemaps)}:
            owners.setdefault(host, []).append(site)
    return {host: found[0] for host, found in owners.items() if len(found) == 1}


def _reason(result: FetchResult) -> str:
    return str(result.error) if result.error else "no response"
