"""Page bytes to text as a user meets it: one bad byte or one NUL byte does not lose a page.

A page that is UTF-8 (declared in the header or a meta tag, or recognisable as such) with a
few invalid bytes is read as UTF-8 with a replacement character where each bad byte was, not
re-read in a legacy charset that garbles every other letter. A stray NUL byte in a text page
is dropped, not taken for binary content. UTF-7 is honoured when a page declares it, never
guessed.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli

from .loopback_sites import LoopbackSites, Reply, rss

BRIDGE = "Sanierung der Lindenbrücke: Sperrung dauert bis Oktober"
PARAGRAPH = ("Die Stadtverwaltung hat am Montag bestätigt, dass die Lindenbrücke über die Ströme "
             "der Wendle für den gesamten Sommer gesperrt bleibt. Fußgänger und Radfahrer werden "
             "über die Behelfsbrücke am Großmarkt umgeleitet, teilte das Bauamt mit. ")
BAD_BYTE = b"\xe9"  # Latin-1 "é" dropped into UTF-8 text: an invalid UTF-8 sequence


def german_page(meta: str = '<meta charset="utf-8">', flaw: bytes = BAD_BYTE) -> bytes:
    """A UTF-8 article with `flaw` in the middle of its second paragraph."""
    head = (f"<!doctype html><html lang='de'><head>{meta}<title>{BRIDGE}</title></head><body>"
            f"<article><h1>{BRIDGE}</h1><p>{PARAGRAPH * 2}</p><p>Caf").encode()
    tail = (f" am Ufer bleibt geöffnet.</p><p>{PARAGRAPH * 2}</p></article></body></html>").encode()
    return head + flaw + tail


def extract_file(tmp_path: Path, content: bytes) -> tuple[Result, dict]:
    page = tmp_path / "page.html"
    page.write_bytes(content)
    result = CliRunner().invoke(cli, ["extract", str(page), "--json", "--url",
                                      "https://lokal.example/2024/05/24/lindenbruecke/"])
    return result, (json.loads(result.stdout) if result.stdout.strip() else {})


@pytest.mark.parametrize("meta", ['<meta charset="utf-8">', ""],
                         ids=["declared-in-meta", "undeclared"])
def test_one_invalid_byte_does_not_garble_a_utf8_page(tmp_path: Path, meta: str) -> None:
    result, record = extract_file(tmp_path, german_page(meta))
    assert result.exit_code == 0, result.stderr
    assert record["headline"] == BRIDGE
    assert "Lindenbrücke" in record["body"] and "Ã" not in record["body"]
    assert "Caf\ufffd am Ufer" in record["body"]  # the bad byte, and only it, is replaced


def test_a_real_latin1_page_is_still_read_as_latin1(tmp_path: Path) -> None:
    page = german_page("").decode("utf-8", "replace").replace("\ufffd", "é")
    result, record = extract_file(tmp_path, page.encode("latin-1"))
    assert result.exit_code == 0, result.stderr
    assert record["headline"] == BRIDGE and "Café am Ufer" in record["body"]


def test_a_nul_byte_in_a_text_page_is_not_binary_content(tmp_path: Path) -> None:
    result, record = extract_file(tmp_path, german_page(flaw=b"\x00"))
    assert result.exit_code == 0, result.stderr
    assert record["headline"] == BRIDGE and "Caf am Ufer" in record["body"]


def test_binary_content_is_still_refused(tmp_path: Path) -> None:
    result, _ = extract_file(tmp_path, os.urandom(8192).replace(b"<", b"") + b"\0" * 256)
    assert result.exit_code == 1
    assert "binary content" in result.stderr


def test_utf7_is_decoded_when_declared_and_never_guessed(tmp_path: Path) -> None:
    text = "Die Lindenbr+APw-cke ist gesperrt, sagte die Stadt am Montag. " * 6
    page = (f"<html><head><meta charset='utf-7'><title>Die Lindenbr+APw-cke</title></head><body>"
            f"<article><h1>Die Lindenbr+APw-cke</h1><p>{text}</p></article></body></html>")
    result, record = extract_file(tmp_path, page.encode("ascii"))
    assert result.exit_code == 0, result.stderr
    assert record["headline"] == "Die Lindenbrücke" and "Lindenbrücke ist" in record["body"]
    undeclared = page.replace("<meta charset='utf-7'>", "")
    _, plain = extract_file(tmp_path, undeclared.encode("ascii"))
    assert plain["headline"] == "Die Lindenbr+APw-cke"  # "+...-" in plain text stays as written


@pytest.mark.integration
def test_a_crawled_page_with_a_bad_byte_is_stored_readable_and_found(tmp_path: Path) -> None:
    paths = ["/2024/05/24/lindenbruecke/", "/2024/05/25/nul-byte/"]
    with LoopbackSites(1) as site:
        site.route(0, paths[0], Reply(body=german_page("")))  # charset=utf-8 in the header
        site.route(0, paths[1], Reply(body=german_page("", flaw=b"\x00")))
        site.route(0, "/feed.xml", rss([(site.url(0, path), None) for path in paths]))
        crawl = CliRunner().invoke(cli, [
            "crawl", site.url(0, "/feed.xml"), "--allow-private", "--delay", "0",
            "--contact-url", "https://uni.example/crawler", "--db", str(tmp_path / "a.db"),
            "--archive-dir", str(tmp_path / "archive")])
    assert crawl.exit_code == 0, crawl.output + crawl.stderr
    found = CliRunner().invoke(cli, ["search", "Lindenbrücke", "--json", "--db", str(tmp_path / "a.db")])
    assert len(json.loads(found.stdout)) == 2
    with sqlite3.connect(tmp_path / "a.db") as db:
        headlines = [row[0] for row in db.execute("SELECT headline FROM articles")]
    assert headlines == [BRIDGE, BRIDGE]
