"""Document classification by bytes, date hints, and discovery on arbitrary input."""

from __future__ import annotations

import codecs
import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.discover import classify, discover
from scraper.discover.hints import iso_date_hint
from scraper.models import Page

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
ATOM = b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'
RDF = b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'
URLSET = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
INDEX = b"<!-- generated --><sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>"
HTML = b"<!DOCTYPE html><html><head><title>t</title></head><body></body></html>"


@pytest.mark.parametrize(("content_type", "body", "url", "kind"), [
    ("text/html", RSS, "https://a.example/feed", "feed"),
    ("application/xml", ATOM, "https://a.example/atom", "feed"),
    ("text/xml", RDF, "https://a.example/index.rdf", "feed"),
    ("text/xml", URLSET, "https://a.example/sitemap.xml", "sitemap"),
    ("text/html", INDEX, "https://a.example/sitemap_index.xml", "sitemap"),
    ("application/x-gzip", gzip.compress(URLSET), "https://a.example/s.xml.gz", "sitemap"),
    ("application/octet-stream", gzip.compress(RSS), "https://a.example/f", "feed"),
    ("text/html; charset=utf-8", HTML, "https://a.example/", "html"),
    ("", b"\n\n  <html lang=en><p>hi", "https://a.example/", "html"),
    ("application/xhtml+xml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>',
     "https://a.example/", "html"),
    ("text/html", b"<!-- <urlset> in a comment --><div>page</div>", "https://a.example/", "html"),
    ("text/xml", codecs.BOM_UTF8 + RSS, "https://a.example/feed", "feed"),
    ("text/xml", codecs.BOM_UTF16_LE + RSS.decode().encode("utf-16-le"), "https://a.example/f",
     "feed"),
    ("text/plain", b"https://a.example/1\nhttps://a.example/2\n", "https://a.example/s.txt",
     "sitemap"),
    ("application/json", b'{"version": "https://jsonfeed.org/version/1.1", "items": []}',
     "https://a.example/feed.json", "feed"),
    ("application/json", b'{"status": "ok"}', "https://a.example/api", "unknown"),
    ("text/plain", b"just some words\nhttps://a.example/1", "https://a.example/x.txt", "unknown"),
    ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "https://a.example/x.png", "unknown"),
    ("", b"", "https://a.example/", "unknown"),
])
def test_classify(content_type: str, body: bytes, url: str, kind: str) -> None:
    assert classify(content_type, body, url) == kind


@pytest.mark.parametrize(("value", "hint"), [
    ("2024-05-03", "2024-05-03"),
    ("2024-05-03T14:20:00+02:00", "2024-05-03T14:20:00+02:00"),
    ("2024-05-03T14:20+02:00", "2024-05-03T14:20:00+02:00"),
    ("2024-05-03T12:20:00.123Z", "2024-05-03T12:20:00+00:00"),
    ("2024-05-03T14:20:00+0200", "2024-05-03T14:20:00+02:00"),
    ("2024-05-03T14:20:00", "2024-05-03"),  # no zone: the day is all that is sure
    ("Fri, 03 May 2024 14:20:00 +0200", "2024-05-03T14:20:00+02:00"),
    ("Fri, 03 May 2024 14:20:00 GMT", "2024-05-03T14:20:00+00:00"),
    ("not a date", None), ("", None), (None, None), ("0001-01-01", None), ("2024-13-45", None),
])
def test_iso_date_hint(value: str | None, hint: str | None) -> None:
    assert iso_date_hint(value) == hint


DOCUMENT_STARTS = st.sampled_from([b"", RSS[:40], ATOM[:50], URLSET[:60], HTML[:30], b"{",
                                   b"\x1f\x8b", b"<?xml version='1.0'?><!DOCTYPE x [", b"http://"])


@settings(max_examples=150, deadline=None)
@given(start=DOCUMENT_STARTS, rest=st.binary(max_size=300),
       content_type=st.sampled_from(["", "text/html", "text/xml", "application/json",
                                     "text/plain", "application/rss+xml"]))
def test_discover_never_raises(start: bytes, rest: bytes, content_type: str) -> None:
    page = Page(url="https://a.example/x", final_url="https://a.example/x", status=200,
                headers={"content-type": content_type}, content=start + rest)
    found = discover(page)
    assert found.kind in ("feed", "sitemap", "html", "unknown")
    assert all(candidate.url.startswith("https://a.example/") for candidate in found.articles)
    if found.kind == "unknown":
        assert found.problem and not found.articles
