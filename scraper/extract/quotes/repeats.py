"""Find which earlier quote a new one repeats, without comparing it with every earlier quote.

A quote repeats an earlier one when their normalised texts (lower-case words joined by single
spaces) are equal, or when the shorter, of MIN_CONTAINED_WORDS words or more, lies inside the
longer as whole words. Comparing each quote with all earlier ones costs quotes^2 (6,000
quotation marks: 3 s); here each text is cut once into runs of MIN_CONTAINED_WORDS words, and a
new quote is compared only with the earlier ones that share such a run with it:
- contained in an earlier quote: every run of the new one is in it, so the earlier quotes
  holding its rarest run are the only candidates;
- holding an earlier quote: that one is filed under one of its runs (its rarest when filed),
  and only the earlier quotes filed under a run of the new one are candidates.
A page's first few quotes (most pages have no more) are compared one by one, as cutting and
filing every run costs more than that; the index is built when their number reaches
INDEX_FROM. Both ways find the first earlier quote that repeats or is repeated.
"""

from __future__ import annotations

# Fewest words a quote needs before containment in another marks it as a repeat.
MIN_CONTAINED_WORDS = 4
# Kept quotes compared one by one before they are indexed (a page of quotes has 7 on average).
INDEX_FROM = 32


def word_runs(normal: str, size: int = MIN_CONTAINED_WORDS) -> list[str]:
    """Every run of `size` consecutive words of a normalised text, in order."""
    words = normal.split()
    return [" ".join(words[start:start + size]) for start in range(len(words) - size + 1)]


def repeats(shorter: str, longer: str) -> bool:
    """True when the shorter text equals the longer or lies in it as whole words."""
    if shorter == longer:
        return True
    if len(shorter.split()) < MIN_CONTAINED_WORDS:
        return False
    return f" {shorter} " in f" {longer} "


class RepeatIndex:
    """The normalised texts of the quotes kept so far, indexed by their runs of words once
    there are `index_from` of them."""

    def __init__(self, index_from: int = INDEX_FROM) -> None:
        self.normals: list[str] = []
        self._index_from = index_from
        self._indexed = False
        self._equal: dict[str, list[int]] = {}
        self._holding: dict[str, list[int]] = {}   # run -> quotes holding it
        self._filed: dict[str, list[int]] = {}     # run -> quotes filed under it
        self._last: tuple[str, list[str]] = ("", [])  # the text asked for last, and its runs

    def _runs(self, normal: str) -> list[str]:
        """The runs of a text, cut once for `find` and the `add` that follows it."""
        if self._last[0] != normal:
            self._last = (normal, word_runs(normal))
        return self._last[1]

    def find(self, normal: str) -> int | None:
        """The first kept quote that the text repeats or that repeats it."""
        if not self._indexed:
            candidates: set[int] | range = range(len(self.normals))
        else:
            candidates = set(self._equal.get(normal, ()))
            runs = self._runs(normal)
            if runs:
                candidates.update(min((self._holding.get(run, ()) for run in runs), key=len))
                for run in set(runs):
                    candidates.update(self._filed.get(run, ()))
        for index in sorted(candidates):
            other = self.normals[index]
            shorter, longer = (normal, other) if len(normal) <= len(other) else (other, normal)
            if repeats(shorter, longer):
                return index
        return None

    def add(self, normal: str) -> None:
        """Keep a new quote's text."""
        self.normals.append("")
        self.replace(len(self.normals) - 1, normal)

    def replace(self, index: int, normal: str) -> None:
        """Give a kept quote a new (longer) text; what the old one was filed under stays."""
        if self._indexed:
            self._file(index, self.normals[index], normal)
        self.normals[index] = normal
        if not self._indexed and len(self.normals) >= self._index_from:
            self._indexed = True
            for kept, text in enumerate(self.normals):
                self._file(kept, "", text)

    def _file(self, index: int, old: str, normal: str) -> None:
        """File a quote's text under its runs; those of its old text are filed already."""
        known = set(word_runs(old))
        self._equal.setdefault(normal, []).append(index)
        runs = self._runs(normal)
        for run in set(runs) - known:
            self._holding.setdefault(run, []).append(index)
        if runs:
            rarest = min(runs, key=lambda run: len(self._filed.get(run, ())))
            self._filed.setdefault(rarest, []).append(index)
