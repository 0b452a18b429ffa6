"""Read every picture of the intact page, before the body cleaner changes the tree.

The body cleaner removes what readers do not read as text: `aria-hidden` image wrappers,
carousels, `<noscript>` copies, headers holding the lead figure. Pictures and their captions
are read first, each with the ids of its ancestors, so that once the body's container is
known the article's pictures are those it holds, whatever the cleaner did to the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from ...models import Image, SiteRules
from ..container import is_article_container
from ..document import Document, node_text
from ..nodes import MAX_DEPTH, ROOT_TAGS, ancestors
from .figures import figure_of, read_picture
from .images import picture_url
from .marks import PICTURE_TAGS, SELECTOR_PART, mark_pictures
from .patterns import CHROME_REGION_TAGS, CHROME_REGION_WORDS

# Elements whose document order places a picture: paragraphs and headlines.
_ORDER_MARKS = "p, h1"
_LISTED_TAGS = frozenset({"p", "h1"}) | PICTURE_TAGS
_NAME_SPLIT = re.compile(r"[\s_:/.\-]+")
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # an empty match: a plain replacement
# Marks of a byline inside a figure: its picture is the author's.
_AUTHOR_MARKS = "address, [rel~=author]"
# Fewest words of a link's own text that make it a teaser's headline.
MIN_TEASER_WORDS = 3
# Fewest characters of the page's last path segment that name it inside a link.
MIN_PAGE_NAME = 5
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp)$", re.IGNORECASE)


class Picture(NamedTuple):
    """One picture of the intact page: its reading, where it stood, and whether in chrome."""

    image: Image
    chain: tuple[int, ...]
    position: int
    chrome_at: frozenset[int]
    articles_at: frozenset[int]

    def inside(self, node: LexborNode | None) -> bool:
        """True when the element (of the cleaned tree) held this picture."""
        return node is not None and node.mem_id in self.chain

    def chrome(self, scope: LexborNode | None = None) -> bool:
        """True when an ancestor below `scope` (or below the nearest article) is chrome."""
        stop = scope.mem_id if scope is not None else None
        for node_id in self.chain:
            if node_id == stop or (stop is None and node_id in self.articles_at):
                return False
            if node_id in self.chrome_at:
                return True
        return False


@dataclass
class PagePictures:
    """The page's pictures in document order, and the order of its paragraphs and headlines."""

    pictures: list[Picture] = field(default_factory=list)
    positions: dict[int, int] = field(default_factory=dict)
    headlines: list[int] = field(default_factory=list)

    def position_of(self, node: LexborNode | None) -> int | None:
        """Document position of a paragraph or headline read before the cleaning."""
        return self.positions.get(node.mem_id) if node is not None else None


def collect_pictures(document: Document, rules: SiteRules | None) -> PagePictures:
    """Read each picture of the page once (a figure by its first img with a real url)."""
    page = PagePictures()
    body = document.tree.body
    if body is None:
        return page
    done: set[int] = set()
    known_urls: dict[str, str | None] = {}
    marks = _AncestorMarks(document)
    listed, held = mark_pictures(body.css(f"{_ORDER_MARKS}, {SELECTOR_PART}"), _LISTED_TAGS)
    for position, (node, tag, node_id) in enumerate(listed):
        if tag == "p" or tag == "h1":
            page.positions[node_id] = position
            if tag == "h1":
                page.headlines.append(position)
            continue
        attributes = node.attributes  # read once: each read builds a new dict
        url = picture_url(document, node, known_urls, attributes)
        if url is None:
            continue
        holder = figure_of(node)
        holder_id = holder.mem_id
        if holder_id in done:
            continue
        image = read_picture(holder, node, url, rules, held, attributes)
        done.add(holder_id)
        chain, chrome_at, articles_at = marks.chain(node, captioned=bool(image.caption))
        page.pictures.append(Picture(image=image, chain=chain, position=position,
                                     chrome_at=chrome_at, articles_at=articles_at))
    return page


_Chain = tuple[tuple[int, ...], frozenset[int], frozenset[int]]


class _AncestorMarks:
    """Chrome and article tests of the page's elements, each element judged once (pictures
    of one gallery share their ancestors)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._chrome: dict[tuple[int, bool], bool] = {}
        self._article: dict[int, bool] = {}
        self._chains: dict[tuple[int, bool], _Chain] = {}

    def chain(self, node: LexborNode, captioned: bool) -> _Chain:
        """The ids of the node's ancestors (`nodes.ancestors`), and of those that are chrome
        and articles; the way up that an earlier picture's walk took is read from it."""
        walked: list[LexborNode] = []
        known: _Chain = ((), frozenset(), frozenset())
        cut = False
        parent = node.parent
        while parent is not None and parent.tag not in ROOT_TAGS:
            remembered = self._chains.get((parent.mem_id, captioned))
            if remembered is not None:
                known = remembered
                break
            if len(walked) == MAX_DEPTH:
                cut = True
                break
            walked.append(parent)
            parent = parent.parent
        if cut or len(walked) + len(known[0]) > MAX_DEPTH:
            # deeper than `ancestors` walks: its cut chain, not remembered
            chain = list(ancestors(node))
            judged = [self._judged(n, captioned) for n in chain]
            return (tuple(n.mem_id for n in chain),
                    frozenset(n.mem_id for n, (chrome, _) in zip(chain, judged) if chrome),
                    frozenset(n.mem_id for n, (_, article) in zip(chain, judged) if article))
        ids, chrome_at, articles_at = known
        for ancestor in reversed(walked):
            ids = (ancestor.mem_id, *ids)
            chrome, article = self._judged(ancestor, captioned)
            if chrome:
                chrome_at = chrome_at | {ancestor.mem_id}
            if article:
                articles_at = articles_at | {ancestor.mem_id}
            self._chains[(ancestor.mem_id, captioned)] = (ids, chrome_at, articles_at)
        return ids, chrome_at, articles_at

    def _judged(self, node: LexborNode, captioned: bool) -> tuple[bool, bool]:
        """`chrome` and `article` of one element, its tag and attributes read once."""
        key = (node.mem_id, captioned)
        chrome, article = self._chrome.get(key), self._article.get(node.mem_id)
        if chrome is None or article is None:
            tag, attrs = node.tag, node.attributes
            if chrome is None:
                chrome = self._chrome[key] = is_chrome(node, self.document, captioned, tag, attrs)
            if article is None:
                article = self._article[node.mem_id] = is_article_container(node, attrs)
        return chrome, article


def is_chrome(node: LexborNode, document: Document, captioned: bool = False,
              tag: str | None = None, attrs: dict[str, str | None] | None = None) -> bool:
    """Navigation, an aside, a footer, an element named like a teaser list, an author box,
    a share bar or an advert, or a teaser: a link to another page of the site around the
    picture and a headline, or around an uncaptioned picture (a captioned picture may link to
    its photo page; `tag`, `attrs`: the element's, when the caller has read them)."""
    tag = node.tag if tag is None else tag
    attrs = node.attributes if attrs is None else attrs
    if tag in CHROME_REGION_TAGS or _chrome_name(attrs):
        return True
    if tag == "figure" and node.css_first(_AUTHOR_MARKS) is not None:
        return True  # an author's picture captioned with the byline
    if tag != "a":
        return False
    if "author" in (attrs.get("rel") or "").lower():
        return True
    return _teaser_link(attrs.get("href"), document) and (
        not captioned or len(node_text(node).split()) >= MIN_TEASER_WORDS)


def _teaser_link(href: str | None, document: Document) -> bool:
    """A link to another page of the same site: not to a picture file, nor to the page
    itself or its own photo viewer ('/article/123/photo/9', '/photos?article_id=123')."""
    url = document.absolutize(href)
    if not url or not document.url:
        return False
    target, page = urlsplit(url), urlsplit(document.url)
    if _host(target.netloc) != _host(page.netloc) or _PICTURE_FILE.search(target.path):
        return False
    own = page.path.rstrip("/").rsplit("/", 1)[-1]
    if len(own) >= MIN_PAGE_NAME and own in f"{target.path}?{target.query}":
        return False
    return target.path.rstrip("/") != page.path.rstrip("/")


def _host(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


def _chrome_name(attrs: dict[str, str | None]) -> bool:
    classes, name = attrs.get("class"), attrs.get("id")
    if not classes and not name:
        return False  # most wrappers: no name to read
    names = f"{classes or ''} {name or ''}"
    return bool(names.strip()) and _chrome_words(names)


@lru_cache(maxsize=4096)
def _chrome_words(names: str) -> bool:
    """A class and id string holding a chrome region word (pages of a site share them)."""
    lowered = names.lower()  # the same without a capital: nothing to part
    spaced = lowered if lowered == names else _CAMEL_CASE.sub(" ", names).lower()
    return not CHROME_REGION_WORDS.isdisjoint(_NAME_SPLIT.split(spaced))
