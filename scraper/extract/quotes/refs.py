"""Speaker phrases that point back at the person named before instead of naming anyone.

- A bare reporting verb after a quote, with no subject ("«…», aggiunge.", "«…», añadió."):
  Spanish and Italian drop the pronoun; `speaker_after` returns `DROPPED_SUBJECT`.
- An age epithet: "the 22-year-old", "der 22-Jährige", "la quadragénaire", "il 45enne".
- A definite role with an age in apposition: "el delantero, de 21 años", "the striker, 19":
  an age is given for someone the story has introduced, so the role is that person.

An indefinite role ("a resident, 45") is a new, unnamed speaker and stays descriptive.

- A definite role named before with one person: "Mayor Jane Roe … the mayor said",
  "la consejera Rosa Vidal … subrayó la consejera", "Bürgermeister Hans Roth … der
  Bürgermeister". A role two people held stays descriptive.
- A definite role nobody was named with ('der Finanzprofessor', 'the Republican governor',
  'el portavoz de la Asociación', 'die Expertin') means the person the paragraph, or the
  one before, is about, of the gender its article or ending tells; with nobody there it
  stays descriptive ('der Taxifahrer' opening a story).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lazy import compile_on_use

# Marker returned for a reporting verb with no subject; resolved to the last person.
DROPPED_SUBJECT = "\x02"
# Marker for an attribution that names the person asked, not the asker: no speaker.
NOBODY = "\x03"

# An age standing alone in apposition: '52', 'aged 52', 'de 21 años', '34 ans', '45 anni'.
AGE = re.compile(r"^(?:aged\s+|de\s+|di\s+)?\d{1,3}(?:\s+(?:years?(?:\s+old)?|ans|años|anni|"
                 r"jahre))?$", re.IGNORECASE)

_DEFINITE = r"(?:the|der|die|das|le|la|les|l[’']\s*|el|los|las|il|lo|gli)"
_EPITHET = re.compile(
    rf"^{_DEFINITE}\s*(?:"
    r"\d{1,3}[-\s]?(?:year-old|jährigen?|jährige[r]?|enne)(?:\s+\w+)?"
    r"|\w+(?:génaire|tenaire)"
    r"|(?:venti|trent|quarant|cinquant|sessant|settant|ottant|novant)enne"
    r"|(?:\w+\s+){1,2}(?:de|di)\s+\d{1,3}\s+(?:ans|años|anni)"
    r")$", re.IGNORECASE)
_DEFINITE_OPENING = compile_on_use(rf"^{_DEFINITE}\s", re.IGNORECASE)


def refers_back(segment: str, aged: bool) -> bool:
    """True when a speaker phrase means the person named last (see the module rules)."""
    if _EPITHET.match(segment):
        return True
    if not aged or not _DEFINITE_OPENING.match(segment):
        return False
    return not any(word[:1].isupper() for word in segment.split()[1:])


_DEFINITE_ROLE = re.compile(rf"^{_DEFINITE}\s*(?:[^\W\d][\w-]*\s+)?([^\W\d][\w-]*)$",
                            re.IGNORECASE)
_ELIDED = re.compile(r"^[lL][’']")
_ARTICLES_BEFORE_ROLE = frozenset({"the", "der", "die", "das", "le", "la", "les", "el", "il", "lo",
                                   "los", "las"})
# Articles of languages that put adjectives after the role ('la premier italiana X').
_ROMANCE_ARTICLES = frozenset({"le", "la", "les", "el", "il", "lo", "los", "las"})
# How far before a name its role is looked for ('le capitaine Fabrice Orsini').
ROLE_WINDOW = 40


def definite_role(segment: str) -> str | None:
    """'the mayor' -> 'mayor', 'the council leader' -> 'leader', 'la consejera' ->
    'consejera'; None for anything else."""
    match = _DEFINITE_ROLE.match(segment.strip())
    return match.group(1).lower() if match else None


def role_before(text: str, position: int, known: Callable[[str], bool]) -> str | None:
    """The lowercase role before a name: after an article ('le capitaine X', 'l’assessore X')
    or a known one ('Council leader X'); after a comma only a known one ('the mayor, X')."""
    window = text[max(0, position - ROLE_WINDOW):position].rstrip()
    after_comma = window.endswith(",")
    words = window.rstrip(",").split()
    if not words:
        return None
    last = words[-1]
    elided = _ELIDED.match(last)
    if elided:
        role = last[elided.end():]
    elif len(words) >= 2 and words[-2].lower() in _ARTICLES_BEFORE_ROLE:
        role = last
    elif not after_comma and known(last):
        role = last  # 'Council leader Morag Fettes': a known role needs no article
    elif len(words) >= 3 and words[-3].lower() in _ROMANCE_ARTICLES and words[-2].islower() \
            and words[-1].islower():
        role = words[-2]  # 'la premier italiana Giorgia Meloni': an adjective after the role
    else:
        return None
    if not role.isalpha() or not role.islower():
        return None
    return role if not after_comma or known(role) else None


# Articles that may open a role in apposition after a name: 'X, the mayor of Y', 'X, el portavoz'.
_APPOSITION_ARTICLES = frozenset({"the", "a", "an", "der", "die", "le", "la", "el", "il", "lo",
                                  "un", "une", "una", "ein", "eine"})


def role_after(text: str, end: int, known: Callable[[str], bool]) -> str | None:
    """The lowercase role in apposition after a name: 'David Campo, portavoz de la
    Asociación', 'Ann Lee, the county's mayor' -> 'portavoz', 'mayor'."""
    window = text[end:end + ROLE_WINDOW]
    if not window.startswith(","):
        return None
    words = [word.strip(",.;:") for word in window[1:].split()[:3]]
    if words and words[0].lower() in _APPOSITION_ARTICLES:
        words = words[1:]
    for word in words[:2]:
        if word.isalpha() and word.islower() and known(word):
            return word
    return None


_SINGULAR_ARTICLES = {"the": None, "der": "m", "le": "m", "el": "m", "il": "m", "lo": "m",
                      "die": "f", "la": "f"}
_COMPLEMENT_OPENERS = frozenset({"de", "of", "der", "des", "del", "della", "du", "di", "von",
                                 "from", "at", "for"})
# Words between an article and its role: 'the Republican governor', 'der neue Trainer'.
MAX_ROLE_MODIFIERS = 2
MIN_FEMININE_ROLE = 6


def role_reference(segment: str, is_role: Callable[[str], bool]) -> tuple[str, str | None] | None:
    """'der Interimscoach der Meidericher' -> ('interimscoach', 'm'), 'the prime minister'
    -> ('minister', None): a definite singular role and the gender it tells, else None."""
    words = segment.split()
    if len(words) < 2 or words[0].lower() not in _SINGULAR_ARTICLES:
        return None
    gender = _SINGULAR_ARTICLES[words[0].lower()]
    for index in range(1, min(len(words), MAX_ROLE_MODIFIERS + 2)):
        word = words[index].strip(",.").lower()
        if word in _COMPLEMENT_OPENERS:
            return None
        if is_role(word):
            rest = words[index + 1:]
            if rest and rest[0].lower() not in _COMPLEMENT_OPENERS and len(rest) > 1:
                return None  # 'the mayor of X' yes, 'the mayor went home' no
            role = word.rsplit("-", 1)[-1]
            feminine = len(role) >= MIN_FEMININE_ROLE and role.endswith("in") \
                and not role.endswith(("ain", "ein"))
            return role, "f" if feminine else gender
    return None
