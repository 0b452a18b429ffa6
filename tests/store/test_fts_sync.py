"""The full-text indexes follow inserts, updates and deletes, whoever makes them."""

from __future__ import annotations

from scraper.store import Store

from .conftest import fts_ok, make_article

SEEN = "2024-07-12T10:00:00+00:00"


def _save(store: Store) -> int:
    return store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN).article_id


def _article_ids(store: Store, query: str) -> list[int]:
    return [row[0] for row in store.db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [query])]


def _quote_ids(store: Store, query: str) -> list[int]:
    return [row[0] for row in store.db.execute(
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", [query])]


def test_insert_is_indexed(store: Store) -> None:
    article_id = _save(store)
    assert _article_ids(store, "liaison") == [article_id]
    assert _article_ids(store, "headline: liaison") == [article_id]
    assert len(_quote_ids(store, "values")) == 1
    assert len(_quote_ids(store, "speaker: lungescu")) == 1
    fts_ok(store)


def test_update_by_sql_replaces_the_indexed_words(store: Store) -> None:
    article_id = _save(store)
    store.db.execute("UPDATE articles SET body = 'An entirely different text about ferries'"
                     " WHERE id = ?", [article_id])
    store.db.execute("UPDATE quotes SET text = 'Ferries run late' WHERE position = 0")
    assert _article_ids(store, "deliberations") == []
    assert _article_ids(store, "ferries") == [article_id]
    assert _quote_ids(store, "values") == []
    assert len(_quote_ids(store, "late")) == 1
    fts_ok(store)


def test_bookkeeping_update_leaves_index_alone_and_consistent(store: Store) -> None:
    article_id = _save(store)
    store.db.execute("UPDATE articles SET last_seen_at = '2025-01-01' WHERE id = ?", [article_id])
    assert _article_ids(store, "liaison") == [article_id]
    fts_ok(store)


def test_delete_removes_from_both_indexes(store: Store) -> None:
    article_id = _save(store)
    store.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    assert _article_ids(store, "liaison") == []
    assert _quote_ids(store, "values") == []
    fts_ok(store)
