"""`scraper serve` as a supervisor runs it: a real process, real signals, a real port.

However it is stopped (Ctrl+C, SIGTERM, SIGHUP, even SIGKILL), nothing keeps serving and
nothing is left behind, so the next `serve` gets the port. It answers only requests addressed
to a loopback name, so a web page that rebinds its own host name to 127.0.0.1 reads nothing.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from .conftest import REPO_ROOT, run

pytest.importorskip("datasette", reason="datasette is not installed: pip install '.[datasette]'")

TABLE = "/articles/articles.json?_shape=array&_col=headline"


def _free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _group_is_gone(process: subprocess.Popen[bytes]) -> bool:
    try:
        os.killpg(process.pid, 0)  # the command and anything it started share this group
    except ProcessLookupError:
        return True
    return False


@contextmanager
def serving(db: Path, tmp: Path, port: int, *extra: str,
            host: str = "127.0.0.1") -> Iterator[subprocess.Popen[bytes]]:
    """Run `scraper serve` in its own session until it answers; kill what is left after."""
    log = (tmp / f"serve-{port}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "scraper", "serve", "--db", str(db), "--port", str(port), *extra],
        cwd=REPO_ROOT, stdout=log, stderr=log, start_new_session=True,
        env={**os.environ, "TMPDIR": str(tmp / "tmpdir")})
    try:
        _wait_until_answering(f"http://{host}:{port}{TABLE}", process, tmp / f"serve-{port}.log")
        yield process
    finally:
        if not _group_is_gone(process):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        log.close()


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"serve did not answer at {url}: {log.read_text()}")


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    """A folder for logs, and an empty TMPDIR for the server."""
    (tmp_path / "tmpdir").mkdir()
    return tmp_path


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL],
                         ids=lambda s: signal.Signals(s).name)
def test_every_way_of_stopping_serve_stops_everything(db: Path, tmp: Path, signum: int) -> None:
    port = _free_port()
    with serving(db, tmp, port) as process:
        process.send_signal(signum)
        process.wait(timeout=60)
        assert _group_is_gone(process)
    assert _port_is_free(port)
    assert list((tmp / "tmpdir").iterdir()) == []


def test_the_next_serve_gets_the_port(db: Path, tmp: Path) -> None:
    port = _free_port()
    with serving(db, tmp, port) as process:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    with serving(db, tmp, port):
        rows = httpx.get(f"http://127.0.0.1:{port}{TABLE}", timeout=10).json()
    assert [row["headline"] for row in rows] == ["Harbour clean-up draws a record turnout",
                                                 "Council approves tram extension"]


def test_a_busy_port_is_a_one_line_usage_error(db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run("serve", "--port", str(taken.getsockname()[1]), "--db", str(db))
    assert result.exit_code == 2
    assert "cannot listen on 127.0.0.1 port" in result.output and "--port" in result.output


def _status_for_host(port: int, host_header: str, address: str = "127.0.0.1") -> tuple[int, str]:
    response = httpx.get(f"http://{address}:{port}{TABLE}", headers={"Host": host_header},
                         timeout=10)
    return response.status_code, response.text


def test_only_loopback_host_names_are_answered(db: Path, tmp: Path) -> None:
    port = _free_port()
    with serving(db, tmp, port):
        for name in ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"]:
            for header in (name, f"{name}:{port}"):
                assert _status_for_host(port, header)[0] == 200, header
        for header in [f"attacker.example:{port}", "attacker.example", f"localhost.attacker.example:{port}",
                       f"127.0.0.1.nip.io:{port}", f"localhost:{port}@attacker.example", ""]:
            status, text = _status_for_host(port, header)
            assert status == 400, header
            assert "Harbour" not in text


def test_binding_elsewhere_answers_that_address_and_the_names_allowed(db: Path, tmp: Path) -> None:
    port = _free_port("127.0.0.2")
    with serving(db, tmp, port, "--host", "127.0.0.2", "--allow-host", "news.internal",
                 host="127.0.0.2"):
        assert _status_for_host(port, f"news.internal:{port}", "127.0.0.2")[0] == 200
        assert _status_for_host(port, f"127.0.0.2:{port}", "127.0.0.2")[0] == 200
        assert _status_for_host(port, f"attacker.example:{port}", "127.0.0.2")[0] == 400
