"""Word-level diffs between two texts, rendered like `git diff --word-diff`.

A word diff of whole articles is quadratic (difflib on 40,000 words took 56 s), so it is done
in two levels, as `git diff --word-diff` does with lines: first the sentences (runs of words
ending in . ! ? or a paragraph break) are matched, then words only inside the runs of
sentences that changed. Every matching step first drops the common head and tail (linear),
and runs difflib only on what is left when that is small enough (MAX_STEP_CELLS, the product
of the two lengths) and the whole diff has budget left (MAX_DIFF_CELLS); otherwise that part
is shown as removed and added as a whole. The work is so bounded by a constant plus the
length of the texts, whatever the texts are.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

CONTEXT_WORDS = 8
DELETED = ("[-", "-]")
INSERTED = ("{+", "+}")
GAP = "…"
MAX_STEP_CELLS = 250_000  # one difflib run: at most 500 x 500 sentences or words
MAX_DIFF_CELLS = 4_000_000  # every difflib run of one diff together

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？")
T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """One run of words: kept ("equal"), removed ("delete") or added ("insert")."""

    op: str
    words: tuple[str, ...]


class DiffCost:
    """The work of one diff: items scanned, and the cells (length x length) of each difflib
    run, the latter against the budget."""

    def __init__(self, budget: int = MAX_DIFF_CELLS) -> None:
        self.scanned = 0
        self.cells = 0
        self.runs = 0
        self.budget = budget

    @property
    def work(self) -> int:
        """Items scanned plus difflib cells: what the diff's time is proportional to."""
        return self.scanned + self.cells

    def allows(self, cells: int) -> bool:
        """Tell whether a difflib run of this many cells fits; if so, count it."""
        if cells > MAX_STEP_CELLS or self.cells + cells > self.budget:
            return False
        self.cells += cells
        self.runs += 1
        return True


Opcode = tuple[str, int, int, int, int]


def match(old: Sequence[T], new: Sequence[T], cost: DiffCost) -> list[Opcode]:
    """Return difflib-style opcodes turning `old` into `new`, within the cost budget."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_end, new_end = len(old) - tail, len(new) - tail
    cost.scanned += head + tail + 1
    opcodes: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    middle_old, middle_new = old[head:old_end], new[head:new_end]
    if not middle_old and not middle_new:
        pass
    elif len(middle_old) * len(middle_new) > 1 and cost.allows(
            len(middle_old) * len(middle_new)):
        matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=False)
        opcodes += [(op, i1 + head, i2 + head, j1 + head, j2 + head)
                    for op, i1, i2, j1, j2 in matcher.get_opcodes()]
    else:
        op = "replace" if middle_old and middle_new else "delete" if middle_old else "insert"
        opcodes.append((op, head, old_end, head, new_end))
    if tail:
        opcodes.append(("equal", old_end, len(old), new_end, len(new)))
    return opcodes


def _anchors(old: Sequence[T], new: Sequence[T]) -> list[tuple[int, int]]:
    """Return the pairs of positions of items found once in each, in an order both keep."""
    seen_old: dict[T, int] = {}
    for index, item in enumerate(old):
        seen_old[item] = -1 if item in seen_old else index
    seen_new: dict[T, int] = {}
    for index, item in enumerate(new):
        seen_new[item] = -1 if item in seen_new else index
    pairs = [(i, seen_new[item]) for item, i in seen_old.items()
             if i >= 0 and seen_new.get(item, -1) >= 0]
    pairs.sort()
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the longest run of pairs whose second items increase too (patience sorting)."""
    ends: list[int] = []  # ends[k]: smallest second item ending an increasing run of k + 1
    ending_at: list[int] = []  # the index in pairs of that end
    previous = [-1] * len(pairs)
    for index, (_, position) in enumerate(pairs):
        k = bisect.bisect_left(ends, position)
        if k:
            previous[index] = ending_at[k - 1]
        if k == len(ends):
            ends.append(position)
            ending_at.append(index)
        else:
            ends[k], ending_at[k] = position, index
    run, index = [], ending_at[-1] if ending_at else -1
    while index != -1:
        run.append(pairs[index])
        index = previous[index]
    return run[::-1]


def match_sentences(old: Sequence[T], new: Sequence[T], cost: DiffCost) -> list[Opcode]:
    """Opcodes for long sequences: anchored on the items found once in each (as patience
    diff does), difflib (within the budget) only between two anchors."""
    opcodes: list[Opcode] = []
    old_at = new_at = 0
    cost.scanned += len(old) + len(new)
    for old_anchor, new_anchor in [*_anchors(old, new), (len(old), len(new))]:
        for op, i1, i2, j1, j2 in match(old[old_at:old_anchor], new[new_at:new_anchor], cost):
            opcodes.append((op, i1 + old_at, i2 + old_at, j1 + new_at, j2 + new_at))
        if old_anchor < len(old):
            opcodes.append(("equal", old_anchor, old_anchor + 1, new_anchor, new_anchor + 1))
        old_at, new_at = old_anchor + 1, new_anchor + 1
    return opcodes


def sentences(text: str) -> list[tuple[str, ...]]:
    """Split a text into sentences, each a tuple of its words; a paragraph ends one too."""
    units: list[tuple[str, ...]] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        words: list[str] = []
        for word in paragraph.split():
            words.append(word)
            if word.endswith(_SENTENCE_END):
                units.append(tuple(words))
                words = []
        if words:
            units.append(tuple(words))
    return units


def _flat(units: Sequence[tuple[str, ...]]) -> list[str]:
    return [word for unit in units for word in unit]


def diff_words(old: str, new: str, cost: DiffCost | None = None) -> list[Change]:
    """Return the changes that turn the words of `old` into the words of `new`."""
    cost = cost or DiffCost()
    old_units, new_units = sentences(old), sentences(new)
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in match_sentences(old_units, new_units, cost):
        if op == "equal":
            _add(changes, "equal", _flat(old_units[i1:i2]))
            continue
        old_words, new_words = _flat(old_units[i1:i2]), _flat(new_units[j1:j2])
        for word_op, a1, a2, b1, b2 in match(old_words, new_words, cost):
            if word_op == "equal":
                _add(changes, "equal", old_words[a1:a2])
            else:
                _add(changes, "delete", old_words[a1:a2])
                _add(changes, "insert", new_words[b1:b2])
    return changes


def _add(changes: list[Change], op: str, words: Sequence[str]) -> None:
    """Append a run of words, merged into the last run when that has the same op."""
    if not words:
        return
    if changes and changes[-1].op == op:
        changes[-1] = Change(op, changes[-1].words + tuple(words))
    else:
        changes.append(Change(op, tuple(words)))


def count_changes(changes: list[Change]) -> tuple[int, int]:
    """Return (words added, words removed)."""
    added = sum(len(c.words) for c in changes if c.op == "insert")
    removed = sum(len(c.words) for c in changes if c.op == "delete")
    return added, removed


def _context(words: tuple[str, ...], first: bool, last: bool, context: int) -> str:
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(words) <= keep_head + keep_tail + 1:
        return " ".join(words)
    return " ".join([*words[:keep_head], GAP, *words[len(words) - keep_tail:]])


def render_word_diff(changes: list[Change], context: int = CONTEXT_WORDS) -> str:
    """Render changes with [-removed-] and {+added+} markers, long kept runs shortened."""
    if all(change.op == "equal" for change in changes):
        return ""
    parts = []
    for index, change in enumerate(changes):
        text = " ".join(change.words)
        if change.op == "delete":
            parts.append(f"{DELETED[0]}{text}{DELETED[1]}")
        elif change.op == "insert":
            parts.append(f"{INSERTED[0]}{text}{INSERTED[1]}")
        else:
            parts.append(_context(change.words, index == 0, index == len(changes) - 1, context))
    return " ".join(part for part in parts if part)
