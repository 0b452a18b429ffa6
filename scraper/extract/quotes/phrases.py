"""The speaker phrase after a speech verb: where it ends, and what is no part of it.

'said the mayor, Jane Roe, on Monday' -> 'Jane Roe'; 'a déclaré à l’AFP le capitaine X' ->
'le capitaine X'; 'erklärte Nadeschdin der DW' -> 'Nadeschdin'; 'meint Kaya weiter' -> 'Kaya'.
"""

from __future__ import annotations

import re

from ..lazy import compile_on_use
from .names import head_name, is_person_name, is_role_word
from .refs import AGE
from .words import NAME_PARTICLES, PHRASE_CUT_WORDS, SUBJECT_PRONOUNS

ABBREVIATION_DOT = re.compile(r"\b(Dr|Prof|Mr|Mrs|Ms|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Jr|Sr|"
                              r"Mme|Mlle|Hon|Rev|[A-Z])\.")
_CLAUSE_END = compile_on_use(r"[,.;:!?()\x01“”\"„«»]")
# A parenthetical aside inside a speaker phrase: '(parteilos)', '(sans étiquette)', '(D-Texas)'.
_ASIDE = re.compile(r"\s*\([^()]{1,60}\)")
# A recipient between an inverted verb and its subject: 'a déclaré à l’AFP le capitaine X',
# 'dijo a EFE el entrenador X', 'ha detto all’Ansa il sindaco X'.
_RECIPIENT = compile_on_use(r"^\s*(?i:à|au|aux|a|al|all[’']|alla|allo|ai|agli|alle)\s*(?:l[’']\s*)?"
                            r"(?:[A-ZÀ-Ý][\w’'.&-]*\s+){1,4}")
# The newspaper itself as the addressee: 'explica a este periódico X', 'à notre journal X'.
_MEDIA_RECIPIENT = compile_on_use(
    r"^\s*(?:a\s+(?:este|esta)\s+(?:periódico|diario|medio|redacción)|à\s+(?:notre|ce)\s+"
    r"(?:journal|quotidien|site)|(?:al|a)\s+(?:nostro|questo)\s+(?:giornale|quotidiano)|"
    r"to\s+this\s+(?:newspaper|paper|website))\s+", re.IGNORECASE)
_RECIPIENT_END = frozenset({"le", "la", "les", "l’", "l'", "un", "une", "el", "los", "las", "il",
                            "lo", "gli", "una", "uno", "der", "die", "das", "ein", "eine"})
# Prepositions opening an adjunct between a verb and its subject.
ADJUNCT_PREPOSITIONS = frozenset({"su", "sul", "sulla", "nel", "nella", "in", "on", "auf", "im",
                                  "am", "nach", "vor", "bei", "beim", "sur", "en", "dans",
                                  "via", "per", "at", "during", "après", "dopo", "tras"})
_SUBJECT_ARTICLES = frozenset({"der", "die", "das", "the", "le", "la", "les", "l’", "l'", "el",
                               "los", "las", "il", "lo", "gli", "ein", "eine", "un", "une",
                               "una", "uno", "a", "an"})
# Words joining two roles of one speaker: 'Ernährungsberaterin und Autorin X'.
_JOINERS = frozenset({"und", "and", "et", "y", "e"})
# Words of a second role after a joiner, before the name: 'und dreifach-NBA-Champion X'.
_JOINED_ROLE_WORDS = 2
# A French pronoun that is also an Italian article: 'il sindaco'.
_ARTICLE_TOO = frozenset({"il"})
# Words after a named speaker that end the phrase, with the fewest words the name needs:
# German datives ('sagte X dem Tagesspiegel', 'X der Zeitung') and an employer ('Lena Park
# of Harbour Bank'; a full name only: 'Secretary of State X' has none before 'of').
_AFTER_NAME_CUT = {"dem": 1, "der": 1, "den": 1, "of": 2}


# Adverbs between an inverted verb and its subject: 'ha twittato poi la premier', 'sagte
# dann der Trainer', 'a ajouté ensuite le maire', 'said later the mayor'.
_LEADING_ADVERB = compile_on_use(
    r"^\s*(?:(?:poi|anche|ancora|inoltre|then|also|later|again|dann|auch|noch|zudem|puis|aussi|"
    r"encore|ensuite|luego|también|además|después)\s+)+(?=\S)", re.IGNORECASE)


def phrase_after(text: str) -> str | None:
    """The phrase after an inverted verb: up to a comma, period or a time/place word.

    A role followed by a name in apposition gives the name: 'said the mayor, Jane Roe, on'.
    """
    if "." in text:
        text = ABBREVIATION_DOT.sub(r"\1", text)  # 'Dr. Markus Feld' is one phrase
    text = _LEADING_ADVERB.sub("", text)  # 'ha twittato poi la premier'
    text = _without_recipient(_ASIDE.sub("", text) if "(" in text else text)
    clauses = _CLAUSE_END.split(text, maxsplit=2)
    phrase = _cut(clauses[0])
    if phrase and len(clauses) > 1 and head_name(phrase) is None:
        appositive = _cut(clauses[1], after_name=False)
        comma = text[len(clauses[0]):][:1] == ","
        if appositive and is_person_name(appositive) and comma:
            return appositive
        if appositive and comma and AGE.match(appositive):
            return f"{phrase}, {appositive}"  # 'el delantero, de 21 años'
    return phrase


def subject_after_adjunct(text: str) -> str | None:
    """The subject after a verb's adjunct ('sagte nach dem Spiel der Trainer', 'dijo en rueda
    de prensa el ministro X'): the phrase from the first article of the clause, or None
    ('ha scritto su X': the subject was dropped)."""
    clause = _CLAUSE_END.split(text, maxsplit=1)[0]
    words = clause.split()
    for index, word in enumerate(words[1:], 1):
        if word.lower() in _SUBJECT_ARTICLES:
            return phrase_after(" ".join(words[index:]) + text[len(clause):])
    return None


def _without_recipient(text: str) -> str:
    """'à l’AFP le capitaine X' -> 'le capitaine X': the addressee is no speaker."""
    media = _MEDIA_RECIPIENT.match(text)
    if media:
        return text[media.end():]
    recipient = _RECIPIENT.match(text)
    if recipient is None:
        return text
    rest = text[recipient.end():]
    first = rest.split(None, 1)[0].lower() if rest.strip() else ""
    return rest if first in _RECIPIENT_END else text


def _cut(clause: str, after_name: bool = True) -> str | None:
    """A speaker phrase ends at a time/place word, or after a name at an addressee or an
    employer: 'Anke Lorenz dem Tagesspiegel', 'Mario Rossi ai giornalisti', 'Lena Park of
    Harbour Bank'."""
    tokens = clause.split()
    words: list[str] = []
    for index, word in enumerate(tokens):
        lowered = word.lower()
        if words and lowered in PHRASE_CUT_WORDS and not (
                lowered in _JOINERS and _only_roles(words)
                and _name_soon(tokens[index + 1:index + 1 + _JOINED_ROLE_WORDS + 1])):
            break  # not 'Ernährungsberaterin und Autorin Rhiannon Lambert'
        if len(words) == 1 and words[0].lower() in SUBJECT_PRONOUNS - _ARTICLE_TOO:
            break  # 'zitierte sie den Abgeordneten X': the pronoun is the subject
        if lowered == "ai" and words and tokens[index + 1:index + 2] \
                and tokens[index + 1][:1].islower():
            break  # Italian 'ai giornalisti', not 'Ai Weiwei'
        if after_name and words and words[-1][:1].isupper() \
                and _ends_name(words, lowered, word, tokens[index + 1:]):
            break
        words.append(word)
    return " ".join(words) or None


def _name_soon(words: list[str]) -> bool:
    """A capitalised word among the next few: 'und dreifach-NBA-Champion Dwyane Wade', not
    'und lachte'."""
    return any(word[:1].isupper() for word in words)


def _only_roles(words: list[str]) -> bool:
    """Role words with no name yet: 'Ernährungsberaterin', 'the mayor'."""
    return all(is_role_word(word) or word.lower() in _SUBJECT_ARTICLES for word in words)


def _ends_name(words: list[str], lowered: str, word: str, rest: list[str]) -> bool:
    """After a name, an addressee, an employer or an adverb ends the phrase: 'Nadeschdin der
    DW', 'Lena Park of Harbour Bank', 'Güvercin aber', 'Veit vom Vermögensverwalter X'; not
    before a role and a full name ('Kyiv resident Ana Lis')."""
    if lowered in _AFTER_NAME_CUT:
        needed = _AFTER_NAME_CUT[lowered]
    elif word[:1].islower() and lowered not in NAME_PARTICLES and not _only_roles(words):
        later = head_name(" ".join(rest)) if rest else None
        if later and " " in later and " " not in (head_name(" ".join(words)) or " "):
            return False  # 'Kyiv resident Ana Lis'; but 'Veit vom Vermögensverwalter X'
        needed = 1
    else:
        return False
    return len((head_name(" ".join(words)) or "").split()) >= needed


