"""Cap how deeply an HTML document nests, before it is parsed.

An HTML5 parser looks through the open elements for each new block element ("is a <p> open
in button scope?"), so a page that opens 200,000 <div>s and never closes them costs time in
the square of its depth: four minutes for 2.2 MB. No real page nests more than a few dozen
levels. Past MAX_DEPTH open elements, further start tags (and their end tags) are dropped and
their text kept. One pass over the tags, each character looked at a bounded number of times;
a page within the limit comes back unchanged. A record made from a cut page says so in its
provenance warnings (`nesting_warning`).

Most pages are far from the limit, and proving that is cheaper than walking their tags: most
hold no more start tags of nesting elements than the limit, counted over every "<" and the name
after it (`tag_names`, `opening_bound`: no tag skipped, so nothing to get exactly right); for
the others one regular expression reads the same tags the walk would (comments and raw text
skipped whole), and a count per name over runs of tags bounds the depth (`_surely_shallow`);
only a page whose bound reaches the limit is walked tag by tag.

The count is the parser's, roughly: void elements and those the parser closes by itself
(<p>, <li>, <td> ...) do not nest; an end tag closes every element opened since its start
tag; script, style and comments are skipped whole (and never dropped); "/>" closes an element only inside SVG
or MathML, as in HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lazy import compile_on_use

MAX_DEPTH = 512
NAME_CHARS = 64  # longest tag name read; longer names are cut there
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"})
NOT_NESTING = frozenset({"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
                         "tbody", "thead", "tfoot", "caption", "colgroup", "rb", "rt", "rp",
                         "rtc", "a", "nobr", "button", "form", "html", "head", "body"})
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "plaintext"})
FOREIGN = frozenset({"svg", "math"})
# Markup: a comment's start, a declaration or processing instruction, an end tag or a start tag
# (names read up to NAME_CHARS + 1 characters, the slash counted), each tag up to its first
# ">"; any other "<" is text. One search finds the next, so text and attributes cost no
# Python step. Searches stop at the last ">" of the page: past it no tag can end.
_MARKUP = compile_on_use(rf"<(?:(!--)|[!?][^>]*>|/([A-Za-z][A-Za-z0-9:_-]{{0,{NAME_CHARS - 1}}})[^>]*>"
                         rf"|([A-Za-z][A-Za-z0-9:_-]{{0,{NAME_CHARS}}})[^>]*>)")

# The same tags as _MARKUP (names read alike), found by one findall: the name of each start
# tag, "/" and the name of each end tag, "" for a comment, declaration or raw-text element
# (taken with its text up to "</name", as _skip_raw_text does); unterminated ones run to the end.
_NAME = "[A-Za-z][A-Za-z0-9:_-]"
_NAME_END = "(?![A-Za-z0-9:_-])"


def _any_case(name: str) -> str:
    """A pattern matching the (ASCII) name in any case: "[sS][cC]..." (a pattern compiled to
    ignore case compares every character so, the runs of text between tags too)."""
    return "".join(f"[{letter}{letter.upper()}]" for letter in name)


_RAW_NAMES = "|".join(_any_case(name) for name in sorted(RAW_TEXT))
_RAW_ELEMENTS = "|".join(rf"{_any_case(name)}{_NAME_END}[^>]*>[^<]*(?:<(?!/{_any_case(name)})[^<]*)*"
                         for name in sorted(RAW_TEXT))
_TOKENS = re.compile(
    rf"<(?:(/{_NAME}{{0,{NAME_CHARS - 1}}}|(?!(?:{_RAW_NAMES}){_NAME_END}){_NAME}{{0,{NAME_CHARS}}})"
    rf"[^>]*>|!--[^-]*(?:-(?!->)[^-]*)*(?:-->)?|[!?][^>]*>|{_RAW_ELEMENTS})",
    re.ASCII)
_BATCH = 128  # tags counted at once; the bound exceeds the true depth by at most a batch
_NOT_OPENING = VOID | NOT_NESTING
# Every "<" followed by a letter, with the name after it (the walk's name, or longer than any
# name the walk keeps apart): each start tag the walk reads is among them, at its "<".
_TAG_NAMES = re.compile(rb"<([A-Za-z][A-Za-z0-9:_-]*)")
# Names never counted open by the walk: void, closed by the parser itself, or raw text.
_NEVER_OPEN = frozenset(name.encode() for name in _NOT_OPENING | RAW_TEXT)


@dataclass
class _Scan:
    """The state of one pass: open elements, what to drop, how far the scans reached."""

    text: str
    max_depth: int
    stack: list[tuple[str, bool]] = field(default_factory=list)  # (name, dropped)
    open_count: dict[str, int] = field(default_factory=dict)
    kept: int = 0              # open elements not dropped
    foreign: int = 0           # open <svg>/<math> elements
    drops: list[tuple[int, int]] = field(default_factory=list)  # spans of dropped tags
    dropped: int = 0           # start tags dropped
    scanned: int = 0           # characters the searches passed over, for tests of the bound

    def find(self, needle: str, start: int) -> int:
        """str.find, counting the characters passed over."""
        found = self.text.find(needle, start)
        self.scanned += (found if found >= 0 else len(self.text)) - start
        return found


def limit_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """Return html with start tags nested deeper than max_depth (and their end tags) removed."""
    return cut_nesting(html, max_depth)[0]


def cut_nesting(html: str, max_depth: int = MAX_DEPTH,
                names: Counter[bytes] | None = None) -> tuple[str, int]:
    """limit_nesting, and how many start tags it dropped (0: the html comes back unchanged).

    `names`: the html's `tag_names`, when the caller has them."""
    if names is None:
        names = tag_names(html.encode("utf-8", "surrogatepass"))
    if opening_bound(names) <= max_depth or _surely_shallow(html, max_depth):
        return html, 0
    return _walk_cut(html, max_depth)


def tag_names(utf8: bytes) -> Counter[bytes]:
    """How often each name follows a "<" in a page's UTF-8 bytes (its tags, and any "<name"
    in comments, scripts or attribute values): one search in C and one count."""
    return Counter(_TAG_NAMES.findall(utf8))


def opening_bound(names: Counter[bytes]) -> int:
    """At least the number of start tags the walk counts open: the "<name"s of the other names.

    The walk drops a tag only when max_depth are open, so a page with no more is left whole."""
    return sum(count for name, count in names.items() if name.lower() not in _NEVER_OPEN)


def _walk_cut(html: str, max_depth: int) -> tuple[str, int]:
    """cut_nesting by walking every tag: the exact count, for pages the bound cannot clear."""
    scan = _Scan(html, max_depth)
    _run(scan)
    if not scan.drops:
        return html, 0
    pieces, position = [], 0
    for start, end in scan.drops:
        pieces.append(html[position:start])
        position = end
    pieces.append(html[position:])
    return "".join(pieces), scan.dropped


def nesting_warning(dropped: int, max_depth: int = MAX_DEPTH) -> str:
    """The warning a record carries when its page was cut."""
    return (f"markup nested deeper than {max_depth} levels: {dropped} start tags past that depth "
            "dropped before parsing (their text kept)")


def _surely_shallow(html: str, max_depth: int, batch: int = _BATCH) -> bool:
    """True when a bound proves the walk would drop nothing: no element opens past max_depth.

    The walk's open elements named X never outnumber a counter of X alone that start tags of X
    raise and end tags of X lower, never below zero (an end tag closes exactly one X when one
    is open; other end tags only close more). Counted per batch of tags, the counter after a
    batch is at most max(0, before - end tags) + start tags, and within it at most before +
    start tags. (A page with no more start tags of nesting elements than max_depth is cleared
    before, by `opening_bound`.)
    """
    tokens = _TOKENS.findall(html, 0, html.rfind(">") + 1)
    kinds = {token: _kind(token) for token in set(tokens)}  # each spelling read once
    bound: dict[str, int] = {}
    total = 0  # the sum of the per-name bounds: at least the number of open elements
    for first in range(0, len(tokens), batch):
        opens: dict[str, int] = {}
        closes: dict[str, int] = {}
        for token, count in Counter(tokens[first:first + batch]).items():
            name, sign = kinds[token]
            if sign > 0:
                opens[name] = opens.get(name, 0) + count
            elif sign < 0:
                closes[name] = closes.get(name, 0) + count
        if total + sum(opens.values()) > max_depth:
            return False
        for name, count in closes.items():
            before = bound.get(name, 0)
            if before:
                bound[name] = max(0, before - count)
                total += bound[name] - before
        for name, count in opens.items():
            bound[name] = bound.get(name, 0) + count
            total += count
    return True


def _kind(token: str) -> tuple[str, int]:
    """A tag's lowercase name, and 1 for a start tag of a nesting element, -1 for an end tag,
    0 for any other ("": a comment, declaration or raw-text element)."""
    if token.startswith("/"):
        return token[1:].lower(), -1
    name = token.lower()
    return name, 1 if token and name not in _NOT_OPENING else 0


def _run(scan: _Scan) -> None:
    """Walk the tags of the document once, recording which to drop."""
    text, search, position = scan.text, _MARKUP.search, 0
    stop = text.rfind(">") + 1
    while (markup := search(text, position, stop)) is not None:
        scan.scanned += markup.end() - position
        position = _step(scan, markup)
        if position < 0:
            return
    scan.scanned += len(text) - position


def _step(scan: _Scan, markup: re.Match[str]) -> int:
    """Handle the markup found; return where to continue, -1 when nothing is left."""
    start, end = markup.span()
    if markup.group(1):  # a comment
        close = scan.find("-->", start + 4)
        return close + 3 if close >= 0 else -1
    closing, opening = markup.group(2, 3)
    if closing:
        _close(scan, closing.lower(), start, end)
    elif opening:  # not <!DOCTYPE ...> or <?xml ...?>
        name = opening.lower()
        if name in RAW_TEXT:  # holds text, not tags; never dropped, so its text stays hidden
            return _skip_raw_text(scan, name, end)
        self_closing = scan.foreign > 0 and scan.text[end - 2] == "/"
        if name not in VOID and name not in NOT_NESTING and not self_closing:
            _open(scan, name, start, end)
    return end


def _open(scan: _Scan, name: str, start: int, end: int) -> None:
    dropped = scan.kept >= scan.max_depth
    if dropped:
        scan.drops.append((start, end))
        scan.dropped += 1
    else:
        scan.kept += 1
    scan.stack.append((name, dropped))
    scan.open_count[name] = scan.open_count.get(name, 0) + 1
    if name in FOREIGN:
        scan.foreign += 1


def _close(scan: _Scan, name: str, start: int, end: int) -> None:
    """An end tag closes its element and every element opened inside it."""
    if not scan.open_count.get(name):
        return  # a stray end tag: the parser ignores it
    while scan.stack:
        top, dropped = scan.stack.pop()
        scan.open_count[top] -= 1
        if top in FOREIGN:
            scan.foreign -= 1
        if not dropped:
            scan.kept -= 1
        if top == name:
            if dropped:
                scan.drops.append((start, end))
            return


def _skip_raw_text(scan: _Scan, name: str, position: int) -> int:
    """Skip the text of a <script>, <style> ... up to its end tag (then read as stray)."""
    text, closing = scan.text, f"</{name}"
    while (found := scan.find("</", position)) >= 0:
        if text[found:found + len(closing)].lower() == closing:
            return found  # the end tag is handled as any other
        position = found + 2
    return -1
