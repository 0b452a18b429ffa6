"""The article's tags: the first source that lists any, trimmed and deduplicated in order.

Sources, most curated first: site rules (completed by the `article:tag` list when that
holds every tag the rule found and more), `article:tag` meta, the article's visible tag list
(`rel=tag` links that are not categories, links inside tags / tag-list / post-tags
containers), JSON-LD keywords (a comma-separated string or a list), news_keywords meta.
They are not merged: they restate one set of tags in different spellings ("Trump, Donald J"
and "Donald Trump"), and later sources carry more machine noise. Navigation categories
(`rel="category tag"`, links to /category/ pages, which block themes mark rel="tag" too), tag
clouds in sidebars, share and comment links are never tags, not even when a rule selects them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

from ...models import SiteRules
from ...rules import matches_any
from ..document import ARTICLE_TYPES, Document, node_text, unescape
from ..lazy import compile_on_use
from ..nodes import NameTest, class_and_id, inside_region, same_node, without_part_words

# rel=tag links, and the tag-list containers whose links are tags (one cheap query).
TAG_SELECTOR = "a[rel~=tag], [class*=tags i], [class*=tag-list i], nav[aria-label*=tag i]"
# What is asked for it: one class part for the two ("tags" and "tag-list" hold "tag"; each part
# costs a test on every element of the page), the few others "tag" names dropped after.
_TAG_QUERY = "a[rel~=tag], [class*=tag i], nav[aria-label*=tag i]"
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # as CSS's "i"
CHROME_TAGS = frozenset({"nav", "aside", "form", "footer", "header"})
TAG_LABEL = compile_on_use(r"\btags?\b|schlagw|mots[- ]clés|etiquetas", re.IGNORECASE)
# (A class/id test: "sidebar|widget|tag-?cloud|menu|navigation|footer|comment|related-(?:post|
# article|stor)|share|social|trending|popular", searched in lowercase.)
OUTSIDE_HINT = NameTest(("sidebar", "widget", "tagcloud", "tag-cloud", "menu", "navigation", "footer",
                         "comment", "related-post", "related-article", "related-stor", "share",
                         "social", "trending", "popular"))
NOT_TAG_HREF = compile_on_use(r"share|facebook\.com|twitter\.com|x\.com/intent|linkedin\.com|"
                          r"pinterest\.|whatsapp|mailto:|#comment|/comments?\b|/author/|"
                          r"reddit\.com/submit|/categor(?:y|ies)/", re.IGNORECASE)
# Machine tokens in keyword lists: ids, flags, namespaced values, slugs with underscores.
MACHINE_TOKEN = re.compile(r"^[@#_/]|[:_/=]|^\d+$")
# Buttons and labels that sit in tag lists without being tags.
NOT_TAGS = frozenset({"show more", "more", "see all", "view all", "all tags", "tags", "tag",
                      "topics", "mehr", "plus", "más", "alle"})
LABEL_PREFIX = re.compile(r"^(?:tags?|topics?|schlagworte?|themen|mots[- ]clés|etiquetas|"
                          r"keywords)\s*:\s*", re.IGNORECASE)
TAG_PAGE_PARTS = ("/tag/", "/tags/", "/topic/", "/topics/")  # in a link's href
# Every link holding a part: a query of fewer parts (each part costs a test on every element).
TAG_PAGE_LINKS = "a[href*='/tag'], a[href*='/topic']"
TAG_PAGE_PATH = compile_on_use(r"/(?:tags?|topics?)/[^/?#]+/?(?:[?#]|$)", re.IGNORECASE)
MAX_TAG_CHARS = 60
MAX_TAG_WORDS = 8
MAX_TAGS = 50


def extract_tags(document: Document, rules: SiteRules | None) -> list[str]:
    """Return the article's tags or keywords, trimmed, deduplicated, in page order."""
    # one walk of the page for all the rule's selectors first: most rule pages list none
    if rules is not None and rules.tags and matches_any(document.tree, rules.tags):
        ruled = clean_tags(node_text(node) for selector in rules.tags
                           for node in document.tree.css(selector)
                           if not NOT_TAG_HREF.search(node.attributes.get("href") or ""))
        if ruled:
            return _completed(ruled, clean_tags(_article_tag_meta(document)))
    sources: tuple[Callable[[Document], Iterable[str]], ...] = (
        _article_tag_meta, _visible_tags, _jsonld_keywords, _news_keywords, _tag_page_links)
    for source in sources:
        tags = clean_tags(source(document))
        if tags:
            return tags
    return []


def _completed(ruled: list[str], declared: list[str]) -> list[str]:
    """The rule's tags, or the page's article:tag list when it holds all of them and more
    (themes that show only the primary tag: the rule saw part of the list)."""
    seen = {tag.casefold() for tag in declared}
    if len(declared) > len(ruled) and all(tag.casefold() in seen for tag in ruled):
        return declared
    return ruled


def clean_tags(values: Iterable[str]) -> list[str]:
    """Trim, drop machine tokens and over-long phrases, deduplicate case-insensitively."""
    seen: set[str] = set()
    tags: list[str] = []
    for value in values:
        tag = LABEL_PREFIX.sub("", unescape(value)).strip(" ,;|#·•")
        key = tag.casefold()
        if not tag or key in seen or key in NOT_TAGS or MACHINE_TOKEN.search(tag):
            continue
        if len(tag) > MAX_TAG_CHARS or len(tag.split()) > MAX_TAG_WORDS:
            continue
        seen.add(key)
        tags.append(tag)
        if len(tags) == MAX_TAGS:
            break                         # later values can only come after these
    return tags


def _split(value: str) -> list[str]:
    return [part for part in re.split(r"\s*[,;]\s*", value) if part.strip()]


def _article_tag_meta(document: Document) -> list[str]:
    values = document.meta.get("article:tag", []) or document.meta.get("og:article:tag", [])
    if len(values) == 1:
        return _split(values[0])
    return values


def _visible_tags(document: Document) -> list[str]:
    tags: list[str] = []
    for node in _tag_nodes(document):
        if node.tag == "a":
            links = [node]
        elif _in_page_chrome(node) or OUTSIDE_HINT.search(_own_names(node)):
            continue
        else:
            links = node.css("a[href]")
        tags.extend(node_text(link) for link in links if not _not_a_tag_link(link, node))
    return tags


def _tag_nodes(document: Document) -> list[LexborNode]:
    """The elements TAG_SELECTOR lists, in page order, each once (one listed twice, for two of
    its parts, gave the same tags twice: the second time they were already taken)."""
    nodes = document.tree.css(_TAG_QUERY)
    found: list[LexborNode] = []
    start = 0
    while start < len(nodes):
        node, end = nodes[start], start + 1
        while end < len(nodes) and nodes[end].mem_id == node.mem_id:
            end += 1                      # listed once per part it matches, in a row
        names = (node.attributes.get("class") or "").translate(_ASCII_LOWER)
        # the selector's class parts, or another part than the query's class part
        if "tags" in names or "tag-list" in names or end - start > ("tag" in names):
            found.append(node)
        start = end
    return found


def _not_a_tag_link(link: LexborNode, container: LexborNode) -> bool:
    attrs = link.attributes
    if "category" in (attrs.get("rel") or "").lower().split():
        return True
    if NOT_TAG_HREF.search(attrs.get("href") or ""):
        return True
    return same_node(link, container) and _in_page_chrome(link)


def _own_names(node: LexborNode) -> str:
    """The node's class and id, minus footer/header words (an article's own parts)."""
    return without_part_words(class_and_id(node))


def _in_page_chrome(node: LexborNode) -> bool:
    """True inside the page's navigation, sidebars, comments or site header/footer; a
    footer or header inside the article is its own, and a nav labelled as tags is a tag list."""
    if node.tag == "nav" and TAG_LABEL.search(node.attributes.get("aria-label") or ""):
        node = node.parent or node
    return inside_region(node, CHROME_TAGS, OUTSIDE_HINT)



def _tag_page_links(document: Document) -> list[str]:
    """Links to the site's tag pages (/tag/x, /topics/x) outside the page chrome, when the
    article lists at least two: tag pills with no tell-tale class."""
    links = []
    previous = -1
    for link in document.tree.css(TAG_PAGE_LINKS):
        if link.mem_id == previous:
            continue                      # listed again for the query's other part
        previous = link.mem_id
        href = link.attributes.get("href") or ""
        # counted once per part its href holds, as a query of the parts lists it
        parts = sum(part in href for part in TAG_PAGE_PARTS)
        if parts and TAG_PAGE_PATH.search(href) and not _in_page_chrome(link):
            links.extend([link] * parts)
    return [node_text(link) for link in links] if len(links) >= 2 else []


def _jsonld_keywords(document: Document) -> list[str]:
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        keywords = article.get("keywords")
        if isinstance(keywords, str) and keywords.strip():
            return _split(keywords)
        if isinstance(keywords, list):
            values = [k for k in keywords if isinstance(k, str)]
            if values:
                return [part for value in values for part in _split(value)]
    return []


def _news_keywords(document: Document) -> list[str]:
    values = document.meta.get("news_keywords", [])
    return [part for value in values for part in _split(value)]
