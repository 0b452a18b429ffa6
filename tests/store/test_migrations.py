"""Migrations: a fresh database, an in-place upgrade that loses nothing, pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from scraper.store import Store
from scraper.store.migrations import MIGRATIONS, STEP_NAMES, migrate, migration_status

from .conftest import count, fts_ok


def test_open_creates_folder_file_and_every_migration(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with Store.open(db_path) as store:
        assert db_path.is_file()
        names = [name for name, applied in migration_status(store.db) if applied]
        assert names == ["001_core_tables", "002_full_text_search", "003_article_versions",
                         "004_views", "005_article_search", "006_run_limits",
                         "007_ingest_progress"]
        assert set(store.db.view_names()) == {
            "articles_per_site_per_day", "quotes_with_speaker", "photo_credits_by_agency",
            "search_text", "search_text_trigram"}
        assert "quotes_fts" not in store.db.table_names()


def test_wal_and_foreign_keys_are_on(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO quotes (article_id, position, text) VALUES (999, 0, 'x')")


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert count(store, "SELECT count(*) FROM _sqlite_migrations") == len(STEP_NAMES)
        assert MIGRATIONS.pending(store.db) == []


def _fill_first_schema(db: Database) -> None:
    """Rows written by a scraper that only knew the first migration."""
    db.execute("INSERT INTO sites (id, name, created_at) VALUES (1, 'old.example', '2024-01-01')")
    db.execute("INSERT INTO crawl_runs (id, started_at, pages_fetched) VALUES (1, '2024-01-01', 1)")
    db.execute("INSERT INTO fetches (id, run_id, url, status, etag, fetched_at) VALUES "
               "(1, 1, 'https://old.example/a', 200, '\"v1\"', '2024-01-01T00:00:00+00:00')")
    db.execute(
        "INSERT INTO articles (id, canonical_url, url, site_id, headline, published_at, body,"
        " word_count, content_hash, record_hash, first_seen_at, last_seen_at, content_seen_at,"
        " fetch_id) VALUES (1, 'https://old.example/a', 'https://old.example/a', 1,"
        " 'Harbour plan wins council vote', '2024-01-01', 'The ferry timetable changes in May.',"
        " 6, 'h1', 'r1', '2024-01-01', '2024-01-01', '2024-01-01', 1)")
    db.execute("INSERT INTO quotes (article_id, position, text, speaker) VALUES "
               "(1, 0, 'It is a good day for the harbour', 'Mayor Lena Berg')")
    db.execute("INSERT INTO images (article_id, position, url, credit_source) VALUES "
               "(1, 0, 'https://old.example/a.jpg', 'Reuters')")


def test_upgrade_from_the_first_migration_keeps_every_row(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    old = Database(db_path)
    migrate(old, stop_before="002_full_text_search")
    assert "articles_fts" not in old.table_names()
    assert "version" not in old["articles"].columns_dict
    _fill_first_schema(old)
    old.close()

    with Store.open(db_path) as store:
        row = store.db.execute("SELECT headline, body, version, fetch_id FROM articles").fetchone()
        assert row == ("Harbour plan wins council vote", "The ferry timetable changes in May.",
                       1, 1)
        assert store.validators("https://old.example/a") == ('"v1"', None)
        assert [hit.article_id for hit in store.search("ferry timetable")] == [1]
        assert [hit.matched for hit in store.search("good day")] == ["quote"]
        assert [hit.article_id for hit in store.search("harbour NOT ferry")] == []
        assert [hit.article_id for hit in store.search("harbour -timetable")] == []
        speakers = store.db.execute("SELECT speaker FROM quotes_with_speaker").fetchall()
        assert speakers == [("Mayor Lena Berg",)]
        agencies = store.db.execute(
            "SELECT credit_source, images FROM photo_credits_by_agency").fetchall()
        assert agencies == [("Reuters", 1)]
        fts_ok(store)


def test_upgrade_from_the_fourth_migration_reindexes_articles_as_one_document(
        db_path: Path) -> None:
    """A database from before 005: NOT applied per row; Bed\u00adford unsearchable."""
    db_path.parent.mkdir(parents=True)
    old = Database(db_path)
    migrate(old, stop_before="005_article_search")
    assert "quotes_fts" in old.table_names()
    _fill_first_schema(old)
    old.execute("UPDATE articles SET body = 'Ferries leave Bed\u00adford at dawn.'")
    old.execute("INSERT INTO quotes (article_id, position, text) VALUES (1, 1, '体罰はいけない')")
    assert old.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'bedford'"
                       ).fetchone()[0] == 0
    old.close()

    with Store.open(db_path) as store:
        assert "quotes_fts" not in store.db.table_names()
        assert [hit.article_id for hit in store.search("bedford")] == [1]
        assert [hit.article_id for hit in store.search("体罰")] == [1]
        assert store.search("harbour NOT ferries") == []
        fts_ok(store)
