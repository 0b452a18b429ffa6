"""Text metrics: the bag of words of WCXB, token F1 for captions, must/must-not snippets.

The AEB shingle metric lives in scraper/evaluate.py (the project's public metric); this module
holds the others. Words are the `\\w+` tokens (Unicode) lower-cased.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from scraper.evaluate import common_count, shingles_of, tokens


def words(text: str | None) -> list[str]:
    """The `\\w+` tokens of the lower-cased text (none for None)."""
    return tokens((text or "").lower())


@dataclass(frozen=True)
class Overlap:
    """Precision, recall and F1 of one prediction against one reference."""

    precision: float
    recall: float
    f1: float


def bag_of_words(predicted: str | None, expected: str | None) -> Overlap:
    """Word-count overlap of two texts (see `overlap`)."""
    return overlap(Counter(words(predicted)), Counter(words(expected)))


def overlap(got: Counter[str], want: Counter[str]) -> Overlap:
    """tp is the multiset intersection; empty against empty scores 1, empty against text 0."""
    if not got and not want:
        return Overlap(1.0, 1.0, 1.0)
    tp = common_count(got, want)
    precision = tp / sum(got.values()) if got else 0.0
    recall = tp / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Overlap(precision, recall, f1)


@dataclass(frozen=True)
class TextFeatures:
    """Everything the body metrics need from one text, computed once."""

    tokens: list[str]                          # case kept (AEB)
    shingles: Counter[tuple[str, ...]]         # AEB 4-token shingles
    words: Counter[str]                        # lower-cased bag of words (WCXB)
    spaced: str                                # " w1 w2 ... " for snippet search


def features(text: str | None) -> TextFeatures:
    """The text's tokens, shingles, bag of words and snippet-search form."""
    case_kept, lowered = tokens(text or ""), words(text)
    return TextFeatures(case_kept, shingles_of(case_kept), Counter(lowered),
                        f" {' '.join(lowered)} ")


@lru_cache(maxsize=2048)
def truth_features(text: str) -> TextFeatures:
    """`features` of a reference text, cached: both sides are scored against it."""
    return features(text)


def contains_snippet(text: str, snippet: str) -> bool:
    """True when the snippet's words occur as one run in the text's (case and punctuation aside)."""
    return _contains(features(text).spaced, snippet)


def _contains(spaced_text: str, snippet: str) -> bool:
    needle = " ".join(words(snippet))
    return bool(needle) and f" {needle} " in spaced_text


def snippet_rates(text: str | TextFeatures, must: tuple[str, ...], must_not: tuple[str, ...]
                  ) -> tuple[float | None, float | None]:
    """(share of `must` snippets found, share of `must_not` snippets kept out); None when none given."""
    spaced = (text if isinstance(text, TextFeatures) else features(text)).spaced
    found = sum(_contains(spaced, snippet) for snippet in must) / len(must) if must else None
    kept_out = (sum(not _contains(spaced, snippet) for snippet in must_not) / len(must_not)
                if must_not else None)
    return found, kept_out
