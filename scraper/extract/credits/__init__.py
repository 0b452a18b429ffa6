"""Images, captions and photo credits: the lead image, in-body pictures, credit lines.

`collect_pictures` reads every picture of the intact page (before the body cleaner runs)
with its caption and credit elements; `extract_images` keeps the article's: the lead image
named by the metadata (og:image, twitter:image, JSON-LD `image`) and the pictures the main
content node holds, one Image per distinct picture. `split_credit_lines` then moves credit
lines out of the body paragraphs onto the images (see `lines` for what counts as a credit
line).
"""

from __future__ import annotations

from .article import extract_images
from .collect import PagePictures, collect_pictures
from .paragraphs import split_credit_lines

__all__ = ["PagePictures", "collect_pictures", "extract_images", "split_credit_lines"]
