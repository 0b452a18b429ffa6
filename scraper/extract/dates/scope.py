"""Where the article's own dates can be: near its headline, inside its article, outside widgets.

Every candidate node gets a rank: 0 near the headline, 1 inside the headline's article
(or main) element, 2 elsewhere when the page has no article element; None when it sits in
navigation, a page header, a sidebar, a comment, a teaser or a date widget. Exclusion marks
on an element that also holds the headline are layout wrappers ("has-sidebar") and ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..container import PageArticle, is_article_container
from ..document import Document, clean_text, node_text
from .patterns import (
    CARD_TITLE_SELECTOR,
    EXCLUDED_PHRASES,
    EXCLUDED_ROLES,
    EXCLUDED_TAGS,
    EXCLUDED_WORDS,
    HEADER_TAGS,
    HEADER_WORDS,
    HEADLINE_FALLBACK_SELECTOR,
    HEADLINE_MARK_DEPTH,
    HEADLINE_REJECT_PHRASES,
    HEADLINE_REJECT_WORDS,
    MAX_HEADLINE_CANDIDATES,
    MIN_TITLE_CHARS,
    NEAR_HEADLINE_LEVELS,
    WEAK_EXCLUDED_PHRASES,
    WEAK_EXCLUDED_TAGS,
    WEAK_EXCLUDED_WORDS,
    WEAK_MARK_LEVELS,
    WEAK_TAG_LEVELS,
)

_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


PhraseIndex = dict[str, tuple[str, ...]]


def phrase_index(phrases: tuple[str, ...]) -> PhraseIndex:
    """The phrases as looked up in the '-joined-' form of class words ('-site-header-'), by
    their first word."""
    index: dict[str, list[str]] = {}
    for phrase in phrases:
        index.setdefault(phrase.split("-")[0], []).append(f"-{phrase}-")
    return {word: tuple(marks) for word, marks in index.items()}


def has_phrase(words: AbstractSet[str], joined: str, index: PhraseIndex) -> bool:
    """True when the class words hold one of the phrases, consecutively. Only a phrase whose
    first word is one of the words can be there (class words hold no dash)."""
    return any(mark in joined for word in words & index.keys() for mark in index[word])


_EXCLUDED_MARKS = phrase_index(EXCLUDED_PHRASES)
_WEAK_EXCLUDED_MARKS = phrase_index(WEAK_EXCLUDED_PHRASES)
_HEADLINE_REJECT_MARKS = phrase_index(HEADLINE_REJECT_PHRASES)
_TOP_TAGS = frozenset({"html", "body", "-document"})
_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=8192)
def class_words(value: str) -> tuple[frozenset[str], str]:
    """Split class/id text into lowercase words (camelCase too) and a '-joined-' form."""
    words = [word.lower() for word in _CLASS_WORD.findall(value)]
    return frozenset(words), "-" + "-".join(words) + "-"


def node_words(node: LexborNode) -> tuple[frozenset[str], str]:
    """The class and id words of an element."""
    attrs = node.attrs
    return class_words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")


# Every word that gives class/id text a mark, alone or opening a phrase.
_MARK_WORDS = (EXCLUDED_WORDS | WEAK_EXCLUDED_WORDS | HEADER_WORDS
               | frozenset(_EXCLUDED_MARKS) | frozenset(_WEAK_EXCLUDED_MARKS))


@lru_cache(maxsize=8192)
def _class_marks(value: str) -> tuple[bool, bool, bool]:
    """(excluded, weakly excluded, page-header) as said by class/id text."""
    words, joined = class_words(value)
    if words.isdisjoint(_MARK_WORDS):
        return False, False, False          # most texts: not one word that marks
    excluded = bool(words & EXCLUDED_WORDS) or has_phrase(words, joined, _EXCLUDED_MARKS)
    weak = not excluded and (bool(words & WEAK_EXCLUDED_WORDS)
                             or has_phrase(words, joined, _WEAK_EXCLUDED_MARKS))
    return excluded, weak, bool(words & HEADER_WORDS)


class Traits(NamedTuple):
    """What an element is, for ranking: excluded, a page header, an article; and how close
    to the headline a weak mark (see WEAK_EXCLUDED_WORDS) stops excluding it (-1: never).
    A named tuple: one is made per element ranked, and a frozen dataclass costs twice as much."""

    marked: bool
    header: bool
    article: bool
    weak_levels: int = -1


def traits(node: LexborNode, article: PageArticle) -> Traits:
    """Read an element's tag, role, item type, class and id once."""
    attrs = node.attributes  # one dict: cheaper than several lookups through node.attrs
    tag = node.tag
    role = (attrs.get("role") or "").lower()
    itemtype = attrs.get("itemtype") or ""
    marked_by_class, weak_by_class, header_by_class = _class_marks(
        f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
    # A class word alone never excludes a layout wrapper around the article ("sidebar-grid").
    if (marked_by_class or weak_by_class) and article.held_by(node):
        marked_by_class = weak_by_class = False
    weak_tag = tag in WEAK_EXCLUDED_TAGS
    marked = ((tag in EXCLUDED_TAGS and not weak_tag) or role in EXCLUDED_ROLES
              or "Comment" in itemtype or marked_by_class or (tag == "a" and is_card(node)))
    weak_levels = -1
    if not marked and (weak_tag or weak_by_class):
        weak_levels = WEAK_TAG_LEVELS if weak_tag else WEAK_MARK_LEVELS
    return Traits(marked, tag in HEADER_TAGS or header_by_class, is_article_container(node, attrs),
                  weak_levels)


def is_card(link: LexborNode) -> bool:
    """True when a link holds a heading or a title block: a card for another page (a teaser
    in the prose, "Blog / Title / Aug 1, 2024"), whose date is that page's."""
    return link.css_first(CARD_TITLE_SELECTOR) is not None


def is_marked(node: LexborNode, article: PageArticle) -> bool:
    """True when the element itself is navigation, a sidebar, a comment, a teaser or a widget."""
    kind = traits(node, article)
    return kind.marked or kind.weak_levels >= 0


class _Place(NamedTuple):
    """Where an element sits (one per element ranked, hence a named tuple)."""

    excluded: bool
    level: int | None  # levels above the headline of the common ancestor
    in_article: bool


@dataclass
class Scope:
    """The headline of a page and the ranks of nodes relative to it."""

    headline: LexborNode | None
    article: PageArticle
    root_level: int | None = None
    spine: list[LexborNode] = field(default_factory=list)
    _places: dict[int, _Place] = field(default_factory=dict)

    def container(self, fallback: LexborNode | None) -> LexborNode | None:
        """The smallest element holding every node that can rank (fallback: the body)."""
        if self.headline is None or self.root_level is None:
            return fallback
        level = max(NEAR_HEADLINE_LEVELS, self.root_level)
        return self.spine[level] if level < len(self.spine) else fallback

    def rank(self, node: LexborNode) -> int | None:
        """0 near the headline, 1 in its article, 2 elsewhere (no article known), None excluded."""
        place = self._place(node)
        if place.excluded:
            return None
        if self.headline is None:
            return 1 if place.in_article else 2
        if place.level is not None and place.level <= NEAR_HEADLINE_LEVELS:
            return 0
        if self.root_level is not None:
            in_root = place.level is not None and place.level <= self.root_level
            return 1 if in_root else None
        return 2

    def _place(self, node: LexborNode) -> _Place:
        known = self._places.get(node.mem_id)
        if known is not None:
            return known                    # placed already (most nodes asked again)
        chain: list[LexborNode] = []
        current: LexborNode | None = node
        place = _Place(False, None, False)
        while current is not None:
            known = self._places.get(current.mem_id)
            if known is not None:
                place = known
                break
            if current.tag in _TOP_TAGS:
                break
            chain.append(current)
            current = current.parent
        for element in reversed(chain):
            if place.excluded:  # so is all it holds, whatever it is (rank reads nothing else)
                self._places[element.mem_id] = place
                continue
            kind = traits(element, self.article)
            excluded = (kind.marked or (kind.header and not place.in_article)
                        or _weakly_excluded(kind, place.level))
            place = _Place(excluded, place.level, place.in_article or kind.article)
            self._places[element.mem_id] = place
        return place


def _weakly_excluded(kind: Traits, level: int | None) -> bool:
    """A weak mark ("widget", a date widget's name, <aside>) excludes unless the element sits
    this close to the headline: there it is the page builder's block around the byline."""
    if kind.weak_levels < 0:
        return False
    return level is None or level > kind.weak_levels


def build_scope(document: Document) -> Scope:
    """Find the headline and mark its ancestors as the page's spine."""
    article = document.page_article  # the query the headline's <h1>s came from
    headline = find_headline(document, article)
    scope = Scope(headline, article)
    if headline is None:
        return scope
    spine = scope.spine
    current: LexborNode | None = headline
    while current is not None and current.tag not in _TOP_TAGS:
        spine.append(current)
        current = current.parent
    in_article = False
    for level in range(len(spine) - 1, -1, -1):
        element = spine[level]
        if traits(element, scope.article).article:
            in_article = True
            if scope.root_level is None or level < scope.root_level:
                scope.root_level = level
        scope._places[element.mem_id] = _Place(False, level, in_article)
    return scope


def find_headline(document: Document, article: PageArticle) -> LexborNode | None:
    """Return the article's headline: the h1 (else h2) matching the title, else the first sane h1."""
    title = _normalized(document.meta_first("og:title", "twitter:title") or _jsonld_headline(document))
    tree = document.tree
    h1s = document.h1s[:MAX_HEADLINE_CANDIDATES]
    if title:
        for group in _candidates(h1s, tree, f"h2, {HEADLINE_FALLBACK_SELECTOR}"):
            for node in group:
                if _same_title(_normalized(node_text(node)), title):
                    return node
    for group in _candidates(h1s, tree, HEADLINE_FALLBACK_SELECTOR):
        for node in group:
            if node_text(node) and not _rejected_headline(node, article):
                return node
    return None


def _candidates(h1s: list[LexborNode], tree: LexborHTMLParser, fallback: str) -> Iterator[list[LexborNode]]:
    """The h1s, then the fallback's nodes: queried only when no h1 would do (a query walks the
    whole page)."""
    yield h1s
    yield tree.css(fallback)[:MAX_HEADLINE_CANDIDATES]


def _rejected_headline(node: LexborNode, article: PageArticle) -> bool:
    current: LexborNode | None = node
    depth = 0
    while current is not None and current.tag not in _TOP_TAGS:
        words, joined = node_words(current)
        if current.tag in EXCLUDED_TAGS or words & HEADLINE_REJECT_WORDS:
            return True
        if has_phrase(words, joined, _HEADLINE_REJECT_MARKS):
            return True
        if 0 < depth <= HEADLINE_MARK_DEPTH and is_marked(current, article):
            return True
        current = current.parent
        depth += 1
    return False


def _jsonld_headline(document: Document) -> str | None:
    for obj in document.jsonld:
        headline = obj.get("headline")
        if isinstance(headline, str) and headline.strip():
            return headline
    return None


def _same_title(text: str, title: str) -> bool:
    """True when a heading and the page title share their start (a site suffix aside)."""
    if not text or min(len(text), len(title)) < MIN_TITLE_CHARS:
        return text == title and bool(text)
    return text[:40] in title or title[:40] in text


def _normalized(text: str | None) -> str:
    return _NOT_WORD.sub(" ", clean_text(text).lower()).strip()
