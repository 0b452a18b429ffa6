"""Parse a raw photo-credit line into photographer and credit source.

Three entry points, from lenient to strict:

- `parse_credit(text)` reads text already known to be a credit (a credit element, a
  `creditText`): "Jane Roe/Reuters" -> ("Jane Roe", "Reuters").
- `match_credit_line(text)` accepts a body paragraph only when the whole paragraph is a
  credit line: a label ("Photo by", "Photograph:", "Foto:", "©", "Courtesy of"), or
  name/agency pieces with a known agency, or "Name for Outlet"; prose is refused because
  every lowercase word must be a connector ("via", "for", "on" ...) or a known agency.
- `split_trailing_credit(caption)` splits a credit off the end of a caption.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from typing import NamedTuple

from ..lazy import compile_on_use
from .names import (
    AGENCY_ALIASES,
    LEADING_ARTICLES,
    agency_name,
    canonical_source,
    capitalised,
    capitals_name,
    handle_name,
    is_agency,
    looks_like_person,
    plain_name,
)
from .patterns import (
    AGENCIES,
    AGENCY_QUALIFIERS,
    BY_WORDS,
    COPYRIGHT_LEAD,
    COURTESY_LEAD,
    COURTESY_TAIL,
    CREDIT_CONNECTORS,
    CREDIT_HINTS,
    GENERIC_PIECES,
    LABEL_PATTERN,
    LABEL_SEPARATOR,
    LICENSE_TAIL,
    MAX_CREDIT_CHARS,
    MAX_CREDIT_WORDS,
    ORG_SUFFIXES,
    ORG_WORDS,
    PIECE_SPLIT,
    PLATFORMS,
    SOURCE_LABEL,
)


class ParsedCredit(NamedTuple):
    """A credit line and its two parts."""

    credit: str
    photographer: str | None = None
    credit_source: str | None = None


_LABEL_LEAD = compile_on_use(rf"^{LABEL_PATTERN}(?:\s+{BY_WORDS}\s+|{LABEL_SEPARATOR})",
                             re.IGNORECASE)
_BY_LEAD = compile_on_use(rf"^(?:{LABEL_PATTERN}|photographed|illustrated|shot|taken)"
                          rf"(?:\s+(?:provided|submitted|supplied|contributed))?\s+{BY_WORDS}\s+",
                          re.IGNORECASE)
_MID_LABEL = re.compile(rf"(?:(?<=[\s.,;:!?)\]])|^)(?:{LABEL_PATTERN}|©|\(c\)|Copyright|Courtesy|"
                        rf"photographed(?=\s+by\s))"
                        rf"(?=\s+{BY_WORDS}\s|{LABEL_SEPARATOR}|\s|\d|$)", re.IGNORECASE)
# What a `_MID_LABEL` match holds, lowercased (a cheap test before its scan): a label's
# word, a copyright sign or 'courtesy'; or a character its case folding matches beyond
# `str.lower` ('İ' lowers to 'i' and a dot above, 'ı' and 'ſ' match 'i' and 's').
_LABEL_HINTS = ("photo", "pic", "image", "foto", "fotó", "bild", "credit", "crédit", "immagin",
                "ilustraci", "illustra", "graphic", "artwork", "kuva", "zdjęcie", "quelle",
                "source", "fuente", "fonte", "фото", "isithombe", "©", "(c)", "copyright",
                "courtesy", "\u0307", "ı", "ſ", "ᲂ", "ᲄ", "ᲅ")
# Most characters before the first of those words in a label ('featured image',
# 'aufmacherbild'), its words parted by one space (a test expands every label).
LABEL_WORD_OFFSET = 9
_PLATFORM_NAMES = "|".join(re.escape(platform) for platform in PLATFORMS)
_PLATFORM_TAIL = re.compile(rf"^(.+?)\s+(?:on|from|via|at|auf|sur|op|su)\s+({_PLATFORM_NAMES})$",
                            re.IGNORECASE)
_FOR_OUTLET = compile_on_use(r"^([^/|;,]+?)\s+(?:for|für|pour|per|para)\s+[«“„\"]?\s*"
                             r"((?:the\s+|The\s+)?[A-ZÀ-Ý0-9][^/|;]*?)\s*[»”“\"]?$")
# An unlabelled credit separates its pieces: "Jane Roe/Reuters", "X via Y", "X for The Times".
UNLABELLED_MARKS = ("/", "|", " via ", " for ", " für ", " pour ", " per ", " para ", " - ", " – ",
                    " — ", ", ")
# Where a piece of a credit (`_pieces`) and its words end, and one word of each agency's
# name (its first not generic, 'associated' of 'the associated press'): a piece naming an
# agency leaves that word whole between two breaks of the text.
_WORD_BREAKS = re.compile(r"[\s/|;,.]+")
_GENERIC_WORDS = ORG_WORDS | CREDIT_CONNECTORS | AGENCY_QUALIFIERS | LEADING_ARTICLES


def _agency_word(name: str) -> str:
    words = [word for word in _WORD_BREAKS.split(name) if word]
    return next((word for word in words if word not in _GENERIC_WORDS), max(words, key=len))


_AGENCY_WORDS = frozenset(_agency_word(name) for name in AGENCIES)
_FOR_WORDS = (" for ", " für ", " pour ", " per ", " para ")
_OPENING_BRACKETS = ("(", "[", "（")
_ELISION = re.compile(r"^(?:d|l|qu|dell)[’'](?=[A-ZÀ-Ý])")
_LABEL_WORD = compile_on_use(LABEL_PATTERN, re.IGNORECASE)
# What every lead `_strip_label` removes opens with: a label, 'photographed', a word before
# 'source' or 'courtesy', a copyright sign or 'courtesy'. A text opening otherwise has none.
_ANY_LEAD = compile_on_use(rf"(?:{LABEL_PATTERN}|photographed|illustrated|shot|taken|image|photo"
                           rf"|picture|video|bild|foto|©|\(c\)|copyright|courtesy)", re.IGNORECASE)
_LABEL_SPACE = compile_on_use(rf"^{LABEL_PATTERN}\s+", re.IGNORECASE)
# Further sentences crediting other roles after the photographer's name ('Jo Roe. Styling:
# Ann Lee. Hair: …', 'Jo Roe. Prop styling by Ann Lee'): not part of the photo credit.
_ROLE_CREDITS = re.compile(r"\.\s+(?=[A-ZÀ-Þ][^.]{0,40}?(?:\s(?:by|von|par|de)\s|:)"
                           r"|Courtesy\b).*$")
# Labels that name a provider, not a photographer.
# A second label inside a credit, after its holder: '© NDR Foto: Jo Roe', '© dpa Bild: Jo Roe'.
_INNER_LABEL = re.compile(r"\s+(?:Foto|Photo|Bild|Fotograf(?:ie)?|Photograph(?:er)?)\s*:\s+")
_BRACKETED_AGENCY = compile_on_use(r"^([^()]+?)\s*\(([^()]{1,40})\)$")
_SOURCE_WORD = compile_on_use(r"^\W*(?:quelle|source|fuente|fonte)\b", re.IGNORECASE)
# Most words of a labelled credit closing a caption whose words are not checked.
MAX_LABELLED_TAIL_WORDS = 8
# Longest agency name closing a caption as its own sentence.
MAX_AGENCY_CHARS = 40
# A label opening a caption with its credit, and where such a credit ends.
_LEAD_LABEL = compile_on_use(r"^(?:credits?|photo(?:graph)?s?|images?|source|fotos?|bild)\s*:\s",
                             re.IGNORECASE)
_CREDIT_END = compile_on_use(r";\s*|\.\s+(?=[A-ZÀ-Þ])")
# Japanese '（山田太郎撮影）' ('photographed by'), '＝ＡＰ' ('= AP'), Korean '홍길동 기자' ('reporter').
_SHOT_BY = compile_on_use(r"[（(]([^（）()]{1,20}?)撮影[）)]\s*$")
_EQUALS_AGENCY = compile_on_use(r"[＝=]\s*([^＝=（）()、。\s][^＝=（）()、。]{0,19})\s*$")
_REPORTER = compile_on_use(r"(?<=[.!?。]\s)([가-힣]{2,4}) 기자\s*$")
# Most words of an organisation's name opening a caption as its credit.
MAX_ORGANISATION_WORDS = 5
# Most words of a line of names closing a caption, fewest of the caption line before it.
MAX_NAME_LINE_WORDS = 8
MIN_CAPTION_WORDS = 4
# Most words of a provider's name in brackets closing a caption, and sides, not providers.
MAX_BRACKET_NAME_WORDS = 4
SIDE_WORDS = frozenset({"left", "right", "center", "centre", "top", "bottom", "links", "rechts",
                        "mitte", "oben", "unten", "gauche", "droite", "izquierda", "derecha",
                        "l", "r", "c", "l-r", "r-l", "v.l.", "v.l.n.r.", "file", "video"})
NAMED_ARCHIVES = frozenset({"archive", "archives", "archiv"})
_TRAILING_BRACKET = re.compile(r"[(\[（]([^()\[\]（）]{1,120})[)\]）]\s*\.?$")
# Where a credit may start after the caption: a sentence end or a dash/bar separator.
_SENTENCE_END = re.compile(r"[.!?…]\s+|\s+[—–|]\s+")
_ENCLOSING = re.compile(r"^[(\[（]\s*(.*?)\s*[)\]）]$")
_YEAR = re.compile(r"^\d{4}\s*")
_WORD = re.compile(r"[^\s/|;,()\[\]]+")


def parse_credit(text: str) -> ParsedCredit | None:
    """Split a known credit text into photographer and credit source; None when empty."""
    raw = " ".join(text.split())
    body, kind = _strip_label(_unwrap(raw), named_after_label=True)
    body = _ROLE_CREDITS.sub("", body)
    if not body:
        return _generic_credit(raw, kind)
    bracketed = _BRACKETED_AGENCY.match(body)
    if bracketed and is_agency(bracketed.group(2)):  # 'Jo Roe (dpa)': the person, the agency
        body = f"{bracketed.group(1)} / {bracketed.group(2)}"
    inner = _INNER_LABEL.search(body)
    if inner and inner.start():  # '© NDR Foto: Jo Roe': the holder, then the photographer
        body, kind = f"{body[:inner.start()]} / {body[inner.end():]}", kind or "label"
    courtesy = COURTESY_LEAD.match(body) or COURTESY_TAIL.search(body)
    if courtesy:
        rest = body[courtesy.end():] if courtesy.start() == 0 else body[:courtesy.start()]
        return _result(raw, None, canonical_source(rest.strip(" .")))
    platform = _PLATFORM_TAIL.match(body)
    if platform and "/" not in platform.group(1) and not is_agency(platform.group(1)):
        person = platform.group(1).strip(" ,")
        generic = person.lower() in GENERIC_PIECES or _LABEL_WORD.fullmatch(person)
        return _result(raw, None if generic else person, canonical_source(platform.group(2)))
    outlet = _FOR_OUTLET.match(body)
    if outlet and kind != "source" and (kind == "by" or looks_like_person(outlet.group(1))):
        return _result(raw, outlet.group(1).strip(), canonical_source(outlet.group(2)))
    parsed = _from_pieces(raw, body, kind == "by", source_label=kind == "source")
    return parsed or _generic_credit(raw, kind, body)


def _generic_credit(raw: str, kind: str | None, body: str = "") -> ParsedCredit | None:
    """A labelled credit naming no one ('Foto: privat', 'Credits: Supplied Image'): the credit
    as printed, without photographer or source."""
    body = body.strip(" .;,")
    if kind not in ("label", "source") or not body or not _only_generic(body):
        return None
    return ParsedCredit(credit=raw.strip().rstrip(";,").strip())


def is_bare_label(text: str) -> bool:
    """A label or copyright sign with nothing after it ('Copyright', 'Foto:', '©')."""
    body, kind = _strip_label(_unwrap(" ".join(text.split())))
    return kind is not None and not body


def match_credit_line(text: str, in_caption: bool = False, labelled_tail: bool = False
                      ) -> ParsedCredit | None:
    """Return the parse when the whole paragraph is a credit line, else None.

    `in_caption`: the text ends a caption, where a label before a bare name ('Photo Ana
    Roux') is a credit; a body paragraph reading so may be a heading. `labelled_tail`: the
    text ends a known caption, where any short text after a label is a credit.
    """
    words = text.split(None, MAX_CREDIT_WORDS)
    if len(words) > MAX_CREDIT_WORDS:
        return None  # too many words (a paragraph of prose is not split further)
    raw = " ".join(words)  # under the limit the split went to the end: every word
    if not raw or len(raw) > MAX_CREDIT_CHARS:
        return None
    if not holds_any(raw, UNLABELLED_MARKS) and not _may_open_with_label(raw):
        return None  # the tests below in short: no separated pieces, no label
    inner = _unwrap(raw)
    body, kind = _strip_label(inner, named_after_label=in_caption)
    if not body or not (kind or holds_any(body, UNLABELLED_MARKS)):
        return None
    if kind == "source" and not labelled_tail:
        return None  # 'Source: Eurostat' under a table in the text is no photo credit
    if not kind and not _may_be_unlabelled_credit(body):
        return None  # prose with commas: refused before the word-by-word reading
    if not (_reads_like_credit(body) or _short_courtesy(body, kind)
            or (labelled_tail and _labelled_tail(body, kind))):
        return None
    if not kind and not _unlabelled_credit(body):
        return None
    parsed = parse_credit(raw)
    return parsed if parsed and (parsed.photographer or parsed.credit_source) else None


def is_credit_text(text: str) -> bool:
    """A text standing alone that reads as a credit: a credit line ('Image: Ana Roux',
    'Jo Roe/AP') or a known agency by itself ('REUTERS', '© dpa')."""
    if match_credit_line(text, labelled_tail=True) is not None:
        return True
    body, kind = _strip_label(_unwrap(" ".join(text.split())))
    return bool(body) and (is_agency(body) or _generic_credit(text, kind, body) is not None)


def split_trailing_credit(caption: str, bare_agency: bool = True
                          ) -> tuple[str, ParsedCredit | None]:
    """Split a credit off the end of a caption: (caption without it, parsed credit or None).

    With `bare_agency` a trailing "(AP)" counts; body paragraphs pass False because a bare
    agency tag there ends a wire story rather than crediting a photo.
    """
    text = " ".join(caption.split())
    window = max(0, len(text) - MAX_CREDIT_CHARS)
    tail = text[window:].lower()
    if bare_agency:
        agency = _closing_agency(text) or _east_asian_credit(text)
        if agency is not None:
            return agency
    if not holds_any(tail, CREDIT_HINTS) and not text.endswith((")", ").", "）")):
        return text, None
    bracket = _TRAILING_BRACKET.search(text)
    labelled = match_credit_line(bracket.group(0), labelled_tail=bare_agency) if bracket else None
    if bracket and labelled:  # '… (Photo: Jo Roe / UN. Courtesy of the ICJ)': the bracket whole
        return _caption_part(text[:bracket.start()]), labelled
    # the label scan tries every position of the tail: only when a label it reads may be there
    labels = _MID_LABEL.finditer(text, window) \
        if holds_any(tail, _LABEL_HINTS) and _may_read_label(text, window, tail) else ()
    for match in labels:
        if match.start() and not match.group(0)[0].isupper() and match.group(0)[0] not in "©(" \
                and not match.group(0).lower().startswith("photographed"):
            continue  # a lowercase label mid-caption is prose ('a photo of the pier')
        parsed = match_credit_line(text[match.start():], in_caption=match.start() > 0,
                                   labelled_tail=bare_agency)
        if parsed:
            return _caption_part(text[:match.start()]), parsed
    if bracket and bare_agency and (_caption_bracket(bracket.group(1))
                                    or _named_after_sentence(text, bracket)):
        parsed = parse_credit(bracket.group(0).rstrip(". "))
        if parsed:
            return _caption_part(text[:bracket.start()]), parsed
    if "/" not in text and " via " not in text:
        return text, None  # no tail below can hold a separated credit
    for end in list(_SENTENCE_END.finditer(text))[-3:]:
        tail = text[end.end():]
        if "/" not in tail and " via " not in tail:
            continue
        parsed = match_credit_line(tail) or (
            parse_credit(tail) if bare_agency and _caption_bracket(tail.rstrip(". ")) else None)
        if parsed:
            return _caption_part(text[:end.end()]), parsed  # '… — Tom Bell / Harbour Herald'
    return text, None


def _may_read_label(text: str, window: int, tail: str) -> bool:
    """False when `split_trailing_credit` surely reads none of the labels `_MID_LABEL` finds
    in `text[window:]` (`tail`: that part lowercased, holding a label's word): it reads one
    opening the text, or a copyright sign, '(c)', 'photographed' or a label opening with a
    capital. In an ASCII text such a capital stands at most `LABEL_WORD_OFFSET` characters
    before the lowercased word of its label ('Featured image'); most tails of prose, their
    label words lowercase ('a photo of the pier'), hold none."""
    if "©" in tail or "(c)" in tail or "photographed" in tail:
        return True
    if window == 0 and _MID_LABEL.match(text) is not None:
        return True  # a label opening the text, whatever its case
    original = text[window:]
    if not original.isascii():
        return True  # where lowercasing may move characters: not worth reading
    for hint in _LABEL_HINTS:
        at = tail.find(hint)
        while at >= 0:
            before = original[max(0, at - LABEL_WORD_OFFSET):at + 1]
            if before != before.lower():  # a capital letter
                return True
            at = tail.find(hint, at + 1)
    return False


# What a text before `split_trailing_credit` normalises its spaces must hold to end in a
# credit: a hint as it may stand around a line break (' via '), or a closing bracket.
_LOOSE_HINTS = tuple(dict.fromkeys(hint.strip() for hint in CREDIT_HINTS))
# ... less those holding another ('picture' holds 'pic'), and those an ASCII text can hold
_LOOSE_HINTS = tuple(hint for hint in _LOOSE_HINTS
                     if not any(other != hint and other in hint for other in _LOOSE_HINTS))
_ASCII_HINTS = tuple(hint for hint in _LOOSE_HINTS if hint.isascii())
_CLOSING_BRACKETS = (")", ").", "）")


def may_end_in_credit(texts: list[str]) -> list[bool]:
    """For each text, False when `split_trailing_credit(text, bare_agency=False)` surely
    finds no credit: no credit hint anywhere in it and no closing bracket. The texts are
    searched together, one search per hint (a body's dozens of paragraphs, most of them
    prose, each asked for every hint cost more); ASCII texts apart, without the hints they
    cannot hold (one curly quote makes a text, and all searched with it, wider to scan)."""
    hinted = [text.rstrip().endswith(_CLOSING_BRACKETS) for text in texts]
    plain: list[int] = []
    other: list[int] = []
    for index, text in enumerate(texts):
        (plain if text.isascii() else other).append(index)
    _mark_hinted(texts, plain, _ASCII_HINTS, hinted)
    _mark_hinted(texts, other, _LOOSE_HINTS, hinted)
    return hinted


def _mark_hinted(texts: list[str], indexes: list[int], hints: tuple[str, ...],
                 hinted: list[bool]) -> None:
    """Mark the texts at `indexes` that hold one of the hints, lowercased."""
    if not indexes:
        return
    lowered = [texts[index].lower() for index in indexes]
    joined = "\n".join(lowered)  # no hint holds a line break: none spans two texts
    starts = list(itertools.accumulate((len(text) + 1 for text in lowered), initial=0))
    for hint in hints:
        at = joined.find(hint)
        while at >= 0:
            position = bisect.bisect_right(starts, at) - 1
            hinted[indexes[position]] = True
            at = joined.find(hint, starts[position + 1])  # the next text: this one is hinted


def split_leading_credit(caption: str) -> tuple[str | None, ParsedCredit | None]:
    """A caption opening with a labelled credit up to a ';' or a sentence end ('Credit: Ann
    Lee Design; Source: …'): (the rest, parsed credit), else (caption, None)."""
    if not _LEAD_LABEL.match(caption):
        return caption, None
    end = _CREDIT_END.search(caption)
    if end is None or not caption[end.end():].strip():
        return caption, None
    parsed = match_credit_line(caption[:end.start()], labelled_tail=True)
    return (caption[end.end():].strip() or None, parsed) if parsed else (caption, None)


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """True when one of the needles occurs in the text (a plain loop: faster than any())."""
    for needle in needles:
        if needle in text:
            return True
    return False


def _closing_agency(text: str) -> tuple[str, ParsedCredit | None] | None:
    """A caption whose last sentence is a known agency's name alone ('… on Friday. REUTERS')."""
    ends = list(_SENTENCE_END.finditer(text, max(0, len(text) - MAX_CREDIT_CHARS)))
    if not ends:
        return None
    tail = text[ends[-1].end():].strip(" .")
    if not tail or len(tail) > MAX_AGENCY_CHARS or not is_agency(tail):
        return None
    return _caption_part(text[:ends[-1].end()]), parse_credit(tail)


def _east_asian_credit(text: str) -> tuple[str, ParsedCredit | None] | None:
    """Credits closing Japanese and Korean captions: '…で（山田太郎撮影）' (photographed by),
    '…国民＝ＡＰ' (an agency after '＝'), '…있다. 홍길동 기자' (the reporter's picture)."""
    if not holds_any(text[-40:], ("撮影", "＝", "기자")):
        return None
    shot = _SHOT_BY.search(text)
    if shot:
        name = shot.group(1).strip(" ＝=")
        return _caption_part(text[:shot.start()]), _result(shot.group(0), name, None)
    agency = _EQUALS_AGENCY.search(text)
    if agency and is_agency(agency.group(1)):
        return _caption_part(text[:agency.start()]), \
            _result(agency.group(1), None, canonical_source(agency.group(1)))
    reporter = _REPORTER.search(text)
    if reporter:
        return _caption_part(text[:reporter.start()]), \
            _result(reporter.group(0).strip(), reporter.group(1), None)
    return None


def _strip_label(text: str, named_after_label: bool = False) -> tuple[str, str | None]:
    """Remove a leading label and copyright sign; return the body and the label kind.

    The kind is "by" ("Photo by X": X is a person), "source" ("Quelle: X": X is a
    provider), "courtesy", "label" or None.
    """
    body = text.strip()
    kind: str | None = None
    if _ANY_LEAD.match(body):  # one cheap test: most texts open with no label at all
        by_match = _BY_LEAD.match(body)
        label = by_match or SOURCE_LABEL.match(body) or _LABEL_LEAD.match(body) \
            or _label_before_agency(body, named_after_label)
        if label:
            kind = "by" if by_match else "source" if _SOURCE_WORD.match(body) else "label"
            body = body[label.end():]
            again = _LABEL_LEAD.match(body) if kind == "label" else None
            body = body[again.end():] if again else body  # 'Foto: Bild: SN/APA/…'
        copyright_match = COPYRIGHT_LEAD.match(body)
        if copyright_match and copyright_match.end():
            body, kind = body[copyright_match.end():], kind or "label"
        if COURTESY_LEAD.match(body):
            kind = "courtesy"
        body = _YEAR.sub("", body) if kind else body
    if _may_hold_license(body):
        body = LICENSE_TAIL.sub("", body)  # 'Kjell Aune via Flickr (CC BY 2.0)'
    return body.strip(" .:-–—|"), kind


def _may_hold_license(body: str) -> bool:
    """The words LICENSE_TAIL needs, a cheap test before it ('ı' matches its 'i' too)."""
    lowered = body.lower()
    return "cc" in lowered or "public" in lowered or "licen" in lowered or "ı" in lowered


def _label_before_agency(body: str, named: bool) -> re.Match[str] | None:
    """A label with no separator before an agency or a 'X / Y' credit: 'Photo AFP / Jean
    Martel', 'Foto dpa', 'Photo Le Journal de Saône / Rémi Blanc'; with `named`, before a
    person's name too: 'Photo Nadège Roux'."""
    label = _LABEL_SPACE.match(body)
    if label is None:
        return None
    rest = body[label.end():]
    if AGENCY_ALIASES.match(rest) or ("/" in rest and rest[:1].isupper()):
        return label
    if named and label.group(0)[:1].isupper() and looks_like_person(rest.strip(" .")):
        return label
    return None


def _from_pieces(raw: str, body: str, by_label: bool, source_label: bool = False
                 ) -> ParsedCredit | None:
    """Classify '/', '|', 'via' and ',' separated pieces into one person and the sources;
    after a source label ('Quelle: Truth Social') a person needs an agency beside them."""
    photographer: str | None = None
    sources: list[str] = []
    joins: list[str] = []
    pieces = _pieces(body)
    with_agency = any(agency_name(piece) for piece, _ in pieces)
    # 'SpaceX via NASA': what comes through an agency is a provider, not a photographer's handle
    # and a person's name among the pieces is the photographer before any handle
    handles = with_agency and not any(via or looks_like_person(piece) for piece, via in pieces)
    for raw_piece, joined_by_via in pieces:
        piece = _strip_qualifiers(raw_piece)
        agency = agency_name(raw_piece) or agency_name(piece)
        if (agency or piece).casefold() in {source.casefold() for source in sources}:
            continue  # 'IMAGO/Jo Roe/imago': one source named twice
        if photographer is not None and piece.casefold() == photographer.casefold():
            continue  # '© Jo Roe/dpa | JO ROE': the photographer named again
        if agency:
            sources.append(agency)
        elif piece.lower() in GENERIC_PIECES or _only_generic(piece):
            continue
        elif photographer is None and (with_agency or not source_label) \
                and (looks_like_person(piece) or (by_label and plain_name(piece))
                     or (with_agency and (capitals_name(piece) or (handles and handle_name(piece))))):
            photographer = piece
            continue
        else:
            sources.append(_organisation(raw_piece, piece))
        joins.append(" via " if joined_by_via and len(sources) > 1 else " / ")
    source = sources[0] if sources else None
    for join, extra in zip(joins[1:], sources[1:]):
        source = f"{source}{join}{extra}"
    if source and photographer is None and len(sources) == 1 and not source_label \
            and _single_person(source, body):
        photographer, source = source, None
    return _result(raw, photographer, source)


def _organisation(raw_piece: str, stripped: str) -> str:
    """An organisation keeps a capitalised 'Archive' that is part of its name ('National
    Archives', 'Coastguard Archive'); other qualifiers go ('Harbour Herald file', '… Photo')."""
    tail = raw_piece[len(stripped):].split()
    named = tail and all(word[:1].isupper() and word.lower() in NAMED_ARCHIVES for word in tail)
    return raw_piece if named else stripped


def _pieces(body: str) -> list[tuple[str, bool]]:
    """Split a credit body into (piece, preceded-by-'via') pairs."""
    pieces: list[tuple[str, bool]] = []
    position, via = 0, False
    for match in PIECE_SPLIT.finditer(body):
        piece = body[position:match.start()].strip(" .")
        if piece:
            pieces.append((piece, via))
        via = match.group(0).strip().lower() == "via"
        position = match.end()
    tail = body[position:].strip(" .")
    if tail:
        pieces.append((tail, via))
    return pieces


def _single_person(source: str, body: str) -> bool:
    """A lone unknown piece is a photographer when it reads as a person's name."""
    return source == body.strip(" .") and looks_like_person(source)


def _only_generic(piece: str) -> bool:
    return all(word.lower() in GENERIC_PIECES or word.lower() in AGENCY_QUALIFIERS
               for word in piece.split())


def _strip_qualifiers(piece: str) -> str:
    """Drop trailing 'file', 'photo', 'handout' words: 'Jane Roe Submitted photo' -> 'Jane Roe'."""
    words = piece.split()
    while len(words) > 1 and (words[-1].lower() in AGENCY_QUALIFIERS
                              or words[-1].lower() in GENERIC_PIECES):
        words.pop()
    return " ".join(words)


def _caption_bracket(inner: str) -> bool:
    """In a caption, '(AP)' or '(Cole Brandt/Inland Water Report)' is a credit."""
    if is_agency(inner):
        return True
    pieces = [piece for piece, _ in _pieces(inner)]
    return len(pieces) == 2 and "/" in inner and looks_like_person(pieces[0]) \
        and capitalised(pieces[1])


def _named_after_sentence(text: str, bracket: re.Match[str]) -> bool:
    """A bracket of one to four capitalised words after the caption's last sentence ('… the
    girls. (Christie's)', '(Bespoke Real Estate)'): who provided the picture. Not a label
    ('(Archivbild)'), a generic word ('(File)'), a year or a side ('(Left)')."""
    inner = bracket.group(1).strip()
    words = inner.split()
    if not 1 <= len(words) <= MAX_BRACKET_NAME_WORDS or not text[:bracket.start()].rstrip() \
            .endswith((".", "!", "?", "”", '"', "“")):
        return False
    if any(char.isdigit() for char in inner) or _LABEL_WORD.fullmatch(inner) \
            or _only_generic(inner) or inner.lower() in SIDE_WORDS:
        return False
    return all(word[:1].isupper() for word in words)


def is_name_line(line: str, before: str) -> bool:
    """A short line of names closing a caption block by block, after a line of caption words
    ('Thea Roe, The Harbour Times/Redux', 'ES'): a credit. Every piece capitalised, and a
    person or an agency among them unless the line has at most three words."""
    words = line.split()
    if not words or len(words) > MAX_NAME_LINE_WORDS or len(before.split()) < MIN_CAPTION_WORDS \
            or len(before) <= len(line) or line.endswith((".", "!", "?", ":")) \
            or any(char.isdigit() for char in line):
        return False
    pieces = [piece for piece, _ in _pieces(line)]
    if not pieces or not all(capitalised(piece) for piece in pieces):
        return False
    return len(words) <= 3 or any(looks_like_person(piece) or is_agency(piece) for piece in pieces)


def is_organisation_line(line: str) -> bool:
    """A credit, or a short capitalised name of an organisation ('The Yomiuri Shimbun',
    'Harbour Museum'), never a person's."""
    if is_credit_text(line):
        return True
    words = line.split()
    return 1 <= len(words) <= MAX_ORGANISATION_WORDS and capitalised(line) \
        and not looks_like_person(line) and any(
            word.lower().strip(".,") in ORG_WORDS or word.lower().endswith(ORG_SUFFIXES)
            for word in words)


def _reads_like_credit(body: str) -> bool:
    """Every lowercase word is a connector or part of a known agency name; no sentence marks."""
    if body.endswith(("!", "?")) or "“" in body or '"' in body:
        return False
    platform = _PLATFORM_TAIL.match(body)
    if platform and len(platform.group(1).split()) <= 5:
        return True
    stripped = AGENCY_ALIASES.sub(" ", body)
    for word in _WORD.findall(stripped):
        word = word.strip(".:'’-–—")
        if "'" in word or "’" in word:
            word = _ELISION.sub("", word)  # "d’Aquitaine", "l'Est"
        if word and word[0].islower() and word.lower() not in CREDIT_CONNECTORS:
            return False
    return True


def _may_open_with_label(raw: str) -> bool:
    """False when `_strip_label` surely finds no label in `_unwrap(raw)`: neither the text
    nor what follows an opening bracket opens as `_ANY_LEAD` does."""
    if _ANY_LEAD.match(raw):
        return True
    return raw[:1] in _OPENING_BRACKETS and _ANY_LEAD.match(raw[1:].lstrip()) is not None


def _may_be_unlabelled_credit(body: str) -> bool:
    """False when `_unlabelled_credit` surely fails: no word of an agency's name stands in the
    text as a word (so no piece is an agency), and it is no 'X for Outlet'."""
    # as `names.agency_name` reads a piece: compatibility forms ('ＡＰ') and case folded
    folded = body.lower() if body.isascii() else unicodedata.normalize("NFKC", body).lower()
    if not _AGENCY_WORDS.isdisjoint(_WORD_BREAKS.split(folded)):
        return True
    return holds_any(body, _FOR_WORDS) and _FOR_OUTLET.match(body) is not None


def _unlabelled_credit(body: str) -> bool:
    """Without a label, a credit needs a known agency among separated pieces, or 'X for Outlet'."""
    pieces = _pieces(body)
    if len(pieces) >= 2 and any(is_agency(piece) for piece, _ in pieces):
        return all(is_agency(p) or looks_like_person(p) or capitalised(p) for p, _ in pieces)
    outlet = _FOR_OUTLET.match(body)
    return bool(outlet and looks_like_person(outlet.group(1)) and capitalised(outlet.group(2)))


def _labelled_tail(body: str, kind: str | None) -> bool:
    """At the end of a caption, a short text after a credit label is the credit, whatever its
    words ('(Quelle: IMAGO/Mahmoud Issa/imago-images-bilder)', 'Foto: privat')."""
    return kind in ("label", "source") and len(body.split()) <= MAX_LABELLED_TAIL_WORDS \
        and not body.endswith(("!", "?"))


def _short_courtesy(body: str, kind: str | None) -> bool:
    """'Courtesy of the Smith family': the provider may be a lowercase phrase."""
    return kind == "courtesy" and len(body.split()) <= 8 and not body.endswith(("!", "?"))


def _unwrap(text: str) -> str:
    inner = _ENCLOSING.match(text.rstrip(". "))
    return inner.group(1) if inner else text.rstrip(". ") if text.endswith(".") else text


def _caption_part(text: str) -> str:
    return text.strip().rstrip("|–—-,;").strip()


def _result(raw: str, photographer: str | None, source: str | None) -> ParsedCredit | None:
    photographer = photographer.strip(" ,.") if photographer else None
    if not photographer and not source:
        return None
    return ParsedCredit(credit=raw.strip(), photographer=photographer or None,
                        credit_source=source or None)
