"""The real-web benchmark's plumbing: corpus reading, aggregation, per-page files, comparison."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks.realweb import compare, corpora, rows
from benchmarks.realweb.scorers import select
from benchmarks.realweb.scoring import Figure, aggregate
from benchmarks.realweb.summary import lost_articles, worst


def _write_wcxb(root: Path) -> None:
    folder = root / "wcxb-dev"
    (folder / "ground-truth").mkdir(parents=True)
    (folder / "html").mkdir()
    # metadata.json says the opposite of the ground truth: the ground truth wins.
    (folder / "metadata.json").write_text(json.dumps({"files": {
        "0001": {"page_type": "product"}, "0002": {"page_type": "article"}}}))
    for page_id, page_type in (("0001", "article"), ("0002", "product")):
        record = {"url": f"https://example.org/{page_id}",
                  "_internal": {"page_type": {"primary": page_type}},
                  "ground_truth": {"title": "T", "author": "Jane Doe, MD and John Roe",
                                   "publish_date": "2024-05", "main_content": "Body words.",
                                   "with": ["body words"], "without": []}}
        (folder / "ground-truth" / f"{page_id}.json").write_text(json.dumps(record))
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(b"<p>x</p>"))


def test_wcxb_keeps_article_pages_by_their_ground_truth_type(tmp_path: Path) -> None:
    _write_wcxb(tmp_path)
    pages = corpora.load(tmp_path, "wcxb")
    assert [page.page_id for page in pages] == ["0001"]
    assert pages[0].truth.authors == ("Jane Doe", "John Roe")
    assert pages[0].truth.published == "2024-05"
    assert pages[0].html() == b"<p>x</p>"


def test_a_missing_corpus_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(corpora.MissingData, match="fundus-dev"):
        corpora.load(tmp_path, "fundus")


def test_aggregates() -> None:
    page_rows = [{"p": 1.0, "r": 0.5, "n": 2, "k": 1}, {"p": 0.5, "r": 1.0, "n": 0, "k": 3},
                 {"p": None, "r": 0.0, "n": 1, "k": 1}]
    assert aggregate(Figure("x", "mean", ("p",)), page_rows) == (0.75, 2)
    # Means P 0.75 and R 0.75 over the two rows that have both: F1 0.75, not mean of F1s.
    assert aggregate(Figure("x", "f1_of_means", ("p", "r")), page_rows) == (0.75, 2)
    assert aggregate(Figure("x", "ratio", ("n", "k")), page_rows) == (0.6, 5)  # over 5 items
    assert aggregate(Figure("x", "mean", ("missing",)), page_rows) == (None, 0)


def test_unknown_fields_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match="bogus"):
        select(["body", "bogus"])
    assert [scorer.field for scorer in select(["date", "body"])] == ["body", "date"]


def test_lost_articles_and_worst_pages() -> None:
    page_rows = [
        {"id": "a", "ours:body_f1": 0.2, "traf:body_f1": 0.9},   # lost
        {"id": "b", "ours:body_f1": 0.2, "traf:body_f1": 0.7},   # both poor: not lost
        {"id": "c", "ours:body_f1": 0.6, "traf:body_f1": 0.95},  # ours mediocre: not lost
        {"id": "d", "ours:body_f1": 1.0, "traf:body_f1": 1.0},   # perfect: never "worst"
    ]
    assert [row["id"] for row in lost_articles(page_rows)] == ["a"]
    figure = Figure("body", "f1_of_means", ("body_p", "body_r"), "body_f1")
    # Ties on ours go to the page trafilatura reads best first.
    assert [row["id"] for row in worst(page_rows, figure, 10)] == ["a", "b", "c"]


def test_rows_round_trip_sorted_by_id(tmp_path: Path) -> None:
    page_rows = [{"id": "b", "ours:body_f1": 0.5, "ours:date": "2024-01-02", "error": "",
                  "url": "u"},
                 {"id": "a", "ours:body_f1": None, "ours:date": "2024", "error": "empty body",
                  "url": "u\tv"}]
    path = tmp_path / "x.tsv"
    rows.write(page_rows, path)
    lines = path.read_text().splitlines()
    assert lines[0].split("\t")[0] == "id" and lines[1].startswith("a\t")
    back = rows.read(path)
    assert back[0] == {"id": "a", "ours:body_f1": None, "ours:date": "2024",
                       "error": "empty body", "url": "u v"}
    assert back[1]["ours:body_f1"] == 0.5


def test_compare_lists_pages_that_moved(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    rows.write([{"id": "p1", "ours:body_f1": 0.9, "traf:body_f1": 0.9, "ours:date_ok": 0,
                 "ours:date": "2023-01-01"},
                {"id": "p2", "ours:body_f1": 0.5, "ours:date_ok": 1, "ours:date": "2024-01-01"},
                {"id": "p3", "ours:body_f1": 0.7, "error": ""}], old / "wcxb.tsv")
    rows.write([{"id": "p1", "ours:body_f1": 0.4, "traf:body_f1": 0.9, "ours:date_ok": 1,
                 "ours:date": "2024-01-01"},
                {"id": "p2", "ours:body_f1": 0.8, "ours:date_ok": 1, "ours:date": "2024-01-01"},
                {"id": "p3", "ours:body_f1": 0.7, "error": "empty body"}], new / "wcxb.tsv")
    compare.print_comparison(old, new)
    out = capsys.readouterr().out
    assert "[body_f1]: 1 better, 1 worse" in out
    assert "worse  p1  0.90 -> 0.40" in out and "better p2  0.50 -> 0.80" in out
    assert "[date_ok]: 1 better, 0 worse" in out
    assert "date: '2023-01-01' -> '2024-01-01'" in out
    assert "p3  NEW FAILURE: empty body" in out
    assert "lost articles 0 -> 1; newly lost: p1; recovered: -" in out
