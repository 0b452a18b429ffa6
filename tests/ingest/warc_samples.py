"""WARC files written with warcio for the ingest tests, as other archivers write them.

`archive_set(folder)` writes three files over several sites, from the fixture pages:
- `a.warc.gz`, a gzip member per record (Heritrix, wget, CC-NEWS): warcinfo, each page's request
  and response and a metadata record, a 404 page, a JPEG, a page of links with no article,
  a revisit of an earlier page;
- `b.warc`, uncompressed: more pages, one sent with chunked transfer encoding and gzip content
  encoding, a JSON response, a later copy of a page of a.warc.gz whose text changed, and a last
  record cut off in the middle;
- `c.warc.gz`, a whole file gzipped as one stream.
"""

from __future__ import annotations

import gzip
import io
import tomllib
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import extract
from tests.conftest import FIXTURES

DATE = "2024-05-{day:02d}T{hour:02d}:00:00Z"
LINKS_ONLY = "https://www.tidewater-post.example/news/"  # an HTML page with no article


@dataclass(frozen=True)
class Sample:
    """A fixture page and the URL it is archived under."""

    url: str
    html: bytes


def fixture_samples() -> list[Sample]:
    """Every fixture page that names its URL, in name order."""
    samples = []
    for page in sorted((FIXTURES / "pages").glob("*.html")):
        expected = page.with_suffix(".expected.toml")
        url = tomllib.loads(expected.read_text(encoding="utf-8")).get("url") \
            if expected.exists() else None
        if url:
            samples.append(Sample(url, page.read_bytes()))
    return samples


class WarcFile:
    """Writes records to one WARC file (gzip per record, or not)."""

    def __init__(self, path: Path, gzip_records: bool) -> None:
        self.path = path
        self.stream = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.writer = WARCWriter(self.stream, gzip=gzip_records)
        self.writer.write_record(self.writer.create_warcinfo_record(path.name, {"software": "test"}))
        self.count = 0

    def _date(self) -> str:
        self.count += 1
        return DATE.format(day=1 + self.count % 28, hour=self.count % 24)

    def response(self, url: str, body: bytes, *, status: str = "200 OK",
                 content_type: str | None = "text/html; charset=utf-8",
                 headers: tuple[tuple[str, str], ...] = (), date: str | None = None) -> None:
        """Write a request, its response and a metadata record."""
        fields = [("Content-Type", content_type)] if content_type else []
        http = StatusAndHeaders(status, [*fields, *headers], protocol="HTTP/1.1")
        warc_headers = {"WARC-Date": date or self._date()}
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
        self.writer.write_record(self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0, http_headers=request))
        self.writer.write_record(self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict=warc_headers))
        self.writer.write_record(self.writer.create_warc_record(
            url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\r\n"), length=17,
            warc_content_type="application/warc-fields"))

    def revisit(self, url: str) -> None:
        """Write a revisit record (identical payload digest) of a URL."""
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = self.writer.create_revisit_record(
            url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=url,
            refers_to_date="2024-05-01T00:00:00Z", http_headers=http)
        self.writer.write_record(record)

    def close(self) -> None:
        """Close the file."""
        self.stream.close()


def changed(sample: Sample) -> Sample:
    """The same page later, its first paragraph starting with an update note."""
    opening = extract(sample.html, sample.url).body[:24].encode()
    assert opening and opening in sample.html, "the body's opening words must be in the page"
    html = sample.html.replace(opening, b"Update, Friday: " + opening, 1)
    return Sample(sample.url, html)


def chunked_gzip(body: bytes) -> bytes:
    """Return body gzip-encoded and framed in HTTP/1.1 chunks, as a server sends it."""
    compressor = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    encoded = compressor.compress(body) + compressor.flush()
    pieces = [encoded[i:i + 700] for i in range(0, len(encoded), 700)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def archive_set(folder: Path, samples: list[Sample] | None = None) -> list[Path]:
    """Write a.warc.gz, b.warc and c.warc.gz (see the module docstring); return their paths."""
    samples = samples or fixture_samples()
    first, second, third = samples[:10], samples[10:18], samples[18:24]
    a = WarcFile(folder / "a.warc.gz", gzip_records=True)
    for sample in first:
        a.response(sample.url, sample.html)
    a.response("https://www.tidewater-post.example/missing/", b"<html><body><h1>Not found"
               b"</h1><p>Nothing here.</p></body></html>", status="404 Not Found")
    a.response("https://www.tidewater-post.example/photo.jpg", b"\xff\xd8\xff\xe0JFIF",
               content_type="image/jpeg")
    a.response(LINKS_ONLY, b"<html><body><nav><a href='/'>Home</a> <a href='/news/'>News</a>"
               b"</nav></body></html>")
    a.revisit(first[0].url)
    a.close()
    b = WarcFile(folder / "b.warc", gzip_records=False)
    for sample in second[:-1]:
        b.response(sample.url, sample.html)
    b.response(second[-1].url, chunked_gzip(second[-1].html),
               headers=(("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")))
    b.response("https://api.example.org/items.json", b'{"items": []}',
               content_type="application/json")
    b.response(first[1].url, changed(first[1]).html, date="2024-05-29T10:00:00Z")
    b.response("https://www.cut-off.example/news/2024/05/30/story/", samples[-1].html)
    b.close()
    cut = (folder / "b.warc").read_bytes()
    (folder / "b.warc").write_bytes(cut[:-len(samples[-1].html) // 2])
    plain = folder / "c.warc"
    c = WarcFile(plain, gzip_records=False)
    for sample in third:
        c.response(sample.url, sample.html)
    c.close()
    (folder / "c.warc.gz").write_bytes(gzip.compress(plain.read_bytes()))
    plain.unlink()
    return [folder / "a.warc.gz", folder / "b.warc", folder / "c.warc.gz"]


def replicated(samples: list[Sample], copies: int) -> list[Sample]:
    """Return `copies` copies of the samples, each copy on hosts of its own (c1.host, ...)."""
    result = []
    for copy in range(copies):
        for sample in samples:
            host = urlsplit(sample.url).hostname or ""
            if copy == 0:
                result.append(sample)
                continue
            other = f"c{copy}.{host}"
            result.append(Sample(sample.url.replace(host, other, 1),
                                 sample.html.replace(host.encode(), other.encode())))
    return result


def larger_set(folder: Path, copies: int = 3) -> list[Path]:
    """Write `copies` copies of every fixture page into two files (gzip per record, plain)."""
    samples = replicated(fixture_samples(), copies)
    half = len(samples) // 2
    paths = [folder / "large-1.warc.gz", folder / "large-2.warc"]
    for path, part in zip(paths, (samples[:half], samples[half:])):
        warc = WarcFile(path, gzip_records=path.suffix == ".gz")
        for sample in part:
            warc.response(sample.url, sample.html)
        warc.close()
    return paths
