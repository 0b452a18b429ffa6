"""A speech tag whose verb no list knows: '“…,” Lyon points out', '„…“, lacht Anna Roth'.

After a quote that ends with a comma (or a question or exclamation mark), the short clause
that follows is its speech tag in every language we read, whatever its verb. Two shapes
are read:

- subject, then one verb word, then at most a few words: 'he snaps', 'Kelce shared',
  'Lyon points out', 'she states';
- one verb word, then the subject: 'lacht Kerstin Wahala, Co-Chefin', 'spöttelt er',
  'erinnert sich der junge Mann', 'apostilla el alcalde'.

The subject must be a personal pronoun, a capitalised name or a determiner opening a noun
phrase; the verb word is a lowercase word that is no function word (`TAG_STOPWORDS`).
"""

from __future__ import annotations

import re

from ..lazy import compile_on_use
from .names import NAME_RUN, head_name
from .phrases import phrase_after
from .words import SUBJECT_PRONOUNS, TAG_ARTICLES, TAG_REFLEXIVES, TAG_STOPWORDS, TAG_THINGS

# The clause after the quote: up to the first punctuation, masked quote or quotation mark.
_CLAUSE = re.compile(r"^[\s,]*([^.,;:!?()\x01“”\"„«»]*)")
_WORD = compile_on_use(r"[^\W\d_][\w’'-]*")
# Most words of a subject-first tag; a longer clause is a sentence of its own (a verb-first
# tag ends where its subject phrase ends: 'vermutet X vom Vermögensverwalter Y').
MAX_TAG_WORDS = 8
# Words a subject-first tag may carry after its verb ('he said, incredulously').
MAX_WORDS_AFTER_VERB = 3
MIN_VERB_LETTERS = 3


def unknown_tag(context: str) -> str | None:
    """The speaker phrase of a speech tag with an unknown verb, or None."""
    clause = _CLAUSE.match(context)
    text = clause.group(1) if clause else ""
    words = text.split()
    if len(words) < 2:
        return None
    if _verb_like(words[0]) and words[0].lower() not in SUBJECT_PRONOUNS:
        verb_end = clause.start(1) + text.index(words[0]) + len(words[0])
        return _inverted(context[verb_end:])
    return _subject_first(text.strip(), words) if len(words) <= MAX_TAG_WORDS else None


def _inverted(rest: str) -> str | None:
    """What follows the verb word: 'Kerstin Wahala, Co-Chefin' -> 'Kerstin Wahala'."""
    rest = rest.lstrip()
    first = _first_word(rest)
    if first.lower() in TAG_REFLEXIVES:
        rest = rest[len(first):].lstrip()
        first = _first_word(rest)
    lowered = first.lower()
    if not (lowered in SUBJECT_PRONOUNS or lowered in TAG_ARTICLES or first[:1].isupper()
            or lowered.startswith(("l’", "l'"))):
        return None
    return phrase_after(rest)


def _first_word(text: str) -> str:
    return text.split(None, 1)[0].rstrip(".,;:!?") if text.strip() else ""


def _subject_first(clause: str, words: list[str]) -> str | None:
    """'he snaps', 'Lyon points out': a pronoun or a name, then a verb word."""
    if words[0].lower() in SUBJECT_PRONOUNS or words[0].lower() in TAG_THINGS:
        subject, verb_index = words[0], 1  # 'it reads': a text speaks, nobody named
    else:
        run = NAME_RUN.match(clause)
        name = head_name(run.group(0)) if run else None
        if not name:
            return None
        subject, verb_index = name, len(run.group(0).split())
    if verb_index >= len(words) or not _verb_like(words[verb_index]):
        return None
    return subject if len(words) - verb_index - 1 <= MAX_WORDS_AFTER_VERB else None


def _verb_like(word: str) -> bool:
    """A lowercase word of letters that is no function word."""
    return bool(_WORD.fullmatch(word)) and word[:1].islower() and len(word) >= MIN_VERB_LETTERS \
        and word.lower() not in TAG_STOPWORDS
