"""Find attribution verbs in a text in one linear pass: words are looked up in a table.

A regex alternation of some 200 verbs, case-insensitive, is tried at every position and
dominated the quote extractor's time; a word scan with a dictionary keyed by first word
gives the same matches (multi-word verbs such as "a déclaré" or "told reporters"
included, the longest first).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .words import (
    AFTER_VERB_WORDS,
    ATTRIBUTION_VERBS,
    NOUN_LIKE_VERBS,
    NOUN_MARKERS,
    SPEAKER_AFTER_PHRASES,
)

_TOKEN = re.compile(r"[\w’'-]+")
VERB = "verb"          # "X said": the speaker is the subject
AFTER = "after"        # "according to X": the speaker follows


class VerbMatch(NamedTuple):
    """A verb or an 'according to'-style phrase found at [start, end) of a text."""

    start: int
    end: int
    verb: str
    kind: str
    first_word: bool


def _table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The phrases by first word, longest first, ties in the lists' order (whatever the hash seed)."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrases, kind in ((ATTRIBUTION_VERBS, VERB), (SPEAKER_AFTER_PHRASES, AFTER)):
        for phrase in dict.fromkeys(phrases):  # each once, in source order
            words = tuple(phrase.lower().split())
            table.setdefault(words[0], []).append((words, kind))
    for entries in table.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    return table


_TABLE = _table()
_FIRST_WORDS = frozenset(_TABLE)
# First words that open only longer phrases ('a déclaré', 'was quoted as saying'), with the
# second words they need: an English 'a' alone opens nothing.
_SECOND_WORDS = {first: frozenset(words[1] for words, _ in entries)
                 for first, entries in _TABLE.items()
                 if all(len(words) > 1 for words, _ in entries)}


def _hits(hits: frozenset[str], words: list[str]) -> frozenset[str]:
    """The attribution first words among the words (`hits`, found by the caller), less a
    first word that opens only phrases and stands without one of their second words."""
    if hits.isdisjoint(_SECOND_WORDS):
        return hits
    # the words' hashes are cached by the intersection: no set of them is built
    return frozenset(first for first in hits if first not in _SECOND_WORDS
                     or not _SECOND_WORDS[first].isdisjoint(words))


def find_attributions(text: str) -> list[VerbMatch]:
    """Every attribution verb and 'according to' phrase in the text, in order."""
    lowered = text.lower()
    words = _TOKEN.findall(lowered)
    hits = _FIRST_WORDS.intersection(words)
    if not hits:
        return []  # most paragraphs hold no attribution word: one C-level scan decides
    hits = _hits(hits, words)
    if not hits:
        return []  # 'a' or 'was' without the words of their phrases (half the rest)
    source, tokens = lowered, words  # the tokens as they stand in `source`
    if len(lowered) != len(text):  # 'İ' lowercases to two characters: keep the offsets
        source, tokens = text, _TOKEN.findall(text)
        words = [token.lower() for token in tokens]
    spans: list[tuple[int, int]] = []  # of the tokens up to the last one read
    found: list[VerbMatch] = []
    following = 0  # the first token not inside a phrase found already
    for index in [i for i, word in enumerate(words) if word in hits]:
        if index < following:
            continue
        matched = _match(words, index, _TABLE[words[index]])
        if matched is None:
            continue
        length, kind = matched
        _spans_up_to(spans, source, tokens, min(index + length, len(words) - 1))
        if length == 1 and words[index] in NOUN_LIKE_VERBS \
                and not _used_as_verb(text, words, spans, index):
            continue
        if words[index] == "asked" and words[index + 1:index + 2] == ["of"]:
            continue  # 'the question asked of the court': a participle, nobody speaks
        start, end = spans[index][0], spans[index + length - 1][1]
        found.append(VerbMatch(start, end, text[start:end], kind, index == 0))
        following = index + length
    return found


def _spans_up_to(spans: list[tuple[int, int]], source: str, tokens: list[str], last: int) -> None:
    """Extend the tokens' offsets up to token `last`, each found after the one before (a
    token is a longest run of token characters: none stands between two), not every token's
    offsets of a long paragraph for a verb early in it."""
    at = spans[-1][1] if spans else 0
    for token in tokens[len(spans):last + 1]:
        start = source.find(token, at)
        at = start + len(token)
        spans.append((start, at))


def _used_as_verb(text: str, words: list[str], spans: list[tuple[int, int]], index: int) -> bool:
    """'X states that', 'X claims:', '”, she notes.' but not 'EU states will meet' nor
    'text in notes, and': a determiner or preposition before it makes it a noun."""
    if index and (text[spans[index][0]].isupper() or words[index - 1] in NOUN_MARKERS
                  and not text[spans[index - 1][1]:spans[index][0]].strip()):
        return False  # 'Lecture Notes in …' is a title
    if index + 1 >= len(words):
        return True
    between = text[spans[index][1]:spans[index + 1][0]]
    return bool(between.strip()) or words[index + 1] in AFTER_VERB_WORDS


def _match(words: list[str], index: int,
           entries: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
    second = words[index + 1] if index + 1 < len(words) else None
    for phrase, kind in entries:
        if len(phrase) == 1:
            return 1, kind
        if phrase[1] != second:
            continue  # most tokens ('a', 'ha') open no entry: compare one word, not a tuple
        if tuple(words[index:index + len(phrase)]) == phrase:
            return len(phrase), kind
    return None
