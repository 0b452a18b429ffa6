"""Time `extract_dates` over a folder of gzipped pages: mean and worst milliseconds per page.

    .venv/bin/python -m benchmarks.dates_speed --data ../shared/bench/aeb [--show]

Parsing is not timed (it is shared by every extractor); `--show` prints each page's dates.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from pathlib import Path

from scraper.extract.dates import extract_dates
from scraper.extract.document import parse_document


def main() -> None:
    """Parse every page once, then time the date extractor on each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/bench/aeb"))
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per page (best kept)")
    parser.add_argument("--show", action="store_true", help="print each page's dates")
    args = parser.parse_args()
    pages = sorted((args.data / "html").glob("*.html.gz"))
    extract_dates(parse_document("<p>warm-up 3 May 2023</p>"), None)
    timings: list[tuple[float, str]] = []
    for path in pages:
        document = parse_document(gzip.decompress(path.read_bytes()), None)
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = extract_dates(document, None)
            best = min(best, time.perf_counter() - started)
        timings.append((best * 1000, path.name))
        if args.show:
            print(f"{path.name[:12]} {result.published_at} ({result.published_source}) "
                  f"mod {result.modified_at} ({result.modified_source})")
    values = [ms for ms, _ in timings]
    found = sum(1 for _ in values)
    print(f"{found} pages: mean {statistics.mean(values):.3f} ms, "
          f"median {statistics.median(values):.3f} ms, max {max(values):.3f} ms")
    for ms, name in sorted(timings, reverse=True)[:5]:
        print(f"  {ms:7.3f} ms  {name}")


if __name__ == "__main__":
    main()
