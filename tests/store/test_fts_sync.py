"""The full-text indexes follow inserts, updates and deletes, whoever makes them."""

from __future__ import annotations

from scraper.models import Quote
from scraper.store import Store

from .conftest import count, fts_ok, make_article

SEEN = "2024-07-12T10:00:00+00:00"


def _save(store: Store) -> int:
    return store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN).article_id


def _article_ids(store: Store, query: str, index: str = "articles_fts") -> list[int]:
    return [row[0] for row in store.db.execute(
        f"SELECT rowid FROM {index} WHERE {index} MATCH ?", [query])]


def test_insert_indexes_one_document_per_article(store: Store) -> None:
    article_id = _save(store)
    for query in ("liaison", "headline: liaison", "quotes: values", "speakers: lungescu",
                  "liaison AND values AND lungescu"):
        assert _article_ids(store, query) == [article_id], query
    assert count(store, "SELECT count(*) FROM articles_fts_docsize") == 1
    assert count(store, "SELECT count(*) FROM search_pause") == 0
    fts_ok(store)


def test_update_by_sql_replaces_the_indexed_words(store: Store) -> None:
    article_id = _save(store)
    store.db.execute("UPDATE articles SET body = 'An entirely different text about ferries'"
                     " WHERE id = ?", [article_id])
    store.db.execute("UPDATE quotes SET text = 'Ferries run late' WHERE position = 0")
    assert _article_ids(store, "body: deliberations") == []
    assert _article_ids(store, "ferries") == [article_id]
    assert _article_ids(store, "quotes: values") == []
    assert _article_ids(store, "quotes: late") == [article_id]
    fts_ok(store)


def test_quotes_added_and_removed_by_sql_are_followed(store: Store) -> None:
    article_id = _save(store)
    store.db.execute("INSERT INTO quotes (article_id, position, text, speaker)"
                     " VALUES (?, 5, 'Nothing is decided', 'Jens Stoltenberg')", [article_id])
    assert _article_ids(store, "speakers: stoltenberg AND decided") == [article_id]
    store.db.execute("DELETE FROM quotes WHERE position = 5")
    assert _article_ids(store, "stoltenberg") == []
    fts_ok(store)


def test_text_in_a_script_without_spaces_moves_the_article_into_the_trigram_index(
        store: Store) -> None:
    article_id = _save(store)
    assert _article_ids(store, '"体罰"', "articles_trigram") == []
    store.db.execute("UPDATE quotes SET text = '体罰はいけない' WHERE position = 0")
    assert _article_ids(store, '"体罰は"', "articles_trigram") == [article_id]
    store.db.execute("UPDATE quotes SET text = 'plain again' WHERE position = 0")
    assert count(store, "SELECT count(*) FROM articles_trigram_docsize") == 0
    fts_ok(store)


def test_bookkeeping_update_leaves_index_alone_and_consistent(store: Store) -> None:
    article_id = _save(store)
    store.db.execute("UPDATE articles SET last_seen_at = '2025-01-01' WHERE id = ?", [article_id])
    assert _article_ids(store, "liaison") == [article_id]
    fts_ok(store)


def test_saving_a_changed_article_reindexes_it_once_consistently(store: Store) -> None:
    article_id = _save(store)
    store.save_article(make_article(body="A new body about ferries.",
                                    quotes=(Quote("Ferries first", "Mia Holm"),)),
                       site="x", fetch_id=None, seen_at="2024-07-13T10:00:00+00:00")
    assert _article_ids(store, "deliberations OR lungescu") == []
    assert _article_ids(store, "ferries AND speakers: holm") == [article_id]
    assert count(store, "SELECT count(*) FROM search_pause") == 0
    fts_ok(store)


def test_delete_removes_the_document(store: Store) -> None:
    article_id = _save(store)
    store.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    assert _article_ids(store, "liaison OR values") == []
    assert count(store, "SELECT count(*) FROM articles_fts_docsize") == 0
    fts_ok(store)
