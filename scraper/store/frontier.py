"""The frontier: candidate article URLs, each with a state, in SQLite so a crawl can resume."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from ..errors import StoreError
from .sites import ensure_site, site_key_for_url

STATES = ("pending", "done", "failed", "skipped")
# States that count as one more fetch attempt when a URL is marked with them.
ATTEMPT_STATES = frozenset({"done", "failed"})

# Newest first (by the feed's date when one is known), then in discovery order.
PENDING_ORDER = "frontier.published_hint IS NULL, frontier.published_hint DESC, frontier.id"


@dataclass(frozen=True)
class FrontierEntry:
    """A candidate article URL: its site key, where it was found, the date a feed gave it."""

    url: str
    site: str | None = None
    discovered_from: str | None = None
    published_hint: str | None = None


def enqueue(db: Database, entries: Iterable[FrontierEntry], discovered_at: str) -> int:
    """Add the URLs not yet in the frontier as pending; return how many were new.

    A URL is one row whatever site lists it: a known URL is taken over by the site that lists
    it now (a renamed site, an ad-hoc crawl), keeping its state, and takes the listing date
    given now, when one is (the listing's latest word on it).
    """
    added = 0
    site_ids: dict[str, int] = {}
    with db.atomic():
        for entry in entries:
            key = entry.site or site_key_for_url(entry.url)
            if key not in site_ids:
                site_ids[key] = ensure_site(db, key, discovered_at)
            cursor = db.execute(
                "UPDATE frontier SET site_id = ?, published_hint = coalesce(?, published_hint)"
                " WHERE url = ?", [site_ids[key], entry.published_hint, entry.url])
            if cursor.rowcount:
                continue
            db.execute(
                "INSERT INTO frontier (url, site_id, discovered_from, discovered_at,"
                " published_hint, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                [entry.url, site_ids[key], entry.discovered_from, discovered_at,
                 entry.published_hint, discovered_at])
            added += 1
    return added


def pending(db: Database, limit: int, site: str | None = None) -> list[FrontierEntry]:
    """Return up to `limit` pending entries (of one site when given), newest first."""
    where, params = "frontier.state = 'pending'", []
    if site is not None:
        where += " AND sites.name = ?"
        params.append(site)
    rows = db.execute(
        "SELECT frontier.url, sites.name, frontier.discovered_from, frontier.published_hint"
        " FROM frontier LEFT JOIN sites ON sites.id = frontier.site_id"
        f" WHERE {where} ORDER BY {PENDING_ORDER} LIMIT ?", [*params, limit]).fetchall()
    return [FrontierEntry(*row) for row in rows]


def mark(db: Database, url: str, state: str, error: str | None, at: str) -> None:
    """Set a URL's state (adding it when unknown); done and failed count as an attempt."""
    if state not in STATES:
        raise StoreError(f"unknown frontier state {state!r}; use one of {', '.join(STATES)}", url)
    attempt = 1 if state in ATTEMPT_STATES else 0
    with db.atomic():
        cursor = db.execute(
            "UPDATE frontier SET state = ?, last_error = ?, attempts = attempts + ?,"
            " updated_at = ? WHERE url = ?", [state, error, attempt, at, url])
        if cursor.rowcount == 0:
            site_id = ensure_site(db, site_key_for_url(url), at)
            db.execute(
                "INSERT INTO frontier (url, site_id, discovered_at, state, attempts, last_error,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [url, site_id, at, state, attempt, error, at])


def pending_count(db: Database, sites: Iterable[str]) -> int:
    """Return how many frontier URLs of these sites are pending."""
    names = sorted(sites)
    if not names:
        return 0
    marks = ", ".join("?" for _ in names)
    row = db.execute(
        "SELECT count(*) FROM frontier JOIN sites ON sites.id = frontier.site_id"
        f" WHERE frontier.state = 'pending' AND sites.name IN ({marks})", names).fetchone()
    return int(row[0])
