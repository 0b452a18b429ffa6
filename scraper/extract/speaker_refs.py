"""Speaker phrases that point back at the person named before instead of naming anyone.

- A bare reporting verb after a quote, with no subject ("«…», aggiunge.", "«…», añadió."):
  Spanish and Italian drop the pronoun; `speaker_after` returns `DROPPED_SUBJECT`.
- An age epithet: "the 22-year-old", "der 22-Jährige", "la quadragénaire", "il 45enne".
- A definite role with an age in apposition: "el delantero, de 21 años", "the striker, 19":
  an age is given for someone the story has introduced, so the role is that person.

An indefinite role ("a resident, 45") is a new, unnamed speaker and stays descriptive.
"""

from __future__ import annotations

import re

# Marker returned for a reporting verb with no subject; resolved to the last person.
DROPPED_SUBJECT = "\x02"

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
_DEFINITE_OPENING = re.compile(rf"^{_DEFINITE}\s", re.IGNORECASE)


def refers_back(segment: str, aged: bool) -> bool:
    """True when a speaker phrase means the person named last (see the module rules)."""
    if _EPITHET.match(segment):
        return True
    if not aged or not _DEFINITE_OPENING.match(segment):
        return False
    return not any(word[:1].isupper() for word in segment.split()[1:])
