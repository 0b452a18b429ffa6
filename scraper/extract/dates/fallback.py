"""Last resorts, read only when no other source gives a date: a date key in the page's data
(a framework's JSON state, JSON-LD escaped inside an attribute), and date-ish blocks outside
the article's own blocks (a "Published" box in the sidebar beside the article).

Outside the article, only the marks that surely mean another item (comments, teasers, related
and popular lists, navigation, page header and footer, date widgets) exclude a block: a
sidebar or a page builder's widget may hold this page's own date when nothing else does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from selectolax.lexbor import LexborNode

from ..document import clean_text
from ..lazy import compile_on_use
from .parse import parse_structured
from .patterns import (
    MAX_LABEL_CHARS,
    MAX_LINE_CHARS,
    MAX_SCRIPT_KEYS,
    MAX_TEXT_CANDIDATES,
    OUTSIDE_EXCLUDED_PHRASES,
    OUTSIDE_EXCLUDED_TAGS,
    OUTSIDE_EXCLUDED_WORDS,
    SCRIPT_DATE_KEYS,
    TEXT_DATE_COVERED_PARTS,
)
from .scope import has_phrase, node_words, phrase_index
from .sources import DateContext, SourceDates
from .text import cue_kind

# After a key: its closing quote (plain, escaped inside a string, or an HTML entity), the
# colon and the opening quote of an ISO 8601 value.
_SCRIPT_VALUE = compile_on_use(r"(?:\\?\"|&quot;|&#34;)\s*:\s*(?:\\?\"|&quot;|&#34;)"
                               r"(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{5,15})?(?:Z|[+-]\d{2}:?\d{2})?)")
_TOP_TAGS = frozenset({"body", "html", "-document"})
_OUTSIDE_EXCLUDED_MARKS = phrase_index(OUTSIDE_EXCLUDED_PHRASES)
_KEY_ANCHOR = "ublish"  # in every script date key but postedAt: one scan finds them all


def script_dates(context: DateContext) -> SourceDates:
    """The first publication date under a known key in the page's raw data."""
    html = context.document.html
    anchors = list(_positions(html, _KEY_ANCHOR))
    for key in SCRIPT_DATE_KEYS:
        for start in _key_positions(html, key, anchors):
            match = _SCRIPT_VALUE.match(html, start + len(key))
            parsed = parse_structured(match.group(1)) if match else None
            if parsed is not None:
                return SourceDates(parsed)
    return SourceDates()


def _key_positions(html: str, key: str, anchors: list[int]) -> Iterator[int]:
    """The first MAX_SCRIPT_KEYS places of the key in the page, not overlapping; read off the
    places of the anchor most keys share (one scan of the page instead of one per key)."""
    offset = key.find(_KEY_ANCHOR)
    if offset < 0:
        places: Iterable[int] = _positions(html, key)
    else:
        places = (place - offset for place in anchors
                  if place >= offset and html.startswith(key, place - offset))
    end, count = 0, 0
    for place in places:
        if place < end:
            continue
        yield place
        end, count = place + len(key), count + 1
        if count >= MAX_SCRIPT_KEYS:
            return


def _positions(text: str, part: str) -> Iterator[int]:
    """Every place the part starts in the text, in order (overlapping ones included)."""
    start = text.find(part)
    while start >= 0:
        yield start
        start = text.find(part, start + 1)


def outside_dates(context: DateContext) -> SourceDates:
    """The first date labelled as the publication date ("Published" before it, in its own
    text or in the element before it) in a date-ish block anywhere in the body that no sure
    mark excludes. Unlabelled dates out there are too often another item's."""
    body = context.document.tree.body
    for count, node in enumerate(_listed(context.date_blocks(body)) if body is not None else ()):
        if count >= MAX_TEXT_CANDIDATES:
            break
        text = clean_text(node.text(deep=True, separator=" ")[:4 * MAX_LINE_CHARS])
        if len(text) > MAX_LINE_CHARS or _surely_other(node):
            continue
        dates = context.find_dates(f"{_label_before(node)} {text}")
        if dates and dates[0].kind == "published":
            machine = parse_structured(node.attributes.get("datetime") or "")
            return SourceDates(machine or dates[0].value)
    return SourceDates()


def _listed(blocks: list[LexborNode]) -> Iterator[LexborNode]:
    """The nodes TEXT_DATE_SELECTOR lists (once per part it matches), from the listing of its
    shorter form: a node comes once more for each covered part its class holds ('dateline'
    beside 'date'). The covered parts are ASCII words without a 'k' and not ending in 'i', so
    lowercasing folds them as the query's ASCII case-insensitive test does (K and İ, the
    capitals whose lowercase holds an ASCII letter, give 'k' and 'i' + a combining dot)."""
    previous = -1
    for node in blocks:
        yield node
        if node.mem_id != previous:  # the node's first listing: the covered parts after it
            previous = node.mem_id
            for attr, token in TEXT_DATE_COVERED_PARTS:
                if token in (node.attributes.get(attr) or "").lower():
                    yield node


def _label_before(node: LexborNode) -> str:
    """The text of the element just before the node (or its parent) when it is a bare cue."""
    current: LexborNode | None = node
    for _ in range(2):
        if current is None:
            break
        sibling = current.prev
        while sibling is not None and sibling.tag in ("-text", "-comment") and not (
                sibling.text_content or "").strip():
            sibling = sibling.prev
        if sibling is not None:
            label = clean_text(sibling.text(deep=True)[:4 * MAX_LABEL_CHARS])
            return label if len(label) <= MAX_LABEL_CHARS and cue_kind(label) else ""
        current = current.parent
    return ""


def _surely_other(node: LexborNode) -> bool:
    """True inside a block that surely holds another item or the site's chrome."""
    current: LexborNode | None = node
    while current is not None and current.tag not in _TOP_TAGS:
        if current.tag in OUTSIDE_EXCLUDED_TAGS:
            return True
        words, joined = node_words(current)
        if words & OUTSIDE_EXCLUDED_WORDS or has_phrase(words, joined, _OUTSIDE_EXCLUDED_MARKS):
            return True
        current = current.parent
    return False
