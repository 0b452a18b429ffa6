"""Credit lines in the body paragraphs: moved out of the text and onto the images they credit.

A credit paragraph goes to the image whose caption paragraph it follows, else to the
lead image when that has no credit yet, else to a new Image without url (the og:image
url when there are no images at all). Caption paragraphs repeating an image's caption
leave the body; a short paragraph ending in a labelled credit is a caption too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import Image
from ..document import Document
from ..lazy import compile_on_use
from .caption_index import CaptionIndex
from .figures import with_credit
from .images import metadata_image_url
from .lines import ParsedCredit, match_credit_line, may_end_in_credit, split_trailing_credit
from .names import AGENCY_ALIASES

MAX_CAPTION_PARAGRAPH = 400
# An unlabelled 'X for Y' line, and the words that label a photo credit.
_FOR_ONLY = compile_on_use(r"^[^/|:©()\[\]]+\s(?:for|für|pour|per|para)\s[^/|:©()\[\]]+$")
_PHOTO_WORD = compile_on_use(r"\b(?:photos?|photograph\w*|fotos?|bild|image|picture|credit|by|von|par|por)\b",
                             re.IGNORECASE)
# Closing paragraphs where a bare '© Agency' is the text's copyright notice.
CLOSING_PARAGRAPHS = 2


def split_credit_lines(paragraphs: list[str], images: list[Image],
                       document: Document) -> tuple[list[str], list[Image]]:
    """Move photo-credit lines out of the body and onto the images they credit."""
    kept: list[str] = []
    index_of = CaptionIndex(images)
    after_caption: int | None = None
    # a paragraph longer than a caption is no caption: its text is not searched
    hinted = may_end_in_credit([paragraph if len(paragraph) <= MAX_CAPTION_PARAGRAPH else ""
                                for paragraph in paragraphs])
    for index, paragraph in enumerate(paragraphs):
        parsed = match_credit_line(paragraph)
        if parsed is not None and not _titled_for(paragraph):
            if not _text_copyright(parsed, index, len(paragraphs)):
                _attach(index_of, parsed, after_caption, document)
            after_caption = None
            continue
        caption_of = _caption_index(paragraph, index_of)
        if caption_of is not None:
            after_caption = caption_of
            continue
        if hinted[index]:
            caption, trailing = split_trailing_credit(paragraph, bare_agency=False)
            if trailing is not None:
                _attach_caption(index_of, caption, trailing)
                after_caption = None
                continue
        kept.append(paragraph)
        after_caption = None
    return kept, index_of.images


def _titled_for(paragraph: str) -> bool:
    """'Predictive Analytics for Customer Behavior': a subheading, not 'Jo Roe for The Times'
    (in the body an unlabelled 'X for Y' credits a photo only with a label word or agency)."""
    return _FOR_ONLY.match(paragraph) is not None and _PHOTO_WORD.search(paragraph) is None \
        and AGENCY_ALIASES.search(paragraph) is None


def _text_copyright(parsed: ParsedCredit, index: int, count: int) -> bool:
    """'© Reuters' closing a wire story is the text's copyright: out of the body, on no image."""
    return index >= count - CLOSING_PARAGRAPHS and parsed.photographer is None \
        and parsed.credit.lstrip("( ").lower().startswith(("©", "(c)", "copyright"))


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
