"""The archive as the pipeline sees it: every archived exchange also becomes a fetch row."""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime

from .archive import ArchiveWriter
from .fetch import FetchResult
from .fetch.contracts import header_text
from .store import Store

POSITIONS_KEPT = 4096  # archived responses whose fetch row is not yet claimed


def utc_now() -> str:
    """Return the current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class RecordingArchive:
    """Archives each exchange, then records it as a fetch row at once.

    Every response the fetcher receives (robots.txt, redirect hops, retried 5xx, the page
    itself) thus has its row, pointing at its WARC record; the fetcher's result claims its row
    by that WARC position. Unclaimed positions (hops, retries) are forgotten oldest first.
    The row's error is the fetcher's verdict: a robots.txt 404 is an answer, not a failure.
    """

    def __init__(self, archive: ArchiveWriter, store: Store, run_id: int) -> None:
        self.archive = archive
        self.store = store
        self.run_id = run_id
        self.fetch_ids: OrderedDict[tuple[str, int], int] = OrderedDict()

    def write_exchange(self, *, url: str, method: str, request_headers: list[tuple[str, str]],
                       status: int, reason: str, http_version: str,
                       response_headers: list[tuple[str, str]], body: bytes,
                       error: str | None = None) -> tuple[str, int]:
        """Archive the exchange and record it; return its WARC file and offset."""
        position = self.archive.write_exchange(
            url=url, method=method, request_headers=request_headers, status=status,
            reason=reason, http_version=http_version, response_headers=response_headers, body=body)
        headers = {name.lower(): header_text(value) for name, value in response_headers}
        self.fetch_ids[position] = self.store.record_fetch(
            self.run_id, url, final_url=url, status=status, error=error,
            content_type=headers.get("content-type"), size=len(body), etag=headers.get("etag"),
            last_modified=headers.get("last-modified"), warc_file=position[0],
            warc_offset=position[1], fetched_at=utc_now())
        while len(self.fetch_ids) > POSITIONS_KEPT:
            self.fetch_ids.popitem(last=False)
        return position

    def claim(self, warc_file: str | None, warc_offset: int | None) -> int | None:
        """Return (and forget) the fetch row recorded for the response at this position."""
        return self.fetch_ids.pop((warc_file or "", warc_offset if warc_offset is not None else -1),
                                  None)

    def record_result(self, url: str, result: FetchResult) -> int:
        """Return the fetch row of a fetch result (recorded when archived), noting its error;
        a failure with no response gets a row of its own."""
        page = result.page
        error = str(result.error) if result.error else None
        if page is not None:
            fetch_id = self.claim(page.warc_file, page.warc_offset)
            if fetch_id is not None:
                if page.final_url != url:  # the last hop of redirects: say what was asked for
                    self.store.db.execute("UPDATE fetches SET url = ? WHERE id = ?",
                                          [url, fetch_id])
                if error:
                    self.store.annotate_fetch(fetch_id, error)
                return fetch_id
        return self.store.record_fetch(
            self.run_id, url,
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
