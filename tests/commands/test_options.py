"""One parser for dates and ages on every command: --since/--until take 2024-05-03, an ISO
8601 time or an age (36h, 2d, 1w) on crawl, reextract, search and export alike."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scraper.commands.options import parse_when

from .conftest import HARBOUR_URL, TRAM_URL, run


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-05-09", datetime(2024, 5, 9, tzinfo=UTC)),
    ("2024-05-09T10:30:00+02:00", datetime(2024, 5, 9, 8, 30, tzinfo=UTC)),
    ("2024-05-09t10:30:00", datetime(2024, 5, 9, 10, 30, tzinfo=UTC)),
    ("36h", datetime(2024, 5, 8, 12, tzinfo=UTC)),
    ("2d", datetime(2024, 5, 8, tzinfo=UTC)),
    (" 1w ", datetime(2024, 5, 3, tzinfo=UTC)),
])
def test_parse_when(text: str, expected: datetime) -> None:
    assert parse_when(text, now=datetime(2024, 5, 10, tzinfo=UTC)) == expected


@pytest.mark.parametrize("text", ["yesterday", "2d ago", "2024-13-01", "", "-2d"])
def test_parse_when_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_when(text)


@pytest.mark.parametrize(("since", "expected"), [
    ("3d", [HARBOUR_URL]), ("2w", [HARBOUR_URL, TRAM_URL]), ("2000-01-01", [HARBOUR_URL, TRAM_URL]),
])
def test_search_takes_an_age(db: Path, since: str, expected: list[str]) -> None:
    result = run("search", "harbour", "--since", since, "--json", "--sort", "date", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert [hit["url"] for hit in json.loads(result.stdout)] == expected


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--since", "3d", [HARBOUR_URL]), ("--until", "5d", [TRAM_URL]),
])
def test_export_takes_an_age(db: Path, option: str, value: str, expected: list[str]) -> None:
    result = run("export", option, value, "--db", str(db))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["canonical_url"] for line in result.stdout.splitlines()] == expected


@pytest.mark.parametrize("command", [["search", "harbour"], ["export"], ["reextract"]])
def test_a_bad_date_is_the_same_usage_error_everywhere(db: Path, command: list[str]) -> None:
    result = run(*command, "--since", "last tuesday", "--db", str(db))
    assert result.exit_code == 2
    assert "'last tuesday' is not a date; use YYYY-MM-DD, an ISO 8601 time, or an age" in result.output
