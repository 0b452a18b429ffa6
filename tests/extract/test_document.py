"""Document.absolutize: absolute urls kept as urljoin would keep them, relative ones resolved; Document.h1s."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from scraper.extract.document import parse_document, plain_absolute

PAGE = "https://www.example.org/news/2024/story.html"


@pytest.mark.parametrize("href", [
    "https://cdn.example.net/img/a.jpg",
    "http://example.org/a;b/c?x=1#top",
    "https://cdn.example.net/a.jpg#",       # an empty fragment: urljoin drops the '#'
    "https://cdn.example.net/a.jpg?",       # an empty query
    "https://cdn.example.net/a.jpg?#x",
    "https://cdn.example.net/a;?x=1",       # empty parameters
    "https://cdn.example.net/a\tb.jpg",     # a tab inside: urlsplit removes it
    "https:///a.jpg",                       # no host: joined with the page's
    "HTTPS://cdn.example.net/A.jpg",
    "https://cdn.example.net/caf\u00e9.jpg",
    "http://[::1]/a.jpg",
])
def test_absolute_urls_read_as_urljoin_reads_them(href: str) -> None:
    document = parse_document("<html><body><p>x</p></body></html>", PAGE)
    assert document.absolutize(href) == urljoin(PAGE, href)


@pytest.mark.parametrize("base", [PAGE, "http://user@Example.org:8080/a/b?q=1#f", "https://[::1]/x",
                                  "example.org/x", "HTTPS://www.example.org/"])
@pytest.mark.parametrize("href", [
    "/img/a.jpg", "/img/a.jpg?w=1#top", "/", "/a//b.jpg", "/a/./b.jpg", "/a/../b.jpg", "/a/..",
    "/.well-known/x", "/a.jpg?", "/a.jpg#", "/a?#x", "/a;b/c;d?x", "/a;?x", "/a;", "/caf\u00e9.jpg",
    "/a\tb.jpg", "/a b.jpg", "//cdn.example.net/a.jpg", "//cdn.example.net", "///a.jpg",
    "//[::1]/a.jpg", "//user:pw@cdn.example.net:81/a.jpg?", "//cdn.example.net/a.jpg#x",
])
def test_root_and_scheme_relative_urls_read_as_urljoin_reads_them(base: str, href: str) -> None:
    document = parse_document("<html><body><p>x</p></body></html>", base)
    expected = urljoin(base, href)
    assert document.absolutize(href) == (expected if urlsplit(expected).scheme in ("http", "https")
                                         else None)


def test_relative_urls_resolve_against_the_page() -> None:
    document = parse_document("<html><body><p>x</p></body></html>", PAGE)
    assert document.absolutize("../img/a.jpg") == "https://www.example.org/news/img/a.jpg"
    assert document.absolutize("//cdn.example.net/a.jpg") == "https://cdn.example.net/a.jpg"


def test_a_base_urljoin_cannot_parse_resolves_nothing() -> None:
    document = parse_document("<html><body><p>x</p></body></html>", "http://[example.org/a")
    assert document.absolutize("https://cdn.example.net/a.jpg") is None


@pytest.mark.parametrize("href", ["https://cdn.example.net/a.jpg#", "https://cdn.example.net/a?",
                                  "https://a.net/x?#y", "https://a.net/x;", "https:///a.jpg",
                                  "https://a.net/\u00e9", "https://a.net/a\nb", "http://[::1]/"])
def test_urls_urljoin_would_rewrite_are_not_plain(href: str) -> None:
    assert not plain_absolute(href)


def test_the_h1s_are_every_h1_in_page_order_found_once() -> None:
    document = parse_document("<html><body><header><h1 id='site'>Site</h1></header>"
                              "<article><h2>Kicker</h2><h1 id='title'>Title</h1></article></body></html>")
    assert [node.attributes.get("id") for node in document.h1s] == ["site", "title"]
    assert document.h1s is document.h1s
