"""What `scraper ingest` has done: each WARC file's plan, and each chunk stored or failing.

A file's row holds its plan (the byte ranges of its chunks). A chunk gets a row in
ingest_chunks, keyed by the run's filters, in the same transaction that stores its pages: a
chunk with a row 'done' was stored exactly once, and a chunk with no row is still to do.
The fetch of an archived record is looked up by its position, so a record read again (under
other filters, or by a rerun) never gets a second fetch row.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

DONE, FAILED = "done", "failed"


@dataclass(frozen=True)
class FileRecord:
    """A WARC file as the ledger knows it."""

    id: int
    path: str
    size: int
    head_digest: str
    compression: str | None
    records: int
    pages: int
    chunks: tuple[tuple[int, int, int], ...]  # (start offset, end offset, pages)
    planned_end: int
    damage: str | None
    error: str | None
    planned_at: str | None  # None: recorded, not planned yet


@dataclass(frozen=True)
class ChunkCounts:
    """What storing one chunk did."""

    pages: int = 0
    articles: int = 0
    failed: int = 0
    filtered: int = 0


def find_file(db: Database, path: str) -> FileRecord | None:
    """Return the ledger's row of a WARC file, or None."""
    cursor = db.execute("SELECT id, path, size, head_digest, compression, records, pages, chunks,"
                        " planned_end, damage, error, planned_at FROM ingest_files WHERE path = ?", [path])
    row = cursor.fetchone()
    if row is None:
        return None
    values: dict[str, Any] = dict(zip([d[0] for d in cursor.description], row))
    values["chunks"] = tuple(tuple(chunk) for chunk in json.loads(values["chunks"]))
    return FileRecord(**values)


def save_file(db: Database, values: Mapping[str, Any]) -> int:
    """Insert or replace the row of a WARC file (keyed by path); return its id."""
    row = dict(values)
    row["chunks"] = json.dumps([list(chunk) for chunk in row.get("chunks", ())])
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    updates = ", ".join(f"{name} = excluded.{name}" for name in row if name != "path")
    db.execute(f"INSERT INTO ingest_files ({names}) VALUES ({marks})"
               f" ON CONFLICT (path) DO UPDATE SET {updates}", list(row.values()))
    return int(db.execute("SELECT id FROM ingest_files WHERE path = ?", [row["path"]]).fetchone()[0])


def chunk_states(db: Database, file_id: int, filters: str) -> dict[int, str]:
    """Return {position: state} of the chunks of a file recorded under these filters."""
    rows = db.execute("SELECT position, state FROM ingest_chunks WHERE file_id = ? AND filters = ?",
                      [file_id, filters]).fetchall()
    return {int(position): state for position, state in rows}


def record_chunk(db: Database, *, file_id: int, filters: str, position: int,
                 offsets: tuple[int, int], state: str, counts: ChunkCounts,
                 error: str | None, run_id: int, stored_at: str) -> None:
    """Record a chunk as done or failed (a failed one done later is updated in place)."""
    db.execute(
        "INSERT INTO ingest_chunks (file_id, filters, position, start_offset, end_offset, state,"
        " error, pages, articles, failed, filtered, run_id, stored_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (file_id, filters, position) DO UPDATE SET state = excluded.state,"
        " error = excluded.error, pages = excluded.pages, articles = excluded.articles,"
        " failed = excluded.failed, filtered = excluded.filtered, run_id = excluded.run_id,"
        " stored_at = excluded.stored_at, start_offset = excluded.start_offset,"
        " end_offset = excluded.end_offset",
        [file_id, filters, position, offsets[0], offsets[1], state, error, counts.pages,
         counts.articles, counts.failed, counts.filtered, run_id, stored_at])


def fetch_of_record(db: Database, warc_file: str, warc_offset: int) -> int | None:
    """Return the id of the fetch row of the archived record at this position, if any."""
    row = db.execute("SELECT id FROM fetches WHERE warc_file = ? AND warc_offset = ?"
                     " ORDER BY id LIMIT 1", [warc_file, warc_offset]).fetchone()
    return int(row[0]) if row else None
