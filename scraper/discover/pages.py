"""Read HTML pages for discovery: article links of section pages, feed links, pagination.

A link counts as an article candidate when the site's article patterns match it, or when it
sits in the page's main area and its url looks like an article (`urls.looks_like_article`).
Links inside navigation, header bars, footers, sidebars and menus are skipped unless a pattern
matches them: those are the same on every page and lead to sections, not stories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..extract.decode import decode_html
from ..extract.nesting import limit_nesting
from ..urls import looks_like_article, normalize_url
from .hints import iso_date_hint
from .model import Candidate

FEED_LINK_TYPES = frozenset({"application/rss+xml", "application/atom+xml",
                             "application/rdf+xml", "application/feed+json",
                             "application/x-rss+xml", "application/x-atom+xml"})
COMMENT_FEED_HINTS = ("/comments/feed", "comments/rss", "/comments.xml")
COMMENT_FEED_TITLE = re.compile(r"\bcomments?\b", re.IGNORECASE)

MAIN_AREA_SELECTORS = ("main", "[role=main]")
BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "menu"})
BOILERPLATE_ROLES = frozenset({"navigation", "contentinfo", "banner", "search", "complementary",
                               "menu", "menubar"})
BOILERPLATE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "megamenu", "submenu", "footer", "breadcrumb",
    "breadcrumbs", "sidebar", "masthead", "topbar", "social", "share", "sharing", "newsletter",
    "cookie", "cookies", "consent", "skip", "subnav", "drawer", "offcanvas", "hamburger",
})
TEASER_CONTAINERS = frozenset({"article", "li"})
PAGINATION_SELECTOR = "link[rel~=next][href], a[rel~=next][href]"
ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
                           "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
                           "BackgroundNewsArticle", "LiveBlogPosting", "Report"})
_JSONLD_TYPE = re.compile(r'"@type"\s{0,20}:\s{0,20}\[?\s{0,20}"([A-Za-z]{1,40})"')
_CLASS_WORDS = re.compile(r"[\s_-]+")
_SPACES = re.compile(r"\s+")


@dataclass
class PageLinks:
    """Article candidates and pages to follow found on one HTML page."""

    articles: list[Candidate]
    follow: list[str]


def parse_html(body: bytes | str, content_type: str | None = None) -> LexborHTMLParser:
    """Decode and parse an HTML document; never raises on malformed markup."""
    text = decode_html(body, content_type) if isinstance(body, bytes) else body
    return LexborHTMLParser(limit_nesting(text.replace("\x00", "")))


def base_of(tree: LexborHTMLParser, page_url: str) -> str:
    """Return the page's <base href> resolved against its url, or the url itself."""
    node = tree.css_first("base[href]")
    href = (node.attributes.get("href") or "").strip() if node is not None else ""
    try:
        return urljoin(page_url, href) if href else page_url
    except ValueError:
        return page_url


def feed_links(html: bytes, base_url: str) -> list[str]:
    """Return the page's advertised feeds (<link rel=alternate type=rss/atom>), comments skipped."""
    tree = parse_html(html)
    return feed_links_in(tree, base_of(tree, base_url))


def feed_links_in(tree: LexborHTMLParser, base_url: str) -> list[str]:
    """Return the feeds a parsed page advertises, absolutized and deduplicated."""
    found: dict[str, None] = {}
    for node in tree.css("link[href]"):
        attrs = node.attributes
        rels = (attrs.get("rel") or "").lower().split()
        kind = (attrs.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_LINK_TYPES:
            continue
        href = (attrs.get("href") or "").strip()
        if any(hint in href.lower() for hint in COMMENT_FEED_HINTS) or \
                COMMENT_FEED_TITLE.search(attrs.get("title") or ""):
            continue
        url = normalize_url(href, base_url)
        if url:
            found[url] = None
    return list(found)


def declares_article(tree: LexborHTMLParser) -> bool:
    """True when the page says it is an article: og:type "article", or a JSON-LD article type."""
    for node in tree.css("meta[property='og:type'], meta[name='og:type']"):
        if (node.attributes.get("content") or "").strip().lower() == "article":
            return True
    for node in tree.css("script[type='application/ld+json']"):
        if any(match.group(1) in ARTICLE_TYPES for match in _JSONLD_TYPE.finditer(node.text())):
            return True
    return False


def section_links(tree: LexborHTMLParser, base_url: str,
                  patterns: Sequence[re.Pattern[str]] = ()) -> PageLinks:
    """Return the article links and the pages to follow (feeds, next page) of a listing page."""
    places = _Places(tree)
    articles: dict[str, Candidate] = {}
    text_titled: set[str] = set()
    for anchor in tree.css("a[href]"):
        url = normalize_url(anchor.attributes.get("href") or "", base_url)
        if url is None:
            continue
        if not _is_article_link(anchor, url, patterns, places):
            continue
        text = _anchor_text(anchor)
        previous = articles.get(url)
        if previous is None or (text and url not in text_titled):
            articles[url] = Candidate(
                url=url, title=text or _anchor_label(anchor) or (previous and previous.title),
                published_hint=(previous and previous.published_hint) or places.teaser_date(anchor))
        if text:
            text_titled.add(url)
    follow = dict.fromkeys(feed_links_in(tree, base_url))
    for node in tree.css(PAGINATION_SELECTOR):
        url = normalize_url(node.attributes.get("href") or "", base_url)
        if url:
            follow[url] = None
    return PageLinks(list(articles.values()), list(follow))


def _is_article_link(anchor: LexborNode, url: str, patterns: Sequence[re.Pattern[str]],
                     places: _Places) -> bool:
    if any(pattern.search(url) for pattern in patterns):
        return True
    return looks_like_article(url) and places.in_main_area(anchor)


class _Places:
    """Where links sit: in the main area or in boilerplate, in which teaser card.

    Each answer about an element is remembered, so a page costs one visit per element
    however many links it holds (the nesting depth is capped before parsing).
    """

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.main_ids = _main_area_ids(tree)
        self._in_main: dict[int, bool] = {}
        self._cards: dict[int, int | None] = {}
        self._card_dates = _card_dates(tree)

    def in_main_area(self, anchor: LexborNode) -> bool:
        """True when no boilerplate container holds the link (and a <main>, if any, does)."""
        path: list[LexborNode] = []
        node = anchor.parent
        verdict: bool | None = None
        while verdict is None:
            if node is None or node.tag in ("body", "html", "-document"):
                verdict = not self.main_ids
            elif node.mem_id in self._in_main:
                verdict = self._in_main[node.mem_id]
            else:
                path.append(node)
                if node.mem_id in self.main_ids:
                    verdict = True  # inside <main>: boilerplate above it does not matter
                elif _is_boilerplate(node):
                    verdict = False
                node = node.parent
        for visited in path:
            self._in_main[visited.mem_id] = verdict
        return verdict

    def teaser_date(self, anchor: LexborNode) -> str | None:
        """The datetime of the one <time> in the teaser card (an <article>) holding the link."""
        card = self._card_of(anchor)
        dates = self._card_dates.get(card, []) if card is not None else []
        return iso_date_hint(dates[0]) if len(dates) == 1 else None

    def _card_of(self, anchor: LexborNode) -> int | None:
        """The nearest <article> above the link, below <main> and <body> (remembered)."""
        path: list[int] = []
        node, card = anchor.parent, None
        while node is not None and node.tag not in ("body", "main", "-document"):
            if node.mem_id in self._cards:
                card = self._cards[node.mem_id]
                break
            path.append(node.mem_id)
            if node.tag == "article":
                card = node.mem_id
                break
            node = node.parent
        for visited in path:
            self._cards[visited] = card
        return card


def _main_area_ids(tree: LexborHTMLParser) -> set[int]:
    for selector in MAIN_AREA_SELECTORS:
        nodes = tree.css(selector)
        if nodes:
            return {node.mem_id for node in nodes}
    return set()


def _card_dates(tree: LexborHTMLParser) -> dict[int, list[str | None]]:
    """The datetimes of the <time> elements inside each <article> (two are enough to know
    there is more than one)."""
    dates: dict[int, list[str | None]] = {}
    for time_node in tree.css("time[datetime]"):
        value = time_node.attributes.get("datetime")
        node = time_node.parent
        while node is not None:
            if node.tag == "article":
                found = dates.setdefault(node.mem_id, [])
                if len(found) < 2:
                    found.append(value)
            node = node.parent
    return dates


def _is_boilerplate(node: LexborNode) -> bool:
    attrs = node.attributes
    if node.tag in BOILERPLATE_TAGS or (attrs.get("role") or "").lower() in BOILERPLATE_ROLES:
        return True
    if node.tag == "header" and not _has_ancestor(node, TEASER_CONTAINERS | {"main"}):
        return True  # the page's own header bar, not a teaser's header
    words = _CLASS_WORDS.split(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower())
    return any(word in BOILERPLATE_WORDS for word in words)


def _has_ancestor(node: LexborNode, tags: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _anchor_text(anchor: LexborNode) -> str | None:
    return _SPACES.sub(" ", anchor.text(deep=True, separator=" ")).strip() or None


def _anchor_label(anchor: LexborNode) -> str | None:
    """Return a link's title or aria-label, or the alt text of its image."""
    for name in ("title", "aria-label"):
        value = (anchor.attributes.get(name) or "").strip()
        if value:
            return value
    image = anchor.css_first("img[alt]")
    alt = (image.attributes.get("alt") or "").strip() if image is not None else ""
    return alt or None
