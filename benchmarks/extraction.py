"""Body-extraction benchmark: our extractor against trafilatura, in one process.

    python -m benchmarks.extraction [--data ../shared/bench/aeb] [--limit N] [--no-memory]

Prints precision, recall, F1 (± bootstrap std), exact-token accuracy, pages per CPU second,
the ratio of our speed to trafilatura's, peak memory of each (measured in a fresh child
process per extractor, so one's allocations do not mask the other's), failures, and our
ten worst pages. Speed is timed page by page, alternating extractors, with CPU time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import iter_corpus
from benchmarks.extractors import scraper, trafilatura
from scraper.evaluate import CorpusScore, PageScore, score_corpus, score_page

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "aeb"


@dataclass
class Run:
    """One extractor's results over the corpus."""

    name: str
    scores: dict[str, PageScore] = field(default_factory=dict)
    cpu_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def load_corpus(data: Path, limit: int | None = None) -> list[tuple[str, str, bytes, str]]:
    """Return every benchmark page (see iter_corpus)."""
    return list(iter_corpus(data, limit))


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {"scraper": scraper, "trafilatura": trafilatura}


def run_all(pages: list[tuple[str, str, bytes, str]]) -> list[Run]:
    """Run every extractor on every page, alternating per page, timing CPU seconds."""
    runs = [Run(name) for name in EXTRACTORS]
    for extractor in EXTRACTORS.values():  # warm-up: imports and lazy data loading
        extractor(pages[0][2], pages[0][1])
    for page_id, url, html, expected in pages:
        for run in runs:
            start = time.process_time()
            try:
                predicted = EXTRACTORS[run.name](html, url)
            except Exception as error:  # noqa: BLE001 - a benchmark counts failures
                predicted = ""
                run.failures.append(f"{page_id}: {type(error).__name__}: {error}")
            run.cpu_seconds += time.process_time() - start
            if not predicted.strip():
                run.failures.append(f"{page_id}: empty output")
            run.scores[page_id] = score_page(predicted, expected)
    return runs


def peak_memory_mb(name: str, data: Path, limit: int | None) -> tuple[float, float]:
    """Run one extractor over the corpus in a child process; return (peak RSS, growth) in MB.

    Growth is the peak above the RSS after the corpus is loaded and one page extracted
    (libraries imported): the memory the extraction itself needs.
    """
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "def peak_kb():\n"  # VmHWM belongs to this program; ru_maxrss may carry the parent's
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'): return int(line.split()[1])\n"
        "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "from benchmarks.corpus import iter_corpus\n"  # imports neither scraper nor trafilatura
        f"from benchmarks.extractors import {name} as extractor\n"
        "_, url, html, _ = next(iter_corpus(Path(sys.argv[1]), 1))\n"
        "extractor(html, url)\n"  # imports and lazy data loaded before the baseline
        "base = peak_kb()\n"
        f"for _, url, html, _ in iter_corpus(Path(sys.argv[1]), {limit!r}): extractor(html, url)\n"
        "print(peak_kb(), base)\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code, str(data)], cwd=root, capture_output=True,
                            text=True, check=True)
    peak, base = (int(value) / 1024 for value in result.stdout.split()[-2:])
    return peak, peak - base


def report(runs: list[Run], pages: int, memory: dict[str, tuple[float, float]]) -> None:
    """Print the comparison table, the speed ratio and our worst pages."""
    print(f"{'extractor':<12} {'F1':>14} {'precision':>16} {'recall':>16} {'accuracy':>9} "
          f"{'pages/CPU s':>12} {'peak MB (+growth)':>18} {'failures':>9}")
    for run in runs:
        corpus: CorpusScore = score_corpus(list(run.scores.values()))
        speed = pages / run.cpu_seconds if run.cpu_seconds else float("inf")
        mem = (f"{memory[run.name][0]:.0f} (+{memory[run.name][1]:.0f})"
               if run.name in memory else "-")
        print(f"{run.name:<12} {corpus.f1:>7.3f} ±{corpus.f1_std:.3f} "
              f"{corpus.precision:>8.3f} ±{corpus.precision_std:.3f} "
              f"{corpus.recall:>8.3f} ±{corpus.recall_std:.3f} {corpus.accuracy:>9.3f} "
              f"{speed:>12.1f} {mem:>18} {len(run.failures):>9}")
    ours_run, reference = runs[0], runs[1]
    print(f"\nspeed ratio scraper/trafilatura: {reference.cpu_seconds / ours_run.cpu_seconds:.2f}"
          "  (>= 0.80 is the target)")
    if memory:
        print(f"peak memory ratio scraper/trafilatura: "
              f"{memory['scraper'][0] / memory['trafilatura'][0]:.2f} (growth "
              f"{memory['scraper'][1]:.0f} MB against {memory['trafilatura'][1]:.0f} MB)")
    for failure in ours_run.failures[:10]:
        print(f"failure: {failure}")
    print("\nour 10 worst pages (F1, precision, recall, id):")
    worst = sorted(ours_run.scores.items(), key=lambda item: item[1].f1)[:10]
    for page_id, score in worst:
        print(f"  {score.f1:.3f}  P {score.precision:.3f}  R {score.recall:.3f}  {page_id}")


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder (aeb)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    args = parser.parse_args(argv)
    pages = load_corpus(args.data, args.limit)
    print(f"{len(pages)} pages from {args.data}\n")
    runs = run_all(pages)
    memory = {} if args.no_memory else {n: peak_memory_mb(n, args.data, args.limit) for n in EXTRACTORS}
    report(runs, len(pages), memory)


if __name__ == "__main__":
    main()
