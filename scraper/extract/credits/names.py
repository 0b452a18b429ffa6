"""Who a credit piece names: a known agency (canonical name), a person, an organisation.

`lines` splits a credit into pieces; these tests say what each piece is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..lazy import compile_on_use
from .patterns import (
    AGENCIES,
    AGENCY_QUALIFIERS,
    CREDIT_CONNECTORS,
    ORG_SUFFIXES,
    ORG_WORDS,
    PLATFORMS,
)


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of the words as a trie ('ap(?: photo)?'): the longest word wins, as in a
    longest-first alternation, but each position is tried against one branch per letter
    instead of every word (three times faster on prose)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_branches(root)


def _trie_branches(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_branches(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


AGENCY_ALIASES = re.compile(rf"(?<![\w-]){trie_pattern(AGENCIES)}(?![\w-])", re.IGNORECASE)
# A piece opening with an article names a publication or a body, never a photographer.
LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "die", "der", "das", "el", "il", "lo", "los",
                              "las"})
_PARTICLES = "van|von|de|der|den|du|da|di|la|le|bin|al|el|del|dos|das|ter|zu|y|ibn|bint|mac"
_PARTICLE_SET = frozenset(_PARTICLES.split("|"))
_DOMAIN = re.compile(r"\.[a-z]{2,6}$")
PLATFORM_WORDS = frozenset(platform.lower() for platform in PLATFORMS)
_NAME_TOKEN = compile_on_use(rf"^(?:[^\W\d_][\w'’.-]*|(?:{_PARTICLES}))$")


def canonical_source(piece: str) -> str | None:
    """Return the canonical agency name ('AP Photo' -> 'AP'), or the piece as written."""
    piece = piece.strip(" .,:;-–—()[]")
    if not piece:
        return None
    return agency_name(piece) or piece


def looks_like_person(piece: str) -> bool:
    """True for 2-5 capitalised tokens with no organisation word ('J. Scott Applewhite')."""
    tokens = piece.split()
    if not 2 <= len(tokens) <= 5 or any(char.isdigit() for char in piece):
        return False
    if any(token.lower().strip(".,") in ORG_WORDS or token.lower().endswith(ORG_SUFFIXES)
           for token in tokens):
        return False
    if sum(1 for token in tokens if len(token) > 2 and token.isupper()) > 1:
        return False
    if tokens[0].lower() in LEADING_ARTICLES:
        return False  # 'Le Télégramme', 'La Voz de Galicia', 'The Tidewater Review'

    return all(_NAME_TOKEN.match(token) and (token[0].isupper() or token in _PARTICLE_SET)
               for token in tokens) and tokens[0][0].isupper()


def capitals_name(piece: str) -> bool:
    """'MARC DELORME' next to an agency: wire credits write the photographer in capitals."""
    return piece.isupper() and looks_like_person(piece.title())


def handle_name(piece: str) -> bool:
    """'Tischler', 'PixelVista', 'filmfoto' next to an agency: a photographer credited by one
    name or a stock handle; not an acronym ('GPO', 'SN'), an organisation word, a platform
    or a short lowercase wire code ('lno', 'tmn')."""
    if " " in piece or any(char.isdigit() for char in piece) or not piece[:1].isalpha() \
            or _DOMAIN.search(piece):
        return False
    word = piece.lower().strip(".")
    if any(part in ORG_WORDS for part in word.split("-")) or word.endswith(ORG_SUFFIXES) \
            or word in PLATFORM_WORDS or word in CREDIT_CONNECTORS or word in AGENCY_QUALIFIERS:
        return False  # 'PR-Video' aside, 'Blaulicht-News.de' is a site
    if piece[0].isupper():
        return len(piece) >= 3 and not piece.isupper()
    return len(piece) >= 5 and piece.isalpha()


def plain_name(piece: str) -> bool:
    """After 'Photo by', any short piece without organisation words names a person."""
    tokens = piece.split()
    return 1 <= len(tokens) <= 5 and not any(t.lower() in ORG_WORDS for t in tokens) \
        and tokens[0].lower() not in LEADING_ARTICLES  # 'by the Smith family': a provider


def agency_name(piece: str) -> str | None:
    """Return the canonical name of a known agency piece, tolerating 'file'/'for X' tails."""
    key = unicodedata.normalize("NFKC", piece).strip(" .").lower()  # full-width 'ＡＰ'
    if key in AGENCIES:
        return AGENCIES[key]
    words = key.split()
    while len(words) > 1 and words[-1] in AGENCY_QUALIFIERS:
        words.pop()
        if " ".join(words) in AGENCIES:
            return AGENCIES[" ".join(words)]
    for marker in (" for ", " für "):
        if marker in key:
            return AGENCIES.get(key.split(marker)[0].strip())
    return None


def is_agency(piece: str) -> bool:
    return agency_name(piece) is not None


def capitalised(piece: str) -> bool:
    words = [w for w in piece.split() if w.lower() not in CREDIT_CONNECTORS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)
