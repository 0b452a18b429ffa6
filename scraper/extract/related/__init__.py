"""Related-article links: the links of related / read-more blocks, absolutized, in page order.

Blocks are found by `blocks`, or by the site rules' `related` selectors, which win
when they match (blocks a heading or line labels, "Read more:", "Mehr zum Thema", are kept
beside them). From each block every link is kept unless it points to the page itself,
the home page, a tag / category / author / comment / share / feed url, or carries
rel=tag / rel=author. A link's title is its own text, or the teaser's heading when the link
wraps a whole teaser (heading, excerpt, photo credit) or only an image; generic labels
("Read more", "Continue reading") are replaced by the teaser's heading or dropped. One url
appears once, at its first place, with the best title any of its links gave.

An inline "Read more: <a>...</a>" line inside the body counts as a related block of one link:
it is an editor's pointer to another article, exactly what the record's `related` lists.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from ...models import Link, SiteRules
from ..document import Document, node_text, squash, unescape
from ..lazy import compile_on_use
from ..nodes import ancestors, class_and_id, same_node
from .blocks import HEADING_TAGS, find_blocks, find_rule_blocks, is_generic, related_label

# Paths, queries and fragments of pages that are no articles, and share or mail links: what
# NOT_ARTICLE_URL finds; an ASCII url is lowercased and tested part by part (a search for "/"
# or a substring test each), not case-folded at every character by one search of them all.
_NOT_ARTICLE_PATH = (
    r"/(?:tags?|category|categories|topics?|authors?|author-profile|profiles?|users?|people|"
    r"autor(?:en)?|auteurs?|journalists?|staff|"
    r"members?|search|login|signin|signup|sign-up|register|subscribe|subscription|feed|rss|"
    r"comments?|about|contact|privacy|terms|cookies?|advertise|shop|cart|account)(?:/|$|\?|\.)|"
    r"/quicktabs/|/faqs?/|/help/")
_NOT_ARTICLE_QUERY = r"[?&](?:share|replytocom|s)="
_NOT_ARTICLE_FRAGMENT = r"#(?:comments?|respond|disqus)"
_NOT_ARTICLE_PARTS = ("newsletter", "facebook.com/sharer", "twitter.com/intent", "twitter.com/share",
                      "x.com/intent", "linkedin.com/share", "reddit.com/submit", "whatsapp",
                      "t.me/share", "mailto:", "wa.me/")
_PINTEREST_PIN = r"pinterest\.[a-z.]+/pin"
NOT_ARTICLE_URL = compile_on_use(
    "|".join((_NOT_ARTICLE_PATH, _NOT_ARTICLE_QUERY, _NOT_ARTICLE_FRAGMENT,
              *map(re.escape, _NOT_ARTICLE_PARTS), _PINTEREST_PIN)), re.IGNORECASE)
_NOT_ARTICLE_PATH_LOWER = compile_on_use(_NOT_ARTICLE_PATH)
_NOT_ARTICLE_QUERY_LOWER = compile_on_use(_NOT_ARTICLE_QUERY)
_NOT_ARTICLE_FRAGMENT_LOWER = compile_on_use(_NOT_ARTICLE_FRAGMENT)
_PINTEREST_PIN_LOWER = compile_on_use(_PINTEREST_PIN)
NOT_ARTICLE_REL = frozenset({"tag", "author", "category", "sponsored", "me", "license"})
HEADING_SELECTOR = ", ".join(HEADING_TAGS)
TITLE_PARTS = "h2, h3, h4, h5, h6, [class*=title i], [class*=headline i], [class*=heading i]"
NOT_TITLE_HINT = compile_on_use(r"subtitle|kicker|label|categor|eyebrow|section|credit|caption")
CREDIT_PARTS = ("figcaption, [class*=credit i], [class*=caption i], [class*=copyright i], "
                "[class*=kicker i], [class*=eyebrow i]")  # credits, and kickers before titles
FILE_SUFFIX = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|csv|zip|jpe?g|png|gif|webp|svg|mp[34]|"
                         r"mov|avi|ics|epub)$", re.IGNORECASE)
TEASER_LEVELS = 3
MIN_HEADING_WORDS = 3             # shorter headings in teasers are kickers ("News Cloud")
LABEL_LEVELS = 3
TITLE_MAX_WORDS = 30
SECTION_TITLE_WORDS = 2
SECTION_DEPTH = 2
MAX_TITLE_CHARS = 250
MAX_LINKS = 60


def extract_related(document: Document, rules: SiteRules | None) -> list[Link]:
    """Return the links of related / read-more blocks, absolutized, in page order."""
    blocks = _rule_blocks(document, rules) or find_blocks(document)
    own = _own_urls(document)
    found: dict[str, str | None] = {}
    ranks: dict[str, tuple[int, int]] = {}
    for block in blocks:
        for link, scope in _links_of(block):
            url = _article_url(document, link, own)
            if url is None or _in_label_heading(link, scope):
                continue
            title, quality = _title(link, scope)
            if url not in found and _is_section_link(url, title, link):
                continue
            rank = _title_rank(title, quality)
            if url not in found or rank > ranks[url]:
                found[url], ranks[url] = title, rank
        if len(found) >= MAX_LINKS:
            break
    return [Link(url=url, title=title) for url, title in list(found.items())[:MAX_LINKS]]


def _title_rank(title: str | None, quality: int) -> tuple[int, int]:
    """How good a title is: visible text over alt text, then more words, up to an excerpt's."""
    words = len(title.split()) if title else 0
    return (quality, words if words <= TITLE_MAX_WORDS else 0)


def _in_label_heading(link: LexborNode, scope: LexborNode) -> bool:
    """True for a link that is the block's own label ("More in <a>Science</a>")."""
    for parent in ancestors(link, LABEL_LEVELS):
        if same_node(parent, scope):
            break
        if parent.tag in HEADING_TAGS:
            return related_label(node_text(parent))
    heading = link.css_first(HEADING_SELECTOR) if _has_elements(link) else None
    return heading is not None and related_label(node_text(heading))


def _has_elements(node: LexborNode) -> bool:
    """True when a node holds elements, not only text: worth a CSS query inside it."""
    return next(node.iter(include_text=False), None) is not None


def _is_section_link(url: str, title: str | None, link: LexborNode) -> bool:
    """A link to a section front: named like its one-word path ('Tech' -> /tech/), or
    labelled 'More in ...' and pointing to a path without an article's id or date."""
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    if any(ch.isdigit() or ch == "." for segment in segments for ch in segment):
        return False
    text = unescape(node_text(link))
    if len(segments) <= SECTION_DEPTH and text and is_generic(text):
        return True
    if len(segments) > 1 or not title or len(title.split()) > SECTION_TITLE_WORDS:
        return False
    return squash(segments[0] if segments else "") == squash(title)


def _rule_blocks(document: Document, rules: SiteRules | None) -> list[list[LexborNode]]:
    if rules is None or not rules.related:
        return []
    return find_rule_blocks(document, rules.related)


def _links_of(block: list[LexborNode]) -> list[tuple[LexborNode, LexborNode]]:
    """Each link of a block with the block node it came from (the teaser search stops there)."""
    pairs: list[tuple[LexborNode, LexborNode]] = []
    for node in block:
        if node.tag == "a":
            pairs.append((node, node))
        else:
            pairs.extend((link, node) for link in node.css("a[href]"))
    return pairs


def _own_urls(document: Document) -> set[str]:
    urls = {document.url, document.base_url}
    canonical = document.tree.head.css_first("link[rel~=canonical i]") if document.tree.head else None
    if canonical is not None:
        urls.add(document.absolutize(canonical.attributes.get("href")))
    return {_comparable(url) for url in urls if url}


def _comparable(url: str) -> str:
    """The url without scheme, www., fragment and trailing slash: two spellings of one page."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def _article_url(document: Document, link: LexborNode, own: set[str]) -> str | None:
    attrs = link.attributes
    if NOT_ARTICLE_REL & set((attrs.get("rel") or "").lower().split()):
        return None
    url = document.absolutize(attrs.get("href"))
    if not url or _not_article_url(url):
        return None
    parts = urlsplit(url)
    if FILE_SUFFIX.search(parts.path):
        return None  # a download (a PDF, an image), not an article
    if parts.path.strip("/") in ("", "index.html", "index.php") and not parts.query:
        return None
    if _comparable(url) in own:
        return None
    return url.split("#", 1)[0]


def _not_article_url(url: str) -> bool:
    """True for a url `NOT_ARTICLE_URL` finds something in."""
    if not url.isascii():
        return NOT_ARTICLE_URL.search(url) is not None
    url = url.lower()  # the patterns' letters are ASCII lowercase, and fold to no other letter
    return (_NOT_ARTICLE_PATH_LOWER.search(url) is not None
            or (("?" in url or "&" in url) and _NOT_ARTICLE_QUERY_LOWER.search(url) is not None)
            or ("#" in url and _NOT_ARTICLE_FRAGMENT_LOWER.search(url) is not None)
            or any(part in url for part in _NOT_ARTICLE_PARTS)
            or ("pinterest." in url and _PINTEREST_PIN_LOWER.search(url) is not None))


def _title(link: LexborNode, scope: LexborNode) -> tuple[str | None, int]:
    """The link's title and its quality: a heading inside, around or near it (3), its own
    text without photo credits (2), an image's alt text (1)."""
    leaf = not _has_elements(link)
    heading = None if leaf else _heading_text(link)
    if heading:
        return heading, 3
    title = unescape(node_text(link)) if leaf else _own_text(link)
    if title and len(title) <= MAX_TITLE_CHARS and not is_generic(title):
        return title, 3 if _in_heading(link) else 2
    href = link.attributes.get("href")
    for parent in ancestors(link, TEASER_LEVELS):
        if any(other.attributes.get("href") != href for other in parent.css("a[href]")):
            break                          # the parent holds other teasers: not this one's
        heading = _heading_text(parent)
        if heading:
            return heading, 3
        if same_node(parent, scope):
            break
    alt = None if leaf else _image_alt(link)
    return alt, 1 if alt else 0


def _own_text(link: LexborNode) -> str:
    """The link's text without the photo credits and captions it may wrap."""
    text = unescape(node_text(link))
    for part in link.css(CREDIT_PARTS) if text else ():
        text = text.replace(unescape(node_text(part)), " ")
    return " ".join(text.split())


def _in_heading(link: LexborNode) -> bool:
    return any(parent.tag in HEADING_TAGS for parent in ancestors(link, 2))


def _image_alt(link: LexborNode) -> str | None:
    """The alt text of an image-only link: the last resort for a teaser's title."""
    image = link.css_first("img[alt]")
    alt = unescape(image.attributes.get("alt")) if image is not None else ""
    return alt if alt and len(alt) <= MAX_TITLE_CHARS and not is_generic(alt) else None


def _heading_text(node: LexborNode) -> str | None:
    """The first heading-like part of a teaser that reads as a title (not a one-word kicker)."""
    for part in node.css(TITLE_PARTS):
        if part.tag not in HEADING_TAGS and NOT_TITLE_HINT.search(class_and_id(part)):
            continue
        text = unescape(node_text(part))
        if len(text.split()) >= MIN_HEADING_WORDS and len(text) <= MAX_TITLE_CHARS \
                and not is_generic(text):
            return text
    return None


