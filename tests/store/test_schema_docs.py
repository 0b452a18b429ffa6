"""The schema documentation covers exactly what the database holds."""

from __future__ import annotations

import json

from scraper.store import Store
from scraper.store.docs import datasette_metadata, render_markdown, render_sql, render_text
from scraper.store.schema import INDEXES, TABLES, documented_tables


def _actual_columns(store: Store) -> dict[str, set[str]]:
    objects = store.db.execute(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type != 'shadow'"
        " AND name NOT LIKE 'sqlite_%'").fetchall()
    return {name: {row[1] for row in store.db.execute(f"PRAGMA table_info({name})")}
            for (name,) in objects}


def test_every_table_view_and_column_is_documented_and_exists(store: Store) -> None:
    documented = {t.name: {c.name for c in t.columns} for t in documented_tables()}
    actual = _actual_columns(store)
    assert "articles_fts_data" not in actual  # shadow tables are FTS internals
    assert documented == actual


def test_every_description_is_a_sentence(store: Store) -> None:
    for table in documented_tables():
        assert table.description.strip(), table.name
        for column in table.columns:
            assert len(column.description) > 5, f"{table.name}.{column.name}"


def test_created_tables_carry_column_comments(store: Store) -> None:
    for table in TABLES:
        (sql,) = store.db.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                  [table.name]).fetchone()
        for column in table.columns:
            if table.column_since(column) == table.since:
                assert f"-- {column.description}" in sql, f"{table.name}.{column.name}"


def test_declared_indexes_exist_and_serve_site_date_queries(store: Store) -> None:
    existing = {row[0] for row in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {index.name for index in INDEXES} <= existing
    plan = " ".join(str(row) for row in store.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE site_id = 1"
        " AND published_at >= '2024-07-01' AND published_at < '2024-08-01'"))
    assert "idx_articles_site_published" in plan


def test_renderings_share_the_source() -> None:
    text, markdown, sql = render_text(), render_markdown(), render_sql()
    metadata = datasette_metadata("articles")
    tables = metadata["databases"]["articles"]["tables"]
    for table in documented_tables():
        assert f"{table.name} (" in text
        assert f"## `{table.name}`" in markdown
        assert set(tables[table.name]["columns"]) == {c.name for c in table.columns}
    assert "CREATE VIRTUAL TABLE articles_fts USING fts5" in sql
    assert tables["fetches"]["columns"]["run_id"].endswith("(-> crawl_runs.id)")
    json.dumps(metadata)  # serializable as a metadata file
