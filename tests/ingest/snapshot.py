"""The content of a database, for comparing two ingests of the same input."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Columns that name the run or the time of the run rather than what was stored.
RUN_COLUMNS = {"run_id", "planned_at", "stored_at"}
TABLES = ("sites", "fetches", "articles", "authors", "article_authors", "images", "quotes",
          "links", "tags", "article_tags", "article_versions", "ingest_files", "ingest_chunks")


def snapshot(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Return every row of the stored tables (ids included), without run bookkeeping."""
    with sqlite3.connect(db_path) as db:
        tables = {}
        for table in TABLES:
            cursor = db.execute(f"SELECT * FROM {table} ORDER BY rowid")
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in RUN_COLUMNS]
            tables[table] = [tuple(row[i] for i in keep) for row in cursor]
    return tables


def integrity(db_path: Path) -> str:
    """Return PRAGMA integrity_check's answer ('ok' when the file is sound)."""
    with sqlite3.connect(db_path) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
