"""A quote attributed by the short sentence that follows it.

'«Il ponte riaprirà a maggio». Così il sindaco.', '„Wir bleiben.“ Das sagte Anna Roth der
Zeitung.', '« Rien n’est décidé. » C’est ce qu’a déclaré le préfet.', '«No hay plazo». Así lo
explicó la consejera.' The tail opens with one of `TAIL_OPENERS` and the speaker phrase
follows it, read like the phrase after an inverted verb.
"""

from __future__ import annotations

import re

from .phrases import phrase_after

# Openers of a sentence that attributes the quote before it (Italian, German, French, Spanish).
TAIL_OPENERS = (
    r"Così|Cosi|Parola\s+di",
    (r"Lo\s+(?:ha\s+)?(?:detto|dice|dichiarato|dichiara|spiegato|spiega|affermato|afferma|"
     r"sottolineato|sottolinea|annunciato|annuncia|ribadito|ribadisce)"),
    r"È\s+quanto\s+(?:afferma|dichiara|sostiene|spiega|dice|ha\s+detto|ha\s+dichiarato)",
    (r"(?:Das|Dies)\s+(?:sagte|sagt|erklärte|erklärt|betonte|betont|schrieb|schreibt|"
     r"kritisierte|kritisiert|forderte|fordert|versprach|verspricht)"),
    r"C[’']est\s+ce\s+qu[’']\s*(?:a\s+)?[a-zéèêàâîôûç]+",
    r"Ainsi\s+s[’']exprim[a-z]+",
    r"Así\s+lo\s+(?:ha\s+)?[a-záéíóúñ]+",
)
_TAIL = re.compile(r"^\s*(?:{})\s+(?P<rest>[^.!?\x01]{{1,120}})[.!?]?\s*$".format(
    "|".join(f"(?:{opener})" for opener in TAIL_OPENERS)))
# Most words of a tail's speaker phrase: a longer rest is a sentence of its own.
MAX_TAIL_WORDS = 12


def speaker_in_tail(sentence: str) -> str | None:
    """The speaker phrase of a tail sentence, or None when the sentence is no tail."""
    match = _TAIL.match(sentence)
    if match is None or len(match.group("rest").split()) > MAX_TAIL_WORDS:
        return None
    return phrase_after(match.group("rest"))
