"""Visible dates in short texts: our own regexes first, dateparser only as a last resort."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ..lazy import compile_on_use
from .parse import ParsedDate, make_date, plausible, zone_for
from .patterns import (
    DATEPARSER_LANGUAGES,
    DAY_FIRST_REGIONS,
    MODIFIED_CUES,
    MONTH_FIRST_LANGUAGES,
    MONTHS,
    PUBLISHED_CUES,
    TIME_AFTER_JOINERS,
    TIME_BEFORE_JOINERS,
    WEEKDAYS,
    ZONE_NAMES,
    ZONE_OFFSETS,
)

# Says whether the page confirms a (year, month, day) reading elsewhere (see `find_dates`).
Confirms = Callable[[int, int, int], bool]


class TextDate(NamedTuple):
    """A date found in a text, with the kind its cue word gives (None when there is no cue)."""

    value: ParsedDate
    kind: str | None
    start: int
    end: int


def _alternation(words: Iterable[str]) -> str:
    """The words as a regex alternation, longest first, ties alphabetical (not in hash order)."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word) for word in ordered)


# Any word, looked up in MONTHS afterwards: much faster than a 200-name alternation.
_MONTH = r"[^\W\d_]{3,}"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_DATE_PATTERNS = (
    re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)"
               r"(?!\d)"),
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)"
               r"\s*[日일]?"),
    re.compile(rf"(?<!\w)(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?"
               rf"(?P<mon>{_MONTH})\.?,?\s*(?:de\s+|del\s+)?{_YEAR}", re.IGNORECASE),
    re.compile(rf"(?<![\w-])(?P<d>[0-3]?\d)-(?P<mon>{_MONTH})\.?-{_YEAR}", re.IGNORECASE),
    re.compile(rf"(?<!\w)(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}",
               re.IGNORECASE),
    re.compile(r"(?<![\d.:/-])(?P<a>[0-3]?\d)(?P<s>[./-])(?P<b>[0-3]?\d)(?P=s)"
               r"(?P<y>(?:19|20)\d{2}|\d{2})(?!\d|\.\d)"),
)
# What each pattern cannot match without (a year, or a digit, separator, digit): one cheap
# search each spares the patterns most texts (a count, a price, a clock) hold no date for.
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_NUMERIC_HINT = re.compile(r"\d[./-]\d")
_PATTERN_HINTS = (_YEAR_HINT,) * 5 + (_NUMERIC_HINT,)
_ZONE_WORDS = _alternation([z.upper() for z in ZONE_OFFSETS if z != "z"]
                           + [z.upper() for z in ZONE_NAMES])
_ZONE = (rf"(?:(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}"
         rf"|(?-i:{_ZONE_WORDS})(?![A-Za-z]))")
_TIME = (rf"(?<![\d:.])(?P<H>[0-2]?\d)(?:[:h]\s?(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:[.,]\d+)?"
         rf"|\.(?P<M2>[0-5]\d)(?=\s*(?:[ap]\.?\s?m(?![a-z])|uhr\b)))"
         rf"(?:\s*(?P<ampm>[ap])\.?\s?m(?![a-z])\.?)?(?:\s*(?:uhr|h)\b)?(?:\s*(?P<tz>{_ZONE}))?")
_SEPARATORS = r"(?:\s*[,@|/;·•–—-])*\s*"
_TIME_AFTER = compile_on_use(
    rf"{_SEPARATORS}(?:(?:{_alternation(TIME_AFTER_JOINERS)})\b\.?\s*)?{_TIME}", re.IGNORECASE)
_TIME_BEFORE = compile_on_use(
    rf"{_TIME}{_SEPARATORS}(?:(?:{_alternation(TIME_BEFORE_JOINERS)})\s+)?"
    rf"(?:(?:{_alternation(WEEKDAYS)})\.?,?\s*)?$", re.IGNORECASE)
_CUES = re.compile(rf"(?<!\w)(?:(?P<mod>{_alternation(MODIFIED_CUES)})"
                   rf"|(?P<pub>{_alternation(PUBLISHED_CUES)}))(?!\w)", re.IGNORECASE)
_CUE_WINDOW = 48
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CLOCK_TOKEN = compile_on_use(r"\d{1,2}[:.h]\d\d|[A-Z]{2,4}$|[AaPp]\.?[Mm]")
_DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["absolute-time"]}


def month_first(language: str | None) -> bool | None:
    """Whether ambiguous numeric dates put the month first (None: unknown page language)."""
    if not language:
        return None
    primary, _, region = language.lower().replace("_", "-").partition("-")
    return primary in MONTH_FIRST_LANGUAGES and region[:2] not in DAY_FIRST_REGIONS


def find_dates(text: str, month_first_order: bool | None = None,
               confirms: Confirms | None = None) -> list[TextDate]:
    """Return every full date (day, month, year) in the text, in order, with its time and cue.
    An ambiguous numeric date ("02-12-2025") reads in the page's order (`month_first_order`,
    dotted dates day first) unless `confirms` holds for the other reading only."""
    spans = _date_spans(text, month_first_order, confirms)
    found: list[TextDate] = []
    previous_end = 0
    for start, end, parts in spans:
        if start < previous_end:
            continue
        clock_start, end, value = _with_time(text, previous_end, start, end, parts)
        if value is None:
            continue
        prefix = text[max(previous_end, clock_start - _CUE_WINDOW):clock_start]
        found.append(TextDate(value, _cue_kind(prefix), start, end))
        previous_end = end
    return found


def _date_spans(text: str, month_first_order: bool | None,
                confirms: Confirms | None) -> list[tuple[int, int, tuple[int, int, int]]]:
    spans = []
    hinted = {hint: hint.search(text) is not None for hint in (_YEAR_HINT, _NUMERIC_HINT)}
    for pattern, hint in zip(_DATE_PATTERNS, _PATTERN_HINTS, strict=True):
        if not hinted[hint]:
            continue
        for match in pattern.finditer(text):
            parts = _date_parts(match.groupdict(), month_first_order, confirms)
            if parts is not None:
                spans.append((match.start(), match.end(), parts))
    spans.sort(key=lambda span: (span[0], -span[1]))
    return spans


def _date_parts(groups: dict[str, Any], month_first_order: bool | None,
                confirms: Confirms | None = None) -> tuple[int, int, int] | None:
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if groups.get("mon"):
        month = MONTHS.get(groups["mon"].lower())
        return (year, month, int(groups["d"])) if month else None
    if groups.get("m"):
        return year, int(groups["m"]), int(groups["d"])
    first, second = int(groups["a"]), int(groups["b"])
    if first > 12 or second > 12:
        day_first = first > 12
    elif groups["s"] == "." or month_first_order is None:  # dotted dates are day-first
        day_first = groups["s"] == "."
    else:
        day_first = not month_first_order
    if confirms is not None and first <= 12 and second <= 12 and first != second:
        day_first = _confirmed_order(year, first, second, day_first, confirms)
    return (year, second, first) if day_first else (year, first, second)


def _confirmed_order(year: int, first: int, second: int, day_first: bool,
                     confirms: Confirms) -> bool:
    """The other order when the page confirms the other reading of "first-second-year" and
    not the one the convention gives."""
    as_read = (year, second, first) if day_first else (year, first, second)
    other = (year, first, second) if day_first else (year, second, first)
    return not day_first if confirms(*other) and not confirms(*as_read) else day_first


def _with_time(text: str, previous_end: int, start: int, end: int,
               parts: tuple[int, int, int]) -> tuple[int, int, ParsedDate | None]:
    after = _TIME_AFTER.match(text, end, min(len(text), end + 40))
    if after is not None:
        value = _build(parts, after.groupdict())
        if value is not None:
            return start, after.end(), value
    window_start = max(previous_end, start - 48)
    before = _TIME_BEFORE.search(text[window_start:start])
    if before is not None:
        value = _build(parts, before.groupdict())
        if value is not None:
            return window_start + before.start(), end, value
    return start, end, make_date(*parts)


def _build(parts: tuple[int, int, int], groups: dict[str, Any]) -> ParsedDate | None:
    hour = int(groups["H"])
    minute = int(groups["M"] or groups["M2"])
    second = int(groups["S"] or 0)
    if groups["ampm"] and 1 <= hour <= 12:  # "17:19 PM" happens: a 24-hour clock wins
        hour = hour % 12 + (12 if groups["ampm"].lower() == "p" else 0)
    if hour > 23:
        return None
    clock = (hour, minute, second)
    zone = zone_for(groups["tz"], *parts, clock) if groups["tz"] else None
    return make_date(*parts, clock=clock, zone=zone)


def _cue_kind(prefix: str) -> str | None:
    last = None
    for last in _CUES.finditer(prefix):
        pass
    if last is None:
        return None
    return "modified" if last.group("mod") else "published"


def cue_kind(text: str) -> str | None:
    """Return 'modified' or 'published' after the last cue word in text, else None."""
    return _cue_kind(text)


def dateparser_windows(text: str) -> list[str]:
    """Short strings around the first year in text for dateparser: day and month before the
    year ("19 Νοεμβρίου 2019"), or after it ("2019. november 19.")."""
    match = _ANY_YEAR.search(text)
    if match is None:
        return []
    before = text[:match.start()].split()
    rest = text[match.end():]
    year = match.group() + ("." if rest.startswith(".") else "")
    after = rest.lstrip(".,").split()
    clock = [token for token in after[:2] if _CLOCK_TOKEN.match(token)]
    windows = [" ".join([*before[-count:], match.group(), *clock])
               for count in (2, 3) if len(before) >= count]
    if len(after) >= 2:
        windows.append(" ".join([year, *after[:3]]))
    return windows


def parse_with_dateparser(window: str, language: str | None) -> ParsedDate | None:
    """Parse one short string with dateparser, absolute dates only, day/month/year required."""
    import dateparser  # imported on first use: loading it costs a tenth of a second

    primary = (language or "").lower()[:2]
    if primary not in DATEPARSER_LANGUAGES:
        return None  # without a language hint dateparser tries them all: seconds per call
    try:
        parsed = dateparser.parse(window, languages=[primary], settings=_DATEPARSER_SETTINGS)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    if parsed is None:
        return None
    has_time = re.search(r"\d{1,2}[:h]\d{2}", window) is not None
    return plausible(parsed, has_time)
