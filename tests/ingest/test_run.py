"""An ingest run's bookkeeping: a chunk that keeps failing, and what the run prints."""

from __future__ import annotations

import io
import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scraper.cluster import Executor
from scraper.cluster.executors import Task
from scraper.commands.ingest_output import IngestOutput, summary_line
from scraper.ingest import Ingest, IngestReport
from scraper.ingest.tasks import extract_chunk
from scraper.rules import bundled_rules
from scraper.store import Store


class FailingFile(Executor):
    """Runs tasks here, except that every chunk of one file fails (a disk that cannot read it)."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def submit(self, function: Callable[..., Any], *args: Any) -> Task:
        if function is extract_chunk and args[0].path == self.path:
            task = Task(function, args)
            task.settle(error="OSError: [Errno 5] Input/output error")
            return task
        return super().submit(function, *args)


def stored(db: Path) -> set[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return set(connection.execute("SELECT canonical_url, content_hash, version FROM articles"))


def test_a_failing_chunk_is_recorded_the_run_goes_on_and_a_rerun_retries_it(
        warcs: Path, ingested: Path, tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    paths = sorted(warcs.iterdir())
    with Store.open(db) as store:
        events: list[tuple[str, dict[str, Any]]] = []
        report = Ingest(store, FailingFile(warcs / "b.warc"), bundled_rules(),
                        listener=lambda event, data: events.append((event, data)),
                        chunk_pages=3).run(paths, ["ingest"])
        assert report.exit_status == 1 and report.chunks_failed == 3
        assert report.files == Counter({"done": 2, "partly": 1})
        assert ("file", {"path": str(warcs / "b.warc"), "state": "partly",
                         "reason": "3 chunk(s) failed"}) in events
        with sqlite3.connect(db) as connection:
            assert connection.execute("SELECT DISTINCT state, error FROM ingest_chunks"
                                      " WHERE file_id = 2").fetchall() == \
                [("failed", "OSError: [Errno 5] Input/output error")]
        rerun = Ingest(store, Executor(), bundled_rules()).run(paths, ["ingest"])
    assert rerun.files == Counter({"done": 1, "skipped": 2})
    assert rerun.counts["discovered"] == 9  # b.warc's HTML pages, and only those
    assert stored(db) == stored(ingested)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_progress_line_counts_files_pages_rate_and_eta() -> None:
    clock = Clock()
    output = IngestOutput(stream=io.StringIO(), interactive=True, clock=clock)
    output("start", {"files": 4, "bytes": 4000, "bytes_done": 1000, "workers": 2})
    clock.now += 10
    output("chunk", {"path": "a", "position": 0, "share": 1000.0, "pages": 500,
                     "articles": 450, "failed": 50})
    output("file", {"path": "a", "state": "done", "reason": None})
    assert output.progress_line() == \
        "ingest: files 1/4  pages 500  50 pages/s   50%  ETA 0m20s"
    assert output.stream.getvalue().endswith(output.progress_line())


def test_under_cron_one_summary_line_and_json_on_request() -> None:
    report = IngestReport(7)
    report.counts.update(discovered=1200, new=1000, updated=3, unchanged=7, failed=190)
    report.files.update(done=3, failed=1)
    report.filtered.update(language=40, date=2)
    line = summary_line(report, 123.4)
    assert line == ("ingest run 7: 4 file(s) (3 done, 1 failed), 1,200 HTML pages, 1,000 new, "
                    "3 updated, 7 unchanged, 190 failed, 42 filtered (2 date, 40 language); "
                    "123 pages/s")
    stream = io.StringIO()
    output = IngestOutput(stream=stream, log_json=True)
    output("chunk", {"path": "a", "position": 0, "share": 1.0, "pages": 5, "articles": 5,
                     "failed": 0})
    output("tick", {})
    output.finish(report)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["event"] for line in lines] == ["chunk", "summary"]
    assert lines[1]["new"] == 1000 and lines[1]["exit_status"] == 1
