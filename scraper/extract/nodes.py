"""Small tree helpers shared by the related-link, byline and tag extractors.

Nodes are compared by `mem_id`: selectolax's `==` serializes both subtrees to HTML.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator

from selectolax.lexbor import LexborNode

from .container import TAG_IDS, is_article_container
from .lazy import compile_on_use

# Where a walk up the tree stops: above these the page is no longer one region.
ROOT_TAGS = frozenset({"body", "html", "-document"})
# The same by lexbor's tag ids: an id is one int read, a tag name a new string each time.
_ROOT_TAG_IDS = frozenset(TAG_IDS[name] for name in ROOT_TAGS)
MAX_DEPTH = 40
# Footers and headers: the page's (chrome) or an article's own (byline, date, tags).
PART_TAGS = frozenset({"footer", "header"})
PART_WORDS = compile_on_use(r"[\w-]*(?:footer|header)[\w-]*")


class NameTest:
    """Whether a class/id text names something, as a pattern's search would find: the pattern's
    literal alternatives are looked for as substrings (a few tests in C), the rest of it is
    searched only in a text holding a literal its every match holds. sre tried each alternative
    at each place of a class list (3-11 us a search: a lookbehind or a (?:^|...) opening defeats
    its first-character skip). `search` tells only whether there is a match."""

    def __init__(self, words: tuple[str, ...], rest: str | None = None,
                 rest_hints: tuple[str, ...] = ()) -> None:
        """`words`: the literal alternatives; `rest`: the pattern of the others, whose every
        match holds one of `rest_hints`."""
        self.words, self.rest_hints = words, rest_hints
        self.rest = compile_on_use(rest) if rest is not None else None

    def search(self, names: str) -> bool:
        """True when the text holds a word, or a match of the rest."""
        for word in self.words:
            if word in names:
                return True
        if self.rest is not None:
            for hint in self.rest_hints:
                if hint in names:
                    return self.rest.search(names) is not None
        return False


def class_and_id(node: LexborNode | None) -> str:
    """Return a node's class and id attributes joined, lowercased ('' for None)."""
    if node is None:
        return ""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def ancestors(node: LexborNode, limit: int = MAX_DEPTH) -> Iterator[LexborNode]:
    """Yield a node's element ancestors, nearest first, up to (not including) <body>."""
    parent = node.parent
    while parent is not None and limit > 0 and parent.tag_id not in _ROOT_TAG_IDS:
        yield parent
        parent = parent.parent
        limit -= 1


def climb_to_known(node: LexborNode | None, known: Container[int]) -> tuple[list[int], int | None]:
    """Walk up from node (itself included) to the first element whose mem_id is known: the
    mem_ids passed on the way, nearest first, and the known one (None past the root). The walks
    up that remember what they met, so later walks stop where earlier ones went."""
    walked: list[int] = []
    while node is not None:
        mem_id = node.mem_id
        if mem_id in known:
            return walked, mem_id
        walked.append(mem_id)
        node = node.parent
    return walked, None


def inside_region(node: LexborNode, tags: frozenset[str], hint: re.Pattern[str] | NameTest,
                  limit: int = MAX_DEPTH) -> bool:
    """True when an ancestor below the nearest article is one of `tags` or has a class/id
    matching `hint` (wrappers above the article say nothing about its parts).

    The article is an article container (`container.py`: <article>, <main>, role=main,
    articleBody, or typed as one by microdata: Blogger's div.post, TYPO3's news item). A footer or header counts only when no article
    holds it: an article's own footer and meta lines carry its byline, date and tags.
    """
    in_page_part = False
    for parent in ancestors(node, limit):
        if is_article_container(parent):
            return False
        names, tag = class_and_id(parent), parent.tag  # (each read of a tag builds a string)
        if tag in PART_TAGS or names_a_part(names):
            if tag in tags or hint.search(names):  # a region for this caller...
                in_page_part = True                 # ...unless an article holds it
            names = without_part_words(names)
            if tag in PART_TAGS:
                continue
        if tag in tags or hint.search(names):
            return True
    return in_page_part


def names_a_part(names: str) -> bool:
    """True when lowercase class/id text holds a PART_WORDS word: exactly when it holds one
    of the part names (a substring test; the pattern's search costs ~20 µs on a long class list)."""
    return "footer" in names or "header" in names


def without_part_words(names: str) -> str:
    """Lowercase class/id text without its footer/header words (an article's own parts)."""
    return PART_WORDS.sub(" ", names) if names_a_part(names) else names


def is_descendant(node: LexborNode, container: LexborNode, limit: int = MAX_DEPTH) -> bool:
    """True when `container` is an ancestor of `node`."""
    target = container.mem_id
    return any(parent.mem_id == target for parent in ancestors(node, limit))


def same_node(first: LexborNode | None, second: LexborNode | None) -> bool:
    """True when both wrappers stand for one element of the tree."""
    return first is not None and second is not None and first.mem_id == second.mem_id


_TOP_TAGS = frozenset({"body", "html", "-document"})


def next_outside(node: LexborNode) -> LexborNode | None:
    """The node after this one's subtree in reading order (its next sibling, or an ancestor's),
    None past the end of the body."""
    current: LexborNode | None = node
    while current is not None:
        following = current.next
        if following is not None:
            return following
        current = current.parent
        if current is None or current.tag in _TOP_TAGS:
            return None
    return None
