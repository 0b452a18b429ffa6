"""A summary of the database: articles per site, dates covered, the last crawl, failures."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

FAILURE_REASONS_SHOWN = 20

SITES_SQL = """
SELECT s.name AS site, count(a.id) AS articles, min(a.published_at) AS first_published,
       max(a.published_at) AS last_published, max(a.last_seen_at) AS last_seen
FROM sites s LEFT JOIN articles a ON a.site_id = s.id
GROUP BY s.id ORDER BY articles DESC, s.name
"""
TOTALS_SQL = {
    "articles": "SELECT count(*) FROM articles",
    "earlier_versions": "SELECT count(*) FROM article_versions",
    "authors": "SELECT count(*) FROM authors",
    "quotes": "SELECT count(*) FROM quotes",
    "images": "SELECT count(*) FROM images",
    "fetches": "SELECT count(*) FROM fetches",
    "failed_fetches": "SELECT count(*) FROM fetches WHERE error IS NOT NULL",
    "crawl_runs": "SELECT count(*) FROM crawl_runs",
}
DATES_SQL = ("SELECT min(published_at), max(published_at), count(published_at),"
             " min(first_seen_at), max(last_seen_at) FROM articles")
FAILURES_SQL = """
SELECT error AS reason, count(*) AS fetches, max(fetched_at) AS last_seen
FROM fetches WHERE error IS NOT NULL GROUP BY error ORDER BY fetches DESC, reason LIMIT ?
"""
CUTS_SQL = """
SELECT site, url, reason FROM discovery_cuts WHERE run_id = ? ORDER BY id LIMIT ?
"""
CUTS_SHOWN = 10
FRONTIER_SQL = "SELECT state, count(*) FROM frontier GROUP BY state ORDER BY state"


def _dicts(db: Database, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params or [])
    names = [description[0] for description in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def collect_stats(db: Database) -> dict[str, Any]:
    """Return the summary as plain data (JSON-ready)."""
    first, last, dated, first_seen, last_seen = db.execute(DATES_SQL).fetchone()
    runs = _dicts(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")
    cuts = _dicts(db, CUTS_SQL, [runs[0]["id"], CUTS_SHOWN]) if runs else []
    return {
        "totals": {name: db.execute(sql).fetchone()[0] for name, sql in TOTALS_SQL.items()},
        "sites": _dicts(db, SITES_SQL),
        "dates": {"first_published": first, "last_published": last, "articles_dated": dated,
                  "first_seen": first_seen, "last_seen": last_seen},
        "last_run": runs[0] if runs else None,
        "last_run_cuts": cuts,
        "failures": _dicts(db, FAILURES_SQL, [FAILURE_REASONS_SHOWN]),
        "frontier": dict(db.execute(FRONTIER_SQL).fetchall()),
    }
