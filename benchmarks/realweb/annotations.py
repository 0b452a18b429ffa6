"""The hand-annotation scorer: quotes with speakers, authors and image credits of real pages.

Annotations are `benchmarks/annotations/<corpus folder>/<page id>.json` (the format and the
annotators' rules: benchmarks/annotations/README.md). A page with a file is scored on our
record only (trafilatura has no quotes or credits); `annotation_metrics` holds the matching.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.realweb.annotation_metrics import (
    QuoteTally,
    credit_found,
    image_matches,
    photographer_right,
    score_quotes,
    source_right,
)
from benchmarks.realweb.corpora import FOLDERS, Page
from benchmarks.realweb.field_metrics import set_f1
from benchmarks.realweb.scoring import Figure, Record, Scorer, Value

ANNOTATIONS = Path(__file__).resolve().parents[1] / "annotations"
KINDS = ("name", "pronoun", "resolved", "description", "none")
SHORT = 80


@cache
def load(root: Path = ANNOTATIONS) -> dict[tuple[str, str], dict[str, Any]]:
    """Every annotation under `root`, keyed by (corpus, page id) in the benchmark's names."""
    corpus_of = {folder: corpus for corpus, folder in FOLDERS.items()}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(root.glob("*/*.json")):
        corpus = corpus_of.get(path.parent.name)
        if corpus:
            found[(corpus, path.stem)] = json.loads(path.read_text(encoding="utf-8"))
    return found


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"


def _kind_figures() -> tuple[Figure, ...]:
    return tuple(Figure(f"  speakers ({kind} attribution)", "ratio",
                        (f"sp_ok_{kind}", f"q_tp_{kind}")) for kind in KINDS)


FIGURES = (
    Figure("quotes F1 (hand-annotated)", "f1_of_ratios", ("q_tp_pred", "q_pred", "q_tp", "q_n"),
           "q_f1"),
    Figure("quotes precision (hand-annotated)", "ratio", ("q_tp_pred", "q_pred")),
    Figure("quotes recall (hand-annotated)", "ratio", ("q_tp", "q_n")),
    Figure("speaker accuracy (matched quotes)", "ratio", ("sp_ok", "q_tp"), "sp_rate"),
    *_kind_figures(),
    Figure("authors set F1 (hand-annotated)", "mean", ("ann_authors_f1",), "ann_authors_f1"),
    Figure("image recall (hand-annotated)", "ratio", ("ai_found", "ai_n"), "ai_recall"),
    Figure("credit found (hand-annotated)", "ratio", ("ac_found", "ac_n"), "ac_rate"),
    Figure("photographer right (credited)", "ratio", ("ac_photographer", "ac_n")),
    Figure("credit source right (credited)", "ratio", ("ac_source", "ac_n")),
)


@dataclass(frozen=True)
class AnnotationScorer:
    """Quotes P/R/F1, speakers over matched quotes, authors, image recall and credits."""

    root: Path = ANNOTATIONS
    field: str = "annotations"
    both_sides: bool = False
    figures: tuple[Figure, ...] = FIGURES
    shows: tuple[str, ...] = ("quotes", "speakers_wrong")

    def applies(self, page: Page) -> bool:
        """Pages with an annotation file."""
        return (page.corpus, page.page_id) in load(self.root)

    def score(self, page: Page, record: Record) -> dict[str, Value]:
        """Quote, speaker, author and image values of our record against the annotation."""
        truth = load(self.root)[(page.corpus, page.page_id)]
        tally = score_quotes(record.get("quotes") or (), truth.get("quotes") or (),
                             truth.get("aliases") or {})
        values = _quote_values(tally)
        values["ann_authors_f1"] = set_f1(list(record.get("authors") or ()),
                                          truth.get("authors") or ())
        return values | _image_values(record.get("images") or (), truth.get("images") or ())


def _quote_values(tally: QuoteTally) -> dict[str, Value]:
    values: dict[str, Value] = {
        "q_n": tally.expected, "q_pred": tally.predicted, "q_tp": tally.matched,
        "q_tp_pred": tally.predicted_matched, "sp_ok": tally.speaker_ok,
        "q_f1": _f1(tally),
        "sp_rate": tally.speaker_ok / tally.matched if tally.matched else None,
        "quotes": (f"{tally.matched}/{tally.expected} found, "
                   f"{tally.predicted - tally.predicted_matched} extra"),
        "speakers_wrong": _short("; ".join(tally.mistakes)),
    }
    for kind in KINDS:
        matched, right = tally.by_kind.get(kind, (0, 0))
        values[f"q_tp_{kind}"], values[f"sp_ok_{kind}"] = matched, right
    return values


def _f1(tally: QuoteTally) -> float | None:
    """The page's quote F1 (None when it has no annotated and no predicted quote)."""
    if not tally.expected and not tally.predicted:
        return None
    precision = tally.predicted_matched / tally.predicted if tally.predicted else 0.0
    recall = tally.matched / tally.expected if tally.expected else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _image_values(ours: Any, expected: Any) -> dict[str, Value]:
    counts = dict.fromkeys(("ai_n", "ai_found", "ac_n", "ac_found", "ac_photographer",
                            "ac_source"), 0)
    for truth in expected:
        matches = [image for image in ours if image_matches(image.get("url"), truth["file"])]
        counts["ai_n"] += 1
        counts["ai_found"] += bool(matches)
        if truth.get("credit"):
            counts["ac_n"] += 1
            counts["ac_found"] += any(credit_found(image, truth) for image in matches)
            counts["ac_photographer"] += any(photographer_right(image, truth)
                                             for image in matches)
            counts["ac_source"] += any(source_right(image, truth) for image in matches)
    values: dict[str, Value] = dict(counts)
    values["ai_recall"] = _rate(counts["ai_found"], counts["ai_n"])
    values["ac_rate"] = _rate(counts["ac_found"], counts["ac_n"])
    return values


def _rate(found: int, total: int) -> float | None:
    return found / total if total else None


def annotated(corpus: str, root: Path = ANNOTATIONS) -> Mapping[str, dict[str, Any]]:
    """The annotations of one corpus, by page id (for --annotated runs)."""
    return {page_id: data for (name, page_id), data in load(root).items() if name == corpus}


SCORERS: tuple[Scorer, ...] = (AnnotationScorer(),)
