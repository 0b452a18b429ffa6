"""trafilatura's reading of the cleaned page, as a second opinion fused with ours.

It is asked only when our reading may be a fragment: when it is short, or when prose
paragraphs lie outside the blocks we chose (on the development sets, one page in seven; the
others gain nothing from it and it costs as much as the rest of the extraction). A short
reading with no paragraph of prose outside it is not checked: the fusion only adds such
paragraphs, or takes them instead of ours, so it could only return ours.

Paragraphs both agree on are kept; a paragraph only trafilatura found is added when our own
block analysis says it is prose; a paragraph only we found is kept. Once the reading is
widened so, trafilatura's lines lying between its first and last blocks join it too (the
headings, short lines and link lists of the article it spans; a lone linked line there is
a "read also" teaser). When the two barely overlap while trafilatura's prose outweighs ours,
our container was the wrong one.
"""

from __future__ import annotations

from bisect import bisect_right

from .blocks import TextBlock
from .content import is_prose
from .lines import MIN_DEDUPLICATED_CHARS, text_key
from .rule_reading import prose_chars

MAX_SPANNED_LINK_DENSITY = 0.5  # a line between fused blocks joins unless it is mostly a link
MIN_EXTRA_CHARS = 80         # a line only trafilatura kept must be a real paragraph
DISAGREEMENT_SHARE = 0.3     # below this share of our text confirmed by trafilatura, we disagree
MIN_CONFIDENT_CHARS = 500    # a reading with less prose than this is checked
MAX_OUTSIDE_SHARE = 0.1      # ...and so is one with this share of its prose in paragraphs left out
# A line of trafilatura's that equals none of our blocks is looked for inside each of them: a
# search through the page's text. Only this many are searched per page (the development sets
# need at most 27), so a page that makes every line differ costs linear time, not lines x blocks.
MAX_CONTAINED_SEARCHES = 100


def needs_second_opinion(ours: list[TextBlock], blocks: list[TextBlock]) -> bool:
    """True when our reading is empty, or short or leaving real paragraphs of prose outside it,
    while some paragraph of prose lies outside it (else `fuse` could only return ours)."""
    if not ours:
        return True
    chosen = {id(block) for block in ours}
    outside = sum(len(block.text) for block in blocks if id(block) not in chosen
                  and len(block.text) >= MIN_EXTRA_CHARS and is_prose(block))
    if not outside:
        return False
    ours_prose = prose_chars(ours)
    return ours_prose < MIN_CONFIDENT_CHARS or outside >= MAX_OUTSIDE_SHARE * ours_prose


def trafilatura_lines(html: str, url: str | None) -> list[str]:
    """trafilatura's reading of the cleaned page, one line per paragraph."""
    import trafilatura  # imported when first asked: most pages never need it (0.1 s to load)

    try:
        text = trafilatura.extract(html, url=url, include_comments=False, fast=True,
                                   include_tables=True)
    except Exception:  # noqa: BLE001 - a second opinion may fail; ours stands alone then
        return []
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def fuse(ours: list[TextBlock], blocks: list[TextBlock], theirs: list[str]) -> tuple[list[TextBlock], str]:
    """Combine our blocks with trafilatura's lines, in page order.

    Agreed text stays; prose only trafilatura found is added; and when the two barely
    overlap while trafilatura's prose outweighs ours, our container was the wrong one
    (a ticker, a teaser list) and trafilatura's reading wins.
    """
    if not theirs:
        return ours, "scraper"
    theirs_blocks = _map_lines(theirs, blocks)
    if not ours:
        return theirs_blocks, "trafilatura"
    ours_ids = {id(b) for b in ours}
    extra = [b for b in theirs_blocks if id(b) not in ours_ids and is_prose(b)
             and len(b.text) >= MIN_EXTRA_CHARS]
    shared = sum(len(b.text) for b in theirs_blocks if id(b) in ours_ids)
    ours_chars = sum(len(b.text) for b in ours) or 1
    if shared < DISAGREEMENT_SHARE * ours_chars and sum(len(b.text) for b in extra) > ours_chars:
        return theirs_blocks, "trafilatura"
    if not extra:
        return ours, "scraper"
    chosen = ours_ids | {id(b) for b in extra}
    chosen |= _spanned(chosen, theirs_blocks, blocks)
    return [b for b in blocks if id(b) in chosen], "fused"


def _spanned(chosen: set[int], theirs: list[TextBlock], blocks: list[TextBlock]) -> set[int]:
    """The ids of trafilatura's blocks lying between the first and last chosen block."""
    places = [index for index, block in enumerate(blocks) if id(block) in chosen]
    inside = {id(block) for block in blocks[places[0] + 1:places[-1]]} if places else set()
    return {id(block) for block in theirs if id(block) in inside
            and (block.link_density < MAX_SPANNED_LINK_DENSITY or _in_list_item(block))}


def _in_list_item(block: TextBlock) -> bool:
    """True for a list item's text (a link list of the article: sources, changes, tools)."""
    node = block.node
    return node.tag == "li" or (node.parent is not None and node.parent.tag == "li")


def _map_lines(lines: list[str], blocks: list[TextBlock]) -> list[TextBlock]:
    """Map trafilatura's lines back to our blocks (equal text, or a line inside a block); a
    table row ("| cell | cell |") maps cell by cell, each to the first block of its text after
    the cell before it (the same "Done" or "60%" fills many cells of a table)."""
    by_key: dict[str, TextBlock] = {}
    places: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        key = text_key(block.text)
        by_key.setdefault(key, block)
        places.setdefault(key, []).append(index)
    found: dict[int, TextBlock] = {}
    cell_at = -1  # the index of the block of the last table cell mapped
    searches = MAX_CONTAINED_SEARCHES
    for line in lines:
        if line.startswith("|"):
            for cell in line.strip("|").split("|"):
                at = _next_place(places.get(text_key(cell)), cell_at)
                if at is not None:
                    cell_at = at
                    found[id(blocks[at])] = blocks[at]
            continue
        key = text_key(line)
        if not key:
            continue
        block = by_key.get(key)
        if block is None and len(key) >= MIN_DEDUPLICATED_CHARS and searches > 0:
            searches -= 1
            block = next((b for k, b in by_key.items() if key in k), None)
        if block is not None:
            found[id(block)] = block
    order = {id(b): i for i, b in enumerate(blocks)}
    return sorted(found.values(), key=lambda b: order[id(b)])


def _next_place(places: list[int] | None, after: int) -> int | None:
    """The first of the (ascending) places after `after`, else the first; None for none."""
    if not places:
        return None
    at = bisect_right(places, after)
    return places[at] if at < len(places) else places[0]
