"""The database commands, run through click on real SQLite files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from scraper.commands.database import COMMANDS as DATABASE_COMMANDS
from scraper.commands.serve import serve_command
from scraper.models import Article, Quote
from scraper.store import Store

COMMANDS = [*DATABASE_COMMANDS, serve_command]
DAY1, DAY2 = "2024-07-12T10:00:00+00:00", "2024-07-13T10:00:00+00:00"
URL = "https://news.example.com/2024/07/12/nato-japan/"
BODY = ("Nato is planning a liaison office in Japan.\n\n"
        "A spokesperson declined to give details of the ongoing deliberations.")


def make_article(body: str = BODY) -> Article:
    """Return the sample article of these tests."""
    return Article(url=URL, canonical_url=URL, headline="Nato plans liaison office in Japan",
                   authors=("Jane Doe",), published_at="2024-07-12T09:30:00+02:00", body=body,
                   quotes=(Quote("We share the same values", "Oana Lungescu"),))


@pytest.fixture
def cli() -> click.Group:
    """A tiny group holding only the database commands."""
    return click.Group("scraper", commands=COMMANDS)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with a run, a failed fetch, and an article seen in two versions."""
    path = tmp_path / "articles.db"
    with Store.open(path) as store:
        run_id = store.start_run(DAY1, "crawl")
        store.record_fetch(run_id, "https://news.example.com/gone", final_url=None, status=404,
                           error="HTTP 404", fetched_at=DAY1)
        store.save_article(make_article(), site="example", fetch_id=None, seen_at=DAY1)
        changed = make_article(BODY.replace("declined to give", "would not give"))
        store.save_article(changed, site="example", fetch_id=None, seen_at=DAY2)
        store.finish_run(run_id, DAY2, {"fetched": 2, "failed": 1, "new": 1, "updated": 1}, 1)
    return path


def run(cli: click.Group, *args: str) -> click.testing.Result:
    """Invoke a command and return its result (output captured)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_has_help_and_a_db_option(cli: click.Group, command: click.Command) -> None:
    assert command.help and command.help.strip()
    result = run(cli, command.name, "--help")
    assert result.exit_code == 0 and "--db PATH" in result.output


@pytest.mark.parametrize("args", [["search", "nato"], ["stats"], ["export"],
                                  ["history", URL], ["serve"]])
def test_missing_database_is_a_one_line_usage_error(cli: click.Group, tmp_path: Path,
                                                    args: list[str]) -> None:
    missing = tmp_path / "nowhere" / "articles.db"
    result = CliRunner().invoke(cli, [*args, "--db", str(missing)])
    if args == ["serve"] and "not installed" in result.output:
        pytest.skip("datasette missing: serve stops before looking at the database")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: no database at {missing}: run a crawl first, or pass --db PATH"]
    assert not missing.parent.exists()


def test_search_prints_date_headline_snippet_and_url(cli: click.Group, db: Path) -> None:
    result = run(cli, "search", "would not give", "--db", str(db))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("2024-07-12  Nato plans liaison office in Japan  (example)")
    assert "[would] [not] [give]" in lines[1]
    assert lines[2].strip() == URL


def test_search_json_and_filters(cli: click.Group, db: Path) -> None:
    hits = json.loads(run(cli, "search", "liaison", "--json", "--author", "Doe",
                          "--since", "2024-07-12", "--db", str(db)).output)
    assert [hit["url"] for hit in hits] == [URL]
    empty = run(cli, "search", "liaison", "--site", "example", "--until", "2024-07-11",
                "--db", str(db))
    assert empty.output.strip() == "No articles match."


def test_search_errors_are_one_line(cli: click.Group, db: Path) -> None:
    bad_date = CliRunner().invoke(cli, ["search", "nato", "--since", "July", "--db", str(db)])
    assert bad_date.exit_code == 2
    raw = CliRunner().invoke(cli, ["search", "nato AND", "--raw", "--db", str(db)])
    assert raw.exit_code == 2 and raw.output.startswith("Error: invalid full-text query")
    nothing = CliRunner().invoke(cli, ["search", "?!", "--db", str(db)])
    assert nothing.exit_code == 2 and "nothing to search for" in nothing.output


def test_stats_text_and_json(cli: click.Group, db: Path) -> None:
    text = run(cli, "stats", "--db", str(db)).output
    assert "Articles: 1 on 1 site(s); 1 earlier version(s)" in text
    assert "exit 1: 0 discovered, 2 fetched, 0 unchanged, 1 failed, 1 new, 1 updated" in text
    assert "HTTP 404" in text
    data = json.loads(run(cli, "stats", "--json", "--db", str(db)).output)
    assert data["sites"][0]["site"] == "example"
    assert data["failures"] == [{"reason": "HTTP 404", "fetches": 1, "last_seen": DAY1}]
    assert data["dates"]["first_published"] == "2024-07-12T09:30:00+02:00"


def test_export_to_file_and_stdout(cli: click.Group, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run(cli, "export", "--format", "csv", "-o", str(out), "--db", str(db))
    assert "exported 1 article(s)" in result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [row["canonical_url"] for row in rows] == [URL]
    jsonl = CliRunner().invoke(cli, ["export", "--since", "2024-07-13", "--db", str(db)])
    assert jsonl.stdout == ""


def test_history_lists_versions_with_a_word_diff(cli: click.Group, db: Path) -> None:
    result = run(cli, "history", URL, "--db", str(db))
    assert result.output.startswith(f"2 version(s) of {URL}")
    assert f"v1  seen {DAY1} .. until {DAY1}" in result.output
    assert f"v2  seen {DAY2} .. current" in result.output
    assert "body: +2 -2 words" in result.output
    assert "[-declined to-] {+would not+} give" in result.output
    data = json.loads(run(cli, "history", URL, "--json", "--db", str(db)).output)
    assert [(v["version"], v.get("words_added")) for v in data] == [(1, None), (2, 2)]
    unknown = CliRunner().invoke(cli, ["history", "https://nowhere.example/", "--db", str(db)])
    assert unknown.exit_code == 2 and "no article with url" in unknown.output


def test_schema_formats(cli: click.Group, db: Path, tmp_path: Path) -> None:
    text = run(cli, "schema", "--db", str(db)).output
    assert "quotes_with_speaker (view): Every quote with its speaker, date and article." in text
    assert text.rstrip().endswith("7 of 7 migrations applied.")
    fresh = run(cli, "schema", "--db", str(tmp_path / "new.db")).output
    assert "not created yet" in fresh and not (tmp_path / "new.db").exists()
    metadata = json.loads(run(cli, "schema", "--format", "datasette", "--db", str(db)).output)
    assert "articles" in metadata["databases"]["articles"]["tables"]
    assert "CREATE TABLE articles" in run(cli, "schema", "--format", "sql").output
    assert "| `canonical_url` |" in run(cli, "schema", "--format", "markdown").output
