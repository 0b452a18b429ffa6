"""Full-text search over headlines, bodies and quotes, with filters and highlighted snippets.

User queries are made safe for FTS5: words and "quoted phrases" are matched (all of them),
a trailing * matches a prefix, and every other character is treated as a separator, so a
query like  Nato's "office  cannot be a syntax error. `raw=True` passes FTS5 syntax through.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..errors import StoreError
from .timeutil import date_bounds

HEADLINE_WEIGHT, BODY_WEIGHT = 10.0, 1.0  # bm25 weights of the articles_fts columns
SNIPPET_TOKENS = 16
ELLIPSIS = "…"
ORDERS = {"rank": "rank, a.published_at DESC", "date": "a.published_at DESC, rank"}

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One matching article, with a snippet around the match (markers around matched words)."""

    article_id: int
    url: str
    headline: str | None
    published_at: str | None
    site: str | None
    snippet: str
    matched: str  # "article" when the headline or body matched, "quote" when a quote did
    rank: float


def fts_query(query: str) -> str:
    """Turn a user query into a safe FTS5 expression: quoted terms, all required."""
    terms = []
    for phrase, word in _TERM.findall(query):
        text = phrase if phrase else word.replace('"', " ")
        prefix = not phrase and text.endswith("*")
        text = text.rstrip("*").strip() if prefix else text.strip()
        if _WORD.search(text):
            terms.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not terms:
        raise StoreError(f"nothing to search for in {query!r}: give at least one word")
    return " ".join(terms)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filters(site: str | None, since: str | None, until: str | None, author: str | None,
             speaker: str | None) -> tuple[list[str], dict[str, Any]]:
    lower, upper = date_bounds(since, until)
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if site:
        clauses.append("s.name = :site")
        params["site"] = site
    if lower:
        clauses.append("a.published_at >= :lower")
        params["lower"] = lower
    if upper:
        clauses.append("a.published_at < :upper")
        params["upper"] = upper
    if author:
        clauses.append("EXISTS (SELECT 1 FROM article_authors aa JOIN authors au"
                       " ON au.id = aa.author_id WHERE aa.article_id = a.id"
                       " AND au.name LIKE :author ESCAPE '\\')")
        params["author"] = _like(author)
    if speaker:
        clauses.append("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id"
                       " AND q.speaker LIKE :speaker ESCAPE '\\')")
        params["speaker"] = _like(speaker)
    return clauses, params


# One ranked branch per full-text index: (index, SQL yielding article_id, rank, quote_id).
BRANCHES: dict[str, str] = {
    "articles_fts": f"""SELECT rowid AS article_id,
        bm25(articles_fts, {HEADLINE_WEIGHT}, {BODY_WEIGHT}) AS rank, 0 AS quote_id
        FROM articles_fts WHERE articles_fts MATCH :query""",
    "quotes_fts": """SELECT quotes.article_id, bm25(quotes_fts), quotes_fts.rowid
        FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid
        WHERE quotes_fts MATCH :query""",
}
RANKED_SQL = """
WITH hits(article_id, rank, quote_id) AS MATERIALIZED ({branches})
SELECT a.id, a.canonical_url, a.headline, a.published_at, s.name, min(hits.rank) AS rank,
       hits.quote_id
FROM hits JOIN articles a ON a.id = hits.article_id LEFT JOIN sites s ON s.id = a.site_id
WHERE {where}
GROUP BY a.id ORDER BY {order} LIMIT :limit
"""
ARTICLE_SNIPPET_SQL = ("SELECT snippet(articles_fts, 1, :start, :end, :ellipsis, :tokens)"
                       " FROM articles_fts WHERE articles_fts MATCH :query AND rowid = :id")
QUOTE_SNIPPET_SQL = ("SELECT snippet(quotes_fts, 0, :start, :end, :ellipsis, :tokens),"
                     " highlight(quotes_fts, 1, :start, :end)"
                     " FROM quotes_fts WHERE quotes_fts MATCH :query AND rowid = :id")


def _accepting_indexes(db: Database, expression: str, raw: bool) -> list[str]:
    """Return the indexes the expression can run on (a raw `headline:` filter fits one)."""
    if not raw:
        return list(BRANCHES)
    accepted, first_error = [], None
    for index in BRANCHES:
        try:
            db.execute(f"SELECT rowid FROM {index} WHERE {index} MATCH ? LIMIT 1", [expression])
            accepted.append(index)
        except sqlite3.OperationalError as error:
            first_error = first_error or error
    if not accepted:
        raise StoreError(f"invalid full-text query {expression!r}: {first_error}")
    return accepted


def search(db: Database, query: str, *, limit: int = 20, site: str | None = None,
           since: str | None = None, until: str | None = None, author: str | None = None,
           speaker: str | None = None, raw: bool = False, order: str = "rank",
           markers: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    """Return the best `limit` articles matching the query and every filter given."""
    if order not in ORDERS:
        raise StoreError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    expression = query if raw else fts_query(query)
    clauses, params = _filters(site, since, until, author, speaker)
    branches = [BRANCHES[index] for index in _accepting_indexes(db, expression, raw)]
    sql = RANKED_SQL.format(branches=" UNION ALL ".join(branches),
                            where=" AND ".join(clauses) or "1", order=ORDERS[order])
    params.update(query=expression, limit=limit)
    try:
        rows = db.execute(sql, params).fetchall()
        return [_hit(db, row, expression, markers) for row in rows]
    except sqlite3.OperationalError as error:
        raise StoreError(f"invalid full-text query {query!r}: {error}") from None


def _hit(db: Database, row: tuple[Any, ...], expression: str,
         markers: tuple[str, str]) -> SearchHit:
    article_id, url, headline, published_at, site, rank, quote_id = row
    params = {"start": markers[0], "end": markers[1], "ellipsis": ELLIPSIS,
              "tokens": SNIPPET_TOKENS, "query": expression}
    if quote_id:
        text, speaker = db.execute(QUOTE_SNIPPET_SQL, {**params, "id": quote_id}).fetchone()
        snippet, matched = f"“{text}” — {speaker or 'speaker unknown'}", "quote"
    else:
        found = db.execute(ARTICLE_SNIPPET_SQL, {**params, "id": article_id}).fetchone()
        snippet, matched = (found[0] if found else ""), "article"
    return SearchHit(article_id, url, headline, published_at, site, snippet, matched, rank)
