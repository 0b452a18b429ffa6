"""Store: the one object the pipeline and the commands use to read and write the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlite_utils import Database

from ..errors import DamagedDatabaseError, StoreError
from ..models import Article
from . import articles, frontier, runs, search, stats, versions
from .articles import SaveResult
from .connection import connect
from .frontier import FrontierEntry
from .search import SearchHit
from .timeutil import utc_now

# What SQLite says when the file's bytes are not what it wrote (or not a database at all).
DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
DAMAGE_MESSAGES = ("malformed", "not a database", "vtable constructor failed")


def is_damage(error: sqlite3.Error) -> bool:
    """Tell whether a database error means the file is damaged, not that a statement failed."""
    code = str(getattr(error, "sqlite_errorname", "") or "")
    return code.startswith(DAMAGE_CODES) or any(text in str(error) for text in DAMAGE_MESSAGES)


def database_error(error: sqlite3.Error, url: str | None, path: Path | str | None) -> StoreError:
    """Return the StoreError for a database error: a damaged file says what to do about it."""
    if not is_damage(error):
        return StoreError(f"database error: {error}", url)
    where = str(path) if path is not None else "the database file"
    return DamagedDatabaseError(
        f"the database is damaged ({error}): check it with  sqlite3 {where} "
        f"'PRAGMA integrity_check'  and restore it from a backup, or save what is readable "
        f"with  sqlite3 {where} .recover", where)


@contextmanager
def refused(url: str | None = None, path: Path | str | None = None) -> Iterator[None]:
    """Turn a database error into a StoreError carrying the url (or file) it concerns."""
    try:
        yield
    except sqlite3.Error as error:
        raise database_error(error, url, path) from error


class Store:
    """The article database: runs, fetches, articles, frontier, search."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open the database (creating its folder and file unless create=False), migrated."""
        with refused(str(path), path):
            return cls(connect(path, create=create), Path(path))

    def _refused(self, url: str | None = None) -> AbstractContextManager[None]:
        return refused(url, self.path)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[Store]:
        """Group many saves into one transaction (each save stays atomic on its own)."""
        with self._refused(), self.db.atomic():
            yield self

    def start_run(self, started_at: str, arguments: str) -> int:
        """Record the start of a crawl run; return its id."""
        with self._refused():
            return runs.start_run(self.db, started_at, arguments)

    def finish_run(self, run_id: int, finished_at: str, counts: Mapping[str, int],
                   exit_status: int, stopped_early: str | None = None) -> None:
        """Record a run's end; counts keys: discovered fetched unchanged failed new updated."""
        with self._refused():
            runs.finish_run(self.db, run_id, finished_at, counts, exit_status, stopped_early)

    def record_cut(self, run_id: int, site: str | None, url: str | None, reason: str) -> None:
        """Record where discovery read less than a site offered, and why."""
        with self._refused(url):
            runs.record_cut(self.db, run_id, site, url, reason, utc_now())

    def record_fetch(self, run_id: int | None, url: str, *, final_url: str | None,
                     status: int | None, error: str | None, content_type: str | None = None,
                     size: int | None = None, etag: str | None = None,
                     last_modified: str | None = None, warc_file: str | None = None,
                     warc_offset: int | None = None, fetched_at: str,
                     elapsed: float | None = None) -> int:
        """Record one HTTP attempt (error = the reason it failed); return its id."""
        values: dict[str, Any] = {
            "run_id": run_id, "url": url, "final_url": final_url, "status": status,
            "error": error, "content_type": content_type, "size": size, "etag": etag,
            "last_modified": last_modified, "warc_file": warc_file, "warc_offset": warc_offset,
            "fetched_at": fetched_at, "elapsed": elapsed}
        with self._refused(url):
            return runs.record_fetch(self.db, values)

    def annotate_fetch(self, fetch_id: int, error: str) -> None:
        """Record why a fetched page failed later on (e.g. nothing could be extracted)."""
        with self._refused():
            runs.annotate_fetch(self.db, fetch_id, error)

    def done_at(self, url: str) -> str | None:
        """When a URL whose frontier row is done was last fetched successfully (UTC), or None."""
        with self._refused(url):
            return runs.done_at(self.db, url)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """Return (etag, last_modified) of the last 200 response for `url`."""
        with self._refused(url):
            return runs.validators(self.db, url)

    def save_article(self, article: Article, *, site: str | None, fetch_id: int | None,
                     seen_at: str, fields: dict[str, Any] | None = None) -> SaveResult:
        """Insert or update the article (one row per canonical URL) in one transaction;
        `fields` are its store.articles.article_fields() when computed elsewhere already."""
        with self._refused(article.canonical_url or article.url):
            return articles.save_article(self.db, article, site=site, fetch_id=fetch_id,
                                         seen_at=seen_at, fields=fields)

    def enqueue(self, entries: Iterable[FrontierEntry], discovered_at: str | None = None) -> int:
        """Add new candidate URLs as pending; return how many were new."""
        with self._refused():
            return frontier.enqueue(self.db, entries, discovered_at or utc_now())

    def pending(self, limit: int, site: str | None = None) -> list[FrontierEntry]:
        """Return up to `limit` pending frontier entries, newest first."""
        with self._refused():
            return frontier.pending(self.db, limit, site)

    def pending_count(self, sites: Iterable[str]) -> int:
        """Return how many frontier URLs of these sites are pending."""
        with self._refused():
            return frontier.pending_count(self.db, sites)

    def mark(self, url: str, state: str, error: str | None = None) -> None:
        """Set a frontier URL's state: pending, done, failed or skipped."""
        with self._refused(url):
            frontier.mark(self.db, url, state, error, utc_now())

    def search(self, query: str, *, limit: int = 20, site: str | None = None,
               since: str | None = None, until: str | None = None, author: str | None = None,
               speaker: str | None = None, raw: bool = False, order: str = "rank",
               markers: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
        """Full-text search over headlines, bodies and quotes, with filters."""
        with self._refused():
            return search.search(self.db, query, limit=limit, site=site, since=since,
                                 until=until, author=author, speaker=speaker, raw=raw,
                                 order=order, markers=markers)

    def stats(self) -> dict[str, Any]:
        """Return the summary: totals, articles per site, dates, last run, failures."""
        with self._refused():
            return stats.collect_stats(self.db)

    def site_names(self) -> list[str]:
        """Return the name of every site the database holds, sorted."""
        with self._refused():
            return [name for (name,) in self.db.execute("SELECT name FROM sites ORDER BY name")]

    def history(self, url: str) -> list[versions.Version]:
        """Return every text of the article known by `url`, oldest first; [] if unknown."""
        with self._refused(url):
            article_id = versions.find_article_id(self.db, url)
            return versions.article_versions(self.db, article_id) if article_id else []
