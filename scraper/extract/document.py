"""Parse a page once: the selectolax tree, its JSON-LD objects, its meta tags, its base url."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .container import PageArticle
from .decode import decode_page
from .mojibake import repair_double_utf8
from .nesting import cut_nesting, tag_names

_NOT_ALNUM = re.compile(r"[\W_]+")
# Characters readers never see and that split words for search: the soft hyphen, zero-width
# space, (non-)joiners, word joiner and byte-order mark; raw or as character references.
_INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_REFERENCES = re.compile(
    r"&(?:shy;|ZeroWidthSpace;|zwn?j;|NoBreak;"
    r"|#(?:0*(?:173|820[345]|8288|65279)|[xX]0*(?:[aA][dD]|200[bBcCdD]|2060|[fF][eE][fF][fF]));)")
# Ruby annotations: the reading printed above Japanese or Chinese text, and its fallback brackets.
_RUBY_MARKUP = re.compile(r"<r[tp][\s>/]", re.IGNORECASE)
_RUBY_OPENING = re.compile(rb"<[rR][tTpP]")  # what the markup needs in its UTF-8 bytes first
_RUBY_NAMES = (b"rt", b"rp")  # the same, in the lowercase names read after each "<"


def clean_text(text: str | None) -> str:
    """Collapse runs of whitespace (non-breaking spaces included) into single spaces."""
    if not text:
        return ""
    # str.split() splits where the pattern \s+ matches (str.isspace), several times faster
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def node_text(node: LexborNode | None) -> str:
    """Return a node's visible text with whitespace collapsed."""
    if node is None:
        return ""
    return clean_text(node.text(deep=True, separator=" "))


def squash(text: str | None) -> str:
    """Return lowercase letters and digits only: the key two spellings of one name share."""
    return _NOT_ALNUM.sub("", text.casefold()) if text else ""


def unescape(text: str | None) -> str:
    """Decode leftover HTML entities and collapse whitespace."""
    if not text:
        return ""
    return clean_text(html.unescape(text) if "&" in text else text)


@dataclass
class Document:
    """One parsed page. Field extractors read it; only the body cleaner mutates `tree`."""

    html: str
    url: str | None
    tree: LexborHTMLParser
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    base_url: str | None = None
    nesting_cut: int = 0  # start tags dropped past the nesting cap before parsing
    _resolved: dict[tuple[str | None, str], str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False)  # absolutize, remembered

    @cached_property
    def page_article(self) -> PageArticle:
        """The page's own article containers and its <h1>s, found in one query for the fields
        that read them (the headline, the date scope); read before the body cleaner changes
        the tree (the cleaner finds its own afterwards)."""
        return PageArticle(self.tree.body)

    @cached_property
    def h1s(self) -> list[LexborNode]:
        """The page's <h1> elements in page order, found once for every field that looks for
        the headline (each query walks the page); read before the body cleaner changes the tree.
        The parser puts every <h1> in the body, so the article query's list is theirs (a
        frameset page has no body: queried then)."""
        return self.page_article.h1s if self.tree.body is not None else self.tree.css("h1")

    def meta_first(self, *names: str) -> str | None:
        """Return the first non-empty content among the named meta tags (lowercase names)."""
        for name in names:
            for value in self.meta.get(name, ()):
                value = clean_text(value)
                if value:
                    return value
        return None

    def absolutize(self, href: str | None) -> str | None:
        """Resolve href against the page's base url; None for empty, javascript: or mailto:."""
        if not href:
            return None
        if not isinstance(href, str):
            return self._resolve(href)  # fails as before, uncached
        key = (self.base_url, href)  # readers of images and links ask for the same urls again
        if key not in self._resolved:
            self._resolved[key] = self._resolve(href)
        return self._resolved[key]

    def _resolve(self, href: str) -> str | None:
        href = href.strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
            return None
        if plain_absolute(href) and (not self.base_url or _parses(self.base_url)):
            return href  # what urljoin would return for it, without parsing it twice
        if self.base_url:
            joined = _joined_plainly(self.base_url, href) if _parses(self.base_url) else None
            if joined is not None:
                return joined
            try:
                href = urljoin(self.base_url, href)
            except ValueError:
                return None
        return href if urlsplit(href).scheme in ("http", "https") or not self.base_url else None

    def jsonld_of_type(self, *types: str) -> Iterator[dict[str, Any]]:
        """Yield the JSON-LD objects whose @type is one of the given types."""
        wanted = set(types)
        for obj in self.jsonld:
            kind = obj.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & wanted:
                yield obj


# What urlsplit drops or checks in a url ('[' opens an IPv6 host), and delimiters urlunsplit
# drops when what they open is empty ('a.jpg?#x', 'a;?x').
_NOT_PLAIN = ("\t", "\n", "\r", "[", "]", "?#", ";?", ";#")


def plain_absolute(href: str) -> bool:
    """An http(s) url with a host that urljoin returns unchanged whatever the base: ASCII,
    nothing urlsplit removes or checks, no empty query, fragment or parameters to drop."""
    if not href.startswith(("https://", "http://")) or not href.isascii():
        return False
    host_at = 8 if href[4] == "s" else 7
    if len(href) <= host_at or href[host_at] in "/?#" or href.endswith(("?", "#", ";")):
        return False
    for part in _NOT_PLAIN:
        if part in href:
            return False
    return True


def _joined_plainly(base: str, href: str) -> str | None:
    """urljoin(base, href) without parsing both, for an href that takes only the base's
    scheme ('//cdn.example/a.jpg') or scheme and host ('/a.jpg', no dot segment to resolve)
    when the url made is plain (`plain_absolute`: urljoin keeps it as it is); else None.
    `base` must parse."""
    if not href.startswith("/"):
        return None
    scheme, netloc = _scheme_and_host(base)
    if href.startswith("//"):
        joined = f"{scheme}:{href}"
    elif "/." in href.split("?", 1)[0].split("#", 1)[0]:
        return None  # '/a/../b.jpg': urljoin removes dot segments
    else:
        joined = f"{scheme}://{netloc}{href}"
    return joined if plain_absolute(joined) else None


@lru_cache(maxsize=64)
def _scheme_and_host(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


@lru_cache(maxsize=64)
def _parses(url: str) -> bool:
    """True when urlsplit (and so urljoin with it as the base) accepts the url."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


ARTICLE_TYPES = (
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
    "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "SocialMediaPosting",
    "WebPage", "ReportageNewsArticle", "AdvertiserContentArticle", "MedicalScholarlyArticle",
)


def parse_document(html: str | bytes, url: str | None = None,
                   content_type: str | None = None) -> Document:
    """Decode and parse a page; never raises on malformed markup.

    UTF-8 encoded twice is repaired, and invisible characters (soft hyphens, zero-width
    characters) and ruby readings are removed here, once, so that no field (headline, body,
    captions, quotes, JSON-LD) carries them.
    """
    if isinstance(html, bytes):
        text, same = decode_page(html, content_type)
        markup = _Markup(text, html if same else None)
    else:
        markup = _Markup(html)
    if b"\x00" in markup.utf8:
        markup.update(markup.text.replace("\x00", ""))
    markup.update(repair_double_utf8(markup.text))
    markup.update(_drop_invisible(markup.text))
    names = tag_names(markup.utf8)
    text, cut = cut_nesting(markup.text, names=names)
    markup.update(text)
    tree = LexborHTMLParser(markup.parser_input)
    if _may_hold_ruby(names, markup.utf8, cut) and _RUBY_MARKUP.search(text):
        _drop_ruby_readings(tree)
    document = Document(html=text, url=url, tree=tree, nesting_cut=cut)
    # The <base>, meta tags and JSON-LD scripts in one query (each query walks the whole
    # tree), told apart by tag, each kind in page order.
    found: dict[str, list[LexborNode]] = {"base": [], "meta": [], "script": []}
    for node in tree.css(_PAGE_DATA):
        found.get(node.tag or "", []).append(node)
    document.base_url = _base_url(found["base"][0] if found["base"] else None, url)
    document.meta = _meta_tags(found["meta"])
    document.jsonld = list(_jsonld_objects(found["script"]))
    return document


_PAGE_DATA = "base[href], meta[content], script[type='application/ld+json']"


class _Markup:
    """A page's markup and its UTF-8 bytes, encoded again only when the markup changes: what the
    parser reads (it would encode the text itself), and where NUL characters and ruby tags are
    looked for: faster than in text holding characters past Latin-1 (a search for NUL there
    finds no byte to scan for), and finding the same (no other character's bytes are ASCII)."""

    def __init__(self, text: str, utf8: bytes | None = None) -> None:
        """`utf8`: the text's UTF-8 bytes when already at hand (the page as it came)."""
        self.text = text
        self.utf8, self._encodes = (utf8, True) if utf8 is not None else self._encoded(text)

    def update(self, text: str) -> None:
        """Take the markup as changed (the same object: unchanged)."""
        if text is not self.text:
            self.text = text
            self.utf8, self._encodes = self._encoded(text)

    @property
    def parser_input(self) -> str | bytes:
        """The bytes, unless the text holds lone surrogates (the parser drops them itself)."""
        return self.utf8 if self._encodes else self.text

    @staticmethod
    def _encoded(text: str) -> tuple[bytes, bool]:
        """The text's UTF-8 bytes (a lone surrogate as its three bytes), and whether it had none."""
        try:
            return text.encode(), True
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogatepass"), False


def _drop_invisible(text: str) -> str:
    """Remove invisible characters, raw or as character references, from a page's markup."""
    # References first: what one pass over both would leave ("&sh\u00ady;" keeps "&shy;").
    text = _INVISIBLE_REFERENCES.sub("", text)
    if not text.isascii():  # a flag check: most pages are ASCII markup
        for character in _INVISIBLE_CHARACTERS:
            if character in text:  # a fast search; replace counts slowly even when absent
                text = text.replace(character, "")
    return text


def _may_hold_ruby(names: Counter[bytes], utf8: bytes, cut: int) -> bool:
    """True when a "<" in the markup is followed by "rt" or "rp" in any case: read from the
    names after each "<" counted for the nesting cap (no second search of the page), unless
    the cap changed the markup."""
    if cut:
        return _RUBY_OPENING.search(utf8) is not None
    return any(name[:2].lower() in _RUBY_NAMES for name in names)


def _drop_ruby_readings(tree: LexborHTMLParser) -> None:
    """Remove ruby readings (<rt>, <rp>, <rtc>) and unwrap the annotated base text into its line."""
    for selector in ("rtc", "rt, rp"):  # containers first; a second query never meets their parts
        for reading in tree.css(selector):
            reading.decompose()
    for base in tree.css("ruby, rb"):
        base.unwrap()
    tree.merge_text_nodes()


def _base_url(base: LexborNode | None, url: str | None) -> str | None:
    """The page's base url: its first <base href> resolved against its url, else its url."""
    href = base.attributes.get("href") if base is not None else None
    if href and url:
        try:
            return urljoin(url, href.strip())
        except ValueError:
            return url
    return url or (href.strip() if href and href.strip().startswith("http") else None)


def _meta_tags(nodes: list[LexborNode]) -> dict[str, list[str]]:
    """The contents of the meta tags (`nodes`: those with content), by lowercase name."""
    meta: dict[str, list[str]] = {}
    for node in nodes:
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attrs.get(key)
            if name:
                meta.setdefault(name.strip().lower(), []).append(content)
    return meta


def _jsonld_objects(scripts: list[LexborNode]) -> Iterator[dict[str, Any]]:
    """The typed objects of the JSON-LD scripts."""
    for script in scripts:
        raw = script.text(deep=True) or ""
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw).strip().rstrip(";"))
            except ValueError:
                continue
        yield from _flatten_jsonld(data, depth=0)


def _flatten_jsonld(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item, depth + 1)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten_jsonld(graph, depth + 1)
        if "@type" in data:
            yield data
        main = data.get("mainEntity")
        if isinstance(main, (dict, list)):
            yield from _flatten_jsonld(main, depth + 1)
