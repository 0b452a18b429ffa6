"""Strip boilerplate from the parsed tree before the body is located.

Three kinds of nodes go: non-content tags (scripts, forms, navigation, asides), nodes whose
class/id/role names mark them as boilerplate (share bars, comments, related teasers,
newsletter boxes, cookie banners, widgets), and nodes hidden from readers. A node that holds
the page's headline or article is never removed by a name match: sites name their page
wrappers "has-sidebar" or "with-comments", and a heading is not a page header for its
weak name ("module_header", "header-anchor"). A code listing's tokens are never judged by name
("token comment"), React's streamed parts (`<div hidden id="S:0">`) are not hidden text, nor
are the collapsed panels a button opens (accordions, tabs: judged by their names like any
other node), and the page footer after the h1 goes though its legal notices outweigh a short
article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...models import SiteRules
from ..container import PageArticle, is_article_container
from ..lazy import compile_on_use
from ..nodes import ancestors, climb_to_known
from .blocks import HEADING_TAGS
from .prose import MAX_ANCESTORS, ProseMap, prose_map, remeasure
from .toggles import TOGGLE_SELECTOR, Toggles, page_toggles

# Tags that hold no readable text.
UNREADABLE_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
                   "embed", "link", "meta")
_UNREADABLE_SELECTOR = ",".join(UNREADABLE_TAGS)
_KEPT_TAGS = frozenset({"html", "head", "body", "-document"})
# Tags of page chrome: gone unless they hold most of the page's prose (broken markup does that).
CHROME_TAGS = ("button", "select", "textarea", "input", "nav", "aside", "dialog", "menu")
_CHROME_SET = frozenset(CHROME_TAGS)
_CHROME_OR_TOGGLES = ",".join((*CHROME_TAGS, TOGGLE_SELECTOR))
_LETTER = compile_on_use(r"[^\W\d_]")

# Containers that are boilerplate unless they hold much of the page's prose.
STRUCTURAL_TAGS = ("header", "footer", "form")
_STRUCTURAL_SET = frozenset(STRUCTURAL_TAGS)
# The parts read in one query (each query walks the whole tree): structural containers,
# microdata properties, and the h1s and footers in page order.
_PARTS_SELECTOR = ", ".join((*STRUCTURAL_TAGS, "[itemprop]", "h1"))

ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert",
         "menu", "menubar", "toolbar")
_ROLE_SET = frozenset(ROLES)

# Name parts (from class, id, data-component ...) that mark boilerplate. A strong name goes
# unless the node wraps the page (holds the h1 or the article); a weak name (a layout word
# that sites also use for their content column) goes only when the node holds little prose.
STRONG_WORDS = frozenset(["share", "sharing", "sharebar", "shares", "social", "socials", "sharedaddy", "addtoany", "addthis", "comment", "comments", "commentlist", "comentarios", "kommentare", "commentaires", "respond", "disqus", "related", "relatedposts", "recirc", "recirculation", "recommended", "recommendations", "outbrain", "taboola", "newsletter", "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "advert", "advertisement", "advertising", "adslot", "adunit", "dfp", "sponsored", "breadcrumb", "breadcrumbs", "navbar", "navigation", "masthead", "topbar", "trending", "mostread", "morestories", "readmore", "jp-relatedposts", "yarpp", "crp_related"])
WEAK_WORDS = frozenset(["ad", "ads", "sidebar", "widget", "widgets", "menu", "popup", "modal", "overlay", "toast", "promo", "promoted", "sponsor", "pagination", "pager", "skiplink", "print", "login", "donate", "tagcloud", "taglist", "tags", "byline", "bio", "authorbio", "author", "authors", "popular", "footer", "header"])
# Attributes whose values name a node; tags never judged by their names.
NAME_ATTRIBUTES = ("class", "id", "data-component", "data-module")
_UNJUDGED_TAGS = frozenset({"html", "body", "main", "article"})
# A node's names are its attribute values split at whitespace and "_:/."; their words are
# split at "-" too ("share-bar": share, bar).
# CSS-module names ("NewsletterInline_root__x1") are parted at each lower-to-upper step, by a plain
# replacement at an empty match (a template's replacement costs a Python call per match).
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# React streams server-rendered parts in `<div hidden id="S:0">` (then "S:a", "S:1f": the
# number is hexadecimal) and moves them into place with a script: the text is on screen, often
# the whole article.
_STREAMED_PART = re.compile(r"^S:[0-9a-f]+$")
# The nodes judged by their names or attributes, in two queries: those with something to judge
# besides a class (a role, an attribute that may hide them, names other than a class; a style
# only when it may hide or beside a class), their attributes read whole...
_JUDGED_WHOLE = ("[id], [role], [aria-hidden], [hidden], [style*='none' i], [style*='hidden' i], "
                 "[data-component], [data-module], [class][style]")
# ...and every node with a class: the others among them are judged by their class alone, read
# by itself (reading every attribute of a link or an image costs three times as much).
_CLASSED = "[class]"
# schema.org microdata that pages print as text (often hidden): never body text. (One query
# for [itemprop] and a set test: a selector per name costs the tree walk that many times.)
METADATA_PROPS = frozenset((
    "headline", "alternativeHeadline", "author", "creator", "name", "keywords", "datePublished",
    "dateModified", "dateCreated", "mainEntityOfPage", "url", "width", "height", "value",
    "publisher", "logo", "image", "thumbnailUrl", "description", "articleSection", "wordCount",
    "inLanguage", "copyrightHolder", "copyrightYear", "interactionStatistic", "sameAs"))
# A page footer goes though it holds most prose, when this much prose lies outside it.
MIN_OUTSIDE_FOOTER_CHARS = 200
MIN_SECTION_PROSE = 80  # a section header is followed by this much prose
# Code listings: their highlighters' token names ("comment", "tag") say nothing of boilerplate.
CODE_TAGS = frozenset({"pre", "code"})
_CODE_SELECTOR = ", ".join(sorted(CODE_TAGS))
MAX_CODE_DEPTH = 8  # tokens sit a few levels below their <pre> or <code>
# Titles of sections that are never the article: related teasers, comments, share bars.
SECTION_TITLES = re.compile(r"""^\W*(?:
    related(?:\s+(?:articles?|posts?|stories|content|news|coverage|reading|links|topics))?
  | read\s+(?:more|next|also)|read\s+this\s+next|keep\s+reading|also\s+read|see\s+also|further\s+reading|don'?t\s+miss
  | similar\s+(?:posts|articles|stories)|about\s+the\s+authors?
  | more\s+(?:from|on|in|about|stories|news|articles|headlines|to\s+read|like\s+this)\b.*
  | you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)\b.*
  | recommended(?:\s+for\s+you|\s+stories|\s+reading)?|editor'?s\s+picks?|top\s+stories
  | (?:most\s+(?:read|popular|viewed|shared)|popular|trending)(?:\s+(?:now|posts|stories|articles|news))?
  | latest(?:\s+(?:news|posts|stories|articles))?|what\s+to\s+read\s+next|recent\s+posts
  | leave\s+a\s+(?:comment|reply)|\d*\s*(?:comments?|responses?|replies)|join\s+the\s+(?:discussion|conversation)
  | share(?:\s+this(?:\s+(?:article|story|post|page))?)?|sign\s+up\b.*|subscribe\b.*
  | lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|(?:das\s+)?könnte\s+sie\s+auch\s+interessieren
  | weitere\s+(?:artikel|nachrichten|themen)|auch\s+interessant|verwandte\s+artikel|kommentare
  | (?:à|a)\s+lire\s+aussi|lire\s+aussi|sur\s+le\s+même\s+sujet|vous\s+aimerez\s+aussi
  | articles\s+similaires|commentaires|partager
  | te\s+puede\s+interesar|(?:noticias|artículos|articulos)\s+relacionad[oa]s|lee\s+también
  | más\s+noticias|comentarios|você\s+pode\s+gostar|leia\s+também|veja\s+também
  | (?:notícias|posts|matérias)\s+relacionad[oa]s|mais\s+lidas|comentários
  | potrebbe\s+interessarti|leggi\s+anche|articoli\s+correlati|lees\s+ook|meer\s+nieuws
)\W*$""", re.IGNORECASE | re.VERBOSE)
MAX_TITLE_CHARS = 60
_TITLE_TAGS = "h2, h3, h4, h5, h6"
# Weak words that page builders give every piece of a page, the article's included: where such a
# word names a node holding much of the page's prose, it says nothing of the page's other nodes.
PIECE_WORDS = frozenset(["widget", "widgets"])
# A weakly named node holding this share of the page's paragraph text is content, not chrome.
MAX_WEAK_PROSE_SHARE = 0.2
# Weakly named nodes inside the prose core holding more than this share of it are the article.
MAX_WEAK_CORE_SHARE = 0.3


def strip_boilerplate(tree: LexborHTMLParser, rules: SiteRules | None = None) -> ProseMap:
    """Remove boilerplate nodes from the tree, in place; return the prose map it weighed.

    No node that holds most of the page's prose goes, whatever its tag or name (a theme's
    "share-container" or an unclosed <aside> may wrap the article); inside the prose core,
    weakly named nodes go only while together they hold little of the core's prose (page
    builders name every piece of the article a "widget").
    """
    if tree.body is None:
        return ProseMap()
    _decompose_matches(tree, _UNREADABLE_SELECTOR)
    prose = prose_map(tree)
    # One query for all of a rule's selectors: each query walks the whole tree.
    doomed = list(tree.css(", ".join(rules.strip))) if rules and rules.strip else []
    chrome = tree.css(_CHROME_OR_TOGGLES)  # toggles read in the same walk, before buttons go
    toggles = page_toggles(chrome)
    worded = {node.mem_id: node for node in chrome if _in_sentence(node)}
    doomed += [node for node in chrome if node.tag in _CHROME_SET and node.mem_id not in worded]
    for node in worded.values():  # inline-block: the page shows a gap on either side
        node.replace_with(f" {node.text().strip()} ")
    doomed += _titled_sections(tree)
    met: dict[int, bool] = {}
    removed = _decompose_all([node for node in doomed if not prose.holds_most(node)], met)
    # Measured again from the first reading, unless a button's text went into a paragraph.
    prose = prose_map(tree) if worded else remeasure(prose, tree, removed, met)
    article = PageArticle(tree.body)
    headings = heading_holders(tree, article.h1s)
    parts = [(node, node.tag) for node in tree.css(_PARTS_SELECTOR)]
    doomed = [node for node, tag in parts if tag in _STRUCTURAL_SET
              and prose.share(node) < MAX_WEAK_PROSE_SHARE and not article.held_by(node)
              and not (tag == "header" and _is_section_header(node, prose))]
    doomed += [node for node, _ in parts  # (None for the parts without the attribute)
               if node.attributes.get("itemprop") in METADATA_PROPS and node.css_first("p") is None]
    captions: list[LexborNode] = []
    doomed += _named_boilerplate(tree, prose, article, headings, toggles, captions)
    held: dict[int, bool] = {}
    outermost = _outermost([node for node in doomed if not prose.holds_most(node)]
                           + _page_footers(parts, prose), held)
    captions = [node for node in captions if not _held(node, held)]  # (read before they go)
    removed = _decompose_outermost(outermost)
    if not any(article.holds(mem_id) or mem_id in headings for mem_id in removed):
        prose.article, prose.headings = article, headings  # no container nor h1 went with them
    if len(removed) == len(outermost):  # (a kept <body> keeps what it holds: read them afresh)
        prose.captions = captions
    return prose


def _in_sentence(node: LexborNode) -> bool:
    """True for a button standing between words of a paragraph's sentence ('said professor
    <button>Ann Lee,</button> the director of ...'): a person card it opens, its text read."""
    if node.tag != "button" or node.parent is None or node.parent.tag != "p":
        return False
    before, after = node.prev, node.next
    return all(side is not None and side.tag == "-text" and _LETTER.search(side.text(deep=False))
               for side in (before, after))


def _is_section_header(node: LexborNode, prose: ProseMap) -> bool:
    """True for a <header> inside the article that titles the section of text after it (an
    h2-h6, no paragraph): a listicle's items open with one; a teaser's does not."""
    if node.css_first(_TITLE_TAGS) is None or node.css_first("p, h1") is not None:
        return False
    after = node.next
    while after is not None and after.tag == "-text":
        after = after.next
    return after is not None and prose.of(after) >= MIN_SECTION_PROSE and prose.in_core(node)


def _page_footers(parts: list[tuple[LexborNode, str | None]], prose: ProseMap) -> list[LexborNode]:
    """The page's footers: after the h1, outside the article, though their legal notices
    rival or outweigh a short article's prose (which must lie outside them). `parts`: the
    page's elements with their tags in page order, its h1s and footers among them."""
    footers: list[LexborNode] = []
    after_h1 = False
    for node, tag in parts:
        if tag == "h1":
            after_h1 = True
        elif tag == "footer" and after_h1 and prose.share(node) >= MAX_WEAK_PROSE_SHARE and node.css_first("h1") is None \
                and prose.total - prose.of(node) >= MIN_OUTSIDE_FOOTER_CHARS and not _in_article(node):
            footers.append(node)
    return footers


def _in_article(node: LexborNode) -> bool:
    """True when an ancestor of node is an article container (its own footer: notes, bios)."""
    parent = node.parent
    for _ in range(MAX_ANCESTORS):
        if parent is None:
            return False
        if is_article_container(parent):
            return True
        parent = parent.parent
    return False


def _named_boilerplate(tree: LexborHTMLParser, prose: ProseMap, article: PageArticle,
                       headings: set[int], toggles: Toggles,
                       captions: list[LexborNode] | None = None) -> list[LexborNode]:
    """Nodes whose names mark them as boilerplate (weak names only when they hold little, and
    never a page builder's piece word that also names a large piece of the page's prose).
    `captions`, when given, receives the elements whose class names a caption or a gallery
    (non_body_nodes reads them: the classes are read here already)."""
    doomed: list[LexborNode] = []
    weak: list[tuple[LexborNode, str]] = []  # with their names
    content_words: set[str] = set()  # piece words naming a large piece of prose on this page
    has_code = tree.css_first(_CODE_SELECTOR) is not None
    for node, mem_id, verdict, attrs in _named_nodes(tree, toggles, captions):
        if article.holds(mem_id) or mem_id in headings \
                or (has_code and _in_code(node)):  # (not when it wraps the page: _wraps_page)
            continue
        if verdict == "strong":
            doomed.append(node)
        elif node.tag in HEADING_TAGS:
            continue
        elif prose.share(node) < MAX_WEAK_PROSE_SHARE:
            weak.append((node, _names(attrs)))
        else:
            content_words.update(_weak_words(_names(attrs)) & PIECE_WORDS)
    weak_in_core: list[LexborNode] = []
    for node, names in weak:
        # A weakly named node's names hold a weak word (within the first MAX_CACHED_NAMES
        # characters when they are no longer): with no content word on the page, it is chrome.
        if (content_words or len(names) > MAX_CACHED_NAMES) and _weak_words(names) <= content_words:
            continue
        (weak_in_core if prose.in_core(node) else doomed).append(node)
    core_prose = prose.of(prose.core) if prose.core is not None else 0
    if sum(prose.of(node) for node in _outermost(weak_in_core)) <= MAX_WEAK_CORE_SHARE * core_prose:
        doomed += weak_in_core
    return doomed


def _named_nodes(tree: LexborHTMLParser, toggles: Toggles, captions: list[LexborNode] | None = None
                 ) -> list[tuple[LexborNode, int, str, dict[str, str | None]]]:
    """The nodes whose names or attributes mark them (_verdict not None), each with its mem_id,
    its verdict and the attributes judged (for a node judged by its class alone, that class).
    `captions`, when given, receives the nodes whose class names a caption or a gallery."""
    seen: dict[str, str | None] = {}  # the verdicts of the names met on this page
    classes: dict[str, int] = {}  # the marks of each class met (a page repeats its classes)
    captions = [] if captions is None else captions
    # A node matching several of the selectors is listed once for each, in a row: judged once.
    whole = {node.mem_id: node for node in tree.css(_JUDGED_WHOLE)}
    named: list[tuple[LexborNode, int, str, dict[str, str | None]]] = []
    for mem_id, node in whole.items():
        attrs = node.attributes  # (a new dict at each read: read once)
        names = attrs.get("class")
        if names:
            marks = classes.get(names)
            if marks is None:
                marks = classes[names] = _class_marks(names)
                seen[names] = _VERDICTS[marks & _JUDGED]  # (as _verdict finds it)
            if marks & _CAPTIONED:
                captions.append(node)
        verdict = _verdict(node, seen, toggles, attrs)
        if verdict is not None:
            named.append((node, mem_id, verdict, attrs))
    for node in tree.css(_CLASSED):
        mem_id = node.mem_id
        if mem_id in whole:
            continue
        names = node.attrs.get("class")  # (as _verdict reads a node with a class and nothing else)
        if not names:
            continue
        marks = classes.get(names)
        if marks is None:
            marks = classes[names] = _class_marks(names)
        if not marks:  # (most classes)
            continue
        if marks & _CAPTIONED:
            captions.append(node)
        if marks & _JUDGED and node.tag not in _UNJUDGED_TAGS:
            named.append((node, mem_id, _VERDICTS[marks & _JUDGED], {"class": names}))
    return named


# Elements whose text is never body text, though their images matter to the credit extractor.
NON_BODY_TAGS = "figure, figcaption"
# A figure holding one of these is content (a block editor's table or code listing): only its
# caption stays out.
CONTENT_FIGURE_MARKS = "table, pre"
NON_BODY_WORDS = ("caption", "credit", "gallery", "slideshow", "carousel", "lightbox")
NON_BODY_NAMES = ", ".join(f"[class*='{word}' i]" for word in NON_BODY_WORDS)
# Both in one query (each query walks the whole tree), told apart by tag and class.
_NON_BODY_SELECTOR = f"{NON_BODY_TAGS}, {NON_BODY_NAMES}"
_NON_BODY_TAG_SET = frozenset({"figure", "figcaption"})


def non_body_nodes(tree: LexborHTMLParser, prose: ProseMap | None = None) -> set[int]:
    """Return the ids of caption, credit and gallery elements, to leave out of the text.

    Figures always, unless they hold a table or a code listing (their captions still go);
    elements named like captions or galleries only when they hold little of the page's prose
    ("penci-enable-lightbox" may name the whole page).
    """
    body = tree.body
    if body is None:
        return set()
    skip: set[int] = set()
    # The elements named like captions the stripper read, else those of one query with the
    # figures (six substring tests per classed element: the costliest query of the page).
    known = prose.captions if prose is not None else None
    named: list[LexborNode] = [] if known is None else known
    for node in tree.css(_NON_BODY_SELECTOR if known is None else NON_BODY_TAGS):
        tag = node.tag
        if tag in _NON_BODY_TAG_SET and (tag != "figure" or node.css_first(CONTENT_FIGURE_MARKS) is None):
            skip.add(node.mem_id)
        if known is None and _named_non_body(node):
            named.append(node)
    prose = prose if prose is not None else prose_map(tree)
    # The stripper's own findings stand while nothing it removed held a container or an h1.
    article = prose.article if prose.article is not None else PageArticle(body)
    headings = prose.headings if prose.headings is not None else heading_holders(tree)
    for node in named:
        if prose.share(node) < MAX_WEAK_PROSE_SHARE and not _wraps_page(node, article, headings):
            skip.add(node.mem_id)
    return skip


def _named_non_body(node: LexborNode) -> bool:
    """True when the element's class holds a NON_BODY_WORDS word, in any case (as the
    selectors' ASCII case-insensitive match: no other character lowercases to these letters)."""
    names = node.attributes.get("class")
    if not names:
        return False
    lowered = names.lower()
    return any(word in lowered for word in NON_BODY_WORDS)


def _titled_sections(tree: LexborHTMLParser) -> list[LexborNode]:
    """Return the sections titled like related/comment/share blocks.

    When the title opens its container (nothing before it), the container goes; otherwise
    the title and the link lists right after it go, up to the next prose paragraph.
    """
    doomed: list[LexborNode] = []
    for heading in tree.css(_TITLE_TAGS):
        title = heading.text(deep=True).strip()
        if len(title) > MAX_TITLE_CHARS or not SECTION_TITLES.match(title):
            continue
        parent = heading.parent
        if parent is not None and parent.tag not in ("body", "html", "main", "article") \
                and _opens(parent, heading) and parent.css_first("h1, main, [itemprop='articleBody']") is None:
            doomed.append(parent)
            continue
        doomed.append(heading)
        sibling = heading.next
        while sibling is not None and not (sibling.tag in ("p", "h2", "h3", "h4", "h5", "h6")
                                           and _is_prose_paragraph(sibling)):
            if sibling.tag != "-text":
                doomed.append(sibling)
            sibling = sibling.next
    return doomed


def _opens(parent: LexborNode, heading: LexborNode) -> bool:
    """True when no text comes before the heading inside its parent."""
    node = heading.prev
    while node is not None:
        if (node.text(deep=True) or "").strip():
            return False
        node = node.prev
    return True


def _is_prose_paragraph(node: LexborNode) -> bool:
    text = node.text(deep=True).strip()
    links = sum(len(a.text(deep=True)) for a in node.css("a"))
    return len(text) >= 80 and links < 0.3 * len(text)


def _wraps_page(node: LexborNode, article: PageArticle, headings: set[int]) -> bool:
    """True when the node holds the page's own article container or an h1."""
    return article.held_by(node) or node.mem_id in headings


def heading_holders(tree: LexborHTMLParser, h1s: list[LexborNode] | None = None) -> set[int]:
    """The ids of the page's h1s and of every element holding one (each walk up stops at an
    element already recorded: linear whatever the depth, unlike a query per element). `h1s`:
    the page's h1s, when the caller has them (PageArticle of the body: no h1 lies outside it)."""
    holders: set[int] = set()
    for heading in tree.css("h1") if h1s is None else h1s:
        node: LexborNode | None = heading
        while node is not None and node.mem_id not in holders:
            holders.add(node.mem_id)
            node = node.parent
    return holders


def _in_code(node: LexborNode) -> bool:
    """True inside a code listing, whose highlighter names its tokens "comment", "tag" ..."""
    return any(parent.tag in CODE_TAGS for parent in ancestors(node, MAX_CODE_DEPTH))


def _verdict(node: LexborNode, seen: dict[str, str | None] | None = None,
             toggles: Toggles | None = None, attrs: dict[str, str | None] | None = None) -> str | None:
    """Return "strong", "weak" or None: how surely the node's names mark boilerplate.

    A hidden node is strong, unless it is a panel the page's `toggles` open. `seen` keeps the
    verdicts of the attribute values already judged on this page (a page repeats its class
    strings on hundreds of nodes; its ids are new each time). `attrs`: the node's attributes,
    when the caller has read them already.
    """
    tag = node.tag
    if tag in _UNJUDGED_TAGS:
        return None
    attrs = node.attributes if attrs is None else attrs
    seen = seen if seen is not None else {}
    if _NOT_CLASS_NAMES.isdisjoint(attrs):  # most elements: a class, nothing else to judge
        names = attrs.get("class")
        if not names:
            return None
        verdict = seen.get(names, _UNSEEN)
        if verdict is _UNSEEN:
            verdict = seen[names] = _name_verdict(names)
        return verdict
    if attrs.get("role") in _ROLE_SET or _hidden(attrs) and not (toggles and toggles.open(node)):
        return "strong"
    weak = False
    for attribute in NAME_ATTRIBUTES:
        names = attrs.get(attribute)
        if names and not (attribute == "id" and tag in HEADING_TAGS and _is_slug(names, node)):
            verdict = seen.get(names, _UNSEEN)
            if verdict is _UNSEEN:
                verdict = seen[names] = _name_verdict(names)
            if verdict == "strong":
                return verdict
            weak = weak or verdict == "weak"
    return "weak" if weak else None


_UNSEEN = "unseen"  # no verdict yet for these names
# The attributes _verdict reads besides the class (a node with none of them: its class decides).
_NOT_CLASS_NAMES = frozenset({"role", "aria-hidden", "hidden", "style", *NAME_ATTRIBUTES[1:]})
# A heading's id made from its own words ("h-what-is-social-shopping" on "What is social
# shopping?") names nothing: at least this many words, nearly all of them the heading's.
MIN_SLUG_WORDS = 3
SLUG_SHARE = 0.75
_SLUG_WORDS = re.compile(r"[^\W\d_]{2,}")


def _is_slug(names: str, node: LexborNode) -> bool:
    """True when an id is the heading's own text written as a name."""
    words = _SLUG_WORDS.findall(names.lower())
    if len(words) < MIN_SLUG_WORDS:
        return False
    text = set(_SLUG_WORDS.findall(node.text(deep=True).lower()))
    return sum(word in text for word in words) >= SLUG_SHARE * len(words)


def _hidden(attrs: dict[str, str | None]) -> bool:
    """True when the attributes hide the node from readers (a streamed React part is shown)."""
    if "aria-hidden" not in attrs and "hidden" not in attrs and "style" not in attrs:
        return False  # most elements: three key tests
    if attrs.get("aria-hidden") == "true":
        return True
    if "hidden" in attrs and not _STREAMED_PART.match(attrs.get("id") or ""):
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _names(attrs: dict[str, str | None]) -> str:
    """A node's names (from its attributes): class, id, data-component and data-module."""
    return " ".join(filter(None, (attrs.get("class"), attrs.get("id"),
                                  attrs.get("data-component"), attrs.get("data-module"))))


# A node's names are read this far for their weak words (what the cache holds stays small).
MAX_CACHED_NAMES = 300


@lru_cache(maxsize=4096)
def _weak_words(names: str) -> frozenset[str]:
    """The weak words among a node's names."""
    return WEAK_WORDS.intersection(_name_words(names[:MAX_CACHED_NAMES]))


def _name_verdict(names: str) -> str | None:
    """The verdict of a node's names alone: strong when a name ("jp-relatedposts") or a word
    of one ("share" in "share-bar") is a strong word, else weak for a weak one."""
    words = _name_words(names)
    if _LISTED_WORDS.isdisjoint(words):  # (most names: one set test)
        return None
    return "weak" if STRONG_WORDS.isdisjoint(words) else "strong"


_LISTED_WORDS = STRONG_WORDS | WEAK_WORDS
# What a class says, in bits: _name_verdict's finding (strong, else weak) and whether it names a
# caption or a gallery (a NON_BODY_WORDS word in its lowercase, as _named_non_body finds).
_STRONG, _WEAK, _CAPTIONED = 1, 2, 4
_JUDGED = _STRONG | _WEAK
_VERDICTS = (None, "strong", "weak")  # by the verdict's bits


def _class_marks(names: str) -> int:
    """What a class says (the bits above), from one lowercasing."""
    lowered = names.lower()
    # NON_BODY_WORDS spelled out: six substring searches cost less than one search of a pattern
    # of the six, tried at each of the class's positions holding a first letter of them.
    marks = _CAPTIONED if ("caption" in lowered or "credit" in lowered or "gallery" in lowered
                           or "slideshow" in lowered or "carousel" in lowered
                           or "lightbox" in lowered) else 0
    words = _name_words(names, lowered)
    if _LISTED_WORDS.isdisjoint(words):
        return marks
    return marks | (_WEAK if STRONG_WORDS.isdisjoint(words) else _STRONG)


def _name_words(names: str, lowered: str | None = None) -> list[str]:
    """The lowercased names and the words of each ("NewsletterBox share-bar": newsletter, box,
    share-bar, share, bar; repeats kept: the callers test membership); whole hyphenated names
    only where one may be a listed word (the names' parts without a hyphen are words already).
    `lowered`: names.lower(), when the caller has it."""
    lowered = names.lower() if lowered is None else lowered
    if lowered != names:  # (names that lower() leaves as they are hold no capital to split at)
        lowered = _CAMEL_CASE.sub(" ", names).lower()
    # Each separator replaced with a space, then split (str.split splits at what the pattern
    # \s matches): a regular expression's search costs more.
    names = lowered.replace("_", " ").replace(":", " ").replace("/", " ").replace(".", " ")
    words = names.replace("-", " ").split()
    for word in _HYPHENATED_WORDS:  # most names hold none: one substring test each
        if word in names:
            words += names.split()
            break
    return words


# The listed words that hold a hyphen: only these can be whole hyphenated names.
_HYPHENATED_WORDS = tuple(sorted(word for word in STRONG_WORDS | WEAK_WORDS if "-" in word))


def _outermost(nodes: list[LexborNode], held: dict[int, bool] | None = None) -> list[LexborNode]:
    """The nodes that no other node of the list contains (each once). Each walk up stops at
    an element an earlier walk met: the nodes of one region share their ancestors. `held`
    (empty) receives the elements met: whether a listed node holds them (or is them)."""
    held = {} if held is None else held
    held.update(dict.fromkeys((node.mem_id for node in nodes), True))
    outermost: dict[int, LexborNode] = {}
    for node in nodes:
        walked, known = climb_to_known(node.parent, held)
        inside = known is not None and held[known]
        for mem_id in walked:
            held[mem_id] = inside
        if not inside:
            outermost[node.mem_id] = node
    return list(outermost.values())


def _decompose_matches(tree: LexborHTMLParser, selector: str) -> None:
    """Remove every element the selector matches (never the root nor the body) with its
    subtree, the last first: a query lists them in document order, so each goes before any
    element holding it, and none needs a walk up the tree."""
    for node in reversed(tree.css(selector)):
        node.decompose()


def _decompose_all(nodes: list[LexborNode], met: dict[int, bool] | None = None) -> list[int]:
    """Remove nodes; those inside another doomed node go with it (decided before any removal,
    since a removed node's descendants must not be touched again). Return the ids of the
    nodes removed with their subtrees (`met`, empty, receives what _outermost records)."""
    return _decompose_outermost(_outermost(nodes, met))


def _held(node: LexborNode, held: dict[int, bool]) -> bool:
    """True when the node lies inside (or is) one of the nodes whose ancestors _outermost
    recorded in `held` (recording the elements this walk up meets in turn)."""
    walked, known = climb_to_known(node, held)
    inside = known is not None and held[known]
    for mem_id in walked:
        held[mem_id] = inside
    return inside


def _decompose_outermost(outermost: list[LexborNode]) -> list[int]:
    """Remove the nodes (none inside another) with their subtrees, never the root nor the
    body; return the ids of those removed."""
    removed: list[int] = []
    for node in outermost:
        if node.tag not in _KEPT_TAGS:  # the root cannot be removed, nor the page's body
            removed.append(node.mem_id)
            node.decompose()
    return removed
