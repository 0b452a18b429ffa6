"""`scraper extract PAGE`: a clear message for whatever PAGE is that we cannot read, and a
warning when a file is not HTML at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback_hosts import LoopbackHosts, Reply

from scraper.config import PLACEHOLDER_CONTACT
from scraper.extract import has_markup

from .conftest import run

PAGE = ("<html><body><article><h1>Harbour clean-up</h1>"
        + "<p>Volunteers cleared the harbour of rubbish on a bright Saturday morning.</p>" * 6
        + "</article></body></html>")


def test_a_folder_is_a_usage_error_that_says_so(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path} is a folder" in result.output and "no such file" not in result.output


@pytest.mark.parametrize(("page", "scheme"), [
    ("ftp://example.com/news/story.html", "ftp"), ("file:///etc/hostname", "file"),
    ("javascript:alert(1)", "javascript"), ("mailto:desk@example.com", "mailto"),
    ("FTP://example.com/", "ftp"),
])
def test_other_url_schemes_are_refused_by_name(page: str, scheme: str) -> None:
    result = run("extract", page)
    assert result.exit_code == 2
    assert f"unsupported URL scheme {scheme!r}" in result.output
    assert "no such file" not in result.output


def test_a_file_whose_name_looks_like_a_url_is_still_read(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes:harbour.html").write_text(PAGE)
    result = run("extract", "notes:harbour.html")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Harbour clean-up")


def test_a_missing_file_is_still_no_such_file(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "gone.html"))
    assert result.exit_code == 2 and "no such file" in result.output


def test_a_large_text_file_is_extracted_with_a_warning(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Harbour meeting notes: the council met on Tuesday a < b.\n" * 80_000)
    assert text.stat().st_size > 4_000_000
    # no time limit: what is tested is the warning, not how long 4 MB of text take to read
    result = run("extract", str(text), "--json", "--extraction-timeout", "0")
    assert result.exit_code == 0
    assert f"warning: {text}: not an HTML document (no markup found)" in result.stderr
    assert json.loads(result.stdout)["body"].startswith("Harbour meeting notes")


def test_an_html_page_gives_no_warning(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = run("extract", str(page))
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize(("text", "markup"), [
    ("<p>text</p>", True), ("<!DOCTYPE html>text", True), ("text <!-- note --> more", True),
    ('<div class="x">', True), ("<br/>", True), (b"<P>bytes</P>", True), ("</td >", True),
    ("a < b and c > d", False), ("if x<y then", False), ("<<>>", False), ("plain text", False),
    (b"no tags here", False),
])
def test_markup_is_a_tag_a_comment_or_a_doctype(text: str | bytes, markup: bool) -> None:
    assert has_markup(text) is markup


CONTACT = "https://uni.example/crawler"
STORY = "/news/2024/05/03/harbour-clean-up/"


def test_a_url_is_fetched_with_one_agent_and_the_placeholder_is_warned_about_once() -> None:
    with LoopbackHosts(1) as server:
        server.add_route(0, STORY, Reply(body=PAGE.encode()))
        url = server.origin(0) + STORY
        unsigned = run("extract", url, "--allow-private")
        unsigned_agents = {request.headers["user-agent"] for request in server.logged(0)}
        asked = [request.path for request in server.logged(0)]
        server.log.clear()
        signed = run("extract", url, "--allow-private", "--contact-url", CONTACT)
        signed_agents = {request.headers["user-agent"] for request in server.logged(0)}
    assert unsigned.exit_code == 0 and signed.exit_code == 0, unsigned.output + signed.output
    assert asked == ["/robots.txt", STORY]
    assert len(unsigned_agents) == 1 and PLACEHOLDER_CONTACT in unsigned_agents.pop()
    warnings = [line for line in unsigned.stderr.splitlines() if "placeholder contact" in line]
    assert len(warnings) == 1 and "--contact-url" in warnings[0]
    assert "sites.toml" not in warnings[0]  # extract reads no sites file
    assert len(signed_agents) == 1 and CONTACT in signed_agents.pop()  # robots.txt too
    assert "placeholder" not in signed.stderr


def giant_page(paragraphs: int) -> str:
    """An article whose extraction takes seconds: far longer than the limits the tests set."""
    text = "The council met on Tuesday evening to discuss the harbour plan, once again."
    return ("<html><body><article><h1>Giant</h1>"
            + "".join(f"<p>Paragraph {number}. {text}</p>" for number in range(paragraphs))
            + "</article></body></html>")


def test_a_page_that_extracts_too_long_is_given_up_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "giant.html").write_text(giant_page(30_000))
    result = run("extract", str(tmp_path / "giant.html"), "--extraction-timeout", "0.5")
    assert result.exit_code == 1
    assert "extraction timed out after 0.5 s" in result.stderr
    (tmp_path / "story.html").write_text(PAGE)
    assert run("extract", str(tmp_path / "story.html"), "--extraction-timeout", "0.5"
               ).exit_code == 0  # an ordinary page is well within it
