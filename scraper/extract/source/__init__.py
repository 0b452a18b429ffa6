"""The original outlet of a syndicated or report-based story.

Evidence, strongest first; the first that names an outlet other than the page's own
publisher wins:

1. meta tags naming the original (`syndication-source`, `original-source`);
2. JSON-LD `isBasedOn` / `sourceOrganization` of the article;
3. an explicit statement anywhere in the body: "according to a report from X",
   "as first reported by X", "this article was originally published on X", "republished
   from X", and their German and French equivalents;
4. a closing credit line ("via Reuters", "Source: AFP", "(With AFP)") or a wire dateline
   opening the story ("WASHINGTON (AP) —");
5. weak: "X reported (on Wednesday) that" in the first paragraphs.

An outlet merely quoted or contacted ("told Nikkei Asia", "contacted by the Guardian")
is never the source: only these report-based phrasings count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from itertools import accumulate
from typing import Any
from urllib.parse import urlsplit

from ..document import ARTICLE_TYPES, Document
from ..lazy import compile_on_use
from .patterns import (
    CREDIT_LINE_MAX_CHARS,
    CREDIT_LINE_PARAGRAPHS,
    CREDIT_LINE_PATTERNS,
    DATELINE_PATTERN,
    ENGLISH_HINTS,
    ES_OUTLET_LEAD,
    EXPLICIT_PATTERNS,
    HEADLINE_META,
    INSTITUTION_SUFFIXES,
    INSTITUTION_WORDS,
    IT_OUTLET_LEAD,
    META_NAMES,
    NEWS_SUFFIXES,
    NEWS_WORDS,
    NOT_OUTLET_WORDS,
    OUTLET_DOMAINS,
    OUTLET_KINDS,
    OUTLET_TRAILING_STOPWORDS,
    WEAK_PARAGRAPHS,
    WEAK_PATTERNS,
    WIRE_AGENCIES,
)

_ARTICLES = r"(?:[Tt]he|[Ll]e|[Ll]a|[Ll]es|[Dd]ie|[Dd]er|[Dd]as|[Ee]l|[Ii]l|[Ll]os|[Ll]as)\s+"
# Words joining the parts of a name: 'Museum of the Sea', 'L’Écho de la Bresse', 'El Diario
# de León', 'Corriere della Sera', 'Ouest-France de l’Est'.
_JOINERS = (r"(?:\s+(?:of|for|de|du|des|&|am|im|del|della|dello|dei|di|de\s+la|de\s+los|de\s+las|"
            r"of\s+the)\s+|\s+de\s+l[’']|\s+)")
_NAME_TOKEN = (r"(?:[A-ZÀ-Ý][\w&'’-]*(?:\.[\w-]+)*"
               r"|[a-z][\w-]*\.(?:com|org|net|co\.uk|de|fr|io|news))")
_KIND = r"(?:(?:the\s+|le\s+|la\s+|die\s+|der\s+)?(?:{})\s+)?".format("|".join(OUTLET_KINDS))
_OUTLET = (rf"{_KIND}[„“\"«»‚‘]?\s?(?-i:(?P<outlet>(?:{_ARTICLES})?{_NAME_TOKEN}"
           rf"(?:{_JOINERS}[A-Z0-9À-Ý][\w&'’-]*(?:\.[\w-]+)*){{0,5}}))"
           rf"\s?[“”\"»«‘’]?")
_WIRE = r"(?P<wire>{})".format("|".join(re.escape(name) for name in sorted(WIRE_AGENCIES, key=len,
                                                                      reverse=True)))


def _expand(pattern: str) -> str:
    """A phrase pattern with its placeholders (OUTLET, WIRE, NEWSY, ...) filled in."""
    return (pattern.replace("NEWSY", "(?P<newsy>)").replace("ES_OUTLET_LEAD", ES_OUTLET_LEAD)
            .replace("IT_OUTLET_LEAD", IT_OUTLET_LEAD)
            .replace("OUTLET", _OUTLET).replace("WIRE", _WIRE))


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A phrase pattern, compiled at its first use: most pages hold the hints of few of them,
    and compiling all at import cost 60 ms of every start-up."""
    return re.compile(_expand(pattern), re.IGNORECASE)


_EXPLICIT = EXPLICIT_PATTERNS  # (hint words, pattern): a pattern is tried where its hints occur
_EXPLICIT_BY_HINT: dict[str, tuple[int, ...]] = {
    hint: tuple(index for index, (hints, _) in enumerate(_EXPLICIT) if hint in hints)
    for hint in dict.fromkeys(hint for hints, _ in _EXPLICIT for hint in hints)}
_OUTLET_ALONE = compile_on_use(_OUTLET)
# Each hint once, in the order the patterns list them (a set's order changes with the hash seed).
_ALL_HINTS = tuple(dict.fromkeys(hint for hints, _ in EXPLICIT_PATTERNS + WEAK_PATTERNS
                                 for hint in hints))
# Hints no other hint is part of, each with the hints that contain it ('report' -> 'reported
# by', 'first reported' …): the page is scanned for the roots only.
_HINT_ROOTS = {root: tuple(hint for hint in _ALL_HINTS if root in hint)
               for root in _ALL_HINTS if not any(other != root and other in root
                                                 for other in _ALL_HINTS)}
_ENGLISH_HINT_ROOTS = {root: hints for root, hints in _HINT_ROOTS.items() if root in ENGLISH_HINTS}
_DIACRITIC = re.compile(r"[ß-öø-ÿ]")
_DIACRITIC_UTF8 = re.compile(rb"\xc3[\x9f-\xb6\xb8-\xbf]")  # the same letters, UTF-8 encoded
_DATELINE = re.compile(DATELINE_PATTERN.replace("WIRE", f"(?i:{_WIRE})"))
_WEAK = WEAK_PATTERNS
_ARTICLE_WORDS = frozenset({"the", "le", "la", "les", "die", "der", "das", "el", "il", "los", "las"})
# Lowercase articles before an outlet: French ones belong to the name ('le Monde' is
# Le Monde), Italian and Spanish masculine ones are grammar ('il Corriere della Sera').
_NAMING_ARTICLES = frozenset({"le", "la", "les"})
_GRAMMATICAL_ARTICLES = frozenset({"il", "lo", "el", "los", "las"})
_KIND_WORDS = frozenset(kind.lower() for kind in OUTLET_KINDS)
_ELISION = re.compile(r"^[LlDd][’']")
_KNOWN_OUTLETS = frozenset(OUTLET_DOMAINS.values()) | frozenset(WIRE_AGENCIES.values())
_POSSESSIVE = re.compile(r"[’']s?$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def extract_source(paragraphs: list[str], document: Document) -> str | None:
    """Return the outlet the story is based on ('according to a report from X'), if any."""
    own: tuple[set[str], str] | None = None  # read at the first candidate: most pages have none
    for candidate in _candidates(paragraphs, document):
        if not candidate:
            continue
        if own is None:
            own = _own_names(document)
        if not _is_own(candidate, own):
            return candidate
    return None


def _candidates(paragraphs: list[str], document: Document) -> Iterable[str | None]:
    """Outlet names in order of the strength of their evidence (lazily)."""
    for name in META_NAMES:
        yield _named(_outlet_from_value(document.meta_first(name)), paragraphs)
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        for key in ("isBasedOn", "isBasedOnUrl", "sourceOrganization"):
            yield _named(_outlet_from_value(article.get(key)), paragraphs)
    present = _hints_by_paragraph(paragraphs, _declared_english(document))
    for paragraph, found in zip(paragraphs, present):
        if found:
            yield from _explicit(paragraph, found)
    for text in dict.fromkeys(_headline_texts(document)):  # a text said again names no other
        yield from _explicit(text, _hints_in(text))
    for paragraph in paragraphs[-CREDIT_LINE_PARAGRAPHS:]:
        if len(paragraph) <= CREDIT_LINE_MAX_CHARS:
            yield from _credit_line(paragraph.strip())
    if paragraphs:
        dateline = _DATELINE.match(paragraphs[0].strip())
        yield WIRE_AGENCIES.get(dateline.group("wire").lower()) if dateline else None
    for paragraph, found in zip(paragraphs[:WEAK_PARAGRAPHS], present):
        for hints, pattern in _WEAK:
            match = _compiled(pattern).search(paragraph) if found.intersection(hints) else None
            yield clean_outlet(match.group("outlet")) if match else None


def _explicit(text: str, hints_found: set[str]) -> Iterable[str | None]:
    tried = sorted({index for hint in hints_found for index in _EXPLICIT_BY_HINT.get(hint, ())})
    for index in tried:  # the patterns whose hints occur, in their order
        for match in _compiled(_EXPLICIT[index][1]).finditer(text):
            yield _explicit_outlet(match)


def _headline_texts(document: Document) -> list[str]:
    """Title and description: a story's framing line often names its source there only."""
    texts = [value for value in (document.meta_first(name) for name in HEADLINE_META) if value]
    title = document.tree.css_first("title")
    return texts + ([title.text()] if title is not None else [])


def _declared_english(document: Document) -> bool:
    """True when the page says it is in English (<html lang="en-GB">)."""
    root = document.tree.root  # the <html> element, without a query
    return (root.attributes.get("lang") or "").lower().startswith("en") if root is not None \
        else False


def _hints_by_paragraph(paragraphs: list[str], english: bool) -> list[set[str]]:
    """The hint words present in each paragraph, found by scanning the page once per hint.

    A page declared English whose text has no letter with a diacritic is scanned for the
    English hints only."""
    text, starts = _lowered_text(paragraphs)
    present: list[set[str]] = [set() for _ in paragraphs]
    roots = _ENGLISH_HINT_ROOTS if english and not _has_diacritic(text) else _HINT_ROOTS
    for root, hints in roots.items():
        position = text.find(root)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            lowered = text[starts[index]:starts[index + 1] - 1]
            present[index].update(hint for hint in hints if hint in lowered)
            position = text.find(root, starts[index + 1])
    return present


def _lowered_text(paragraphs: list[str]) -> tuple[str, list[int]]:
    """The paragraphs lowercased, joined by newlines, and where each starts. Lowercased in one
    call (a newline ends a final sigma's context as the end of a paragraph does) unless that
    changes a length ('İ' lowers to two characters): then paragraph by paragraph."""
    text = "\n".join(paragraphs).lower()
    lengths = [len(paragraph) for paragraph in paragraphs]
    if len(text) != sum(lengths) + len(lengths) - 1:
        lowered = [paragraph.lower() for paragraph in paragraphs]
        text, lengths = "\n".join(lowered), [len(paragraph) for paragraph in lowered]
    return text, list(accumulate((length + 1 for length in lengths), initial=0))


def _has_diacritic(text: str) -> bool:
    """True when the text holds a letter with a diacritic (_DIACRITIC). Searched in its UTF-8
    bytes, where each such letter is 0xC3 and one byte: the search skips to each 0xC3,
    several times faster than the character class tried at every character."""
    if text.isascii():
        return False
    return _DIACRITIC_UTF8.search(text.encode("utf-8", "surrogatepass")) is not None


def _hints_in(text: str) -> set[str]:
    """The hint words of the phrase patterns that occur in a text."""
    lowered = text.lower()
    return {hint for root, with_root in _HINT_ROOTS.items() if root in lowered
            for hint in with_root if hint in lowered}


def clean_outlet(name: str | None) -> str | None:
    """Tidy a captured outlet name: no possessive, no trailing weekday, 'the' -> 'The'."""
    if not name:
        return None
    words = _POSSESSIVE.sub("", name.strip().rstrip(".,;:!?)")).split()
    while words and words[-1].strip(".,") in OUTLET_TRAILING_STOPWORDS:
        words.pop()
    if len(words) > 2 and words[0].lower() in _ARTICLE_WORDS and words[1] in OUTLET_KINDS:
        words = words[2:]  # 'der Sender Radio Spree' -> 'Radio Spree'
    elif len(words) > 1 and words[0] in OUTLET_KINDS:
        words = words[1:]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:] if words[1].isupper() else ["The"] + words[1:]
    elif len(words) > 1 and words[0] in _NAMING_ARTICLES:
        words = [words[0].capitalize()] + words[1:]  # 'le Parisien', 'la Repubblica'
    elif len(words) > 1 and words[0] in _GRAMMATICAL_ARTICLES:
        words = words[1:]  # 'il Corriere della Sera', 'el diario': the article is grammar
    outlet = " ".join(words).rstrip(".,;:’'")
    if len(outlet) < 2 or outlet.lower() in ("the", "le", "la", "die", "der") \
            or words[0].lower() in NOT_OUTLET_WORDS or _only_kinds(words) or _institution(words):
        return None
    return OUTLET_DOMAINS.get(outlet.lower(), outlet)


def _newsy(outlet: str) -> bool:
    """A name that reads as a news outlet: a news word in it ('Coastal Times', 'L’Écho de la
    Bresse', 'Corriere di Como') or a known outlet; not 'La Poste' or 'Jane Roe'."""
    words = [_ELISION.sub("", word.strip("„“”\"«»")).lower()
             for word in outlet.replace("-", " ").split()]
    return any(word in NEWS_WORDS or word.endswith(NEWS_SUFFIXES) for word in words) \
        or outlet in _KNOWN_OUTLETS


def _institution(words: list[str]) -> bool:
    """'Polizei', 'The Pentagon', 'La Commission', 'Innenministerium': reports, no outlet."""
    return any(word.lower() in INSTITUTION_WORDS for word in words) \
        or words[-1].lower().endswith(INSTITUTION_SUFFIXES)


def _only_kinds(words: list[str]) -> bool:
    """'Zeitung', 'the paper': a kind of outlet, not the name of one."""
    return all(word.lower() in _KIND_WORDS or word.lower() in _ARTICLE_WORDS for word in words)


def _explicit_outlet(match: re.Match[str]) -> str | None:
    """The outlet of an explicit phrase; French 'du Monde' gives 'Le Monde', Spanish 'del
    País' gives 'El País'."""
    outlet = clean_outlet(match.group("outlet"))
    groups = match.groupdict()
    if outlet and groups.get("newsy") is not None and not _newsy(outlet):
        return None  # 'according to Jane Roe', 'según Juan Pérez': a person
    for contraction, article in (("du", "Le"), ("del", "El")):
        right_before = groups.get(contraction) is not None \
            and match.end(contraction) == match.start("outlet")
        if outlet and right_before and outlet[:1].isupper():
            return f"{article} {outlet}"
    return outlet


def _credit_line(paragraph: str) -> Iterable[str | None]:
    for pattern in CREDIT_LINE_PATTERNS:
        match = _compiled(pattern).match(paragraph)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("wire"):
            yield WIRE_AGENCIES.get(groups["wire"].lower())
        elif groups.get("outlet"):
            yield clean_outlet(groups["outlet"])


def _outlet_from_value(value: Any) -> str | None:
    """A meta/JSON-LD value: a name, a url (mapped through known domains), or an object."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        publisher = value.get("publisher")
        value = (publisher.get("name") if isinstance(publisher, dict) else None) \
            or value.get("name") or value.get("url") or value.get("@id")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if value.startswith(("http://", "https://", "//")):
        return _outlet_from_url(value)
    return clean_outlet(value)


def _named(outlet: str | None, paragraphs: list[str]) -> str | None:
    """A bare host ('journal-du-littoral.example') named as the body names it, if it does."""
    if not outlet or "." not in outlet or " " in outlet:
        return outlet
    label = _NON_ALNUM.sub("", outlet.split(".")[-2] if outlet.count(".") else outlet)
    if len(label) < 5:
        return outlet
    for paragraph in paragraphs:
        if label[:5] not in _NON_ALNUM.sub("", paragraph.lower()):
            continue
        for match in _OUTLET_ALONE.finditer(paragraph):
            name = clean_outlet(match.group("outlet"))
            if name and label in _NON_ALNUM.sub("", name.lower()):
                return name
    return outlet


def _outlet_from_url(url: str) -> str | None:
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    while host:
        if host in OUTLET_DOMAINS:
            return OUTLET_DOMAINS[host]
        if "." not in host:
            break
        host = host.split(".", 1)[1]
    return (urlsplit(url).hostname or "").removeprefix("www.") or None


def _own_names(document: Document) -> tuple[set[str], str]:
    """Normalized names of the page's own publication, and its squashed host."""
    names: set[str] = set()
    for value in (document.meta_first("og:site_name"), document.meta_first("application-name")):
        if value:
            names.add(_key(value))
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        publisher = article.get("publisher")
        for item in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                names.add(_key(item["name"]))
    host = (urlsplit(document.url or "").hostname or "").lower()
    names.update(label for label in host.split(".") if len(label) > 3)
    return names, _NON_ALNUM.sub("", host)


def _is_own(outlet: str, own: tuple[set[str], str]) -> bool:
    names, host = own
    key = _key(outlet)
    return key in names or (len(key) >= 5 and key in host)


def _key(name: str) -> str:
    lowered = name.lower().strip()
    for article in ("the ", "le ", "la ", "die ", "der "):
        lowered = lowered.removeprefix(article)
    return _NON_ALNUM.sub("", lowered)
