"""The article's lead: paragraphs between the headline and the chosen text, left outside it.

Templates often put the opening paragraphs (an introduction, a summary) in a wrapper of their
own between the page's h1 and the box holding the rest of the article; the finder then picks
that box alone. Walking back from the first chosen block, a run of prose, with short labels
and headings between its paragraphs, that reaches the h1 (or the top of the page: the header
holding the h1 went as chrome) is the lead, and joins the text. A link-heavy or long block
that is not prose (a menu, a teaser) ends the walk and nothing is added.
"""

from __future__ import annotations

from .blocks import TextBlock
from .content import is_prose

MAX_LEAD_BLOCKS = 12         # a lead holds a few paragraphs: a longer run is another page part
# A lead is paragraphs side by side in one box; a lone paragraph there is a standfirst (a
# summary kept apart), and paragraphs in boxes of their own are a subtitle, a notice, a tag line.
MIN_LEAD_PARAGRAPHS = 2
MAX_LABEL_CHARS = 80         # a non-prose block inside the run is a short label ("TL;DR:")
MAX_LABEL_LINK_DENSITY = 0.5


def with_lead(kept: list[TextBlock], blocks: list[TextBlock]) -> list[TextBlock]:
    """Return kept with the lead paragraphs before it added (kept unchanged when none)."""
    if not kept:
        return kept
    first = next((index for index, block in enumerate(blocks) if block is kept[0]), None)
    if first is None:
        return kept
    run: list[TextBlock] = []
    index = first - 1
    while index >= 0 and blocks[index].tag != "h1":
        block = blocks[index]
        if len(run) >= MAX_LEAD_BLOCKS or not (is_prose(block) or _is_label(block)):
            return kept
        run.append(block)
        index -= 1
    run.reverse()
    opening = next((place for place, block in enumerate(run) if is_prose(block)), None)
    if opening is None or not _side_by_side(run[opening:]):
        return kept
    return [*run[opening:], *kept]


def _side_by_side(run: list[TextBlock]) -> bool:
    """True when MIN_LEAD_PARAGRAPHS <p> paragraphs of prose share one parent (a byline's
    box beside a standfirst is no second paragraph)."""
    parents: dict[int, int] = {}
    for block in run:
        parent = block.node.parent
        if parent is not None and block.tag == "p" and is_prose(block):
            count = parents[parent.mem_id] = parents.get(parent.mem_id, 0) + 1
            if count >= MIN_LEAD_PARAGRAPHS:
                return True
    return False


def _is_label(block: TextBlock) -> bool:
    """A short block with few links: a heading, a label, a warning's title."""
    return len(block.text) <= MAX_LABEL_CHARS and block.link_density < MAX_LABEL_LINK_DENSITY
