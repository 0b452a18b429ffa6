"""Opening the database file: folder, pragmas (foreign keys, WAL), migrations."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from ..errors import StoreError
from .migrations import migrate

BUSY_TIMEOUT_MS = 10_000  # wait this long for another writer (a crawl) before failing
# Per-connection settings. WAL with synchronous=NORMAL never corrupts the file on a crash;
# at worst the last transactions before a power loss are rolled back.
CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous = NORMAL",
)


def connect(path: str | Path, *, create: bool = True, upgrade: bool = True) -> Database:
    """Open (or create) the database with foreign keys on and WAL mode, migrated to the latest."""
    path = Path(path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise StoreError(f"no database at {path}", str(path))
    db = Database(path)
    # Autocommit: a statement outside `db.atomic()` commits at once. With the sqlite3 default,
    # the first bare INSERT opens a transaction that every later atomic() only nests into as a
    # savepoint, so a killed crawl would lose everything written since that INSERT.
    db.conn.isolation_level = None
    for pragma in CONNECTION_PRAGMAS:
        db.execute(pragma)
    db.enable_wal()
    if upgrade:
        migrate(db)
    return db
