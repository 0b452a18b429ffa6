"""Speakers read from the sentences around a quote, when its own tag names none.

- A tag closing the quote's sentence after other words, its verb first: 'Sie habe kein
  Interesse, „…“, X sei es, sagte sie.'; or its subject first: '“…” of the boat, which
  was on patrol, the bureau said.'
- The tag of the next quote of the same sentence, which closes both: '“Caution is
  warranted,” which …, “because …,” Fontana explains.'
- The person opening the sentence right after a quote that opens its paragraph: '„…“
  Bundestrainer Jan Roth war bester Laune.'
- A colon closing words that name nobody ('Und: „…“', 'Sätze wie diese: „…“'): the quote
  goes on with whom the paragraph is about, when that person was quoted before; unless the
  sentence opens by taking up an unnamed speaker described before ('Pero esta vecina muestra
  su desacuerdo: «…»' after 'una vecina de La Pradera').
- A quote in the first person going on with a sentence about someone ('X hat Y vor 32
  Jahren eingestellt, „weil sie so viel gearbeitet hat wie ich“'): the person the sentence
  names first.
"""

from __future__ import annotations

import re

from .marks import QuoteSpan
from .memory import NameMemory
from .names import NAME_RUN, Mention, mentions
from .refs import DROPPED_SUBJECT
from .speakers import speaker_after
from .verbs import VERB, find_attributions
from .words import LEADING_CONNECTORS

_COMMA = re.compile(r",\s*")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'.]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ’']+)*")
# How far into a clause its opening verb is looked for.
_TAG_VERB_CHARS = 40
# A person opening the sentence after a quote stands within its first words.
SUBJECT_OPENING_WORDS = 4
# Most words of a subject-first tag closing a sentence ('the bureau said').
_SUBJECT_TAG_WORDS = 5
# Verbs followed by whom they address, not by their subject: '…, told the newspaper'.
_OBJECT_VERBS = frozenset({"told", "tells", "telling", "told reporters"})
# First-person words: a quote holding one speaks for someone ('… wie ich', 'because I').
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "ich", "mich", "mir", "mein", "meine",
                          "meinen", "meinem", "meiner", "je", "j", "moi", "mon", "ma", "mes",
                          "yo", "mí", "mis", "io", "mio", "mia", "miei"})
_WORDS = re.compile(r"\w+")
# Articles before an organisation's name: 'la Asociación X', 'die Deutsche Bank'.
_ORGANISATION_ARTICLES = frozenset({"the", "der", "die", "das", "le", "la", "les", "el", "los",
                                    "las", "il", "lo"})
# Most words of an opening phrase before the subject ('De cara al futuro,').
_ADJUNCT_WORDS = 5
# Words opening a sentence before its subject: 'But', 'Pero', 'Aber', 'Mais'.
_OPENING_CONNECTORS = LEADING_CONNECTORS | frozenset({"pero", "y", "también", "e", "ma", "anche"})


def colon_lead(masked: str, first: QuoteSpan, starts: list[int]) -> bool:
    """A quote after a colon closing words that name no speaker ('Und: „…“', 'Sätze wie
    diese: „…“'): it goes on with whom the paragraph is about."""
    sentence = max((start for start in starts if start <= first.start), default=0)
    return masked[sentence:first.start].rstrip(" “\"„«»").endswith(":")


def described_opening(masked: str, first: QuoteSpan, starts: list[int],
                      memory: NameMemory) -> str | None:
    """The unnamed speaker described before whom the quote's sentence opens with ('Pero esta
    vecina muestra …: «…»', 'La miembro de la Plataforma coincide: «…»'), or None."""
    sentence = max((start for start in starts if start <= first.start), default=0)
    words = masked[sentence:first.start].split()
    while words and words[0].lower().strip(",") in _OPENING_CONNECTORS:
        words.pop(0)
    return memory.described(" ".join(words[:3])) if words else None


def named_opening(masked: str, first: QuoteSpan, starts: list[int]) -> str | None:
    """The organisation a colon sentence opens with, after its article and a short opening
    phrase ('De cara al futuro, la Asociación Vecinal Norte se mantendrá …: «…»'): a run
    of two capitalised words or more, none a particle, or None."""
    sentence = max((start for start in starts if start <= first.start), default=0)
    text = masked[sentence:first.start]
    opening, comma, rest = text.partition(",")
    if comma and len(opening.split()) <= _ADJUNCT_WORDS:
        text = rest
    words = text.split(None, 1)
    while len(words) == 2 and words[0].lower() in _OPENING_CONNECTORS:
        words = words[1].split(None, 1)
    if len(words) < 2 or words[0].lower() not in _ORGANISATION_ARTICLES:
        return None
    run = NAME_RUN.match(words[1])
    tokens = run.group(0).split() if run else []
    # every word capitalised: 'Die Zahl der Toten stieg:' names no one
    return " ".join(tokens) if len(tokens) > 1 and all(t[:1].isupper() for t in tokens) else None


def first_person_subject(masked: str, text: str, first: QuoteSpan, starts: list[int],
                         memory: NameMemory) -> str | None:
    """A lowercase quote in the first person going on with the sentence before it ('X hat Y
    eingestellt, „weil sie so viel gearbeitet hat wie ich“'): the first person that sentence
    names, or None."""
    if not text[:1].islower() or FIRST_PERSON.isdisjoint(_WORDS.findall(text.lower())):
        return None
    sentence = max((start for start in starts if start <= first.start), default=0)
    before = masked[sentence:first.start]
    if "\x01" in before:
        return None
    for mention in mentions(before):
        if not mention.governed and _person_shaped(mention.name) \
                and (" " in mention.name or memory.knows(mention.name.lower())):
            return memory.expand(mention.name)
    return None


def next_subject(masked: str, last: QuoteSpan, starts: list[int], memory: NameMemory
                  ) -> str | None:
    """The person opening the sentence right after a quote that opens its paragraph: '„…“
    Bundestrainer Jan Roth war bester Laune.', '“…” Ana Lima smiled.'"""
    begin = next((start for start in starts if start >= last.end), None)
    if begin is None or masked[last.end:begin].strip(" .!?”\"»«“’"):
        return None
    end = next((start for start in starts if start > begin), len(masked))
    sentence = masked[begin:end]
    if "\x01" in sentence:
        return None
    for mention in mentions(sentence):
        if len(sentence[:mention.position].split()) >= SUBJECT_OPENING_WORDS:
            break
        if mention.subject and not mention.governed and _person_shaped(mention.name) \
                and _verb_follows(sentence, mention) \
                and (" " in mention.name or memory.knows(mention.name.lower())):
            return memory.expand(mention.name)
    return None


def _person_shaped(name: str) -> bool:
    """'Karl Huber', 'Ana Lis-Roth': every word a capital and small letters (not 'C DEF')."""
    return all(_NAME_WORD.fullmatch(word) for word in name.split())


def _verb_follows(sentence: str, mention: Mention) -> bool:
    """The name is followed by a lowercase word, its verb ('Karl Huber war …'), not by a
    comma ('No Brasil, …')."""
    end = sentence.find(mention.name, mention.position)
    rest = sentence[end + len(mention.name):].lstrip() if end >= 0 else ""
    return rest[:1].islower()


def same_sentence(last: QuoteSpan, following: QuoteSpan, starts: list[int]) -> bool:
    """True when no sentence begins between two quotes: a tag closing the second closes
    both ('“Caution is warranted,” which …, “because …,” Fontana explains.')."""
    return not any(last.end < start <= following.start for start in starts)


def closing_tag(rest: str) -> str | None:
    """A speech tag closing the quote's sentence after a comma, its verb first: 'Sie habe
    kein Interesse, „…“, X sei es, sagte sie.', '“…” and more, said the mayor.'"""
    for comma in _COMMA.finditer(rest):
        clause = rest[comma.end():]
        found = find_attributions(clause[:_TAG_VERB_CHARS])
        if found and found[0].first_word and found[0].kind == VERB \
                and found[0].verb.lower() not in _OBJECT_VERBS:
            phrase = speaker_after(clause)
            return phrase if phrase != DROPPED_SUBJECT else None
    return _closing_subject_tag(rest)


def _closing_subject_tag(rest: str) -> str | None:
    """The last clause of the sentence, a short subject then its speech verb: '“…” of the
    boat, which was on patrol, the bureau said.'"""
    clause = rest.rsplit(",", 1)[-1] if "," in rest else ""
    words = clause.split()
    if not words or len(words) > _SUBJECT_TAG_WORDS or "\x01" in clause \
            or not clause.rstrip().endswith("."):
        return None
    found = [match for match in find_attributions(clause) if match.kind == VERB]
    if not found or found[-1].first_word or clause[found[-1].end:].strip(" .") \
            or found[-1].verb.lower() in _OBJECT_VERBS:
        return None
    phrase = speaker_after(clause)
    return phrase if phrase != DROPPED_SUBJECT else None
