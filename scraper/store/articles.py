"""Saving an Article: one row per canonical URL, updated in place, one transaction per save.

Outcomes: "new" (first sight), "updated" (the record changed; when the headline or body changed
the earlier text is kept in article_versions), "unchanged" (only the bookkeeping columns move).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .. import version
from ..errors import StoreError
from ..models import Article
from . import search_index
from .children import delete_children, write_children
from .sites import ensure_site, site_key_for_url
from .versions import archive_version

NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"

# Columns that follow the latest fetch without making the record count as changed.
BOOKKEEPING_COLUMNS = ("url", "fetch_id", "extractor_version", "extraction_rules",
                       "body_strategy", "warnings", "site_id", "last_seen_at")



@dataclass(frozen=True)
class SaveResult:
    """What save_article did: the article's row id and "new", "updated" or "unchanged"."""

    article_id: int
    outcome: str


def normalize_text(text: str | None) -> str:
    """Return text in NFC with runs of whitespace collapsed, for hashing."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def content_hash(headline: str | None, body: str) -> str:
    """Return the SHA-256 of the normalized headline and body."""
    text = normalize_text(headline) + "\n" + normalize_text(body)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_hash(article: Article) -> str:
    """Return the SHA-256 of the whole record (minus the fetched url) and its date sources."""
    record = article.to_dict()
    record.pop("url")
    record["published_at_source"] = article.provenance.published_at_source
    record["modified_at_source"] = article.provenance.modified_at_source
    data = json.dumps(record, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def article_fields(article: Article) -> dict[str, Any]:
    """Return the articles columns that depend on the record alone (not on the site or the
    fetch): hashes included, so they can be computed where the article was extracted."""
    provenance = article.provenance
    return {
        "canonical_url": article.canonical_url or article.url, "url": article.url,
        "site_name": article.site_name, "headline": article.headline,
        "published_at": article.published_at,
        "published_at_source": provenance.published_at_source,
        "modified_at": article.modified_at, "modified_at_source": provenance.modified_at_source,
        "language": article.language, "body": article.body,
        "word_count": len(article.body.split()), "source": article.source,
        "content_hash": content_hash(article.headline, article.body),
        "record_hash": record_hash(article),
        "extractor_version": provenance.extractor_version or version.EXTRACTOR_VERSION,
        "extraction_rules": provenance.rules, "body_strategy": provenance.body_strategy,
        "warnings": json.dumps(list(provenance.warnings), ensure_ascii=False),
    }


def article_row(article: Article, site_id: int, fetch_id: int | None,
                fields: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the articles columns derived from one extraction record (`fields`: its
    article_fields(), when they were computed already)."""
    return {**(fields or article_fields(article)), "site_id": site_id, "fetch_id": fetch_id}


def save_article(db: Database, article: Article, *, site: str | None, fetch_id: int | None,
                 seen_at: str, fields: dict[str, Any] | None = None) -> SaveResult:
    """Insert or update the article's row and child rows in one transaction (`fields`: the
    article's article_fields(), when a worker computed them)."""
    identity = article.canonical_url or article.url
    if not identity:
        raise StoreError("the article has neither a url nor a canonical url")
    with db.atomic():
        site_id = ensure_site(db, site or site_key_for_url(identity), seen_at)
        row = article_row(article, site_id, fetch_id, fields)
        cursor = db.conn.execute("SELECT * FROM articles WHERE canonical_url = ?", [identity])
        found = cursor.fetchone()
        if found is None:
            return _insert(db, article, row, seen_at)
        existing = dict(zip([d[0] for d in cursor.description], found))
        return _update(db, article, row, existing, seen_at)


def _insert(db: Database, article: Article, row: dict[str, Any], seen_at: str) -> SaveResult:
    row = {**row, "first_seen_at": seen_at, "last_seen_at": seen_at, "content_seen_at": seen_at}
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    with search_index.triggers_paused(db):
        cursor = db.execute(f"INSERT INTO articles ({names}) VALUES ({marks})",
                            list(row.values()))
        article_id = int(cursor.lastrowid)
        write_children(db, article_id, article)
    search_index.add_article(db, article_id)
    return SaveResult(article_id, NEW)


def _update(db: Database, article: Article, row: dict[str, Any], existing: dict[str, Any],
            seen_at: str) -> SaveResult:
    article_id = int(existing["id"])
    row = {**row, "last_seen_at": seen_at}
    if row["fetch_id"] is None:
        row.pop("fetch_id")  # re-extraction without a fetch keeps the link to the last one
    if row["content_hash"] != existing["content_hash"]:
        archive_version(db, existing, replaced_at=seen_at)
        row.update(version=existing["version"] + 1, content_seen_at=seen_at)
        outcome = UPDATED
    elif row["record_hash"] != existing["record_hash"]:
        outcome = UPDATED
    else:
        row = {key: value for key, value in row.items() if key in BOOKKEEPING_COLUMNS}
        outcome = UNCHANGED
    changed = {key: value for key, value in row.items() if existing.get(key) != value}
    if outcome == UNCHANGED:
        _set_columns(db, article_id, changed)  # bookkeeping only: the indexes are untouched
        return SaveResult(article_id, outcome)
    search_index.remove_article(db, article_id)
    with search_index.triggers_paused(db):
        _set_columns(db, article_id, changed)
        delete_children(db, article_id)
        write_children(db, article_id, article)
    search_index.add_article(db, article_id)
    return SaveResult(article_id, outcome)


def _set_columns(db: Database, article_id: int, values: dict[str, Any]) -> None:
    if values:
        assignments = ", ".join(f"{key} = ?" for key in values)
        db.execute(f"UPDATE articles SET {assignments} WHERE id = ?",
                   [*values.values(), article_id])
