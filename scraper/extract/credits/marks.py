"""Which elements of the page hold a picture or a `data-caption` attribute, marked once.

Reading a picture asks of the elements around it whether they hold another picture (the
next picture's territory) or a caption attribute. One CSS query per element costs more than
marking, once per page, every element on the way up from each picture and each caption
attribute: the answer is then a set lookup.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from .patterns import CAPTION_DATA_ATTRIBUTES, IMG_SELECTOR

PICTURE_TAGS = frozenset(tag.strip() for tag in IMG_SELECTOR.split(","))
# What a page query adds to its own parts (tags only) to list the elements to mark.
SELECTOR_PART = ", ".join([IMG_SELECTOR] + [f"[{name}]" for name in CAPTION_DATA_ATTRIBUTES])


class PictureMarks:
    """The ids of the elements holding (or being) a picture, and a caption attribute; and the
    readings of wrappers that several pictures of a gallery or a body ask about."""

    def __init__(self) -> None:
        self.pictures: set[int] = set()
        self.captions: set[int] = set()
        self.wrappers: dict[int, int | None] = {}  # `lone._figure_like` by wrapper id

    def holds_picture(self, node: LexborNode) -> bool:
        """True when the element is a picture or holds one (`node.css_first(IMG_SELECTOR)`)."""
        return node.mem_id in self.pictures

    def holds_caption_attribute(self, node: LexborNode) -> bool:
        """True when the element or one inside it carries a caption attribute."""
        return node.mem_id in self.captions


def mark_pictures(nodes: list[LexborNode], tags: frozenset[str]
                  ) -> tuple[list[tuple[LexborNode, str, int]], PictureMarks]:
    """The elements of a query for `tags` and `SELECTOR_PART` with one of `tags` (pictures
    among them), once each in document order with their tag and id (each read of a node
    builds a new object), and the marks of pictures and caption attributes.

    An element matching two parts of a query is listed twice in a row; one not of `tags`, or
    listed again, carries a caption attribute (tags match one part each).
    """
    marks = PictureMarks()
    listed: list[tuple[LexborNode, str, int]] = []
    previous = -1
    for node in nodes:
        tag, node_id = node.tag, node.mem_id
        if node_id == previous or tag not in tags:
            _mark_up(node, marks.captions)
            continue
        previous = node_id
        listed.append((node, tag, node_id))
        if tag in PICTURE_TAGS:
            _mark_up(node, marks.pictures)
    return listed, marks


def _mark_up(node: LexborNode | None, marked: set[int]) -> None:
    """Mark the node and its ancestors, stopping at one already marked (so are those above)."""
    while node is not None and node.mem_id not in marked:
        marked.add(node.mem_id)
        node = node.parent
