"""The subject of the sentence before a quote that no speech verb introduces.

'…, adding:', 'X put it bluntly:' and 'So X:' name the sentence's subject; so does a participle
('Ana dismissed the idea, noting, “…”'). A single capitalised word after a determiner is a
noun, not a name ('Diese Bauernregeln sollen daran erinnern:', 'wie gering die Chancen …').
"""

from __future__ import annotations

from .names import Mention, is_person_name, mentions, strip_name
from .order import pronoun_in_clause
from .phrases import phrase_after
from .words import DEMONSTRATIVES, PRONOUNS, QUOTE_TAIL_SO, TAG_ARTICLES

# A name opening a clause stands within its first words.
SUBJECT_OPENING_WORDS = 4


def sentence_subject(text: str) -> str | None:
    """For '..., adding:' or 'X put it bluntly:' the speaker is the sentence's subject."""
    first = text.split(None, 1)[0].strip(",") if text.split() else ""
    if first.lower() in PRONOUNS:
        return first
    last_segment = text.rstrip(" :“\"„«»").rsplit(",", 1)
    clause = last_segment[-1].strip()
    if len(last_segment) == 2 and clause.lower().startswith(f"{QUOTE_TAIL_SO} "):
        return phrase_after(clause[len(QUOTE_TAIL_SO) + 1:])  # '…, so Schubert:'
    pronoun = pronoun_in_clause(last_segment[-1])
    if pronoun:
        return pronoun  # 'Nach jedem Tag, nach jedem Schlag habe er sich gesagt:'
    if len(last_segment) == 2 and is_person_name(last_segment[1]):
        return strip_name(last_segment[1])  # 'Satisfied, the mayor of X, Carla Rossi:'
    names = [name for name in (strip_name(mention.name) for mention in mentions(text)
                               if not mention.governed and not _noun_after_word(text, mention)
                               and len(text[:mention.position].split()) < SUBJECT_OPENING_WORDS)
             if name]
    return next((name for name in names if " " in name), names[0] if names else None)


def participle_subject(text: str) -> str | None:
    """'However, when asked, Ana dismissed the idea, noting': the name opening the clause
    the participle hangs on."""
    clause = text.rstrip(" ,").rsplit(",", 1)[-1]
    opening = [name for name in (strip_name(mention.name) for mention in mentions(clause)
                                 if mention.subject and not mention.governed
                                 and len(clause[:mention.position].split()) < SUBJECT_OPENING_WORDS)
               if len(name) > 1]
    return opening[0] if opening else None


def _noun_after_word(text: str, mention: Mention) -> bool:
    """A single word after a determiner, inside its run or before it ('Diese Bauernregeln',
    'Die Hebamme', 'the Guardian', 'die Chancen'): a noun, not a person's name."""
    if " " in mention.name or mention.titled:
        return False
    if text.startswith(mention.name, mention.position):  # 'wie gering die Chancen'
        before = text[max(0, mention.position - 20):mention.position].split()
        first = before[-1] if before else ""
    else:
        first = text[mention.position:mention.position + 20].split(None, 1)[0]
    return first.lower() in TAG_ARTICLES or first.lower() in DEMONSTRATIVES
