"""Reading the benchmark corpus, page by page (imports nothing heavy, for memory runs)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path


def iter_corpus(data: Path, limit: int | None = None) -> Iterator[tuple[str, str, bytes, str]]:
    """Yield (page id, url, html bytes, expected body) for every benchmark page, one at a time."""
    truth_file = data / "ground-truth.json"
    if not truth_file.is_file():
        raise SystemExit(f"benchmark data not found: {truth_file} (pass --data PATH)")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        yield page_id, truth[page_id].get("url", ""), html, truth[page_id]["articleBody"]
