"""kill -9 at several moments, then a rerun: every article once, the database and archives sound.

The crawl runs as `python -m scraper crawl` in a subprocess against two slow loopback sites
(the server lives in this process, so it sees every request as it arrives). Each killed run is
SIGKILLed at a chosen moment: while discovery is still reading feeds, while an article
response is in flight, and in the middle of the article fetches (one of these with an
extraction worker process). While one run holds the lock, a second one must exit with 3.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scraper.archive import ArchiveError, iter_responses, read_record

from .loopback_sites import LoopbackSites, Reply, Request, article_html, rss

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTICLES_PER_HOST = 6
ARTICLE_DELAY = 0.25
FEED_DELAY = 0.6
WAIT_LIMIT = 60.0


def article_path(number: int) -> str:
    return f"/news/2024/05/{number + 1:02d}/story-number-{number}/"


def _slow_conditional(body: bytes, etag: str, flowing: threading.Event
                      ) -> Callable[[Request], Reply]:
    def answer(request: Request) -> Reply:
        flowing.wait(WAIT_LIMIT)  # cleared: the response stays in flight
        if request.headers.get("if-none-match") == etag:
            return Reply(304, {"ETag": etag}, delay=ARTICLE_DELAY)
        return Reply(body=body, headers={"Content-Type": "text/html; charset=utf-8",
                                         "ETag": etag}, delay=ARTICLE_DELAY)
    return answer


@dataclass
class Setup:
    sites: LoopbackSites
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "articles.db"

    def expected_urls(self) -> set[str]:
        return {self.sites.url(host, article_path(n))
                for host in (0, 1) for n in range(ARTICLES_PER_HOST)}

    def command(self, *extra: str) -> list[str]:
        return [sys.executable, "-m", "scraper", "crawl",
                self.sites.url(0, "/feed.xml"), self.sites.url(1, "/feed.xml"),
                "--allow-private", "--delay", "0", "--db", str(self.db_path),
                "--archive-dir", str(self.root / "archive"), *extra]

    def start(self, *extra: str) -> subprocess.Popen[str]:
        return subprocess.Popen(self.command(*extra), cwd=REPO_ROOT, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def article_requests(self) -> int:
        return sum(1 for r in self.sites.requests() if "/news/" in r.path)

    def stored(self) -> int:
        with sqlite3.connect(self.db_path) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT_LIMIT
    while not condition():
        assert process.poll() is None, f"the crawl ended early: {process.communicate()}"
        assert time.monotonic() < deadline, "the crawl never got there"
        time.sleep(0.02)


def _kill(process: subprocess.Popen[str]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()


@dataclass
class Outcome:
    setup: Setup
    locked_out: subprocess.CompletedProcess[str]
    final: subprocess.CompletedProcess[str]
    stored_after_kills: list[int]


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outcome]:
    flowing = threading.Event()
    flowing.set()
    with LoopbackSites(2) as sites:
        for host in (0, 1):
            for number in range(ARTICLES_PER_HOST):
                body = article_html(f"Story {number} of host {host}").encode()
                sites.route(host, article_path(number),
                            _slow_conditional(body, f'"{host}-{number}"', flowing))
            items = [(sites.url(host, article_path(n)), None) for n in range(ARTICLES_PER_HOST)]
            feed = rss(items)
            feed.delay = FEED_DELAY
            sites.route(host, "/feed.xml", feed)
        setup = Setup(sites, tmp_path_factory.mktemp("kill"))

        process = setup.start()  # 1: killed during discovery, while a feed is in flight
        _wait_for(lambda: len(sites.requests(path="/feed.xml")) >= 1, process)
        _kill(process)
        stored = [setup.stored()]

        flowing.clear()
        process = setup.start()  # 2: killed with the first article responses held in flight
        start = setup.article_requests()
        _wait_for(lambda: setup.article_requests() >= start + 1, process)
        locked_out = subprocess.run(setup.command(), cwd=REPO_ROOT, text=True,
                                    capture_output=True, timeout=WAIT_LIMIT, check=False)
        _kill(process)
        flowing.set()
        stored.append(setup.stored())

        process = setup.start("--workers", "1")  # 3: killed mid-way, an extraction worker running
        start = setup.article_requests()
        _wait_for(lambda: setup.article_requests() >= start + ARTICLES_PER_HOST, process)
        time.sleep(ARTICLE_DELAY / 2)
        _kill(process)
        stored.append(setup.stored())

        final = subprocess.run(setup.command(), cwd=REPO_ROOT, text=True, capture_output=True, check=False,
                               timeout=WAIT_LIMIT)
        yield Outcome(setup, locked_out, final, stored)


def _db(outcome: Outcome) -> sqlite3.Connection:
    db = sqlite3.connect(outcome.setup.db_path)
    db.row_factory = sqlite3.Row
    return db


def test_the_kills_struck_where_intended(outcome: Outcome) -> None:
    during_discovery, first_article_in_flight, mid_way = outcome.stored_after_kills
    assert during_discovery == 0 and first_article_in_flight == 0
    # one article in flight per site at a time: six requests mean at least four stored
    assert 4 <= mid_way < 2 * ARTICLES_PER_HOST


def test_second_run_while_one_holds_the_lock_exits_3(outcome: Outcome) -> None:
    assert outcome.locked_out.returncode == 3
    assert "another run" in outcome.locked_out.stderr and "holds" in outcome.locked_out.stderr


def test_the_rerun_completes(outcome: Outcome) -> None:
    assert outcome.final.returncode == 0, outcome.final.stderr
    assert outcome.final.stdout.count("\n") == 1 and outcome.final.stdout.startswith("run 4:")


def test_every_article_is_present_exactly_once(outcome: Outcome) -> None:
    with _db(outcome) as db:
        urls = [row["canonical_url"] for row in db.execute("SELECT canonical_url FROM articles")]
        pending = db.execute("SELECT count(*) FROM frontier WHERE state != 'done'").fetchone()[0]
    assert sorted(urls) == sorted(outcome.setup.expected_urls())
    assert pending == 0


def test_the_database_passes_integrity_check(outcome: Outcome) -> None:
    with _db(outcome) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_killed_runs_stay_unfinished_and_the_last_one_is_complete(outcome: Outcome) -> None:
    with _db(outcome) as db:
        runs = db.execute("SELECT * FROM crawl_runs ORDER BY id").fetchall()
    assert len(runs) == 4
    assert [run["finished_at"] for run in runs[:3]] == [None, None, None]
    assert runs[3]["finished_at"] and runs[3]["exit_status"] == 0


def test_every_recorded_fetch_points_at_a_readable_record(outcome: Outcome) -> None:
    archive = outcome.setup.root / "archive"
    with _db(outcome) as db:
        rows = db.execute("SELECT final_url, warc_file, warc_offset FROM fetches"
                          " WHERE warc_file IS NOT NULL").fetchall()
    assert {row["warc_file"] for row in rows} == {p.name for p in archive.glob("*.warc.gz")}
    for row in rows:
        assert read_record(archive / row["warc_file"], row["warc_offset"]).url == row["final_url"]


def test_killed_archives_are_readable_and_complete_ones_pass_warcio_check(outcome: Outcome) -> None:
    files = sorted((outcome.setup.root / "archive").glob("*.warc.gz"))
    assert len(files) == 4
    for path in files:
        assert list(iter_responses([path]))  # stops cleanly at a cut-off last record, if any
    check = subprocess.run([sys.executable, "-m", "warcio.cli", "check", str(files[-1])],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_an_archive_cut_inside_its_last_record_keeps_every_whole_one(outcome: Outcome,
                                                                      tmp_path: Path) -> None:
    # What a kill in the middle of a write leaves: the responses before the cut stay readable.
    complete = max((outcome.setup.root / "archive").glob("*.warc.gz"))
    offsets = [page.warc_offset for page in iter_responses([complete])]
    cut = tmp_path / complete.name
    cut.write_bytes(complete.read_bytes()[: offsets[-1] + 50])
    assert [page.warc_offset for page in iter_responses([cut])] == offsets[:-1]
    with pytest.raises(ArchiveError):
        read_record(cut, offsets[-1])
