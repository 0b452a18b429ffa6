"""Structured date parsing (ISO 8601, RFC 2822, epoch) and the output format."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.extract.dates.parse import ParsedDate, make_date, parse_structured, zone_for


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-03T14:20:00+02:00", "2024-05-03T14:20:00+02:00"),
    ("2024-05-03T14:20:00Z", "2024-05-03T14:20:00+00:00"),
    ("2024-05-03T14:20:00.000Z", "2024-05-03T14:20:00+00:00"),
    ("2024-05-03T14:20:00.123456789Z", "2024-05-03T14:20:00+00:00"),
    ("2024-05-03T14:20:00+0200", "2024-05-03T14:20:00+02:00"),
    ("2024-05-03T14:20-05:00", "2024-05-03T14:20:00-05:00"),
    ("2024-05-03 14:20:00 -0800", "2024-05-03T14:20:00-08:00"),
    ("2024-05-03 14:20:00", "2024-05-03T14:20:00"),
    ("2024-05-03T14:20:00", "2024-05-03T14:20:00"),
    ("2024-05-03", "2024-05-03"),
    ("20240503", "2024-05-03"),
    ("  2024-05-03  ", "2024-05-03"),
    ("Fri, 03 May 2024 14:20:00 +0200", "2024-05-03T14:20:00+02:00"),
    ("Fri, 03 May 2024 14:20:00 GMT", "2024-05-03T14:20:00+00:00"),
    ("1714738800", "2024-05-03T12:20:00+00:00"),
    ("1714738800000", "2024-05-03T12:20:00+00:00"),
])
def test_structured_values_parse_to_the_record_format(value: str, expected: str) -> None:
    parsed = parse_structured(value)
    assert parsed is not None
    assert parsed.iso() == expected


@pytest.mark.parametrize("value", [
    "", "   ", "yesterday", "2 hours ago", "1989-12-31", "2101-01-01", "2023-02-30",
    "2023-13-01", "0000-00-00", "May 2023", "12345", None, 20240503,
])
def test_impossible_or_unstructured_values_are_rejected(value: object) -> None:
    assert parse_structured(value) is None


def test_date_without_time_drops_any_zone() -> None:
    parsed = make_date(2024, 5, 3)
    assert parsed is not None
    assert parsed.iso() == "2024-05-03"
    assert not parsed.has_time and not parsed.has_zone


@pytest.mark.parametrize(("name", "when", "minutes"), [
    ("EST", (2024, 1, 10), -300),
    ("ET", (2024, 1, 10), -300),
    ("ET", (2024, 7, 10), -240),
    ("PT", (2024, 7, 10), -420),
    ("CEST", (2024, 7, 10), 120),
    ("GMT+2", (2024, 7, 10), 120),
    ("UTC-03:30", (2024, 7, 10), -210),
    ("+0530", (2024, 7, 10), 330),
])
def test_zone_abbreviations_resolve_to_the_offset_of_that_day(
        name: str, when: tuple[int, int, int], minutes: int) -> None:
    zone = zone_for(name, *when, (12, 0, 0))
    assert zone is not None
    assert zone.utcoffset(None).total_seconds() == minutes * 60


def test_unknown_zone_is_not_invented() -> None:
    assert zone_for("XYZ", 2024, 5, 3, (12, 0, 0)) is None


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)))
def test_iso_output_round_trips_through_the_parser(moment: datetime) -> None:
    written = ParsedDate(moment.replace(microsecond=0), True).iso()
    parsed = parse_structured(written)
    assert parsed is not None and parsed.iso() == written


@given(st.text(max_size=40))
def test_parser_never_raises_and_stays_in_plausible_years(text: str) -> None:
    parsed = parse_structured(text)
    if parsed is not None:
        assert 1990 <= parsed.day.year <= 2100
