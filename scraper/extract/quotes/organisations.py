"""An organisation taken up by a definite description: 'the ministry' after 'Russia’s
Defence Ministry', 'die Partei' after 'Freie Demokratische Partei', 'the ruling party'.

The description is an article and at most two words before a noun of an organisation
(`ORGANISATION_NOUNS`; documents such as 'the report' are left alone: their author is
not the report). The organisation is the last capitalised run of two words or more, in the
quote's paragraph or the few before it, that holds that noun as a word ('Defence
Ministry') or as the end of a German compound ('Außenministerium'), and every word before
the noun ('the Swedish Prosecution Authority'; 'the ruling party' is no 'Communist Party').
Else, for a bare 'the <noun>', it is the last name the article introduced with that noun just
before it ('investment banking giant Goldman Sachs' ... 'the bank said'), or else the last
organisation its own paragraph names before it ('reached out to the Department of
Transportation … the agency said').
"""

from __future__ import annotations

import re

from ..lazy import compile_on_use
from .memory import is_thing
from .names import NAME_RUN
from .words import THING_NOUNS

DEFINITE_ARTICLES = frozenset({"the", "der", "die", "das", "le", "la", "l’", "l'", "el", "il",
                               "lo"})
DOCUMENT_NOUNS = frozenset({"report", "study", "statement", "paper", "survey", "review",
                            "analysis", "document", "letter", "website", "post", "bericht",
                            "studie", "erklärung", "mitteilung", "rapport", "étude", "informe",
                            "estudio", "rapporto", "studio", "campaign", "team", "research",
                            "findings", "data", "poll"})
ORGANISATION_NOUNS = THING_NOUNS - DOCUMENT_NOUNS
# Most words of a description before its noun ('the ruling party', 'the Russian ministry').
MAX_DESCRIPTION_WORDS = 4
# How many paragraphs back the organisation is looked for.
LOOKBACK_PARAGRAPHS = 8
# How close before a name its introducing noun stands ('banking giant Goldman Sachs').
INTRODUCER_WORDS = 3
INTRODUCER_CHARS = 60
# Shortest noun read as the end of a compound ('ministerium' in 'Außenministerium').
MIN_COMPOUND_NOUN = 6


def named_organisation(description: str, paragraphs: list[str]) -> str | None:
    """The organisation a definite description takes up, or None."""
    words = description.split()
    if not 2 <= len(words) <= MAX_DESCRIPTION_WORDS \
            or words[0].lower() not in DEFINITE_ARTICLES:
        return None
    noun = words[-1].lower()
    if noun not in ORGANISATION_NOUNS:
        return None
    modifiers = {word.lower() for word in words[1:-1]}
    for paragraph in reversed(paragraphs[-LOOKBACK_PARAGRAPHS:]):
        found = [run for run in (_with_complement(paragraph, match)
                                 for match in NAME_RUN.finditer(paragraph))
                 if " " in run and _holds(run, noun)
                 and modifiers <= {word.lower() for word in run.split()}]
        if found:
            return _without_article(found[-1])
    if modifiers:
        return None
    return _introduced_as(noun, paragraphs[-LOOKBACK_PARAGRAPHS:-1]) \
        or _named_before(description, paragraphs[-1] if paragraphs else "")


def speaks_as_it(speaker: str | None) -> bool:
    """True for a speaker a later 'it' takes up: a thing ('the report', 'the research') or an
    organisation's name ('Department of Transportation'), not a person."""
    return bool(speaker) and (is_thing(speaker) or any(
        word.lower() in ORGANISATION_NOUNS for word in (speaker or "").split() if word[:1].isupper()))


def _named_before(description: str, paragraph: str) -> str | None:
    """The last organisation the quote's paragraph names before the description: 'reached
    out to the Department of Transportation. …, the agency said'."""
    at = paragraph.find(description)
    if at <= 0:
        return None
    before = paragraph[:at]
    found = [run for run in (_with_complement(before, match) for match in NAME_RUN.finditer(before))
             if " " in run and any(word.lower() in ORGANISATION_NOUNS for word in run.split())]
    return _without_article(found[-1]) if found else None


def _introduced_as(noun: str, paragraphs: list[str]) -> str | None:
    """A name an earlier paragraph introduced with the noun just before it: 'the bank' after
    'US investment banking giant Goldman Sachs', 'the agency' after 'the news agency Reuters'."""
    for paragraph in reversed(paragraphs):
        for match in reversed(list(NAME_RUN.finditer(paragraph))):
            before = paragraph[max(0, match.start() - INTRODUCER_CHARS):match.start()].split()
            if any(word.lower().startswith(noun) for word in before[-INTRODUCER_WORDS:]):
                return _without_article(match.group(0))
    return None


_COMPLEMENT = compile_on_use(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*"
                             r"(?:\s+(?:and|&)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?")


def _with_complement(paragraph: str, match: re.Match[str]) -> str:
    """A name run with its English 'of' complement: 'Bureau of Fisheries and Aquatic
    Resources', 'Department of Transportation'."""
    complement = _COMPLEMENT.match(paragraph, match.end())
    return match.group(0) + complement.group(0) if complement else match.group(0)


def _holds(run: str, noun: str) -> bool:
    """'Defence Ministry' holds 'ministry'; 'Außenministerium' holds 'ministerium'."""
    return any(word.lower() == noun or (len(noun) >= MIN_COMPOUND_NOUN
                                         and word.lower().endswith(noun))
               for word in run.split())


def _without_article(run: str) -> str:
    first, _, rest = run.partition(" ")
    return rest if first.lower() in DEFINITE_ARTICLES and " " in rest else run
