"""Where the sentences of a paragraph begin, its quotes masked.

A sentence ends after . ! ? and any closing marks, French-spaced or not, except after an
abbreviation ('Mr.', 'St.'), an initial, a German ordinal before a month or a century ('am
18. November'), or before a lowercase speech verb or pronoun that goes on with it ('“… the
move?” asked Pineda.'), or a determiner after a closing quotation mark ('“… in!” an officer
shouted.').
"""

from __future__ import annotations

import re

from .words import PRONOUNS, SPEECH_VERB_WORDS

# A sentence ends after . ! ? and any closing marks, French-spaced ('fin. » Puis') or not.
# The stop itself is matched, not looked behind for: the regex engine then jumps from one
# . ! ? to the next instead of trying every position; group 1 is the boundary.
_BOUNDARY = re.compile(r"[.!?]((?:[\u00a0\u202f ]?[”\"’»«“)›‹])*\s+)(?=[\w“\"„«»‹›‘‚\x01(])")
_CLOSING_MARKS = "”\"’»«“›‹"
# Determiners opening a speaker after a closing mark: '“… in!” an officer shouted.'
_DETERMINERS = frozenset({"a", "an", "the", "one", "der", "die", "das", "ein", "eine", "le",
                          "la", "les", "un", "une", "el", "los", "las", "il", "lo", "uno",
                          "una"})
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen",
                            "lt", "col", "capt", "sgt", "jr", "sr", "mt", "no", "vs", "rev",
                            "hon", "fr", "u.s", "u.k", "inc", "corp", "co", "ltd", "jan", "feb",
                            "aug", "sept", "oct", "nov", "dec", "bzw", "ca", "etc", "z.b", "vgl"})
# Words after a German ordinal number: months, and centuries.
ORDINAL_NOUNS = frozenset({"januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
                           "august", "september", "oktober", "november", "dezember",
                           "jahrhundert", "jahrhunderts", "jahrestag", "geburtstag"})


def sentence_starts(masked: str) -> list[int]:
    """Positions where sentences begin (abbreviations and initials are not sentence ends)."""
    starts: list[int] = []
    previous = 0  # where the text after the last boundary begins: a word starts there or later
    for match in _BOUNDARY.finditer(masked):
        # the word ending the sentence holds the . ! ? before the boundary; what lies
        # between two boundaries is cut once, from its end (linear in the text)
        head = masked[previous:match.start(1)].rsplit(None, 1)
        previous = match.end(1)
        word = head[-1].rstrip(".!?”\"’»«“)").lower()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) \
                or _tag_word(masked, match.end(1), match.group(1)) \
                or _ordinal_date(word, masked, match.end(1)):
            continue
        starts.append(match.end(1))
    return starts


def _ordinal_date(word: str, masked: str, position: int) -> bool:
    """A German ordinal before a month or a century is no sentence end: 'am 18. November',
    'im 21. Jahrhundert'."""
    if not (word.isdigit() and len(word) <= 2):
        return False
    following = masked[position:position + 14].split(None, 1)
    return bool(following) and following[0].rstrip(".,;:").lower() in ORDINAL_NOUNS


def _tag_word(masked: str, position: int, boundary: str) -> bool:
    """A lowercase speech verb or pronoun goes on the sentence: '“… the move?” asked Pineda.';
    after a closing quotation mark a determiner does ('“… in!” an officer shouted.')."""
    if not masked[position].islower():
        return False
    word = masked[position:position + 20].split(None, 1)[0].strip(",.;:")
    return word in SPEECH_VERB_WORDS or word in PRONOUNS \
        or (word in _DETERMINERS and any(mark in boundary for mark in _CLOSING_MARKS))
