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
from ..document import clean_text
from .images import attributes_credit, data_credit
from .lines import (
    ParsedCredit,
    holds_any,
    is_credit_text,
    parse_credit,
    split_leading_credit,
    split_trailing_credit,
)
from .lone import lone_picture_texts
from .marks import PictureMarks
from .texts import (
    MAX_CAPTION_CHARS,
    closing_name_line,
    credit_element_text,
    named_caption,
    opening_organisation,
    short_text,
    tidy_caption,
)

# Words without which an alt or title text holds no credit (a cheap test first).
ATTRIBUTE_CREDIT_HINTS = ("foto", "photo", "bild", "credit", "crédit", "©", "image", "picture",
                          "courtesy")
_WORD = re.compile(r"\w+")
# How far up from an img its figure may be (<figure><a><picture><img>).
FIGURE_LEVELS = 6


def read_picture(holder: LexborNode, img: LexborNode, url: str, rules: SiteRules | None,
                 marks: PictureMarks | None = None,
                 attributes: dict[str, str | None] | None = None) -> Image:
    """One picture at its url (`images.picture_url`): caption, and its credit split into parts
    (`marks`: the page's pictures and caption attributes, else each element is queried;
    `attributes`: the img's, when the caller has read them)."""
    attributes = img.attributes if attributes is None else attributes
    if holder is img:
        caption, credit_text = lone_picture_texts(img, rules, marks=marks, attributes=attributes)
    else:
        caption, credit_text = _figure_texts(holder, rules, marks)
    # a lone picture is its own holder: its attributes were asked already
    credit_text = credit_text or attributes_credit(attributes) \
        or (None if holder is img else data_credit(holder))
    if credit_text and not is_credit_text(credit_text):
        rest, trailing = split_trailing_credit(credit_text)
        if trailing is not None:  # a credit element holding the caption: '<caption> | Photo by X'
            caption, credit_text = caption or rest or None, trailing.credit
    parsed = parse_credit(credit_text) if credit_text else None
    if parsed is not None and parsed.photographer is None and caption:
        caption, parsed = _fuller_caption_credit(caption, parsed)
    if parsed is None and caption and is_credit_text(caption):
        caption, parsed = None, parse_credit(caption)  # the caption is only a credit
    if parsed is None and caption:
        caption, parsed = split_trailing_credit(caption)
    if parsed is None and caption:
        caption, parsed = split_leading_credit(caption)
    if parsed is None:
        parsed = _attribute_credit(attributes)
    return with_credit(Image(url=url, caption=caption or None), parsed)


def _fuller_caption_credit(caption: str, parsed: ParsedCredit) -> tuple[str, ParsedCredit]:
    """A credit element naming only the source, and the caption closing with the whole credit
    ('… (AP Photo/Jo Roe)' beside '<span class=credit>AP Photo</span>'): the caption's."""
    rest, trailing = split_trailing_credit(caption)
    if trailing is None or trailing.photographer is None:
        return caption, parsed
    named = _WORD.findall((parsed.credit_source or parsed.credit).lower())
    return (rest, trailing) if set(named) <= set(_WORD.findall(trailing.credit.lower())) \
        else (caption, parsed)


def _figure_texts(holder: LexborNode, rules: SiteRules | None, marks: PictureMarks | None
                  ) -> tuple[str | None, str | None]:
    """Caption and credit of a figure: its named elements, else a caption following it
    (<figure><img></figure><figcaption>…), else the figure's own short text."""
    credit_text = credit_element_text(holder, rules)
    named = named_caption(holder, marks)
    caption = tidy_caption(named, credit_text)
    if caption:
        line = None if credit_text else closing_name_line(holder) or opening_organisation(holder)
        return (tidy_caption(caption, line), line) if line else (caption, credit_text)
    after_caption, after_credit = lone_picture_texts(holder, rules, named_only=True, marks=marks)
    if after_caption or (after_credit and not credit_text):
        return after_caption, credit_text or after_credit
    if named:  # a named caption that tidies to nothing: the figure's own text is not asked
        return caption, credit_text
    return tidy_caption(short_text(holder, MAX_CAPTION_CHARS), credit_text), credit_text


def _attribute_credit(attributes: dict[str, str | None]) -> ParsedCredit | None:
    """A credit ending the img's alt or title text ('Der Hafen bei Nacht. Foto: Jan Ott')."""
    for name in ("title", "alt"):
        text = clean_text(attributes.get(name))
        if text and len(text) <= MAX_CAPTION_CHARS and holds_any(text.lower(),
                                                                  ATTRIBUTE_CREDIT_HINTS):
            parsed = split_trailing_credit(text, bare_agency=False)[1]
            if parsed is not None:
                return parsed
    return None


def figure_of(img: LexborNode) -> LexborNode:
    """The <figure> (or .wp-caption) around an img, else the img itself (Drupal wraps the
    img in an <article> of its own inside the figure)."""
    node = img.parent
    for _ in range(FIGURE_LEVELS):
        if node is None:
            break
        tag = node.tag
        if tag in ("body", "html", "main"):
            break
        if tag == "figure":
            return node
        classes = node.attributes.get("class") or ""
        if "wp-caption" in classes and "wp-caption" in classes.split():
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
