"""Crawl runs and fetches: what each run did, and every HTTP attempt with its reason."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from ..errors import StoreError
from ..version import __version__

# Count names the pipeline reports at the end of a run -> crawl_runs columns.
RUN_COUNT_COLUMNS: dict[str, str] = {
    "discovered": "pages_discovered",
    "fetched": "pages_fetched",
    "unchanged": "pages_unchanged",
    "failed": "pages_failed",
    "new": "articles_new",
    "updated": "articles_updated",
}

FETCH_COLUMNS = ("run_id", "url", "final_url", "status", "error", "content_type", "size", "etag",
                 "last_modified", "warc_file", "warc_offset", "fetched_at", "elapsed")


def start_run(db: Database, started_at: str, arguments: str) -> int:
    """Record the start of a crawl run and return its id."""
    cursor = db.execute(
        "INSERT INTO crawl_runs (started_at, arguments, scraper_version) VALUES (?, ?, ?)",
        [started_at, arguments, __version__])
    return int(cursor.lastrowid)


def finish_run(db: Database, run_id: int, finished_at: str, counts: Mapping[str, int],
               exit_status: int, stopped_early: str | None = None) -> None:
    """Record the end of a run: its counts (keys of RUN_COUNT_COLUMNS), exit status and why
    it stopped early, if it did."""
    unknown = sorted(set(counts) - set(RUN_COUNT_COLUMNS))
    if unknown:
        raise StoreError(f"unknown run count(s) {', '.join(unknown)}; "
                         f"known: {', '.join(RUN_COUNT_COLUMNS)}")
    values: dict[str, Any] = {RUN_COUNT_COLUMNS[key]: int(n) for key, n in counts.items()}
    values.update(finished_at=finished_at, exit_status=exit_status, stopped_early=stopped_early)
    assignments = ", ".join(f"{column} = ?" for column in values)
    cursor = db.execute(f"UPDATE crawl_runs SET {assignments} WHERE id = ?",
                        [*values.values(), run_id])
    if cursor.rowcount == 0:
        raise StoreError(f"no crawl run with id {run_id}")


def record_fetch(db: Database, values: Mapping[str, Any]) -> int:
    """Insert one fetch row (keys of FETCH_COLUMNS) and return its id."""
    row = {column: values.get(column) for column in FETCH_COLUMNS}
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO fetches ({names}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid)


def record_cut(db: Database, run_id: int, site: str | None, url: str | None, reason: str,
               at: str) -> None:
    """Record where discovery read less than was offered, and why."""
    db.execute("INSERT INTO discovery_cuts (run_id, site, url, reason, at) VALUES (?, ?, ?, ?, ?)",
               [run_id, site, url, reason, at])


def annotate_fetch(db: Database, fetch_id: int, error: str) -> None:
    """Set the error (the reason the page failed) on a recorded fetch."""
    db.execute("UPDATE fetches SET error = ? WHERE id = ?", [error, fetch_id])


def done_at(db: Database, url: str) -> str | None:
    """When `url` was last fetched successfully (200 or 304), if its frontier row is done."""
    row = db.execute(
        "SELECT fetches.fetched_at FROM fetches JOIN frontier ON frontier.url = fetches.url"
        " WHERE fetches.url = ? AND frontier.state = 'done' AND fetches.status IN (200, 304)"
        " ORDER BY fetches.fetched_at DESC LIMIT 1", [url]).fetchone()
    return row[0] if row else None


def validators(db: Database, url: str) -> tuple[str | None, str | None]:
    """Return (etag, last_modified) of the last successful (200) fetch of `url`."""
    row = db.execute(
        "SELECT etag, last_modified FROM fetches WHERE url = ? AND status = 200"
        " ORDER BY fetched_at DESC, id DESC LIMIT 1", [url]).fetchone()
    return (row[0], row[1]) if row else (None, None)
