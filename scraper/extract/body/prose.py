"""How much article prose each element holds: the evidence the stripper and the rules weigh.

Prose is the text of paragraphs less their link text (and, inside an <article>, text written
straight into a <div> without paragraphs), counted once per paragraph and added to
every ancestor (summed up the tree once: linear in the elements above paragraphs, whatever the
depth). The prose core is the deepest element that still holds most of the page's
prose: the article lives inside it, whatever its class names say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..container import PageArticle
from ..nodes import climb_to_known

MAX_ANCESTORS = 200      # a walk up stops here: hostile nesting stays linear
CORE_SHARE = 0.5         # the prose core holds at least this share of the page's prose
MOST_SHARE = 0.5         # a node holding this share of the page's prose holds "most" of it
# Inside an <article>, text written straight into a <div> (no <p>) is prose too when this long.
LOOSE_TEXT_HOLDERS = "article div"
MIN_LOOSE_TEXT_CHARS = 80


@dataclass
class ProseMap:
    """Prose characters per element (by mem_id), the page's total and its prose core."""

    chars: dict[int, int] = field(default_factory=dict)
    total: int = 0
    core: LexborNode | None = None
    # The page's own containers and the holders of its h1s as the stripper found them, when
    # nothing it removed afterwards held one (None otherwise): still those of the stripped tree.
    article: PageArticle | None = None
    headings: set[int] | None = None
    # The elements whose class names a caption or a gallery, as the stripper left them (None:
    # not read): non_body_nodes reads them instead of querying the tree again.
    captions: list[LexborNode] | None = None
    # How many steps up each element met by in_core lies from the core (None: not below it).
    _core_steps: dict[int, int | None] = field(default_factory=dict, init=False, repr=False,
                                               compare=False)
    # What prose_map read, for remeasure to reuse after nodes are removed (None: not kept).
    _survey: _Survey | None = field(default=None, repr=False, compare=False)

    def of(self, node: LexborNode) -> int:
        """The prose characters inside node."""
        return self.chars.get(node.mem_id, 0)

    def share(self, node: LexborNode) -> float:
        """The share of the page's prose inside node."""
        # (the count read here, not by `of`: the stripper asks this of hundreds of nodes)
        return self.chars.get(node.mem_id, 0) / self.total if self.total else 0.0

    def holds_most(self, node: LexborNode) -> bool:
        """True when node holds most of the page's prose (it is, or wraps, the article)."""
        return self.total > 0 and self.chars.get(node.mem_id, 0) >= MOST_SHARE * self.total

    def in_core(self, node: LexborNode) -> bool:
        """True when node lies strictly inside the prose core (at most MAX_ANCESTORS levels
        below it). Each walk up stops at an element an earlier walk met: the nodes of one
        region share their ancestors, each read once."""
        if self.core is None:
            return False
        steps = self._core_steps
        steps.setdefault(self.core.mem_id, 0)
        walked, known = climb_to_known(node, steps)
        found = None if known is None else steps[known]  # steps from there up to the core
        for mem_id in reversed(walked):
            found = None if found is None else found + 1
            steps[mem_id] = found
        return found is not None and 0 < found <= MAX_ANCESTORS


@dataclass
class _Survey:
    """What prose_map read: the prose of each counted holder, the paragraphs (with theirs),
    the parent of each element above a counted holder, and where each walk up starts among
    those."""

    own: dict[int, int]
    paragraphs: dict[int, tuple[LexborNode, int]]
    parent_of: dict[int, int | None]
    walks: list[int]


def prose_map(tree: LexborHTMLParser) -> ProseMap:
    """Measure the prose of every element of the tree and find the prose core."""
    result = ProseMap()
    body = tree.body
    if body is None:
        return result
    own: dict[int, int] = {}
    parent_of: dict[int, int | None] = {}
    walks: list[int] = []  # where each walk up starts among parent_of's keys
    paragraphs: dict[int, tuple[LexborNode, int]] = {}
    # Paragraphs and loose text holders in one query (each query walks the whole tree).
    for node in body.css(_PROSE_HOLDERS):
        mem_id = node.mem_id
        if node.tag_id == _PARAGRAPH_TAG_ID:
            length = paragraph_prose(node)
            paragraphs[mem_id] = (node, length)
        else:
            length = len(node.text(deep=False).strip())
            length = length if length >= MIN_LOOSE_TEXT_CHARS else 0
        if length:
            result.total += length
            own[mem_id] = own.get(mem_id, 0) + length
            walks.append(len(parent_of))
            _link_ancestors(node, parent_of, mem_id)
    result.chars = _subtree_sums(own, parent_of, walks)
    result.core = _core(body, result.chars, result.total)
    result._survey = _Survey(own, paragraphs, parent_of, walks)
    return result


def remeasure(prose: ProseMap, tree: LexborHTMLParser, removed: list[int],
              met: dict[int, bool]) -> ProseMap:
    """The prose map of the tree after the elements `removed` (mem_ids) went with their
    subtrees, when `prose` measured it before and nothing else changed; `met`: the removed
    nodes' ancestors (False) and what lies inside a removed node (True), as _outermost records.

    A holder inside a removed node goes (each counted one's walk up passes its removed
    ancestor); a paragraph holding a removed node is measured again; every other holder keeps
    its prose (a loose text holder's own text is not in its child elements). Reading no node
    but those paragraphs, it costs a fraction of prose_map. Measured afresh when it cannot
    tell (no survey, or a paragraph that held no prose now holds some: no walk up recorded).
    """
    survey = prose._survey
    body = tree.body
    if survey is None or body is None:
        return prose_map(tree)
    parent_of = survey.parent_of
    paragraphs = survey.paragraphs
    gone = set(removed)
    if gone.isdisjoint(parent_of) \
            and not any(not inside and mem_id in paragraphs for mem_id, inside in met.items()):
        # No holder nor element above one went and no paragraph lost a part (most pages: the
        # removals were chrome apart from the prose): every count stands, and so does the
        # core (no child the walk down weighed went, and the others kept their order).
        return ProseMap(chars=prose.chars, total=prose.total, core=prose.core)
    nodes = list(parent_of)
    order: list[int] = []  # each node before its parent (as _subtree_sums adds them)
    end = len(nodes)
    for start in reversed(survey.walks):
        order += nodes[start:end]
        end = start
    lost: dict[int, bool] = {}  # whether each recorded element went (its parent decided first)
    for node in reversed(order):
        lost[node] = node in gone or lost.get(parent_of[node], False)  # type: ignore[arg-type]
    own = {node: length for node, length in survey.own.items() if not lost[node]}
    for mem_id, inside in met.items():
        if not inside and mem_id in paragraphs:  # a paragraph holding a removed node: it stays
            paragraph, was = paragraphs[mem_id]
            length = paragraph_prose(paragraph)
            if length and not was:
                return prose_map(tree)
            if length:
                own[mem_id] = length
            else:
                own.pop(mem_id, None)
    result = ProseMap(total=sum(own.values()))
    # Each node's count once its children's are in (only elements holding prose, as prose_map).
    sums = dict(own)
    chars = result.chars
    for node in order:
        held = sums.get(node, 0)
        if held and not lost[node]:
            chars[node] = held
            parent = parent_of[node]
            if parent is not None:
                sums[parent] = sums.get(parent, 0) + held
    result.core = _core(body, chars, result.total)
    return result


def _link_ancestors(node: LexborNode, parent_of: dict[int, int | None], mem_id: int) -> None:
    """Record the parent of the node (`mem_id`: its own) and of each ancestor, up to one
    already recorded (each element's mem_id read once: each read is a node access)."""
    current = node
    while mem_id not in parent_of:
        parent = current.parent
        if parent is None:
            parent_of[mem_id] = None
            return
        parent_id = parent_of[mem_id] = parent.mem_id
        current, mem_id = parent, parent_id


def _subtree_sums(own: dict[int, int], parent_of: dict[int, int | None],
                  walks: list[int]) -> dict[int, int]:
    """Each recorded node's own count plus its descendants', each node added to its parent
    once, when complete. `walks`: where each walk up starts among parent_of's keys (recorded
    in page order, each walk up to an element met before).

    The walks are taken last first, each from its start up: a node's children all lie in
    its own walk (before it) or in later walks (a walk passing one of them before would have
    recorded the node), so they are added before the node is.
    """
    nodes = list(parent_of)
    sums = dict.fromkeys(nodes, 0)
    sums.update(own)  # (each holder is recorded in parent_of)
    end = len(nodes)
    for start in reversed(walks):
        for node in nodes[start:end]:
            parent = parent_of[node]
            if parent is not None:
                sums[parent] += sums[node]
        end = start
    return sums


def paragraph_prose(paragraph: LexborNode) -> int:
    """A paragraph's characters outside links (the text of each link inside it, nested ones
    too, found by walking its few elements: a selector query per paragraph costs more)."""
    text = paragraph.text(deep=True)
    length = len(text.strip())
    if not length:
        return 0
    for node in paragraph.traverse():
        if node.tag_id == _LINK_TAG_ID:
            length -= len(node.text(deep=True))
    return max(length, 0)


_LINK_TAG_ID = LexborHTMLParser("<a></a>").css_first("a").tag_id  # type: ignore[union-attr]
_PARAGRAPH_TAG_ID = LexborHTMLParser("<p></p>").css_first("p").tag_id  # type: ignore[union-attr]
_PROSE_HOLDERS = f"p, {LOOSE_TEXT_HOLDERS}"


def _core(body: LexborNode, chars: dict[int, int], total: int) -> LexborNode | None:
    """Walk down from <body> into the child holding most prose while it holds enough."""
    if not total:
        return None
    node = body
    while True:
        best, held = None, 0  # the first child holding the most (each child's mem_id read once)
        for child in node.iter():
            count = chars.get(child.mem_id, 0)
            if count > held:
                best, held = child, count
        if best is None or held < CORE_SHARE * total:
            return node
        node = best
