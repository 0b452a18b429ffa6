"""Heuristic person names: capitalised token runs, and a memory of who was named so far.

A run of capitalised tokens (particles like von/de/bin and hyphens kept) is a person's
name when, after stripping titles and stop words from its edges ("Nato spokesperson Oana
Lungescu" -> "Oana Lungescu"), something is left and the run does not follow a
preposition or article ("in Tokyo", "the Guardian"). A single token counts as a person
only once it is known as the surname of a full name seen before, or as a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .speaker_words import NAME_PARTICLES, NAME_STOPWORDS, NON_PERSON_PRECEDERS, TITLES

_CAP = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]*\w|[A-Z]\.|[A-ZÀ-ÖØ-ÞĀ-Ž])"
_PARTICLE = r"(?:%s)" % "|".join(NAME_PARTICLES)
NAME_RUN = re.compile(rf"(?<![\w'’-]){_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP})*")
_POSSESSIVE = re.compile(r"[’']s?$")
_WORD_BEFORE = re.compile(r"([\w’'-]+)[\s,]*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"„«»]\s*|\x01+\W*)$")


@dataclass(frozen=True)
class Mention:
    """A person named at a position of a paragraph."""

    position: int
    name: str


def strip_name(run: str) -> str:
    """Drop titles, roles and stop words from both edges of a capitalised run."""
    tokens = _POSSESSIVE.sub("", run.strip()).split()
    while tokens and _edge_word(tokens[0]):
        tokens.pop(0)
    while tokens and _edge_word(tokens[-1]):
        tokens.pop()
    while tokens and tokens[0].lower() in NAME_PARTICLES:
        tokens.pop(0)
    return " ".join(tokens)


def head_name(phrase: str) -> str | None:
    """The person a noun phrase names: its final capitalised run, unless a preposition governs it."""
    runs = list(NAME_RUN.finditer(phrase))
    if not runs:
        return None
    last = runs[-1]
    if phrase[last.end():].strip(" ,.;:’'s"):
        return None
    previous = _WORD_BEFORE.search(phrase[:last.start()])
    if previous and previous.group(1).lower() in NON_PERSON_PRECEDERS:
        return None
    name = strip_name(last.group(0))
    return name if name and any(ch.isupper() for ch in name[:1]) else None


def mentions(text: str) -> list[Mention]:
    """Person-name candidates in a text with their positions (multi-word or single)."""
    found: list[Mention] = []
    for match in NAME_RUN.finditer(text):
        before = text[:match.start()]
        previous = _WORD_BEFORE.search(before)
        if previous and previous.group(1).lower() in NON_PERSON_PRECEDERS:
            continue
        name = strip_name(match.group(0))
        if name:
            found.append(Mention(match.start(), name))
    return found


@dataclass
class NameMemory:
    """Who has been named so far: full names by surname, and the most recent person."""

    full_names: dict[str, str] = field(default_factory=dict)
    speakers: set[str] = field(default_factory=set)
    last_person: str | None = None

    def note(self, name: str) -> None:
        """Record a name mention; a multi-word name teaches its surname."""
        tokens = name.split()
        if len(tokens) >= 2:
            self.full_names[tokens[-1].lower()] = name
            self.last_person = name
        elif self.expand(name) != name or name in self.speakers:
            self.last_person = self.expand(name)

    def note_speaker(self, name: str) -> None:
        """Record a resolved speaker: the most recent person from now on."""
        self.speakers.add(name)
        self.last_person = name

    def expand(self, name: str) -> str:
        """Return the full name for a surname seen before ('Lungescu' -> 'Oana Lungescu')."""
        tokens = name.split()
        if len(tokens) == 1:
            return self.full_names.get(tokens[0].lower(), name)
        return name


def is_person_name(text: str) -> bool:
    """True when the whole text is a capitalised name run with no stop word left over."""
    match = NAME_RUN.fullmatch(text.strip())
    return bool(match) and strip_name(text) == _POSSESSIVE.sub("", text.strip())


def _edge_word(token: str) -> bool:
    word = token.lower().strip(".,")
    return word in NAME_STOPWORDS or word in TITLES
