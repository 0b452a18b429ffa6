"""Full-text search over articles (headline, body, quotes, speakers), with filters and snippets.

Each article is one document, so AND, OR and NOT apply to the article as a whole. A query
runs on the word index for the articles written with spaces between words, and on the trigram
index for the articles with text in a script written without them (where a word is any run of
characters); the two result sets never overlap. `raw=True` passes FTS5 syntax through to the
word index alone. See query.py for the query language and its caps, search_text.py for what
is indexed of each article.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..errors import QueryError, StoreError
from .query import (
    Node,
    Term,
    parse,
    positive_terms,
    raw_terms,
    trigram_expression,
    word_expression,
)
from .schema import SEARCH_TEXT_VIEW, TRIGRAM_INDEX, TRIGRAM_TERMS, WORD_INDEX
from .snippets import Document, Matcher, fold, snippet
from .timeutil import date_bounds

# bm25 weights of the columns: headline, body, quotes, speakers.
WEIGHTS = "10.0, 1.0, 1.0, 1.0"
ORDERS = {"rank": "hits.rank, a.published_at DESC", "date": "a.published_at DESC, hits.rank"}
WORD_BRANCH, TRIGRAM_BRANCH = 0, 1


@dataclass(frozen=True)
class SearchHit:
    """One matching article, with a snippet around the match (markers around matched words)."""

    article_id: int
    url: str
    headline: str | None
    published_at: str | None
    site: str | None
    snippet: str  # display text: no control characters besides the markers
    matched: str  # "article" when the headline or body matched, "quote" when a quote did
    rank: float


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filters(site: str | None, since: str | None, until: str | None, author: str | None,
             speaker: str | None) -> tuple[list[str], dict[str, Any]]:
    lower, upper = date_bounds(since, until)
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for clause, name, value in (("s.name = :site", "site", site),
                                ("a.published_at >= :lower", "lower", lower),
                                ("a.published_at < :upper", "upper", upper)):
        if value:
            clauses.append(clause)
            params[name] = value
    if author:  # names compared without case or accents, both ways
        clauses.append("EXISTS (SELECT 1 FROM article_authors aa JOIN authors au"
                       " ON au.id = aa.author_id WHERE aa.article_id = a.id"
                       " AND scraper_fold(au.name) LIKE :author ESCAPE '\\')")
        params["author"] = _like(fold(author))
    if speaker:
        clauses.append("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id"
                       " AND scraper_fold(q.speaker) LIKE :speaker ESCAPE '\\')")
        params["speaker"] = _like(fold(speaker))
    return clauses or ["1"], params


WORD_SQL = f"""SELECT rowid AS article_id, bm25({WORD_INDEX}, {WEIGHTS}) AS rank,
    {WORD_BRANCH} AS branch FROM {WORD_INDEX} WHERE {WORD_INDEX} MATCH :words"""
# With a trigram branch, the word index answers only for the articles the trigram index lacks.
NOT_IN_TRIGRAM = f" AND rowid NOT IN (SELECT id FROM {TRIGRAM_INDEX}_docsize)"
TRIGRAM_SQL = f"""SELECT rowid AS article_id, bm25({TRIGRAM_INDEX}, {WEIGHTS}) AS rank,
    {TRIGRAM_BRANCH} AS branch FROM {TRIGRAM_INDEX} WHERE {TRIGRAM_INDEX} MATCH :trigrams"""
RANKED_SQL = """
WITH hits(article_id, rank, branch) AS MATERIALIZED ({branches})
SELECT a.id, a.canonical_url, a.headline, a.published_at, s.name, hits.rank, hits.branch
FROM hits JOIN articles a ON a.id = hits.article_id LEFT JOIN sites s ON s.id = a.site_id
WHERE {where}
ORDER BY {order} LIMIT :limit
"""
DOCUMENTS_SQL = f"""SELECT id, headline, body, quotes, speakers FROM {SEARCH_TEXT_VIEW}
WHERE id IN (SELECT value FROM json_each(:ids))"""


def _trigram_lookup(db: Database) -> Any:
    def lookup(start: str, limit: int) -> list[str]:
        return [row[0] for row in db.execute(
            f"SELECT term FROM {TRIGRAM_TERMS} WHERE term >= ? AND term < ? LIMIT ?",
            [start, start + "\U0010ffff", limit])]
    return lookup


def _branches(db: Database, query: str, raw: bool) -> tuple[list[str], dict[str, str], Any]:
    """Return the SQL branches to run, their parameters, and what snippets look for."""
    if raw:
        return [WORD_SQL], {"words": query.replace("\x00", " ")}, raw_terms(query)
    node: Node = parse(query)
    terms = list(positive_terms(node))
    params = {"words": word_expression(node)}
    if db.execute(f"SELECT 1 FROM {TRIGRAM_INDEX}_docsize LIMIT 1").fetchone() is None:
        return [WORD_SQL], params, terms
    trigrams = trigram_expression(node, _trigram_lookup(db))
    if trigrams is None:
        return [WORD_SQL + NOT_IN_TRIGRAM], params, terms
    params["trigrams"] = trigrams
    return [WORD_SQL + NOT_IN_TRIGRAM, TRIGRAM_SQL], params, terms


def search(db: Database, query: str, *, limit: int = 20, site: str | None = None,
           since: str | None = None, until: str | None = None, author: str | None = None,
           speaker: str | None = None, raw: bool = False, order: str = "rank",
           markers: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
    """Return the best `limit` articles matching the query and every filter given."""
    if order not in ORDERS:
        raise StoreError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    db.conn.create_function("scraper_fold", 1, lambda text: fold(text or ""),
                            deterministic=True)
    branches, params, terms = _branches(db, query, raw)
    clauses, filter_params = _filters(site, since, until, author, speaker)
    sql = RANKED_SQL.format(branches=" UNION ALL ".join(branches),
                            where=" AND ".join(clauses), order=ORDERS[order])
    try:
        rows = db.execute(sql, {**params, **filter_params, "limit": limit}).fetchall()
    except sqlite3.OperationalError as error:
        if raw and _is_syntax_error(error):
            raise QueryError(f"invalid full-text query {query!r}: {error}") from None
        raise
    return _with_snippets(db, rows, terms, markers)


def _is_syntax_error(error: sqlite3.OperationalError) -> bool:
    """Tell a raw query FTS5 cannot parse from a database that is busy or damaged."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    return not name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CORRUPT", "SQLITE_IOERR",
                                 "SQLITE_NOMEM", "SQLITE_FULL", "SQLITE_INTERRUPT"))


def _with_snippets(db: Database, rows: list[tuple[Any, ...]], terms: list[Term],
                   markers: tuple[str, str]) -> list[SearchHit]:
    """Return the ranked rows as hits, each with the snippet of what matched."""
    ids = json.dumps([row[0] for row in rows])
    documents = {row[0]: Document(*row[1:]) for row in db.execute(DOCUMENTS_SQL, {"ids": ids})}
    matchers = {WORD_BRANCH: Matcher(terms, substrings=False),
                TRIGRAM_BRANCH: Matcher(terms, substrings=True)}
    hits = []
    for article_id, url, headline, published_at, site, rank, branch in rows:
        text, matched = snippet(documents[article_id], matchers[branch], markers)
        hits.append(SearchHit(article_id, url, headline, published_at, site, text, matched,
                              rank))
    return hits
