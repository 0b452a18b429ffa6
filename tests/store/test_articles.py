"""Saving articles: one row per canonical URL; new, updated and unchanged; versions kept."""

from __future__ import annotations

import dataclasses
import json

from scraper.models import Quote
from scraper.store import Store

from .conftest import BODY, count, fts_ok, make_article

DAY1, DAY2, DAY3 = ("2024-07-12T10:00:00+00:00", "2024-07-13T10:00:00+00:00",
                    "2024-07-14T10:00:00+00:00")


def _fetch(store: Store, url: str = "https://news.example.com/2024/07/12/nato-japan/") -> int:
    return store.record_fetch(None, url, final_url=url, status=200, error=None, fetched_at=DAY1)


def test_new_article_is_stored_with_its_children(store: Store) -> None:
    fetch_id = _fetch(store)
    result = store.save_article(make_article(), site="example", fetch_id=fetch_id, seen_at=DAY1)
    assert result.outcome == "new"
    row = store.db.execute(
        "SELECT canonical_url, url, headline, published_at_source, modified_at_source, source,"
        " word_count, fetch_id, first_seen_at, version, extraction_rules FROM articles"
        " WHERE id = ?", [result.article_id]).fetchone()
    assert row == ("https://news.example.com/2024/07/12/nato-japan/",
                   "https://news.example.com/2024/07/12/nato-japan/?utm_source=feed",
                   "Nato plans liaison office in Japan", "json-ld", "meta", "The Guardian",
                   45, fetch_id, DAY1, 1, "wordpress")
    authors = store.db.execute(
        "SELECT authors.name FROM article_authors JOIN authors ON authors.id = author_id"
        " ORDER BY position").fetchall()
    assert authors == [("Jane Doe",), ("Ali Khan",)]
    assert store.db.execute("SELECT text, speaker FROM quotes ORDER BY position").fetchall() == [
        ("We share the same values", "Oana Lungescu"), ("ongoing deliberations", None)]
    assert store.db.execute("SELECT photographer, credit_source FROM images").fetchall() == [
        ("Tianshu Liu", "Unsplash")]
    assert store.db.execute("SELECT url, title, kind FROM links").fetchall() == [
        ("https://news.example.com/2024/07/10/summit/", "Summit in Washington", "related")]
    assert store.db.execute("SELECT name FROM sites").fetchall() == [("example",)]


def test_same_content_is_unchanged_and_only_bookkeeping_moves(store: Store) -> None:
    first = store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY1)
    fetch_id = _fetch(store)
    again = store.save_article(make_article(), site="example", fetch_id=fetch_id, seen_at=DAY2)
    assert (again.article_id, again.outcome) == (first.article_id, "unchanged")
    assert store.db.execute(
        "SELECT first_seen_at, last_seen_at, content_seen_at, fetch_id FROM articles"
        ).fetchone() == (DAY1, DAY2, DAY1, fetch_id)
    assert count(store, "SELECT count(*) FROM article_versions") == 0
    assert count(store, "SELECT count(*) FROM articles") == 1


def test_changed_body_keeps_the_earlier_version(store: Store) -> None:
    store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY1)
    store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY2)
    changed = make_article(body=BODY.replace("declined", "refused"),
                           quotes=(Quote("We share the same values", "Oana Lungescu"),))
    result = store.save_article(changed, site="example", fetch_id=None, seen_at=DAY3)
    assert result.outcome == "updated"
    version = store.db.execute(
        "SELECT version, body, seen_from, seen_until, replaced_at, record FROM article_versions"
        ).fetchone()
    assert version[:5] == (1, BODY, DAY1, DAY2, DAY3)
    assert json.loads(version[5])["quotes"][1] == {"text": "ongoing deliberations",
                                                   "speaker": None}
    current = store.db.execute("SELECT version, content_seen_at, body FROM articles").fetchone()
    assert current[:2] == (2, DAY3) and "refused" in current[2]
    assert count(store, "SELECT count(*) FROM quotes") == 1
    assert [v.version for v in store.history(changed.canonical_url)] == [1, 2]
    fts_ok(store)


def test_metadata_change_updates_without_a_new_version(store: Store) -> None:
    store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY1)
    result = store.save_article(make_article(tags=("NATO", "Japan", "Tokyo")), site="example",
                                fetch_id=None, seen_at=DAY2)
    assert result.outcome == "updated"
    assert count(store, "SELECT count(*) FROM article_versions") == 0
    assert count(store, "SELECT count(*) FROM article_tags") == 3


def test_whitespace_only_change_is_not_a_new_version(store: Store) -> None:
    store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY1)
    spaced = make_article(body=BODY.replace("Nato is", "Nato  is"))
    store.save_article(spaced, site="example", fetch_id=None, seen_at=DAY2)
    assert count(store, "SELECT count(*) FROM article_versions") == 0


def test_one_row_per_canonical_url_whatever_the_fetched_url(store: Store) -> None:
    store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY1)
    other_url = make_article(url="https://news.example.com/?p=4711")
    result = store.save_article(other_url, site="example", fetch_id=None, seen_at=DAY2)
    assert result.outcome == "unchanged"
    assert store.db.execute("SELECT count(*), url FROM articles").fetchone() == (
        1, "https://news.example.com/?p=4711")


def test_without_canonical_the_url_is_the_identity_and_host_the_site(store: Store) -> None:
    article = make_article(url="https://www.Other.example/story", canonical_url=None)
    store.save_article(article, site=None, fetch_id=None, seen_at=DAY1)
    assert store.db.execute(
        "SELECT articles.canonical_url, sites.name FROM articles JOIN sites"
        " ON sites.id = site_id").fetchone() == ("https://www.Other.example/story",
                                                 "other.example")


def test_resave_without_fetch_keeps_the_last_fetch(store: Store) -> None:
    fetch_id = _fetch(store)
    store.save_article(make_article(), site="example", fetch_id=fetch_id, seen_at=DAY1)
    edited = dataclasses.replace(make_article(), headline="Nato to open Tokyo office")
    store.save_article(edited, site="example", fetch_id=None, seen_at=DAY2)
    assert count(store, "SELECT fetch_id FROM articles") == fetch_id


def test_deleting_an_article_cascades_to_children(store: Store) -> None:
    result = store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY1)
    store.db.execute("DELETE FROM articles WHERE id = ?", [result.article_id])
    for table in ("article_authors", "images", "quotes", "links", "article_tags"):
        assert count(store, f"SELECT count(*) FROM {table}") == 0, table
    fts_ok(store)
