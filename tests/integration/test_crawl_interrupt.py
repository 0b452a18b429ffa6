"""Ctrl+C (and SIGTERM) stop a crawl cleanly: one line, one exit status, recorded as such.

The crawl runs as `python -m scraper crawl --workers 2` in a process group of its own, as a
shell runs a command; the signal goes to the whole group, as the terminal sends Ctrl+C.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .loopback_sites import LoopbackSites, Reply, Request, article_html, rss

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[2]
WAIT_LIMIT = 60.0
PATHS = [f"/news/2024/05/{day:02d}/story-{day}/" for day in range(1, 7)]


def _held(body: bytes, flowing: threading.Event) -> object:
    def answer(_request: Request) -> Reply:
        flowing.wait(WAIT_LIMIT)
        return Reply(body=body)
    return answer


def _interrupted_run(tmp_path: Path, number: signal.Signals) -> tuple[subprocess.Popen[str],
                                                                      str, str]:
    flowing = threading.Event()
    with LoopbackSites(1) as sites:
        sites.route(0, PATHS[0], Reply(body=article_html("First").encode()))
        for path in PATHS[1:]:
            sites.route(0, path, _held(article_html(f"Story {path}").encode(), flowing))
        sites.route(0, "/feed.xml", rss([(sites.url(0, path), None) for path in PATHS]))
        command = [sys.executable, "-m", "scraper", "crawl", sites.url(0, "/feed.xml"),
                   "--workers", "2", "--allow-private", "--delay", "0",
                   "--contact-url", "https://example.org/tests",
                   "--db", str(tmp_path / "a.db"), "--archive-dir", str(tmp_path / "archive")]
        process = subprocess.Popen(command, cwd=REPO_ROOT, text=True, start_new_session=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + WAIT_LIMIT
        while len([r for r in sites.requests(0) if r.path in PATHS]) < 2:  # one held in flight
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the crawl never got to its articles"
            time.sleep(0.05)
        time.sleep(0.3)  # the first article is being extracted or saved by now
        os.killpg(process.pid, number)
        try:
            out, err = process.communicate(timeout=WAIT_LIMIT)
        finally:
            flowing.set()
    return process, out, err


def _run_row(tmp_path: Path) -> tuple[int, str]:
    with sqlite3.connect(tmp_path / "a.db") as db:
        return db.execute("SELECT exit_status, stopped_early FROM crawl_runs").fetchone()


def test_ctrl_c_stops_the_crawl_with_one_line_and_one_exit_status(tmp_path: Path) -> None:
    process, out, err = _interrupted_run(tmp_path, signal.SIGINT)
    assert process.returncode == 130, (out, err)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    lines = [line for line in (out + err).splitlines() if line.strip()]
    assert len(lines) == 1 and "(interrupted)" in lines[0], lines
    assert _run_row(tmp_path) == (130, "interrupted")


def test_sigterm_stops_the_crawl_cleanly_too(tmp_path: Path) -> None:
    process, out, err = _interrupted_run(tmp_path, signal.SIGTERM)
    assert process.returncode == 143, (out, err)
    assert "Traceback" not in err, err
    assert _run_row(tmp_path) == (143, "terminated")
    with sqlite3.connect(tmp_path / "a.db") as db:  # nothing half-done: pending or stored
        states = dict(db.execute("SELECT state, count(*) FROM frontier GROUP BY state"))
        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert set(states) <= {"pending", "done"} and states.get("done", 0) == stored
