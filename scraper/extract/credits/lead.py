"""The lead picture: named by the page's metadata, found among the pictures of the page.

The metadata (og:image, twitter:image, JSON-LD `image`) names the lead and may describe it
(an ImageObject's caption, creditText, copyrightHolder, creator); its printed caption and
credit come from the figure showing the same picture. Without metadata, the first picture
between the headline and the body's first paragraph is the lead ("lead art").
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborNode

from ...models import Image
from ..document import Document, clean_text
from .collect import PagePictures, Picture
from .images import jsonld_image, metadata_image_url, same_picture
from .lines import parse_credit, split_trailing_credit

# Fewest words of an ImageObject's name read as a caption, and a name that is a file.
MIN_NAME_CAPTION_WORDS = 3
_FILE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp)$", re.IGNORECASE)


def metadata_lead(document: Document) -> Image | None:
    """The og:image / JSON-LD / twitter:image picture, with JSON-LD caption and credit."""
    meta_url = metadata_image_url(document)
    described = jsonld_image(document)
    url = meta_url or (described or {}).get("url")
    if not url:
        return None
    lead = Image(url=url)
    if described is not None:
        lead = merge(lead, from_jsonld(described))
    return lead


def credited_alt(document: Document) -> Image | None:
    """The og:image's alt text when it closes with a photo credit ('Divers at the quay.
    REUTERS/Jo Roe'): a caption and its credit, as an img title reads."""
    alt = document.meta_first("og:image:alt", "twitter:image:alt")
    if not alt:
        return None
    caption, parsed = split_trailing_credit(alt)
    if parsed is None:
        return None
    return Image(url=None, caption=caption or None, credit=parsed.credit,
                 photographer=parsed.photographer, credit_source=parsed.credit_source)


def lead_picture(page: PagePictures, url: str, article: LexborNode | None) -> Image | None:
    """The page's reading of the lead picture: a described one, outside chrome, in the article
    first."""
    candidates = [picture for picture in page.pictures
                  if picture.image.url and same_picture(picture.image.url, url)]
    candidates.sort(key=lambda picture: (not (picture.image.caption or picture.image.credit),
                                         picture.chrome(article), not picture.inside(article)))
    return candidates[0].image if candidates else None


def lead_art(page: PagePictures, body_node: LexborNode | None,
             article: LexborNode | None) -> Image | None:
    """The first picture after the headline (or inside the article) before the body starts."""
    start = page.position_of(body_node.css_first("p")) if body_node is not None else None
    if start is None:
        return None
    headline = max((position for position in page.headlines if position < start), default=None)
    for picture in page.pictures:
        if picture.position >= start:
            return None
        if picture.chrome(article) or picture.inside(body_node):
            continue
        if (headline is not None and picture.position > headline) or \
                (headline is None and picture.inside(article)):
            return picture.image
    return None


def first_in(page: PagePictures, scope: LexborNode) -> Picture | None:
    """The first picture of a container that is not chrome."""
    return next((picture for picture in page.pictures
                 if picture.inside(scope) and not picture.chrome(scope)), None)


def merge(first: Image, second: Image | None) -> Image:
    """Fill the empty fields of `first` from `second`."""
    if second is None:
        return first
    return Image(url=first.url or second.url, caption=first.caption or second.caption,
                 credit=first.credit or second.credit,
                 photographer=first.photographer or second.photographer,
                 credit_source=first.credit_source or second.credit_source)


def from_jsonld(obj: dict[str, Any]) -> Image:
    """Caption and credit fields of a schema.org ImageObject."""
    caption = _text(obj.get("caption")) or _text(obj.get("description")) \
        or _name_caption(_text(obj.get("name")))
    credit = _text(obj.get("creditText")) or _text(obj.get("copyrightNotice"))
    parsed = parse_credit(credit) if credit else None
    if parsed is None and caption:
        caption, parsed = split_trailing_credit(caption)
        credit = parsed.credit if parsed else None
    photographer = (parsed.photographer if parsed else None) or _text(obj.get("creator")) \
        or _text(obj.get("author"))
    source = (parsed.credit_source if parsed else None) or _text(obj.get("copyrightHolder"))
    if source == photographer:
        source = None
    return Image(url=obj.get("url"), caption=caption, credit=credit,
                 photographer=photographer, credit_source=source)


def _name_caption(name: str | None) -> str | None:
    """An ImageObject's name read as its caption when it is a phrase ('Divers at the pier at
    dawn'), not a file or a single word ('IMG_2041.jpg')."""
    if not name or len(name.split()) < MIN_NAME_CAPTION_WORDS or _FILE_NAME.search(name):
        return None
    return name


def _text(value: Any) -> str | None:
    """A plain string, or the name of a schema.org Person/Organization (first of a list)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("text")
    return clean_text(value) or None if isinstance(value, str) else None
