"""Speakers named by the wording before a quote rather than by a speech verb's subject.

- 'in Cairo’s words, “…”', 'in the words of Ann Lee: “…”', 'mit den Worten von X: „…“',
  'selon les mots de X', 'en palabras de X', 'con le parole di X'.
- A message and its author: 'an einer Antwort von Kremlsprecher X ablesen: „…“', 'a text
  from her husband, X, that said, “…”': the author, unless a speech verb with a subject of
  its own follows the message.
"""

from __future__ import annotations

import re

from .names import head_name
from .phrases import phrase_after
from .verbs import find_attributions

# 'in Cairo’s words, “…”', 'in the words of Ann Lee: “…”', 'mit den Worten von X: „…“',
# 'selon les mots de X', 'en palabras de X', 'con le parole di X' right before the quote.
_NAME_WORDS = r"[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+){0,3}"
_IN_WORDS = re.compile(
    rf"\b(?:[Ii]n\s+(?P<name>{_NAME_WORDS})[’']s?\s+(?:own\s+)?words"
    r"|(?:[Ii]n\s+the\s+words\s+of|(?:[Mm]it|[Nn]ach)\s+den\s+Worten(?:\s+von)?"
    r"|selon\s+les\s+(?:mots|termes)\s+d[e’']|en\s+palabras\s+de"
    rf"|con\s+le\s+parole\s+di|nelle\s+parole\s+di)\s*(?P<of>{_NAME_WORDS}))"
    r"[,:]?(?:\s+(?:a|an|the|ein|eine|un|une|una|uno)\b)?\s*$")

# The noun every alternative of `_IN_WORDS` holds, as written there (case kept).
_IN_WORDS_NOUNS = ("words", "Worten", "mots", "termes", "palabras", "parole")

# A message and its author before a quote: 'an einer Antwort von Kremlsprecher X ablesen:',
# 'a text from her husband, X, that said', 'un comunicado de la Asociación:'.
_MESSAGE_AUTHOR = re.compile(
    r"\b(?:answer|reply|response|statement|message|text|letter|post|tweet|email|e-mail|"
    r"Antwort|Erklärung|Mitteilung|Botschaft|Nachricht|Stellungnahme|Brief|Schreiben|Post|"
    r"réponse|déclaration|communiqué|lettre|respuesta|mensaje|declaración|comunicado|carta|"
    r"risposta|messaggio|dichiarazione|lettera)\s+(?:from|by|von|vom|de|du|des|d[’']|di|del|"
    r"della|dal|dalla)\s*(?=\S)")
# Relative words by which a message, not its author, 'said' ('a text from X that said').
_MESSAGE_RELATIVES = frozenset({"that", "which", "der", "die", "das", "que", "qui", "che"})


def message_author(context: str) -> str | None:
    """The author of a message named in the sentence before a quote, when no speech verb
    with a subject of its own follows the message."""
    found = None
    for found in _MESSAGE_AUTHOR.finditer(context):
        pass
    if found is None:
        return None
    rest = context[found.end():]
    for verb in find_attributions(rest):
        before = rest[:verb.start].split()
        if not before or before[-1].lower().strip(",") not in _MESSAGE_RELATIVES:
            return None
    phrase = phrase_after(rest)
    return phrase if phrase and head_name(phrase) else None


def named_in_words(context: str) -> str | None:
    """The name in an 'in X's words' phrase closing the text before a quote, or None."""
    if not any(word in context for word in _IN_WORDS_NOUNS):
        return None  # most texts: the pattern, tried at every word, cannot match
    found = _IN_WORDS.search(context)
    return (found.group("name") or found.group("of")) if found else None
