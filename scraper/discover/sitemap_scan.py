"""A tolerant, linear reading of a sitemap that is not well-formed XML.

Sitemaps with a bare "&" in a url are common, and a hostile server may send anything. The
scan walks the tags once, left to right: each search starts where the last one stopped, and
a search that finds nothing ends the scan, so every character is looked at a bounded number
of times whatever the input (no regular expression runs over more than one field). A field
(<loc>, <lastmod>, <news:title>, <news:publication_date>) runs from its start tag to its end
tag; one longer than MAX_FIELD_CHARS is ignored, and so is one never closed. An entry of more
than MAX_ENTRY_TAGS tags (a real one has a few, a thousand with image extensions) is no
sitemap entry: the scan stops there and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_FIELD_CHARS = 4096
MAX_ENTRY_TAGS = 10_000
ENTRY_TAGS = frozenset({"url", "sitemap"})
FIELD_TAGS = frozenset({"loc", "lastmod", "title", "publication_date"})
_NAME = re.compile(r"(/?)(?:[\w.-]{1,64}:)?([\w.-]{1,64})")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_XML_REFERENCE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{1,8});")
XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass
class ScannedEntry:
    """One <url> or <sitemap> entry: its kind and the text of its fields."""

    kind: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class _Scanner:
    text: str
    entries: list[ScannedEntry] = field(default_factory=list)
    entry: ScannedEntry | None = None
    field_name: str | None = None
    field_start: int = 0
    next_gt: int = -2   # the next ">" found so far (-2: not searched yet, -1: none left)
    scanned: int = 0    # characters the searches passed over (the work, for tests of the bound)
    entry_tags: int = 0  # tags seen in the current entry
    gave_up: str | None = None  # why the scan stopped before the end

    def find(self, needle: str, start: int) -> int:
        found = self.text.find(needle, start)
        self.scanned += (found if found >= 0 else len(self.text)) - start
        return found

    def tag_end(self, start: int) -> int:
        if self.next_gt == -1 or self.next_gt >= start:
            return self.next_gt
        self.next_gt = self.find(">", start)
        return self.next_gt


@dataclass
class ScanResult:
    """The entries read, the characters the scan passed over, and why it stopped early."""

    entries: list[ScannedEntry]
    scanned: int
    gave_up: str | None = None


def scan_entries(text: str, max_entries: int) -> ScanResult:
    """Return the first max_entries entries of a sitemap text (see module docstring)."""
    scanner = _Scanner(text)
    position = 0
    while len(scanner.entries) < max_entries and (lt := scanner.find("<", position)) >= 0:
        position = _step(scanner, lt)
        if position < 0 or scanner.gave_up:
            break
    if scanner.entry is not None and len(scanner.entries) < max_entries \
            and not scanner.gave_up:
        scanner.entries.append(scanner.entry)
    return ScanResult(scanner.entries, scanner.scanned, scanner.gave_up)


def _step(scanner: _Scanner, lt: int) -> int:
    """Read the markup at lt; return where to go on, -1 when the rest is unreadable."""
    text = scanner.text
    if text.startswith("<![CDATA[", lt):  # part of a field's text
        end = scanner.find("]]>", lt + 9)
        return end + 3 if end >= 0 else -1
    if text.startswith("<!--", lt):
        end = scanner.find("-->", lt + 4)
        return end + 3 if end >= 0 else -1
    match = _NAME.match(text, lt + 1, min(len(text), lt + 131))
    if match is None:
        return lt + 1
    end = scanner.tag_end(match.end())
    if end < 0:
        return -1
    _tag(scanner, match.group(2).lower(), closing=bool(match.group(1)), start=lt, end=end + 1)
    return end + 1


def _tag(scanner: _Scanner, name: str, *, closing: bool, start: int, end: int) -> None:
    if name in ENTRY_TAGS:
        if scanner.entry is not None:
            scanner.entries.append(scanner.entry)
        scanner.entry = None if closing else ScannedEntry(name)
        scanner.field_name, scanner.entry_tags = None, 0
        return
    scanner.entry_tags += 1
    if scanner.entry is not None and scanner.entry_tags > MAX_ENTRY_TAGS:
        scanner.gave_up = (f"an entry of over {MAX_ENTRY_TAGS:,} tags at character {start:,}; "
                           "the rest is not read")
        scanner.entry = None
    if scanner.entry is not None and name in FIELD_TAGS:
        if not closing:
            scanner.field_name, scanner.field_start = name, end
        elif scanner.field_name == name:
            if start - scanner.field_start <= MAX_FIELD_CHARS:
                scanner.entry.fields.setdefault(name, scanner.text[scanner.field_start:start])
            scanner.field_name = None


def field_text(raw: str | None) -> str | None:
    """The text of a field: CDATA unwrapped, XML references resolved, stripped."""
    if raw is None:
        return None
    text = _CDATA.sub(r"\1", raw)
    return _XML_REFERENCE.sub(_unescape_reference, text).strip() or None


def _unescape_reference(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        try:
            hexadecimal = name[1:2] in ("x", "X")  # "&#x41;": no "0x" prefix for int(..., 0)
            return chr(int(name[2:], 16) if hexadecimal else int(name[1:]))  # noqa: FURB166
        except (ValueError, OverflowError):
            return match.group(0)
    return XML_ENTITIES.get(name, match.group(0))
