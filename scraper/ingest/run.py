"""An ingest run: plan each WARC file, extract its chunks on the workers, store them in order.

Work goes out through an Executor (this process, local processes or a Dask cluster): a plan
task for each file not planned yet, a few files ahead, then one task per chunk, keeping about
WINDOW_PER_WORKER chunks per worker in flight. Results come back in any order and are stored
in input order (file by file, chunk by chunk), by the one writer in this process. Storing in
order makes the database the same whatever ran the work and however it was interrupted:
the chunks stored are always the first ones, and a rerun does the rest. A chunk that keeps
failing is recorded with its reason and the run goes on; the next ingest of the file retries it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cluster import Executor, TaskFailed
from ..cluster.executors import Task
from ..errors import exit_status_of
from ..pipeline import COUNT_NAMES, FAILURES_KEPT, Listener, _ignore
from ..recording import utc_now
from ..rules import RuleSet
from ..store import NEW, UPDATED, Store
from ..store.ingest_ledger import save_file
from .filters import IngestFilters
from .inputs import InputFile, load_inputs
from .tasks import ChunkResult, ChunkTask, extract_chunk, plan_task
from .warcs import CHUNK_PAGES, FilePlan
from .writer import ChunkPlace, ChunkWriter

WINDOW_PER_WORKER = 3   # chunks running or waiting to be stored, per worker
WAIT_SECONDS = 1.0      # longest wait for results before the progress is refreshed
_MISSING = object()


@dataclass
class IngestReport:
    """What an ingest run did: crawl_runs counts, files, filtered pages, first failures."""

    run_id: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_NAMES, 0))
    files: Counter[str] = field(default_factory=Counter)     # done, partly, failed, skipped
    filtered: Counter[str] = field(default_factory=Counter)  # by filter
    records: int = 0
    chunks_failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first FAILURES_KEPT

    @property
    def exit_status(self) -> int:
        """0 when everything went well, 1 when a page, chunk or file failed."""
        return 1 if self.counts["failed"] or self.chunks_failed or self.files["failed"] else 0

    def fail(self, what: str, reason: str) -> None:
        """Keep one of the first failures for the summary."""
        if len(self.failures) < FAILURES_KEPT:
            self.failures.append((what, reason))


class Ingest:
    """Ingests WARC files into a store with an executor; the CLI renders its events."""

    def __init__(self, store: Store, executor: Executor, rules: RuleSet,
                 filters: IngestFilters | None = None, listener: Listener = _ignore,
                 chunk_pages: int = CHUNK_PAGES, extraction_timeout: float | None = None) -> None:
        self.store = store
        self.extraction_timeout = extraction_timeout or None  # seconds a page may take
        self.chunk_pages = chunk_pages
        self.executor = executor
        self.rules = rules
        self.filters = filters or IngestFilters()
        self.listener = listener

    def run(self, paths: list[Path], arguments: list[str]) -> IngestReport:
        """Ingest the files (resuming what earlier runs stored) and return the report."""
        report = IngestReport(self.store.start_run(utc_now(), json.dumps(arguments)))
        status, stopped = 2, None
        try:
            with self.store.batch():
                files = load_inputs(self.store.db, paths, self.filters.key())
            _Schedule(self, files, report).run()
            status = report.exit_status
        except KeyboardInterrupt:  # Ctrl+C, or SIGTERM as the command turns it into one
            status, stopped = 130, "interrupted"
            raise
        except Exception as error:  # the status the command will exit with, recorded alike
            status = exit_status_of(error)
            raise
        finally:
            self.store.finish_run(report.run_id, utc_now(), report.counts, status, stopped)
        return report


class _Schedule:
    """The state of one run: cursors over the ordered chunks, tasks in flight, results waiting."""

    def __init__(self, ingest: Ingest, files: list[InputFile], report: IngestReport) -> None:
        self.ingest, self.files, self.report = ingest, files, report
        self.executor = ingest.executor
        self.writer = ChunkWriter(ingest.store, report.run_id)
        self.key = ingest.filters.key()
        self.window = max(2, self.executor.workers * WINDOW_PER_WORKER)
        self.lookahead = max(2, self.executor.workers)
        self.plans: dict[Task, InputFile] = {}
        self.chunks: dict[Task, tuple[InputFile, int]] = {}
        self.waiting: dict[tuple[int, int], Any] = {}
        self.submit_at = [0, 0]   # [file index, chunk position]
        self.commit_at = [0, 0]
        self.touched: dict[int, Counter[str]] = {}  # chunks done/failed this run, per file

    def run(self) -> None:
        """Drive the run to the end."""
        self.ingest.listener("start", {"files": len(self.files), "bytes": sum(f.size for f in self.files),
                                       "bytes_done": sum(self._done_share(f) for f in self.files),
                                       "workers": self.executor.workers})
        while True:
            self._submit_plans()
            self._submit_chunks()
            self._commit()
            if self.commit_at[0] >= len(self.files):
                return
            running = [*self.plans, *self.chunks]
            for task in self.executor.wait(running, WAIT_SECONDS):
                self._finished(task)
            self.ingest.listener("tick", {})

    def _done_share(self, item: InputFile) -> float:
        return sum(item.share(start, end) for position, (start, end, _) in
                   enumerate(item.chunks) if position in item.done)

    def _submit_plans(self) -> None:
        first = self.submit_at[0]
        for item in self.files[first:first + self.lookahead]:
            if not item.planned and item not in self.plans.values():
                compression = item.compression if item.plan_from else None
                task = self.executor.submit(plan_task, item.path, item.plan_from, compression,
                                            self.ingest.chunk_pages)
                self.plans[task] = item

    def _submit_chunks(self) -> None:
        while len(self.chunks) + len(self.waiting) < self.window:
            position = self._next_chunk(self.submit_at)
            if position is None:
                return
            item = self.files[self.submit_at[0]]
            start, end, _ = item.chunks[position]
            task = self.executor.submit(extract_chunk, ChunkTask(
                item.path, item.compression or "none", position, start, end),
                self.ingest.filters, self.ingest.rules, self.ingest.extraction_timeout)
            self.chunks[task] = (item, position)
            self.submit_at[1] = position + 1

    def _next_chunk(self, cursor: list[int]) -> int | None:
        """Move a cursor to the next chunk still to do; None when it must wait (or is done)."""
        while cursor[0] < len(self.files):
            item = self.files[cursor[0]]
            if not item.planned:
                return None
            if item.error is None:
                position = next((p for p in range(cursor[1], len(item.chunks))
                                 if p not in item.done), None)
                if position is not None:
                    return position
            if cursor is self.commit_at:
                self._file_finished(item)
            cursor[0], cursor[1] = cursor[0] + 1, 0
        return None

    def _finished(self, task: Task) -> None:
        if task in self.plans:
            self._planned(self.plans.pop(task), task)
            return
        item, position = self.chunks.pop(task)
        try:
            outcome: Any = self.executor.result(task)
        except TaskFailed as error:
            outcome = str(error)
        self.waiting[(item.index, position)] = outcome

    def _planned(self, item: InputFile, task: Task) -> None:
        """Record a file's plan (or why it has none) in the ledger."""
        try:
            plan: FilePlan = self.executor.result(task)
        except TaskFailed as error:
            self._file_error(item, f"cannot read: {error}")
            return
        if not plan.records and not item.chunks:
            self._file_error(item, f"not a WARC file: {plan.damage or 'no records'}")
            return
        known = item.record if item.plan_from else None
        item.chunks += plan.chunks
        item.compression, item.plan_from = plan.compression, None
        item.damage, item.planned_now = plan.damage, True
        values = {"path": item.path, "size": item.size, "head_digest": item.head,
                  "compression": plan.compression, "chunks": item.chunks,
                  "records": plan.records + (known.records if known else 0),
                  "pages": plan.pages + (known.pages if known else 0),
                  "planned_end": plan.planned_end, "damage": plan.damage, "error": None,
                  "run_id": self.report.run_id, "planned_at": utc_now()}
        with self.ingest.store.batch():
            item.file_id = save_file(self.ingest.store.db, values)
        self.ingest.listener("planned", {"path": item.path, "chunks": len(plan.chunks),
                                         "pages": plan.pages, "damage": plan.damage})

    def _file_error(self, item: InputFile, reason: str) -> None:
        item.error = reason
        values = {"path": item.path, "size": item.size, "head_digest": item.head,
                  "error": reason, "run_id": self.report.run_id, "planned_at": utc_now()}
        with self.ingest.store.batch():
            save_file(self.ingest.store.db, values)

    def _commit(self) -> None:
        """Store the waiting results that are next in order."""
        while (position := self._next_chunk(self.commit_at)) is not None:
            item = self.files[self.commit_at[0]]
            outcome = self.waiting.pop((item.index, position), _MISSING)
            if outcome is _MISSING:
                return
            self._store(item, position, outcome)
            self.commit_at[1] = position + 1

    def _store(self, item: InputFile, position: int, outcome: ChunkResult | str) -> None:
        start, end, _ = item.chunks[position]
        place = ChunkPlace(item.file_id, item.path, self.key, position, (start, end))
        touched = self.touched.setdefault(item.index, Counter())
        if isinstance(outcome, str):
            self.writer.fail_chunk(place, outcome)
            touched["failed"] += 1
            self.report.chunks_failed += 1
            self.report.fail(f"{item.path} chunk {position}", outcome)
            self.ingest.listener("chunk_failed", {"path": item.path, "position": position,
                                                  "reason": outcome})
            return
        outcomes = self.writer.store_chunk(place, outcome)
        touched["done"] += 1
        self._count(item, outcome, outcomes)
        self.ingest.listener("chunk", {"path": item.path, "position": position,
                                       "share": item.share(start, end),
                                       "pages": outcome.counts.get("html", 0),
                                       "articles": outcomes[NEW] + outcomes[UPDATED]
                                       + outcomes["unchanged"], "failed": outcomes["failed"]})

    def _count(self, item: InputFile, result: ChunkResult, outcomes: Counter[str]) -> None:
        counts = self.report.counts
        counts["discovered"] += result.counts.get("html", 0)
        counts["fetched"] += len(result.pages)
        for name in ("new", "updated", "unchanged", "failed"):
            counts[name] += outcomes[name]
        self.report.records += result.counts.get("records", 0)
        for key, number in result.counts.items():
            if key.startswith("filtered_"):
                self.report.filtered[key.removeprefix("filtered_")] += number
        for page in result.pages:
            if page.failure:
                self.report.fail(page.url, page.failure)

    def _file_finished(self, item: InputFile) -> None:
        """Count a file whose chunks have all been dealt with, and say how it went."""
        touched = self.touched.get(item.index, Counter())
        if item.error:
            state, reason = "failed", item.error
            self.report.fail(item.path, item.error)
        elif touched["failed"]:
            state, reason = "partly", f"{touched['failed']} chunk(s) failed"
        elif touched["done"] or item.planned_now:
            state, reason = "done", item.damage
        else:
            state, reason = "skipped", "already ingested"
        self.report.files[state] += 1
        self.ingest.listener("file", {"path": item.path, "state": state, "reason": reason})
