"""Visible date formats read by our own patterns, their cue words, and dateparser's fallback."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.extract.dates.text import (
    dateparser_windows,
    find_dates,
    month_first,
    parse_with_dateparser,
)


@pytest.mark.parametrize(("text", "order", "expected"), [
    ("Posted on 3rd May 2023", None, "2023-05-03"),
    ("03.05.2023, 14:20 Uhr", None, "2023-05-03T14:20:00"),
    ("May 3, 2023 at 10:45 am", True, "2023-05-03T10:45:00"),
    ("May 3, 2023 at 10:45 p.m.", True, "2023-05-03T22:45:00"),
    ("Published 3 May 2023", None, "2023-05-03"),
    ("3. Mai 2023", None, "2023-05-03"),
    ("am 3. März 2023 um 9:05 Uhr", None, "2023-03-03T09:05:00"),
    ("3 mai 2023 à 14h20", None, "2023-05-03T14:20:00"),
    ("1er décembre 2022", None, "2022-12-01"),
    ("3 de mayo de 2023, 14:20", None, "2023-05-03T14:20:00"),
    ("3 maggio 2023", None, "2023-05-03"),
    ("3 de março de 2023", None, "2023-03-03"),
    ("3 mei 2023", None, "2023-05-03"),
    ("Sept. 30, 2019", True, "2019-09-30"),
    ("Nov 13, 2019, 10:28am EST", True, "2019-11-13T10:28:00-05:00"),
    ("July 13, 2019, 10:28am ET", True, "2019-07-13T10:28:00-04:00"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", True, "2019-11-20T01:39:00-05:00"),
    ("21:17 18.11.2019", False, "2019-11-18T21:17:00"),
    ("2019-11-18 05:36:50 CST", None, "2019-11-18T05:36:50-06:00"),
    ("Tue Nov 19 2019 05:44:06 GMT+0000 (UTC)", True, "2019-11-19T05:44:06+00:00"),
    ("2019年11月19日 10:20", None, "2019-11-19T10:20:00"),
    ("Nov 18, 2019 @17:19 PM", True, "2019-11-18T17:19:00"),
    ("Friday , 12 July 2024", None, "2024-07-12"),
    ("Posted 12-Mar-2023", True, "2023-03-12"),
    ("on 04-ago-2021 5:11:10", True, "2021-08-04T05:11:10"),
])
def test_formats_we_read_ourselves(text: str, order: bool | None, expected: str) -> None:
    found = find_dates(text, order)
    assert [date.value.iso() for date in found][:1] == [expected]


@pytest.mark.parametrize(("text", "order", "expected"), [
    ("04/05/2023", True, "2023-04-05"),    # en-US: month first
    ("04/05/2023", False, "2023-05-04"),   # en-GB, de, fr ...: day first
    ("04.05.2023", None, "2023-05-04"),    # dotted dates are day first ...
    ("04.05.2023", True, "2023-05-04"),    # ... even on an English page
    ("04/05/2023", None, "2023-04-05"),
    ("25/12/2023", True, "2023-12-25"),    # a day over 12 settles it whatever the language
    ("12/25/2023", False, "2023-12-25"),
    ("11/19/19 06:56 AM EST", True, "2019-11-19T06:56:00-05:00"),
])
def test_numeric_dates_follow_the_page_language_when_ambiguous(
        text: str, order: bool | None, expected: str) -> None:
    assert find_dates(text, order)[0].value.iso() == expected


@pytest.mark.parametrize("text", [
    "2 hours ago", "vor 3 Stunden", "Yesterday at 10:45", "© 2004-2019 CBS Interactive",
    "May 2023", "Wednesday , November 20", "31/02/2023", "Page 3 of 12", "v1.2.3",
    "Updated 14 hours ago", "15 May 1980", "a 3-pack-2021 bundle", "SKU-12-Mar-2023",
])
def test_no_full_date_means_nothing(text: str) -> None:
    assert find_dates(text, True) == []


@pytest.mark.parametrize(("text", "kinds"), [
    ("Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019",
     [("2019-11-18T16:07:00", "published"), ("2019-11-18T17:36:00-06:00", "modified")]),
    ("Veröffentlicht am 3. Mai 2023, aktualisiert am 4. Mai 2023",
     [("2023-05-03", "published"), ("2023-05-04", "modified")]),
    ("Publié le 3 mai 2023 - Mis à jour le 4 mai 2023",
     [("2023-05-03", "published"), ("2023-05-04", "modified")]),
    ("Stand: 03.05.2023 14:20 Uhr", [("2023-05-03T14:20:00", "modified")]),
    ("By Jane Doe May 3, 2023", [("2023-05-03", None)]),
    ("Publish date: May 3, 2023", [("2023-05-03", "published")]),
    ("Publication date 3 May 2023", [("2023-05-03", "published")]),
])
def test_cue_words_say_which_date_is_which(text: str, kinds: list[tuple[str, str | None]]) -> None:
    assert [(date.value.iso(), date.kind) for date in find_dates(text, True)] == kinds


@pytest.mark.parametrize(("language", "expected"), [
    ("en", True), ("en-US", True), ("en_us", True), ("en-GB", False), ("en-AU", False),
    ("de", False), ("fr-FR", False), (None, None), ("", None),
])
def test_month_first_follows_language_and_region(language: str | None, expected: bool | None) -> None:
    assert month_first(language) is expected


@pytest.mark.parametrize(("text", "language", "window", "expected"), [
    ("Δημοσιεύθηκε: 19 Νοεμβρίου 2019, 10:20", "el", "19 Νοεμβρίου 2019 10:20",
     "2019-11-19T10:20:00"),
    ("Közzétéve: 2019. november 19. 10:20", "hu", "2019. november 19. 10:20",
     "2019-11-19T10:20:00"),
])
def test_dateparser_reads_languages_we_have_no_patterns_for(
        text: str, language: str, window: str, expected: str) -> None:
    windows = dateparser_windows(text)
    assert window in windows
    parsed = parse_with_dateparser(window, language)
    assert parsed is not None and parsed.iso() == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("19 ноября 2019, 10:20", "2019-11-19T10:20:00"),
    ("19 listopada 2019 r.", "2019-11-19"),
    ("3. května 2023", "2023-05-03"),
    ("19 Kasım 2019 10:20", "2019-11-19T10:20:00"),
    ("19 січня 2020", "2020-01-19"),
    ("3 maj 2023", "2023-05-03"),
])
def test_declined_month_names_are_ours_too(text: str, expected: str) -> None:
    assert find_dates(text, False)[0].value.iso() == expected


@pytest.mark.parametrize("text", ["πριν από 2 ώρες", "Νοέμβριος 2019", "χθες"])
def test_dateparser_never_resolves_relative_or_partial_dates(text: str) -> None:
    assert parse_with_dateparser(text, "el") is None


_RECORD_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?")


@given(st.text(alphabet=st.sampled_from("0123456789 .,:/-aAmMpPyYJjuneNovTuesdayUTCEST"),
               max_size=60), st.sampled_from([True, False, None]))
def test_anything_found_is_in_the_record_format(text: str, order: bool | None) -> None:
    for date in find_dates(text, order):
        assert _RECORD_FORMAT.fullmatch(date.value.iso())
        assert 1990 <= date.value.day.year <= 2100


def test_dateparser_is_not_asked_without_a_language() -> None:
    assert parse_with_dateparser("19 Νοεμβρίου 2019", None) is None


@pytest.mark.parametrize(("text", "order", "written", "expected"), [
    ("03-11-2024", True, {(2024, 11, 3)}, "2024-11-03"),    # the page confirms day first
    ("03-11-2024", False, {(2024, 3, 11)}, "2024-03-11"),   # ... or month first
    ("03-11-2024", True, {(2024, 3, 11), (2024, 11, 3)}, "2024-03-11"),  # both: convention
    ("03-11-2024", True, set(), "2024-03-11"),
    ("03.11.2024", None, {(2024, 3, 11)}, "2024-03-11"),    # even a dotted date
    ("23-11-2024", True, {(2024, 3, 11)}, "2024-11-23"),    # unambiguous: never swapped
])
def test_an_ambiguous_numeric_date_takes_the_reading_the_page_confirms(
        text: str, order: bool | None, written: set[tuple[int, int, int]], expected: str) -> None:
    found = find_dates(text, order, lambda year, month, day: (year, month, day) in written)
    assert found[0].value.iso() == expected
