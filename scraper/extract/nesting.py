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
_NAME = re.compile(r"(/?)([A-Za-z][A-Za-z0-9:_-]*)")


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
    next_gt: int = -2          # the next ">" found so far (-2: not looked, -1: none left)
    scanned: int = 0           # characters the searches passed over, for tests of the bound

    def find(self, needle: str, start: int) -> int:
        """str.find, counting the characters passed over."""
        found = self.text.find(needle, start)
        self.scanned += (found if found >= 0 else len(self.text)) - start
        return found

    def tag_end(self, start: int) -> int:
        """The first ">" at or after start (remembered, so no stretch is searched twice)."""
        if self.next_gt == -1 or (self.next_gt >= start):
            return self.next_gt
        self.next_gt = self.find(">", start)
        return self.next_gt


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
    position = 0
    while (lt := scan.find("<", position)) >= 0:
        position = _step(scan, lt)
        if position < 0:
            return


def _step(scan: _Scan, lt: int) -> int:
    """Handle the markup starting at lt; return where to continue, -1 when nothing is left."""
    text = scan.text
    if text.startswith("<!--", lt):
        end = scan.find("-->", lt + 4)
        return end + 3 if end >= 0 else -1
    if text.startswith(("<!", "<?"), lt):
        end = scan.tag_end(lt)
        return end + 1 if end >= 0 else -1
    match = _NAME.match(text, lt + 1, min(len(text), lt + 2 + NAME_CHARS))
    if match is None:
        return lt + 1
    end = scan.tag_end(match.end())
    if end < 0:
        return -1
    name = match.group(2).lower()
    if match.group(1):
        _close(scan, name, lt, end + 1)
        return end + 1
    if name in RAW_TEXT:  # holds text, not tags; never dropped, so its text stays hidden
        return _skip_raw_text(scan, name, end + 1)
    self_closing = text[end - 1] == "/" and scan.foreign > 0
    if name not in VOID and name not in NOT_NESTING and not self_closing:
        _open(scan, name, lt, end + 1)
    return end + 1


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
