"""Small tree helpers shared by the related-link, byline and tag extractors.

Nodes are compared by `mem_id`: selectolax's `==` serializes both subtrees to HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

# Where a walk up the tree stops: above these the page is no longer one region.
ROOT_TAGS = frozenset({"body", "html", "-document"})
MAX_DEPTH = 40
CONTENT_TAGS = frozenset({"article", "main"})


def class_and_id(node: LexborNode | None) -> str:
    """Return a node's class and id attributes joined, lowercased ('' for None)."""
    if node is None:
        return ""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def ancestors(node: LexborNode, limit: int = MAX_DEPTH) -> Iterator[LexborNode]:
    """Yield a node's element ancestors, nearest first, up to (not including) <body>."""
    parent = node.parent
    while parent is not None and limit > 0 and parent.tag not in ROOT_TAGS:
        yield parent
        parent = parent.parent
        limit -= 1


def inside_region(node: LexborNode, tags: frozenset[str], hint: re.Pattern[str],
                  limit: int = MAX_DEPTH, stop: frozenset[str] = CONTENT_TAGS) -> bool:
    """True when an ancestor below the nearest <article>/<main> is one of `tags` or has a
    class/id matching `hint` (wrappers above the article say nothing about its parts)."""
    for parent in ancestors(node, limit):
        if parent.tag in stop:
            return False
        if parent.tag in tags or hint.search(class_and_id(parent)):
            return True
    return False


def is_descendant(node: LexborNode, container: LexborNode, limit: int = MAX_DEPTH) -> bool:
    """True when `container` is an ancestor of `node`."""
    target = container.mem_id
    return any(parent.mem_id == target for parent in ancestors(node, limit))


def same_node(first: LexborNode | None, second: LexborNode | None) -> bool:
    """True when both wrappers stand for one element of the tree."""
    return first is not None and second is not None and first.mem_id == second.mem_id
