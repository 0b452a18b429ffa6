"""Find quotation spans in a paragraph, for every common quotation-mark convention.

Supported: “English” "straight" ‘single’ 'single' „German“ „German” »German« «French»
‹single guillemets› ›reversed‹ and ”Swedish”. Single marks double as apostrophes
(Nato’s, don’t, students’ union), so a single-mark quote must open at a word start,
close before a non-letter, and close within its paragraph; double marks may stay open
to the end of the paragraph (a quote continued in the next paragraph).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Opening mark -> the marks that can close it.
CLOSERS: dict[str, str] = {
    "“": "”", "„": "“”", "‟": "”", '"': '"', "«": "»", "»": "«", "‹": "›", "›": "‹",
    "”": "”", "‘": "’", "‚": "‘’", "'": "'",
}
# A sloppy page mixes straight and curly marks ('"…,” she said'): a curly or low opener
# closes on a straight mark when no proper closer follows in the paragraph, and a straight
# opener closes on a curly closer that closes no curly quote nested inside it.
FALLBACK_CLOSERS: dict[str, str] = {"“": '"', "„": '"', "‟": '"'}
# Marks that are also apostrophes: strict opening and closing rules, no open-ended spans.
APOSTROPHE_MARKS = frozenset("‘’'‚")
# Characters after which an opening mark can stand (besides the paragraph start).
OPEN_AFTER = frozenset(" \t\u00a0([{—–-/:;,\u2009\u202f")

_ALL_MARKS = "".join(sorted(set(CLOSERS) | set("".join(CLOSERS.values()))))
_MARKS = re.compile(f"[{re.escape(_ALL_MARKS)}]")
# Marks that can open a quote: a paragraph without one (most, ’ being no opener) has none.
_OPENERS = re.compile(f"[{re.escape(''.join(sorted(CLOSERS)))}]")
_DECADE = re.compile(r"\d\ds\b")


class QuoteSpan(NamedTuple):
    """One quotation in a paragraph: [start, end) covers the marks; text is the inside."""

    start: int
    end: int
    text: str
    closed: bool


def find_spans(paragraph: str) -> list[QuoteSpan]:
    """Return the quotation spans of a paragraph, in order, nested marks ignored."""
    if not _OPENERS.search(paragraph):
        return []
    marks = [(match.start(), match.group(0)) for match in _MARKS.finditer(paragraph)]
    spans: list[QuoteSpan] = []
    index = 0
    while index < len(marks):
        position, mark = marks[index]
        if not _can_open(paragraph, position, mark):
            index += 1
            continue
        close = _closing_index(paragraph, marks, index)
        if close is None:
            if mark not in APOSTROPHE_MARKS and mark not in "”":
                spans.append(QuoteSpan(position, len(paragraph),
                                       paragraph[position + 1:].strip(), False))
                break
            index += 1
            continue
        end = marks[close][0]
        spans.append(QuoteSpan(position, end + 1, paragraph[position + 1:end].strip(), True))
        index = close + 1
    return [span for span in spans if span.text]


def opens_paragraph(paragraph: str) -> bool:
    """True when the paragraph starts with a quotation mark that opens a quote."""
    stripped = paragraph.lstrip()
    return bool(stripped) and stripped[0] in CLOSERS and stripped[0] not in APOSTROPHE_MARKS


def _can_open(text: str, position: int, mark: str) -> bool:
    if mark not in CLOSERS:
        return False
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if mark in "«»‹›":
        return before in OPEN_AFTER or before in CLOSERS or position == 0
    if after.isspace() or after == "":
        return False
    if mark in APOSTROPHE_MARKS:
        if before.isalnum() or not (after.isalnum() or after in "“\"…"):
            return False
        return not _DECADE.match(text, position + 1)
    if mark == "”":
        return (before in OPEN_AFTER or position == 0) and after.isalpha()
    return True


def _closing_index(text: str, marks: list[tuple[int, str]], open_index: int) -> int | None:
    """Index in `marks` of the mark closing the quote opened at `open_index`, or None."""
    opener = marks[open_index][1]
    closers = CLOSERS[opener]
    if opener == '"':
        return _straight_closing(marks, open_index)
    fallback: int | None = None
    for index in range(open_index + 1, len(marks)):
        position, mark = marks[index]
        if mark not in closers:
            continue
        if opener not in APOSTROPHE_MARKS:
            return index
        if not _can_close_single(text, position):
            continue
        if _possessive(text, position):
            fallback = index if fallback is None else fallback
            continue
        return index
    if fallback is None and opener in FALLBACK_CLOSERS:
        fallback = next((index for index in range(open_index + 1, len(marks))
                         if marks[index][1] in FALLBACK_CLOSERS[opener]), None)
    return fallback


def _straight_closing(marks: list[tuple[int, str]], open_index: int) -> int | None:
    """'"…"' closes on the next straight mark, or on a '”' that closes no nested '“'."""
    nested = 0
    for index in range(open_index + 1, len(marks)):
        mark = marks[index][1]
        if mark == '"':
            return index
        if mark == "“":
            nested += 1
        elif mark == "”":
            if not nested:
                return index
            nested -= 1
    return None


def _can_close_single(text: str, position: int) -> bool:
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _possessive(text: str, position: int) -> bool:
    """'the students’ union': a plural possessive, not a closing mark."""
    return (text[position - 1] in "sS" and text[position + 1:position + 2] == " "
            and text[position + 2:position + 3].islower())
