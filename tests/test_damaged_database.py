"""A damaged database file: every command says which file and what to do, in one line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.models import Article, Quote
from scraper.store import Store

SEEN = "2024-07-12T10:00:00+00:00"
URL = "https://news.example/2024/07/12/harbour/"


def _healthy(path: Path) -> Path:
    with Store.open(path) as store:
        for number in range(40):
            store.save_article(Article(url=f"{URL}{number}", canonical_url=None,
                                       headline=f"Harbour story {number}",
                                       body="The harbour reopens. " * 50,
                                       quotes=(Quote("It is ready", "Sam Ferris"),)),
                               site="news", fetch_id=None, seen_at=SEEN)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def _flip(path: Path, offset: int, length: int) -> None:
    data = bytearray(path.read_bytes())
    for index in range(offset, offset + length):
        data[index] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.fixture
def not_a_database(tmp_path: Path) -> Path:
    """A database whose header bytes were overwritten."""
    path = _healthy(tmp_path / "articles.db")
    _flip(path, 0, 16)
    return path


@pytest.fixture
def damaged_articles(tmp_path: Path) -> Path:
    """A database that opens, but whose articles table's first page is garbage."""
    path = _healthy(tmp_path / "articles.db")
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()
    connection.close()
    _flip(path, (root - 1) * page_size, 64)
    return path


COMMANDS = [["search", "harbour"], ["search", "harbour", "--json"], ["stats"], ["export"],
            ["export", "--format", "csv"], ["history", f"{URL}1"], ["reextract"]]


def _assert_explained(result: object, path: Path) -> None:
    output = result.output  # type: ignore[attr-defined]
    assert result.exit_code not in (0, None), output  # type: ignore[attr-defined]
    assert "Traceback" not in output, output
    assert str(path) in output and "PRAGMA integrity_check" in output, output
    assert "database is damaged" in output


@pytest.mark.parametrize("args", [*COMMANDS, ["schema"],
                                  ["crawl", "http://127.0.0.1:9/", "--allow-private"]],
                         ids=" ".join)
def test_a_file_that_is_not_a_database_is_named_with_what_to_do(not_a_database: Path,
                                                                 args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(not_a_database)])
    _assert_explained(result, not_a_database)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_damaged_table_is_named_with_what_to_do(damaged_articles: Path,
                                                  args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(damaged_articles)])
    _assert_explained(result, damaged_articles)
