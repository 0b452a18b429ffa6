"""A last resort inside the article: a labelled date on a line of its own anywhere in it, for
the pages that date themselves only at the end ("Last updated: November 13, 2025" under
the text, "Written by Jane Doe" over "April 8, 2024" in the closing author box).

Only a line that says which date it holds counts: a cue ("Published", "Last updated",
one in the element just before it) or an author line ("Written by ..."); unlabelled dates far
from the headline are too often those of the events the article tells. Lines in navigation,
comments, teasers or sidebars (see `scope`) never count.
"""

from __future__ import annotations

import re

from ..document import clean_text
from .byline import line_of
from .patterns import AUTHOR_LINE_CUES, MAX_LABEL_CHARS, MAX_LABELLED_TEXTS, MAX_LINE_CHARS
from .sources import DateContext, SourceDates
from .text import cue_kind, find_dates

_DIGIT = re.compile(r"\d")
_AUTHOR_CUES = "|".join(re.escape(cue).replace(r"\ ", r"\s+") for cue in AUTHOR_LINE_CUES)
_AUTHOR_LINE = re.compile(rf"(?<!\w)(?:{_AUTHOR_CUES})\s+\w", re.IGNORECASE)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "select",
                           "button", "iframe"})
_NO_SPINE: frozenset[int] = frozenset()


def labelled_dates(context: DateContext) -> SourceDates:
    """The first labelled date on a short line of the article's container (the body when the
    page has no headline), as a publication or a modification date as its label says."""
    scope = context.scope
    root = scope.container(context.document.tree.body)
    if root is None:
        return SourceDates()
    seen: set[int] = set()
    wide: dict[int, str | None] = {}  # each ancestor's line text, read once (a long table's)
    # The short text just read: when a bare cue ("Last updated:"), it labels the date after it.
    # Kept raw, and read (see `_bare_cue`) only for a line that holds a date (few do).
    label = ""
    count = 0
    for node in root.traverse(include_text=True):
        if node.tag != "-text":
            continue
        count += 1
        if count > MAX_LABELLED_TEXTS:
            break
        raw = node.text_content or ""
        if not _DIGIT.search(raw):
            if raw.strip() and len(raw) <= 4 * MAX_LABEL_CHARS:
                label = raw
            continue
        before_raw, label = label, ""
        parent = node.parent
        if len(raw) > 4 * MAX_LINE_CHARS or parent is None or parent.tag in _SKIPPED_TAGS:
            continue  # a paragraph of prose, never a line of its own
        if not find_dates(raw):
            continue
        element, line = line_of(parent, _NO_SPINE, wide)
        if element.mem_id in seen:
            continue
        seen.add(element.mem_id)
        line = line or clean_text(raw)
        if len(line) > MAX_LINE_CHARS:
            continue
        before = _bare_cue(before_raw)
        dates = context.find_dates(f"{before} {line}" if before else line)
        kind = dates[0].kind if dates else None
        if dates and kind is None and _AUTHOR_LINE.search(line):
            kind = "published"
        if kind is not None and scope.rank(element) is not None:
            value = dates[0].value
            return SourceDates(value) if kind == "published" else SourceDates(None, value)
    return SourceDates()


def _bare_cue(raw: str) -> str:
    """The text when it is a bare cue ("Published", "Last updated:"), else ''."""
    text = clean_text(raw)
    return text if len(text) <= MAX_LABEL_CHARS and cue_kind(text) else ""
