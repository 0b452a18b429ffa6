"""Corpus figures from per-page rows, and the printed report: table, speed, lost, failures, worst."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.realweb.rows import Row
from benchmarks.realweb.scoring import Figure, Scorer, aggregate, bootstrap_std

LOST_THEIRS_AT_LEAST = 0.8
LOST_OURS_BELOW = 0.5


def figures(rows: Sequence[Row], scorers: Sequence[Scorer]) -> dict[str, dict[str, Any]]:
    """{label: {"ours": value, "traf": value or None, "pages": n}} for every figure with pages.

    "pages" is what the figure is over: pages, or images for the image ratios."""
    table: dict[str, dict[str, Any]] = {}
    ours_rows = [_side(row, "ours") for row in rows]
    their_rows = [_side(row, "traf") for row in rows]
    for scorer in scorers:
        for figure in scorer.figures:
            ours, pages = aggregate(figure, ours_rows)
            if not pages:
                continue
            theirs, _ = aggregate(figure, their_rows)
            table[figure.label] = {"ours": ours, "traf": theirs if scorer.both_sides else None,
                                   "pages": pages}
            if figure.kind == "f1_of_means":
                table[figure.label]["ours_std"] = bootstrap_std(figure, ours_rows)
    return table


def _side(row: Row, side: str) -> dict[str, Any]:
    prefix = f"{side}:"
    return {key[len(prefix):]: value for key, value in row.items() if key.startswith(prefix)}


def lost_articles(rows: Sequence[Row]) -> list[Row]:
    """Pages trafilatura reads well (body F1 >= 0.8) and we lose (< 0.5)."""
    return [row for row in rows
            if _number(row.get("traf:body_f1")) >= LOST_THEIRS_AT_LEAST
            and _number(row.get("ours:body_f1"), 1.0) < LOST_OURS_BELOW]


def failures(rows: Sequence[Row]) -> list[Row]:
    """Pages where our extraction raised or returned an empty body."""
    return [row for row in rows if row.get("error")]


def worst(rows: Sequence[Row], figure: Figure, count: int) -> list[Row]:
    """Our `count` lowest pages on the figure's page column, trafilatura's best first on ties."""
    column = figure.worst
    scored = [row for row in rows if isinstance(row.get(f"ours:{column}"), int | float)]
    scored.sort(key=lambda row: (row[f"ours:{column}"], -_number(row.get(f"traf:{column}")),
                                 str(row["id"])))
    return [row for row in scored[:count] if _number(row[f"ours:{column}"]) < 1.0]


def _number(value: Any, default: float = 0.0) -> float:
    return float(value) if isinstance(value, int | float) else default


def format_value(value: Any) -> str:
    """A figure's value for the table."""
    return "-" if value is None else f"{value:.3f}"
