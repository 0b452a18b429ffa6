"""Printing one corpus's report: figures side by side, speed, lost articles, failures, worst pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.realweb.rows import Row, shown
from benchmarks.realweb.scoring import Scorer
from benchmarks.realweb.summary import (
    LOST_OURS_BELOW,
    LOST_THEIRS_AT_LEAST,
    failures,
    format_value,
    lost_articles,
    worst,
)


def print_table(corpus: str, table: dict[str, dict[str, Any]], pages: int) -> None:
    """The corpus figures, ours beside trafilatura, with the pages (or images) each is over."""
    print(f"\n== {corpus}: {pages} pages ==")
    print(f"{'figure':<36} {'ours':>13} {'trafilatura':>11} {'over':>6}")
    for label, cell in table.items():
        ours = format_value(cell["ours"])
        if "ours_std" in cell:
            ours += f" ±{cell['ours_std']:.3f}"
        print(f"{label:<36} {ours:>13} {format_value(cell['traf']):>11} {cell['pages']:>6}")


def print_speed(speed: dict[str, float] | None) -> None:
    """Pages per CPU second of each side and our speed as a share of trafilatura's."""
    if speed:
        print(f"speed: ours {speed['ours_pages_per_cpu_s']:.1f} pages/CPU s, trafilatura "
              f"(text only) {speed['traf_pages_per_cpu_s']:.1f}; ratio {speed['ratio']:.2f}x "
              f"(same process, alternating per page{_rounds(speed)})")


def _rounds(speed: dict[str, float]) -> str:
    """How the times were taken when every page was timed more than once."""
    rounds = int(speed.get("rounds", 1))
    return f"; least CPU of {rounds} rounds per page" if rounds > 1 else ""


def print_problems(rows: Sequence[Row], scorers: Sequence[Scorer], count: int) -> None:
    """Lost articles, failures and the worst pages of each ranked figure."""
    lost = lost_articles(rows)
    if any("traf:body_f1" in row for row in rows):
        print(f"lost articles (trafilatura body F1 >= {LOST_THEIRS_AT_LEAST}, ours < "
              f"{LOST_OURS_BELOW}): {len(lost)}")
        for row in lost:
            print(f"  {row['id']}  ours {_score(row.get('ours:body_f1'))}  trafilatura "
                  f"{_score(row.get('traf:body_f1'))}  {row.get('url', '')}")
    failed = failures(rows)
    print(f"failures (exception or empty body of ours): {len(failed)}")
    for row in failed:
        print(f"  {row['id']}  {row['error']}  {row.get('url', '')}")
    for scorer in scorers:
        for figure in scorer.figures:
            if figure.worst and (ranked := worst(rows, figure, count)):
                print(f"worst {len(ranked)} on {figure.label}:")
                for row in ranked:
                    print("  " + _worst_line(row, figure.worst, scorer.shows))


def _worst_line(row: Row, column: str, shows: Sequence[str]) -> str:
    parts = [str(row["id"]), f"ours {_score(row.get(f'ours:{column}'))}"]
    if f"traf:{column}" in row:
        parts.append(f"traf {_score(row.get(f'traf:{column}'))}")
    for name in shows:
        sides = [side for side in ("ours", "traf", "truth")
                 if row.get(f"{side}:{name}") not in (None, "")]
        if sides == ["ours"]:
            parts.append(f"{name}={shown(row[f'ours:{name}'])}")
        elif sides:
            values = " ".join(f"{side}={shown(row[f'{side}:{name}'])}" for side in sides)
            parts.append(f"{name}: {values}")
    return "  ".join(parts + [str(row.get("url", ""))])


def _score(value: Any) -> str:
    return "-" if not isinstance(value, int | float) else f"{value:.2f}"
