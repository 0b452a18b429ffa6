"""Headline, publication-date and author metrics (pure functions, no I/O)."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from benchmarks.realweb.text_metrics import words

_QUOTES = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'", "`": "'",
})
_SPACE = re.compile(r"\s+")


def normalize_headline(text: str | None) -> str:
    """NFKC, curly and angle quote marks made straight, whitespace collapsed and trimmed."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def headline_exact(predicted: str | None, expected: str) -> bool:
    """Equal after normalize_headline."""
    return bool(predicted) and normalize_headline(predicted) == normalize_headline(expected)


def headline_lenient(predicted: str | None, expected: str) -> bool:
    """Same lower-cased words, or one's words a run inside the other's covering half of them.

    Forgives case, punctuation, a site-name suffix or a kicker ("BIO.") on either side.
    """
    got, want = words(normalize_headline(predicted)), words(normalize_headline(expected))
    if not got or not want:
        return False
    short, long = sorted((got, want), key=len)
    if 2 * len(short) < len(long):
        return False
    return f" {' '.join(short)} " in f" {' '.join(long)} "


def date_matches(predicted: str | None, expected: str) -> bool:
    """The prediction starts with the expected day (YYYY-MM-DD) or month (when only YYYY-MM)."""
    expected = expected.strip()
    size = min(10, len(expected))
    return bool(predicted) and len(predicted) >= size and predicted[:size] == expected[:size]


def parse_instant(value: str | None) -> datetime | None:
    """An ISO 8601 date-time with a zone offset, else None."""
    if not value or len(value) <= 10:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def same_instant(predicted: str | None, expected: str) -> bool | None:
    """Within one minute of each other where both carry a zone; None when one has none."""
    got, want = parse_instant(predicted), parse_instant(expected)
    if got is None or want is None:
        return None
    return abs((got - want).total_seconds()) < 60


def same_day(predicted: str | None, expected: str) -> bool:
    """The same calendar day as written on each side, or the same instant when both have zones."""
    return date_matches(predicted, expected[:10]) or bool(same_instant(predicted, expected))


# A wcxb `author` is one string: "A, B and C", "A & B", "A; B", "Name, MS, RD", "Name, Ph.D.".
_NAME_SEPARATORS = re.compile(r"\s*(?:;|\||,|\s&\s|\band\b|\bund\b|\bet\b|\by\b)\s*",
                              re.IGNORECASE)
_CREDENTIAL_WORD = re.compile(r"^(?:[A-Z0-9®&+/().-]{1,6}|(?:[A-Za-z]{1,3}\.)+[A-Za-z]{0,3})$")


def split_author_line(line: str | None) -> list[str]:
    """Split an author string into names, dropping credential pieces ("MS", "Ph.D.", "CFP").

    The first piece is always a name (so "JOHN SMITH" survives); later all-capital short words
    or dotted abbreviations are degrees. Job titles after a comma stay (the truth has them).
    """
    names: list[str] = []
    for piece in _NAME_SEPARATORS.split(line or ""):
        piece = piece.strip(" .-–—:")
        if piece and not (names and _is_credential(piece)):
            names.append(piece)
    return names


def _is_credential(piece: str) -> bool:
    return all(_CREDENTIAL_WORD.match(word) for word in piece.split())


# Words that make a byline an organisation's, not a person's (checked case-folded).
_ORGANISATION_WORDS = frozenset(["press", "presse", "agentur", "agency", "ajansı", "associated", "nachrichten", "online", "news", "staff", "team", "redaktion", "rédaction", "redacción", "redazione", "desk", "newsroom", "editors", "editorial", "media", "agencies", "wire", "afp", "ap", "dpa", "apa", "sda", "ansa", "efe", "reuters", "kna", "epd", "tt", "ntb", "ritzau", "anp", "belga", "keystone"])
_ARTICLES = frozenset(["the", "der", "die", "das", "le", "la", "les", "el", "il", "lo"])
_ORGANISATION_MARKS = ("新聞", "オンライン", "デジタル", "뉴스", "通信")
_EAST_ASIAN_SCRIPTS = 0x2E80  # CJK radicals onwards: kana, ideographs, Hangul


def is_personal_name(name: str) -> bool:
    """True when a byline name looks like a person's: two to five words, no domain, digit,
    article or organisation word ("Salzburger Nachrichten", "nieuwsblad.be", "AP" are not);
    a name in a script without spaces (CJK) counts unless it names a paper or agency."""
    tokens = words(name)
    if not tokens or "." in name or any(c.isdigit() for c in name):
        return False
    if any(mark in name for mark in _ORGANISATION_MARKS):
        return False
    if len(tokens) == 1:  # one word: a person only in a script written without spaces
        return len(tokens[0]) >= 2 and all(ord(c) >= _EAST_ASIAN_SCRIPTS for c in tokens[0])
    return (len(tokens) <= 5 and tokens[0] not in _ARTICLES
            and not _ORGANISATION_WORDS.intersection(tokens))


def name_key(name: str) -> str:
    """A name for comparison: NFKC, case-folded, punctuation dropped, words single-spaced."""
    return " ".join(words(unicodedata.normalize("NFKC", name).casefold()))


def set_f1(predicted: list[str] | tuple[str, ...], expected: list[str] | tuple[str, ...]
           ) -> float:
    """F1 of the two sets of names compared by name_key; both empty scores 1."""
    got = {name_key(name) for name in predicted} - {""}
    want = {name_key(name) for name in expected} - {""}
    if not got and not want:
        return 1.0
    tp = len(got & want)
    return 2 * tp / (len(got) + len(want))
