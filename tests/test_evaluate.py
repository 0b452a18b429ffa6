"""The benchmark metric, checked on hand-computed cases."""

from __future__ import annotations

import pytest

from scraper.evaluate import PageScore, score_corpus, score_page, shingles, tokens


def test_tokens_are_unicode_word_runs_with_case_kept() -> None:
    assert tokens("Größe: 3,5 m — Ünïcode's") == ["Größe", "3", "5", "m", "Ünïcode", "s"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {}),
        ("one", {("one",): 1}),
        ("one two three", {("one", "two", "three"): 1}),
        ("a b c d", {("a", "b", "c", "d"): 1}),
        ("a b c d e", {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}),
        ("x y x y x y x", {("x", "y", "x", "y"): 2, ("y", "x", "y", "x"): 2}),
    ],
)
def test_shingles(text: str, expected: dict[tuple[str, ...], int]) -> None:
    assert dict(shingles(text)) == expected


def test_same_tokens_score_one_and_exact_whatever_the_punctuation() -> None:
    score = score_page("The cat sat, on the mat.", "The cat sat on the mat")
    assert (score.precision, score.recall, score.exact) == (1.0, 1.0, True)


def test_case_is_kept() -> None:
    score = score_page("the cat sat on the mat", "The cat sat on the mat")
    assert score.exact is False
    assert score.precision == pytest.approx(2 / 3)


def test_extra_and_missing_shingles() -> None:
    # expected 6 tokens -> 3 shingles; predicted adds 2 tokens at the end -> 5 shingles, 3 shared
    score = score_page("a b c d e f g h", "a b c d e f")
    assert score.precision == pytest.approx(3 / 5)
    assert score.recall == 1.0
    score = score_page("a b c d", "a b c d e f")
    assert score.precision == 1.0
    assert score.recall == pytest.approx(1 / 3)


def test_empty_prediction_scores_zero() -> None:
    score = score_page("", "some expected words here")
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_both_empty_is_perfect() -> None:
    assert score_page("", "") == PageScore(1.0, 1.0, True)


def test_multiset_counts_matter() -> None:
    score = score_page("a b c d a b c d", "a b c d")
    # predicted: abcd, bcda, cdab, dabc, abcd -> 5 shingles, 1 shared
    assert score.precision == pytest.approx(1 / 5)


def test_corpus_f1_is_harmonic_mean_of_mean_precision_and_mean_recall() -> None:
    pages = [PageScore(1.0, 0.5, False), PageScore(0.5, 1.0, False)]
    corpus = score_corpus(pages, resamples=50)
    assert corpus.precision == pytest.approx(0.75)
    assert corpus.recall == pytest.approx(0.75)
    assert corpus.f1 == pytest.approx(0.75)  # mean of per-page F1 would be 0.667
    assert corpus.accuracy == 0.0
    assert corpus.f1_std > 0


def test_corpus_of_identical_pages_has_no_spread() -> None:
    corpus = score_corpus([PageScore(0.9, 0.8, True)] * 5, resamples=20)
    assert corpus.f1_std == pytest.approx(0.0)
    assert corpus.accuracy == 1.0
