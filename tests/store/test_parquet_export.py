"""`scraper export --format parquet`: four files, streamed in row groups, read back by DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from pyarrow import parquet

from scraper.cli import cli
from scraper.models import Link, Quote
from scraper.store import Store
from scraper.store.parquet_export import write_parquet

from .conftest import make_article

SEEN = "2024-07-13T10:00:00+00:00"


@pytest.fixture
def filled(store: Store) -> Store:
    """Five articles on two sites, one of them without quotes or links."""
    for number in range(5):
        url = f"https://news.example.com/2024/07/1{number}/story-{number}/"
        changes = {"url": url, "canonical_url": url, "headline": f"Story {number}",
                   "published_at": f"2024-07-1{number}"}
        if number == 4:
            changes.update(quotes=(), related=(), authors=())
        else:
            changes.update(quotes=(Quote(f"quote {number}", "Ann Lee"),
                                   Quote(f"second quote {number}", None)),
                           related=(Link(f"https://news.example.com/{number}/", "More"),))
        store.save_article(make_article(**changes), site="alpha" if number % 2 else "beta",
                           fetch_id=None, seen_at=SEEN)
    return store


def test_four_files_that_duckdb_reads_and_joins(filled: Store, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    counts = write_parquet(filled.db, folder)
    assert counts == {"articles": 5, "quotes": 8, "images": 5, "links": 4}
    assert sorted(p.name for p in folder.iterdir()) == [
        "articles.parquet", "images.parquet", "links.parquet", "quotes.parquet"]
    rows = duckdb.sql(
        f"SELECT a.headline, a.authors, count(q.text) AS quotes"
        f" FROM '{folder}/articles.parquet' a LEFT JOIN '{folder}/quotes.parquet' q"
        f" ON q.article_id = a.id GROUP BY ALL ORDER BY a.headline").fetchall()
    assert rows[0] == ("Story 0", ["Jane Doe", "Ali Khan"], 2)
    assert rows[4] == ("Story 4", [], 0)
    (body, site), = duckdb.sql(f"SELECT body, site FROM '{folder}/articles.parquet'"
                               " WHERE headline = 'Story 3'").fetchall()
    assert body == make_article().body and site == "alpha"


def test_rows_are_written_a_batch_at_a_time(filled: Store, tmp_path: Path) -> None:
    write_parquet(filled.db, tmp_path, batch_rows=2)
    assert parquet.ParquetFile(tmp_path / "articles.parquet").num_row_groups == 3
    assert parquet.ParquetFile(tmp_path / "quotes.parquet").num_row_groups == 4


def test_filters_select_articles_and_their_children(filled: Store, tmp_path: Path) -> None:
    counts = write_parquet(filled.db, tmp_path, site="alpha", since="2024-07-11")
    assert counts == {"articles": 2, "quotes": 4, "images": 2, "links": 2}
    ids = {row[0] for row in duckdb.sql(f"SELECT article_id FROM '{tmp_path}/quotes.parquet'")
           .fetchall()}
    assert ids == {row[0] for row in duckdb.sql(f"SELECT id FROM '{tmp_path}/articles.parquet'")
                   .fetchall()}


def test_the_command_needs_a_folder(filled: Store, tmp_path: Path) -> None:
    db = str(filled.path)
    result = CliRunner().invoke(cli, ["export", "--format", "parquet", "--db", db])
    assert result.exit_code == 2 and "-o FOLDER" in result.output
    result = CliRunner().invoke(cli, ["export", "--format", "parquet", "--db", db,
                                      "-o", str(tmp_path / "parquet")])
    assert result.exit_code == 0, result.output
    assert "exported 5 article(s), 8 quote(s), 5 image(s), 4 link(s)" in result.output
    result = CliRunner().invoke(cli, ["export", "--db", db, "-o", str(tmp_path / "parquet")])
    assert result.exit_code == 2 and "is a folder" in result.output
