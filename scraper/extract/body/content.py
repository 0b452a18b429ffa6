"""Find the main content: the container whose text is most article-like, and its paragraphs.

Every text block is weighed: long, sentence-like, link-poor text is prose ("good"); short or
link-heavy text is chrome ("noise"). A block's weight flows to its block element and its
ancestors, fading with distance, so the tightest container that holds most of the prose wins.
A body split into chunks (ads between them) is gathered back by merging the winner's twins:
containers with the same tag and class that also hold prose. A lone paragraph that wins with
a minority of the page's prose gives way to the box holding most of it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from ..lazy import compile_on_use
from .blocks import BLOCK_TAGS, HEADING_TAGS, MAX_BLOCK_ANCESTORS, TextBlock

MIN_GOOD_CHARS = 80          # a block this long with few links reads as prose
MIN_SENTENCE_CHARS = 30      # shorter blocks count as prose only if they end like a sentence
MAX_GOOD_LINK_DENSITY = 0.35
NOISE_WEIGHT = 1.0
PLAIN_NOISE_WEIGHT = 0.3     # short link-free text (labels, dates) is weak evidence of chrome
TABLE_CELL_TAGS = frozenset({"td", "th"})
MAX_KEPT_LINK_DENSITY = 0.6  # inside the main container, drop blocks linkier than this
MIN_LINKED_ITEM_CHARS = 30   # ...but a list item this long before more prose stays (a resource)
MAX_ENTRY_LINK_DENSITY = 0.95  # ...when it has words of its own besides its links
MIN_INTRO_CHARS = 40         # a sentence ending in a colon this long announces the list after it
# A kicker before a teaser's linked headline: a few words ending in a colon or question mark.
_KICKER = compile_on_use(r"^\W*(?:\S+\s+){0,3}\S*[:?]\W*$")
WIDEN_SHARE = 0.5            # a lone paragraph winning with less of the page's prose is widened
TWIN_MIN_SHARE = 0.2         # a twin container must score this share of the winner
DECAY = (1.0, 1.0, 0.5)
SECTION_REACH = 3            # a linked heading with prose this close on both sides is kept
TEASER_MAX_CHARS = 200       # a paragraph this long ends any teaser run
MAX_BLURBS_PER_TEASER = 3    # so do more short blocks than a teaser carries (date, author, blurb)      # weight at distance 0 (the block element), 1, 2; then 1/distance

MIN_TEASER_LINK_DENSITY = 0.1  # a block this linky that trails off in an ellipsis is a teaser
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\W{0,3}$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»“'’)]\s*$")


class MainContent(NamedTuple):
    """The winning container ids (the winner first, then its twins) and the blocks kept."""

    container_ids: tuple[int, ...]
    blocks: list[TextBlock]


def is_prose(block: TextBlock) -> bool:
    """True for a block that reads as article prose (not a teaser: a linked title with its
    summary cut short by an ellipsis); judged once per block."""
    prose = block.prose
    if prose is None:
        prose = block.prose = _reads_as_prose(block)
    return prose


def _reads_as_prose(block: TextBlock) -> bool:
    """is_prose, judged."""
    length = len(block.text)
    if block.link_density > MAX_GOOD_LINK_DENSITY:
        return False
    if block.link_density >= MIN_TEASER_LINK_DENSITY and _CUT_SHORT.search(block.text):
        return False
    if length >= MIN_GOOD_CHARS:
        return True
    return length >= MIN_SENTENCE_CHARS and bool(_SENTENCE_END.search(block.text))


def noise_weight(block: TextBlock) -> float:
    """Weigh a non-prose block: link text fully, plain short text lightly, table cells not."""
    length = len(block.text)
    link_chars = length * block.link_density
    if block.tag in TABLE_CELL_TAGS:
        return link_chars
    return link_chars + PLAIN_NOISE_WEIGHT * (length - link_chars)


def _decay(distance: int) -> float:
    return DECAY[distance] if distance < len(DECAY) else 1.0 / distance


_DECAYS = tuple(_decay(distance) for distance in range(MAX_BLOCK_ANCESTORS))


def find_main_content(blocks: list[TextBlock], nodes: dict[int, LexborNode]) -> MainContent:
    """Return the best container (plus its twins) and the blocks inside worth keeping."""
    # Each sum is added up in block order, from 0.0 (float sums depend on their order; ties
    # between a box and its only paragraph are common). The bound methods are looked up once:
    # this loop runs once per block and ancestor.
    score: dict[int, float] = {}
    good: dict[int, float] = {}
    score_of, good_of = score.get, good.get
    for block in blocks:
        if is_prose(block):
            weight = len(block.text) * (1 - block.link_density)
            for decay, ancestor in zip(_DECAYS, reversed(block.ancestors)):
                score[ancestor] = score_of(ancestor, 0.0) + weight * decay
                good[ancestor] = good_of(ancestor, 0.0) + weight
        else:
            weight = -NOISE_WEIGHT * noise_weight(block)
            for decay, ancestor in zip(_DECAYS, reversed(block.ancestors)):
                score[ancestor] = score_of(ancestor, 0.0) + weight * decay
    if not good:
        return MainContent((), [])
    best = _widened(max(good, key=score.__getitem__), blocks, good)
    containers = _with_twins(best, score, nodes)
    inside = trim_teaser_tail([b for b in blocks if not containers.isdisjoint(b.ancestors)])
    return MainContent((best, *(c for c in containers if c != best)),
                       kept_blocks(with_section_headings(blocks, inside)))


def _widened(best: int, blocks: list[TextBlock], good: dict[int, float]) -> int:
    """A winner that is one lone paragraph holding a minority of the page's prose gives way to
    the first ancestor holding more prose, when that one holds most of the page's (each
    paragraph of the article wrapped deep in a box of its own, as CSS-in-JS pages do,
    scatters the prose: the lead paragraph outscores the whole)."""
    total = max(good.values())  # the root's: every block lies inside it
    if good[best] >= WIDEN_SHARE * total:
        return best
    inside = [block for block in blocks if best in block.ancestors]
    if len(inside) != 1 or inside[0].ancestors[-1] != best:
        return best
    for ancestor in reversed(inside[0].ancestors):
        held = good.get(ancestor, 0.0)
        if held >= WIDEN_SHARE * total:
            return ancestor
        if held > good[best]:  # the paragraph's own box holds more prose: that box lost
            return best
    return best


def kept_blocks(inside: list[TextBlock]) -> list[TextBlock]:
    """The blocks of the chosen containers worth keeping: not link lists, but a heading that
    is a link (a listicle's product names) between paragraphs of prose opens a section."""
    prose = [is_prose(block) for block in inside]
    last_prose = len(prose) - 1
    while last_prose >= 0 and not prose[last_prose]:
        last_prose -= 1
    # (each read once: a parent is a node read; only an <li> or a <p> is an item)
    items = [_list_item(block) if block.tag in _ITEM_TAGS else None for block in inside]
    lists = [None if item is None else _list_id(item) for item in items]
    plain_lists = _plain_lists(inside, lists) | _introduced_lists(inside, prose, items, lists)
    kept = []
    for index, block in enumerate(inside):
        if keep_block(block) or block.tag in HEADING_TAGS \
                and any(prose[max(0, index - SECTION_REACH):index]) \
                and any(prose[index + 1:index + 1 + SECTION_REACH]) \
                or index < last_prose and (_is_linked_entry(block, items[index])
                                           or _in_plain_list(block, lists[index], plain_lists)):
            kept.append(block)
    return kept


def _introduced_lists(blocks: list[TextBlock], prose: list[bool], items: list[LexborNode | None],
                      lists: list[int | None]) -> set[int]:
    """The ids of the lists that a sentence of the text announces ("Here are some of the
    courses on offer:"): the article's own list, even when each item is only a link.
    `items`, `lists`: each block's list item and list (_list_item, _list_id)."""
    introduced: set[int] = set()
    previous_list: int | None = None
    for index, list_id in enumerate(lists):
        if list_id is not None and list_id != previous_list and index > 0 and prose[index - 1] \
                and items[index - 1] is None \
                and len(blocks[index - 1].text) >= MIN_INTRO_CHARS and blocks[index - 1].text.endswith(":"):
            introduced.add(list_id)
        previous_list = list_id
    return introduced


def _plain_lists(blocks: list[TextBlock], lists: list[int | None]) -> set[int]:
    """The ids of the lists whose items are at least half kept for their own text (few links).
    `lists`: the list each block is an item of (_list_id)."""
    plain: dict[int, int] = {}  # per list: plain items less linked ones
    for block, list_id in zip(blocks, lists):
        if list_id is not None:
            plain[list_id] = plain.get(list_id, 0) + (1 if keep_block(block) else -1)
    return {list_id for list_id, balance in plain.items() if balance >= 0}


_ITEM_TAGS = frozenset(("li", "p"))


def _list_item(block: TextBlock) -> LexborNode | None:
    """The list item a block is the text of: an <li>, or a <p> that is an item's only child
    (Markdown and AsciiDoc write "<li><p>...</p></li>")."""
    node = block.node
    if block.tag == "li":
        return node
    if block.tag != "p":  # (no parent read for the other blocks)
        return None
    parent = node.parent
    if parent is not None and parent.tag == "li":
        children = parent.iter()
        first = next(children, None)
        if first is not None and first.mem_id == node.mem_id and next(children, None) is None:
            return parent
    return None


def _list_id(item: LexborNode | None) -> int | None:
    """The id of the list holding a list item (None for no item)."""
    parent = item.parent if item is not None else None
    return parent.mem_id if parent is not None else None


def _in_plain_list(block: TextBlock, list_id: int | None, plain_lists: set[int]) -> bool:
    """A linked item of a list whose items are mostly plain text (a checklist whose products
    link to a shop): the article's own list, not a table of contents nor a teaser list.
    `list_id`: the list the block is an item of (_list_id)."""
    return list_id is not None and list_id in plain_lists and not _own_links(block.node)[1]


def _is_linked_entry(block: TextBlock, item: LexborNode | None) -> bool:
    """A list item of the article's own list (a resource with its note, a checklist step):
    long, with words of its own besides its links; not a table of contents entry (a link to a
    place on the page) nor a teaser (a linked headline after a kicker: "See also:", "Warnung:").
    `item`: the block's list item (_list_item)."""
    if item is None or len(block.text) < MIN_LINKED_ITEM_CHARS \
            or block.link_density > MAX_ENTRY_LINK_DENSITY:
        return False
    before, to_place = _own_links(block.node)
    return not to_place and not _KICKER.match(before)


def _own_links(node: LexborNode) -> tuple[str, bool]:
    """The text of node's own line before its first link, and whether one of its links points
    to a place on a page ("#"); nested blocks (a sub-list) are not its line and not read."""
    parts: list[str] = []
    linked = to_place = False
    stack = [node.iter(include_text=True)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag or ""
        if tag == "-text":
            if not linked:
                parts.append(child.text_content or "")
        elif tag == "a":
            linked = True
            to_place = to_place or "#" in (child.attributes.get("href") or "")
        elif tag not in BLOCK_TAGS:
            stack.append(child.iter(include_text=True))
    return " ".join("".join(parts).split()), to_place


def with_section_headings(blocks: list[TextBlock], chosen: list[TextBlock]) -> list[TextBlock]:
    """Add the headings that open a chosen section from outside the chosen containers.

    Page builders put each section's heading in a wrapper of its own beside the wrapper of its
    paragraphs. A heading (not the page's h1) between two chosen blocks belongs to the text.
    A heading before the first chosen block does not: there it is a standfirst or a kicker.
    """
    if not chosen:
        return chosen
    chosen_ids = {id(block) for block in chosen}
    added: set[int] = set()
    previous = -1  # index of the last non-heading block seen
    after = 0  # the first non-heading block after the last heading judged (found when needed)
    for index, block in enumerate(blocks):
        if block.tag not in HEADING_TAGS:
            previous = index
        elif id(block) not in chosen_ids and block.tag != "h1" and block.link_density < 0.5 \
                and previous >= 0 and id(blocks[previous]) in chosen_ids:
            # (the pointer only moves forward: each block is stepped over once)
            after = max(after, index + 1)
            while after < len(blocks) and blocks[after].tag in HEADING_TAGS:
                after += 1
            if after < len(blocks) and id(blocks[after]) in chosen_ids:
                added.add(id(block))
    if not added:
        return chosen
    return [block for block in blocks if id(block) in chosen_ids or id(block) in added]


def trim_teaser_tail(blocks: list[TextBlock]) -> list[TextBlock]:
    """Drop a run of teasers (linked titles with short blurbs) that ends the container.

    Containers often hold a "more stories" list below the article: titles that are links,
    each with a line of summary. Walking back from the end over linked titles, each with at
    most three short blurbs, a run holding two or more titles is cut from its first title on.
    """
    start = len(blocks)
    titles = blurbs = 0
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if _is_teaser_title(block):
            titles += 1
            blurbs = 0
            start = index
            continue
        blurbs += 1
        if len(block.text) >= TEASER_MAX_CHARS or blurbs > MAX_BLURBS_PER_TEASER:
            break
    return blocks[:start] if titles >= 2 else blocks


def _is_teaser_title(block: TextBlock) -> bool:
    """A linked heading, or a block that is all link; never a table cell or list item."""
    if len(block.text) < 15 or block.tag in TABLE_CELL_TAGS or block.tag == "li":
        return False
    return block.link_density >= (0.5 if block.tag in HEADING_TAGS else 0.9)


def _with_twins(best: int, score: dict[int, float], nodes: dict[int, LexborNode]) -> set[int]:
    """Add the containers that share the winner's tag and class and also score well."""
    node = nodes.get(best)
    klass = node.attributes.get("class") if node is not None else None
    if not klass:
        return {best}
    threshold = score[best] * TWIN_MIN_SHARE
    twins = {best}
    for candidate, value in score.items():
        if not value >= threshold:  # (most ancestors: no node read for them)
            continue
        other = nodes.get(candidate)
        if other is not None and other.tag == node.tag and other.attributes.get("class") == klass:
            twins.add(candidate)
    return twins


def keep_block(block: TextBlock) -> bool:
    """Keep a block of the main container unless it is mostly links."""
    if block.tag in HEADING_TAGS:
        return block.link_density < 0.5
    return block.link_density <= MAX_KEPT_LINK_DENSITY or len(block.text) > 400
