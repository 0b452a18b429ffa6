"""Which media types each kind of fetch accepts, refuses, or sniffs."""

from __future__ import annotations

import gzip

import pytest

from scraper.errors import ContentTypeError, FetchError
from scraper.fetch.limits import (
    check_expect,
    looks_like,
    media_type,
    needs_sniffing,
    refuse_declared,
    refuse_sniffed,
)

URL = "http://example.com/x"


@pytest.mark.parametrize("header, expected", [
    ("text/html; charset=UTF-8", "text/html"),
    ("  Application/XHTML+XML ", "application/xhtml+xml"),
    (None, ""), ("", ""),
])
def test_media_type_drops_parameters(header: str | None, expected: str) -> None:
    assert media_type(header) == expected


@pytest.mark.parametrize("expect, declared", [
    ("html", "text/html"), ("html", "application/xhtml+xml"),
    ("feed", "application/rss+xml"), ("feed", "application/atom+xml"), ("feed", "text/xml"),
    ("sitemap", "application/xml"), ("sitemap", "text/plain"), ("sitemap", "application/x-gzip"),
    ("any", "image/png"), ("any", "application/pdf"),
])
def test_accepted_types(expect: str, declared: str) -> None:
    assert refuse_declared(expect, declared, URL) is None
    assert not needs_sniffing(expect, declared)


@pytest.mark.parametrize("expect, declared, reason", [
    ("html", "image/png", "not HTML (image/png)"),
    ("html", "application/pdf", "not HTML (application/pdf)"),
    ("html", "text/plain", "not HTML (text/plain)"),
    ("html", "application/rss+xml", "not HTML (application/rss+xml)"),
    ("feed", "image/jpeg", "not a feed (image/jpeg)"),
    ("sitemap", "application/pdf", "not a sitemap (application/pdf)"),
])
def test_refused_types_name_what_they_were(expect: str, declared: str, reason: str) -> None:
    error = refuse_declared(expect, declared, URL)
    assert isinstance(error, ContentTypeError)
    assert (error.reason, error.url) == (reason, URL)


@pytest.mark.parametrize("expect, declared", [
    ("html", ""), ("html", "application/octet-stream"),
    ("feed", "text/html"), ("feed", "text/plain"), ("sitemap", "text/html"),
])
def test_uninformative_types_are_sniffed(expect: str, declared: str) -> None:
    assert needs_sniffing(expect, declared)
    assert refuse_declared(expect, declared, URL) is None


@pytest.mark.parametrize("body", [
    b"<!DOCTYPE html><html><body>x</body></html>",
    b"\xef\xbb\xbf\n  <!doctype HTML>\n<html>",
    b"<!-- generated --><html lang=en>",
    b"<html>",
    b"\n\n<head><title>t</title></head>",
])
def test_html_is_recognised(body: bytes) -> None:
    assert looks_like("html", body)


@pytest.mark.parametrize("body", [
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", b"%PDF-1.7", b'{"a": 1}', b"plain words <b>bold</b>",
    b'<?xml version="1.0"?><rss version="2.0">', b"",
])
def test_non_html_is_not(body: bytes) -> None:
    assert not looks_like("html", body)


def test_feeds_and_sitemaps_are_recognised() -> None:
    assert looks_like("feed", b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">')
    assert looks_like("feed", b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert looks_like("feed", b'{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    assert not looks_like("feed", b"<!doctype html><html>")
    assert looks_like("sitemap", b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    assert looks_like("sitemap", gzip.compress(b"<urlset/>"))
    assert not looks_like("sitemap", b"<html>")


def test_a_sniffed_refusal_says_there_was_no_type() -> None:
    error = refuse_sniffed("html", "", b"\x89PNG", URL)
    assert error is not None
    assert error.reason == "not HTML (no content type, content does not look like it)"
    assert refuse_sniffed("html", "", b"<html>", URL) is None


def test_an_unknown_expectation_is_an_error() -> None:
    check_expect("sitemap")
    with pytest.raises(FetchError) as caught:
        check_expect("pdf")
    assert "unknown expectation 'pdf'" in caught.value.reason
