"""Mean milliseconds per page of the image, credit-line, quote and source extractors.

Usage: python benchmarks/credits_quotes_speed.py [FOLDER_OF_*.html(.gz)] [--show]
Times are CPU time (process_time), so other jobs on the machine do not inflate them.
Paragraphs are approximated by the text of every <p>, so the body extractor is not timed.
"""

from __future__ import annotations

import gzip
import sys
import time
from pathlib import Path

from scraper.extract.credits import extract_images, split_credit_lines
from scraper.extract.document import clean_text, parse_document
from scraper.extract.quotes import extract_quotes
from scraper.extract.source import extract_source

DEFAULT_FOLDER = Path("/work/shared/bench/aeb/html")


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def main(argv: list[str]) -> int:
    """Time each extractor over every page of a folder and print the means."""
    show = "--show" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")] or [DEFAULT_FOLDER]
    pages = sorted(p for folder in folders for p in folder.glob("*.htm*"))
    totals = {"images": 0.0, "credit lines": 0.0, "quotes": 0.0, "source": 0.0}
    for path in pages:
        document = parse_document(_read(path), "https://example.org/article")
        paragraphs = [t for t in (clean_text(p.text()) for p in document.tree.css("p")) if t]
        started = time.process_time()
        images = extract_images(document, None, None)
        totals["images"] += time.process_time() - started
        started = time.process_time()
        paragraphs, images = split_credit_lines(paragraphs, images, document)
        totals["credit lines"] += time.process_time() - started
        started = time.process_time()
        quotes = extract_quotes(paragraphs)
        totals["quotes"] += time.process_time() - started
        started = time.process_time()
        source = extract_source(paragraphs, document)
        totals["source"] += time.process_time() - started
        if show:
            print(f"{path.name[:12]} images={len(images)} quotes={len(quotes)} source={source}")
    count = max(len(pages), 1)
    print(f"{len(pages)} pages")
    for name, seconds in totals.items():
        print(f"{name:>13}: {seconds / count * 1000:.3f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
