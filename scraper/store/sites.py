"""Site rows: looked up by key, created on first sight."""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlite_utils import Database


def site_key_for_url(url: str) -> str:
    """Return the default site key for a URL: its host, lowercased, without 'www.'."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host or "unknown"


def ensure_site(db: Database, name: str, seen_at: str) -> int:
    """Return the id of the site called `name`, creating the row when it is new."""
    row = db.execute("SELECT id FROM sites WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    cursor = db.execute("INSERT INTO sites (name, created_at) VALUES (?, ?)", [name, seen_at])
    return int(cursor.lastrowid)
