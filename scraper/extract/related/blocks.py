"""Find the page's related-article blocks: containers, headed lists and "Read more:" lines.

A block is found three ways, all in one pass over the page in document order:

- a container whose class, id or aria-label says so (related, read-more, more-stories,
  recommended, you-may-also-like, jp-relatedposts, yarpp, crp_related, td-related ...);
- a heading whose text says so ("Related Articles", "More from ...", "Lesen Sie auch",
  "À lire aussi"), with the elements that follow it up to the next heading of its level;
- a paragraph or heading that starts with such a label and holds the link itself
  ("Read more: <a>...</a>" inside the body is a related block of one link).

Blocks about tags, topics, videos, comments, sharing or sponsors, and site-wide lists
("Most read", "Popular", "Trending") are not related-article blocks.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from selectolax.lexbor import LexborNode

from ..document import Document, node_text
from ..lazy import compile_on_use
from ..nodes import NameTest, ancestors, class_and_id

# Substrings of class names that name a related block (matched case-insensitively). Few on
# purpose: each costs a test on every element of the page; "related" also covers
# jp-relatedposts, yarpp-related, crp_related and td-related, "also" read-also, also-like
# and story-alsos, and the blocks' headings ("More stories", "Further reading") find the rest.
CONTAINER_TOKENS = ("related", "recommend", "read-more", "readmore", "read-next", "also",
                    "similar", "correlat", "relacionad", "leggi-anche", "lire-aussi", "lesen-sie")
CONTAINER_HINT = NameTest(CONTAINER_TOKENS)  # (on lowercased names: any token)
# Containers that match a token but hold something else.
NOT_ARTICLES_HINT = compile_on_use(
    r"tag|topic|categor|video|product|comment|share|social|sponsor|outbrain|taboola|"
    r"newsletter|cookie|privacy|advert|search|login|subscribe|entit|keyword|gallery|podcast|"
    r"(?:^|[\s_-])(?:ads?|promo|promoted|events?|games?|cli)(?:$|[\s_-])|"
    r"entry-content|post-content|article-body|article-content|story-body|post-body")
# Link texts that name no article: "Read more", "Continue reading".
GENERIC_TITLES = compile_on_use(
    r"^(?:read (?:more|the (?:full )?(?:story|article))|continue reading|more|mehr|weiterlesen|"
    r"lire (?:la )?suite|leer más|leia mais|leggi (?:tutto|di più)|lees meer|learn more|"
    r"see more|view|click here|here|»|›|→|>>|\.\.\.|…)[\s.:!»›→]*$", re.IGNORECASE)
# Heading texts that open a related block, in the languages users crawl.
RELATED_LABEL = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|posts?|news|reading|content|coverage|links?))?|"
    r"read (?:more|also|next)|also read|see also|more (?:from|on|in|about|stories|news|"
    r"articles|to read)\b|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|"
    r"recommended(?: for you| reading| stories| articles)?|further reading|"
    r"(?:other|similar) (?:articles|stories|posts)|next up|up next|"
    r"more (?:[\w'’-]+ ){1,3}(?:coverage|stories|news)|"
    r"lesen sie (?:auch|mehr)|mehr zum thema|das könnte sie (?:auch )?interessieren|"
    r"weitere artikel|à lire aussi|a lire aussi|lire aussi|sur le même sujet|"
    r"articles? (?:connexes|similaires|relacionados)|leia (?:também|mais)|"
    r"lee (?:también|más)|te puede interesar|noticias relacionadas|leggi anche|"
    r"más información|ver también|vedi anche|correlat[ie]|(?:ti )?potrebbe interessarti|"
    r"articoli correlati|lees ook|gerelateerde artikelen|"
    r"läs (?:också|mer)|relaterte? (?:artikler|saker)|les også|læs også|"
    r"czytaj (?:też|także|więcej)|ilgili haberler|lue myös|terkait|baca juga|"
    r"материалы по теме|читайте также)\b", re.IGNORECASE)
# The same, case-sensitive, for ASCII text lowercased first: no letter of the pattern matches an
# ASCII letter but its own two cases, so the two agree, and no character is case-folded.
_RELATED_LABEL_LOWER = compile_on_use(RELATED_LABEL.pattern)
NOT_RELATED_LABEL = compile_on_use(r"\b(?:tags?|topics?|categories|comments?|videos?|podcasts?|"
                                   r"newsletter|most (?:read|popular|viewed|shared)|popular|"
                                   r"trending|themen|schlagw|sponsored|promoted|partners?|"
                                   r"(?:from|around) the web)\b", re.IGNORECASE)
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
LABELLED_TAGS = ("section", "aside")
# Elements whose text may label a block: a heading, or a paragraph holding the link it labels
# (one without a link is never a block, and most paragraphs are skipped inside the query).
LABEL_TAGS = "h2, h3, h4, h5, h6, p:has(a[href])"
SKIPPED_CONTAINER_TAGS = frozenset({"body", "html", "main", "article", "head", "meta",
                                    "link", "script", "style", "img", "button",
                                    "input", "form", "iframe", "noscript", "svg"})
MAX_BLOCK_LINKS = 60
MIN_CHECKED_TEXT = 300            # blocks shorter than this are not checked for link share
MAX_TEASER_TEXT = 2500            # above this, a block must be mostly link text
MIN_LINK_SHARE = 0.15             # teasers with excerpts: some of the text is link text
MIN_LONG_LINK_SHARE = 0.3
MAX_LABEL_CHARS = 80
LABEL_PROBE_CHARS = 120
MIN_LINE_TITLE_WORDS = 3          # "Read more: <a>" links name an article, not a tag
MAX_LINE_CHARS = 300
MAX_SIBLINGS = 12
CLIMB_LEVELS = 2
MENU_TAGS = frozenset({"nav"})
NON_ELEMENT_TAGS = frozenset({"-text", "#text", "-comment", "#comment", "script", "style",
                              "noscript", "template"})
ADVERT_HINT = re.compile(r"(?:^|[\s_-])ads?(?:$|[\s_-])|adslabel|adchoice|sponsor|advert|"
                         r"promoted|outbrain|taboola")
# What every match of ADVERT_HINT holds: a few substring tests clear most class names first.
_ADVERT_PARTS = ("ad", "sponsor", "promoted", "outbrain", "taboola")


def _advert_names(names: str) -> bool:
    """ADVERT_HINT.search(names), after the substring tests most names fail."""
    for part in _ADVERT_PARTS:
        if part in names:
            return ADVERT_HINT.search(names) is not None
    return False
ADVERT_LABEL = compile_on_use(r"^(?:ad|ads|advertisement|sponsored|promoted|anzeige|werbung|"
                              r"publicité|paid content|partner content)\b", re.IGNORECASE)
MENU_HINT = NameTest((), r"(?:^|[\s_-])(?:nav|menu|breadcrumb)",  # on lowercased class names
                     ("nav", "menu", "breadcrumb"))


# The query asks for fewer, wider class parts (each part costs a test on every element of the
# page); the few elements only a wider part matches ("relative") are dropped in `_listed`.
QUERY_TOKENS = ("rel", "read", "recommend", "also", "similar", "leggi-anche", "lire-aussi",
                "lesen-sie")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # as CSS's "i"


def block_selector() -> str:
    """The one CSS query that finds candidate containers, headings and label lines."""
    containers = ", ".join(f"[class*={token} i]" for token in QUERY_TOKENS)
    labelled = ", ".join(f"{tag}[aria-label]" for tag in LABELLED_TAGS)
    return f"{containers}, {labelled}, {LABEL_TAGS}"


BLOCK_SELECTOR = block_selector()


def find_blocks(document: Document) -> list[list[LexborNode]]:
    """Return the related blocks in page order, each as the nodes whose links it lends."""
    blocks: list[list[LexborNode]] = []
    taken: set[int] = set()
    previous = -1
    for node in document.tree.css(BLOCK_SELECTOR):
        if node.mem_id == previous:
            continue                      # listed again for another part of the query
        previous = node.mem_id
        tag = node.tag                    # read once: each read builds a new string
        if tag in SKIPPED_CONTAINER_TAGS or not _listed(node, tag):
            continue
        line = tag in HEADING_TAGS or tag == "p"
        if not line and _within(node, taken):
            continue                      # cheap test first: most containers nest in a block
        block = _labelled_block(node, tag) if line else _container_block(node, tag)
        if block and (not line or not _within(node, taken)):
            blocks.append(block)
            taken.update(member.mem_id for member in block)
    return blocks


def _listed(node: LexborNode, tag: str) -> bool:
    """True for a label tag, a labelled section or a class holding a container token."""
    if tag == "p" or tag in HEADING_TAGS:
        return True
    if tag in LABELLED_TAGS and "aria-label" in node.attrs:
        return True
    names = (node.attrs.get("class") or "").translate(_ASCII_LOWER)
    return CONTAINER_HINT.search(names) is not None  # any token: one search, not twelve


def find_rule_blocks(document: Document, selectors: tuple[str, ...]) -> list[list[LexborNode]]:
    """The blocks site rules name, with the page's labelled blocks ("Read more: <a>" lines,
    lists under a "Mehr zum Thema" heading), in page order; [] when no rule selector matches
    (the generic path runs instead). Rules replace the search by class names only."""
    if not _may_select(document, selectors):
        return []  # as when nothing is selected, without climbing from every link
    try:
        selected = {node.mem_id for node in document.tree.css(", ".join(selectors))}
        if not selected:
            return []  # no rule selector matches: the generic search reads the labels
        nodes = document.tree.css(f"{', '.join(selectors)}, {LABEL_TAGS}")
    except Exception:  # noqa: BLE001 - rules are validated one by one; never fail a page
        return []
    blocks: list[list[LexborNode]] = []
    taken: set[int] = set()
    ruled = False
    for node in nodes:
        tag = node.tag
        if (tag == "p" or tag in HEADING_TAGS) and node.mem_id not in selected:
            block = None if _within(node, taken) else _labelled_block(node, tag)
        else:
            block, ruled = [node], True
        if block:
            blocks.append(block)
            taken.update(member.mem_id for member in block)
    return blocks if ruled else []


def _may_select(document: Document, selectors: tuple[str, ...]) -> bool:
    """False when no element matches the first compound of any selector, so that none of them
    can match: a cheaper query (".yarpp-related" is one test per element, ".yarpp-related a"
    climbs from every link)."""
    try:
        return document.tree.css_first(", ".join(map(_leading_compound, selectors))) is not None
    except Exception:  # noqa: BLE001 - a compound lexbor refuses alone: ask the selectors
        return True


# A selector's first compound: up to its first combinator, brackets (quoted values too) read whole.
_LEADING_COMPOUND = re.compile(r"""\s*((?:[^\s>+~\[]|\[(?:[^\]"']|"[^"]*"|'[^']*')*\])+)""")


@lru_cache(maxsize=256)
def _leading_compound(selector: str) -> str:
    """".yarpp-related" of ".yarpp-related a": an element matches it whenever one matches the
    selector (its ancestor or sibling); the whole selector when it holds a list, a function
    or an escape."""
    if any(character in selector for character in ",()\\"):
        return selector
    match = _LEADING_COMPOUND.match(selector)
    return match.group(1) if match else selector


def _within(node: LexborNode, taken: set[int]) -> bool:
    return bool(taken) and (node.mem_id in taken
                            or any(parent.mem_id in taken for parent in ancestors(node)))


def _container_block(node: LexborNode, tag: str) -> list[LexborNode] | None:
    """A container named as related (class or aria-label) that holds a few links."""
    names = class_and_id(node)
    label = (node.attributes.get("aria-label") or "").lower()
    if not (CONTAINER_HINT.search(names) or related_label(label)):
        return None
    if NOT_ARTICLES_HINT.search(names) or NOT_RELATED_LABEL.search(label):
        return None
    if tag == "a" and is_generic(node_text(node)):
        return None
    if tag != "a" and not _plausible_container(node):
        return None
    return None if _in_menu(node) else [node]


def _title_like(text: str) -> bool:
    return len(text.split()) >= MIN_LINE_TITLE_WORDS and not is_generic(text)


def related_label(text: str) -> bool:
    """True when the text opens with a related block's label (`RELATED_LABEL`)."""
    if text.isascii():
        return _RELATED_LABEL_LOWER.match(text.lower()) is not None
    return RELATED_LABEL.match(text) is not None


def is_generic(text: str) -> bool:
    """True for link texts that name no article: 'Read more', 'Next up', 'More from X'."""
    return not text or bool(GENERIC_TITLES.match(text)) or (
        len(text) <= MAX_LABEL_CHARS and related_label(text))


def _plausible_container(node: LexborNode) -> bool:
    """A block of a few links, not a wrapper around the article or the whole page."""
    if node.css_first("h1") is not None:
        return False
    links = node.css("a[href]")
    if not links or len(links) > MAX_BLOCK_LINKS:
        return False
    text_chars = len(node_text(node))
    if text_chars <= MIN_CHECKED_TEXT:
        return True
    link_chars = sum(len(node_text(link)) for link in links)
    share = MIN_LINK_SHARE if text_chars <= MAX_TEASER_TEXT else MIN_LONG_LINK_SHARE
    return link_chars >= share * text_chars


def _labelled_block(node: LexborNode, tag: str) -> list[LexborNode] | None:
    """A label line with its link ("Read more: <a>"), or the list a label heading opens."""
    raw = node.text(deep=True, separator=" ")
    if tag == "p" and len(raw) > 2 * MAX_LINE_CHARS:
        return None
    if not related_label(" ".join(raw[:LABEL_PROBE_CHARS].split())):
        return None                       # cheap test first: most headings are not labels
    text = node_text(node)
    if tag == "p" and len(text) > MAX_LINE_CHARS:
        return None
    if NOT_RELATED_LABEL.search(text[:MAX_LABEL_CHARS]) or _in_menu(node):
        return None
    if any(_title_like(node_text(link)) for link in node.css("a[href]")):
        return [node]                     # "Read more: <a>...</a>", "Related post: <a>"
    if tag == "p" or len(text) > MAX_LABEL_CHARS:
        return None
    return _following_block(node)


def _following_block(heading: LexborNode) -> list[LexborNode] | None:
    """The list after a heading (or after the wrapper it sits alone in, a few levels up).

    The first element after it must hold links; siblings of the same kind that follow
    (teaser after teaser) belong to the block too. An advertising label ends the search.
    """
    start: LexborNode | None = heading
    for _ in range(CLIMB_LEVELS + 1):
        if start is None or start.tag in SKIPPED_CONTAINER_TAGS:
            return None
        first = _next_element(start)
        if first is not None:
            if first.tag in HEADING_TAGS or first.tag == "h1" or _is_advert(first):
                return None
            if first.tag == "a" or first.css_first("a[href]") is not None:
                return _run_of_alike(first)
            return None                   # text or an empty slot: the label heads no links
        start = start.parent
    return None


def _next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and sibling.tag in NON_ELEMENT_TAGS:
        sibling = sibling.next
    return sibling


def _run_of_alike(first: LexborNode) -> list[LexborNode]:
    """`first` and the following siblings with its tag and class (teaser after teaser)."""
    run = [first]
    kind = (first.tag, first.attributes.get("class"))
    sibling = _next_element(first)
    while sibling is not None and len(run) < MAX_SIBLINGS \
            and (sibling.tag, sibling.attributes.get("class")) == kind:
        run.append(sibling)
        sibling = _next_element(sibling)
    return run


def _is_advert(node: LexborNode) -> bool:
    return _advert_names(class_and_id(node)) or bool(
        ADVERT_LABEL.match(node_text(node)[:20]))


def _in_menu(node: LexborNode) -> bool:
    """True inside site navigation or an advertising block; a <nav> that says it is related
    (Jetpack's) is no menu."""
    for parent in ancestors(node, 12):
        names = class_and_id(parent)
        if parent.tag in MENU_TAGS and not CONTAINER_HINT.search(names) or MENU_HINT.search(names):
            return True
        if _advert_names(names):
            return True
    return False
