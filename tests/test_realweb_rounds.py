"""The real-web benchmark's timing: alternating sides, and the least CPU per page over rounds."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from benchmarks.realweb import __main__ as realweb
from benchmarks.realweb import extractors, runner
from benchmarks.realweb.corpora import Page

# CPU seconds each call "takes", per side and page, in call order (one per round).
TIMES = {("ours", "a"): [5.0, 2.0, 9.0], ("theirs", "a"): [6.0, 6.0, 7.0],
         ("ours", "b"): [1.0, 4.0, 3.0], ("theirs", "b"): [8.0, 2.0, 5.0]}


def _pages(tmp_path: Path) -> list[Page]:
    pages = []
    for page_id in ("a", "b"):
        path = tmp_path / f"{page_id}.html.gz"
        path.write_bytes(gzip.compress(f"<p>{page_id}</p>".encode()))
        pages.append(Page("test", page_id, f"https://example.org/{page_id}", path, None))  # type: ignore[arg-type]
    return pages


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Scripted sides: each call returns (side, page, round) and is charged its time from TIMES."""
    made: list[tuple[str, str]] = []
    sides = {extractors.ours_article: "ours", extractors.trafilatura_text: "theirs"}

    def timed(function: Any, html: bytes, url: str) -> tuple[Any, float]:
        side, page = sides[function], url.rsplit("/", 1)[1]
        count = made.count((side, page))
        made.append((side, page))
        return (side, page, count), TIMES[(side, page)][count]

    monkeypatch.setattr(runner, "_timed", timed)
    monkeypatch.setattr(extractors, "ours", lambda html, url: {})
    monkeypatch.setattr(extractors, "record_of", lambda result: {"result": result})
    monkeypatch.setattr(extractors, "trafilatura_metadata", lambda html, url: {})
    monkeypatch.setattr(extractors, "trafilatura_record", lambda text, metadata: {"text": text})
    return made


def test_one_round_sums_each_sides_times_and_alternates_who_goes_first(
        tmp_path: Path, calls: list[tuple[str, str]]) -> None:
    run = runner.measured(_pages(tmp_path), extractors.TrafilaturaCache(tmp_path, "test"))
    assert calls == [("ours", "a"), ("theirs", "a"), ("theirs", "b"), ("ours", "b")]
    assert (run.ours_cpu, run.theirs_cpu) == (5.0 + 1.0, 6.0 + 8.0)


def test_rounds_keep_each_sides_least_time_per_page_and_the_first_rounds_records(
        tmp_path: Path, calls: list[tuple[str, str]]) -> None:
    run = runner.measured(_pages(tmp_path), extractors.TrafilaturaCache(tmp_path, "test"), rounds=3)
    assert (run.ours_cpu, run.theirs_cpu) == (2.0 + 1.0, 6.0 + 2.0)
    # who goes first alternates between rounds too
    assert calls[4:8] == [("theirs", "a"), ("ours", "a"), ("ours", "b"), ("theirs", "b")]
    assert run.ours["a"] == {"result": ("ours", "a", 0)}
    assert run.theirs["b"] == {"text": ("theirs", "b", 0)}


def test_fewer_than_one_round_is_refused() -> None:
    with pytest.raises(SystemExit) as raised:
        realweb.main(["--rounds", "0"])
    assert raised.value.code == 2
