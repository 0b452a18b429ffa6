"""The article's visible byline: the one at its headline, else the first one on the page.

At the headline: from the headline's `<h1>`, the elements that follow it in page order are read
until the body's prose begins (then the few elements just before it). A byline there is an
element marked as one (classes like byline / author / contributor, `itemprop=author`,
`rel=author`, a link to an author page, a site rule's selector, the element beside an author's
picture or after a person icon) or a short line opening with a marker or label ("By", "Von",
"Written by", "Author:"); a label standing alone ("Written by") takes the text of the element
after it. An element whose class marks the author's job or description ("author-description")
is not a byline; a paragraph only of a name in bold right before the story's first paragraph
is one. Elsewhere on the page only marked elements count, outside comments, sidebars, teasers
and author boxes, and that byline is weaker evidence (`Byline.near` is False). How a run of
candidates becomes one byline is `reading.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from ..container import is_article_container
from ..document import Document, node_text, squash, unescape
from ..nodes import NameTest, ancestors, class_and_id, inside_region, next_outside
from .names import MAX_NAME_WORDS, OTHER_CREDIT, clean_name, is_other_credit
from .reading import Byline, Candidate, read_byline
from .words import LEAD_IN_WORDS

BYLINE_SELECTOR = ("[itemprop~=author], a[rel~=author], [class*=byline i], [class*=author i], "
                   "[class*=contributor i]")
BYLINE_WORDS = ("byline", "author", "contributor", "writer", "autor", "auteur")
BYLINE_CLASS = re.compile("|".join(BYLINE_WORDS), re.IGNORECASE)
# Bounded between the two words (within one class name), so a long class list costs linear time.
AUTHOR_DETAIL_CLASS = re.compile(r"(?:author|byline|writer|contributor)[\w-]{0,40}?[-_]"
                                 r"(?:desc(?:ription)?|job[-_]?title|job|role|position)(?![a-z])",
                                 re.IGNORECASE)
AUTHOR_HREF = re.compile(r"/(?:authors?|autor(?:en|in)?|auteurs?|autori?|writers?|contributors?|"
                         r"journalists?|journalisten|reporters?|redakteur(?:e|in)?|people|"
                         r"profiles?|staff|columnists?|team)/[^/?#]+", re.IGNORECASE)
# A line that opens a byline: a marker or label, or a short lead-in ending in one
# ("Ein Kommentar von", "Eine Analyse von").
OPENING = re.compile(r"^(?:(?:" + "|".join(sorted(LEAD_IN_WORDS)) + r")\s+){1,2}(?:von|par|por|door)\b|"
                     r"^(?:by|von|par|por|door|av|af|di|przez|"
                     r"written by|posted by|story by|words by|text by|article by|article written by|reported by|"
                     r"insights from|authors? of (?:the|this) (?:article|story|post)|author|authors|autorin/autor|autor/autorin|autor|autorin|autoren|auteur|autore|autores|"
                     r"written|reporter|contributors?)\b\s*[:\-–]?(?:\s|$)|"
                     r"^(?:text|texto|texte|tekst|текст|автор)\s*[:\-–](?:\s|$)", re.IGNORECASE)
# Byline-like elements in these regions sign something else: comments, teasers, bios.
FOREIGN_REGION_TAGS = frozenset({"aside", "footer", "nav", "form"})
# Elementor wraps every element of a page, the article's too, in "elementor-widget-*" classes.
# (A class/id test: "comment|related|sidebar|(?<!elementor-)widget|recirc|popular|trending|
# most-read|newsletter|footer|respond|reply|teaser|(?:^|[\s_-])promo(?:$|[\s_-])|author-?bio|
# about-the-author|author-?box|more-from|testimonial|review-author", searched in lowercase.)
FOREIGN_REGION_HINT = NameTest(
    ("comment", "related", "sidebar", "recirc", "popular", "trending", "most-read", "newsletter",
     "footer", "respond", "reply", "teaser", "author-bio", "authorbio", "about-the-author",
     "author-box", "authorbox", "more-from", "testimonial", "review-author"),
    r"(?<!elementor-)widget|(?:^|[\s_-])promo(?:$|[\s_-])", ("widget", "promo"))
SKIPPED_TAGS = frozenset({"meta", "link", "script", "style", "img", "svg", "body", "html",
                          "article", "main", "section", "time", "picture", "figure", "input",
                          "textarea", "button", "label", "select", "noscript", "template",
                          "h1", "h2", "ul", "ol", "table"})
# Skipped headings that still head a byline when they hold only its label ("<h2>Written by</h2>").
LABEL_HEADINGS = frozenset({"h2"})
TEXT_TAGS = frozenset({"-text", "#text", "-comment", "!comment"})
# The walk after the headline does not enter these: no byline of the article lives inside.
NO_DESCENT_TAGS = frozenset({"script", "style", "svg", "noscript", "template", "select",
                             "textarea", "iframe", "picture", "figure", "figcaption", "nav",
                             "aside", "footer", "form", "button", "video", "audio", "object"})
MAX_BYLINE_CHARS = 200
MAX_UNLABELLED_CHARS = 100
MAX_GLOBAL_NODES = 40
MAX_WALK = 250
PROSE_CHARS = 160
PROSE_PARAGRAPHS = 2
BEFORE_LEVELS = 2
BEFORE_SIBLINGS = 3
MAX_H1 = 6
# Icons of a person that themes put before the author's name (Font Awesome, Bootstrap Icons...).
ICON_TAGS = frozenset({"i", "span"})
PERSON_ICON = NameTest((), r"(?:^|[\s_-])(?:fa-user|fa-user-circle|fa-user-o|bi-person|"
                            r"bi-person-circle|icon-user|icon-person|icon-author|"
                            r"dashicons-admin-users|ion-person|ti-user|la-user)(?:$|\s)",
                       ("-user", "-person", "-author"))
MAX_NAME_LINE_CHARS = 80
FIRST_PARAGRAPH_CHARS = 80
# Between the names of a name line: "Jane Doe/Ali Khan", "Jane Doe and Ali Khan".
NAME_LINE_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
MAX_INNER = 60
LEADING_SKIPPED = frozenset({"time", "img", "svg", "br", "picture"})
MAX_FAR_PEOPLE = 4
# Words that sign an article away from its headline ("Written by X" after the text).
SIGNED_WORDS = ("written by", "article by", "words by", "story by", "author:", "authors:",
                "author(s)", "autor:", "autorin:", "autorin/autor", "autor/autorin", "auteur :", "auteur:", "autore:",
                "contributor:", "contributors:")
MAX_SIGNED_WORDS = 3
_SIGNED_PARTS = {part: tuple(word for word in SIGNED_WORDS if part in word)
                 for part in ("author", "autor", "auteur", "contributor", " by")}
MAX_PART_PLACES = 64


def visible_byline(document: Document, site_names: list[str], headline: str | None,
                   rule_selectors: tuple[str, ...] = (), signatures: bool = True) -> Byline:
    """Return the byline at the headline, else the first marked byline elsewhere, else (with
    `signatures`) the first signature line ("Written by X") elsewhere; a byline at the headline
    naming only an outlet ("Team Acme") gives way to a person signed elsewhere ("Written by X")."""
    ruled = _rule_nodes(document, rule_selectors)
    heading = headline_node(document, headline)
    near = Byline(near=True)
    if heading is not None:
        near = read_byline(_at_heading(heading, ruled), site_names, near=True)
        if near.people:
            return near
    far = read_byline(_marked_nodes(document, rule_selectors), site_names, near=False)
    if signatures and not far.people:
        signed = read_byline(_signed_nodes(document), site_names, near=False)
        far = signed if signed.people else far
    if near.others and not (far.people and far.signed):
        return near                         # an outlet at the headline, no person signing elsewhere
    far.not_authors |= near.not_authors
    if len(far.people) > MAX_FAR_PEOPLE:
        far.people = []                     # a list of writers, not one article's byline
    return far


def _signed_nodes(document: Document) -> Iterator[Candidate]:
    """Unmarked lines away from the headline that sign the article ("Written by X" after the
    text, "Author: X"), outside comments, sidebars and teasers."""
    body = document.tree.body
    page = (body.text(deep=True) if body is not None else "").encode("utf-8", "ignore").lower()
    words = _signing_words(page)
    seen: set[int] = set()
    for word in words[:MAX_SIGNED_WORDS]:
        for node in document.tree.css(f'*:lexbor-contains("{word}" i)')[:MAX_GLOBAL_NODES]:
            if node.mem_id in seen:
                continue
            seen.add(node.mem_id)
            candidate = _candidate(node, set(), set())
            if candidate is not None and candidate.opens:
                yield candidate


def _signing_words(page: bytes) -> list[str]:
    """The SIGNED_WORDS the page's text holds, in their order. Those sharing a part (author:,
    authors:, author(s) share "author"; written by, story by ... share " by") are looked for
    where one scan finds that part; the others by a scan each (bytes: fast search)."""
    found = set()
    for part, words in _SIGNED_PARTS.items():
        found.update(_words_at_part(page, part, words))
    return [word for word in SIGNED_WORDS if word in found or (
        not any(part in word for part in _SIGNED_PARTS) and word.encode() in page)]


def _words_at_part(page: bytes, part: str, words: tuple[str, ...]) -> set[str]:
    """Which of the words (each holding the part) occur in the page."""
    wanted = {word: (word.encode(), word.find(part)) for word in words}
    found: set[str] = set()
    key = part.encode()
    position, seen = page.find(key), 0
    while position >= 0 and len(found) < len(wanted):
        seen += 1
        if seen > MAX_PART_PLACES:            # a page full of the part: one scan per word
            return found | {word for word, (raw, _) in wanted.items() if raw in page}
        for word, (raw, offset) in wanted.items():
            if word not in found and position >= offset and page.startswith(raw, position - offset):
                found.add(word)
        position = page.find(key, position + 1)
    return found


def headline_node(document: Document, headline: str | None) -> LexborNode | None:
    """The `<h1>` that holds the headline (else the first inside an article, else the first)."""
    headings = document.h1s[:MAX_H1]
    key = squash(headline)
    if key:
        for heading in headings:
            text = squash(node_text(heading))
            if text and (text in key or key in text):
                return heading
    for heading in headings:
        if any(is_article_container(parent) for parent in ancestors(heading)):
            return heading
    return headings[0] if headings else None


def _rule_nodes(document: Document, selectors: tuple[str, ...]) -> set[int]:
    """The elements any rule selector names: one query for all (each query walks the page)."""
    if not selectors:
        return set()
    return {node.mem_id for node in document.tree.css(", ".join(selectors))}


def _at_heading(heading: LexborNode, ruled: set[int]) -> Iterator[Candidate]:
    """Byline candidates after the heading until the prose begins, then just before it."""
    around = {parent.mem_id for parent in ancestors(heading)}
    prose = 0
    for node, tag in _following(heading, MAX_WALK):
        candidate = _candidate(node, ruled, around, tag)
        if candidate is None and tag in ICON_TAGS and PERSON_ICON.search(
                node.attributes.get("class") or ""):
            holder = node.parent            # a person icon before the author's name
            if holder is not None:
                candidate = _candidate(holder, ruled | {holder.mem_id}, around)
        if candidate is None and tag == "img":
            holder = _avatar_holder(node)
            if holder is not None:          # the element beside an author's picture names them
                candidate = _candidate(holder, ruled | {holder.mem_id}, around)
        if candidate is None and tag == "p" and not prose:
            candidate = _bold_name_line(node)
        if candidate is not None:
            yield candidate
        elif tag == "p" and len(node.text(deep=True)) >= PROSE_CHARS:
            prose += 1
            if prose >= PROSE_PARAGRAPHS:
                break
    for node in _before(heading):
        candidate = _candidate(node, ruled, around)
        if candidate is not None and candidate.marked:
            yield candidate


def _marked_nodes(document: Document, rule_selectors: tuple[str, ...]) -> Iterator[Candidate]:
    selector = ", ".join((*rule_selectors, BYLINE_SELECTOR))
    seen: set[int] = set()
    for node in document.tree.css(selector)[:MAX_GLOBAL_NODES]:
        if node.mem_id in seen or node.tag in SKIPPED_TAGS or \
                AUTHOR_DETAIL_CLASS.search(node.attributes.get("class") or ""):
            continue
        seen.add(node.mem_id)
        text = _byline_text(node)
        if not text or len(text) > MAX_BYLINE_CHARS or _foreign(node, set()):
            continue
        opens = bool(OPENING.match(text))
        if (len(text) <= MAX_UNLABELLED_CHARS or opens) and (opens or not _holds_marked(node)):
            yield Candidate(node, text, marked=True, opens=opens, credit=is_other_credit(text),
                            signature=_signature(node))


def _candidate(node: LexborNode, ruled: set[int], around: set[int],
               tag: str | None = None) -> Candidate | None:
    """The element as a byline candidate, or None (`tag`: the node's, when read already)."""
    tag = node.tag if tag is None else tag
    if tag in SKIPPED_TAGS and not (tag in LABEL_HEADINGS and _is_byline_label(node_text(node))):
        return None
    marked = node.mem_id in ruled or _is_marked(node, tag)
    if not marked and not _may_lead(node):
        return None                         # neither marked, nor opening or crediting
    own = _leading_text(node)
    opens = bool(own) and bool(OPENING.match(own))
    credit = bool(own) and is_other_credit(own)
    if not (marked or opens or credit):
        return None
    text, signature = _byline_text(node), _signature(node)
    label_only = (opens or credit) and _is_label_only(text)
    following = _next_element(node) if label_only else None
    if following is not None:               # a label standing alone reads the element after
        text, signature = f"{text} {node_text(following)}".strip(), _signature(following)
    if not text or len(text) > MAX_BYLINE_CHARS or _foreign(node, around):
        return None
    if len(text) > MAX_UNLABELLED_CHARS and not (OPENING.match(text) or credit):
        return None
    if not (opens or credit) and _holds_marked(node):
        if OTHER_CREDIT.search(text):       # its inner elements name the people, but a
            return Candidate(node, text, marked, False, False, "", names=False)  # credit here
        return None                         # its inner byline elements speak one by one
    return Candidate(node, text, marked, opens or bool(OPENING.match(text)),
                     credit or is_other_credit(text), signature, label_only=label_only)


def _bold_name_line(node: LexborNode) -> Candidate | None:
    """A paragraph before the prose that is only a name in bold, right before the story's first
    paragraph, as print pages sign their stories ("<p><strong>Jane Doe/Ali Khan</strong></p>"),
    as a candidate; else None."""
    text = node_text(node)
    if not text or len(text) > MAX_NAME_LINE_CHARS or " " not in text:
        return None
    bold = node.css_first("strong, b")
    if bold is None or node_text(bold) != text:
        return None
    names = [clean_name(part) for part in NAME_LINE_SPLIT.split(text)]
    if not all(name and " " in name for name in names):
        return None
    following = node.next
    while following is not None and following.tag in TEXT_TAGS:
        following = following.next
    if following is None or following.tag != "p" or len(node_text(following)) < FIRST_PARAGRAPH_CHARS:
        return None                         # the story's first paragraph follows its byline
    return Candidate(node, text, marked=False, opens=False, credit=False, signature=_signature(node))


def _avatar_holder(image: LexborNode) -> LexborNode | None:
    """The element holding an author's picture: an avatar (class "avatar", as CMS themes mark
    it) or a headshot whose alt text, a person's full name, is the element's text ("<a><img
    alt="Jane Doe">Jane Doe</a>"); None for other images."""
    holder = image.parent
    if holder is None:
        return None
    attrs = image.attributes
    if "avatar" in (attrs.get("class") or "").lower():
        return holder
    alt = " ".join((attrs.get("alt") or "").split())
    # clean_name gives at most MAX_NAME_WORDS words: a longer alt (a photo's description) is
    # no name without its costly reading
    named = " " in alt and alt.count(" ") < MAX_NAME_WORDS and clean_name(alt) == alt \
        and squash(alt) == squash(node_text(holder))
    return holder if named else None    # not an icon beside "LinkedIn", nor a captioned photo


def _may_lead(node: LexborNode) -> bool:
    """False when the element's own text, if it led, would neither open a byline nor credit
    someone: then its leading text need not be read (most elements of the walk)."""
    raw = node.text(deep=False)
    if not raw or raw.isspace():
        return False                        # no own text (most wrappers): nothing to join
    own = " ".join(raw.split())
    return bool(OPENING.match(own)) or is_other_credit(own)


def _leading_text(node: LexborNode) -> str:
    """The element's own text when it opens with it; a date, an icon or an empty element
    before the text does not count, a word in a child element does ("<i>Title</i> by X")."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag in TEXT_TAGS:
            if tag in ("-text", "#text") and (child.text(deep=False) or "").strip():
                return " ".join(node.text(deep=False).split())
        elif tag not in LEADING_SKIPPED and _has_text(child):
            return ""
    return ""


def _has_text(node: LexborNode) -> bool:
    """True when some text inside the element is not blank (stops at the first such text)."""
    return any(part.tag == "-text" and (part.text_content or "").strip()
               for part in node.traverse(include_text=True))


def _is_marked(node: LexborNode, tag: str | None = None) -> bool:
    attrs = node.attributes
    classes = attrs.get("class") or ""
    byline_class = _byline_class(classes)
    # AUTHOR_DETAIL_CLASS needs one of the byline words: a class without any (nearly all)
    # skips that search.
    if byline_class and AUTHOR_DETAIL_CLASS.search(classes):
        return False                        # the author's job or description, not the name
    if "author" in (attrs.get("itemprop") or "").split() or "author" in (attrs.get("rel") or "").split():
        return True
    if byline_class:
        return True
    return (node.tag if tag is None else tag) == "a" and bool(AUTHOR_HREF.search(attrs.get("href") or ""))


def _byline_class(classes: str) -> bool:
    """True when a class attribute names a byline. ASCII classes (nearly all) are lowercased and
    tested for each word, ~10x faster than BYLINE_CLASS's case-insensitive search on a long
    class list; others take that search (its case folding also matches 'ı' or 'İ' to 'i')."""
    if not classes:
        return False
    if classes.isascii():
        lowered = classes.lower()  # BYLINE_WORDS spelled out: no generator per class
        return ("byline" in lowered or "writer" in lowered or "contributor" in lowered
                or "aut" in lowered and ("author" in lowered or "autor" in lowered
                                         or "auteur" in lowered))
    return BYLINE_CLASS.search(classes) is not None


def _holds_marked(node: LexborNode) -> bool:
    """True when a byline element holds other byline elements (a list of bylines)."""
    return any(_is_marked(inner) for inner in node.css("*")[:MAX_INNER]
               if inner.mem_id != node.mem_id)


def _signature(node: LexborNode) -> str:
    """What parallel elements of one byline share: the tag and the class, or the author mark."""
    attrs = node.attributes
    if node.tag == "a" and AUTHOR_HREF.search(attrs.get("href") or ""):
        return "a[author-href]"
    return f"{node.tag}.{' '.join((attrs.get('class') or '').split())}"


def _is_byline_label(text: str) -> bool:
    """True for a byline label standing alone ("Written by", "Article by:", "Authors")."""
    return bool(OPENING.match(text)) and _is_label_only(text)


def _is_label_only(text: str) -> bool:
    match = OPENING.match(text)
    if match is not None:
        return not text[match.end():].strip(" :-–")
    return len(text.split()) <= 4 and text.rstrip(" :").lower().endswith((" by", " von", " par"))


def _next_element(node: LexborNode) -> LexborNode | None:
    """The first element with text after a label (an avatar between them is passed over),
    when its text is name-sized."""
    sibling, skipped = node.next, 0
    while sibling is not None and skipped <= BEFORE_SIBLINGS and not node_text(sibling):
        skipped += sibling.tag not in TEXT_TAGS
        sibling = sibling.next
    if sibling is None or not node_text(sibling) or len(node_text(sibling)) > MAX_UNLABELLED_CHARS:
        return None
    return sibling


def _byline_text(node: LexborNode) -> str:
    """The element's text; the items of a list in it are separated ("By: <li>A</li><li>B</li>")."""
    name = node.css_first("[itemprop~=name]") if node.attributes.get("itemprop") else None
    node = name or node
    items = node.css("li")[:MAX_INNER] if node.tag != "li" else []
    if len(items) < 2:
        return unescape(node_text(node))
    lead = " ".join((node.text(deep=False) or "").split())
    return unescape(" ".join((lead, ", ".join(node_text(item) for item in items))).strip())


def _foreign(node: LexborNode, around: set[int]) -> bool:
    """True inside comments, sidebars, teasers, bios: regions that do not hold the heading."""
    if FOREIGN_REGION_HINT.search(class_and_id(node)):
        return True
    if not around:
        return inside_region(node, FOREIGN_REGION_TAGS, FOREIGN_REGION_HINT)
    for parent in ancestors(node):
        if parent.mem_id in around:
            return False
        if parent.tag in FOREIGN_REGION_TAGS or FOREIGN_REGION_HINT.search(class_and_id(parent)):
            return True
    return False


def _following(node: LexborNode, limit: int) -> Iterator[tuple[LexborNode, str]]:
    """The elements after `node` (outside it) in page order, at most `limit` of them, each
    with its tag."""
    current = next_outside(node)
    count = 0
    while current is not None and count < limit:
        tag = current.tag  # read once: each read builds a new string
        if tag not in TEXT_TAGS:
            yield current, tag
            count += 1
            child = current.child
            if child is not None and tag not in NO_DESCENT_TAGS:
                current = child
                continue
        current = next_outside(current)



def _before(heading: LexborNode) -> Iterator[LexborNode]:
    """The few elements just before the heading and before its wrapper, and their insides."""
    start: LexborNode | None = heading
    for _ in range(BEFORE_LEVELS):
        if start is None:
            return
        sibling, seen = start.prev, 0
        while sibling is not None and seen < BEFORE_SIBLINGS:
            if sibling.tag not in TEXT_TAGS:
                seen += 1
                if sibling.tag not in NO_DESCENT_TAGS:
                    yield sibling
                    yield from sibling.css("*")[:MAX_INNER]
            sibling = sibling.prev
        start = start.parent
