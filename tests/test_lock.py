"""The run lock: one crawl per database at a time; a dead holder never blocks the next run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.errors import ConfigError, LockHeldError
from scraper.lock import RunLock

HOLDER = ("import sys, time; from pathlib import Path; from scraper.lock import RunLock; "
          "RunLock(Path(sys.argv[1])).acquire(); print('held', flush=True); time.sleep(60)")


def test_the_lock_file_sits_beside_the_database(tmp_path: Path) -> None:
    db = tmp_path / "deep" / "articles.db"
    with RunLock(db) as lock:
        expected = tmp_path.resolve() / "deep" / "articles.db.lock"
        assert lock.path == expected and lock.path.exists()
        assert lock.path.read_text() == str(os.getpid())


def test_a_second_lock_on_the_same_database_is_refused_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    with RunLock(db):
        with pytest.raises(LockHeldError) as caught:
            RunLock(db).acquire()
        assert f"pid {os.getpid()}" in str(caught.value) and "another run" in str(caught.value)
    with RunLock(db):  # released on exit: the next run gets it
        pass


def test_other_databases_are_not_blocked(tmp_path: Path) -> None:
    with RunLock(tmp_path / "a.db"), RunLock(tmp_path / "b.db"):
        pass


def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE,
                              text=True, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeldError, match=f"pid {holder.pid}"):
            RunLock(db).acquire()
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    with RunLock(db):
        pass


@pytest.mark.parametrize("command", [["crawl", "https://a.example/"], ["reextract"]])
def test_commands_exit_3_while_another_run_holds_the_lock(tmp_path: Path,
                                                          command: list[str]) -> None:
    db = tmp_path / "articles.db"
    db.touch()
    with RunLock(db):
        result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 3
    assert f"another run (pid {os.getpid()}) holds" in result.output
    assert "Traceback" not in result.output


def test_log_json_reports_the_lock_as_one_json_line(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    with RunLock(db):
        result = CliRunner().invoke(cli, ["crawl", "https://a.example/", "--db", str(db),
                                          "--log-json"])
    assert result.exit_code == 3
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["event"] == "error" and record["exit_status"] == 3
    assert "another run" in record["message"]


def test_a_crawl_through_a_symlink_to_the_database_sees_the_lock(tmp_path: Path) -> None:
    real = tmp_path / "data" / "articles.db"
    real.parent.mkdir()
    real.touch()
    link = tmp_path / "elsewhere.db"
    link.symlink_to(real)
    with RunLock(real):
        result = CliRunner().invoke(cli, ["crawl", "https://a.example/", "--db", str(link)])
    assert result.exit_code == 3, result.output
    assert "another run" in result.output and not (tmp_path / "elsewhere.db.lock").exists()


@pytest.mark.parametrize("command", [["crawl", "https://a.example/"], ["reextract"]])
def test_a_symlink_at_the_lock_path_is_refused_and_its_target_kept(tmp_path: Path,
                                                                    command: list[str]) -> None:
    db = tmp_path / "articles.db"
    db.touch()
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (tmp_path / "articles.db.lock").symlink_to(target)
    result = CliRunner().invoke(cli, [*command, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert "is a symbolic link" in result.output and "Traceback" not in result.output
    assert target.read_text() == "keep me"


def test_a_fifo_at_the_lock_path_is_refused_without_blocking(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    os.mkfifo(tmp_path / "articles.db.lock")
    with pytest.raises(ConfigError, match="not a regular file"):
        RunLock(db).acquire()
