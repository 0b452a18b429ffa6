"""Cut a tree into text blocks: the runs of inline text between block-level elements."""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

BLOCK_TAGS = frozenset(["address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend"])
SKIPPED_TAGS = frozenset(["script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object"])
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])

# A block records its nearest block elements up to this many: a page nested thousands of
# levels deep costs a bounded amount per block, not its depth (no real page comes close).
MAX_BLOCK_ANCESTORS = 100


@dataclass(slots=True)
class TextBlock:
    """A run of text, the block element that holds it, and how much of it is link text."""

    text: str
    node: LexborNode
    tag: str
    link_chars: int = 0
    ancestors: list[int] = field(default_factory=list)
    # Share of the block's characters inside links (read often: computed once, by the walk).
    link_density: float = 0.0
    # Whether it reads as prose, once content.is_prose has judged it (None before).
    prose: bool | None = field(init=False, default=None, repr=False, compare=False)


def text_blocks(root: LexborNode, nodes: dict[int, LexborNode] | None = None,
                skip: frozenset[int] | set[int] = frozenset()) -> list[TextBlock]:
    """Return the text blocks under root in document order (iterative: any depth works).

    When `nodes` is given, it receives every block element met, by id (TextBlock.ancestors:
    the block's nearest MAX_BLOCK_ANCESTORS block elements, outermost first).
    Elements whose id is in `skip` are left out with everything inside them.

    The walk steps from node to node by first child and next sibling, and sorts elements by
    their numeric tag id, its kind read from the tag name once per id (a generator per element
    and a tag name per node cost twice as much). The text met is buffered for the innermost
    block element holding it (the owner), and flushed as blocks when a block element opens or
    closes: so one buffer serves all the open block elements (an outer block's buffer is
    always empty while an inner one is open).
    """
    blocks: list[TextBlock] = []
    if nodes is not None:
        nodes[root.mem_id] = root
    kinds: dict[int, int] = {}
    names: dict[int, str] = {}  # the tag names of block elements, by tag id
    # The block element the text goes to, its tag name and its chain of block elements.
    owner, owner_tag, chain = root, root.tag or "", (root.mem_id,)
    parts: list[str | None] = []  # the owner's text parts (None for a <br>), their link characters
    links: list[int] = []
    breaks = False  # whether parts hold a <br>
    in_link = False
    # The elements entered, each with the owner, its chain and the link state outside it (the
    # owner None for an inline element: only the link state is restored when it is left).
    stack: list[tuple[LexborNode, LexborNode | None, str, tuple[int, ...], bool]] = []
    node = root.first_child
    while True:
        if node is None:
            if not stack:
                break
            element, outer, outer_tag, outer_chain, in_link = stack.pop()
            if outer is not None:  # a block element is left
                if parts:
                    _flush(owner, owner_tag, chain, parts, links, breaks, blocks)
                    parts, links, breaks = [], [], False
                owner, owner_tag, chain = outer, outer_tag, outer_chain
            node = element.next
            continue
        tag_id = node.tag_id
        kind = kinds.get(tag_id)
        if kind is None:
            tag = node.tag
            kind = kinds[tag_id] = _kind(tag)
            if kind == _BLOCK:
                names[tag_id] = tag or ""
        if kind == _TEXT:
            # Blank text opening a block (the line breaks between block elements) adds nothing
            # to its blocks: left out, most blocks' buffers stay empty and are never flushed
            # (lexbor tells ASCII blanks without making a string; other blanks are told by isspace).
            if parts or not node.is_empty_text_node:
                text = node.text_content or ""
                if parts or text and not text.isspace():
                    parts.append(text)
                    links.append(len(" ".join(text.split())) if in_link else 0)
        elif kind == _BREAK:
            parts.append(None)
            links.append(0)
            breaks = True
        elif kind == _LEFT_OUT or (skip and node.mem_id in skip):
            pass
        elif kind == _BLOCK:
            if parts:
                _flush(owner, owner_tag, chain, parts, links, breaks, blocks)
                parts, links, breaks = [], [], False
            mem_id = node.mem_id
            # <a><h3>title</h3></a>: the heading is link text
            stack.append((node, owner, owner_tag, chain, in_link))
            owner, owner_tag = node, names[tag_id]
            chain = (*chain, mem_id) if len(chain) < MAX_BLOCK_ANCESTORS \
                else (*chain[1 - MAX_BLOCK_ANCESTORS:], mem_id)
            if nodes is not None:
                nodes[mem_id] = node
            node = node.first_child
            continue
        else:
            stack.append((node, None, owner_tag, chain, in_link))
            in_link = in_link or kind == _LINK
            node = node.first_child
            continue
        node = node.next
    if parts:
        _flush(owner, owner_tag, chain, parts, links, breaks, blocks)
    return blocks


# What the walk does with a node, by its tag name.
_TEXT, _BREAK, _LEFT_OUT, _BLOCK, _LINK, _INLINE = range(6)


def _kind(tag: str | None) -> int:
    """The kind of a node with this tag name (None for a processing instruction)."""
    tag = tag or "-"
    if tag == "-text":
        return _TEXT
    if tag == "br":
        return _BREAK
    if tag in SKIPPED_TAGS or tag.startswith("-"):
        return _LEFT_OUT
    if tag in BLOCK_TAGS:
        return _BLOCK
    return _LINK if tag == "a" else _INLINE


def _flush(node: LexborNode, tag: str, chain: tuple[int, ...], parts: list[str | None],
           links: list[int], breaks: bool, blocks: list[TextBlock]) -> None:
    """Emit a block element's buffered text (not empty) as blocks (split at double line breaks,
    `breaks` telling whether it holds any).

    Whitespace is squeezed once per block (a text's own runs of whitespace count as one
    space, as its link characters do)."""
    if not breaks:  # no line break: one piece (most blocks)
        text = "".join(parts)  # type: ignore[arg-type]
        # Most texts already part their words by single spaces and are left as they are: only
        # the others are squeezed (isprintable is False for any whitespace but the space).
        if not text.isprintable() or "  " in text or text.startswith(" ") or text.endswith(" "):
            text = " ".join(text.split())
        if text:
            link_chars = min(sum(links), len(text))
            blocks.append(TextBlock(text, node, tag, link_chars, list(chain), link_chars / len(text)))
        return
    ancestors = list(chain)
    for words, link_chars in _pieces(parts, links):
        text = " ".join("".join(words).split())
        if text:
            link_chars = min(link_chars, len(text))
            blocks.append(TextBlock(text, node, tag, link_chars, ancestors, link_chars / len(text)))


def _pieces(parts: list[str | None], links: list[int]) -> list[tuple[list[str], int]]:
    """The texts between double line breaks (a single break is a space), with their link
    characters."""
    pieces: list[tuple[list[str], int]] = [([], 0)]
    breaks = 0
    for text, link_chars in zip(parts, links):
        if text is None:
            breaks += 1
            continue
        if breaks and not text.strip():
            continue
        if breaks >= 2 and pieces[-1][0]:
            pieces.append(([], 0))
        elif breaks:
            pieces[-1][0].append(" ")
        breaks = 0
        words, link_sum = pieces[-1]
        words.append(text)
        pieces[-1] = (words, link_sum + link_chars)
    return pieces
