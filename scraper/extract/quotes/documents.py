"""A document quoted as a speaker ('the report stated') speaks for whoever wrote it.

- A description that names its author gives the author: 'a June report by the University of
  Chicago Education Lab and MDRC' (an 'and' the phrase lost is read back from the text),
  'ClassPass’s annual report', 'the Strava report'.
- A bare 'the report' or 'the trends report' means the report of the party quoted or reported
  last ('ClassPass shared that …. “…,” the report stated.'), when that party is named.
"""

from __future__ import annotations

import re

from ..lazy import compile_on_use
from .organisations import DEFINITE_ARTICLES

# Documents someone writes ('the team', 'the campaign' or 'the research' speak as themselves).
AUTHORED_NOUNS = frozenset({"report", "study", "survey", "paper", "analysis", "review",
                            "statement", "letter", "bericht", "studie", "rapport", "étude",
                            "informe", "estudio", "rapporto"})
# Most lowercase words between the article and the noun of a bare document ('the annual
# trends report').
MAX_MODIFIERS = 2
_NAME = r"[A-Z][\w&.’'-]*(?:\s+(?:of|for|and|&|de|du|der|für)?\s*[A-Z][\w&.’'-]*)*"
_BY_AUTHOR = compile_on_use(rf"\b(?:by|von|de|par|di|del)\s+(?:the\s+)?({_NAME})")
_OWNER = compile_on_use(rf"^(?:the\s+)?({_NAME})\s+(?:[a-z]+\s+){{0,{MAX_MODIFIERS}}}(\w+)$")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_AND_MORE = compile_on_use(rf",?\s+(?:and|&)\s+({_NAME})")


def is_bare_document(speaker: str | None) -> bool:
    """'the report', 'the trends report': a document with no author in its phrase."""
    words = (speaker or "").split()
    return 2 <= len(words) <= MAX_MODIFIERS + 2 and words[0].lower() in DEFINITE_ARTICLES \
        and words[-1].lower() in AUTHORED_NOUNS and all(word.islower() for word in words[1:])


def document_author(speaker: str, paragraphs: list[str]) -> str | None:
    """The author a document description names, or None: 'a report by X' -> X, 'X’s report',
    'the X report' -> X. `paragraphs` (the article up to the quote) complete an author the
    phrase cut at 'and' ('by X' of 'by X and Y, a research group')."""
    words = speaker.split()
    if not words or not any(word.lower() in AUTHORED_NOUNS for word in words):
        return None
    by = _BY_AUTHOR.search(speaker)
    if by and by.start() > 0 and _holds_document(speaker[:by.start()]):
        author = by.group(1).rstrip(".")
        return author + _continued(speaker, paragraphs)
    owner = _OWNER.match(speaker)
    if owner and owner.group(2).lower() in AUTHORED_NOUNS:
        return _POSSESSIVE.sub("", owner.group(1))
    return None


def _holds_document(before: str) -> bool:
    """True when the words before 'by' end with a document noun ('a June report')."""
    words = before.split()
    return bool(words) and words[-1].lower() in AUTHORED_NOUNS


def _continued(speaker: str, paragraphs: list[str]) -> str:
    """' and MDRC' when the text goes on so after the phrase, else ''."""
    for paragraph in reversed(paragraphs):
        at = paragraph.find(speaker)
        if at >= 0:
            more = _AND_MORE.match(paragraph, at + len(speaker))
            return f" and {more.group(1)}" if more else ""
    return ""
