"""The two sides, each giving a record in our extraction-record shape; trafilatura's cache.

Ours: `scraper.extract(html, url=...)` (every field). Trafilatura: its text-only extraction
(`extract(..., include_comments=False)`, the timed reference and the body scored) plus an
untimed `bare_extraction(..., with_metadata=True)` for title, date (htmldate) and author.
"""

from __future__ import annotations

import json
import traceback
from pathlib import Path
from typing import Any

from benchmarks.realweb.corpora import Page
from benchmarks.realweb.field_metrics import split_author_line


def ours(html: bytes, url: str) -> dict[str, Any]:
    """Our full extraction record; {"error": ...} when extraction raises."""
    return record_of(ours_article(html, url))


def ours_article(html: bytes, url: str) -> Any:
    """Our Article (the timed call), or the exception it raised."""
    from scraper import extract

    try:
        return extract(html, url=url)
    except Exception as error:  # noqa: BLE001 - a benchmark records failures and goes on
        return error


def record_of(result: Any) -> dict[str, Any]:
    """The extraction record of an Article, or {"body": "", "error": ...} for an exception."""
    if isinstance(result, Exception):
        return {"body": "", "error": _describe(result)}
    return result.to_dict()


def trafilatura_text(html: bytes, url: str) -> str:
    """trafilatura's body text, comments excluded (the benchmark's reference setting)."""
    import trafilatura

    try:
        return trafilatura.extract(html, url=url, include_comments=False) or ""
    except Exception:  # noqa: BLE001 - the reference failing on a page scores it as empty
        return ""


def trafilatura_metadata(html: bytes, url: str) -> dict[str, Any]:
    """trafilatura's headline, date and authors (author string split as the truth's is)."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                               include_comments=False)
    except Exception:  # noqa: BLE001 - the reference failing on a page scores it as empty
        document = None
    if document is None:
        return {"headline": None, "published_at": None, "authors": []}
    return {"headline": document.title, "published_at": document.date,
            "authors": split_author_line(document.author)}


def trafilatura_record(text: str, metadata: dict[str, Any]) -> dict[str, Any]:
    """trafilatura's record in our shape (no images)."""
    return {"body": text, **metadata}


def trafilatura_version() -> str:
    """The installed trafilatura version (part of the cache key)."""
    import trafilatura

    return trafilatura.__version__


def _describe(error: Exception) -> str:
    where = traceback.extract_tb(error.__traceback__)[-1:]
    place = f" at {Path(where[0].filename).name}:{where[0].lineno}" if where else ""
    return f"{type(error).__name__}: {error}{place}"[:300]


class TrafilaturaCache:
    """trafilatura's records per page, one JSON file per corpus, keyed by page-file hash."""

    def __init__(self, folder: Path, corpus: str) -> None:
        self.path = folder / f"trafilatura-{trafilatura_version()}" / f"{corpus}.json"
        self.entries: dict[str, Any] = {}
        if self.path.is_file():
            self.entries = json.loads(self.path.read_text(encoding="utf-8"))
        self.changed = False

    def get(self, page: Page) -> dict[str, Any] | None:
        """The cached record of this page when the page file has not changed."""
        entry = self.entries.get(page.page_id)
        return entry["record"] if entry and entry.get("digest") == page.digest() else None

    def put(self, page: Page, record: dict[str, Any]) -> None:
        """Remember this page's record."""
        self.entries[page.page_id] = {"digest": page.digest(), "record": record}
        self.changed = True

    def save(self) -> None:
        """Write the cache when it changed."""
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.entries, sort_keys=True), encoding="utf-8")
