"""Collapsed panels: the hidden text a reader opens with a button (accordions, tabs).

An FAQ's answers, a listicle's "specs" tab or a guide's steps are often hidden until clicked;
their text is on the page, a click away, and unlike a hidden promo or a screen-reader copy, a
toggle points at it: a button's `aria-controls` names the panel's id, or a button saying whether
it is expanded (`aria-expanded`) sits right before it. Read before the stripper removes the
buttons.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from selectolax.lexbor import LexborNode

# A panel's toggle target lies this deep inside it; an expander this deep inside the box
# before the panel.
MAX_PANEL_DEPTH = 2
# The elements that toggle a panel.
TOGGLE_SELECTOR = "[aria-controls], [aria-expanded]"


class Toggles(NamedTuple):
    """What the page's toggles open (read before its buttons are stripped): the ids their
    `aria-controls` name, and the elements right after a button saying whether it is expanded."""

    targets: frozenset[str] = frozenset()
    followers: frozenset[int] = frozenset()

    def open(self, node: LexborNode) -> bool:
        """True for a panel a reader opens with a button (an accordion's answer, a tab): a
        toggle's target, a box wrapping one, or the box after an expander. Its text is on the
        page, only a click away."""
        if node.mem_id in self.followers:
            return True
        inner: LexborNode | None = node
        for _ in range(MAX_PANEL_DEPTH + 1):
            if inner is None or not self.targets:
                return False
            if inner.attributes.get("id") in self.targets:
                return True
            inner = next(inner.iter(), None)
        return False


def page_toggles(nodes: Iterable[LexborNode]) -> Toggles:
    """What the toggles among nodes (those matching TOGGLE_SELECTOR; others are passed over)
    open: the ids their `aria-controls` name, and the element after each expander
    (`aria-expanded`) and after each of its boxes up to MAX_PANEL_DEPTH levels up."""
    targets: set[str] = set()
    followers: set[int] = set()
    for toggle in nodes:
        attrs = toggle.attributes  # (a new dict at each call)
        controls = attrs.get("aria-controls")
        if controls:
            targets.update(controls.split())
        if "aria-expanded" not in attrs:
            continue
        node: LexborNode | None = toggle
        for _ in range(MAX_PANEL_DEPTH):
            if node is None:
                break
            after = node.next
            while after is not None and (after.tag or "-").startswith("-"):  # text, comments
                after = after.next
            if after is not None:
                followers.add(after.mem_id)
            node = node.parent
    return Toggles(frozenset(targets), frozenset(followers))
