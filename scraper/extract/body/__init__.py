"""The main text: our main-content finder fused with trafilatura, paragraph by paragraph.

Both strategies read the tree after boilerplate is stripped. Our finder picks the container
whose text is most article-like; trafilatura (given the already-cleaned page, which also
makes it faster) gives a second opinion. Paragraphs both agree on are kept; a paragraph only
trafilatura found is added when our own block analysis says it is prose; a paragraph only
we found is kept. Captions, credits and gallery chrome never reach the text, and neither do
lines that repeat the headline or only carry a byline or a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import trafilatura
from selectolax.lexbor import LexborNode

from ...models import SiteRules
from ..document import Document
from .blocks import TextBlock, text_blocks
from .boilerplate import non_body_nodes, strip_boilerplate
from .content import MainContent, find_main_content, is_prose, keep_block

BYLINE_LINE = re.compile(r"^(?:by|von|par|por|di|door|words\s+by)\s+\S", re.IGNORECASE)
DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour)"
    r"\b.{0,60}|[\w ,.:/+-]{0,40}\b(?:19|20)\d\d\b[\w ,.:/+-]{0,25})$", re.IGNORECASE)
# Lines that are chrome whatever their container: ad labels, share and read-more prompts.
CHROME_LINE = re.compile(r"""^[\W_]*(?:
    advertisement|advertising|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|advertentie
  | sponsored(?:\s+content)?|ad|ads|continue\s+reading|read\s+more|weiterlesen|lire\s+la\s+suite
  | share(?:\s+this(?:\s+(?:article|story|post))?)?|teilen|partager|compartir|condividi
  | lesen\s+sie\s+(?:auch|mehr)|(?:à|a)\s+lire\s+(?:aussi|également)|lire\s+aussi
  | leia\s+também|lee\s+también|leggi\s+anche|see\s+also|related|subscribe|abonnieren
  | \d+(?:[.,]\d+)?\s?[km](?:\s+(?:views|claps|shares|likes))?     # counters: "1.2K", "3k views"
)[\W_]*$""", re.IGNORECASE | re.VERBOSE)
# Calls to action that publishers drop into the text: subscribe, donate, try the paid tier.
CALL_TO_ACTION = re.compile(r"""
    (?:^|[.!?]\s+)subscribe\b|\bsubscribe\s+(?:now|today|to\s+(?:our|the))\b
  | \bsign\s+up\s+(?:now|today|for\s+(?:our|the|free))\b|\bsupport\s+(?:us|our\s+journalism)\b
  | \bdonate\s+(?:now|today)\b|\bbecome\s+a\s+(?:member|subscriber)\b|\bfree\s+trial\b
  | \balready\s+a\s+subscriber\b|\bunlimited\s+access\b
  | \bjetzt\s+(?:\S+\s+){0,6}(?:testen|abonnieren|unterstützen)\b|\bunterstützen\s+sie\s+uns\b
  | \babonnez-vous\b|\bsoutenez-nous\b|\bfaites\s+un\s+don\b|\bdéjà\s+abonné
  | \bsuscríbete\b|\bhazte\s+socio\b|\babbonati\b|\bassine\s+(?:já|agora)\b""",
    re.IGNORECASE | re.VERBOSE)
MAX_CALL_TO_ACTION_CHARS = 200
# Notices that close articles: rights, print-edition lines, follow-us and tip-line invitations.
NOTICE_LINE = re.compile(r"""
    \ball\s+rights\s+reserved\b|^copyright\b|\bmay\s+not\s+be\s+(?:\w+,?\s+){0,3}(?:published|reproduced|redistributed)
  | \b(?:tous\s+)?droits\s+réservés\b|\balle\s+rechte\s+vorbehalten\b|\btodos\s+los\s+derechos\s+reservados\b
  | \briproduzione\s+riservata\b|\bdpa-infocom\b
  | ^all\s+(?:photographs|photos|pictures|images|text\s+and\s+photographs)\s+(?:©|\(c\)|copyright)
  | ^a\s+version\s+of\s+this\s+(?:article|story)\s+appear(?:s|ed)\s+in\s+print
  | ^(?:follow|like)\s+(?:us|\S+(?:\s+\S+){0,3})\s+on\s*(?:$|twitter|facebook|instagram|x\b|tiktok|bluesky|threads)
  | ^(?:send|email)\s+(?:us\s+)?your\s+(?:story\s+ideas|news\s+tips|tips|stories)\b
  | ^for\s+the\s+latest\s+(?:news|updates)\b""", re.IGNORECASE | re.VERBOSE)
MAX_NOTICE_CHARS = 300
MAX_META_LINE_WORDS = 10
MIN_DEDUPLICATED_CHARS = 40  # repeated short lines (table cells, "Yes") are legitimate
MIN_COPY_CHARS = 400         # a paragraph this long may be a copy of the others run together
COPY_COVERAGE = 0.8
MIN_EXTRA_CHARS = 80         # a line only trafilatura kept must be a real paragraph
DISAGREEMENT_SHARE = 0.3
# Past this size trafilatura's second opinion costs seconds and a page is never a plain article.
MAX_SECOND_OPINION_CHARS = 3_000_000     # below this share of our text confirmed by trafilatura, we disagree
_TOKENS = re.compile(r"\w+")


@dataclass(frozen=True)
class BodyResult:
    """The article's paragraphs, its main content node (in the cleaned tree) and the strategy."""

    paragraphs: list[str] = field(default_factory=list)
    node: LexborNode | None = None
    strategy: str | None = None


def extract_body(document: Document, rules: SiteRules | None, headline: str | None) -> BodyResult:
    """Strip boilerplate, locate the main content and return its paragraphs."""
    tree = document.tree
    prose = strip_boilerplate(tree, rules)
    body = tree.body
    if body is None:
        return BodyResult()
    skip = non_body_nodes(tree, prose)
    nodes: dict[int, LexborNode] = {}
    blocks = text_blocks(body, nodes, skip)
    ruled = _rule_blocks(tree, rules, blocks)
    if ruled is not None:
        main, strategy = ruled, "rules"
    else:
        main = find_main_content(blocks, nodes)
        strategy = "scraper"
    kept = main.blocks
    if strategy != "rules" and len(document.html) <= MAX_SECOND_OPINION_CHARS:
        kept, strategy = _fuse(kept, blocks, _trafilatura_lines(tree.html or "", document.url))
    paragraphs = _finish(_join_table_rows(kept), headline)
    container = nodes.get(main.container_ids[0]) if main.container_ids else None
    return BodyResult(paragraphs=paragraphs, node=container, strategy=strategy)


def _rule_blocks(tree: object, rules: SiteRules | None, blocks: list[TextBlock]) -> MainContent | None:
    """Return the blocks inside the rule's body selectors, or None when no selector matches."""
    if not rules or not rules.body:
        return None
    for selector in rules.body:
        matched = {node.mem_id: None for node in tree.css(selector)}  # type: ignore[attr-defined]
        if matched:
            kept = [b for b in blocks if any(a in matched for a in b.ancestors) and keep_block(b)]
            if kept:
                return MainContent(_largest_first(list(matched), kept), kept)
    return None


def _largest_first(container_ids: list[int], kept: list[TextBlock]) -> tuple[int, ...]:
    """Order matched containers by the kept text they hold, ties in page order."""
    held = dict.fromkeys(container_ids, 0)
    for block in kept:
        for ancestor in block.ancestors:
            if ancestor in held:
                held[ancestor] += len(block.text)
    return tuple(sorted(container_ids, key=lambda mem_id: -held[mem_id]))


def _trafilatura_lines(html: str, url: str | None) -> list[str]:
    """trafilatura's reading of the cleaned page, one line per paragraph."""
    try:
        text = trafilatura.extract(html, url=url, include_comments=False, fast=True,
                                   include_tables=True)
    except Exception:  # noqa: BLE001 - a second opinion may fail; ours stands alone then
        return []
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    """The comparison key of a text: its lowercased word tokens."""
    return " ".join(_TOKENS.findall(text.lower()))


def _fuse(ours: list[TextBlock], blocks: list[TextBlock], theirs: list[str]) -> tuple[list[TextBlock], str]:
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
    return [b for b in blocks if id(b) in chosen], "fused"


def _map_lines(lines: list[str], blocks: list[TextBlock]) -> list[TextBlock]:
    """Map trafilatura's lines back to our blocks (equal text, or a line inside a block)."""
    by_key: dict[str, TextBlock] = {}
    for block in blocks:
        by_key.setdefault(_key(block.text), block)
    found: dict[int, TextBlock] = {}
    for line in lines:
        key = _key(line)
        if not key:
            continue
        block = by_key.get(key)
        if block is None and len(key) >= MIN_DEDUPLICATED_CHARS:
            block = next((b for k, b in by_key.items() if key in k), None)
        if block is not None:
            found[id(block)] = block
    order = {id(b): i for i, b in enumerate(blocks)}
    return sorted(found.values(), key=lambda b: order[id(b)])


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


def _finish(paragraphs: list[str], headline: str | None) -> list[str]:
    """Drop repeated paragraphs, headline repeats, and bare byline or date lines."""
    seen: set[str] = set()
    headline_key = _key(headline) if headline else None
    result = []
    for text in paragraphs:
        key = _key(text)
        if not key or key == headline_key or _is_meta_line(text):
            continue
        if len(key) >= MIN_DEDUPLICATED_CHARS:
            if key in seen:
                continue
            seen.add(key)
        result.append(text)
    return _drop_concatenations(result)


def _drop_concatenations(paragraphs: list[str]) -> list[str]:
    """Drop a long paragraph made of the other paragraphs run together (a hidden copy)."""
    keys = [_key(text) for text in paragraphs]
    doomed = set()
    for index, key in enumerate(keys):
        if len(key) < MIN_COPY_CHARS:
            continue
        covered = sum(len(other) for j, other in enumerate(keys)
                      if j != index and j not in doomed and len(other) >= MIN_DEDUPLICATED_CHARS
                      and other in key)
        if covered >= COPY_COVERAGE * len(key):
            doomed.add(index)
    return [text for index, text in enumerate(paragraphs) if index not in doomed]


def _is_meta_line(text: str) -> bool:
    """True for a short line that only carries a byline, a date, a label, a call to action
    or a closing notice (rights, print edition, follow us)."""
    if len(text) <= MAX_CALL_TO_ACTION_CHARS and CALL_TO_ACTION.search(text):
        return True
    if len(text) <= MAX_NOTICE_CHARS and NOTICE_LINE.search(text):
        return True
    if len(text.split()) > MAX_META_LINE_WORDS:
        return False
    return bool(BYLINE_LINE.match(text) or DATE_LINE.match(text) or CHROME_LINE.match(text))
