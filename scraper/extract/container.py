"""The article's own container: which elements are the article, defined once for every field.

An element is an article container when it is a main mark (`<main>`, `role="main"`, or
schema.org's `itemprop="articleBody"`) or an article item (`<article>`, or an `itemtype`
naming an Article, NewsArticle, BlogPosting ...). Teaser lists are made of article items too,
so the page's own containers are its main marks and the article item holding its `<h1>`.

Bylines and tags stop their walk up the tree at the nearest container (wrappers above an
article say nothing about its parts); the boilerplate stripper and the date scope never
discard, by its class name, an element holding one of the page's own containers ("has-sidebar"
page wrappers).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

MAIN_SELECTOR = "main, [role='main' i], [itemprop~='articleBody']"
TOP_TAGS = frozenset({"html", "-document"})
_MAIN_OR_H1 = f"{MAIN_SELECTOR}, h1"


def _known_tag_ids() -> dict[str, int]:
    """lexbor's ids of the tags tested by id here and in nodes.py: an id is one int read, a
    tag name a new string each time (an id stands for one name, in any namespace)."""
    probe = LexborHTMLParser("<article></article><main></main>")
    root = probe.root
    assert root is not None and root.parent is not None
    return {node.tag or "": node.tag_id for node in (root.parent, root, *root.traverse())}


TAG_IDS = _known_tag_ids()  # html, head, body, article, main and -document
_CONTAINER_TAG_IDS = frozenset({TAG_IDS["article"], TAG_IDS["main"]})
_TOP_TAG_IDS = frozenset(TAG_IDS[name] for name in TOP_TAGS)


def is_article_container(node: LexborNode, attrs: dict[str, str | None] | None = None) -> bool:
    """True when the element itself is a main mark or an article item (`attrs`: its
    attributes, when the caller has read them already)."""
    if node.tag_id in _CONTAINER_TAG_IDS:
        return True
    attrs = node.attributes if attrs is None else attrs
    if (attrs.get("role") or "").lower() == "main" or "articleBody" in (attrs.get("itemprop") or "").split():
        return True
    itemtype = attrs.get("itemtype") or ""
    return "Article" in itemtype or "BlogPosting" in itemtype


class PageArticle:
    """The page's own article containers, and which elements hold one."""

    def __init__(self, root: LexborNode | None) -> None:
        self.h1s: list[LexborNode] = []  # the h1s under root, in page order (read in the same query)
        self.containers = own_containers(root, self.h1s) if root is not None else []
        self._holders: set[int] = set()
        for container in self.containers:
            node: LexborNode | None = container
            while node is not None and node.tag_id not in _TOP_TAG_IDS and node.mem_id not in self._holders:
                self._holders.add(node.mem_id)
                node = node.parent

    def held_by(self, node: LexborNode) -> bool:
        """True when the element is one of the page's own containers or holds one."""
        return node.mem_id in self._holders

    def holds(self, mem_id: int) -> bool:
        """held_by for the element with this mem_id."""
        return mem_id in self._holders


def own_containers(root: LexborNode, headings: list[LexborNode] | None = None) -> list[LexborNode]:
    """The page's main marks and the nearest container around each h1 (`headings`, empty,
    receives the h1s in page order).

    One query finds both (each query walks the page): it lists an element once per part of
    the selector it matches, in page order, so an h1 that is also a main mark comes once
    more than as a main mark alone, right after itself.
    """
    found: list[LexborNode] = []
    headings = [] if headings is None else headings
    for node in root.css(_MAIN_OR_H1):
        if node.tag == "h1" and (not headings or headings[-1].mem_id != node.mem_id):
            headings.append(node)
        else:
            found.append(node)
    for heading in headings:
        container = _nearest_container(heading)
        if container is not None:
            found.append(container)
    return found


def _nearest_container(node: LexborNode) -> LexborNode | None:
    current = node.parent
    while current is not None and current.tag_id not in _TOP_TAG_IDS:
        if is_article_container(current):
            return current
        current = current.parent
    return None
