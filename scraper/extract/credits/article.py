"""Which pictures are the article's: the lead, then the pictures the body's container holds.

Pictures were read from the intact page (`collect`); here the body's container (found in
the cleaned tree) decides which of them belong to the article. Pictures in chrome inside it
(related teasers, author boxes, share bars) are left out, as are logos and pixels, which
`images.picture_url` refuses. One Image per distinct picture, the lead first.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ...models import Image, SiteRules
from ..container import is_article_container
from ..document import Document, node_text
from .collect import PagePictures, collect_pictures
from .figures import with_credit
from .images import image_key
from .lead import credited_alt, first_in, lead_art, lead_picture, merge, metadata_lead
from .lines import ParsedCredit, parse_credit
from .patterns import FALLBACK_CONTAINERS, MAX_CREDIT_CHARS

# How far up from the body node an <article> or <main> holding the lead picture may be.
ARTICLE_LEVELS = 6


def extract_images(document: Document, rules: SiteRules | None, main_node: LexborNode | None,
                   pictures: PagePictures | None = None) -> list[Image]:
    """Return the lead image and the images inside the main content node, with credits.

    `pictures` is the page read before the body cleaner ran; without it the tree is read as
    it is now.
    """
    page = pictures if pictures is not None else collect_pictures(document, rules)
    container = main_node if main_node is not None else _fallback_container(document)
    article = article_around(container)
    images: dict[str, Image] = {}
    lead = metadata_lead(document)
    if lead is not None and lead.url:
        lead = merge(lead, lead_picture(page, lead.url, article))
        if not lead.credit:  # a credit only the og:image's alt text gives, printed nowhere
            lead = merge(lead, credited_alt(document))
        images[image_key(lead.url)] = lead
    art = lead_art(page, container, article)
    if art is None and lead is None and article is not None and main_node is not None:
        first = first_in(page, article)
        art = first.image if first is not None else None
    if art is not None and (lead is None or (art.credit and art.credit != lead.credit)):
        _add(images, art)  # without metadata, or a credited picture the metadata's is not
    for picture in page.pictures:
        if container is not None and picture.inside(container) and not picture.chrome(container):
            _add(images, picture.image)
    found = list(images.values())
    if found and not found[0].credit and rules is not None and rules.credit:
        found[0] = with_credit(found[0], _rule_credit(document, rules))
    return found


def article_around(node: LexborNode | None) -> LexborNode | None:
    """The article container (`<article>`, `<main>`, an Article item) at most a few levels
    above the body node, or the node itself; the body's own `articleBody` mark is no article."""
    current = node
    for _ in range(ARTICLE_LEVELS + 1):
        if current is None or current.tag in ("body", "html"):
            return None
        if is_article_container(current) and \
                "articleBody" not in (current.attributes.get("itemprop") or ""):
            return current
        current = current.parent
    return None


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
    images[key] = merge(images[key], image) if key in images else image
