"""The real-web benchmark's metrics, on small hand-computed cases."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.realweb.field_metrics import (
    date_matches,
    headline_exact,
    headline_lenient,
    is_personal_name,
    same_day,
    same_instant,
    set_f1,
    split_author_line,
)
from benchmarks.realweb.text_metrics import bag_of_words, contains_snippet, snippet_rates
from scraper.evaluate import common_count, score_page


def test_bag_of_words_counts_repeated_words_once_per_match() -> None:
    # got {the: 2, cat: 1, dog: 1}, want {the: 1, cat: 1, sat: 1}: tp 2, P 2/4, R 2/3.
    overlap = bag_of_words("the cat, the dog", "The cat sat")
    assert overlap.precision == pytest.approx(0.5)
    assert overlap.recall == pytest.approx(2 / 3)
    assert overlap.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


@pytest.mark.parametrize(("predicted", "expected", "f1"),
                         [("", "", 1.0), ("", "some words", 0.0), ("words", "", 0.0),
                          (None, "a", 0.0), ("Straße ÉTÉ", "straße été", 1.0)])
def test_bag_of_words_edges(predicted: str | None, expected: str, f1: float) -> None:
    assert bag_of_words(predicted, expected).f1 == f1


def test_shingle_metric_matches_the_benchmark_definition() -> None:
    # 6 tokens give 3 shingles, and the third token sits in all three: changing it shares
    # no shingle, (a b c d), (b c d e), (c d e f) against (a b X d), (b X d e), (X d e f).
    score = score_page("a b c d e f", "a b X d e f")
    assert (score.precision, score.recall) == (0.0, 0.0)
    # Dropping the last token keeps 2 of 3 expected shingles: P 1, R 2/3.
    score = score_page("a b c d e", "a b c d e f")
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 3)


def test_snippets_ignore_case_and_punctuation_but_not_word_boundaries() -> None:
    assert contains_snippet("He said: Hello, World!  Then left.", "hello world then")
    assert not contains_snippet("concatenate", "cat")
    assert not contains_snippet("anything", "  ")
    assert snippet_rates("one two three", ("one two", "four"), ("three", "five")) == (0.5, 0.5)
    assert snippet_rates("text", (), ()) == (None, None)


@pytest.mark.parametrize(("predicted", "expected", "exact"), [
    ("It’s “done”", "It's \"done\"", True),
    ("Ｆｕｌｌ  width\n title", "Full width title", True),
    ("Case Matters", "case matters", False),
    ("Title | Site", "Title", False),
    (None, "Title", False),
])
def test_headline_exact(predicted: str | None, expected: str, exact: bool) -> None:
    assert headline_exact(predicted, expected) is exact


@pytest.mark.parametrize(("predicted", "expected", "lenient"), [
    ("case matters", "Case Matters!", True),
    ("A long title here - The Daily Site", "A long title here", True),
    ("BIO. Annelies Verlinden ruilt", "Annelies Verlinden ruilt", True),
    ("Title", "A much longer title than that", False),  # a run, but under half of the words
    ("Another story", "A long title here", False),
    ("", "Title", False),
])
def test_headline_lenient(predicted: str, expected: str, lenient: bool) -> None:
    assert headline_lenient(predicted, expected) is lenient


@pytest.mark.parametrize(("predicted", "expected", "ok"), [
    ("2024-05-03T10:00:00+02:00", "2024-05-03", True),
    ("2024-05-03", "2024-05-03", True),
    ("2024-05-04", "2024-05-03", False),
    ("2024-05-17", "2024-05", True),
    ("2024-06-01", "2024-05", False),
    ("2024-05", "2024-05-03", False),
    (None, "2024-05-03", False),
])
def test_date_matches_by_day_or_month_prefix(predicted: str | None, expected: str,
                                             ok: bool) -> None:
    assert date_matches(predicted, expected) is ok


def test_same_instant_needs_zones_on_both_sides() -> None:
    expected = "2024-05-03T00:30:00+02:00"
    assert same_instant("2024-05-02T22:30:00Z", expected) is True
    assert same_instant("2024-05-02T22:30:30+00:00", expected) is True  # within the minute
    assert same_instant("2024-05-03T00:30:00+00:00", expected) is False  # two hours apart
    assert same_instant("2024-05-03T00:30:00", expected) is None
    assert same_instant("2024-05-03", expected) is None


def test_same_day_as_written_or_by_instant() -> None:
    expected = "2024-05-03T00:30:00+02:00"
    assert same_day("2024-05-03", expected)
    assert same_day("2024-05-02T22:30:00+00:00", expected)  # another zone, same moment
    assert not same_day("2024-05-02T22:30:00", expected)  # no zone: the day as written differs
    assert not same_day("2024-05-04T00:30:00+02:00", expected)


@pytest.mark.parametrize(("line", "names"), [
    ("Jane Doe", ["Jane Doe"]),
    ("Jane Doe, John Roe and Ann Poe", ["Jane Doe", "John Roe", "Ann Poe"]),
    ("Maria & Katerina", ["Maria", "Katerina"]),
    ("Ellen Lind, VMD, DACVB; Debra Horn, DVM", ["Ellen Lind", "Debra Horn"]),
    ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton"]),
    ("Michael Greger, M.D. FACLM", ["Michael Greger"]),
    ("JOHN SMITH", ["JOHN SMITH"]),  # the first piece is always a name
    ("Mike Marshall, Shipping Expert", ["Mike Marshall", "Shipping Expert"]),
    ("Andrew Anderson", ["Andrew Anderson"]),  # "and" inside a word is no separator
    ("", []),
    (None, []),
])
def test_split_author_line(line: str | None, names: list[str]) -> None:
    assert split_author_line(line) == names


def test_author_set_f1_compares_normalized_names() -> None:
    assert set_f1(["Jane Doe", "John Roe"], ["jane  doe."]) == pytest.approx(2 / 3)
    assert set_f1(["José Núñez"], ["JOSÉ NÚÑEZ"]) == 1.0
    assert set_f1(["Jane Doe", "Jane Doe"], ["Jane Doe"]) == 1.0  # sets, not lists
    assert set_f1([], ["Jane Doe"]) == 0.0
    assert set_f1([], []) == 1.0


@pytest.mark.parametrize(("first", "second"), [
    ("a a b c", "a b b d"), ("", "a"), ("x x x", "x"), ("p q", "r s"),
])
def test_common_count_is_the_multiset_intersection(first: str, second: str) -> None:
    got, want = Counter(first.split()), Counter(second.split())
    assert common_count(got, want) == sum((got & want).values())


@pytest.mark.parametrize(("name", "personal"), [
    ("Jane Doe", True), ("Bill MCCARTHY", True), ("Michelle de Oliveira", True),
    ("Андрей Колесников", True), ("松岡大地", True),
    ("Salzburger Nachrichten", False), ("The Associated Press", False), ("AP", False),
    ("nieuwsblad.be", False), ("FOCUS online", False), ("Deutsche Presse-Agentur", False),
    ("Nairobi", False), ("Guardian staff reporter", False), ("読売新聞オンライン", False),
    ("", False),
])
def test_is_personal_name(name: str, personal: bool) -> None:
    assert is_personal_name(name) is personal
