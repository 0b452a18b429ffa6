"""Cap how deeply an HTML document nests, before it is parsed.

An HTML5 parser looks through the open elements for each new block element ("is a <p> open
in button scope?"), so a page that opens 200,000 <div>s and never closes them costs time in
the square of its depth: four minutes for 2.2 MB. No real page nests more than a few dozen
levels. Past MAX_DEPTH open elements, further start tags (and their end tags) are dropped and
their text kept. One pass over the tags, each character looked at a bounded number of times;
a page within the limit comes back unchanged. A record made from a cut page says so in its
provenance warnings (`nesting_warning`).

The count is the parser's, roughly: void elements and those the parser closes by itself
(<p>, <li>, <td> ...) do not nest; an end tag closes every element opened since its start
tag; script, style and comments are skipped whole (and never dropped); "/>" closes an element only inside SVG
or MathML, as in HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
_MARKUP = re.compile(rf"<(?:(!--)|[!?][^>]*>|/([A-Za-z][A-Za-z0-9:_-]{{0,{NAME_CHARS - 1}}})[^>]*>"
                     rf"|([A-Za-z][A-Za-z0-9:_-]{{0,{NAME_CHARS}}})[^>]*>)")


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


def cut_nesting(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """limit_nesting, and how many start tags it dropped (0: the html comes back unchanged)."""
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
