"""A failure in the middle of a save leaves the database as it was, and never corrupt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scraper.errors import StoreError
from scraper.models import Quote
from scraper.store import Store, articles

from .conftest import count, fts_ok, make_article

SEEN, LATER = "2024-07-12T10:00:00+00:00", "2024-07-13T10:00:00+00:00"


class Injected(RuntimeError):
    """The failure injected after the article row is written."""


def _explode(*args: object) -> None:
    raise Injected("crash after the article row was written")


def test_failed_first_save_leaves_nothing_behind(store: Store,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "write_children", _explode)
    with pytest.raises(Injected):
        store.save_article(make_article(), site="fresh-site", fetch_id=None, seen_at=SEEN)
    for table in ("articles", "sites", "quotes", "authors", "article_authors"):
        assert count(store, f"SELECT count(*) FROM {table}") == 0, table
    assert not store.db.conn.in_transaction
    fts_ok(store)


def test_failed_update_keeps_the_previous_version(store: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN)
    monkeypatch.setattr(articles, "write_children", _explode)
    changed = make_article(body="A rewritten story.", quotes=(Quote("New words", "Someone"),))
    with pytest.raises(Injected):
        store.save_article(changed, site="x", fetch_id=None, seen_at=LATER)
    assert store.db.execute("SELECT version, last_seen_at FROM articles").fetchone() == (1, SEEN)
    assert count(store, "SELECT count(*) FROM article_versions") == 0
    assert count(store, "SELECT count(*) FROM quotes") == 2
    assert [hit.headline for hit in store.search("liaison")] == [
        "Nato plans liaison office in Japan"]
    fts_ok(store)
    monkeypatch.undo()
    assert store.save_article(changed, site="x", fetch_id=None, seen_at=LATER).outcome == "updated"


def test_database_errors_become_store_errors(store: Store) -> None:
    with pytest.raises(StoreError) as caught:
        store.record_fetch(None, None, final_url=None, status=None,  # type: ignore[arg-type]
                           error="timeout", fetched_at=SEEN)
    assert "NOT NULL" in str(caught.value)


CRASHING_PROCESS = """
import os, sys
from scraper.store import Store, articles
from tests.store.conftest import make_article
store = Store.open(sys.argv[1])
store.save_article(make_article(), site="x", fetch_id=None, seen_at="2024-07-12")
def die(*args):
    os._exit(17)  # the process dies with the transaction open: no rollback, no close
articles.write_children = die
store.save_article(make_article(url="https://other.example/b", canonical_url=None),
                   site="x", fetch_id=None, seen_at="2024-07-13")
"""


def test_process_killed_mid_save_leaves_a_consistent_file(db_path: Path) -> None:
    Store.open(db_path).close()
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", CRASHING_PROCESS, str(db_path)], cwd=root,
                          check=False,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 17, done.stderr
    with Store.open(db_path) as store:
        assert store.db.execute("SELECT canonical_url FROM articles").fetchall() == [
            ("https://news.example.com/2024/07/12/nato-japan/",)]
        assert count(store, "SELECT count(*) FROM quotes") == 2
        fts_ok(store)
