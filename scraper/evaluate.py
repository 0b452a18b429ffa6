"""The article-body metric of the extraction benchmark (shared/bench/README.md).

Tokens are `\\w+` matches; shingles are runs of 4 tokens compared as multisets. Each page's
tp/fp/fn are normalized so every page weighs the same; corpus precision and recall are the
means over pages and F1 is the harmonic mean of those two means.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean, pstdev
from typing import Any

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def tokens(text: str) -> list[str]:
    """Return the benchmark's tokens: every `\\w+` match, case kept."""
    return _TOKEN.findall(text or "")


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Return the multiset of token runs of `size` (one shorter run for short texts)."""
    return shingles_of(tokens(text), size)


def shingles_of(words: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of runs of `size` of already tokenized words (see `shingles`)."""
    if not words:
        return Counter()
    if len(words) < size:
        return Counter([tuple(words)])
    return Counter(zip(*(words[offset:] for offset in range(size)), strict=False))


def common_count(first: Counter[Any], second: Counter[Any]) -> int:
    """Size of the multiset intersection (what `sum((first & second).values())` gives, faster)."""
    small, large = sorted((first, second), key=len)
    return sum(min(count, large[key]) for key, count in small.items() if key in large)


@dataclass(frozen=True)
class PageScore:
    """One page's precision and recall, plus whether its tokens match exactly."""

    precision: float
    recall: float
    exact: bool

    @property
    def f1(self) -> float:
        """Harmonic mean of this page's precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_page(predicted: str, expected: str) -> PageScore:
    """Score one predicted body against the expected body."""
    predicted_tokens, expected_tokens = tokens(predicted), tokens(expected)
    return score_shingles(shingles_of(predicted_tokens), shingles_of(expected_tokens),
                          predicted_tokens == expected_tokens)


def score_shingles(got: Counter[tuple[str, ...]], want: Counter[tuple[str, ...]], exact: bool
                   ) -> PageScore:
    """Score a page from its predicted and expected shingles (for callers that reuse them)."""
    tp = common_count(got, want)
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    if fp == 0 and fn == 0:
        return PageScore(1.0, 1.0, exact)
    # Normalizing by (tp + fp + fn) leaves the ratios unchanged; kept implicit.
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PageScore(precision, recall, exact)


@dataclass(frozen=True)
class CorpusScore:
    """Corpus precision, recall and F1 (with bootstrap standard deviations) and accuracy."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float
    recall_std: float
    f1_std: float
    pages: int


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_corpus(pages: Sequence[PageScore], resamples: int = 1000, seed: int = 0) -> CorpusScore:
    """Aggregate page scores; the ± figures are bootstrap standard deviations over pages."""
    if not pages:
        return CorpusScore(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0)
    precision = fmean(p.precision for p in pages)
    recall = fmean(p.recall for p in pages)
    rng = random.Random(seed)
    boot_p: list[float] = []
    boot_r: list[float] = []
    boot_f: list[float] = []
    for _ in range(resamples):
        sample = [pages[rng.randrange(len(pages))] for _ in pages]
        p = fmean(s.precision for s in sample)
        r = fmean(s.recall for s in sample)
        boot_p.append(p)
        boot_r.append(r)
        boot_f.append(_f1(p, r))
    return CorpusScore(
        precision=precision, recall=recall, f1=_f1(precision, recall),
        accuracy=fmean(1.0 if p.exact else 0.0 for p in pages),
        precision_std=pstdev(boot_p) if resamples > 1 else 0.0,
        recall_std=pstdev(boot_r) if resamples > 1 else 0.0,
        f1_std=pstdev(boot_f) if resamples > 1 else 0.0,
        pages=len(pages),
    )
