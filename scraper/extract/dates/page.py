"""Dates the page shows in its body: microdata, <time> elements and visible text.

Each candidate is ranked by where it sits (see `scope`): near the headline first, then
inside the article; candidates in navigation, comments, teasers, sidebars or widgets are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from ..document import clean_text, node_text
from .byline import byline_zone
from .parse import ParsedDate
from .patterns import (
    ARTICLE_ITEMTYPE_WORDS,
    DATEPARSER_LANGUAGES,
    MAX_DATEPARSER_CALLS,
    MAX_NEIGHBOUR_CHARS,
    MAX_TEXT_CANDIDATE_CHARS,
    MAX_TEXT_CANDIDATES,
    MICRODATA_MODIFIED,
    MICRODATA_PUBLISHED,
    MODIFIED_WORDS,
    PUBLISHED_PHRASES,
    PUBLISHED_WORDS,
    RAW_TEXT_FACTOR,
    REGEX_LANGUAGES,
)
from .scope import Scope, has_phrase, node_words, phrase_index
from .sources import DateContext, SourceDates
from .text import cue_kind, dateparser_windows, parse_with_dateparser

_DIGIT = re.compile(r"\d")
_NON_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})
_PUBLISHED_MARKS = phrase_index(PUBLISHED_PHRASES)


def microdata_dates(context: DateContext) -> SourceDates:
    """itemprop=datePublished / dateModified in the body, inside the article's item."""
    found = []
    for node in context.dated_elements[0]:
        if _foreign_item(node):
            continue
        value = node.attributes.get("content") or node.attributes.get("datetime")
        kind = _property_kind(set((node.attributes.get("itemprop") or "").lower().split()))
        found.append((node, kind, context.parse_value(value or node_text(node))))
    return _pick_ranked(context.scope, found)


def _property_kind(props: set[str]) -> str:
    if props & set(MICRODATA_PUBLISHED[:1]):
        return "published"
    return "modified" if props & set(MICRODATA_MODIFIED) else "created"


def _foreign_item(node: LexborNode) -> bool:
    """True when the property belongs to an item that is not an article (a comment, a review)."""
    current = node.parent
    while current is not None and current.tag not in ("body", "html"):
        if "itemscope" in current.attributes:
            itemtype = current.attributes.get("itemtype") or ""
            return bool(itemtype) and not any(word in itemtype for word in ARTICLE_ITEMTYPE_WORDS)
        current = current.parent
    return False


def time_dates(context: DateContext) -> SourceDates:
    """<time datetime> elements, and hAtom <abbr title> dates (Blogger, SPIP), near the
    headline or inside the article."""
    found = []
    for node in context.dated_elements[1]:
        attribute = "datetime" if node.tag == "time" else "title"
        parsed = context.parse_value(node.attributes.get(attribute))
        if parsed is not None:
            found.append((node, element_kind(node), parsed))
    return _pick_ranked(context.scope, found)


Ranked = tuple[int | None, str | None, ParsedDate | None]  # (rank, kind, date)


def _pick_ranked(scope: Scope, found: list[tuple[LexborNode, str | None, ParsedDate | None]]) -> SourceDates:
    """Per kind, the date best placed (see `_pick_best`), ranked by where its node sits."""
    return _pick_best([(scope.rank(node), kind, parsed) for node, kind, parsed in found])


def _pick_best(found: list[Ranked]) -> SourceDates:
    """Per kind, the date best placed (nearest the headline, then first); 'created' stands in
    for a missing 'published'."""
    best: dict[str, tuple[int, int, ParsedDate]] = {}
    for order, (rank, kind, parsed) in enumerate(found):
        if parsed is None or rank is None:
            continue
        key = kind if kind in ("modified", "created") else "published"
        if key not in best or (rank, order) < best[key][:2]:
            best[key] = (rank, order, parsed)
    published = best.get("published") or best.get("created")
    modified = best.get("modified")
    return SourceDates(published[2] if published else None, modified[2] if modified else None)


def element_kind(node: LexborNode) -> str | None:
    """Say whether an element holds the published or the modified date, from classes and cues."""
    own_text = _short_text(node) or ""
    kind = _words_kind(node) or cue_kind(own_text[:40])
    parent = node.parent
    if kind is None and parent is not None and parent.tag not in ("body", "html"):
        kind = _words_kind(parent)
        parent_text = _short_text(parent) or ""
        if kind is None and parent_text:
            position = parent_text.find(own_text) if own_text else -1
            kind = cue_kind(parent_text[:position] if position > 0 else "")
    return kind


def _words_kind(node: LexborNode) -> str | None:
    words, joined = node_words(node)
    words = words | set((node.attributes.get("itemprop") or "").lower().split())
    if words & PUBLISHED_WORDS or "datepublished" in words:
        return "published"
    if has_phrase(words, joined, _PUBLISHED_MARKS):
        return "published"
    if words & MODIFIED_WORDS or "datemodified" in words:
        return "modified"
    return None


def text_dates(context: DateContext) -> SourceDates:
    """Visible dates in the byline zone, else in date-ish blocks of the article, read by our
    patterns, then by dateparser."""
    reader = _TextReader(context)
    reader.read(_zone_candidates(context))
    result = _pick_best(reader.found)
    if result.published is None:  # the zone said nothing: the article's date-ish blocks
        reader.read(_classed_candidates(context))
        result = _pick_best(reader.found)
    if result.published is None:
        result = SourceDates(_dateparser_date(context, reader.leftovers), result.modified)
    return result


Candidate = tuple[int, LexborNode, str, bool]  # (rank, node, text, strict)


class _TextReader:
    """Reads candidate texts once each, keeping their dates and the texts without one."""

    def __init__(self, context: DateContext) -> None:
        self.context = context
        self.found: list[Ranked] = []
        self.leftovers: list[tuple[int, LexborNode, str]] = []
        self.seen: set[str] = set()

    def read(self, candidates: Iterator[Candidate]) -> None:
        """Find the dates of each new text; strict texts (any block) count only with a cue
        when long (a paragraph)."""
        for rank, node, text, strict in candidates:
            if len(self.seen) >= MAX_TEXT_CANDIDATES:
                return
            if text in self.seen:
                continue
            self.seen.add(text)
            dates = self.context.find_dates(text)
            if strict and len(text) > MAX_NEIGHBOUR_CHARS:
                dates = [date for date in dates if date.kind is not None]
            self.found.extend((rank, date.kind or element_kind(node), date.value) for date in dates)
            if not dates:
                self.leftovers.append((rank, node, text))


def _zone_candidates(context: DateContext) -> Iterator[Candidate]:
    """The byline zone's texts outside excluded blocks, all ranked as near the headline."""
    scope = context.scope
    for item in byline_zone(scope.headline):
        if scope.rank(item.origin) is not None and scope.rank(item.node) is not None:
            yield 0, item.node, item.text, True


def _classed_candidates(context: DateContext) -> Iterator[Candidate]:
    """Blocks of the article whose class or tag says date, time, byline or meta."""
    scope = context.scope
    container = scope.container(context.document.tree.body)
    previous = -1
    for node in context.date_blocks(container) if container is not None else ():
        if node.mem_id == previous:
            continue                      # listed again for another part: read once
        previous = node.mem_id
        text = _short_text(node)
        if text is None or not _DIGIT.search(text):
            continue
        rank = scope.rank(node)
        if rank is not None:
            text = _visible_text(node, scope)
            if text:
                yield rank, node, text, False


def _short_text(node: LexborNode) -> str | None:
    """The node's text when it is short enough to be a byline (raw length checked first)."""
    raw = node.text(deep=True, separator=" ")
    if len(raw) > RAW_TEXT_FACTOR * MAX_TEXT_CANDIDATE_CHARS:
        return None
    text = clean_text(raw)
    return text if len(text) <= MAX_TEXT_CANDIDATE_CHARS else None


def _visible_text(node: LexborNode, scope: Scope) -> str:
    """The node's text without what sits in excluded descendants (a comment inside a block)."""
    parts = []
    for child in node.traverse(include_text=True):
        if child.tag != "-text":
            continue
        parent = child.parent
        if parent is not None and (parent.tag in _NON_TEXT_TAGS or scope.rank(parent) is None):
            continue
        parts.append(child.text_content or "")
    return clean_text(" ".join(parts))


def _dateparser_date(context: DateContext, leftovers: list[tuple[int, LexborNode, str]]) -> ParsedDate | None:
    primary = (context.language or "").lower()[:2]
    if primary in REGEX_LANGUAGES or primary not in DATEPARSER_LANGUAGES:
        return None  # ours read these; without a language dateparser guesses, very slowly
    for _rank, _node, text in sorted(leftovers, key=lambda item: item[0]):
        if cue_kind(text) == "modified":
            continue
        for window in dateparser_windows(text):
            if context.dateparser_calls >= MAX_DATEPARSER_CALLS:
                return None
            context.dateparser_calls += 1
            parsed = parse_with_dateparser(window, context.language)
            if parsed is not None:
                return parsed
    return None

