"""Full-text search over headlines, bodies and quotes, with filters and highlighted snippets.

User queries are made safe for FTS5: words and "quoted phrases" are matched (all of them),
a trailing * matches a prefix, and every other character is treated as a separator, so a
query like  Nato's "office  cannot be a syntax error. `raw=True` passes FTS5 syntax through.
"""

from __future__ import annotations

import json
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
ORDERS = {"rank": "best.rank, a.published_at DESC", "date": "a.published_at DESC, best.rank"}

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
    return clauses or ["1"], params


# One ranked branch per full-text index: (index, SQL yielding article_id, rank, quote_id).
BRANCHES: dict[str, str] = {
    "articles_fts": f"""SELECT rowid AS article_id,
        bm25(articles_fts, {HEADLINE_WEIGHT}, {BODY_WEIGHT}) AS rank, 0 AS quote_id
        FROM articles_fts WHERE articles_fts MATCH :query""",
    "quotes_fts": """SELECT quotes.article_id AS article_id, bm25(quotes_fts) AS rank,
        quotes_fts.rowid AS quote_id
        FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid
        WHERE quotes_fts MATCH :query""",
}
# Each article once: ranked by its headline/body match, or by its best quote when only a
# quote (or speaker) matched, since bm25 scores of short quotes and long bodies do not compare.
RANKED_SQL = """
WITH hits(article_id, rank, quote_id) AS MATERIALIZED ({branches}),
best AS (
  SELECT article_id, rank, quote_id, row_number() OVER (
    PARTITION BY article_id ORDER BY quote_id != 0, rank) AS preference
  FROM hits
)
SELECT a.id, a.canonical_url, a.headline, a.published_at, s.name, best.rank, best.quote_id
FROM best JOIN articles a ON a.id = best.article_id LEFT JOIN sites s ON s.id = a.site_id
WHERE best.preference = 1 AND {where}
ORDER BY {order} LIMIT :limit
"""
# Snippets for one page of results in one pass over the matches: "+rowid" keeps SQLite from
# handing each id to FTS5 separately, which would expand a prefix query once per id.
ARTICLE_SNIPPETS_SQL = """
SELECT rowid, snippet(articles_fts, 1, :start, :end, :ellipsis, :tokens)
FROM articles_fts WHERE articles_fts MATCH :query
AND +rowid IN (SELECT value FROM json_each(:ids))
"""
QUOTE_SNIPPETS_SQL = """
SELECT rowid, snippet(quotes_fts, 0, :start, :end, :ellipsis, :tokens),
       highlight(quotes_fts, 1, :start, :end)
FROM quotes_fts WHERE quotes_fts MATCH :query
AND +rowid IN (SELECT value FROM json_each(:ids))
"""


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
                            where=" AND ".join(clauses), order=ORDERS[order])
    params.update(query=expression, limit=limit)
    try:
        rows = db.execute(sql, params).fetchall()
        return _with_snippets(db, rows, expression, markers)
    except sqlite3.OperationalError as error:
        raise StoreError(f"invalid full-text query {query!r}: {error}") from None


def _snippets(db: Database, sql: str, ids: list[int], expression: str,
              markers: tuple[str, str]) -> dict[int, tuple[str, ...]]:
    if not ids:
        return {}
    params = {"start": markers[0], "end": markers[1], "ellipsis": ELLIPSIS,
              "tokens": SNIPPET_TOKENS, "query": expression, "ids": json.dumps(ids)}
    return {row[0]: row[1:] for row in db.execute(sql, params)}


def _with_snippets(db: Database, rows: list[tuple[Any, ...]], expression: str,
                   markers: tuple[str, str]) -> list[SearchHit]:
    """Return the ranked rows as hits, each with the snippet of what matched."""
    article_ids = [row[0] for row in rows if not row[6]]
    quote_ids = [row[6] for row in rows if row[6]]
    bodies = _snippets(db, ARTICLE_SNIPPETS_SQL, article_ids, expression, markers)
    quotes = _snippets(db, QUOTE_SNIPPETS_SQL, quote_ids, expression, markers)
    hits = []
    for article_id, url, headline, published_at, site, rank, quote_id in rows:
        if quote_id:
            text, speaker = quotes.get(quote_id, ("", None))
            snippet, matched = f"“{text}” — {speaker or 'speaker unknown'}", "quote"
        else:
            snippet, matched = bodies.get(article_id, ("",))[0], "article"
        hits.append(SearchHit(article_id, url, headline, published_at, site, snippet, matched,
                              rank))
    return hits
