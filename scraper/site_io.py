"""What a site's discovery asks of the crawl (site_discovery.DiscoveryIO), and how a seed page
that turns out to be an article, or neither article nor listing, is handled."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from .crawl_state import RunState
from .discover import Discovery
from .site_discovery import Fetched
from .sites import Seed
from .store import FrontierEntry
from .urls import looks_like_article, normalize_url

if TYPE_CHECKING:
    from .pipeline import Crawler


class SiteIO:
    """Fetching, reading and recording for one run's discovery, with the run's budgets."""

    def __init__(self, crawler: Crawler, run: RunState) -> None:
        self.crawler = crawler
        self.run = run

    async def fetch_document(self, url: str, seed: Seed) -> Fetched | None:
        """Fetch and record one document; None when the run's time is up."""
        options = self.crawler.site_options(self.run, seed.site, url)
        result = await self.run.fetch_within(url, expect="any", **options)
        if result is None:
            return None
        return Fetched(url, result, self.run.archive.record_result(url, result))

    async def read(self, fetched: Fetched, seed: Seed, max_urls: int) -> Discovery:
        """Read a fetched document in a worker; an unreadable one has its reason recorded."""
        page = fetched.result.page
        assert page is not None
        try:  # bounded by the extraction timeout, and by the run's time as fetching is
            async with asyncio.timeout(self.run.remaining()):
                found = await self.run.pool.discover(page, seed.article_patterns, max_urls)
        except TimeoutError:
            return Discovery(cut="max duration reached while reading it")
        if found.problem and not found.articles and not found.follow:
            self.crawler.store.annotate_fetch(fetched.fetch_id, found.problem)
        return found

    async def robots_sitemaps(self, url: str, seed: Seed) -> list[str]:
        """The sitemaps the robots.txt of url's host names, of the seed's own site."""
        return await self.run.robots_sitemaps(
            url, hosts=self.crawler.site_hosts(seed.site),
            **self.crawler.site_options(self.run, seed.site, url))

    async def seed_page(self, seed: Seed, fetched: Fetched, found: Discovery) -> bool:
        """Store a seed page that is an article itself (no second fetch); refuse a page given
        on the command line that is neither an article nor a listing. True when handled."""
        page = fetched.result.page
        assert page is not None
        if found.kind != "html":
            return False
        has_links = bool(found.articles or found.follow)
        says_article = looks_like_article(page.final_url)
        if seed.kind == "url":
            says_article = says_article or found.declares_article
            if not says_article and has_links:
                return False  # a listing page
        elif not says_article:
            return False  # a sites-file start page is a section page unless its URL says not
        article = await self.run.pool.extract(page)
        if not article.is_empty:
            entry = FrontierEntry(normalize_url(page.final_url) or page.final_url, seed.site)
            self.crawler.enqueue(self.run, [entry])
            self.run.report.counts["fetched"] += 1
            if self.run.pages_left is not None:
                self.run.pages_left -= 1
            self.crawler.store_article(self.run, entry, article, fetched.fetch_id)
            return True
        if seed.kind != "url" or has_links:
            return False
        warnings = article.provenance.warnings
        reason = ("not an article (" + (warnings[0] if warnings else "no article text found")
                  + ") and no links to articles, feeds or sitemaps on it")
        self.crawler.store.annotate_fetch(fetched.fetch_id, reason)
        self.failed(fetched.url, reason, seed.site or "")
        return True

    def failed(self, url: str, reason: str, site: str) -> None:
        """Record a document that could not be read."""
        self.crawler.fail(self.run.report, url, reason, site)

    def cut(self, site: str, url: str | None, reason: str) -> None:
        """Record where discovery read less than was offered."""
        self.crawler.cut(self.run, site, url, reason)

    def out_of_time(self) -> bool:
        """True once the run's time budget is spent."""
        return self.run.out_of_time()

    def pages_wanted(self) -> int | None:
        """Articles the run may still fetch (None: no limit)."""
        return self.run.pages_left
