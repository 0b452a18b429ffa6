"""The real-web benchmark: every field, ours beside trafilatura, per page and per corpus.

    python -m benchmarks.realweb [--data ../shared/bench] [--corpus wcxb,fundus,aeb] [--annotated]
        [--ids ID,ID]
        [--fields body,headline,date,authors,images] [--fast] [--jobs N] [--limit N]
        [--out DIR] [--compare OLD_DIR] [--worst N] [--no-memory] [--rounds N]

Default (what `make bench` runs): both sides timed in this one process, alternating per page,
no cache; peak memory of each in a child process on AEB. --rounds N times every page N
times and keeps each side's least CPU per page (a steadier ratio; default 1). --fast reads trafilatura from its
cache (computing what is missing) and may run ours on --jobs processes: no speed figures.
Per-page rows go to OUT/<corpus>.tsv (the previous default run moves to results/previous),
corpus figures to OUT/summary.json; --compare prints what moved against an older OUT.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.realweb import (
    annotations,
    compare,
    corpora,
    extractors,
    memory,
    report,
    rows,
    runner,
)
from benchmarks.realweb.scorers import FIELDS, select
from benchmarks.realweb.summary import failures, figures, lost_articles

RESULTS = Path(__file__).resolve().parents[1] / "results"
DEFAULT_OUT = RESULTS / "latest"


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realweb",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=corpora.DEFAULT_DATA,
                        help="folder holding wcxb-dev, fundus-dev and aeb (default %(default)s)")
    parser.add_argument("--corpus", default=",".join(corpora.CORPORA),
                        help="comma-separated corpora (default %(default)s)")
    parser.add_argument("--fields", default="", help=f"comma-separated, of {','.join(FIELDS)}")
    parser.add_argument("--fast", action="store_true",
                        help="trafilatura from cache, no timing or memory runs")
    parser.add_argument("--jobs", type=int, default=1, help="processes for ours (implies --fast)")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--ids", default="",
                        help="comma-separated page ids: only these pages (any corpus)")
    parser.add_argument("--annotated", action="store_true",
                        help="only pages with a hand annotation (benchmarks/annotations)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results folder")
    parser.add_argument("--cache", type=Path, default=RESULTS / "cache",
                        help="trafilatura cache folder (default %(default)s)")
    parser.add_argument("--compare", type=Path, default=None, metavar="OLD_DIR",
                        help="after the run, list pages that got better or worse against OLD_DIR")
    parser.add_argument("--worst", type=int, default=5, help="worst pages listed per figure")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    parser.add_argument("--rounds", type=int, default=1,
                        help="time every page N times, keeping each side's least CPU per page")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, not {args.rounds}")
    args.fast = args.fast or args.jobs > 1
    args.out_ready = False
    args.corpora = [name.strip() for name in args.corpus.split(",") if name.strip()]
    unknown = sorted(set(args.corpora) - set(corpora.CORPORA))
    if unknown:
        parser.error(f"unknown corpus {', '.join(unknown)}; known: {', '.join(corpora.CORPORA)}")
    try:
        args.scorers = select([f.strip() for f in args.fields.split(",") if f.strip()])
    except ValueError as error:
        parser.error(str(error))
    return args


def run_corpus(args: argparse.Namespace, corpus: str) -> dict[str, Any] | None:
    """Run, score, save and print one corpus; None (with a notice) when its folder is missing."""
    try:
        pages = corpora.load(args.data, corpus)
        if args.annotated:
            pages = [page for page in pages if (corpus, page.page_id) in annotations.load()]
        if args.ids:
            wanted = {page_id.strip() for page_id in args.ids.split(",")}
            pages = [page for page in pages if page.page_id in wanted]
        pages = pages[:args.limit]
    except corpora.MissingData as error:
        print(f"\nskipped {error}", file=sys.stderr)
        return None
    if not pages:
        print(f"\n{corpus}: no page selected", file=sys.stderr)
        return None
    started = time.monotonic()
    cache = extractors.TrafilaturaCache(args.cache, corpus)
    speed = None
    if args.fast:
        page_rows = runner.fast(pages, cache, args.jobs, args.scorers)
    else:
        run = runner.measured(pages, cache, args.rounds)
        page_rows, speed = runner.score_run(run, args.scorers), _speed(run, args.rounds)
    cache.save()
    if not args.out_ready:
        _make_room(args.out)
        args.out_ready = True
    rows.write(page_rows, args.out / f"{corpus}.tsv")
    table = figures(page_rows, args.scorers)
    report.print_table(corpus, table, len(pages))
    report.print_speed(speed)
    report.print_problems(page_rows, args.scorers, args.worst)
    print(f"({corpus}: {time.monotonic() - started:.0f} s wall)", file=sys.stderr)
    return {"pages": len(pages), "figures": table, "speed": speed,
            "lost": [row["id"] for row in lost_articles(page_rows)],
            "failures": [row["id"] for row in failures(page_rows)]}


def _make_room(out: Path) -> None:
    """Before the first write of a default run, keep the last default run as results/previous."""
    if out == DEFAULT_OUT and DEFAULT_OUT.is_dir():
        shutil.rmtree(RESULTS / "previous", ignore_errors=True)
        DEFAULT_OUT.rename(RESULTS / "previous")
    out.mkdir(parents=True, exist_ok=True)


def _speed(run: runner.CorpusRun, rounds: int = 1) -> dict[str, float] | None:
    if not run.ours_cpu or not run.theirs_cpu:
        return None
    pages = len(run.pages)
    return {"ours_pages_per_cpu_s": pages / run.ours_cpu,
            "traf_pages_per_cpu_s": pages / run.theirs_cpu,
            "ratio": run.theirs_cpu / run.ours_cpu, "rounds": rounds}


def run_memory(args: argparse.Namespace) -> dict[str, Any] | None:
    """Peak memory of each side over AEB (as the earlier benchmark measured it)."""
    if args.fast or args.no_memory or "aeb" not in args.corpora:
        return None
    try:
        corpora.folder(args.data, "aeb")
    except corpora.MissingData:
        return None
    ours = memory.peak_memory_mb(args.data, "aeb", "ours", args.limit)
    theirs = memory.peak_memory_mb(args.data, "aeb", "traf", args.limit)
    print(f"\npeak memory over aeb (child process each, VmHWM): ours {ours[0]:.0f} MB "
          f"(+{ours[1]:.0f}), trafilatura {theirs[0]:.0f} MB (+{theirs[1]:.0f}); "
          f"ratio {ours[0] / theirs[0]:.2f}")
    return {"ours_mb": ours[0], "ours_growth_mb": ours[1], "traf_mb": theirs[0],
            "traf_growth_mb": theirs[1]}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 2 when no corpus folder was found."""
    args = parse(argv)
    mode = "fast (trafilatura cached, untimed)" if args.fast else "measured"
    print(f"real-web benchmark, {mode}; data {args.data}; trafilatura "
          f"{extractors.trafilatura_version()}; results in {args.out}")
    results = {corpus: result for corpus in args.corpora
               if (result := run_corpus(args, corpus)) is not None}
    if not results:
        print(f"nothing measured: no benchmark data under {args.data} (pass --data DIR) or no "
              "page selected", file=sys.stderr)
        return 2
    summary = {"mode": mode, "trafilatura": extractors.trafilatura_version(),
               "corpora": results, "memory": run_memory(args)}
    (args.out / "summary.json").write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n",
                                           encoding="utf-8")
    if args.compare:
        compare.print_comparison(args.compare, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
