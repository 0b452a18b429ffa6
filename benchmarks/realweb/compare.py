"""Which pages got better or worse between two results folders, field by field.

    python -m benchmarks.realweb.compare OLD_DIR [NEW_DIR] [--show N] [--min-change X]

NEW_DIR defaults to benchmarks/results/latest. Only our side is compared (trafilatura's does
not change with our code); corpora and columns missing from either side are skipped.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.realweb import rows
from benchmarks.realweb.scorers import SCORERS
from benchmarks.realweb.scoring import Scorer
from benchmarks.realweb.summary import lost_articles

MIN_CHANGE = 0.01


def compared_columns(scorers: Sequence[Scorer]) -> list[tuple[str, str, tuple[str, ...], bool]]:
    """(label, per-page column, short-value columns, list the pages?) for every figure with one
    page score; pages are listed for the ranked figures, the others only counted."""
    found: dict[str, tuple[str, str, tuple[str, ...], bool]] = {}
    for scorer in scorers:
        for figure in scorer.figures:
            column = figure.worst or (figure.columns[0] if figure.kind == "mean" else None)
            if column and column not in found:
                found[column] = (figure.label, column, scorer.shows, bool(figure.worst))
    return list(found.values())


def print_comparison(old: Path, new: Path, show: int = 10,
                     min_change: float = MIN_CHANGE) -> None:
    """Print figure deltas and, per field, the pages that moved (worst losses first)."""
    print(f"\n#### compare {old} -> {new}")
    for path in sorted(new.glob("*.tsv")):
        if not (old / path.name).is_file():
            print(f"\n{path.stem}: not in {old}, skipped")
            continue
        print(f"\n== {path.stem} ==")
        _print_figure_deltas(_figures(old, path.stem), _figures(new, path.stem))
        old_rows = {row["id"]: row for row in rows.read(old / path.name)}
        new_rows = {row["id"]: row for row in rows.read(path)}
        _print_failures(old_rows, new_rows)
        _print_lost(old_rows, new_rows)
        for label, column, shows, listed in compared_columns(SCORERS):
            _print_column(old_rows, new_rows, label, column, shows, show if listed else 0,
                          min_change)


def _figures(folder: Path, corpus: str) -> dict[str, Any]:
    summary = folder / "summary.json"
    if not summary.is_file():
        return {}
    data = json.loads(summary.read_text(encoding="utf-8"))
    return data.get("corpora", {}).get(corpus, {}).get("figures", {})


def _print_figure_deltas(old: dict[str, Any], new: dict[str, Any]) -> None:
    for label, cell in new.items():
        before = old.get(label, {}).get("ours")
        if before is not None and cell.get("ours") is not None:
            delta = cell["ours"] - before
            mark = "" if abs(delta) < 0.0005 else ("  better" if delta > 0 else "  WORSE")
            print(f"  {label:<36} {before:.3f} -> {cell['ours']:.3f} ({delta:+.3f}){mark}")


def _print_failures(old: dict[str, rows.Row], new: dict[str, rows.Row]) -> None:
    for page_id, row in sorted(new.items()):
        before = old.get(page_id, {}).get("error")
        if bool(row.get("error")) != bool(before):
            state = f"NEW FAILURE: {row['error']}" if row.get("error") else f"fixed: {before}"
            print(f"  {page_id}  {state}")


def _print_lost(old: dict[str, rows.Row], new: dict[str, rows.Row]) -> None:
    before = {row["id"] for row in lost_articles(list(old.values()))}
    after = {row["id"] for row in lost_articles(list(new.values()))}
    if before != after:
        print(f"  lost articles {len(before)} -> {len(after)}; newly lost: "
              f"{', '.join(sorted(after - before)) or '-'}; recovered: "
              f"{', '.join(sorted(before - after)) or '-'}")


def _print_column(old: dict[str, rows.Row], new: dict[str, rows.Row], label: str, column: str,
                  shows: tuple[str, ...], show: int, min_change: float) -> None:
    key = f"ours:{column}"
    moves = []
    for page_id, row in new.items():
        before, after = old.get(page_id, {}).get(key), row.get(key)
        if (isinstance(before, float) and isinstance(after, float)
                and abs(after - before) >= min_change):
            moves.append((after - before, page_id, before, after))
    if not moves:
        return
    worse = sorted(move for move in moves if move[0] < 0)
    better = sorted((move for move in moves if move[0] > 0), reverse=True)
    print(f"{label} [{column}]: {len(better)} better, {len(worse)} worse")
    for direction, listed in (("worse ", worse), ("better", better)):
        for delta, page_id, before, after in listed[:show]:
            details = "  ".join(_changed(old[page_id], new[page_id], shows))
            print(f"  {direction} {page_id}  {before:.2f} -> {after:.2f}  {details}")
        if show and len(listed) > show:
            print(f"  ... {len(listed) - show} more {direction.strip()}")


def _changed(old: rows.Row, new: rows.Row, shows: tuple[str, ...]) -> list[str]:
    """'name: old -> new' for each short value of ours that changed."""
    changes = []
    for name in shows:
        before, after = old.get(f"ours:{name}"), new.get(f"ours:{name}")
        if before != after:
            changes.append(f"{name}: {rows.shown(before)} -> {rows.shown(after)}")
    return changes


def main(argv: list[str] | None = None) -> None:
    """Compare two results folders."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realweb.compare",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path, nargs="?",
                        default=Path(__file__).resolve().parents[1] / "results" / "latest")
    parser.add_argument("--show", type=int, default=10, help="pages listed per direction")
    parser.add_argument("--min-change", type=float, default=MIN_CHANGE)
    args = parser.parse_args(argv)
    print_comparison(args.old, args.new, args.show, args.min_change)


if __name__ == "__main__":
    main()
