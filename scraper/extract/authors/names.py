"""Turn a byline string into person names: "By JANE DOE and Ali Khan, Staff Writers | Reuters".

The steps, in order: keep what follows a "By"/"Von"/"Par" marker ("Reviewed by", "Photos by"
and other credits of people who did not write the article give nothing); cut at the first date,
"Updated" stamp, e-mail, handle, link-label ("View all posts") or non-author credit; keep the
part before a pipe or spaced dash (after it come outlets and roles); split into names at commas,
slashes, "and", "&", "und", "et", "y", "e", "og", "och"; drop "for ProPublica" / "in Berlin"
tails and job titles ("Senior Correspondent", "Director of Operations"); drop parts that are
roles, outlets or the site itself; title case names written in capitals. A string that yields
nothing person-like yields []; `named_entities` reads what such a byline names instead
(an outlet, a desk, an account).
"""

from __future__ import annotations

import re

from ..document import squash
from ..headline.site import looks_like_host
from ..lazy import compile_on_use
from .words import (
    AGENCIES,
    AUTHOR_LABELS,
    AUTHOR_VERBS,
    BY_MARKERS,
    GENERIC_BYLINES,
    LEAD_IN_WORDS,
    LEADING_MARKERS,
    MONTHS,
    NAME_PARTICLES,
    NO_AUTHOR,
    NOT_AUTHOR_LABELS,
    NOT_AUTHOR_ROLES,
    ORGANIZATION_WORDS,
    ROLE_HEADS,
    ROLE_WORDS,
    words,
)

BY_PATTERN = re.compile(r"(?:^|(?<=\s)|(?<=\|))(?:" + "|".join(re.escape(m) for m in BY_MARKERS)
                        + r")\s*:?\s+(?=\S)", re.IGNORECASE)
LEADING_PATTERN = re.compile(r"^(?:" + "|".join(LEADING_MARKERS) + r")\s*:?\s+(?=\S)",
                             re.IGNORECASE)
LEAD_IN_PATTERN = re.compile(r"^((?:[^\W\d_]+\s+){1,2})(?:von|par|por|door)\s*:?\s+(?=\S)",
                             re.IGNORECASE)
LABEL_PATTERN = re.compile(r"^(?:" + "|".join(re.escape(label) for label in sorted(
    AUTHOR_LABELS, key=len, reverse=True)) + r")\s*(?:[:\-–]\s*|\s+)(?=\S)", re.IGNORECASE)
# A label standing alone ("Author of the article:"), its name given by a logo or nothing.
LABEL_ONLY = compile_on_use(r"^(?:" + "|".join(re.escape(label) for label in sorted(
    AUTHOR_LABELS, key=len, reverse=True)) + r")\s*[:\-–]?\s*$", re.IGNORECASE)
NOT_AUTHOR_PATTERN = re.compile(r"^(?:" + "|".join(re.escape(label) for label in sorted(
    NOT_AUTHOR_LABELS, key=len, reverse=True)) + r")(?:\s*:|\s+(?=\S))", re.IGNORECASE)
# A credit of someone else inside a byline: the names end before it (the roles longest first,
# ties alphabetical: a frozenset's own order changes with the hash seed).
OTHER_CREDIT = re.compile(r"\b(?:" + "|".join(sorted(NOT_AUTHOR_ROLES,
                                                     key=lambda role: (-len(role), role)))
                          + r")\s+(?:by|von|par|por|door|av)\b|\b(?:editor|foto|photo)\s*:",
                          re.IGNORECASE)
# Where the names stop: dates, time stamps, contact details, link labels.
CUT_PATTERN = re.compile(
    r"(\b(?:" + MONTHS + r")\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:" + MONTHS + r")\b|"
    r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\b\d{1,2}-(?:" + MONTHS + r")-\d{2,4}|"
    r"\b\d+\s+(?:comments?|responses?|replies)\b|\b\d{4}-\d{2}|\b\d{1,2}:\d{2}|\b\d+\s+(?:hours?|minutes?|"
    r"days?|mins?)\b|\b(?:updated?|published|posted|last updated?|modified|aktualisiert|"
    r"veröffentlicht|publié|mis à jour|view|follow|share|email|e-mail|contact|biography|bio|"
    r"read more|more by|more from|all posts|see all|min read|comments?|on behalf of)\b|"
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w+|https?://\S+|\b(?:mon|tue|wed|thu|fri|sat|sun)"
    r"(?:day|sday|nesday|rsday|urday)?\b,?\s+(?:" + MONTHS + r"|\d))", re.IGNORECASE)
# A date that opens a byline before a separator ("Dec. 19, 2025 · Jane Doe").
LEADING_DATE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:(?:" + MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"(?:\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:" + MONTHS + r")\.?,?(?:\s+\d{4})?|"
    r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4})\s*[·•⋅|–—\-/]\s*", re.IGNORECASE)
# After these, a byline names outlets and roles, not more people.
AFFILIATION_SPLIT = re.compile(r"\s+[|/–—-]\s+|\s*\|\s*|\s*[•·⋅]\s*|"
                               r"(?<=[a-z]{3})\.\s+(?=[A-Z])")
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\+|(?<=\w)/(?=\w))\s*|\s+(?:and|And|AND|und|UND|et|ET|y|"
                        r"e|og|och|en|i|sowie|with|With|WITH|mit)\s+")
# Outlets are split only at words and commas: "Morgan & Morgan" is one firm.
ENTITY_SPLIT = compile_on_use(r"\s*;\s*|\s+(?:and|und|et|y|e|og|och|en|with|mit)\s+", re.IGNORECASE)
# "Jane Doe for ProPublica", "Jane Doe in Berlin", "Jane Doe at the BBC".
TAIL_PATTERN = re.compile(r"\s+(?:for|in|at|from|on|reporting from|aus|für|pour|à|en|para|voor)\s+"
                          r"(?:the\s+)?[A-Z].*$")
# Multi-word parts of job titles whose words alone are common surnames.
ROLE_PHRASES = re.compile(r"\s(?:white house|city hall|at large|in chief|state house|capitol hill|"
                          r"wall street|world news|general assignment)\s", re.IGNORECASE)
PARENTHESISED_DOMAIN = compile_on_use(r"\s*\((?:https?://)?[\w.-]+\.[a-z]{2,}/?\)", re.IGNORECASE)
# First words of link labels and phrases, never of a name ("Learn More", "Full bio").
NOT_NAME_OPENERS = words("""the a an our your all more see view learn read full follow
    contact visit meet about who expert fact verified editorial subscribe sign share email
    written posted published updated""")
# A connector left at the end when a date was cut off ("quillfox on", "Jane Doe am").
DANGLING_WORD = re.compile(r"\s+(?:on|at|am|vom|op)\s*$")
# Footnote marks after a name ("Jennifer Hale 1 ;", "Erin Sands 4").
FOOTNOTE_MARKS = re.compile(r"(?:\s+\d{1,2}[,;*]?)+$")
# Scripts whose names are often written as one word (Korean, Chinese, Japanese).
ONE_WORD_SCRIPTS = compile_on_use(
    r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]")
ENTITY_ARTICLES = frozenset({"the", "le", "la", "les", "der", "die", "das", "de", "het", "el"})
MAX_NAME_WORDS = 6
OUTLET_TAIL_WORDS = 3
MAX_NAME_CHARS = 60
MAX_LOWERCASE_WORDS = 4
MAX_PREFIX_CHARS = 80
NAME_CHARACTERS = re.compile(r"^[^\W\d_][\w'’.\-]*$")
HANDLE = re.compile(r"^[^\W_][\w.\-]{1,38}$")
TRAILING_JUNK = " ,;:|/-–—·•()[]\"'“”"


def names_from_byline(text: str, site_names: list[str] | tuple[str, ...] = (),
                      single_ok: bool = False) -> list[str]:
    """Return the person names in one byline string, in order, without roles or outlets.

    A one-word name ("Regan") is kept only after a "By" marker or when the caller knows the
    string is an author field (`single_ok`): elsewhere one word is usually a place or an outlet.
    """
    text = " ".join(text.split())
    if is_other_credit(text):
        return []
    after = after_marker(text)
    single_ok = single_ok or after != text
    parts = _name_parts(after)
    lowercase_ok = text.islower()
    one_word_each = len(parts) == 1 or "," not in after and all(
        len(part.split()) == 1 for part in parts)
    names: list[str] = []
    for index, part in enumerate(parts):
        if index and _has_role_word(part):
            continue
        name = clean_name(part, site_names, lowercase_ok)
        if name and name not in names and (" " in name or single_ok and one_word_each):
            names.append(name)
    return names


def named_entities(text: str, site_names: list[str] | tuple[str, ...] = (),
                   split: bool = True) -> list[str]:
    """Return what a byline that names no person names: outlets, desks, teams, accounts.

    "By Euronews with Agencies" -> ["Euronews"]; "Par Le Figaro et AFP" -> ["Le Figaro", "AFP"];
    "By TPN, in News, Portugal" -> ["TPN"]; "admin" and other CMS defaults -> [].
    """
    text = " ".join(text.split())
    if is_other_credit(text) or LABEL_ONLY.match(text):
        return []
    found: list[str] = []
    core = _before_cut(LABEL_PATTERN.sub("", after_marker(text)))
    parts = _name_parts(core.split(",")[0], ENTITY_SPLIT) if split else [text]
    for part in parts:
        part = PARENTHESISED_DOMAIN.sub("", part).strip(TRAILING_JUNK)
        key = squash(part)
        if not key or key in NO_AUTHOR or key in GENERIC_BYLINES and len(part.split()) == 1:
            continue
        part = AGENCIES.get(key, part)
        if _plausible_entity(part) and part not in found:
            found.append(part)
    return found


def _plausible_entity(text: str) -> bool:
    """A name-sized string that is no sentence: a handle, or words not opening in lowercase."""
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or len(text) > MAX_NAME_CHARS:
        return False
    if text.lower().startswith(("http", "www.")):
        return False
    return len(words) == 1 or not words[0][:1].islower() or words[0].lower() in ENTITY_ARTICLES \
        or text.islower() and len(words) <= MAX_LOWERCASE_WORDS


def is_handle(name: str) -> bool:
    """True for one word that is an account name rather than a person's ("jsteinhardt")."""
    return " " not in name and bool(HANDLE.match(name))


def is_other_credit(text: str) -> bool:
    """True when a line credits someone who did not write the article ("Reviewed by X")."""
    return bool(NOT_AUTHOR_PATTERN.match(text) or OTHER_CREDIT.match(text))


def _name_parts(text: str, splitter: re.Pattern[str] = NAME_SPLIT) -> list[str]:
    text = LABEL_PATTERN.sub("", LEADING_DATE.sub("", text))
    text = _before_cut(text)
    text = AFFILIATION_SPLIT.split(text, maxsplit=1)[0]
    return [part for part in splitter.split(text) if part and part.strip(TRAILING_JUNK)]


def clean_name(text: str, site_names: list[str] | tuple[str, ...] = (),
               lowercase_ok: bool = True) -> str | None:
    """Return one person's name from a name-sized string, or None if it is not a person's."""
    text = " ".join(text.split())
    several = len(text.split()) > 1
    text = FOOTNOTE_MARKS.sub("", TAIL_PATTERN.sub("", text)).strip(TRAILING_JUNK)
    text = _strip_outlet_tail(text, site_names).strip(TRAILING_JUNK)
    if len(text.split()) > 1 and text.split()[-1].lower().strip(".,") in ORGANIZATION_WORDS:
        return None                       # "Great Day Editorial Team": a desk, not a person
    text = _strip_role_tail(text).strip(TRAILING_JUNK)
    if several and " " not in text and not ONE_WORD_SCRIPTS.search(text):
        return None                       # "Luxury Travel Expert", "Human in the Loop"
    if not _looks_like_name(text, lowercase_ok):
        return None
    if not_a_person(text, site_names):
        return None
    if text.isupper() and len(text) > 2 or text.islower():
        return _title_case(text)
    return text


def not_a_person(text: str, site_names: list[str] | tuple[str, ...] = ()) -> bool:
    """True when a name is an agency, a desk, a CMS account, the site, or starts with one, or
    ends like an organization's name ("Inland Water Report", "Redaktion Stadtkurier")."""
    words = text.split()
    key, first = squash(text), squash(words[0]) if words else ""
    keys = {squash(name) for name in site_names if name}
    if len(words) > 1 and (words[-1].lower().strip(".,") in ORGANIZATION_WORDS
                           or first in GENERIC_BYLINES):
        return True
    return key in AGENCIES or key in GENERIC_BYLINES or first in AGENCIES or first in keys \
        or any(looks_like_host(text, site_key) for site_key in keys)


def agency_name(text: str) -> str | None:
    """Return the agency a byline names ('By REUTERS' -> 'Reuters'), or None."""
    for part in _name_parts(after_marker(" ".join(text.split()))):
        agency = AGENCIES.get(squash(part))
        if agency:
            return agency
    return None


def after_marker(text: str) -> str:
    """The byline after its marker ("By", "Posted by", "Ein Kommentar von"), else all of it."""
    match = LEADING_PATTERN.match(text)
    if match:
        return text[match.end():]
    match = LEAD_IN_PATTERN.match(text)
    if match and all(word.lower() in LEAD_IN_WORDS for word in match.group(1).split()):
        return text[match.end():]
    for match in BY_PATTERN.finditer(text):
        prefix = text[:match.start()]
        if len(prefix) >= MAX_PREFIX_CHARS:
            break
        if _marker_opens_byline(prefix):
            return text[match.end():]
    return text


def _marker_opens_byline(prefix: str) -> bool:
    """True when the words before a "by" leave it a byline marker: nothing, a date or time,
    a label ("Posted"); not a sentence ("Driven by") or another credit ("Reviewed by")."""
    words = prefix.split()
    if not words:
        return True
    last = words[-1].lower().strip(".,:;|")
    if last in NOT_AUTHOR_ROLES:
        return False
    return last in AUTHOR_VERBS or not words[-1][:1].islower() or not last.isalpha()


# What every match of CUT_PATTERN in an ASCII text holds, lowercased, besides a digit or "@"
# (then the case-blind search, ~30 us on a byline, is left out: most bylines hold none of them).
_CUT_WORDS = ("update", "published", "posted", "modified", "aktualisiert", "view", "follow",
              "share", "email", "e-mail", "contact", "bio", "read more", "more by", "more from",
              "all posts", "see all", "min read", "comment", "on behalf of", "http", "mon", "tue",
              "wed", "thu", "fri", "sat", "sun")
_DIGIT_OR_AT = re.compile(r"[0-9@]")


def _cut_at(text: str) -> re.Match[str] | None:
    """CUT_PATTERN.search(text); an ASCII text (where the case-blind pattern compares lowercase)
    holding no digit, "@" nor any of _CUT_WORDS has no match."""
    if text.isascii() and _DIGIT_OR_AT.search(text) is None:
        lowered = text.lower()
        if not any(word in lowered for word in _CUT_WORDS):
            return None
    return CUT_PATTERN.search(text)


def _before_cut(text: str) -> str:
    match = _cut_at(text)
    text = text[:match.start()] if match else text
    other = OTHER_CREDIT.search(text)
    return DANGLING_WORD.sub("", text[:other.start()] if other else text)


def _has_role_word(part: str) -> bool:
    return any(_is_role_head(word) for word in part.split())


def _strip_role_tail(text: str) -> str:
    """'Jane Doe Senior White House Correspondent' -> 'Jane Doe'; 'Liza Burke Director of
    Marketing' -> 'Liza Burke'; a bare role -> ''."""
    text = ROLE_PHRASES.sub(" ", f"{text} ").strip()
    words = text.split()
    if words and _is_role_head(words[-1]):
        while words and (words[-1].lower().strip(".,") in ROLE_WORDS or _is_role_head(words[-1])):
            words.pop()
        return " ".join(words)
    for index in range(2, len(words)):
        if _is_role_head(words[index]):
            start = index
            while start > 2 and words[start - 1].lower().strip(".,") in ROLE_WORDS:
                start -= 1
            return " ".join(words[:start])
    return text


def _is_role_head(word: str) -> bool:
    word = word.lower().strip(".,")
    return word in ROLE_HEADS or any(part in ROLE_HEADS for part in word.split("-"))


def _strip_outlet_tail(text: str, site_names: list[str] | tuple[str, ...]) -> str:
    """'Tom Davies Associated Press' -> 'Tom Davies'; 'Jo Li FOXBusiness' on foxbusiness.com too."""
    words = text.split()
    keys = {squash(name) for name in site_names if name}
    for size in range(min(OUTLET_TAIL_WORDS, len(words) - 2), 0, -1):
        tail = squash(" ".join(words[-size:]))
        if tail in keys or tail in AGENCIES:
            return " ".join(words[:-size])
    return text


def _looks_like_name(text: str, lowercase_ok: bool = True) -> bool:
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or len(text) > MAX_NAME_CHARS:
        return False
    if words[0].lower() in NOT_NAME_OPENERS:
        return False
    if len(words) == 1 and (text.islower() or text.isupper() or len(text) < 2):
        return False
    if not all(NAME_CHARACTERS.match(word) for word in words):
        return False
    if len(words) > 1 and words[-1] in NAME_PARTICLES:
        return False
    if text.islower():
        return lowercase_ok and len(words) <= MAX_LOWERCASE_WORDS
    return all(not word[0].islower() or word in NAME_PARTICLES or word.startswith("d'")
               for word in words)


def _title_case(text: str) -> str:
    """'JEAN-PAUL O'NEIL' -> 'Jean-Paul O'Neil'; particles stay lowercase."""
    def word_case(word: str) -> str:
        if word.lower() in NAME_PARTICLES and word.lower() not in ("e", "y"):
            return word.lower()
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)
    return " ".join(word_case(word) for word in text.split())
