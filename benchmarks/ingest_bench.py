"""Ingest benchmark: WARC files on a Dask LocalCluster of 1 and 2 workers, the writer alone.

    python -m benchmarks.ingest_bench [--pages 20000] [--files 20] [--real ../shared/bench/wcxb-dev]

Writes --pages archived pages into --files WARC files (benchmarks.ingest_corpus; no network),
then measures, each time into a fresh database:
- reading: every response record's payload with warcio, and with FastWARC when installed;
- ingest on a LocalCluster of 1, then 2 single-threaded worker processes: HTML pages per second
  (wall time from the first plan to the last stored chunk), the scaling efficiency, the peak
  memory of each worker process and of the client (which also runs the scheduler and the writer);
- the writer alone: the chunk results of the 1-worker run stored again into an empty database,
  in pages per second (the ceiling the single writer puts on any cluster);
- extraction alone, per core, on the same pages and on real pages (--real, read in place);
- the Parquet export of the result: time, peak memory, and one aggregate query in SQLite and
  in DuckDB over the Parquet files.
It also says how busy the machine was: the CPU used by everything on it during each run, and
our share of it. Speeds vary between machines and loads: compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scraper.cluster import ClusterSpec, Executor, open_cluster
from scraper.cluster.executors import Task
from scraper.ingest import Ingest
from scraper.ingest.tasks import ChunkResult, ChunkTask
from scraper.ingest.writer import ChunkPlace, ChunkWriter
from scraper.rules import bundled_rules
from scraper.store import Store
from scraper.store.ingest_ledger import save_file

from .ingest_corpus import write_corpus
from .ingest_measure import (
    MachineMeter,
    RssSampler,
    extraction_rate,
    html_pages,
    read_with_fastwarc,
    read_with_warcio,
    real_pages,
    report_lines,
)

QUERY = ("SELECT site_name, count(*) AS articles, avg(word_count) AS words FROM {articles}"
         " GROUP BY site_name ORDER BY articles DESC LIMIT 5")


class Capturing(Executor):
    """Passes tasks to another executor and keeps the chunk results, for the writer alone."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.workers, self.dashboard = inner.workers, inner.dashboard
        self.chunks: list[tuple[ChunkTask, ChunkResult]] = []

    def submit(self, function: Any, *args: Any) -> Task:
        return self.inner.submit(function, *args)

    def wait(self, tasks: Any, timeout: float | None = None) -> list[Task]:
        return self.inner.wait(tasks, timeout)

    def result(self, task: Task) -> Any:
        value = self.inner.result(task)
        if isinstance(value, ChunkResult):
            self.chunks.append((task.args[0], value))
        return value


def ingest_on_cluster(paths: list[Path], db: Path, workers: int,
                      capture: bool) -> dict[str, Any]:
    """Ingest the files on a LocalCluster of `workers` processes; return the figures."""
    with open_cluster(ClusterSpec(workers=workers)) as executor:
        pids = list(executor.client.run(os.getpid).values())
        meter, sampler = MachineMeter([os.getpid(), *pids]), RssSampler([os.getpid(), *pids])
        runner: Executor = Capturing(executor) if capture else executor
        with Store.open(db) as store, sampler:
            started = time.perf_counter()
            report = Ingest(store, runner, bundled_rules()).run(paths, ["bench"])
            wall = time.perf_counter() - started
        busy = meter.stop()
    pages = report.counts["discovered"]
    return {"workers": workers, "pages": pages, "articles": report.counts["new"],
            "seconds": round(wall, 1), "pages_per_second": round(pages / wall, 1),
            "worker_peak_mb": [round(sampler.peak_mb(pid)) for pid in pids],
            "client_peak_mb": round(sampler.peak_mb(os.getpid())), "machine": busy,
            "chunks": runner.chunks if capture else None}  # type: ignore[attr-defined]


def writer_alone(chunks: list[tuple[ChunkTask, ChunkResult]], db: Path) -> dict[str, Any]:
    """Store captured chunk results into an empty database; pages stored per second."""
    with Store.open(db) as store:
        run_id = store.start_run("2024-01-01T00:00:00+00:00", "[]")
        with store.batch():
            file_ids = {path: save_file(store.db, {"path": path, "size": 0, "head_digest": ""})
                        for path in sorted({task.path for task, _ in chunks})}
        writer = ChunkWriter(store, run_id)
        ordered = sorted(chunks, key=lambda item: (item[0].path, item[0].position))
        started, cpu = time.perf_counter(), time.process_time()
        for task, result in ordered:
            writer.store_chunk(ChunkPlace(file_ids[task.path], task.path, "{}", task.position,
                                          (task.start, task.end)), result)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    pages = sum(len(result.pages) for _, result in chunks)
    return {"pages": pages, "seconds": round(wall, 1), "pages_per_second": round(pages / wall, 1),
            "pages_per_cpu_second": round(pages / cpu, 1)}


def parquet_export(db: Path, folder: Path) -> dict[str, Any]:
    """Export to Parquet in a child process; time, its peak memory, one query both ways."""
    command = [sys.executable, "-m", "scraper", "export", "--format", "parquet", "--db", str(db),
               "-o", str(folder)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with RssSampler([child.pid]) as sampler:
        child.wait()
    figures: dict[str, Any] = {"seconds": round(time.perf_counter() - started, 1),
                               "peak_mb": round(sampler.peak_mb(child.pid)),
                               "mb_on_disk": round(sum(f.stat().st_size for f in folder.iterdir())
                                                   / 2**20, 1),
                               "sqlite_mb": round(db.stat().st_size / 2**20, 1)}
    with sqlite3.connect(db) as connection:
        started = time.perf_counter()
        connection.execute(QUERY.format(articles="articles")).fetchall()
        figures["query_sqlite_ms"] = round((time.perf_counter() - started) * 1000, 1)
    try:
        import duckdb
    except ImportError:
        return figures
    started = time.perf_counter()
    duckdb.sql(QUERY.format(articles=f"'{folder}/articles.parquet'")).fetchall()
    figures["query_duckdb_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return figures


def main() -> None:
    """Run every measurement and print the figures (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--real", type=Path, default=Path("../shared/bench/wcxb-dev"))
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args()
    figures: dict[str, Any] = {"cores": os.cpu_count(), "load_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder / "warcs", args.pages, args.files)
        figures["input_mb"] = round(sum(p.stat().st_size for p in paths) / 2**20, 1)
        figures["read_warcio"] = read_with_warcio(paths)
        figures["read_fastwarc"] = read_with_fastwarc(paths)
        one = ingest_on_cluster(paths, folder / "one.db", 1, capture=True)
        chunks = one.pop("chunks")
        two = ingest_on_cluster(paths, folder / "two.db", 2, capture=False)
        two.pop("chunks")
        figures["cluster"] = [one, two]
        figures["efficiency"] = round(two["pages_per_second"] / (2 * one["pages_per_second"]), 2)
        figures["writer"] = writer_alone(chunks, folder / "writer.db")
        del chunks
        figures["extract_bench_pages"] = extraction_rate(html_pages(paths, 600))
        figures["extract_real_pages"] = extraction_rate(real_pages(args.real)) \
            if args.real.is_dir() else None
        figures["parquet"] = parquet_export(folder / "two.db", folder / "parquet")
    figures["load_after"] = os.getloadavg()
    print_figures(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def print_figures(figures: dict[str, Any]) -> None:
    """Print the measurements as a short report."""
    print("\n".join(report_lines(figures)))


if __name__ == "__main__":
    main()
