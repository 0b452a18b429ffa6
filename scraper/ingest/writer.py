"""The one writer: stores a chunk's pages and marks the chunk done, in one transaction.

Each kept page gets the fetch row of its archived record (reused when that record was read
before) and, when an article was extracted, the article saved as a crawl saves it, its times
taken from the record's WARC-Date. The chunk's ledger row is written in the same transaction,
so a chunk is stored entirely or not at all, and never twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..errors import ScraperError
from ..recording import utc_now
from ..store import NEW, UPDATED, Store
from ..store.core import refused
from ..store.ingest_ledger import DONE, FAILED, ChunkCounts, fetch_of_record, record_chunk
from .tasks import ChunkResult, PageResult


@dataclass(frozen=True)
class ChunkPlace:
    """Where a chunk belongs: its file's ledger row, the filters, its position and offsets."""

    file_id: int
    path: str
    filters: str
    position: int
    offsets: tuple[int, int]


class ChunkWriter:
    """Stores chunk results for one run; counts what each save did."""

    def __init__(self, store: Store, run_id: int) -> None:
        self.store = store
        self.run_id = run_id

    def store_chunk(self, place: ChunkPlace, result: ChunkResult) -> Counter[str]:
        """Store every page of a chunk and mark it done; return the outcomes by name."""
        try:
            with self.store.batch():
                outcomes = Counter(self._store_page(place.path, page) for page in result.pages)
                self._mark(place, DONE, result, outcomes, None)
        except ScraperError:  # one page refused: store them one by one, recording the refusal
            outcomes = Counter(self._store_alone(place.path, page) for page in result.pages)
            with self.store.batch():
                self._mark(place, DONE, result, outcomes, None)
        return outcomes

    def fail_chunk(self, place: ChunkPlace, reason: str) -> None:
        """Record that a chunk kept failing, with its reason."""
        with self.store.batch():
            self._mark(place, FAILED, ChunkResult(place.position, ()), Counter(), reason)

    def _store_page(self, path: str, page: PageResult) -> str:
        """Store one page: its fetch row, then its article; return the outcome."""
        fetched_at = page.fetched_at or utc_now()
        with refused(page.url):
            fetch_id = fetch_of_record(self.store.db, path, page.offset)
        if fetch_id is None:
            fetch_id = self.store.record_fetch(
                self.run_id, page.url, final_url=page.url, status=200, error=page.failure,
                content_type=page.content_type, size=page.size, etag=page.etag,
                last_modified=page.last_modified, warc_file=path, warc_offset=page.offset,
                fetched_at=fetched_at)
        if page.article is None:
            return "failed"
        saved = self.store.save_article(page.article, site=page.site, fetch_id=fetch_id,
                                        seen_at=fetched_at, fields=page.fields)
        return saved.outcome if saved.outcome in (NEW, UPDATED) else "unchanged"

    def _store_alone(self, path: str, page: PageResult) -> str:
        try:
            with self.store.batch():
                return self._store_page(path, page)
        except ScraperError as error:
            page = PageResult(**{**page.__dict__, "article": None,
                                 "failure": f"cannot store: {error}"})
            with self.store.batch():
                return self._store_page(path, page)

    def _mark(self, place: ChunkPlace, state: str, result: ChunkResult, outcomes: Counter[str],
              error: str | None) -> None:
        counts = result.counts
        filtered = sum(n for key, n in counts.items() if key.startswith("filtered_"))
        articles = outcomes[NEW] + outcomes[UPDATED] + outcomes["unchanged"]
        with refused(place.path):
            record_chunk(self.store.db, file_id=place.file_id, filters=place.filters,
                         position=place.position, offsets=place.offsets, state=state,
                         counts=ChunkCounts(counts.get("html", 0), articles, outcomes["failed"],
                                            filtered),
                         error=error, run_id=self.run_id, stored_at=utc_now())
