"""The work an ingest sends to its workers: plan a WARC file, extract the pages of a chunk.

Both are plain functions of their arguments (a path, offsets, the filters and the rules), so
they run the same in this process, in local worker processes or on Dask workers; the workers
must see the WARC files at the same paths. A chunk's result holds everything the writer
stores for each kept page: its fetch (the source file and offset) and its extracted article,
or the reason there is none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.recordloader import ArcWarcRecord

from ..archive import page_from_record
from ..bounded_extraction import BoundedExtractor, extractor_for
from ..discover import classify
from ..errors import ArchiveError
from ..models import Article, Provenance
from ..rules import RuleSet
from ..store.articles import article_fields
from ..version import EXTRACTOR_VERSION, __version__
from .filters import HOST_FILTERED, IngestFilters
from .warcs import FilePlan, RecordWalker, is_html_page, opened_at, plan_file

MAX_PAGE_BYTES = 10 * 1024 * 1024  # as a crawl caps bodies: larger records are not read


@dataclass(frozen=True)
class ChunkTask:
    """One chunk of a WARC file: records starting in [start, end)."""

    path: str
    compression: str
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class PageResult:
    """A kept page of a chunk: where it is archived, and its article or why there is none."""

    offset: int
    url: str
    fetched_at: str                 # the record's WARC-Date, ISO 8601 UTC; '' when it has none
    content_type: str | None
    size: int
    etag: str | None
    last_modified: str | None
    site: str | None                # the sites file's name for its host, if one was given
    article: Article | None
    failure: str | None
    fields: dict[str, Any] | None = None  # the article's row columns, computed on the worker


@dataclass(frozen=True)
class ChunkResult:
    """What a worker found in one chunk: the kept pages and the counts of the others."""

    position: int
    pages: tuple[PageResult, ...]
    counts: dict[str, int] = field(default_factory=dict)  # records, pages, filtered by reason


def plan_task(path: str, start: int, compression: str | None, chunk_pages: int) -> FilePlan:
    """Plan a WARC file (or its part after `start`); raise OSError when it cannot be read."""
    return plan_file(Path(path), start, compression, chunk_pages)


def extract_chunk(task: ChunkTask, filters: IngestFilters, rules: RuleSet,
                  timeout: float | None = None) -> ChunkResult:
    """Read one chunk's records, extract its HTML pages (each within `timeout` seconds, in a
    helper process of the worker; None for no limit) and apply the filters."""
    extractor = extractor_for(rules, timeout)
    counts: Counter[str] = Counter()
    pages: list[PageResult] = []
    with opened_at(Path(task.path), task.compression, task.start) as stream:
        walker = RecordWalker(stream, task.start, stop=task.end)
        for offset, record in walker:
            counts["records"] += 1
            if not is_html_page(record):
                continue
            counts["html"] += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            kept, site = filters.site_of(url)
            if not kept:
                counts[f"filtered_{HOST_FILTERED}"] += 1
                continue
            result, filtered = _read_page(task, offset, record, site, filters, extractor)
            if filtered:
                counts[f"filtered_{filtered}"] += 1
            if result is not None:
                counts["pages"] += 1
                pages.append(result)
    if walker.complete_end < task.end:
        raise ArchiveError(f"the chunk ends early: {walker.damage or 'file changed since planned'}",
                           task.path)
    return ChunkResult(task.position, tuple(pages), dict(counts))


def _read_page(task: ChunkTask, offset: int, record: ArcWarcRecord, site: str | None,
               filters: IngestFilters, extractor: BoundedExtractor
               ) -> tuple[PageResult | None, str | None]:
    """Extract one archived page; return (what to store, or None; the filter that dropped it)."""
    declared = (record.rec_headers.get_header("Content-Length") or "0").strip()
    size = int(declared) if declared.isdigit() else 0
    fetch = {"offset": offset, "url": record.rec_headers.get_header("WARC-Target-URI") or "",
             "fetched_at": _iso_utc(record.rec_headers.get_header("WARC-Date")), "site": site}
    if size > MAX_PAGE_BYTES:
        return _failed(fetch, record, size, f"record of {size} bytes is over the "
                                              f"{MAX_PAGE_BYTES // 2**20} MB limit"), None
    try:
        page = page_from_record(record, task.path, offset)
    except ArchiveError as error:
        return _failed(fetch, record, size, f"archive: {error}"), None
    content_type = page.headers.get("content-type")
    if not content_type and classify("", page.content, page.url) != "html":
        return None, "type"  # undeclared, and not HTML either
    article = _extract(extractor, page.content, page.final_url, content_type)
    headers = {"content_type": content_type, "size": len(page.content),
               "etag": page.headers.get("etag"), "last_modified": page.headers.get("last-modified")}
    if article.is_empty:
        warnings = article.provenance.warnings
        reason = f"extraction: {warnings[0] if warnings else 'no article text found'}"
        return PageResult(**fetch, **headers, article=None, failure=reason), None
    rejected = filters.rejects(article)
    if rejected:
        return None, rejected
    return PageResult(**fetch, **headers, article=article, failure=None,
                      fields=article_fields(article)), None


def _extract(extractor: BoundedExtractor, content: bytes, url: str,
             content_type: str | None) -> Article:
    """extract(), with an unexpected exception turned into an empty record with its reason."""
    try:
        return extractor.extract(content, url, content_type)
    except Exception as error:  # noqa: BLE001 - recorded with its reason, the chunk goes on
        return Article(url=url, provenance=Provenance(
            warnings=(f"extraction error {type(error).__name__}: {error}",)))


def _failed(fetch: dict[str, object], record: ArcWarcRecord, size: int, reason: str) -> PageResult:
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http is not None else None
    return PageResult(**fetch, content_type=content_type, size=size, etag=None,  # type: ignore[arg-type]
                      last_modified=None, article=None, failure=reason)


def _iso_utc(warc_date: str | None) -> str:
    """Return a WARC-Date as ISO 8601 UTC with seconds ('' when missing or unreadable)."""
    try:
        when = datetime.fromisoformat((warc_date or "").strip())
    except ValueError:
        return ""
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def worker_versions() -> tuple[str, str]:
    """Return (scraper version, extractor version) of the process it runs in."""
    return __version__, EXTRACTOR_VERSION
