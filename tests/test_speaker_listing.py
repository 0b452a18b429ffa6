"""The speaker listing's pieces on small synthetic cases (never on the annotated pages)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.realweb import speaker_listing
from benchmarks.realweb.annotation_metrics import match_quotes


def _row(index: str, verdict: str, ours: str) -> dict[str, str]:
    return {"corpus": "fundus", "page": "p1", "index": index, "kind": "name",
            "annotated": "Ann Lee", "ours": ours, "verdict": verdict, "start": "we will",
            "context": "…"}


def test_match_quotes_pairs_each_annotation_with_its_prediction() -> None:
    ours = [{"text": "Too short", "speaker": None},
            {"text": "We will rebuild the old harbour wall", "speaker": "Ann Lee"},
            {"text": "The ferries come back in May this year", "speaker": None}]
    truth = [{"start": "The ferries come back", "end": "May this year"},
             {"start": "We will rebuild", "end": "old harbour wall"}]
    counted, _body, found, neutral = match_quotes(ours, truth)
    assert len(counted) == 2 and neutral == 0
    assert counted[found[0]]["text"].startswith("The ferries")
    assert counted[found[1]]["speaker"] == "Ann Lee"


def test_context_is_the_paragraph_holding_the_quote_start() -> None:
    paragraphs = ["The council met.", "“We will rebuild the wall,” said Ann Lee on Monday."]
    assert speaker_listing.context(paragraphs, "We will rebuild") == paragraphs[1]
    assert speaker_listing.context(paragraphs, "Nothing like this") == "(not in our body)"


def test_compare_lists_only_changed_verdicts(tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.tsv"
    speaker_listing.write([_row("0", "wrong", ""), _row("1", "right", "Ann Lee")], old)
    speaker_listing.compare([_row("0", "right", "Ann Lee"), _row("1", "right", "Ann Lee")], old)
    printed = capsys.readouterr().out
    assert "wrong->right fundus/p1#0" in printed
    assert "#1" not in printed
    assert "changes: wrong->right 1" in printed
