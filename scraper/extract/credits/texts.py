"""The caption and credit texts of a picture's elements: which element is which, and tidying.

Credit elements are found by class or itemprop (`.credit`, `.bildautor`, `[itemprop=creator]`),
captions by tag, class or itemprop (`figcaption`, `.wp-caption-text`, `[itemprop=caption]`) or
a `data-caption` attribute. A caption's closing buttons ('Vis mer') are no caption text.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...models import SiteRules
from ..document import clean_text, node_text
from ..lazy import compile_on_use
from .lines import (
    holds_any,
    is_bare_label,
    is_credit_text,
    is_name_line,
    is_organisation_line,
)
from .marks import PictureMarks
from .patterns import (
    CAPTION_CLASS_HINTS,
    CAPTION_DATA_ATTRIBUTES,
    CAPTION_SELECTORS,
    CREDIT_CLASS_HINTS,
    CREDIT_ITEMPROPS,
    IMG_SELECTOR,
    MAX_CREDIT_CHARS,
)

# Credit elements named by structure: a <cite> in a caption ('<figcaption>The pier at dawn.
# <cite>AP Photo/Jo Roe</cite></figcaption>'), a figure's own <footer>.
CREDIT_ELEMENTS = ("figcaption cite", "figure > footer")
# Blocks a figcaption is divided into when its last one is a line of names.
NAME_LINE_BLOCKS = frozenset({"div", "p"})
# Inline elements that may open a caption with its credit, and the caption words after it.
INLINE_CREDIT_TAGS = frozenset({"span", "strong", "b", "em", "i", "small", "cite"})
MIN_REST_WORDS = 4
# Words in the name of an empty data attribute marking a caption's credit element.
CREDIT_ATTRIBUTE_HINTS = ("credit", "author", "copyright", "photographer")
CREDIT_SELECTOR = ", ".join([f"[class*={hint} i]" for hint in CREDIT_CLASS_HINTS]
                            + [f"[itemprop={prop}]" for prop in CREDIT_ITEMPROPS]
                            + list(CREDIT_ELEMENTS))
_ANY_CAPTION = ", ".join(CAPTION_SELECTORS)
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo|video)?\s*caption\s*[:,]?\s*", re.IGNORECASE)
MAX_CAPTION_CHARS = 600
# Elements closing a caption that are controls, not caption text, and their most words.
_CAPTION_CONTROLS = "button, [role=button], a[href]"
MAX_CONTROL_WORDS = 3
# A label left closing a caption once its credit element's text is taken out.
_DANGLING_LABEL = compile_on_use(r"\s*(?:[-–—|]\s*)?(?:©|\(c\)|copyright|(?:photo|foto|bild|image|picture"
                                 r"|credit)s?\s*:)\s*$", re.IGNORECASE)
_INNER_BRACKET_SPACE = compile_on_use(r"(?<=[(\[])\s+|\s+(?=[)\]])")
# What continues a credit after its element: a separator and more words ('/ AFP', '| dpa').
_CREDIT_CONTINUES = compile_on_use(r"^(?:[/|]|via\s)\s*\w", re.IGNORECASE)


def credit_element_text(holder: LexborNode, rules: SiteRules | None) -> str | None:
    """The shortest credit-looking element text inside a figure (innermost wins)."""
    selectors = [CREDIT_SELECTOR] + list(rules.credit if rules is not None else ())
    texts: list[str] = []
    for selector in selectors:
        try:
            nodes = holder.css(selector)
        except Exception:  # noqa: BLE001, S112 - a bad site selector must not fail the page
            continue
        for node in nodes:
            text = element_text(node)
            if text and len(text) <= MAX_CREDIT_CHARS and node.css_first(IMG_SELECTOR) is None \
                    and not (_is_caption_element(node) and not is_credit_text(text)) \
                    and not is_bare_label(text):  # '<span class=copyright>Copyright</span>'
                texts.append(_continued_credit(node, text))
    return min(texts, key=len) if texts else _marked_credit(holder)


def _marked_credit(holder: LexborNode) -> str | None:
    """An element of the caption flagged as its credit by an empty data attribute's name
    ('<span data-aida-captionauthor> / Jo Roe</span>')."""
    for node in holder.css("figcaption *"):
        for name, value in node.attributes.items():
            if name.startswith("data-") and not value and holds_any(name, CREDIT_ATTRIBUTE_HINTS):
                text = element_text(node)
                return text if text and len(text) <= MAX_CREDIT_CHARS else None
    return None


def closing_name_line(holder: LexborNode) -> str | None:
    """The last of a figcaption's blocks when it is a line of names after the caption's words
    ('<figcaption><div><span>Divers at the quay.</span></div><div><span>Jo Roe, Harbour
    Times</span></div></figcaption>'); a wrapper holding all of it is looked through."""
    node = holder.css_first("figcaption")
    while node is not None:
        children = [child for child in node.iter() if child.is_element_node]
        if len(children) != 1:
            break
        node = children[0]
    if node is None or len(children) < 2 or any(child.tag not in NAME_LINE_BLOCKS
                                                 for child in children):
        return None  # inline pieces ('Photo by <a>Jo Roe</a> / <a>Unsplash</a>') are one line
    last = node_text(children[-1])
    before = " ".join(node_text(child) for child in children[:-1])
    return last if is_name_line(last, before) else None


def opening_organisation(holder: LexborNode) -> str | None:
    """A figcaption opening with an organisation's name set apart by a line break
    ('<figcaption><span>The Harbour Times</span><br>Divers at the quay …'): its credit."""
    caption = holder.css_first("figcaption")
    first = caption.child if caption is not None else None
    while first is not None and not first.is_element_node and not (first.text_content or "").strip():
        first = first.next
    if first is None or first.tag not in INLINE_CREDIT_TAGS:
        return None
    after = first.next
    while after is not None and not after.is_element_node and not (after.text_content or "").strip():
        after = after.next
    if after is None or after.tag != "br":
        return None
    text = node_text(first)
    rest = node_text(caption)[len(text):]
    return text if len(rest.split()) >= MIN_REST_WORDS and is_organisation_line(text) else None


def _continued_credit(node: LexborNode, text: str) -> str:
    """A credit element with the rest of the credit after it ('<span class=credit>Jo Roe
    </span> / <span class=agency>AFP</span>'): what follows it in its parent when that opens
    with a separator and the whole stays credit-sized."""
    pieces: list[str] = []
    sibling = node.next
    while sibling is not None:
        if sibling.is_element_node and sibling.css_first(IMG_SELECTOR) is not None:
            return text
        pieces.append(sibling.text(deep=True, separator=" ") if sibling.tag != "-comment" else "")
        sibling = sibling.next
    tail = clean_text(" ".join(pieces))
    if not _CREDIT_CONTINUES.match(tail) or len(text) + len(tail) >= MAX_CREDIT_CHARS:
        return text
    return f"{text} {tail}"


def _is_caption_element(node: LexborNode) -> bool:
    """A figcaption, or an element named like a caption and not like a credit."""
    classes = (node.attributes.get("class") or "").lower()
    return node.tag == "figcaption" or (any(hint in classes for hint in CAPTION_CLASS_HINTS)
                                        and not any(hint in classes for hint in CREDIT_CLASS_HINTS))


def named_caption(holder: LexborNode, marks: PictureMarks | None = None) -> str | None:
    """The text of the figure's first caption element, else its `data-caption` attribute.

    A caption element named like a credit ('figcaption.source') is still the caption unless
    its text reads as a credit.
    """
    # one query for all of them first: most figures hold none (the six queries found nothing)
    selectors = CAPTION_SELECTORS if holder.css_first(_ANY_CAPTION) is not None else ()
    for selector in selectors:
        for node in holder.css(selector):
            classes = (node.attributes.get("class") or "").lower()
            text = element_text(node) if node.tag == "meta" else caption_node_text(node)
            if text and not (any(hint in classes for hint in CREDIT_CLASS_HINTS)
                             and (len(text) <= MAX_CREDIT_CHARS and is_credit_text(text))):
                return text
    return data_caption(holder, marks)


def element_text(node: LexborNode) -> str:
    """An element's text, or a microdata <meta>'s content; no space inside its brackets
    ('(<span>Image:</span>Jo Roe)' reads '(Image: Jo Roe)')."""
    if node.tag == "meta":
        return clean_text(node.attributes.get("content"))
    return _INNER_BRACKET_SPACE.sub("", node_text(node))


def caption_node_text(node: LexborNode) -> str:
    """A caption element's text without its closing buttons ('Vis mer', 'Expand') and a short
    link after the caption's last sentence ('… (AP Photo/Jo Roe) more >'); a link after a
    label ('Photo: <a>Jo Roe</a>') is the credit."""
    text = node_text(node)
    for control in reversed(node.css(_CAPTION_CONTROLS)):
        words = node_text(control)
        if not words or len(words.split()) > MAX_CONTROL_WORDS or not text.endswith(words):
            continue
        before = text[:-len(words)].rstrip()
        if control.tag != "a" or before.endswith((".", ")", "!", "?", "]")):
            text = before
    return text


def data_caption(node: LexborNode, marks: PictureMarks | None = None) -> str | None:
    """A `data-caption` attribute on the node or an element inside it (`marks`: the page's
    caption attributes, a lookup before any query)."""
    if marks is not None and not marks.holds_caption_attribute(node):
        return None
    inner = node.css("[data-caption], [data-image-caption]") if node.child is not None else []
    for candidate in [node] + inner:
        attributes = candidate.attributes
        for name in CAPTION_DATA_ATTRIBUTES:
            value = clean_text(attributes.get(name))
            if value:
                return _markup_text(value)
    return None


def _markup_text(value: str) -> str | None:
    """An attribute's text without the markup and entities some themes leave in it
    ('<p>I&#8217;ll explain</p>')."""
    if "<" not in value and "&" not in value:
        return value
    body = LexborHTMLParser(f"<body>{value}</body>").body
    return node_text(body) or None


def short_text(node: LexborNode, limit: int) -> str | None:
    """The node's caption text when it has at most `limit` characters."""
    text = caption_node_text(node)
    return text if text and len(text) <= limit else None


def tidy_caption(caption: str | None, credit_text: str | None) -> str | None:
    """The caption without the credit's text, a 'Caption:' label and dangling separators."""
    if caption and credit_text:  # the credit closes the caption: its last occurrence goes
        caption = _INNER_BRACKET_SPACE.sub("", caption)
        head, found, tail = caption.rpartition(credit_text)
        if found and not tail.strip(" .|–—-"):
            head, tail = _DANGLING_LABEL.sub("", head), ""  # '… - Copyright <credit>'
        caption = f"{head} {tail}" if found else caption
    caption = _CAPTION_LABEL.sub("", clean_text(caption)) if caption else None
    return caption.strip(" |–—-") or None if caption else None
