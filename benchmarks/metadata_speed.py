"""Time the metadata extractors over a folder of gzipped pages: milliseconds per page.

    .venv/bin/python -m benchmarks.metadata_speed --data ../shared/bench/aeb [--show FIELD]

Covers headline, authors, site name, canonical url, language, tags and related links,
together and one by one, in CPU time (the machine is shared: wall time would count the
waits). Parsing is not timed (every extractor shares it). The page's url
comes from the folder's ground-truth.json when there is one; language reads the expected
article text from it, as it reads the extracted body in the pipeline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scraper.extract import metadata, related
from scraper.extract.authors import extract_authors
from scraper.extract.document import Document, parse_document
from scraper.extract.headline import extract_headline

STEPS: dict[str, Callable[[Document, str], Any]] = {
    "headline": lambda document, body: extract_headline(document, None),
    "authors": lambda document, body: extract_authors(document, None),
    "site_name": lambda document, body: metadata.extract_site_name(document),
    "canonical": lambda document, body: metadata.extract_canonical(document),
    "language": lambda document, body: metadata.extract_language(document, body),
    "tags": lambda document, body: metadata.extract_tags(document, None),
    "related": lambda document, body: related.extract_related(document, None),
}


def main() -> None:
    """Parse every page once, then time each extractor on it (best of a few runs)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/bench/aeb"))
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed runs per page, each on a freshly parsed page (best kept)")
    parser.add_argument("--show", choices=sorted(STEPS), help="print this field for each page")
    args = parser.parse_args()
    pages = sorted((args.data / "html").glob("*.html.gz"))
    if not pages:
        sys.exit(f"no pages found under {args.data / 'html'}")
    truth = _ground_truth(args.data)
    totals: dict[str, list[float]] = {name: [] for name in STEPS}
    parsing: list[float] = []
    for path in pages:
        page_id = path.name.split(".")[0]
        expected = truth.get(page_id, {})
        html = gzip.decompress(path.read_bytes())
        body = expected.get("articleBody", "")
        runs = []
        for _ in range(args.repeat):             # a fresh document each run: no warm caches
            started = time.process_time()
            document = parse_document(html, expected.get("url"))
            parsing.append((time.process_time() - started) * 1000)
            runs.append(_timed_run(document, body))
        best = min(runs, key=lambda run: sum(ms for ms, _ in run.values()))
        for name, (ms, result) in best.items():
            totals[name].append(ms)
            if args.show == name:
                print(f"{page_id[:12]} {result!r}")
    _report(totals, len(pages))
    print(f"  (for scale: parsing a page took {statistics.mean(parsing):.3f} ms on average)")


def _timed_run(document: Document, body: str) -> dict[str, tuple[float, Any]]:
    """Run every step once, in the pipeline's order, timing each."""
    run: dict[str, tuple[float, Any]] = {}
    for name, step in STEPS.items():
        started = time.process_time()
        result = step(document, body)
        run[name] = ((time.process_time() - started) * 1000, result)
    return run


def _ground_truth(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "ground-truth.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _report(totals: dict[str, list[float]], count: int) -> None:
    per_page = [sum(values) for values in zip(*totals.values())]
    print(f"{count} pages: all metadata together mean {statistics.mean(per_page):.3f} ms, "
          f"median {statistics.median(per_page):.3f} ms, max {max(per_page):.3f} ms")
    for name, values in totals.items():
        print(f"  {name:10} mean {statistics.mean(values):.3f} ms  max {max(values):.3f} ms")


if __name__ == "__main__":
    main()
