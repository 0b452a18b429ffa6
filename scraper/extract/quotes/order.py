"""Where the subject of a speech verb stands: before the verb, or after it (inverted).

German main clauses put the verb second. When something else opens the sentence, the
subject follows the verb: an adverb ('Dennoch betont der Übergangstrainer:'), a phrase
('In einem Statement sagte der 48-Jährige:', 'Über seine Freilassung sagte er:') or a
whole clause closed by a comma ('Dass …, erklärt X mit der Rechtsgrundlage:', 'Auf die
Frage, ob …, sagte Leavitt:'). English and the Romance languages invert after a clause too
('…, said X:'). A subordinate clause keeps its subject right after the conjunction ('Wie
Biden vor seinem Fauxpas sagte:'), and so does a sentence whose opening phrase holds a
pronoun ('Nach jedem Tag habe er sich gesagt:').
"""

from __future__ import annotations

from .names import NAME_RUN, strip_name
from .words import (
    NON_PERSON_PRECEDERS,
    SENTENCE_OPENERS,
    SUBJECT_PRONOUNS,
    TAG_ARTICLES,
    TAG_REFLEXIVES,
)

# Subject pronouns that are also articles: Italian 'il sindaco' is no French 'il'.
ARTICLE_PRONOUNS = frozenset({"il"})
# Prepositions opening a fronted phrase ('In einem Statement sagte der 48-Jährige:'); not
# sentence openers elsewhere: 'In Berlin' holds no subject of a subordinate clause.
FRONTED_PREPOSITIONS = frozenset({"in", "im", "an", "am", "auf", "ins", "zu"})


def inverted_subject(before: str, after: str) -> str | None:
    """The text after a speech verb that opens with its subject, when the text before the
    verb holds none; None when the subject stands before the verb."""
    rest = _without_reflexive(after)
    if not _opens_subject(rest) or not (_introduces(rest) or _first_pronoun(rest)):
        return None  # '…, called the findings “…”': an object, not a subject
    stripped = before.rstrip()
    if stripped.endswith(","):
        return rest
    segment = stripped.rsplit(",", 1)[-1].split()
    opener = segment[0].lower() if segment else ""
    if (opener in SENTENCE_OPENERS or opener in FRONTED_PREPOSITIONS) \
            and not _holds_subject(segment[1:]):
        return rest
    return None


def pronoun_in_clause(segment: str) -> str | None:
    """The subject pronoun of a short clause that opens with no noun phrase ('nach jedem
    Schlag habe er sich', 'konnte er nicht', 'In einem Interview hatte er'), or None."""
    words = segment.split()
    if not words or not (words[0][:1].islower() or words[0].lower() in SENTENCE_OPENERS
                         or words[0].lower() in FRONTED_PREPOSITIONS):
        return None
    pronouns = [word for word in words if word.lower().strip(",.") in SUBJECT_PRONOUNS
                and word.lower() not in ARTICLE_PRONOUNS]
    return pronouns[0].strip(",.") if len(pronouns) == 1 else None


def subordinate_subject(segment: str) -> str | None:
    """'Wie Berger vor der Wahl' -> 'Berger': the name right after an opening conjunction
    is its clause's subject."""
    words = segment.split()
    if len(words) < 2 or words[0].lower() not in SENTENCE_OPENERS:
        return None
    run = NAME_RUN.match(" ".join(words[1:]))
    return (strip_name(run.group(0)) or None) if run else None


def _introduces(rest: str) -> bool:
    """The phrase after the verb ends the sentence with a colon: 'der Trainer:'."""
    return rest.rstrip(" “\"„«»").endswith(":")


def _first_pronoun(rest: str) -> bool:
    first = rest.split(None, 1)[0].rstrip(".,;:!?") if rest.strip() else ""
    return first.lower() in SUBJECT_PRONOUNS and first.lower() not in ARTICLE_PRONOUNS


def _holds_subject(words: list[str]) -> bool:
    """After an opening conjunction or preposition: a pronoun, or a capitalised word right
    after it ('Wie Biden …'), is a subject; an article or possessive opens a phrase."""
    if any(word.lower().strip(",.") in SUBJECT_PRONOUNS for word in words):
        return True
    return bool(words) and (words[0][:1].isupper() or _ends_with_full_name(words))


def _ends_with_full_name(words: list[str]) -> bool:
    """'Next door neighbour Doris Zibulka': a full name right before the verb, not after a
    preposition ('Im Gespräch mit Anna Roth'), is the subject."""
    index = len(words)
    while index and words[index - 1][:1].isupper() and words[index - 1].isalpha():
        index -= 1
    if len(words) - index < 2 or not index:
        return False
    run = NAME_RUN.fullmatch(" ".join(words[index:]))
    return run is not None and words[index - 1].lower() not in NON_PERSON_PRECEDERS


def _without_reflexive(text: str) -> str:
    text = text.lstrip()
    first = text.split(None, 1)[0] if text else ""
    return text[len(first):].lstrip() if first.lower() in TAG_REFLEXIVES else text


def _opens_subject(text: str) -> bool:
    """A pronoun, an article or a capitalised word opens the text."""
    first = text.split(None, 1)[0].rstrip(".,;:!?") if text.strip() else ""
    lowered = first.lower()
    return lowered in SUBJECT_PRONOUNS or lowered in TAG_ARTICLES or first[:1].isupper() \
        or lowered.startswith(("l’", "l'"))
