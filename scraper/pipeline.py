"""The crawl: discover -> fetch -> archive -> extract -> store, polite and resumable.

Discovery reads the seeds (start pages, feeds, sitemaps) and puts candidate article URLs
into the frontier table. Then one worker per host (at most `concurrency` hosts at once)
fetches that host's URLs in turn; the fetcher archives every response before it returns it,
and each article is saved in its own transaction before its frontier row is marked done, so
a run killed at any moment resumes with nothing lost and nothing duplicated.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable
from urllib.parse import urlsplit

import httpx

from .archive import ArchiveWriter
from .config import Settings
from .discover import discover
from .extract import extract
from .fetch import Fetcher, FetchResult
from .models import Article
from .sites import Seed, Site
from .store import NEW, UNCHANGED, UPDATED, FrontierEntry, Store
from .urls import looks_like_article

MAX_DISCOVERY_DEPTH = 3      # sitemap index -> sitemap -> ... ; feeds and pages rarely nest
COUNT_NAMES = ("discovered", "fetched", "unchanged", "failed", "new", "updated")


def utc_now() -> str:
    """Return the current UTC time as ISO 8601 with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class PageOutcome:
    """What happened to one article URL."""

    url: str
    outcome: str                      # "new" | "updated" | "unchanged" | "failed"
    reason: str | None = None
    article: Article | None = None
    site: str | None = None


@dataclass
class CrawlReport:
    """The counts, failures and outcomes of one run."""

    run_id: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_NAMES, 0))
    failures: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[PageOutcome] = field(default_factory=list)  # only with keep_outcomes
    stopped_early: str | None = None

    @property
    def exit_status(self) -> int:
        """0 when every page went well, 1 when some failed."""
        return 1 if self.failures else 0


Listener = Callable[[str, dict[str, object]], None]


def _ignore(event: str, data: dict[str, object]) -> None:
    """A listener that does nothing."""


class RecordingArchive:
    """Archives each exchange, then records it as a fetch row at once.

    Every response the fetcher receives (robots.txt, redirect hops, retried 5xx, the page
    itself) thus has its row, pointing at its WARC record; the fetcher's result is matched to
    its row by that WARC position.
    """

    def __init__(self, archive: ArchiveWriter, store: Store, run_id: int) -> None:
        self.archive = archive
        self.store = store
        self.run_id = run_id
        self.fetch_ids: dict[tuple[str, int], int] = {}

    def write_exchange(self, *, url: str, method: str, request_headers: list[tuple[str, str]],
                       status: int, reason: str, http_version: str,
                       response_headers: list[tuple[str, str]], body: bytes) -> tuple[str, int]:
        """Archive the exchange and record it; return its WARC file and offset."""
        position = self.archive.write_exchange(
            url=url, method=method, request_headers=request_headers, status=status,
            reason=reason, http_version=http_version, response_headers=response_headers, body=body)
        headers = {name.lower(): value for name, value in response_headers}
        self.fetch_ids[position] = self.store.record_fetch(
            self.run_id, url, final_url=url, status=status,
            error=f"HTTP {status}" if status >= 400 else None,
            content_type=headers.get("content-type"), size=len(body), etag=headers.get("etag"),
            last_modified=headers.get("last-modified"), warc_file=position[0],
            warc_offset=position[1], fetched_at=utc_now())
        return position


class Crawler:
    """Runs one crawl over a store with a fetcher; the CLI renders its events."""

    def __init__(self, settings: Settings, store: Store, *, listener: Listener = _ignore,
                 transport: httpx.AsyncBaseTransport | None = None,
                 keep_outcomes: bool = False, sites: Iterable[Site] = ()) -> None:
        self.settings = settings
        self.sites = {site.name: site for site in sites}
        self.store = store
        self.listener = listener
        self.transport = transport
        self.keep_outcomes = keep_outcomes  # off for big crawls: memory stays flat
        self._archive: RecordingArchive | None = None

    def run(self, seeds: list[Seed], arguments: Iterable[str] = ()) -> CrawlReport:
        """Run the crawl to the end and return its report (synchronous entry point)."""
        return asyncio.run(self.run_async(seeds, arguments))

    async def run_async(self, seeds: list[Seed], arguments: Iterable[str] = ()) -> CrawlReport:
        """Discover from the seeds, then fetch, extract and store every pending article."""
        run_id = self.store.start_run(utc_now(), json.dumps(list(arguments)))
        report = CrawlReport(run_id)
        deadline = (time.monotonic() + self.settings.max_duration
                    if self.settings.max_duration else None)
        run_name = f"run-{run_id:06d}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}"
        status = 2
        try:
            with ArchiveWriter(self.settings.archive_dir, run_name) as archive:
                self._archive = RecordingArchive(archive, self.store, run_id)
                async with Fetcher(self.settings, self._archive, self.transport) as fetcher:
                    await self._discover(fetcher, seeds, report, run_id)
                    await self._fetch_articles(fetcher, report, run_id, deadline)
            status = report.exit_status
        finally:
            self.store.finish_run(run_id, utc_now(), report.counts, status)
        return report

    async def _discover(self, fetcher: Fetcher, seeds: list[Seed], report: CrawlReport,
                        run_id: int) -> None:
        """Fetch the seeds and everything they point to; fill the frontier."""
        queue = [(seed.url, seed, 0) for seed in seeds]
        seen: set[str] = set()
        discovered: set[str] = set()
        for seed in seeds:  # a start page brings its site's sitemaps (robots.txt) along
            if seed.kind == "start":
                queue.extend((url, seed, 1) for url in await fetcher.robots_sitemaps(seed.url))
        while queue:
            url, seed, depth = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            result = await fetcher.fetch(url, expect="any",
                                         user_agent=self._site_agent(fetcher, seed.site, url))
            self._record(run_id, url, result, None)
            if result.error is not None or result.page is None:
                reason = str(result.error) if result.error else "no response"
                self._fail(report, url, reason, seed.site)
                continue
            page = result.page
            found = discover(page, article_patterns=seed.article_patterns)
            if found.problem and not found.articles and not found.follow:
                self._fail(report, url, found.problem, seed.site)
            entries = [FrontierEntry(c.url, seed.site, url, c.published_hint) for c in found.articles]
            if found.kind == "html" and depth == 0 and looks_like_article(page.final_url) \
                    and not entries:
                entries.append(FrontierEntry(page.final_url, seed.site, None, None))
            self._enqueue(entries, report, discovered)
            if depth < MAX_DISCOVERY_DEPTH:
                queue.extend((follow, seed, depth + 1) for follow in found.follow)
        self.listener("discovered", {"count": report.counts["discovered"]})

    def _enqueue(self, entries: list[FrontierEntry], report: CrawlReport,
                 discovered: set[str]) -> None:
        """Add new URLs to the frontier and put rediscovered ones back in line."""
        unique = [e for e in OrderedDict((e.url, e) for e in entries if e.url).values()
                  if e.url not in discovered]
        if not unique:
            return
        self.store.enqueue(unique, discovered_at=utc_now())
        for entry in unique:  # a rediscovered article is fetched again, conditionally
            self.store.mark(entry.url, "pending")
            discovered.add(entry.url)
        report.counts["discovered"] += len(unique)

    async def _fetch_articles(self, fetcher: Fetcher, report: CrawlReport, run_id: int,
                              deadline: float | None) -> None:
        """Fetch every pending URL, one worker per host, `concurrency` hosts at a time."""
        limit = self.settings.max_pages or 1_000_000_000
        pending = self.store.pending(limit)
        by_host: dict[str, list[FrontierEntry]] = {}
        for entry in pending:
            by_host.setdefault(urlsplit(entry.url).netloc.lower(), []).append(entry)
        self.listener("fetching", {"total": len(pending)})
        gate = asyncio.Semaphore(self.settings.concurrency)

        async def host_worker(entries: list[FrontierEntry]) -> None:
            async with gate:
                for entry in entries:
                    if deadline is not None and time.monotonic() > deadline:
                        report.stopped_early = "max duration reached"
                        return
                    await self._process(fetcher, entry, report, run_id)

        await asyncio.gather(*(host_worker(entries) for entries in by_host.values()))

    async def _process(self, fetcher: Fetcher, entry: FrontierEntry, report: CrawlReport,
                       run_id: int) -> None:
        """Fetch, extract and store one article URL; record any failure with its reason."""
        etag, last_modified = self.store.validators(entry.url)
        result = await fetcher.fetch(entry.url, etag=etag, last_modified=last_modified,
                                     user_agent=self._site_agent(fetcher, entry.site, entry.url))
        if result.not_modified:
            self._record(run_id, entry.url, result, None)
            self.store.mark(entry.url, "done")
            report.counts["unchanged"] += 1
            self._outcome(report, PageOutcome(entry.url, UNCHANGED, site=entry.site))
            return
        if result.error is not None or result.page is None:
            self._record(run_id, entry.url, result, None)
            reason = str(result.error) if result.error else "no response"
            self.store.mark(entry.url, "failed", reason)
            self._fail(report, entry.url, reason, entry.site)
            return
        report.counts["fetched"] += 1
        page = result.page
        article = await asyncio.to_thread(extract, page.content, page.final_url,
                                          None, page.headers.get("content-type"))
        if article.is_empty:
            reason = article.provenance.warnings[0] if article.provenance.warnings else "no article text found"
            self._record(run_id, entry.url, result, f"extraction: {reason}")
            self.store.mark(entry.url, "failed", reason)
            self._fail(report, entry.url, reason, entry.site)
            return
        fetch_id = self._record(run_id, entry.url, result, None)
        saved = self.store.save_article(article, site=entry.site, fetch_id=fetch_id, seen_at=utc_now())
        self.store.mark(entry.url, "done")
        report.counts[saved.outcome if saved.outcome in (NEW, UPDATED) else "unchanged"] += 1
        self._outcome(report, PageOutcome(entry.url, saved.outcome, article=article, site=entry.site))

    def _site_agent(self, fetcher: Fetcher, site_name: str | None, url: str) -> str | None:
        """Apply the site's own delay to url's host; return its own User-Agent, if any."""
        site = self.sites.get(site_name or "")
        if site is None:
            return None
        if site.delay is not None:
            fetcher.set_host_delay(url, site.delay)
        return site.user_agent

    def _record(self, run_id: int, url: str, result: FetchResult, error: str | None) -> int:
        """Return the fetch row of this result (recorded when archived), noting any error;
        a failure with no response gets a row of its own."""
        page = result.page
        error = error or (str(result.error) if result.error else None)
        if page is not None and page.warc_file is not None and page.warc_offset is not None \
                and self._archive is not None:
            fetch_id = self._archive.fetch_ids.pop((page.warc_file, page.warc_offset), None)
            if fetch_id is not None:
                if error:
                    self.store.annotate_fetch(fetch_id, error)
                return fetch_id
        return self.store.record_fetch(
            run_id, url,
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

    def _fail(self, report: CrawlReport, url: str, reason: str, site: str | None) -> None:
        report.counts["failed"] += 1
        report.failures.append((url, reason))
        self._outcome(report, PageOutcome(url, "failed", reason=reason, site=site))

    def _outcome(self, report: CrawlReport, outcome: PageOutcome) -> None:
        if self.keep_outcomes:
            report.outcomes.append(outcome)
        self.listener("page", {"outcome": outcome})


