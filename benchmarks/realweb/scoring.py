"""The scorer interface: what a field scorer gives per page, and how its figures aggregate.

A scorer turns one page's extraction record (ours, or trafilatura's in the same shape) into
named per-page values (numbers are scores or counts, strings are short field values shown
beside worst pages), and declares the corpus figures built from those values. See scorers.py
for the built-in ones and annotations.py for where the hand-annotation scorer goes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean, pstdev
from typing import Any, Protocol

from benchmarks.realweb.corpora import Page

Value = float | int | str | None
Record = Mapping[str, Any]
BOOTSTRAP_RESAMPLES = 1000


@dataclass(frozen=True)
class Figure:
    """One corpus figure: its label, the per-page columns it reads and how it aggregates them.

    kind: "mean" (mean of column 0 over pages that have it), "f1_of_means" (harmonic mean of
    the means of columns 0 and 1, the AEB corpus F1), "ratio" (sum of column 0 over sum of
    column 1), "f1_of_ratios" (micro F1: precision the sum of column 0 over the sum of column 1,
    recall the sum of column 2 over the sum of column 3). `worst` names the per-page column to
    rank worst pages by (None: not ranked).
    """

    label: str
    kind: str
    columns: tuple[str, ...]
    worst: str | None = None


class Scorer(Protocol):
    """A field scorer; register it in scorers.SCORERS (or annotations.SCORERS)."""

    field: str                       # selection name for --fields
    both_sides: bool                 # False: trafilatura has no such field, score ours only
    figures: tuple[Figure, ...]
    shows: tuple[str, ...]           # short-value columns printed beside worst pages

    def applies(self, page: Page) -> bool:
        """True when the page's truth lets this scorer judge it."""

    def score(self, page: Page, record: Record) -> dict[str, Value]:
        """Per-page values for one side's extraction record."""


def aggregate(figure: Figure, rows: Sequence[Mapping[str, Value]]) -> tuple[float | None, int]:
    """(the figure's value, what it is over: pages that have its columns, or for a ratio the
    sum of its denominators, such as images, and for a micro F1 the expected items)."""
    values = [tuple(row.get(column) for column in figure.columns) for row in rows]
    values = [v for v in values if all(isinstance(x, int | float) for x in v)]
    if not values:
        return None, 0
    over = (int(sum(v[1] for v in values)) if figure.kind == "ratio"
            else int(sum(v[3] for v in values)) if figure.kind == "f1_of_ratios"
            else len(values))
    return AGGREGATES[figure.kind](values), over


def _mean(values: Sequence[tuple[float, ...]]) -> float:
    return fmean(v[0] for v in values)


def _f1_of_means(values: Sequence[tuple[float, ...]]) -> float:
    precision, recall = fmean(v[0] for v in values), fmean(v[1] for v in values)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(values: Sequence[tuple[float, ...]]) -> float:
    total = sum(v[1] for v in values)
    return sum(v[0] for v in values) / total if total else 0.0


def _f1_of_ratios(values: Sequence[tuple[float, ...]]) -> float:
    predicted, expected = sum(v[1] for v in values), sum(v[3] for v in values)
    precision = sum(v[0] for v in values) / predicted if predicted else 0.0
    recall = sum(v[2] for v in values) / expected if expected else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


AGGREGATES: dict[str, Callable[[Sequence[tuple[float, ...]]], float]] = {
    "mean": _mean, "f1_of_means": _f1_of_means, "ratio": _ratio, "f1_of_ratios": _f1_of_ratios,
}


def bootstrap_std(figure: Figure, rows: Sequence[Mapping[str, Value]], seed: int = 0) -> float:
    """Standard deviation of the figure over BOOTSTRAP_RESAMPLES resamples of pages."""
    values = [tuple(row.get(column) for column in figure.columns) for row in rows]
    values = [v for v in values if all(isinstance(x, int | float) for x in v)]
    if len(values) < 2:
        return 0.0
    rng = random.Random(seed)
    function = AGGREGATES[figure.kind]
    samples = [function([values[rng.randrange(len(values))] for _ in values])
               for _ in range(BOOTSTRAP_RESAMPLES)]
    return pstdev(samples)
