"""Bad input through the CLI: a clear one-line reason, a recorded failure, and the run goes on."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.demo import DemoServer, Request, Response

pytestmark = pytest.mark.integration

UNREACHABLE = "http://127.0.0.1:9/news/2024/05/30/unreachable-story/"  # discard port: refused
BAD_PATHS = {
    "/news/2024/05/30/empty-story/": Response(headers={"Content-Type": "text/html"}, body=b""),
    "/news/2024/05/30/binary-story/": Response(headers={"Content-Type": "text/html"},
                                               body=bytes(range(256)) * 64),
    "/news/2024/05/30/no-article-story/": Response(
        headers={"Content-Type": "text/html; charset=utf-8"},
        body=b"<html><body><nav><a href='/'>Home</a> <a href='/news/'>News</a></nav></body></html>"),
}
MISSING = "/news/2024/05/30/missing-story/"
GOOD = "/news/2024/05/30/good-story/"
GOOD_BODY = ("<html lang='en'><head><title>Good story</title></head><body><article><h1>Good story</h1>"
             + "".join(f"<p>Paragraph {i} of a perfectly ordinary article about the harbour, which "
                       f"goes on for long enough to read as prose.</p>" for i in range(6))
             + "</article></body></html>").encode()


def _section(request: Request) -> Response:
    links = "".join(f"<li><a href='{path}'>{path}</a></li>" for path in [*BAD_PATHS, MISSING, GOOD])
    html = f"<html><body><main><h1>Latest</h1><ul>{links}</ul></main></body></html>"
    return Response(headers={"Content-Type": "text/html; charset=utf-8"}, body=html.encode())


def _fixed(response: Response):
    return lambda request: response


@pytest.fixture(scope="module")
def bad_crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, sqlite3.Connection, DemoServer]:
    root = tmp_path_factory.mktemp("bad-crawl")
    routes = {"/latest/": _section, GOOD: _fixed(Response(
        headers={"Content-Type": "text/html; charset=utf-8"}, body=GOOD_BODY))}
    routes.update({path: _fixed(response) for path, response in BAD_PATHS.items()})
    empty_site = root / "site"  # no robots.txt, no sitemap: only the routes below exist
    empty_site.mkdir()
    with DemoServer(root=empty_site, routes=routes) as server:
        result = CliRunner().invoke(cli, [
            "crawl", server.url("/latest/"), UNREACHABLE, "--allow-private", "--delay", "0",
            "--db", str(root / "articles.db"), "--archive-dir", str(root / "archive")],
            catch_exceptions=False)
        db = sqlite3.connect(root / "articles.db")
        db.row_factory = sqlite3.Row
        yield result, db, server


def test_the_run_goes_on_and_exits_with_status_1(bad_crawl) -> None:
    result, db, server = bad_crawl
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    urls = [row["url"] for row in db.execute("SELECT url FROM articles")]
    assert urls == [server.url(GOOD)]


@pytest.mark.parametrize(("path", "reason_words"), [
    ("/news/2024/05/30/empty-story/", "empty"),
    ("/news/2024/05/30/binary-story/", "binary"),
    ("/news/2024/05/30/no-article-story/", "no article"),
    (MISSING, "404"),
])
def test_each_bad_page_is_recorded_with_its_reason(bad_crawl, path: str, reason_words: str) -> None:
    result, db, server = bad_crawl
    url = server.url(path)
    errors = [row["error"] for row in db.execute("SELECT error FROM fetches WHERE url = ?", [url])]
    assert errors and errors[-1] and reason_words in errors[-1].lower()
    state = db.execute("SELECT state, last_error FROM frontier WHERE url = ?", [url]).fetchone()
    assert state["state"] == "failed" and reason_words in state["last_error"].lower()
    warning_lines = [line for line in result.output.splitlines() if url in line]
    assert len(warning_lines) == 1 and reason_words in warning_lines[0].lower()


def test_unreachable_host_is_recorded(bad_crawl) -> None:
    result, db, _ = bad_crawl
    row = db.execute("SELECT status, error FROM fetches WHERE url = ?", [UNREACHABLE]).fetchone()
    assert row is not None and row["status"] is None
    assert "refused" in row["error"].lower()
    assert any(UNREACHABLE in line and "refused" in line.lower() for line in result.output.splitlines())


def test_failed_run_is_recorded_with_exit_status(bad_crawl) -> None:
    _, db, _ = bad_crawl
    run = db.execute("SELECT * FROM crawl_runs").fetchone()
    assert run["exit_status"] == 1
    assert run["pages_failed"] == 5  # four bad pages and the unreachable seed
    assert run["articles_new"] == 1


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty document"),
    (b"   \n  ", "empty document"),
    (os.urandom(4096).replace(b"<", b"") + b"\x00" * 64, "binary"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"),
])
def test_extract_command_on_bad_files(tmp_path: Path, content: bytes, reason: str) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(content)
    result = CliRunner().invoke(cli, ["extract", str(page), "--json"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    error_lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and reason in error_lines[0]


def test_extract_command_on_missing_page_and_unreachable_host() -> None:
    with DemoServer() as server:
        result = CliRunner().invoke(cli, ["extract", server.url("/nothing-here/"), "--allow-private"])
    assert result.exit_code == 1 and "HTTP 404" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["extract", UNREACHABLE, "--allow-private"])
    assert result.exit_code == 1 and "refused" in result.output.lower()


def test_extract_command_refuses_loopback_without_allow_private() -> None:
    with DemoServer() as server:
        result = CliRunner().invoke(cli, ["extract", server.url("/")])
    assert result.exit_code == 1
    assert "private" in result.output.lower() or "loopback" in result.output.lower()
