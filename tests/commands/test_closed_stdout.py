"""A reader that stops reading (`scraper export | head -c 100`) is a normal end: exit 0, no
traceback, and a run that was writing its log still finishes and is recorded as it ended.

Most cases run the command line in this process with standard output a real pipe whose reader
is already gone; the last two run `python -m scraper` as a user would.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.cli import cli
from scraper.store import Store

from .conftest import HARBOUR_URL, RECENT, REPO_ROOT, article

PAGE = ("<html><body><article><h1>Harbour clean-up</h1>"
        + "<p>Volunteers cleared the harbour of rubbish on a bright Saturday morning.</p>" * 8
        + "</article></body></html>")


def _scraper(args: list[str], stdout: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scraper", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT, timeout=120,
                          check=False)


def _into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run in a child process, standard output a pipe whose reader is gone before the first byte."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return _scraper(args, write_end)
    finally:
        os.close(write_end)


def _in_process_into_closed_pipe(args: list[str], capsys: pytest.CaptureFixture[str]
                                 ) -> subprocess.CompletedProcess[str]:
    """Run in this process, standard output a pipe whose reader is gone before the first byte."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    saved = sys.stdout
    sys.stdout = io.TextIOWrapper(open(write_end, "wb"), encoding="utf-8")  # noqa: SIM115
    try:
        try:
            cli.main(args, prog_name="scraper")
            status: object = 0
        except SystemExit as end:
            status = end.code or 0
        try:
            sys.stdout.flush()  # what the interpreter does on its way out
        except BrokenPipeError:
            status, exit_error = 120, "Exception ignored: BrokenPipeError"
        else:
            exit_error = ""
    finally:
        with contextlib.suppress(OSError):
            sys.stdout.close()
        sys.stdout = saved
    return subprocess.CompletedProcess(args, status, "", capsys.readouterr().err + exit_error)


def _assert_quiet_success(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "Error" not in result.stderr


@pytest.mark.parametrize("args", [
    ["search", "harbour"], ["search", "harbour", "--json"], ["export"],
    ["export", "--format", "csv"], ["stats"], ["stats", "--json"], ["schema"],
    ["history", HARBOUR_URL], ["history", HARBOUR_URL, "--json"],
], ids=" ".join)
def test_database_commands_end_quietly_when_the_reader_is_gone(
        db: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _assert_quiet_success(_in_process_into_closed_pipe([*args, "--db", str(db)], capsys))


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["search", "--help"]], ids=" ".join)
def test_help_and_version_end_quietly_when_the_reader_is_gone(
        args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _assert_quiet_success(_in_process_into_closed_pipe(args, capsys))


@pytest.mark.parametrize("as_json", [True, False])
def test_extract_ends_quietly_when_the_reader_is_gone(
        tmp_path: Path, as_json: bool, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    _assert_quiet_success(_in_process_into_closed_pipe(
        ["extract", str(page), *(["--json"] * as_json)], capsys))


def test_reextract_log_goes_away_and_the_run_is_recorded_as_it_ended(db: Path) -> None:
    result = _into_closed_pipe(["reextract", "--log-json", "--db", str(db),
                                "--archive-dir", str(db.parent / "archive")])
    _assert_quiet_success(result)
    with sqlite3.connect(db) as connection:
        arguments, status = connection.execute(
            "SELECT arguments, exit_status FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
    assert status == 0
    assert "--log-json" in json.loads(arguments)


def test_export_piped_into_head(tmp_path: Path) -> None:
    path = tmp_path / "big.db"
    with Store.open(path) as store, store.batch():
        for number in range(400):
            url = f"https://herald.example/news/2024/05/03/story-{number}/"
            store.save_article(article(url, f"Story {number}", RECENT, "Harbour news. " * 150),
                               site="herald", fetch_id=None, seen_at=RECENT)
    with subprocess.Popen([sys.executable, "-m", "scraper", "export", "--db", str(path)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO_ROOT) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.read(100)
        process.stdout.close()  # what `head -c 100` does once it has its bytes
        errors = process.stderr.read().decode()
        status = process.wait(timeout=120)
    assert len(first) == 100 and first.startswith(b"{")
    assert status == 0, errors
    assert "Traceback" not in errors and "Error" not in errors
