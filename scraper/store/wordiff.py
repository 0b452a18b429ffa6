"""Word-level diffs between two texts, rendered like `git diff --word-diff`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

CONTEXT_WORDS = 8
DELETED = ("[-", "-]")
INSERTED = ("{+", "+}")
GAP = "…"


@dataclass(frozen=True)
class Change:
    """One run of words: kept ("equal"), removed ("delete") or added ("insert")."""

    op: str
    words: tuple[str, ...]


def diff_words(old: str, new: str) -> list[Change]:
    """Return the changes that turn the words of `old` into the words of `new`."""
    old_words, new_words = old.split(), new.split()
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            changes.append(Change("delete", tuple(old_words[i1:i2])))
        if op in ("insert", "replace"):
            changes.append(Change("insert", tuple(new_words[j1:j2])))
        if op == "equal":
            changes.append(Change("equal", tuple(old_words[i1:i2])))
    return changes


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
