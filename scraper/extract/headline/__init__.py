"""The article's headline: the candidate the page's sources agree on, without the site's name.

Candidates come from JSON-LD, og:title, twitter:title, the page's `<h1>` elements and `<title>`,
each with a weight. A candidate scores the weights of every source that says the same thing
(whole, or as one of its separator-bounded parts: og:title "Opinion | X" supports the `<h1>`
"X"); the best score wins, ties going to the visible `<h1>`. A title that puts a kicker before
the `<h1>`'s text ("Kenia: Nairobi von unten" over "Nairobi von unten") is supported by that
`<h1>` in turn. An `<h1>` that is the site's logo or name is no candidate. An `<h1>` that ends
a breadcrumb trail names the page in the navigation: the heading after it is the one the reader
sees. A heading made of a kicker and a headline element gives the headline alone when
another source says just that. A heading the site's rules pick is read the same way, and loses
a short kicker before a colon ("Blog: X") that another source leaves out. A metadata title cut
short with an ellipsis counts half; a `<title>` tail that og:title also carries is a subtitle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborNode

from ...models import SiteRules
from ..document import Document, clean_text, node_text
from .site import (
    ARTICLE_ONLY_TYPES,
    host_key,
    looks_like_host,
    site_info,
    site_names,
    split_segments,
    squash,
    strip_site_affixes,
    unescape,
)

# Source weights: how much a source's word counts when candidates are compared.
WEIGHTS = {"h1": 1.2, "jsonld": 1.5, "og": 1.5, "twitter": 1.0, "title": 1.0, "webpage": 0.6}
H1_IN_ARTICLE_BONUS = 0.8     # an <h1> inside <article>/<main> or marked as the headline
H1_SHORT_FACTOR = 0.5         # an <h1> of one or two words is often a section name
ECHO_FACTOR = 0.5             # twitter:title or <title> copied from og:title: half a new witness
LATER_H1_FACTOR = 0.4         # only the first plausible <h1> is fully trusted
CUT_FACTOR = 0.5              # a metadata title cut short with an ellipsis: half a witness
PART_AGREEMENT = 0.8          # share of a source's weight given when it contains a candidate
MAX_H1 = 6
# Preference among candidates with the same text, visible text first.
SOURCE_ORDER = ("rules", "h1", "jsonld", "og", "twitter", "title", "webpage")
HEADLINE_CONTAINERS = frozenset({"article", "main"})
LOGO_HINT = re.compile(r"logo|brand|site-?title|site-?name|masthead|site-?header", re.IGNORECASE)
HEADLINE_HINT = re.compile(r"headline|title|heading", re.IGNORECASE)
BREADCRUMB_HINT = re.compile(r"breadcrumb", re.IGNORECASE)
BREADCRUMB_DEPTH = 5          # ancestors of an <h1> looked at for a breadcrumb trail
TRAIL_MIN_LINKS = 2           # links right before a heading that make a trail (Home, Section)
CHROME_TAGS = frozenset({"nav", "aside", "footer"})
ELLIPSIS = re.compile(r"\s*(\.\.\.|…)$")
KICKER_MAX_WORDS = 5          # a kicker before a colon is a few words ("Nationaler Veteranentag")
# Text pieces of a heading are joined without a space before closing punctuation ("wieder da"
# + ": " in two <span>s reads "wieder da: ") and after an opening bracket.
NO_SPACE_BEFORE = frozenset(",.:;!?)]}")
NO_SPACE_AFTER = frozenset("([{")
MAX_HEADLINE_CHARS = 400
# A selector (no list) whose last compound is an <h1>, with classes or an id at most.
_H1_SUBJECT = re.compile(r"(?:[^,]*[\s>+~])?h1(?:[.#][\w-]+)*")
INLINE_TAGS = frozenset({"span", "a", "em", "strong", "b", "i", "u", "small", "mark", "sup", "sub",
                         "abbr", "time", "q", "cite", "font", "s", "del", "ins"})


@dataclass(frozen=True)
class Candidate:
    """One source's headline, cleaned, with its weight and comparison key."""

    source: str
    text: str
    weight: float
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", squash(self.text))


def extract_headline(document: Document, rules: SiteRules | None) -> str | None:
    """Return the article's title without site-name prefixes and suffixes."""
    names = site_names(document)
    host = host_key(document)
    if rules is not None and rules.headline:
        ruled = _rules_headline(document, rules.headline, names, host)
        if ruled:
            return ruled
    candidates = [c for c in _candidates(document, names, host) if c.key]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (_score(c, candidates, host), not c.text.isupper(),
                                          -SOURCE_ORDER.index(c.source)))
    return best.text[:MAX_HEADLINE_CHARS]


def _rules_headline(document: Document, selectors: tuple[str, ...], names: list[str],
                    host: str) -> str | None:
    for selector in selectors:
        node = _first_match(document, selector)
        text = unescape(heading_text(node)) if node is not None else ""
        if text:
            ruled = Candidate("rules", strip_site_affixes(text, names, host), 0.0)
            tail = _headline_part(node)
            if tail or ":" in ruled.text:
                others = [c for c in _candidates(document, names, host) if c.source != "h1"]
                ruled = _without_kicker(_headline_or_part(ruled, tail, others), others, host)
            return ruled.text
    return None


def _first_match(document: Document, selector: str) -> LexborNode | None:
    """The first element of the page the selector matches. A selector whose subject is an
    <h1> ('h1.entry-title', 'article h1': most template rules) is tried on the page's <h1>s,
    in page order, instead of a walk of the whole page (most of them match nothing)."""
    if _H1_SUBJECT.fullmatch(selector):
        return next((node for node in document.h1s if node.css_matches(selector)), None)
    return document.tree.css_first(selector)


def _candidates(document: Document, names: list[str], host: str) -> list[Candidate]:
    found: list[Candidate] = []
    h1s, logo_names = _h1_candidates(document, names, host)
    names = names + logo_names

    def add(source: str, raw: str | None, weight: float, sections: bool = True) -> None:
        text = unescape(raw)
        if text:
            cut = source != "h1" and ELLIPSIS.search(text) is not None
            found.append(Candidate(source, strip_site_affixes(text, names, host, sections),
                                   weight * CUT_FACTOR if cut else weight))

    article_headline = _jsonld_headline(document, ARTICLE_ONLY_TYPES)
    add("jsonld", article_headline, WEIGHTS["jsonld"])
    if not article_headline:
        add("webpage", _jsonld_headline(document, ("WebPage",)), WEIGHTS["webpage"])
    og_title = document.meta_first("og:title")
    twitter_title = document.meta_first("twitter:title")
    add("og", og_title, WEIGHTS["og"])
    add("twitter", twitter_title, WEIGHTS["twitter"] * (ECHO_FACTOR if twitter_title == og_title else 1))
    for text, weight, _ in h1s:
        add("h1", text, weight, sections=False)
    title = site_info(document).title
    # a title's tail segment the metadata carry too is a subtitle, not a section
    metadata_keys = {c.key for c in found if c.source in ("jsonld", "og", "twitter")}
    add("title", title, WEIGHTS["title"],
        sections=squash(strip_site_affixes(unescape(title), names, host)) not in metadata_keys)
    _prefer_headline_parts(found, [tail for _, _, tail in h1s])
    og_key = next((c.key for c in found if c.source == "og"), None)
    if found and found[-1].source == "title" and found[-1].key == og_key:
        # the <title> saying what og:title says is mostly one SEO field written twice
        found[-1] = Candidate("title", found[-1].text, WEIGHTS["title"] * ECHO_FACTOR)
    return found


def _jsonld_headline(document: Document, types: tuple[str, ...]) -> str | None:
    for obj in document.jsonld_of_type(*types):
        for key in ("headline", "name"):
            value = obj.get(key)
            if isinstance(value, str) and value.strip():
                return value
    return None


def _h1_candidates(document: Document, names: list[str],
                   host: str) -> tuple[list[tuple[str, float, str]], list[str]]:
    """The plausible <h1> texts with their weights and headline parts (see `_headline_part`),
    and the texts of <h1>s that name the site (a logo, a link home, the title's short last
    segment): more names to strip. The heading after an <h1> that ends a breadcrumb trail
    takes that <h1>'s place; with no such heading the trail's <h1> counts as a later <h1>."""
    keys = {squash(name) for name in names} | _title_affix_keys(site_info(document).title)
    result: list[tuple[str, float, str]] = []
    site_texts: list[str] = []
    for node in document.h1s[:MAX_H1]:
        text = unescape(heading_text(node))
        if not text:
            continue
        if squash(text) in keys or looks_like_host(text, host) or _is_logo(node, document):
            site_texts.append(text)
            continue
        trail = _in_breadcrumb(node)
        seen = _heading_after(document, node) if trail and not result else None
        if seen is not None:      # the trail's <h1> names the page in the navigation only
            result.append(_heading_entry(seen, unescape(heading_text(seen)), first=True))
        else:
            result.append(_heading_entry(node, text, first=not result and not trail))
    return result, site_texts


def _heading_entry(node: LexborNode, text: str, first: bool) -> tuple[str, float, str]:
    weight = WEIGHTS["h1"] + (H1_IN_ARTICLE_BONUS if _marked_as_headline(node) else 0.0)
    if len(text.split()) <= 2:
        weight *= H1_SHORT_FACTOR
    return text, weight if first else weight * LATER_H1_FACTOR, _headline_part(node)


def _in_breadcrumb(node: LexborNode) -> bool:
    """True for a heading inside a breadcrumb trail: a <nav> or an element named a breadcrumb,
    or a heading right after two links in its own row or list ("Home › Politik › <h1>…</h1>");
    one link before it is a kicker or a section label."""
    element: LexborNode | None = node
    for _ in range(BREADCRUMB_DEPTH):
        element = element.parent if element is not None else None
        if element is None or element.tag == "body":
            break
        attrs = element.attributes
        if element.tag == "nav" or attrs.get("role") == "navigation" or BREADCRUMB_HINT.search(
                f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('aria-label') or ''}"):
            return True
    item = node.parent if node.parent is not None and node.parent.tag == "li" else node
    crumbs = 0
    sibling = item.prev
    while sibling is not None and crumbs < TRAIL_MIN_LINKS:
        if sibling.tag not in ("-text", "-comment"):
            if not (sibling.tag == "a" or item is not node and sibling.tag == "li"
                    and sibling.css_first("a[href]") is not None):
                return False
            crumbs += 1
        sibling = sibling.prev
    return crumbs >= TRAIL_MIN_LINKS


def _heading_after(document: Document, trail_h1: LexborNode) -> LexborNode | None:
    """The first <h1> or <h2> after a breadcrumb's <h1> that is no part of a trail or of the
    page's navigation, header, footer or an aside."""
    after = False
    for node in document.tree.css("h1, h2"):
        if node == trail_h1:
            after = True
        elif after and heading_text(node) and not _in_breadcrumb(node) and not _in_chrome(node):
            return node
    return None


def _in_chrome(node: LexborNode) -> bool:
    """True for a heading inside a <nav>, <aside> or <footer>, or the page's own <header>."""
    parent = node.parent
    while parent is not None:
        if parent.tag in CHROME_TAGS or parent.tag == "header" and parent.parent is not None \
                and parent.parent.tag == "body":
            return True
        parent = parent.parent
    return False


def _headline_part(node: LexborNode) -> str:
    """The last of a heading's text-bearing child elements when there are two or more (a
    kicker <span> then the headline <span>), else ""."""
    parts = [child for child in node.iter(include_text=False)
             if child.attributes.get("aria-hidden") != "true" and (child.text(deep=True) or "").strip()]
    return unescape(heading_text(parts[-1])) if len(parts) >= 2 else ""


def _prefer_headline_parts(found: list[Candidate], tails: list[str]) -> None:
    """Put each <h1> candidate's headline part or spelling (see `_headline_or_part`) in its place."""
    h1_indexes = [i for i, c in enumerate(found) if c.source == "h1"]
    others = [c for c in found if c.source != "h1"]
    for index, tail in zip(h1_indexes, tails):
        found[index] = _headline_or_part(found[index], tail, others)


def _headline_or_part(heading: Candidate, tail: str, others: list[Candidate]) -> Candidate:
    """A heading's headline part when another source says just that part, or says it after a
    kicker and a colon while none says the heading's whole text; else, for a heading with a
    part, the most weighted spelling of the sources saying the whole ("Kicker: Headline" for
    two <span>s)."""
    key = squash(tail)
    if not key:
        return heading
    spellings: dict[str, float] = {}
    for c in others:
        if c.key == heading.key:
            spellings[c.text] = spellings.get(c.text, 0.0) + c.weight
    if any(c.key == key or not spellings and key in _kicked_keys(c.text, "") for c in others):
        return Candidate(heading.source, tail, heading.weight)
    if spellings:
        return Candidate(heading.source, max(spellings, key=spellings.__getitem__), heading.weight)
    return heading


def _without_kicker(heading: Candidate, others: list[Candidate], host: str) -> Candidate:
    """A heading without the short kicker before its colon ("Blog: Headline") when another
    source says just what follows it and none says the whole."""
    if any(c.key == heading.key for c in others):
        return heading
    pieces = split_segments(heading.text)
    for i in range(1, len(pieces), 2):
        rest = "".join(pieces[i + 1:]).strip()
        if squash(rest) in _kicked_keys(heading.text, host) and any(c.key == squash(rest) for c in others):
            return Candidate(heading.source, rest, heading.weight)
    return heading


def heading_text(node: LexborNode) -> str:
    """Return a heading's text as it reads: pieces are parted by a space unless whitespace or
    punctuation parts them already ("wieder da" + ": ") or, inside one block, a piece goes on
    a word in lower case (a drop cap "H" + "arbour"; not after a <br>)."""
    joined: list[str] = []
    last_block = None
    for child in node.traverse(include_text=True):
        if child.tag == "br":
            last_block = None
        if child.tag != "-text":
            continue
        piece = child.text_content or ""
        if not piece:
            continue
        block = _block_of(child, node).mem_id
        if joined and not _parted(joined[-1], piece) \
                and not (block == last_block and _mid_word(joined[-1], piece)):
            joined.append(" ")
        joined.append(piece)
        last_block = block
    return clean_text("".join(joined))


def _parted(before: str, after: str) -> bool:
    """True when whitespace or punctuation already parts two pieces of text."""
    return (before[-1].isspace() or after[0].isspace() or after[0] in NO_SPACE_BEFORE
            or before[-1] in NO_SPACE_AFTER)


def _mid_word(before: str, after: str) -> bool:
    """True when a piece goes on a word in lower case ("C" + "ycle", "H" + "arbour")."""
    return before[-1].isalpha() and after[0].islower()


def _block_of(text: LexborNode, root: LexborNode) -> LexborNode:
    """The nearest ancestor of a text node that is no inline element (at most the heading)."""
    parent = text.parent
    root_id = root.mem_id  # by mem_id: `!=` on nodes serializes both subtrees to HTML
    while parent is not None and parent.mem_id != root_id and parent.tag in INLINE_TAGS:
        parent = parent.parent
    return parent if parent is not None else root


def _title_affix_keys(title: str) -> set[str]:
    """The key of a title's last segment when it is shorter than the rest: the site's name
    ("Jangan membenci berlebihan | Kabar Dunia"), not a headline after a site prefix."""
    parts = split_segments(title)[::2]
    if len(parts) < 2:
        return set()
    rest_words = sum(len(part.split()) for part in parts[:-1])
    return {squash(parts[-1])} if len(parts[-1].split()) < rest_words else set()


def _is_logo(node: LexborNode, document: Document) -> bool:
    """True for an <h1> that holds the site's logo or a link to the home page."""
    for element in (node, node.parent):
        attrs = element.attributes if element is not None else {}
        if LOGO_HINT.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
    if next(node.iter(include_text=False), None) is None:
        return False                      # text only: no logo image, no link home
    for link in node.css("a[href]"):
        href = (link.attributes.get("href") or "").strip()
        if href == "/" or _is_home(document.absolutize(href)):
            return True
    return node.css_first("img") is not None and len(node_text(node).split()) <= 3


def _is_home(url: str | None) -> bool:
    if not url:
        return False
    path = url.split("://", 1)[-1].partition("/")[2]
    return path.strip("/") in ("", "index.html", "index.php", "#")


def _marked_as_headline(node: LexborNode) -> bool:
    attrs = node.attributes
    if attrs.get("itemprop") == "headline" or HEADLINE_HINT.search(attrs.get("class") or ""):
        return True
    parent = node.parent
    for _ in range(8):
        if parent is None:
            return False
        if parent.tag in HEADLINE_CONTAINERS:
            return True
        parent = parent.parent
    return False


def _score(candidate: Candidate, candidates: list[Candidate], host: str = "") -> float:
    return sum(other.weight * _agreement(candidate, other, host) for other in candidates)


def _agreement(candidate: Candidate, other: Candidate, host: str = "") -> float:
    """1 when two sources say the same, less when `other` holds the candidate as a part."""
    mine, theirs = candidate.key, other.key
    if mine == theirs:
        return 1.0
    if ELLIPSIS.search(other.text):
        stem = squash(ELLIPSIS.sub("", other.text))
        if len(stem) >= 20 and mine.startswith(stem):
            return PART_AGREEMENT
    if len(mine) < len(theirs) and mine in theirs and mine in _part_keys(other.text) \
            and mine not in _kicker_keys(other.text):
        return PART_AGREEMENT
    if other.source == "h1" and len(theirs) < len(mine) and mine.endswith(theirs) \
            and theirs in _kicked_keys(candidate.text, host):
        return PART_AGREEMENT
    return 0.0


@lru_cache(maxsize=256)
def _kicked_keys(text: str, host: str) -> frozenset[str]:
    """Keys of what follows a short kicker and a colon in a title ("Kenia: Nairobi von unten");
    a kicker opening with the site's host ("Garnix Blog: …" on garnix.io) names the site."""
    pieces = split_segments(text)
    return frozenset(squash("".join(pieces[i + 1:])) for i in range(1, len(pieces), 2)
                     if pieces[i].strip() == ":"
                     and len("".join(pieces[:i]).split()) <= KICKER_MAX_WORDS
                     and not (host and squash("".join(pieces[:i])).startswith(host)))


@lru_cache(maxsize=256)
def _part_keys(text: str) -> frozenset[str]:
    """Keys of every run of consecutive segments of a title."""
    parts = split_segments(text)[::2]
    return frozenset(squash(" ".join(parts[i:j])) for i in range(len(parts))
                     for j in range(i + 1, len(parts) + 1))



@lru_cache(maxsize=256)
def _kicker_keys(text: str) -> frozenset[str]:
    """Keys of what comes before a colon in a title: a kicker, never the headline alone."""
    pieces = split_segments(text)
    return frozenset(squash("".join(pieces[:i])) for i in range(1, len(pieces), 2)
                     if pieces[i].strip() == ":")
