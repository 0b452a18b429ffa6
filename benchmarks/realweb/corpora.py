"""Reading the three development corpora into one page shape (imports nothing heavy)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPORA = ("wcxb", "fundus", "aeb")
FOLDERS = {"wcxb": "wcxb-dev", "fundus": "fundus-dev", "aeb": "aeb"}
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "bench"


class MissingData(Exception):
    """A benchmark folder or file is not where the benchmark looks for it."""


@dataclass(frozen=True)
class Truth:
    """What a corpus says a page holds; None (or empty) where the corpus does not say."""

    body: str
    bow_body: str | None = None          # reference for the bag-of-words metric
    headline: str | None = None
    published: str | None = None         # YYYY-MM-DD, YYYY-MM or full ISO 8601
    published_has_zone: bool = False
    authors: tuple[str, ...] | None = None
    images: tuple[dict[str, Any], ...] | None = None
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """One benchmark page: where it comes from, its bytes and its truth."""

    corpus: str
    page_id: str
    url: str
    path: Path
    truth: Truth = field(repr=False)

    def html(self) -> bytes:
        """The page as served (decompressed)."""
        return gzip.decompress(self.path.read_bytes())

    def digest(self) -> str:
        """A hash of the page file, for caches."""
        return hashlib.sha256(self.path.read_bytes()).hexdigest()[:16]


def folder(data: Path, corpus: str) -> Path:
    """The corpus folder under the data folder; MissingData when it is not there."""
    path = data / FOLDERS[corpus]
    if not path.is_dir():
        raise MissingData(f"{corpus}: benchmark folder not found: {path} "
                          "(pass --data DIR, the folder holding wcxb-dev, fundus-dev and aeb)")
    return path


def load(data: Path, corpus: str) -> list[Page]:
    """Every scored page of one corpus, sorted by id."""
    loader = {"wcxb": _wcxb, "fundus": _fundus, "aeb": _aeb}[corpus]
    return sorted(loader(folder(data, corpus)), key=lambda page: page.page_id)


def _read_json(path: Path) -> Any:
    if not path.is_file():
        raise MissingData(f"benchmark file not found: {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def _wcxb(root: Path) -> Iterator[Page]:
    """Article pages only; the page type of the ground-truth file wins over metadata.json."""
    for truth_file in sorted((root / "ground-truth").glob("*.json")):
        record = _read_json(truth_file)
        if record.get("_internal", {}).get("page_type", {}).get("primary") != "article":
            continue
        truth = record.get("ground_truth", {})
        page_id = truth_file.stem
        yield Page("wcxb", page_id, record.get("url", ""), root / "html" / f"{page_id}.html.gz",
                   Truth(body=truth.get("main_content") or "",
                         bow_body=truth.get("main_content") or "",
                         headline=truth.get("title") or None,
                         published=truth.get("publish_date") or None,
                         authors=_optional_names(truth.get("author")),
                         with_snippets=tuple(truth.get("with") or ()),
                         without_snippets=tuple(truth.get("without") or ())))


def _optional_names(author: str | None) -> tuple[str, ...] | None:
    from benchmarks.realweb.field_metrics import split_author_line

    return tuple(split_author_line(author)) if author else None


def _fundus(root: Path) -> Iterator[Page]:
    for name, record in _read_json(root / "expected.json").items():
        paragraphs = record.get("body_paragraphs") or []
        yield Page("fundus", name, record.get("url", ""), root / "html" / f"{name}.html.gz",
                   Truth(body="\n\n".join(paragraphs), bow_body="\n\n".join(paragraphs),
                         headline=record.get("title") or None,
                         published=record.get("publishing_date") or None,
                         published_has_zone=bool(record.get("publishing_date_has_tz")),
                         authors=tuple(record.get("authors") or ()),
                         images=tuple(record.get("images") or ())))


def _aeb(root: Path) -> Iterator[Page]:
    for page_id, record in _read_json(root / "ground-truth.json").items():
        yield Page("aeb", page_id, record.get("url", ""), root / "html" / f"{page_id}.html.gz",
                   Truth(body=record.get("articleBody") or ""))
