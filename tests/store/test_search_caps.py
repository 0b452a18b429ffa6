"""What one article and one query may cost a search is capped, and the caps hold."""

from __future__ import annotations

import pytest

from scraper.errors import QueryError
from scraper.models import Quote
from scraper.store import Store
from scraper.store.query import MAX_PREFIX_TERMS, MAX_QUERY_CHARS, MAX_TERMS
from scraper.store.search_text import (
    INDEXED_BODY_CHARS,
    INDEXED_HEADLINE_CHARS,
    INDEXED_QUOTE_CHARS,
    INDEXED_QUOTES,
)
from scraper.store.snippets import SNIPPET_CHARS

from .conftest import fts_ok, make_article

SEEN = "2024-07-12T10:00:00+00:00"
FILLER = "harbour and tram and ferry "


def _body_with(word_at: dict[int, str], size: int) -> str:
    """A body of `size` characters with each word starting at the given offset."""
    body = (FILLER * (size // len(FILLER) + 1))[:size]
    for offset, word in word_at.items():
        body = body[:offset] + " " + word + " " + body[offset + len(word) + 2:]
    return body[:size]


def test_only_the_first_indexed_body_chars_are_searchable(store: Store) -> None:
    body = _body_with({INDEXED_BODY_CHARS - 20: "withinthecap",
                       INDEXED_BODY_CHARS + 10: "beyondthecap"}, 3 * INDEXED_BODY_CHARS)
    saved = store.save_article(make_article(body=body), site="x", fetch_id=None, seen_at=SEEN)
    (length,) = store.db.execute("SELECT length(body) FROM search_text").fetchone()
    assert length == INDEXED_BODY_CHARS
    assert [hit.article_id for hit in store.search("withinthecap")] == [saved.article_id]
    assert store.search("beyondthecap") == []
    stored = store.db.execute("SELECT length(body) FROM articles").fetchone()[0]
    assert stored == 3 * INDEXED_BODY_CHARS  # the article itself keeps its whole body
    fts_ok(store)


def test_headline_and_quotes_are_capped_too(store: Store) -> None:
    quotes = tuple(Quote(f"quote{i} " + "x" * INDEXED_QUOTE_CHARS + " tail{i}", None)
                   for i in range(INDEXED_QUOTES + 5))
    store.save_article(make_article(headline="h" * (2 * INDEXED_HEADLINE_CHARS), quotes=quotes),
                       site="x", fetch_id=None, seen_at=SEEN)
    headline, quoted = store.db.execute("SELECT headline, quotes FROM search_text").fetchone()
    assert len(headline) == INDEXED_HEADLINE_CHARS
    lines = quoted.split("\n")
    assert len(lines) == INDEXED_QUOTES and all(len(line) == INDEXED_QUOTE_CHARS for line in lines)
    assert store.search(f"quote{INDEXED_QUOTES - 1}") and not store.search(f"quote{INDEXED_QUOTES}")
    assert not store.search("tail0")
    fts_ok(store)


def test_a_huge_body_full_of_matches_gives_a_short_snippet(store: Store) -> None:
    store.save_article(make_article(body=FILLER * 40_000), site="x", fetch_id=None,
                       seen_at=SEEN)
    (hit,) = store.search("harbour tram ferry")
    shown = hit.snippet.replace("[", "").replace("]", "").strip("…")
    assert len(shown) <= SNIPPET_CHARS + len("ferry")
    assert "[harbour] and [tram] and [ferry]" in hit.snippet


@pytest.mark.parametrize("query, message", [
    ("a* " * 3_400, "characters long"),
    ("x" * (MAX_QUERY_CHARS + 1), "characters long"),
    (" ".join(f"w{i}" for i in range(MAX_TERMS + 1)), f"the most is {MAX_TERMS}"),
    (" OR ".join(f"wo{i}*" for i in range(MAX_PREFIX_TERMS + 1)), "prefix terms"),
    ("a*", "too short"),
])
@pytest.mark.parametrize("raw", [False, True])
def test_queries_over_the_caps_are_usage_errors(store: Store, query: str, message: str,
                                                raw: bool) -> None:
    store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN)
    with pytest.raises(QueryError, match=message):
        store.search(query, raw=raw)


def test_queries_at_the_caps_run(store: Store) -> None:
    store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN)
    assert len(store.search(" OR ".join(["nato"] * MAX_TERMS))) == 1
    assert len(store.search(" OR ".join(["na*"] * MAX_PREFIX_TERMS))) == 1
