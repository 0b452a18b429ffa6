"""Exit codes as the README promises: 0 ok, 1 some pages failed, 2 usage or configuration
error, 3 lock held. A question the database cannot answer as asked is a usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import HARBOUR_URL, TRAM_URL, run


@pytest.mark.parametrize(("args", "message"), [
    (["search", ""], "nothing to search for"),
    (["search", "?!"], "nothing to search for"),
    (["search", "harbour AND", "--raw"], "invalid full-text query"),
    (["search", "harbour", "--sort", "oldest"], "Invalid value for '--sort'"),
    (["history", "https://nowhere.example/story/"], "no article with url"),
    (["history", "not a url"], "no article with url"),
])
def test_usage_errors_exit_2_with_one_line(db: Path, args: list[str], message: str) -> None:
    result = run(*args, "--db", str(db))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("spelling", [
    HARBOUR_URL,
    HARBOUR_URL.rstrip("/"),                                          # no trailing slash
    HARBOUR_URL.replace("https://herald", "HTTPS://Herald") + "?utm_source=feed#comments",
    TRAM_URL + "/",                                                   # a slash too many
    "https://gazette.example:443/news/2024/05/01/./tram-vote",
])
def test_history_finds_an_article_however_its_url_is_spelled(db: Path, spelling: str) -> None:
    result = run("history", spelling, "--json", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert [version["version"] for version in json.loads(result.stdout)] == [1]


@pytest.mark.parametrize("command", [
    ["search", "harbour"], ["export"], ["export", "--format", "csv"], ["reextract"],
])
def test_an_unknown_site_is_refused_naming_the_known_ones(db: Path, command: list[str]) -> None:
    result = run(*command, "--site", "nosuch", "--db", str(db))
    assert result.exit_code == 2, result.output
    assert "unknown site(s) nosuch" in result.output
    assert "gazette, herald" in result.output
    assert result.stdout == ""


def test_crawl_refuses_an_unknown_site_the_same_way(tmp_path: Path) -> None:
    sites = tmp_path / "sites.toml"
    sites.write_text('[[site]]\nname = "herald"\nfeeds = ["https://herald.example/feed"]\n')
    result = run("crawl", "--sites", str(sites), "--site", "nosuch", "--db",
                 str(tmp_path / "a.db"))
    assert result.exit_code == 2
    assert "unknown site(s) nosuch" in result.output and "lists herald" in result.output


def test_a_known_site_still_filters(db: Path) -> None:
    result = run("export", "--site", "gazette", "--db", str(db))
    assert result.exit_code == 0
    assert [json.loads(line)["canonical_url"] for line in result.stdout.splitlines()] == [TRAM_URL]


def test_an_unknown_site_leaves_an_existing_export_file_alone(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "articles.jsonl"
    target.write_text("yesterday's export\n")
    result = run("export", "--site", "nosuch", "-o", str(target), "--db", str(db))
    assert result.exit_code == 2
    assert target.read_text() == "yesterday's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.db", "articles.jsonl"]


def test_export_into_a_missing_folder_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    result = run("export", "-o", str(tmp_path / "nowhere" / "out.jsonl"), "--db", str(db))
    assert result.exit_code == 2
    assert f"cannot write {tmp_path / 'nowhere' / 'out.jsonl'}: No such file" in result.output


def test_a_database_path_that_cannot_be_created_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    result = run("crawl", "https://herald.example/feed", "--db", str(blocker / "a.db"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and str(blocker) in result.output
