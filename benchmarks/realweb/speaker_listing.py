"""Every hand-annotated quote with our speaker beside the annotated one, to aim speaker work.

    python -m benchmarks.realweb.speaker_listing [--data ../shared/bench] [--corpus wcxb,fundus]
        [--ids ID,ID] [--all] [--out FILE.tsv] [--compare OLD.tsv] [--jobs N]

Prints each wrong speaker (with --all every matched or missed quote too) with its attribution
kind and the paragraph of our body holding the quote, and a count of wrong speakers by kind.
--out writes one row per annotated body quote (corpus, page, index, kind, annotated speaker,
ours, right or wrong or missed) to diff runs; --compare lists the quotes whose verdict or
speaker changed against such a file.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from benchmarks.realweb import annotations, corpora, extractors
from benchmarks.realweb.annotation_metrics import match_quotes, speaker_right
from benchmarks.realweb.text_metrics import words

CONTEXT_CHARS = 420
Row = dict[str, str]


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realweb.speaker_listing",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpora.DEFAULT_DATA)
    parser.add_argument("--corpus", default="wcxb,fundus")
    parser.add_argument("--ids", default="", help="comma-separated page ids")
    parser.add_argument("--all", action="store_true", help="list right speakers too")
    parser.add_argument("--out", type=Path, default=None, help="TSV of every annotated quote")
    parser.add_argument("--compare", type=Path, default=None, help="an older --out TSV")
    parser.add_argument("--jobs", type=int, default=2)
    return parser.parse_args(argv)


def page_rows(page: corpora.Page, truth: Mapping[str, Any]) -> list[Row]:
    """One row per annotated body quote of a page: verdict, both speakers and the context."""
    record = extractors.ours(page.html(), page.url)
    ours, body, found, _ = match_quotes(record.get("quotes") or (), truth.get("quotes") or ())
    paragraphs = (record.get("body") or "").split("\n\n")
    aliases = truth.get("aliases") or {}
    rows = []
    for index, quote in enumerate(body):
        kind = quote.get("attribution") or "name"
        want = quote.get("speaker")
        got = ours[found[index]].get("speaker") if index in found else None
        if index not in found:
            verdict = "missed"
        else:
            ok = speaker_right(got, want, kind, aliases.get(want or "", ()))
            verdict = "right" if ok else "wrong"
        rows.append({"corpus": page.corpus, "page": page.page_id, "index": str(index),
                     "kind": kind, "annotated": want or "", "ours": got or "",
                     "verdict": verdict, "start": quote["start"],
                     "context": context(paragraphs, quote["start"])})
    return rows


def context(paragraphs: Sequence[str], start: str) -> str:
    """The paragraph of our body holding a quote's first words, cut to CONTEXT_CHARS."""
    head = " ".join(words(start)[:5])
    for paragraph in paragraphs:
        if head and head in " ".join(words(paragraph)):
            text = " ".join(paragraph.split())
            return text if len(text) <= CONTEXT_CHARS else text[:CONTEXT_CHARS - 1] + "…"
    return "(not in our body)"


def _task(item: tuple[corpora.Page, Mapping[str, Any]]) -> list[Row]:
    return page_rows(*item)


def collect(args: argparse.Namespace) -> list[Row]:
    """Rows of every annotated page of the chosen corpora (and ids)."""
    ids = set(filter(None, args.ids.split(",")))
    tasks = []
    for corpus in args.corpus.split(","):
        truths = annotations.annotated(corpus)
        for page in corpora.load(args.data, corpus):
            if page.page_id in truths and (not ids or page.page_id in ids):
                tasks.append((page, truths[page.page_id]))
    with Pool(max(1, args.jobs)) as pool:
        return [row for rows in pool.map(_task, tasks, chunksize=1) for row in rows]


def show(rows: Sequence[Row], every: bool) -> None:
    """Print the wrong (or every) quote with its context, then counts by kind."""
    for row in rows:
        if every or row["verdict"] == "wrong":
            print(f"[{row['verdict']}] {row['corpus']}/{row['page']}#{row['index']} "
                  f"({row['kind']}) want={row['annotated'] or '∅'!r} got={row['ours'] or '∅'!r}")
            print(f"    «{row['start']}» | {row['context']}")
    matched = [row for row in rows if row["verdict"] != "missed"]
    wrong = Counter(row["kind"] for row in matched if row["verdict"] == "wrong")
    total = Counter(row["kind"] for row in matched)
    right = len(matched) - sum(wrong.values())
    print(f"speakers right {right}/{len(matched)}"
          f" ({right / len(matched):.3f})" if matched else "no matched quote")
    for kind, count in total.most_common():
        print(f"  {kind:12} wrong {wrong[kind]:3} of {count}")


FIELDS = ("corpus", "page", "index", "kind", "annotated", "ours", "verdict", "start")


def write(rows: Sequence[Row], path: Path) -> None:
    """The rows as TSV (without the context)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, delimiter="\t", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def compare(rows: Sequence[Row], path: Path) -> None:
    """Print the quotes whose verdict or speaker changed against an older TSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        old = {(r["corpus"], r["page"], r["index"]): r
               for r in csv.DictReader(handle, delimiter="\t")}
    moves = Counter()
    for row in rows:
        before = old.get((row["corpus"], row["page"], row["index"]))
        if before and (before["verdict"], before["ours"]) != (row["verdict"], row["ours"]):
            moves[(before["verdict"], row["verdict"])] += 1
            print(f"{before['verdict']}->{row['verdict']} {row['corpus']}/{row['page']}"
                  f"#{row['index']} ({row['kind']}) want={row['annotated'] or '∅'!r} "
                  f"was={before['ours'] or '∅'!r} now={row['ours'] or '∅'!r}")
            print(f"    «{row['start']}» | {row['context']}")
    print("changes: " + (", ".join(f"{a}->{b} {n}" for (a, b), n in moves.most_common())
                         or "none"))


def main(argv: list[str] | None = None) -> int:
    """List, write and compare."""
    args = parse(argv)
    rows = collect(args)
    if args.compare:
        compare(rows, args.compare)
    else:
        show(rows, args.all)
    if args.out:
        write(rows, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
