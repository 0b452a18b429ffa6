"""Reading a run of byline candidates (in page order) as one byline.

The first candidate that names someone is the byline's anchor; it fixes the group (a few
levels up) the byline lives in. Later candidates add names only from inside that group and
only when they are the anchor's own kind (same tag and class, or links to author pages):
"Jane Doe" and "Ali Khan" in two `<div class="byline">` are co-authors, while the author's job
title, a "Full bio" link or an education list beside the name are not.

Credits of people who did not write the article are collected apart: a line "Reviewed by
X" or "Fact-checked by X", and every name after a label that stands alone ("Fact-checked by"
followed by three linked names) until an author label comes again. A byline label standing
alone ("Authors:") takes the kind of the element after it: its co-authors are that kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from ..document import squash
from ..nodes import ancestors
from .names import ENTITY_ARTICLES, OTHER_CREDIT, after_marker, named_entities, names_from_byline

GROUP_STOP_TAGS = frozenset({"article", "main", "header", "section", "body"})
GROUP_LEVELS = 5
CREDIT_MARKERS = ("by", "von", "par", "por", "door", "av")
MAX_CREDIT_LABEL_WORDS = 5


@dataclass
class Candidate:
    """One element that may hold the byline, with its text and how it is marked."""

    node: LexborNode
    text: str
    marked: bool            # byline class, itemprop/rel author, author link, site rule
    opens: bool             # its text opens with a byline marker or label ("By", "Autor:")
    credit: bool            # its text opens with another credit ("Reviewed by", "Editor:")
    signature: str          # what parallel elements of one byline share
    names: bool = True      # False: read only for the credits of others it holds
    label_only: bool = False  # a label standing alone ("Fact-checked by"): names follow it


@dataclass
class Byline:
    """What the visible byline says: people, or else outlets and accounts; whether it sits at
    the headline (strong) or was found elsewhere (weak); names credited for something else."""

    people: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    near: bool = False
    not_authors: set[str] = field(default_factory=set)
    signed: bool = False    # its names follow a marker or label ("By", "Autor:")


def read_byline(candidates: Iterable[Candidate], site_names: list[str], near: bool) -> Byline:
    """Read the candidates' names into one byline (see the module's docstring)."""
    byline = Byline(near=near)
    anchor: Candidate | None = None
    group: LexborNode | None = None
    crediting = False
    for candidate in candidates:
        if candidate.credit:
            credited = _credited(candidate.text, site_names)
            byline.not_authors.update(squash(name) for name in credited)
            crediting = not credited or candidate.label_only
            continue
        if group is not None and not _inside(candidate.node, group):
            continue
        crediting = crediting and not candidate.opens
        byline.not_authors.update(squash(name) for name in _inner_credits(candidate.text, site_names))
        if not candidate.names:
            continue
        people = names_from_byline(candidate.text, site_names, single_ok=candidate.marked)
        if crediting:
            byline.not_authors.update(squash(name) for name in people)
        elif people and anchor is None:
            anchor, group = candidate, _group_of(candidate.node)
            byline.people.extend(people)
            byline.signed = candidate.opens
        elif people and candidate.signature == anchor.signature:
            byline.people.extend(name for name in people if name not in byline.people)
        elif not people and not byline.others and (
                candidate.marked or candidate.opens and not _is_sentence(candidate.text)):
            byline.others.extend(named_entities(candidate.text, site_names))
    return byline


def _is_sentence(text: str) -> bool:
    """True for a line whose marker opens a sentence ("By refusing plastic, you ..."): the word
    after it is in lowercase while the line is not."""
    words = after_marker(text).split()
    return bool(words) and words[0][:1].islower() and words[0].lower() not in ENTITY_ARTICLES \
        and not text.islower()


def _credited(text: str, site_names: list[str]) -> list[str]:
    """The names a non-author credit line gives ("Reviewed by Jane Doe" -> ["Jane Doe"])."""
    words = text.split()
    for index, word in enumerate(words[:MAX_CREDIT_LABEL_WORDS]):
        if word.lower().rstrip(":") in CREDIT_MARKERS or word.endswith(":"):
            return names_from_byline(" ".join(words[index + 1:]), site_names, single_ok=True)
    return []


def _inner_credits(text: str, site_names: list[str]) -> list[str]:
    """Names credited for something else inside a byline line ("By A | Fact-checked by B")."""
    match = OTHER_CREDIT.search(text)
    if match is None or match.start() == 0:
        return []
    return names_from_byline(text[match.end():].lstrip(" :"), site_names, single_ok=True)


def _inside(node: LexborNode, group: LexborNode) -> bool:
    target = group.mem_id
    return node.mem_id == target or any(parent.mem_id == target for parent in ancestors(node))


def _group_of(node: LexborNode) -> LexborNode:
    """The element that holds one whole byline: a few levels up, below the article."""
    group = node
    for level, parent in enumerate(ancestors(node, GROUP_LEVELS)):
        if parent.tag in GROUP_STOP_TAGS or level >= GROUP_LEVELS:
            break
        group = parent
    return group
