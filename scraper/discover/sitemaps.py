"""Read sitemaps (urlset, sitemapindex, Google News, text, gzip) and robots.txt Sitemap lines.

XML is parsed by lxml with entity resolution, DTD loading, network access and huge trees off.
A sitemap never needs a DTD, so a document that declares entities is refused outright: that
is how "billion laughs" and external-entity documents look. A sitemap that is not well-formed
XML (a bare "&" in a url is common) is read again with a tolerant scan of its <loc> elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..urls import normalize_url
from .hints import iso_date_hint
from .model import Candidate
from .sniff import declares_entities, gunzip_bounded, is_text_sitemap, root_element, to_utf8_head

_URL_BLOCK = re.compile(rb"<(?:\w+:)?(url|sitemap)\b[^>]*>(.*?)(?:</(?:\w+:)?\1\s*>|$)",
                        re.DOTALL | re.IGNORECASE)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_XML_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);")
XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass
class SitemapResult:
    """What one sitemap document lists: pages, more sitemaps, and any reading problem."""

    pages: list[Candidate]
    sitemaps: list[str]
    problem: str | None = None


def parse_sitemap(body: bytes) -> SitemapResult:
    """Read a sitemap or sitemap index, gzip-compressed or not; never raises."""
    data, problem = gunzip_bounded(body)
    if not data.strip():
        return SitemapResult([], [], problem or "empty sitemap")
    if declares_entities(data):
        return SitemapResult([], [], "sitemap declares XML entities; refused (entity expansion)")
    head = to_utf8_head(data)
    if root_element(head) is None:
        if is_text_sitemap(head):
            return SitemapResult(_text_sitemap(data), [], problem)
        return SitemapResult([], [], problem or "not a sitemap")
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except (etree.XMLSyntaxError, ValueError) as error:
        result = _scan_sitemap(data)
        result.problem = problem or f"malformed sitemap XML ({error}); read its <loc> elements"
        return result
    if root is None:
        return SitemapResult([], [], problem or "empty sitemap")
    result = _read_tree(root)
    result.problem = problem
    return result


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False, remove_comments=True)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child) == name:
            text = "".join(child.itertext()).strip()
            return text or None
    return None


def _read_tree(root: etree._Element) -> SitemapResult:
    pages: list[Candidate] = []
    sitemaps: list[str] = []
    for entry in root:
        kind = _local(entry)
        loc = _child_text(entry, "loc")
        if not loc:
            continue
        if kind == "sitemap":
            sitemaps.append(loc)
        elif kind == "url":
            pages.append(_candidate(loc, _news_fields(entry), _child_text(entry, "lastmod")))
    return SitemapResult(pages, sitemaps)


def _news_fields(entry: etree._Element) -> dict[str, str | None]:
    for child in entry:
        if _local(child) == "news":
            return {"title": _child_text(child, "title"),
                    "date": _child_text(child, "publication_date")}
    return {}


def _candidate(loc: str, news: dict[str, str | None], lastmod: str | None) -> Candidate:
    return Candidate(url=loc, title=news.get("title"),
                     published_hint=iso_date_hint(news.get("date")) or iso_date_hint(lastmod))


def _scan_sitemap(data: bytes) -> SitemapResult:
    """Tolerant reading of a sitemap that is not well-formed XML."""
    pages: list[Candidate] = []
    sitemaps: list[str] = []
    for match in _URL_BLOCK.finditer(data):
        block = match.group(2).decode("utf-8", "replace")
        loc = _scan_field(block, "loc")
        if not loc:
            continue
        if match.group(1).lower() == b"sitemap":
            sitemaps.append(loc)
            continue
        news = {"title": _scan_field(block, "title", prefixed=True),
                "date": _scan_field(block, "publication_date", prefixed=True)}
        pages.append(_candidate(loc, news, _scan_field(block, "lastmod")))
    return SitemapResult(pages, sitemaps)


def _scan_field(block: str, name: str, prefixed: bool = False) -> str | None:
    prefix = r"(?:\w+:)?" if prefixed else ""
    match = re.search(rf"<{prefix}{name}\b[^>]*>(.*?)</{prefix}{name}\s*>", block, re.DOTALL)
    if match is None:
        return None
    text = _CDATA.sub(r"\1", match.group(1))
    return _XML_REFERENCE.sub(_unescape_reference, text).strip() or None


def _unescape_reference(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        try:
            hexadecimal = name[1:2] in ("x", "X")  # "&#x41;": no "0x" prefix for int(..., 0)
            return chr(int(name[2:], 16) if hexadecimal else int(name[1:]))  # noqa: FURB166
        except (ValueError, OverflowError):
            return match.group(0)
    return XML_ENTITIES.get(name, match.group(0))


def _text_sitemap(data: bytes) -> list[Candidate]:
    text = data.decode("utf-8", "replace")
    return [Candidate(url=line.strip()) for line in text.splitlines()
            if line.strip().startswith(("http://", "https://"))]


def sitemaps_from_robots(robots_txt: str, base_url: str) -> list[str]:
    """Return the Sitemap urls a robots.txt lists, absolutized, normalized, deduplicated."""
    found: list[str] = []
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() != "sitemap":
            continue
        value = re.split(r"\s+#", value.strip(), maxsplit=1)[0].strip()
        url = normalize_url(value, base_url)
        if url and url not in found:
            found.append(url)
    return found
