"""The author's bio that closes the text: "Jane Doe is a writer who covers ..." goes.

Templates print the author's box after the article as plain paragraphs of the same column.
Among the last paragraphs, one opening with the name of one of the article's authors (whole,
or the first name of a full name) and saying who they are within a few words starts the bio:
it goes with everything after it, and so does a short title line right before it ("About the
author", "Written by Jane Doe").
"""

from __future__ import annotations

import re

from ..lazy import compile_on_use

MAX_BIO_TAIL = 3           # the bio is among this many last paragraphs
MIN_TEXT_BEFORE = 3        # ...and at least this many paragraphs of text come before it
MAX_TITLE_CHARS = 60       # a title line before the bio is this short
MAX_NAME_WORDS = 4
# The words after the name that say who the person is ("is a", "has written", "covers").
_INTRODUCES = compile_on_use(
    r"\W{0,3}(?:\S+\s+){0,6}?(?:is|was|has|holds|writes|covers|joined|serves|lives|ist|schreibt|est|es|è)\b")
_TITLE_WORDS = compile_on_use(r"\b(?:about|author|written|by|bio|autor|auteur)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][^\s\d_]*$")
_NOT_A_PERSON = frozenset({"the", "team", "staff", "editors", "editorial", "official", "news", "desk"})


def without_bio(paragraphs: list[str], authors: list[str] | tuple[str, ...]) -> list[str]:
    """Return paragraphs without a closing bio of one of the authors (unchanged when none)."""
    names = [name for author in authors for name in _names(author)]
    if not names or len(paragraphs) <= MIN_TEXT_BEFORE:
        return paragraphs
    first = max(MIN_TEXT_BEFORE, len(paragraphs) - MAX_BIO_TAIL)
    for index in range(first, len(paragraphs)):
        if _introduces(paragraphs[index], names):
            before = paragraphs[index - 1]
            if len(before) <= MAX_TITLE_CHARS and (_TITLE_WORDS.search(before)
                                                   or any(name in before for name in names)):
                index -= 1
            return paragraphs[:index]
    return paragraphs


def _names(author: str) -> list[str]:
    """The ways a bio opens with a person's name: the whole name, and the first name of a
    name of two or more words; nothing for an organisation ("The Editors", "QCY Official")."""
    words = author.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or not all(_NAME_WORD.match(word) for word in words) \
            or any(word.lower() in _NOT_A_PERSON for word in words) or not words[0][0].isupper():
        return []
    return [author, words[0]]


def _introduces(paragraph: str, names: list[str]) -> bool:
    """True when the paragraph opens with one of the names and then says who they are."""
    for name in names:
        if paragraph.startswith(name) and len(paragraph) > len(name) \
                and not paragraph[len(name)].isalnum() and _INTRODUCES.match(paragraph, len(name)):
            return True
    return False
