"""The article's authors, one person per entry, in byline order.

Sources are tried from the most to the least structured, and the first that names a person
wins (they restate one byline, often in different spellings, so they are not merged):
site rules, JSON-LD `author` of the article (Person objects, strings, lists, `@id` references
into the @graph), author meta tags, byline elements (`[itemprop=author]`, `rel=author`,
classes like byline / author-name / contributor), then a visible "By ..." line after the
headline. Organizations are not persons: a JSON-LD Organization, the site's own name, desks
and CMS accounts ("Staff", "admin") are dropped. Only when nobody at all is named does a news
agency that signs the article ("By Reuters", an Organization author "AFP") stand as the author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from selectolax.lexbor import LexborNode

from ...models import SiteRules
from ..document import ARTICLE_TYPES, Document, node_text, squash, unescape
from ..headline.site import host_key, site_names
from ..nodes import ancestors, class_and_id, inside_region, is_descendant
from .names import agency_name, names_from_byline

AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
               "parsely-author", "byl", "cxenseparse:author", "twitter:creator:name")
BYLINE_SELECTOR = ("[itemprop~=author], a[rel~=author], [class*=byline i], [class*=author i], "
                   "[class*=contributor i]")
# Byline-like elements in these regions sign something else: comments, teasers, bios.
FOREIGN_REGION_TAGS = frozenset({"aside", "footer", "nav", "form"})
FOREIGN_REGION_HINT = re.compile(r"comment|related|sidebar|widget|recirc|popular|trending|"
                                 r"most-read|newsletter|footer|respond|reply|teaser|"
                                 r"(?:^|[\s_-])promo(?:$|[\s_-])|author-?bio|about-the-author|"
                                 r"author-?box|more-from")
SKIPPED_TAGS = frozenset({"meta", "link", "script", "style", "img", "svg", "body", "html",
                          "article", "main", "section", "time", "picture", "figure", "input",
                          "textarea", "button", "label", "select"})
ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation",
                                "organisation", "newsorganization", "localbusiness",
                                "educationalorganization", "governmentorganization"})
MAX_BYLINE_CHARS = 200
MAX_BYLINE_NODES = 40
GROUP_LEVELS = 3                     # names in one byline sit within this many levels
BY_LINE = re.compile(r"^(?:by|von|par|por|door|av|af|di|da|przez|written by)\s+\S",
                     re.IGNORECASE)
MAX_BY_LINE_CHARS = 120
BY_LINE_SIBLINGS = 4
BY_LINE_DEPTH = 3


def extract_authors(document: Document, rules: SiteRules | None) -> list[str]:
    """Return the article's authors, one name per entry, in page order, without duplicates."""
    names = site_names(document) + [host_key(document)]
    if rules is not None and rules.authors:
        found = _unique(_names_in_nodes(_select(document, rules.authors), names))
        if found:
            return found
    found = _jsonld_people(document, names) or _meta_people(document, names)
    if found:
        return found
    bylines = _byline_nodes(document)
    found = _byline_people(bylines, names) or _by_line_after_headline(document, names)
    return found or _agency(document, bylines, names)


def _select(document: Document, selectors: Iterable[str]) -> list[LexborNode]:
    nodes: list[LexborNode] = []
    for selector in selectors:
        nodes.extend(document.tree.css(selector))
    return nodes


def _names_in_nodes(nodes: Iterable[LexborNode], names: list[str]) -> Iterable[str]:
    for node in nodes:
        yield from names_from_byline(_byline_text(node), names, single_ok=True)


def _byline_text(node: LexborNode) -> str:
    if node.tag == "meta":
        return unescape(node.attributes.get("content"))
    name = node.css_first("[itemprop~=name]") if node.attributes.get("itemprop") else None
    return unescape(node_text(name or node))


def _jsonld_people(document: Document, names: list[str]) -> list[str]:
    by_id = {obj.get("@id"): obj for obj in document.jsonld if isinstance(obj.get("@id"), str)}
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        found: list[str] = []
        for item in _as_list(article.get("author")):
            person = _person_name(by_id.get(item.get("@id"), item) if isinstance(item, dict)
                                  and "name" not in item else item)
            if person:
                found.extend(names_from_byline(person, names, single_ok=True))
        if found:
            return _unique(found)
    return []


def _person_name(item: Any) -> str | None:
    if isinstance(item, str):
        return unescape(item)
    if not isinstance(item, dict) or _is_organization(item):
        return None
    name = item.get("name")
    if isinstance(name, str) and name.strip():
        return unescape(name)
    given, family = item.get("givenName"), item.get("familyName")
    if isinstance(given, str) and isinstance(family, str):
        return unescape(f"{given} {family}")
    return None


def _is_organization(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.lower() in ORGANIZATION_TYPES for kind in kinds)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _meta_people(document: Document, names: list[str]) -> list[str]:
    found: list[str] = []
    for key in AUTHOR_META:
        for value in document.meta.get(key, ()):
            value = unescape(value)
            if value and not _is_url(value):
                found.extend(names_from_byline(value, names, single_ok=True))
        if found:
            return _unique(found)
    return []


def _is_url(value: str) -> bool:
    return value.startswith(("http:", "https:", "//", "www.")) or "/" in value and " " not in value


def _byline_nodes(document: Document) -> list[tuple[LexborNode, str]]:
    """Byline-like elements with their text, in page order, outside comments and teasers."""
    found: list[tuple[LexborNode, str]] = []
    for node in document.tree.css(BYLINE_SELECTOR)[:MAX_BYLINE_NODES]:
        if node.tag in SKIPPED_TAGS:
            continue
        text = _byline_text(node)
        if text and len(text) <= MAX_BYLINE_CHARS and not _foreign(node):
            found.append((node, text))
    return found


def _byline_people(bylines: list[tuple[LexborNode, str]], names: list[str]) -> list[str]:
    group: LexborNode | None = None
    found: list[str] = []
    for node, text in bylines:
        if group is not None and not is_descendant(node, group):
            continue
        people = names_from_byline(text, names, single_ok=_is_author_field(node))
        if people and group is None:
            group = _group_of(node)
        found.extend(people)
    return _unique(found)


def _is_author_field(node: LexborNode) -> bool:
    attrs = node.attributes
    return "author" in (attrs.get("itemprop") or "").split() or "author" in (attrs.get("rel") or "").split()


def _foreign(node: LexborNode) -> bool:
    return bool(FOREIGN_REGION_HINT.search(class_and_id(node))) or inside_region(
        node, FOREIGN_REGION_TAGS, FOREIGN_REGION_HINT)


def _group_of(node: LexborNode) -> LexborNode:
    """The element that holds one whole byline: a few levels up, below the article."""
    group = node
    for level, parent in enumerate(ancestors(node, GROUP_LEVELS)):
        if parent.tag in ("article", "main", "header", "section") or level >= GROUP_LEVELS:
            break
        group = parent
    return group


def _by_line_after_headline(document: Document, names: list[str]) -> list[str]:
    """A short "By ..." line among the elements after the <h1> (or after its wrapper), or
    opening the first of them ("<div class=content><p><em>By A and B</em></p>...")."""
    heading = document.tree.css_first("h1")
    if heading is None:
        return []
    for start in (heading, heading.parent):
        sibling = start.next if start is not None else None
        for _ in range(BY_LINE_SIBLINGS):
            if sibling is None:
                break
            for candidate in _first_descendants(sibling):
                text = node_text(candidate)
                if text and len(text) <= MAX_BY_LINE_CHARS and BY_LINE.match(text):
                    return _unique(names_from_byline(text, names))
            sibling = sibling.next
    return []


def _first_descendants(node: LexborNode) -> list[LexborNode]:
    """The node and its first element child, grandchild ...: where an opening line sits."""
    chain: list[LexborNode] = []
    current: LexborNode | None = node
    while current is not None and len(chain) <= BY_LINE_DEPTH:
        if current.tag not in ("-text", "#text", "-comment"):
            chain.append(current)
        current = current.first_child
        while current is not None and current.tag in ("-text", "#text", "-comment"):
            current = current.next
    return chain


def _agency(document: Document, bylines: list[tuple[LexborNode, str]],
            names: list[str]) -> list[str]:
    """The agency that signs the article, when no person is named anywhere."""
    candidates: list[str] = []
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        candidates.extend(str(item.get("name", "")) if isinstance(item, dict) else str(item)
                          for item in _as_list(article.get("author")))
    for key in AUTHOR_META:
        candidates.extend(document.meta.get(key, ()))
    candidates.extend(text for _, text in bylines)
    for text in candidates:
        agency = agency_name(unescape(text))
        if agency and not any(squash(agency) == squash(name) for name in names):
            return [agency]
    return []


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            result.append(name)
    return result
