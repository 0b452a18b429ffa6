"""Per-page rows: each scorer's values for both sides, written and read as one TSV per corpus.

A row holds `id`, `ours:<column>` and `traf:<column>` values, the truth's short values
(`truth:headline`, `truth:date`, `truth:authors`), our `error` and the page `url`. Files are
sorted by page id, one line per page, so `diff` and `--compare` show what a change moved.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.realweb.corpora import Page
from benchmarks.realweb.scorers import short
from benchmarks.realweb.scoring import Scorer, Value

Row = dict[str, Value]


def score_page(page: Page, ours: dict[str, Any], theirs: dict[str, Any] | None,
               scorers: Sequence[Scorer]) -> Row:
    """One page's row from both sides' records (trafilatura's may be missing)."""
    row: Row = {"id": page.page_id}
    for scorer in scorers:
        if not scorer.applies(page):
            continue
        row |= {f"ours:{key}": value for key, value in scorer.score(page, ours).items()}
        if scorer.both_sides and theirs:
            row |= {f"traf:{key}": value for key, value in scorer.score(page, theirs).items()}
    truth = page.truth
    row |= {"truth:headline": short(truth.headline), "truth:date": truth.published or "",
            "truth:authors": short("; ".join(truth.authors or ())),
            "error": _failure(ours, page), "url": page.url}
    return row


def _failure(record: dict, page: Page) -> str:
    """Our exception, or "empty body" where the truth has one."""
    if record.get("error"):
        return str(record["error"])
    empty = not (record.get("body") or "").strip() and page.truth.body.strip()
    return "empty body" if empty else ""


def columns_of(rows: Sequence[Row]) -> list[str]:
    """Every column in first-seen order, ours before trafilatura, truth, error and url last."""
    seen: dict[str, None] = {}
    for row in rows:
        seen |= dict.fromkeys(row)
    tail = [c for c in seen if c.startswith("truth:")] + ["error", "url"]
    ours = [c for c in seen if c.startswith("ours:")]
    theirs = [c for c in seen if c.startswith("traf:")]
    return ["id", *ours, *theirs, *(c for c in tail if c in seen)]


def shown(value: Value) -> str:
    """A short value for a report line: whole numbers without ".0", strings quoted."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def write(rows: Sequence[Row], path: Path) -> None:
    """Write the rows as TSV (numbers to 4 places, empty for not scored)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = columns_of(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        for row in sorted(rows, key=lambda r: str(r["id"])):
            writer.writerow([_cell(row.get(column)) for column in header])


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return " ".join(str(value).split())


def read(path: Path) -> list[Row]:
    """Read a TSV written by `write`; numbers come back as floats, empty cells as None."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{key: _parse(key, value) for key, value in row.items()}
                for row in csv.DictReader(handle, delimiter="\t")]


_TEXT_COLUMNS = frozenset({"id", "url", "error", "headline", "date", "authors",
                           "credits_missed", "credits_ours"})


def _parse(key: str, value: str) -> Value:
    if value == "":
        return None
    if key.rpartition(":")[2] in _TEXT_COLUMNS or key.startswith("truth:"):
        return value
    try:
        return float(value)
    except ValueError:
        return value
