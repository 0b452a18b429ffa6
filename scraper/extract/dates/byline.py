"""The byline zone: the short texts a reader sees just after, and just before, the headline.

A byline date sits a few lines from the headline in reading order, wherever the markup puts
it (a sibling column, a header block, a bare <p> or <small> without a telling class). The
zone is walked in document order from the headline: forward until the article's prose has
clearly begun, backward over the few lines above it (a kicker, "Last updated:" above the
title). A label in its own element ("Published" in an <h4>, then the date in a <div>) is
read with the date that follows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from ..document import clean_text
from ..nodes import next_outside
from .patterns import (
    MAX_CAPTION_IMAGES,
    MAX_LABEL_CHARS,
    MAX_LINE_CHARS,
    MAX_TEXT_CANDIDATE_CHARS,
    MIN_CAPTION_CHARS,
    ZONE_AFTER_CHARS,
    ZONE_AFTER_NODES,
    ZONE_BEFORE_CHARS,
    ZONE_BEFORE_NODES,
)
from .text import cue_kind

_DIGIT = re.compile(r"\d")
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "select",
                           "button", "iframe", "head"})
_TOP_TAGS = frozenset({"body", "html", "-document"})
_IMAGE_HOLDERS = frozenset({"img", "picture", "a", "figure"})  # an image just before a caption


class ZoneText(NamedTuple):
    """A short text of the byline zone holding a digit, in zone order."""

    node: LexborNode   # the line: the largest element around the text still one short line
    origin: LexborNode  # the element holding the digit-bearing text itself
    text: str          # the line's text, after the label read just before it (if any)
    after: bool        # after the headline (else above it)


def byline_zone(headline: LexborNode | None) -> list[ZoneText]:
    """The zone's digit-bearing texts: those after the headline first, nearest first."""
    if headline is None:
        return []
    spine = _ancestors(headline)
    after = _read(_forward(headline), spine, ZONE_AFTER_NODES, ZONE_AFTER_CHARS, True)
    before = _read(_backward(headline), spine, ZONE_BEFORE_NODES, ZONE_BEFORE_CHARS, False)
    return after + before


def _ancestors(node: LexborNode) -> frozenset[int]:
    ids = set()
    current: LexborNode | None = node
    while current is not None and current.tag not in _TOP_TAGS:
        ids.add(current.mem_id)
        current = current.parent
    return frozenset(ids)


def _read(texts: Iterator[LexborNode], spine: frozenset[int], max_nodes: int, max_chars: int,
          forward: bool) -> list[ZoneText]:
    """Group the walk's text nodes by their element; keep those holding a digit."""
    found: list[ZoneText] = []
    seen: set[int] = set()
    wide: dict[int, str | None] = {}  # an ancestor's line text (None: too long), read once
    # The last text without a digit, raw: when a bare cue, it labels the date next to it in
    # reading order; read (see `_label`) only when a date is next to it (most texts are not).
    label = ""
    just_found = False  # the last text read held a date (a label read backward is its own)
    chars = 0
    for count, text_node in enumerate(texts):
        raw = text_node.text_content or ""
        stripped = raw.strip()
        chars += len(stripped)
        if count >= max_nodes or chars > max_chars:
            break
        if not stripped:
            continue
        if not _DIGIT.search(raw):
            label = raw
            if just_found and not forward:
                cue = _label(raw)
                if cue:
                    found[-1] = _labelled(found[-1], cue)
            just_found = False
            continue
        parent = text_node.parent  # read once; a text node the walk reaches always has one
        if parent is None:
            continue
        element, text = line_of(parent, spine, wide)
        if element.mem_id in seen:
            continue
        seen.add(element.mem_id)
        if _is_caption(element, text or clean_text(raw)):
            continue
        item = ZoneText(element, parent, text or clean_text(raw), forward)
        cue = _label(label) if forward and label else ""
        found.append(_labelled(item, cue) if cue else item)
        label, just_found = "", True
    return found


def _is_caption(element: LexborNode, text: str) -> bool:
    """True when the line repeats the alt or title of an image in it or just before it: a
    caption written as a plain line, whose date is the picture's."""
    if len(text) < MIN_CAPTION_CHARS:
        return False                        # too short to hold an alt text that counts
    images = element.css("img")
    sibling = element.prev
    while sibling is not None and sibling.tag in ("-text", "-comment"):
        sibling = sibling.prev
    if sibling is not None and sibling.tag in _IMAGE_HOLDERS:
        images.extend([sibling] if sibling.tag == "img" else sibling.css("img"))
    for image in images[:MAX_CAPTION_IMAGES]:
        for name in ("alt", "title"):
            words = clean_text(image.attributes.get(name))
            if len(words) >= MIN_CAPTION_CHARS and words in text:
                return True
    return False


def _labelled(item: ZoneText, label: str) -> ZoneText:
    """The text read with the label before it, unless it carries its own cue."""
    if cue_kind(item.text[:MAX_LABEL_CHARS]) is not None:
        return item
    return ZoneText(item.node, item.origin, f"{label} {item.text}", item.after)


def _label(raw: str) -> str:
    """The text when it is a bare cue ("Published", "Last updated:"), else ''."""
    if len(raw) > 4 * MAX_LABEL_CHARS:
        return ""
    text = clean_text(raw)
    if len(text) > MAX_LABEL_CHARS or cue_kind(text) is None:
        return ""
    return text


def line_of(element: LexborNode, spine: frozenset[int],
             wide: dict[int, str | None]) -> tuple[LexborNode, str | None]:
    """The largest element around the text that is still one short line (a date beside its
    time or its label), never one holding the headline; with its text. `wide` remembers each
    ancestor's line text, so that the many cells of one long table read its text once."""
    text = _element_text(element)
    parent = element.parent
    while text is not None and parent is not None and parent.tag not in _TOP_TAGS:
        key = parent.mem_id
        if key in spine:
            break
        if key not in wide:
            wide[key] = _element_text(parent, MAX_LINE_CHARS)
        wider = wide[key]
        if wider is None:
            break
        element, text, parent = parent, wider, parent.parent
    return element, text


def _element_text(element: LexborNode, limit: int = MAX_TEXT_CANDIDATE_CHARS) -> str | None:
    """The element's whole text when short (a date split by comments or tags), else None."""
    raw = element.text(deep=True, separator=" ")
    if len(raw) > 4 * limit:
        return None
    text = clean_text(raw)
    return text if len(text) <= limit else None


def _forward(start: LexborNode) -> Iterator[LexborNode]:
    """Text nodes after the start element's subtree, in document order."""
    node = next_outside(start)
    while node is not None:
        tag = node.tag  # each read of a node's tag or child builds a new string or wrapper
        if tag == "-text":
            yield node
            node = next_outside(node)
        elif tag in _SKIPPED_TAGS:
            node = next_outside(node)
        else:
            child = node.child
            node = child if child is not None else next_outside(node)



def _backward(start: LexborNode) -> Iterator[LexborNode]:
    """Text nodes before the start element, in reverse document order."""
    node: LexborNode | None = start
    while node is not None:
        previous = node.prev
        if previous is not None:
            node = previous
            tag = node.tag
            while tag not in _SKIPPED_TAGS:
                last = node.last_child
                if last is None:
                    break
                node, tag = last, last.tag
            if tag == "-text":
                yield node
        else:
            node = node.parent
            if node is None or node.tag in _TOP_TAGS:
                return
