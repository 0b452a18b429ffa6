"""Article versions: the earlier texts of an article, and reading an article's history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlite_utils import Database

from ..urls import normalize_url
from .children import read_children

RECORD_COLUMNS = ("url", "canonical_url", "site_name", "headline", "published_at",
                  "modified_at", "language", "body", "source")


@dataclass(frozen=True)
class Version:
    """One text of an article: its number, when it was seen, and what it said."""

    version: int
    headline: str | None
    body: str
    url: str | None
    seen_from: str
    seen_until: str
    content_hash: str
    current: bool


def stored_record(db: Database, row: dict[str, Any]) -> dict[str, Any]:
    """Return the extraction record of a stored article row, children included."""
    record = {key: row.get(key) for key in RECORD_COLUMNS}
    record.update(read_children(db, int(row["id"])))
    record["published_at_source"] = row.get("published_at_source")
    record["modified_at_source"] = row.get("modified_at_source")
    return record


def archive_version(db: Database, row: dict[str, Any], replaced_at: str) -> None:
    """Copy the article's current text and record into article_versions."""
    record = json.dumps(stored_record(db, row), ensure_ascii=False)
    db.execute(
        "INSERT INTO article_versions (article_id, version, url, headline, body, published_at,"
        " modified_at, content_hash, extractor_version, record, fetch_id, seen_from, seen_until,"
        " replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [row["id"], row["version"], row["url"], row["headline"], row["body"],
         row["published_at"], row["modified_at"], row["content_hash"], row["extractor_version"],
         record, row["fetch_id"], row["content_seen_at"], row["last_seen_at"], replaced_at])


def find_article_id(db: Database, url: str) -> int | None:
    """Return the id of the article known by this URL (canonical or fetched) or numeric id.

    The URL is looked up as given, then as the crawler normalizes it (case, default port,
    tracking parameters, fragment), then with its trailing slash added or removed.
    """
    for candidate in lookup_spellings(url):
        row = db.execute("SELECT id FROM articles WHERE canonical_url = ? UNION ALL "
                         "SELECT id FROM articles WHERE url = ? LIMIT 1",
                         [candidate, candidate]).fetchone()
        if row is not None:
            return int(row[0])
    if url.strip().isdigit():
        row = db.execute("SELECT id FROM articles WHERE id = ?", [int(url)]).fetchone()
        return int(row[0]) if row else None
    return None


def lookup_spellings(url: str) -> list[str]:
    """The spellings of a URL to try, most exact first: as given, normalized, other slash."""
    spellings = [url.strip()]
    normalized = normalize_url(url)
    if normalized:
        parts = urlsplit(normalized)
        path = parts.path[:-1] if parts.path.endswith("/") else parts.path + "/"
        spellings.append(normalized)
        if path:
            spellings.append(urlunsplit(parts._replace(path=path)))
    return list(dict.fromkeys(spellings))


def article_versions(db: Database, article_id: int) -> list[Version]:
    """Return every text of the article, oldest first, the current one last."""
    earlier = db.execute(
        "SELECT version, headline, body, url, seen_from, seen_until, content_hash"
        " FROM article_versions WHERE article_id = ? ORDER BY version", [article_id]).fetchall()
    versions = [Version(*row, current=False) for row in earlier]
    current = db.execute(
        "SELECT version, headline, body, url, content_seen_at, last_seen_at, content_hash"
        " FROM articles WHERE id = ?", [article_id]).fetchone()
    if current:
        versions.append(Version(*current, current=True))
    return versions
