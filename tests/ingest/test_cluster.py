"""`scraper ingest --cluster` on a real Dask LocalCluster of two worker processes: the database
equals the one an ingest in this process writes, even when a worker or the client is killed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.cluster import TaskFailed, open_cluster, parse_cluster
from scraper.ingest import Ingest
from scraper.rules import bundled_rules
from scraper.store import Store

from .conftest import LARGE_CHUNK_PAGES, ingest
from .snapshot import integrity, snapshot

pytestmark = pytest.mark.integration
POLL_SECONDS = 0.02
PATIENCE_SECONDS = 120  # only ever reached when something is broken


def chunks_done(db: Path) -> int:
    """Chunks stored so far, read while another process writes (0 before the tables exist)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute(
                "SELECT count(*) FROM ingest_chunks WHERE state = 'done'").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(POLL_SECONDS)


def test_a_local_cluster_stores_what_one_process_stores(warcs: Path, ingested: Path,
                                                         tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    result = ingest(str(warcs), "--db", str(db), "--cluster", "local:2")
    assert result.exit_code == 1, result.output
    assert "2 worker(s); dask dashboard: http://127.0.0.1:" in result.output
    assert snapshot(db) == snapshot(ingested)
    assert integrity(db) == "ok"


def test_a_scheduler_address_stores_what_one_process_stores(
        warcs: Path, ingested: Path, tmp_path: Path, dask_cluster: Any) -> None:
    db = tmp_path / "articles.db"
    result = ingest(str(warcs), "--db", str(db), "--cluster", dask_cluster.scheduler_address,
                    "--log-json")
    assert result.exit_code == 1, result.output
    assert '"event": "cluster"' in result.output and '"dashboard": "http' in result.output
    assert snapshot(db) == snapshot(ingested)


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(
        large_warcs: Path, large_ingested: Path, tmp_path: Path, dask_cluster: Any) -> None:
    from distributed import Client

    db = tmp_path / "articles.db"
    reports: list[Any] = []

    def run() -> None:
        with Store.open(db) as store, open_cluster(parse_cluster(
                dask_cluster.scheduler_address)) as executor:
            ingest_run = Ingest(store, executor, bundled_rules(), chunk_pages=int(LARGE_CHUNK_PAGES))
            reports.append(ingest_run.run([*sorted(large_warcs.iterdir())], ["ingest"]))

    with Client(dask_cluster.scheduler_address) as client:
        client.wait_for_workers(2)
        thread = threading.Thread(target=run)
        thread.start()
        wait_until(lambda: chunks_done(db) >= 1 or not thread.is_alive(), "a first chunk")
        busy = [worker for worker, keys in client.processing().items() if keys]
        victim = busy[0] if busy else next(iter(client.scheduler_info()["workers"]))
        os.kill(client.run(os.getpid, workers=[victim])[victim], signal.SIGKILL)
        thread.join(PATIENCE_SECONDS)
        assert victim not in client.scheduler_info()["workers"]  # it died (and was replaced)
    assert reports and reports[0].exit_status == 0
    assert snapshot(db) == snapshot(large_ingested)
    assert integrity(db) == "ok"


@pytest.mark.parametrize("where", ["cluster", "this process"])
def test_a_killed_client_resumes_without_loss_or_duplicates(
        large_warcs: Path, large_ingested: Path, tmp_path: Path, dask_cluster: Any,
        where: str) -> None:
    db = tmp_path / "articles.db"
    command = [sys.executable, "-m", "scraper", "ingest", str(large_warcs), "--db", str(db),
               "--chunk-pages", LARGE_CHUNK_PAGES]
    if where == "cluster":
        command += ["--cluster", dask_cluster.scheduler_address]
    client = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until(lambda: chunks_done(db) >= 1 or client.poll() is not None, "a first chunk")
    client.send_signal(signal.SIGKILL)
    client.wait()
    stored = chunks_done(db)
    assert 1 <= stored < 24  # killed mid-run: 192 pages, 8 a chunk
    assert integrity(db) == "ok"
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(db) == snapshot(large_ingested)
    assert integrity(db) == "ok"
    with sqlite3.connect(db) as connection:
        runs = connection.execute("SELECT finished_at IS NULL FROM crawl_runs ORDER BY id")
        assert [bool(unfinished) for (unfinished,) in runs] == [True, False]


def _fail(value: int) -> int:
    raise ValueError(f"bad input {value}")


def test_a_task_that_keeps_failing_is_reported_with_its_reason(dask_cluster: Any) -> None:
    with open_cluster(parse_cluster(dask_cluster.scheduler_address)) as executor:
        task = executor.submit(_fail, 7)
        while not executor.wait([task], 1.0):
            pass
        with pytest.raises(TaskFailed, match="ValueError: bad input 7"):
            executor.result(task)


def test_reextract_on_the_cluster_matches_this_process(ingested: Path, tmp_path: Path,
                                                       dask_cluster: Any) -> None:
    results = {}
    for where, options in (("here", []), ("cluster", ["--cluster",
                                                      dask_cluster.scheduler_address])):
        db = tmp_path / f"{where}.db"
        db.write_bytes(ingested.read_bytes())
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE articles SET headline = 'stale', record_hash = 'stale'")
        result = CliRunner().invoke(cli, ["reextract", "--db", str(db), *options])
        assert result.exit_code == 0, result.output
        assert "24 updated" in result.output
        results[where] = articles(db)
    assert results["cluster"] == results["here"] == articles(ingested)


def articles(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT id, canonical_url, headline, body, content_hash,"
                                  " record_hash, fetch_id FROM articles ORDER BY id").fetchall()
