"""Stopping an ingest with SIGTERM (a supervisor, `kill PID`): a clean stop, then a resume."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import LARGE_CHUNK_PAGES
from .snapshot import integrity, snapshot
from .test_cluster import chunks_done, wait_until

pytestmark = pytest.mark.integration


def test_sigterm_stops_cleanly_and_the_next_run_finishes(large_warcs: Path, large_ingested: Path,
                                                         tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    command = [sys.executable, "-m", "scraper", "ingest", str(large_warcs), "--db", str(db),
               "--chunk-pages", LARGE_CHUNK_PAGES, "--workers", "1"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until(lambda: chunks_done(db) >= 1 or child.poll() is not None, "a first chunk")
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 130, stderr
    assert stderr.strip().splitlines() == [
        "error: interrupted; what was stored is kept: run the same command to resume"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT exit_status, stopped_early, finished_at IS NOT NULL"
                                  " FROM crawl_runs").fetchall() == [(130, "interrupted", 1)]
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(db) == snapshot(large_ingested)
    assert integrity(db) == "ok"
