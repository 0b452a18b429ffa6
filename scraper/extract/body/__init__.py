"""The main text: candidate readings of the page, checked against each other.

Boilerplate is stripped (never a node holding most of the page's prose) and the page is cut
into text blocks. Our finder picks the container whose text is most article-like; a site or
template rule's container is weighed against that reading and stands only when it agrees
(rule_reading). When the chosen reading may be a fragment (short, or prose left outside it),
trafilatura's reading of the cleaned page is fused with it (second_opinion); a trusted site
rule is not second-guessed. Opening paragraphs left between the headline and the reading join
it (lead). When the visible page holds (nearly) no article, the article in
the page's script data is read instead (scripts). Captions, credits and gallery chrome never
reach the text, nor do lines that repeat the headline or only carry a byline or a date (lines),
nor the authors' closing bio (bio).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from ...models import SiteRules
from ..document import Document
from .bio import without_bio
from .blocks import TextBlock, text_blocks
from .boilerplate import non_body_nodes, strip_boilerplate
from .content import find_main_content
from .lead import with_lead
from .lines import finish_paragraphs
from .rule_reading import rule_reading, rule_stands
from .scripts import extends, script_reading
from .second_opinion import fuse, needs_second_opinion, trafilatura_lines

# Past this size trafilatura's second opinion costs seconds and a page is never a plain article.
MAX_SECOND_OPINION_CHARS = 3_000_000
# A visible reading shorter than this is checked against the article in the page's script data.
MIN_VISIBLE_CHARS = 500


@dataclass(frozen=True)
class BodyResult:
    """The article's paragraphs, its main content node (in the cleaned tree) and the strategy."""

    paragraphs: list[str] = field(default_factory=list)
    node: LexborNode | None = None
    strategy: str | None = None


def extract_body(document: Document, rules: SiteRules | None, headline: str | None,
                 authors: list[str] | tuple[str, ...] = ()) -> BodyResult:
    """Strip boilerplate, locate the main content and return its paragraphs (without the
    authors' closing bio)."""
    tree = document.tree
    prose = strip_boilerplate(tree, rules)
    body = tree.body
    if body is None:
        return BodyResult()
    skip = non_body_nodes(tree, prose)
    nodes: dict[int, LexborNode] = {}
    blocks = text_blocks(body, nodes, skip)
    main, strategy = find_main_content(blocks, nodes), "scraper"
    ruled = rule_reading(tree, rules, blocks)
    if ruled is not None and rules is not None and rule_stands(ruled, main, rules):
        main, strategy = ruled, "rules"
    kept = main.blocks
    trusted = strategy == "rules" and rules is not None and rules.kind == "site"
    if not trusted and len(document.html) <= MAX_SECOND_OPINION_CHARS \
            and needs_second_opinion(kept, blocks):
        kept, strategy = fuse(kept, blocks, trafilatura_lines(tree.html or "", document.url))
    if not trusted:
        kept = with_lead(kept, blocks)
    paragraphs = without_bio(finish_paragraphs(_join_table_rows(kept), headline), authors)
    container = nodes.get(main.container_ids[0]) if main.container_ids else None
    if sum(map(len, paragraphs)) < MIN_VISIBLE_CHARS:
        from_data = finish_paragraphs(_join_table_rows(script_reading(document)), headline)
        if extends(from_data, paragraphs):
            return BodyResult(from_data, None, "script")
    return BodyResult(paragraphs=paragraphs, node=container, strategy=strategy)


def _join_table_rows(blocks: list[TextBlock]) -> list[str]:
    """Return the blocks' texts, with the cells of one table row joined into one line."""
    lines: list[str] = []
    row: int | None = None
    for block in blocks:
        cell_row = block.ancestors[-2] if block.tag in ("td", "th") and len(block.ancestors) > 1 else None
        if cell_row is not None and cell_row == row:
            lines[-1] = f"{lines[-1]} {block.text}"
        else:
            lines.append(block.text)
        row = cell_row
    return lines


