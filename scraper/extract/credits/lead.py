"""The lead picture's caption and credit, looked up in the page as it was fetched.

The body cleaner removes headers and featured-image blocks from the tree before the
images are read, and with them the lead figure and its caption. The original html is
still at hand: the lead image's file name is searched there, and the figure (or the
block) around its first <img> is parsed on its own, a few hundred bytes, not the page.
Without any metadata image, the first figure between the headline and the body's first
words is the lead ("lead art" above the article body).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ...models import Image, SiteRules
from ..document import Document
from .figures import figure_of, read_picture
from .images import MIN_SHARED_STEM, same_picture, search_needle
from .patterns import IMG_SELECTOR

# Bytes looked at before and after the <img> when no <figure> encloses it.
BLOCK_BEFORE = 600
BLOCK_AFTER = 1500
# Farthest a <figure> may open before its <img>, and occurrences of the name tried.
FIGURE_REACH = 3000
MAX_OCCURRENCES = 8
# Farthest before the body's first words a lead figure may open.
LEAD_ART_REACH = 20000
# Words of the body's first paragraph searched in the raw html, and their fewest characters.
SNIPPET_WORDS = 5
MIN_SNIPPET_CHARS = 20


def lead_from_html(document: Document, lead_url: str, rules: SiteRules | None) -> Image | None:
    """Caption and credit of the lead picture from the page's original html, if found."""
    needle = search_needle(lead_url)
    html = document.html
    if len(needle) < MIN_SHARED_STEM:
        return None
    position = html.find(needle)
    for _ in range(MAX_OCCURRENCES):
        if position < 0:
            return None
        tag_start = html.rfind("<", 0, position)
        if tag_start >= 0 and html.startswith(("<img", "<IMG", "<source", "<amp-img"), tag_start):
            found = _read_around(document, html, tag_start, lead_url, rules)
            if found is not None and (found.caption or found.credit):
                return found
        position = html.find(needle, position + len(needle))
    return None


def figure_before_body(document: Document, body_start: str,
                       rules: SiteRules | None) -> Image | None:
    """The first <figure> of the raw html between the headline and the body's first words."""
    html = document.html
    snippet = " ".join(body_start.split()[:SNIPPET_WORDS])
    position = html.find(snippet) if len(snippet) >= MIN_SNIPPET_CHARS else -1
    if position < 0:
        return None
    headline = html.rfind("<h1", 0, position)
    opening = html.find("<figure", max(headline, position - LEAD_ART_REACH), position)
    closing = html.find("</figure>", opening) if opening >= 0 else -1
    if opening < 0 or closing < 0 or closing > position:
        return None
    tree = LexborHTMLParser(f"<html><body>{html[opening:closing + 9]}</body></html>")
    figure = tree.css_first("figure")
    img = figure.css_first(IMG_SELECTOR) if figure is not None else None
    return read_picture(document, figure, img, rules) if figure is not None and img is not None \
        else None


def _read_around(document: Document, html: str, tag_start: int, lead_url: str,
                 rules: SiteRules | None) -> Image | None:
    fragment = _figure_fragment(html, tag_start) or \
        html[max(0, tag_start - BLOCK_BEFORE):tag_start + BLOCK_AFTER]
    tree = LexborHTMLParser(f"<html><body>{fragment}</body></html>")
    for img in tree.css(IMG_SELECTOR):
        picture = read_picture(document, figure_of(img), img, rules)
        if picture is not None and picture.url and same_picture(picture.url, lead_url):
            return picture
    return None


def _figure_fragment(html: str, tag_start: int) -> str | None:
    """The <figure>…</figure> around a tag, when one opens shortly before it."""
    opening = html.rfind("<figure", max(0, tag_start - FIGURE_REACH), tag_start)
    if opening < 0 or html.rfind("</figure", opening, tag_start) >= 0:
        return None
    closing = html.find("</figure>", tag_start)
    return html[opening:closing + len("</figure>")] if closing > 0 else None
