"""Archived pages for `make bench-ingest`: WARC files written from our own pages, no network.

A page is, in turn, a demo-site article (scraper/demo/site: nine CMS templates) under an
origin of its own, a fixture page (tests/fixtures/pages: 64 templates in five languages) with
its host renamed for each copy, or an article from the pipeline benchmark's generator. Every
page has its own canonical URL, so each one is a new article. The files look like CC-NEWS: a
gzip member per record, each page as a request, a response and a metadata record, and among
them a 404, an image and a revisit every 50 pages.
"""

from __future__ import annotations

import io
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.demo import BASE_URL_PLACEHOLDER, SITE_DIR, article_paths

from .pipeline_bench import article_html, page_path

FIXTURE_PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"
HTML = "text/html; charset=utf-8"


def demo_pages() -> list[tuple[str, bytes]]:
    """The demo site's articles: (path, page with the {{BASE_URL}} placeholder)."""
    pages = []
    for path in article_paths():
        file = SITE_DIR / path.strip("/") / "index.html"
        if file.is_file():
            pages.append((path, file.read_bytes()))
    return pages


def fixture_pages() -> list[tuple[str, bytes]]:
    """The fixture pages that name their URL: (url, page)."""
    pages = []
    for file in sorted(FIXTURE_PAGES.glob("*.html")):
        expected = file.with_suffix(".expected.toml")
        if expected.is_file():
            url = tomllib.loads(expected.read_text(encoding="utf-8")).get("url")
            if url:
                pages.append((url, file.read_bytes()))
    return pages


def pages(count: int) -> Iterator[tuple[str, bytes]]:
    """Yield `count` (url, html) pages, each with its own canonical URL."""
    demo, fixtures = demo_pages(), fixture_pages()
    for index in range(count):
        copy = index // 3
        if index % 3 == 0:
            path, html = demo[copy % len(demo)]
            origin = f"https://demo-{copy}.example"
            yield origin + path, html.replace(BASE_URL_PLACEHOLDER.encode(), origin.encode())
        elif index % 3 == 1:
            url, html = fixtures[copy % len(fixtures)]
            host = urlsplit(url).hostname or ""
            renamed = f"c{copy}.{host}"
            yield url.replace(host, renamed, 1), html.replace(host.encode(), renamed.encode())
        else:
            host = copy % 50
            yield f"https://bench-{host}.example{page_path(host, copy)}", article_html(host, copy)


def write_corpus(folder: Path, count: int, files: int) -> list[Path]:
    """Write `count` archived pages into `files` WARC files; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"BENCH-NEWS-{number:05d}.warc.gz" for number in range(files)]
    per_file = -(-count // files)
    generated = pages(count)
    for path in paths:
        with open(path, "wb") as stream:
            writer = WARCWriter(stream, gzip=True)
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench"}))
            for number, (url, html) in zip(range(per_file), generated):
                _exchange(writer, url, html, HTML, "200 OK")
                if number % 50 == 49:
                    _extras(writer, url)
    return paths


def _exchange(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str) -> None:
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", urlsplit(url).hostname or "")],
                               is_http_request=True)
    response = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                  length=0, http_headers=request))
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                  length=len(body), http_headers=response))
    metadata = b"fetchTimeMs: 120\r\n"
    writer.write_record(writer.create_warc_record(
        url, "metadata", payload=io.BytesIO(metadata), length=len(metadata),
        warc_content_type="application/warc-fields"))


def _extras(writer: WARCWriter, url: str) -> None:
    """A 404, an image and a revisit: records an ingest reads past."""
    _exchange(writer, url + "missing/", b"<html><body>Not found</body></html>", HTML,
              "404 Not Found")
    _exchange(writer, url + "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(2000), "image/jpeg", "200 OK")
    http = StatusAndHeaders("200 OK", [("Content-Type", HTML)], protocol="HTTP/1.1")
    writer.write_record(writer.create_revisit_record(
        url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=url,
        refers_to_date="2024-05-01T00:00:00Z", http_headers=http))
