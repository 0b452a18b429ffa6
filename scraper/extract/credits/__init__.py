"""Images, captions and photo credits: the lead image, in-body pictures, credit lines.

`extract_images` reads the lead image from metadata (og:image, twitter:image, JSON-LD
`image` with caption/creditText/copyrightHolder/creator) and the pictures of the main
content node with their captions and credit elements; one Image per distinct picture.
`split_credit_lines` then moves credit lines out of the body paragraphs onto the images
(see `lines` for what counts as a credit line).

A credit paragraph goes to the image whose caption paragraph it follows, else to the
lead image when that has no credit yet, else to a new Image without url (the og:image
url when there are no images at all). Caption paragraphs repeating an image's caption
leave the body; a short paragraph ending in a labelled credit is a caption too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from selectolax.lexbor import LexborNode

from ...models import Image, SiteRules
from ..document import Document, clean_text, node_text
from .caption_index import CaptionIndex
from .figures import figure_of, read_picture, with_credit
from .images import (
    body_pictures,
    image_key,
    jsonld_image,
    metadata_image_url,
    picture_url,
    same_picture,
    search_needle,
)
from .lead import figure_before_body, lead_from_html
from .lines import ParsedCredit, match_credit_line, parse_credit, split_trailing_credit
from .patterns import FALLBACK_CONTAINERS, IMG_SELECTOR, MAX_CREDIT_CHARS

MAX_CAPTION_PARAGRAPH = 400
# Closing paragraphs where a bare '© Agency' is the text's copyright notice.
CLOSING_PARAGRAPHS = 2
# How far up from the body node an <article> or <main> holding the lead picture may be.
ARTICLE_LEVELS = 6


def extract_images(document: Document, rules: SiteRules | None,
                   main_node: LexborNode | None) -> list[Image]:
    """Return the lead image and the images inside the main content node, with credits."""
    images: dict[str, Image] = {}
    lead = _lead_image(document)
    if lead is not None and lead.url:
        images[image_key(lead.url)] = lead
    container = main_node if main_node is not None else _fallback_container(document)
    if lead is None and main_node is not None:
        _add(images, figure_before_body(document, node_text(main_node.css_first("p")), rules)
             or _article_lead(document, main_node, rules))
    if container is not None:
        for holder, img in body_pictures(container):
            _add(images, read_picture(document, holder, img, rules))
    if lead is not None and lead.url:
        key = image_key(lead.url)
        if not (images[key].caption and images[key].credit):
            images[key] = _merge(images[key], _lead_details(document, lead.url, rules))
        if not images[key].credit and main_node is not None:
            _add_lead_art(images, document, main_node, rules)
    found = list(images.values())
    if found and not found[0].credit and rules is not None and rules.credit:
        found[0] = with_credit(found[0], _rule_credit(document, rules))
    return found


def _add_lead_art(images: dict[str, Image], document: Document, main_node: LexborNode,
                  rules: SiteRules | None) -> None:
    """A credited figure between headline and body whose file the metadata image does not
    share (a separate social crop): its own picture, credited."""
    art = figure_before_body(document, node_text(main_node.css_first("p")), rules)
    if art is not None and art.url and art.credit:
        _add(images, art)


def split_credit_lines(paragraphs: list[str], images: list[Image],
                       document: Document) -> tuple[list[str], list[Image]]:
    """Move photo-credit lines out of the body and onto the images they credit."""
    kept: list[str] = []
    index_of = CaptionIndex(images)
    after_caption: int | None = None
    for index, paragraph in enumerate(paragraphs):
        parsed = match_credit_line(paragraph)
        if parsed is not None:
            if not _text_copyright(parsed, index, len(paragraphs)):
                _attach(index_of, parsed, after_caption, document)
            after_caption = None
            continue
        caption_of = _caption_index(paragraph, index_of)
        if caption_of is not None:
            after_caption = caption_of
            continue
        if len(paragraph) <= MAX_CAPTION_PARAGRAPH:
            caption, trailing = split_trailing_credit(paragraph, bare_agency=False)
            if trailing is not None:
                _attach_caption(index_of, caption, trailing)
                after_caption = None
                continue
        kept.append(paragraph)
        after_caption = None
    return kept, index_of.images


def _text_copyright(parsed: ParsedCredit, index: int, count: int) -> bool:
    """'© Reuters' closing a wire story is the text's copyright: out of the body, on no image."""
    return index >= count - CLOSING_PARAGRAPHS and parsed.photographer is None \
        and parsed.credit.lstrip("( ").lower().startswith(("©", "(c)", "copyright"))


def _lead_image(document: Document) -> Image | None:
    """The og:image / JSON-LD / twitter:image picture, with JSON-LD caption and credit."""
    meta_url = metadata_image_url(document)
    described = jsonld_image(document)
    url = meta_url or (described or {}).get("url")
    if not url:
        return None
    lead = Image(url=url)
    if described is not None:
        lead = _merge(lead, _from_jsonld(described))
    return lead


def _article_lead(document: Document, main_node: LexborNode,
                  rules: SiteRules | None) -> Image | None:
    """Without metadata, the first picture of the article around the body is its lead."""
    node = main_node.parent
    for _ in range(ARTICLE_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return None
        if node.tag in ("article", "main"):
            for holder, img in body_pictures(node):
                picture = read_picture(document, holder, img, rules)
                if picture is not None:
                    return picture
            return None
        node = node.parent
    return None


def _lead_details(document: Document, url: str, rules: SiteRules | None) -> Image | None:
    """Caption and credit of the lead picture: a figure still in the tree, else the raw html."""
    for img in _imgs_named(document, search_needle(url)):
        found = picture_url(document, img)
        if found and same_picture(found, url):
            picture = read_picture(document, figure_of(img), img, rules)
            if picture is not None and (picture.caption or picture.credit):
                return picture
    return lead_from_html(document, url, rules)


def _imgs_named(document: Document, stem: str) -> list[LexborNode]:
    """The picture elements with an attribute holding a file name."""
    if len(stem) < 4 or stem not in document.html:
        return []
    return [img for img in document.tree.css(IMG_SELECTOR)
            if any(stem in (value or "") for value in img.attributes.values())]


def _from_jsonld(obj: dict[str, Any]) -> Image:
    """Caption and credit fields of a schema.org ImageObject."""
    caption = _text(obj.get("caption")) or _text(obj.get("description"))
    credit = _text(obj.get("creditText")) or _text(obj.get("copyrightNotice"))
    parsed = parse_credit(credit) if credit else None
    if parsed is None and caption:
        caption, parsed = split_trailing_credit(caption)
        credit = parsed.credit if parsed else None
    photographer = (parsed.photographer if parsed else None) or _name(obj.get("creator")) \
        or _name(obj.get("author"))
    source = (parsed.credit_source if parsed else None) or _name(obj.get("copyrightHolder"))
    if source == photographer:
        source = None
    return Image(url=obj.get("url"), caption=caption, credit=credit,
                 photographer=photographer, credit_source=source)


def _rule_credit(document: Document, rules: SiteRules) -> ParsedCredit | None:
    for selector in rules.credit:
        try:
            node = document.tree.css_first(selector)
        except Exception:  # noqa: BLE001, S112 - never fail a page on a site selector
            continue
        text = node_text(node)
        if text and len(text) <= MAX_CREDIT_CHARS:
            return parse_credit(text)
    return None


def _fallback_container(document: Document) -> LexborNode | None:
    for selector in FALLBACK_CONTAINERS:
        node = document.tree.css_first(selector)
        if node is not None:
            return node
    return None


def _add(images: dict[str, Image], image: Image | None) -> None:
    if image is None or not image.url:
        return
    key = image_key(image.url)
    images[key] = _merge(images[key], image) if key in images else image


def _merge(first: Image, second: Image | None) -> Image:
    """Fill the empty fields of `first` from `second`."""
    if second is None:
        return first
    return Image(url=first.url or second.url, caption=first.caption or second.caption,
                 credit=first.credit or second.credit,
                 photographer=first.photographer or second.photographer,
                 credit_source=first.credit_source or second.credit_source)


def _attach(images: CaptionIndex, parsed: ParsedCredit, after_caption: int | None,
            document: Document) -> None:
    """Give a credit paragraph to the captioned image, the lead image, or a new image."""
    if images.has_credit(parsed.credit):
        return
    if after_caption is not None and not images[after_caption].credit:
        target = after_caption
    elif images and not images[0].credit:
        target = 0
    else:
        url = metadata_image_url(document) if not images else None
        images.append(with_credit(Image(url=url), parsed))
        return
    images[target] = with_credit(images[target], parsed)


def _attach_caption(images: CaptionIndex, caption: str, parsed: ParsedCredit) -> None:
    """A caption paragraph ending in a credit: onto its image, the bare lead, or a new image."""
    index = _caption_index(caption, images)
    if index is None and images and not images[0].credit and not images[0].caption:
        index = 0
    if index is None:
        images.append(with_credit(Image(url=None, caption=caption or None), parsed))
        return
    image = images[index]
    images[index] = with_credit(replace(image, caption=image.caption or caption or None), parsed)


def _caption_index(paragraph: str, images: CaptionIndex) -> int | None:
    """Index of the image whose caption (with or without its credit) the paragraph repeats."""
    if len(paragraph) > MAX_CAPTION_PARAGRAPH:
        return None
    return images.find(paragraph)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("text")
    return clean_text(value) or None if isinstance(value, str) else None


def _name(value: Any) -> str | None:
    """The name of a schema.org Person/Organization (or list of them, or a plain string)."""
    return _text(value)
