"""Caption and credit of a picture outside any figure: what its wrappers hold after it.

Elements following the picture (or a wrapper of it) are its caption or credit when named so
(`<span class="featured-image-caption">`, Drupal's `.field-image-credit`). A wrapper holding
nothing but the picture and one or two short texts is a figure without the tag: the first text
is the caption, a closing text reading as a credit ('Image: Ana Roux', 'REUTERS') the credit.
An img title ending in a credit is a caption too (Joomla and older CMSs).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ...models import SiteRules
from ..document import clean_text, node_text
from .lines import holds_any, is_credit_text, is_name_line, split_trailing_credit
from .marks import PictureMarks
from .patterns import CAPTION_CLASS_HINTS, CREDIT_CLASS_HINTS, IMG_SELECTOR, MAX_CREDIT_CHARS
from .texts import (
    MAX_CAPTION_CHARS,
    caption_node_text,
    credit_element_text,
    data_caption,
    short_text,
    tidy_caption,
)

# How far up from a lone picture, and how many following elements, a caption is looked for.
SIBLING_LEVELS = 4
SIBLINGS_CHECKED = 3
# Fewest words of an img title read as a caption ('IMG_2041' or 'Harbour' are no captions).
MIN_TITLE_CAPTION_WORDS = 3
# Elements that hold a figure's unnamed caption or credit text, and that never do.
TEXT_TAGS = frozenset({"div", "span", "p", "small", "em", "i", "cite", "figcaption", "strong",
                       "b"})
NOT_A_FIGURE = "h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote, form, iframe, video"
# Blocks inside a text: more than one makes it a layout column rather than a caption line.
BLOCK_CHILDREN = "div, p, ul, ol, table, h2, h3, h4, section"
MAX_PICTURES_IN_WRAPPER = 2  # the picture and its <noscript> copy
# Characters of a figure-like wrapper's text outside its caption lines ('Expand', '1/4').
OTHER_TEXT_CHARS = 24


def lone_picture_texts(img: LexborNode, rules: SiteRules | None, named_only: bool = False,
                       marks: PictureMarks | None = None,
                       attributes: dict[str, str | None] | None = None
                       ) -> tuple[str | None, str | None]:
    """Caption and credit of a picture outside any figure: its wrappers' following elements.

    `named_only` (a <figure> whose caption follows it): only elements named a caption or
    credit count, no data attribute, unnamed text line or title. `marks`: the page's
    pictures and caption attributes (else each element is queried); `attributes`: the img's,
    when the caller has read them.
    """
    caption: str | None = None
    credit: str | None = None
    node: LexborNode | None = img
    for _ in range(SIBLING_LEVELS):
        if node is None or node.parent is None:
            break
        caption = caption or (None if named_only else data_caption(node, marks))
        siblings = _next_elements(node, marks)
        for sibling in siblings:
            caption, credit = _classify_sibling(sibling, caption, credit, rules)
        if not (caption or credit or named_only):
            caption, credit = _unnamed_texts(node.parent, siblings, marks)
        elif credit and not (caption or named_only):
            caption = _caption_before_credit(node.parent, siblings, credit, marks)
        if caption or credit:
            credit = credit or (None if named_only else _credit_line_before(node))
            break
        node = node.parent
    if not caption:
        caption = None if named_only else _title_caption(
            img.attributes if attributes is None else attributes)
    return tidy_caption(caption, credit), credit


def _credit_line_before(node: LexborNode) -> str | None:
    """A credit line opening the picture's wrapper, right before it ('<div><span>Foto: Jo
    Roe</span><img><div>caption</div></div>')."""
    before = _previous_element(node)
    if before is None or before.tag not in TEXT_TAGS or _previous_element(before) is not None:
        return None
    text = node_text(before)
    return text if text and len(text) <= MAX_CREDIT_CHARS and is_credit_text(text) else None


def _previous_element(node: LexborNode) -> LexborNode | None:
    sibling = node.prev
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.prev
    return sibling


def _figure_like(wrapper: LexborNode, marks: PictureMarks | None = None) -> int | None:
    """The visible characters of a wrapper holding only the picture and short texts (no
    headings, lists, tables, other pictures), else None; remembered in `marks` (the pictures
    of a body or a gallery share their wrappers, and a body's text is long to read)."""
    if marks is None:
        return _read_figure_like(wrapper)
    key = wrapper.mem_id
    if key not in marks.wrappers:
        marks.wrappers[key] = _read_figure_like(wrapper)
    return marks.wrappers[key]


def _read_figure_like(wrapper: LexborNode) -> int | None:
    """`_figure_like`, read from the tree."""
    if wrapper.tag in ("body", "html", "article", "main"):
        return None
    # the queries first: a wrapper with headings or lists is not read to its last character
    if wrapper.css_first(NOT_A_FIGURE) is not None \
            or len(wrapper.css(IMG_SELECTOR)) > MAX_PICTURES_IN_WRAPPER:
        return None
    chars = _visible_chars(wrapper)
    return None if chars > MAX_CAPTION_CHARS + MAX_CREDIT_CHARS else chars


def _unnamed_texts(wrapper: LexborNode, siblings: list[LexborNode],
                   marks: PictureMarks | None = None) -> tuple[str | None, str | None]:
    """The caption and credit: one or two unnamed text lines after the picture that hold all
    the text of a figure-like wrapper (nothing before the picture: a figure opens with it)."""
    if not siblings or (marks is not None and marks.wrappers.get(wrapper.mem_id, 0) is None):
        return None, None  # no lines, or a wrapper already read as no figure
    if not all(sibling.tag in TEXT_TAGS and _text_line(sibling) for sibling in siblings):
        return None, None
    chars = _figure_like(wrapper, marks)
    if chars is None:
        return None, None  # before reading the lines' texts
    texts = [text for text in (caption_node_text(sibling) for sibling in siblings) if text]
    if not texts or chars > sum(len(text) + 1 for text in texts) + OTHER_TEXT_CHARS:
        return None, None
    credit = texts[-1] if is_credit_text(texts[-1]) or (
        len(texts) == 2 and is_name_line(texts[1], texts[0])) else None
    caption = texts[0] if texts[0] is not credit else None
    return caption, credit


def _caption_before_credit(wrapper: LexborNode, siblings: list[LexborNode], credit: str,
                           marks: PictureMarks | None = None) -> str | None:
    """The unnamed text line between a picture and its named credit ('<picture>
    <p class=lead>Jo Roe at the pier</p><p class=image-author>Photo: AP</p>'): the caption,
    when the wrapper holds nothing else."""
    caption, _ = _unnamed_texts(wrapper, siblings, marks)
    if caption is None or caption == credit or is_credit_text(caption):
        return None
    return caption


def _visible_chars(node: LexborNode) -> int:
    """Characters of an element's text outside scripts and styles (JSON-LD beside a picture)."""
    hidden = sum(len(node_text(script)) for script in node.css("script, style, template"))
    return len(" ".join(node.text(deep=True, separator=" ").split())) - hidden


def _text_line(node: LexborNode) -> bool:
    """A caption line: at most one block inside and no links (a layout column of a listing
    holds several lines, its name linked)."""
    if node.css_first("a[href]") is not None:
        return False  # one query that may stop early, first
    blocks = [block for block in node.css(BLOCK_CHILDREN) if block.mem_id != node.mem_id]
    return len(blocks) <= 1


def _title_caption(attributes: dict[str, str | None]) -> str | None:
    """An img's title as its caption when it ends in a photo credit; other titles ('Click to
    enlarge', the headline again) are no captions."""
    title = clean_text(attributes.get("title"))
    if not title or len(title.split()) < MIN_TITLE_CAPTION_WORDS or len(title) > MAX_CAPTION_CHARS:
        return None
    return title if split_trailing_credit(title)[1] is not None else None


def _classify_sibling(sibling: LexborNode, caption: str | None, credit: str | None,
                      rules: SiteRules | None) -> tuple[str | None, str | None]:
    sibling, tag, classes = _named_inside(sibling)
    classes = classes.lower()
    figcaption = tag == "figcaption"
    if not classes and not figcaption:
        return caption, credit  # no name to read
    if figcaption or holds_any(classes, CAPTION_CLASS_HINTS):
        if holds_any(classes, CREDIT_CLASS_HINTS):
            whole = short_text(sibling, MAX_CREDIT_CHARS)
            if whole or caption or credit:
                return caption, credit or whole
            # a 'credit-caption' box too long for a credit holds both: read as a caption
        inner_credit = credit_element_text(sibling, rules)
        return caption or short_text(sibling, MAX_CAPTION_CHARS), credit or inner_credit
    if holds_any(classes, CREDIT_CLASS_HINTS):
        return caption, credit or short_text(sibling, MAX_CREDIT_CHARS)
    return caption, credit


def _named_inside(box: LexborNode) -> tuple[LexborNode, str, str]:
    """An unnamed paragraph or div whose one element holds all its text stands for that element
    ('<p><span class="article-caption">…</span></p>'); any other element for itself. With
    the element's tag and class (each read of a node builds a new object)."""
    tag, classes = box.tag, box.attributes.get("class") or ""
    if tag not in ("p", "div") or classes:
        return box, tag, classes
    children = [child for child in box.iter() if child.is_element_node]
    if len(children) != 1 or node_text(children[0]) != node_text(box):
        return box, tag, classes
    child = children[0]
    return child, child.tag, child.attributes.get("class") or ""


def _next_elements(node: LexborNode, marks: PictureMarks | None) -> list[LexborNode]:
    found: list[LexborNode] = []
    sibling = node.next
    while sibling is not None and len(found) < SIBLINGS_CHECKED:
        if sibling.is_element_node:
            if marks.holds_picture(sibling) if marks is not None \
                    else sibling.css_first(IMG_SELECTOR) is not None:
                break  # the next picture's territory
            found.append(sibling)
        sibling = sibling.next
    return found
