"""A site or template rule's body selectors propose a container; the page's prose judges it.

A template rule matches thousands of sites by fingerprint and each bends the template: its
`.entry-content` may hold an excerpt, an empty box or a teaser. So a rule's reading is one
candidate among others: it stands only when it is not much smaller than the generic reading
and covers most of it. Measured on the development sets (197 pages with a matching template
rule), every rule reading that won over the generic one contained the generic reading; every
one that lost was a fragment a tenth of its size or less. A site rule, written for its domain
by hand, is trusted further: it may disagree with the generic reading, but a reading much
smaller than it is still a broken rule (a redesign), and loses.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ...models import SiteRules
from .blocks import TextBlock
from .content import MainContent, is_prose, kept_blocks

MIN_SIZE_SHARE = 0.5        # a template reading holds at least this share of the generic prose
MIN_AGREEMENT = 0.5         # ...and covers at least this share of it
MIN_SITE_SIZE_SHARE = 0.25  # a site reading holds at least this share of the generic prose


def rule_reading(tree: LexborHTMLParser, rules: SiteRules | None,
                 blocks: list[TextBlock]) -> MainContent | None:
    """The blocks inside the rule's first matching body selector, or None when none matches."""
    if not rules or not rules.body:
        return None
    for selector in rules.body:
        matched = {node.mem_id: None for node in tree.css(selector)}
        if matched:
            kept = kept_blocks([b for b in blocks if not matched.keys().isdisjoint(b.ancestors)])
            if kept:
                return MainContent(_largest_first(list(matched), kept), kept)
    return None


def rule_stands(ruled: MainContent, generic: MainContent, rules: SiteRules) -> bool:
    """True when the rule's reading agrees with the page's prose well enough to be taken."""
    generic_prose = prose_chars(generic.blocks)
    ruled_prose = prose_chars(ruled.blocks)
    if not ruled_prose:
        return False
    if rules.kind == "site":
        return ruled_prose >= MIN_SITE_SIZE_SHARE * generic_prose
    ruled_ids = {id(block) for block in ruled.blocks}
    shared = prose_chars([block for block in generic.blocks if id(block) in ruled_ids])
    return ruled_prose >= MIN_SIZE_SHARE * generic_prose and shared >= MIN_AGREEMENT * generic_prose


def prose_chars(blocks: list[TextBlock]) -> int:
    """The characters of the prose blocks among blocks."""
    return sum(len(block.text) for block in blocks if is_prose(block))


def _largest_first(container_ids: list[int], kept: list[TextBlock]) -> tuple[int, ...]:
    """Order matched containers by the kept text they hold, ties in page order."""
    held = dict.fromkeys(container_ids, 0)
    for block in kept:
        for ancestor in block.ancestors:
            if ancestor in held:
                held[ancestor] += len(block.text)
    return tuple(sorted(container_ids, key=lambda mem_id: -held[mem_id]))
