"""Speakers a quote's own sentence leaves unsaid, read from the reporting around it.

- Only a short opening phrase closed by a comma before the quote ('As a parent, “…”'): the
  sentence quotes whom the paragraph is about.
- A quote opening a sentence right after a speech verb with a subject ('Das Ministerium
  forderte eine Heimkehr der Seeleute. „…“'): that subject, a person or not.
- German reported speech in the subjunctive (Konjunktiv) before the quote ('Als
  Generalsekretär übernehme er die Verantwortung, „…“'): its pronoun, or the person the
  paragraph reports.
"""

from __future__ import annotations

from .marks import QuoteSpan
from .memory import NameMemory
from .speakers import resolve_speaker, speaker_before
from .verbs import VERB, find_attributions

# A short opening phrase before a quote that leaves it to the paragraph's speaker.
ADJUNCT_WORDS = 5
# German subjunctive (Konjunktiv) forms that mark reported speech: 'sei', 'habe', 'würden'.
SUBJUNCTIVE_VERBS = frozenset({"sei", "seien", "habe", "hätte", "hätten", "werde", "würde",
                               "würden", "könne", "könnten", "müsse", "müssten", "solle",
                               "sollten", "wolle", "dürfe"})
# Words ending in -e before 'er'/'sie' that are no verb ('die er', 'ohne sie').
NOT_SUBJUNCTIVE = frozenset({"die", "diese", "jene", "welche", "eine", "keine", "seine", "ihre",
                             "meine", "deine", "unsere", "alle", "viele", "beide", "ohne", "wie",
                             "solche", "manche", "einige", "andere", "gegen", "gerne", "ebenfalls",
                             "schließlich", "dabei", "bitte", "heute", "gestern", "morgen",
                             "schnelle", "gute", "große", "neue", "alte", "letzte", "nächste"})


def adjunct_before(masked: str, first: QuoteSpan, starts: list[int]) -> bool:
    """Only a short opening phrase closed by a comma stands before the quote in its sentence
    ('As a parent, “we …”'): the sentence quotes whom the paragraph is about."""
    sentence = max((s for s in starts if s <= first.start), default=0)
    words = masked[sentence:first.start].split()
    return 0 < len(words) <= ADJUNCT_WORDS and words[-1].endswith(",") \
        and not any(word[:1].isupper() for word in words[1:]) \
        and not find_attributions(" ".join(words))


def subjunctive_speaker(masked: str, first: QuoteSpan, starts: list[int], memory: NameMemory,
                         current: str | None) -> str | None:
    """German reported speech in the subjunctive before a quote goes on with its reporter:
    'Als Generalsekretär übernehme er die Verantwortung, „…“' -> whom 'er' means; 'Die USA
    würden nicht zusehen, wie „…“' -> the person the paragraph reports."""
    after = subjunctive_subject(masked, first, starts)
    if after is None:
        return None
    return memory.person_for(after) if after in ("er", "sie") else current


def subjunctive_subject(masked: str, first: QuoteSpan, starts: list[int]) -> str | None:
    """The word after the first subjunctive verb of the quote's sentence before it ('' when
    none follows), or None when it holds no such verb: only then is there no reported
    speech for `subjunctive_speaker` to read."""
    sentence = max((s for s in starts if s <= first.start), default=0)
    words = [word.strip(",;") for word in masked[sentence:first.start].split()]
    for index, word in enumerate(words):
        if word in SUBJUNCTIVE_VERBS or (index and word.endswith("e") and word.islower()
                                         and index + 1 < len(words)
                                         and words[index + 1] in ("er", "sie")
                                         and word not in NOT_SUBJUNCTIVE):
            return words[index + 1] if index + 1 < len(words) else ""
    return None


def said_before(masked: str, first: QuoteSpan, starts: list[int],
                 memory: NameMemory) -> str | None:
    """The subject of a speech verb in the sentence before the quote's, in its paragraph:
    'Das Ministerium forderte eine Heimkehr der Seeleute. „…“'."""
    sentence = max((s for s in starts if s <= first.start), default=0)
    previous = max((s for s in starts if s < sentence), default=0)
    text = masked[previous:sentence]
    if not text.strip() or "\x01" in text:
        return None
    verbs = [found for found in find_attributions(text) if found.kind == VERB]
    if not verbs:
        return None
    phrase = speaker_before(text[:verbs[-1].end], quoted=False)
    return resolve_speaker(phrase, memory) if phrase else None
