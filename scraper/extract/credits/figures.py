"""Read one picture of the page: its url, its caption and its credit split into parts.

A picture stands in a figure-like holder (<figure>, .wp-caption) whose caption and
credit elements are found by class; or alone, with its caption in the elements that
follow it or its wrapper (<img> + <span class="featured-image-caption">, Drupal fields),
or in a `data-caption` attribute on a wrapping link. A credit not in an element of its
own is split off the end of the caption.
"""

from __future__ import annotations

import re
from dataclasses import replace

from selectolax.lexbor import LexborNode

from ...models import Image, SiteRules
from ..document import Document, clean_text, node_text
from .images import data_credit, picture_url
from .lines import ParsedCredit, parse_credit, split_trailing_credit
from .patterns import (
    CAPTION_CLASS_HINTS,
    CAPTION_DATA_ATTRIBUTES,
    CAPTION_SELECTORS,
    CREDIT_CLASS_HINTS,
    CREDIT_ITEMPROPS,
    IMG_SELECTOR,
    MAX_CREDIT_CHARS,
)

_CREDIT_SELECTOR = ", ".join([f"[class*={hint} i]" for hint in CREDIT_CLASS_HINTS]
                             + [f"[itemprop={prop}]" for prop in CREDIT_ITEMPROPS])
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo|video)?\s*caption\s*[:,]?\s*", re.IGNORECASE)
# How far up from a lone picture, and how many following elements, a caption is looked for.
SIBLING_LEVELS = 4
SIBLINGS_CHECKED = 3
MAX_CAPTION_CHARS = 600
# Words without which an alt or title text holds no credit (a cheap test first).
ATTRIBUTE_CREDIT_HINTS = ("foto", "photo", "bild", "credit", "crédit", "©", "image", "picture",
                          "courtesy")
# Fewest words of an img title read as a caption ('IMG_2041' or 'Harbour' are no captions).
MIN_TITLE_CAPTION_WORDS = 3
# How far up from an img its figure may be (<figure><a><picture><img>).
FIGURE_LEVELS = 4


def read_picture(document: Document, holder: LexborNode, img: LexborNode,
                 rules: SiteRules | None) -> Image | None:
    """One picture: url, caption, and its credit split into parts; None for chrome."""
    url = picture_url(document, img)
    if url is None:
        return None
    if holder is img:
        caption, credit_text = _lone_picture_texts(img, rules)
    else:
        credit_text = _credit_element_text(holder, rules)
        caption = _caption_text(holder, credit_text)
    credit_text = credit_text or data_credit(img, holder)
    parsed = parse_credit(credit_text) if credit_text else None
    if parsed is None and caption:
        caption, parsed = split_trailing_credit(caption)
    if parsed is None:
        parsed = _attribute_credit(img)
    return with_credit(Image(url=url, caption=caption or None), parsed)


def _attribute_credit(img: LexborNode) -> ParsedCredit | None:
    """A credit ending the img's alt or title text ('Der Hafen bei Nacht. Foto: Jan Ott')."""
    for name in ("title", "alt"):
        text = clean_text(img.attributes.get(name))
        if text and len(text) <= MAX_CAPTION_CHARS and any(
                hint in text.lower() for hint in ATTRIBUTE_CREDIT_HINTS):
            parsed = split_trailing_credit(text, bare_agency=False)[1]
            if parsed is not None:
                return parsed
    return None


def figure_of(img: LexborNode) -> LexborNode:
    """The <figure> (or .wp-caption) around an img, else the img itself."""
    node = img.parent
    for _ in range(FIGURE_LEVELS):
        if node is None or node.tag in ("body", "html", "article", "main"):
            break
        classes = node.attributes.get("class") or ""
        if node.tag == "figure" or "wp-caption" in classes.split():
            return node
        node = node.parent
    return img


def with_credit(image: Image, parsed: ParsedCredit | None) -> Image:
    """Fill an image's empty credit fields from a parsed credit."""
    if parsed is None:
        return image
    return replace(image, credit=image.credit or parsed.credit,
                   photographer=image.photographer or parsed.photographer,
                   credit_source=image.credit_source or parsed.credit_source)


def _credit_element_text(holder: LexborNode, rules: SiteRules | None) -> str | None:
    """The shortest credit-looking element text inside a figure (innermost wins)."""
    selectors = [_CREDIT_SELECTOR] + list(rules.credit if rules is not None else ())
    texts: list[str] = []
    for selector in selectors:
        try:
            nodes = holder.css(selector)
        except Exception:  # noqa: BLE001, S112 - a bad site selector must not fail the page
            continue
        for node in nodes:
            text = node_text(node)
            if text and len(text) <= MAX_CREDIT_CHARS and node.css_first(IMG_SELECTOR) is None:
                texts.append(text)
    return min(texts, key=len) if texts else None


def _caption_text(holder: LexborNode, credit_text: str | None) -> str | None:
    """The figure's caption with its credit element's text removed."""
    caption = None
    for selector in CAPTION_SELECTORS:
        for node in holder.css(selector):
            classes = (node.attributes.get("class") or "").lower()
            if not any(hint in classes for hint in CREDIT_CLASS_HINTS):
                caption = node_text(node)
                break
        if caption:
            break
    caption = caption or _data_caption(holder) or _short_text(holder, MAX_CAPTION_CHARS)
    return _tidy_caption(caption, credit_text)


def _lone_picture_texts(img: LexborNode, rules: SiteRules | None) -> tuple[str | None, str | None]:
    """Caption and credit of a picture outside any figure: its wrappers' following elements."""
    caption: str | None = None
    credit: str | None = None
    node: LexborNode | None = img
    for _ in range(SIBLING_LEVELS):
        if node is None or node.parent is None:
            break
        caption = caption or _data_caption(node)
        for sibling in _next_elements(node):
            caption, credit = _classify_sibling(sibling, caption, credit, rules)
        if caption or credit:
            break
        node = node.parent
    caption = caption or _title_caption(img)
    return _tidy_caption(caption, credit), credit


def _title_caption(img: LexborNode) -> str | None:
    """An img's title as its caption (Joomla, old CMSs) when it ends in a photo credit;
    other titles ('Click to enlarge', the headline again) are no captions."""
    title = clean_text(img.attributes.get("title"))
    if not title or len(title.split()) < MIN_TITLE_CAPTION_WORDS or len(title) > MAX_CAPTION_CHARS:
        return None
    return title if split_trailing_credit(title)[1] is not None else None


def _classify_sibling(sibling: LexborNode, caption: str | None, credit: str | None,
                      rules: SiteRules | None) -> tuple[str | None, str | None]:
    classes = (sibling.attributes.get("class") or "").lower()
    if sibling.tag == "figcaption" or any(hint in classes for hint in CAPTION_CLASS_HINTS):
        if any(hint in classes for hint in CREDIT_CLASS_HINTS):
            return caption, credit or _short_text(sibling, MAX_CREDIT_CHARS)
        inner_credit = _credit_element_text(sibling, rules)
        return caption or _short_text(sibling, MAX_CAPTION_CHARS), credit or inner_credit
    if any(hint in classes for hint in CREDIT_CLASS_HINTS):
        return caption, credit or _short_text(sibling, MAX_CREDIT_CHARS)
    return caption, credit


def _next_elements(node: LexborNode) -> list[LexborNode]:
    found: list[LexborNode] = []
    sibling = node.next
    while sibling is not None and len(found) < SIBLINGS_CHECKED:
        if sibling.is_element_node:
            if sibling.css_first(IMG_SELECTOR) is not None:
                break  # the next picture's territory
            found.append(sibling)
        sibling = sibling.next
    return found


def _data_caption(node: LexborNode) -> str | None:
    for candidate in [node] + node.css("[data-caption], [data-image-caption]"):
        for name in CAPTION_DATA_ATTRIBUTES:
            value = clean_text(candidate.attributes.get(name))
            if value:
                return value
    return None


def _short_text(node: LexborNode, limit: int) -> str | None:
    text = node_text(node)
    return text if text and len(text) <= limit else None


def _tidy_caption(caption: str | None, credit_text: str | None) -> str | None:
    if caption and credit_text:
        caption = caption.replace(credit_text, " ", 1)
    caption = _CAPTION_LABEL.sub("", clean_text(caption)) if caption else None
    return caption.strip(" |–—-") or None if caption else None
