"""Discovery of one site in a run: its seeds and what they lead to, under the run's budgets.

A site's seeds (start pages, feeds, sitemaps, and the sitemaps its robots.txt names) are read
breadth first, one document at a time (requests to one host take turns anyway), while other
sites are discovered at the same time. Every source that lists a URL adds to what is known of
it: the URL keeps the latest date any listing gives it, so a start page's undated link does
not hide the date its feed or sitemap gives. Discovery stops, and records why, when the run's
time is up, when the site has as many candidates as --max-pages wants, when it has read
`max_documents` documents or kept `max_urls` candidates; a sitemap index's sitemaps are read
newest first and, with --since, those last changed before it are not read at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from .discover import Discovery
from .fetch import FetchResult
from .sites import Seed
from .store import FrontierEntry

MAX_DEPTH = 3  # sitemap index -> sitemap -> ... ; feeds and pages rarely nest
TIME_UP = "max duration reached during discovery"


@dataclass(frozen=True)
class DiscoveryLimits:
    """What one site's discovery may spend in a run."""

    max_documents: int
    max_urls: int
    max_sitemap_urls: int


@dataclass(frozen=True)
class Fetched:
    """A discovery document as fetched, with its recorded fetch row."""

    url: str
    result: FetchResult
    fetch_id: int


class DiscoveryIO(Protocol):
    """What discovery needs from the crawl: fetching, reading, recording, the budgets."""

    async def fetch_document(self, url: str, seed: Seed) -> Fetched | None:
        """Fetch and record one document; None when the run's time is up."""

    async def read(self, fetched: Fetched, seed: Seed, max_urls: int) -> Discovery:
        """Read a fetched document into candidates (off the event loop)."""

    async def robots_sitemaps(self, url: str, seed: Seed) -> list[str]:
        """The sitemaps the robots.txt of url's host names (of the seed's own site)."""

    async def seed_page(self, seed: Seed, fetched: Fetched, found: Discovery) -> bool:
        """Handle a seed page that is an article itself (or neither); True when handled."""

    def failed(self, url: str, reason: str, site: str) -> None:
        """Record a document that could not be read."""

    def cut(self, site: str, url: str | None, reason: str) -> None:
        """Record where discovery read less than was offered, and why."""

    def out_of_time(self) -> bool:
        """True once the run's time budget is spent."""

    def pages_wanted(self) -> int | None:
        """Articles the run may still fetch (None: no limit)."""


def hint_instant(hint: str | None) -> datetime | None:
    """A listing date as an aware datetime; a bare date counts as the end of its day."""
    if not hint:
        return None
    try:
        when = datetime.fromisoformat(hint.strip())
    except ValueError:
        return None
    if len(hint.strip()) <= 10:
        when = when.replace(hour=23, minute=59, second=59)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def later_hint(first: str | None, second: str | None) -> str | None:
    """The later of two listing dates (an unreadable one loses to a readable one)."""
    first_at, second_at = hint_instant(first), hint_instant(second)
    if first_at is None:
        return second if second_at is not None or not first else first
    if second_at is None:
        return first
    return second if second_at > first_at else first


@dataclass
class Candidates:
    """A site's candidate URLs, each listed once, with the latest date any listing gave."""

    site: str
    limit: int
    entries: dict[str, FrontierEntry] = field(default_factory=dict)

    @property
    def full(self) -> bool:
        """True once `limit` URLs are kept."""
        return len(self.entries) >= self.limit

    def add(self, found: Discovery, source: str) -> bool:
        """Merge one document's candidates; False when some were left out (the site is full)."""
        for candidate in found.articles:
            known = self.entries.get(candidate.url)
            if known is None:
                if self.full:
                    return False
                self.entries[candidate.url] = FrontierEntry(
                    candidate.url, self.site, source, candidate.published_hint)
            elif candidate.published_hint:
                hint = later_hint(known.published_hint, candidate.published_hint)
                if hint != known.published_hint:
                    self.entries[candidate.url] = FrontierEntry(
                        known.url, known.site, known.discovered_from, hint)
        return True


@dataclass
class _Queue:
    """Documents to read, breadth first, each once, at most `room` of them in all."""

    room: int
    waiting: deque[tuple[str, Seed, int]] = field(default_factory=deque)
    seen: set[str] = field(default_factory=set)

    def push(self, urls: Iterable[str], seed: Seed, depth: int) -> int:
        """Queue the urls not seen yet while there is room; return how many did not fit."""
        left_out = 0
        for url in urls:
            if url in self.seen:
                continue
            if len(self.seen) >= self.room:
                left_out += 1
                continue
            self.seen.add(url)
            self.waiting.append((url, seed, depth))
        return left_out


class SiteDiscovery:
    """Discovers one site's candidates from its seeds (see module docstring)."""

    def __init__(self, site: str, seeds: list[Seed], io: DiscoveryIO, limits: DiscoveryLimits,
                 since: datetime | None = None) -> None:
        self.site = site
        self.seeds = seeds
        self.io = io
        self.limits = limits
        self.since = since
        self.found = Candidates(site, limits.max_urls)
        self.documents = 0

    async def run(self) -> Candidates:
        """Read the seeds and what they lead to; return the candidates found."""
        queue = _Queue(self.limits.max_documents)
        for seed in self.seeds:
            self._left_out(queue.push([seed.url], seed, 0))
        while queue.waiting and not self._must_stop():
            url, seed, depth = queue.waiting.popleft()
            if not await self._read_one(queue, url, seed, depth):
                self.io.cut(self.site, url, TIME_UP)
                break
        return self.found

    def _must_stop(self) -> bool:
        """True (the reason recorded) when the run's time or page budget stops discovery."""
        if self.io.out_of_time():
            self.io.cut(self.site, None, TIME_UP)
            return True
        wanted = self.io.pages_wanted()
        if wanted is not None and len(self.found.entries) >= wanted:
            if self.documents < len(self.seeds):
                return False  # every seed is read: the feeds give the dates
            self.io.cut(self.site, None, f"enough candidates for --max-pages ({wanted})")
            return True
        return False

    async def _read_one(self, queue: _Queue, url: str, seed: Seed, depth: int) -> bool:
        """Fetch and read one document; False when the run's time ran out while fetching it."""
        fetched = await self.io.fetch_document(url, seed)
        if fetched is None:
            return False
        self.documents += 1
        result = fetched.result
        if result.error is not None or result.page is None:
            self.io.failed(url, str(result.error) if result.error else "no response", self.site)
            return True
        found = await self.io.read(fetched, seed, self.limits.max_sitemap_urls)
        if depth == 0:
            if await self.io.seed_page(seed, fetched, found):
                return True
            if seed.kind == "start" or (seed.kind == "url" and found.kind == "html"):
                # a section page brings its site's sitemaps (robots.txt) along
                sitemaps = await self.io.robots_sitemaps(seed.url, seed)
                self._left_out(queue.push(sitemaps, seed, 1))
        if found.problem and not found.articles and not found.follow:
            self.io.failed(url, found.problem, self.site)
        if found.cut:
            self.io.cut(self.site, url, found.cut)
        if not self.found.add(found, url):
            self.io.cut(self.site, None, f"site has over {self.limits.max_urls:,} candidate urls;"
                        f" kept the first {self.limits.max_urls:,}")
            queue.waiting.clear()
            return True
        if depth < MAX_DEPTH:
            self._left_out(queue.push(self._worth_following(found), seed, depth + 1))
        return True

    def _worth_following(self, found: Discovery) -> list[str]:
        """The documents a listing leads to: sitemaps newest first, those unchanged since
        before --since left out (they list nothing newer)."""
        dated = found.follow_dates
        keep = [url for url in found.follow
                if not (self.since and (when := hint_instant(dated.get(url))) and when < self.since)]
        return sorted(keep, key=lambda url: hint_instant(dated.get(url)) or _UNDATED, reverse=True)

    def _left_out(self, count: int) -> None:
        if count:
            self.io.cut(self.site, None, f"read {self.limits.max_documents:,} feeds, sitemaps and "
                        f"listing pages (the most per site); left out {count:,} more")


_UNDATED = datetime.min.replace(tzinfo=UTC)
