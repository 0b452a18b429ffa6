"""Snippets: the words around a match in an article's search text, matched words marked.

Built here rather than by FTS5's snippet(), whose cost grows with the square of the matches in
a column: over the capped search text (search_text.py) one regular expression finds every
match in linear time, and the window holding the most distinct terms is chosen in one pass.
Matching mirrors the indexes: whole words, case and accents ignored, for the word index;
any run of characters for the trigram index. Snippets are display text: control characters
are removed before the markers are put in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..printable import printable
from .query import Term

SNIPPET_CHARS = 120  # characters of text shown around the best match
LEAD_CHARS = 30  # of which at most this many before it
ELLIPSIS = "…"
ARTICLE, QUOTE = "article", "quote"

_WORD = r"[^\W_]"
_WORD_CHAR = re.compile(_WORD)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One character without case or accents, or the character itself if that is not one."""
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    folded = bare.casefold()
    if len(folded) == 1:
        return folded
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold(text: str) -> str:
    """Return the text without case or accents, character for character (same length)."""
    if text.isascii():
        return text.lower()
    return text.translate({ord(char): _fold_char(char) for char in set(text)})


@dataclass(frozen=True)
class Span:
    """One match: where it is and which term it matched."""

    start: int
    end: int
    term: int


class Matcher:
    """Finds the terms of a query in a text, as whole words or as any run of characters."""

    def __init__(self, terms: Sequence[Term], *, substrings: bool) -> None:
        patterns = [self._substring(t) if substrings else self._words(t) for t in terms]
        alternatives = [f"(?P<t{i}>{p})" for i, p in enumerate(patterns) if p]
        self.pattern = re.compile("|".join(alternatives)) if alternatives else None
        self.whole_words = not substrings

    @staticmethod
    def _words(term: Term) -> str:
        # No leading look-behind: a pattern that starts with a literal is searched for fast;
        # spans() drops the matches that start inside a word.
        words = re.findall(_WORD + "+", fold(term.text))
        if not words:
            return ""
        end = _WORD + "*" if term.prefix else f"(?!{_WORD})"
        return r"[\W_]+".join(map(re.escape, words)) + end

    @staticmethod
    def _substring(term: Term) -> str:
        return r"\s+".join(map(re.escape, fold(term.text).split()))

    def spans(self, text: str) -> list[Span]:
        """Return every match in the text, in order."""
        if self.pattern is None or not text:
            return []
        folded = fold(text)
        return [Span(m.start(), m.end(), int(str(m.lastgroup)[1:]))
                for m in self.pattern.finditer(folded)
                if not (self.whole_words and m.start() and _WORD_CHAR.match(folded,
                                                                              m.start() - 1))]


def _plain(text: str) -> str:
    return _SPACE.sub(" ", printable(text))


def _best_start(spans: list[Span], width: int) -> int:
    """Return the index of the span starting the window with the most distinct terms."""
    counts: dict[int, int] = {}
    best, best_distinct, last = 0, 0, 0
    for first, span in enumerate(spans):
        while last < len(spans) and spans[last].end <= span.start + width:
            counts[spans[last].term] = counts.get(spans[last].term, 0) + 1
            last += 1
        if len(counts) > best_distinct:
            best, best_distinct = first, len(counts)
        leaving = span.term
        counts[leaving] -= 1
        if not counts[leaving]:
            del counts[leaving]
    return best


def _window(text: str, anchor: Span | None, width: int) -> tuple[int, int]:
    """Return (start, end) of about `width` characters around the anchor, cut at spaces."""
    if anchor is None:
        start = 0
    else:
        start = max(0, anchor.start - LEAD_CHARS)
        space = text.find(" ", start, anchor.start)
        if start and space != -1:
            start = space + 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", anchor.end if anchor else start, end)
        end = space if space > start else end
    return start, end


def mark(text: str, spans: list[Span], markers: tuple[str, str],
         width: int = SNIPPET_CHARS) -> str:
    """Return the best window of the text, its matches between the markers."""
    anchor = spans[_best_start(spans, width)] if spans else None
    start, end = _window(text, anchor, width)
    shown = [span for span in spans if start <= span.start < end]
    if shown:
        end = max(end, shown[-1].end)
    pieces = [ELLIPSIS] if start else []
    position = start
    for span in shown:
        pieces += [_plain(text[position:span.start]), markers[0],
                   _plain(text[span.start:span.end]), markers[1]]
        position = span.end
    pieces.append(_plain(text[position:end]))
    if end < len(text):
        pieces.append(ELLIPSIS)
    return "".join(pieces).strip()


@dataclass(frozen=True)
class Document:
    """An article's search text, as the indexes hold it."""

    headline: str
    body: str
    quotes: str
    speakers: str


def snippet(document: Document, matcher: Matcher,
            markers: tuple[str, str]) -> tuple[str, str]:
    """Return (snippet, what matched): the body around its best match ("article"), else the
    first quote whose text or speaker matched ("quote"), else the start of the body."""
    body_spans = matcher.spans(document.body)
    if body_spans or matcher.spans(document.headline):
        return mark(document.body, body_spans, markers), ARTICLE
    speakers = document.speakers.split("\n")
    for position, quote in enumerate(document.quotes.split("\n")):
        speaker = speakers[position] if position < len(speakers) else ""
        quote_spans, speaker_spans = matcher.spans(quote), matcher.spans(speaker)
        if quote_spans or speaker_spans:
            shown_speaker = mark(speaker, speaker_spans, markers, len(speaker) or 1)
            return (f"“{mark(quote, quote_spans, markers)}” — "
                    f"{shown_speaker or 'speaker unknown'}"), QUOTE
    return mark(document.body, [], markers), ARTICLE
