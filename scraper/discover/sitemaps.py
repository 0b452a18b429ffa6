"""Read sitemaps (urlset, sitemapindex, Google News, text, gzip) and robots.txt Sitemap lines.

XML is parsed by lxml with entity resolution, DTD loading, network access and huge trees off.
A sitemap never needs a DTD, so a document that declares entities is refused outright: that
is how "billion laughs" and external-entity documents look. The parse is incremental: each
entry is read and then freed, and reading stops after `max_urls` entries (the protocol's own
limit, 50,000, by default) with the cut said in `cut`, so memory stays flat whatever the file
holds. A sitemap that is not well-formed XML (a bare "&" in a url is common) is read again
with a tolerant scan of its tags (sitemap_scan), which is linear in the document's size.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from lxml import etree

from ..urls import normalize_url
from .hints import iso_date_hint
from .model import Candidate
from .sitemap_scan import ScannedEntry, field_text, scan_entries
from .sniff import (
    MAX_DOCUMENT_BYTES,
    declares_entities,
    gunzip_bounded,
    is_text_sitemap,
    root_element,
    to_utf8_head,
)

MAX_SITEMAP_URLS = 50_000  # the sitemap protocol's limit per file
FEED_CHUNK = 64 * 1024
SAFE_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False,
                "huge_tree": False, "dtd_validation": False, "remove_comments": True}


@dataclass
class SitemapResult:
    """What one sitemap document lists: pages, more sitemaps, and any reading problem."""

    pages: list[Candidate]
    sitemaps: list[str]
    problem: str | None = None
    cut: str | None = None  # why reading stopped before the end of the document
    sitemap_dates: dict[str, str] = field(default_factory=dict)  # lastmod of listed sitemaps

    @property
    def size(self) -> int:
        """Entries read so far."""
        return len(self.pages) + len(self.sitemaps)


def parse_sitemap(body: bytes, max_urls: int = MAX_SITEMAP_URLS) -> SitemapResult:
    """Read a sitemap or sitemap index, gzip-compressed or not; never raises."""
    data, gzip_problem = gunzip_bounded(body)
    truncated = gzip_problem is not None and len(data) >= MAX_DOCUMENT_BYTES
    cut, problem = (gzip_problem, None) if truncated else (None, gzip_problem)
    if not data.strip():
        return SitemapResult([], [], problem or "empty sitemap", cut)
    if declares_entities(data):
        return SitemapResult([], [], "sitemap declares XML entities; refused (entity expansion)")
    head = to_utf8_head(data)
    if root_element(head) is None:
        if is_text_sitemap(head):
            result = _text_sitemap(data, max_urls)
        else:
            result = SitemapResult([], [], "not a sitemap")
    else:
        result = _read_xml(data, max_urls, truncated)
    result.problem = problem or result.problem
    result.cut = result.cut or cut  # the URL cap, when both, is what stopped the reading
    return result


def _read_xml(data: bytes, max_urls: int, truncated: bool) -> SitemapResult:
    """Parse incrementally; fall back to the tolerant scan when the XML is malformed (but
    keep what was read when the document is only cut short by the size cap)."""
    result = SitemapResult([], [])
    parser = etree.XMLPullParser(events=("end",), **SAFE_OPTIONS)
    try:
        for start in range(0, len(data), FEED_CHUNK):
            parser.feed(data[start:start + FEED_CHUNK])
            if _take_events(parser, result, max_urls):
                result.cut = _cut_reason(max_urls)
                return result
        parser.close()
        _take_events(parser, result, max_urls)
    except (etree.XMLSyntaxError, ValueError) as error:
        if truncated and result.size:
            return result
        scanned = _scan_sitemap(data, max_urls)
        scanned.problem = f"malformed sitemap XML ({error}); read its <loc> elements"
        return scanned
    return result


def _take_events(parser: etree.XMLPullParser, result: SitemapResult, max_urls: int) -> bool:
    """Read the entries the parser has finished; True once max_urls are read."""
    for _, element in parser.read_events():
        parent = element.getparent()
        if parent is None or parent.getparent() is not None:
            continue  # the root, or a field inside an entry: read with its entry
        kind = _local(element)
        if kind in ("url", "sitemap"):
            _add_entry(result, kind, _child_text(element, "loc"),
                       _child_text(element, "lastmod"),
                       _news_fields(element) if kind == "url" else {})
        element.clear()
        while element.getprevious() is not None:
            del parent[0]  # entries already read: the tree stays one entry big
        if result.size >= max_urls:
            return True
    return False


def _add_entry(result: SitemapResult, kind: str, loc: str | None, lastmod: str | None,
               news: dict[str, str | None]) -> None:
    if not loc:
        return
    if kind == "sitemap":
        result.sitemaps.append(loc)
        date = iso_date_hint(lastmod)
        if date:
            result.sitemap_dates[loc] = date
    else:
        result.pages.append(Candidate(
            url=loc, title=news.get("title"),
            published_hint=iso_date_hint(news.get("date")) or iso_date_hint(lastmod)))


def _safe_parser() -> etree.XMLParser:
    """A whole-document parser with the same guards as the incremental one."""
    return etree.XMLParser(**SAFE_OPTIONS)


def _cut_reason(max_urls: int) -> str:
    return f"sitemap lists over {max_urls:,} urls; read the first {max_urls:,}"


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child) == name:
            text = "".join(child.itertext()).strip()
            return text or None
    return None


def _news_fields(entry: etree._Element) -> dict[str, str | None]:
    for child in entry:
        if _local(child) == "news":
            return {"title": _child_text(child, "title"),
                    "date": _child_text(child, "publication_date")}
    return {}


def _scan_sitemap(data: bytes, max_urls: int) -> SitemapResult:
    """Tolerant reading of a sitemap that is not well-formed XML (see sitemap_scan)."""
    result = SitemapResult([], [])
    scan = scan_entries(data.decode("utf-8", "replace"), max_urls + 1)
    for entry in scan.entries[:max_urls]:
        _add_scanned(result, entry)
    if len(scan.entries) > max_urls:
        result.cut = _cut_reason(max_urls)
    elif scan.gave_up:
        result.cut = f"malformed sitemap: {scan.gave_up}"
    return result


def _add_scanned(result: SitemapResult, entry: ScannedEntry) -> None:
    fields = {name: field_text(raw) for name, raw in entry.fields.items()}
    _add_entry(result, entry.kind, fields.get("loc"), fields.get("lastmod"),
               {"title": fields.get("title"), "date": fields.get("publication_date")})


def _text_sitemap(data: bytes, max_urls: int) -> SitemapResult:
    result = SitemapResult([], [])
    for raw in io.BytesIO(data):
        line = raw.decode("utf-8", "replace").strip()
        if not line.startswith(("http://", "https://")):
            continue
        if len(result.pages) >= max_urls:
            result.cut = _cut_reason(max_urls)
            break
        result.pages.append(Candidate(url=line))
    return result


def sitemaps_from_robots(robots_txt: str, base_url: str) -> list[str]:
    """Return the Sitemap urls a robots.txt lists, absolutized, normalized, deduplicated."""
    found: dict[str, None] = {}
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() != "sitemap":
            continue
        value = value.strip().split(" #", 1)[0].split("\t#", 1)[0].strip()
        url = normalize_url(value, base_url)
        if url:
            found[url] = None
    return list(found)
