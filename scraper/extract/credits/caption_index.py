"""The images of a page, indexed by what a body paragraph may repeat of them.

Body paragraphs are checked against the images one by one: is this paragraph an image's
caption (with or without its credit), is this credit line one an image already has? Asking each
image each time costs paragraphs x images normalisations (2,000 figures: 20 s). Here every
caption and credit is normalised once, when its image is set, and a paragraph is answered by a
dictionary look-up.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ...models import Image

_NORMAL = re.compile(r"[^\w]+")
_FIRST_WORD = re.compile(r"\w+")


def normal(text: str | None) -> str:
    """Lower-case words joined by single spaces (punctuation and spacing do not count)."""
    return _NORMAL.sub(" ", text or "").strip().lower()


def caption_keys(image: Image) -> frozenset[str]:
    """The texts a paragraph repeating the image's caption reads as: alone, or with its credit."""
    caption = normal(image.caption)
    if not caption:
        return frozenset()
    if not image.credit:
        return frozenset({caption})
    return frozenset({caption, normal(f"{image.caption} {image.credit}")})


def _first_word(key: str) -> str:
    return key.split(" ", 1)[0]


class CaptionIndex:
    """A list of images kept in step with the normalised captions and credits they hold."""

    def __init__(self, images: list[Image]) -> None:
        self.images: list[Image] = []
        self._keys: list[frozenset[str]] = []
        self._credits: Counter[str] = Counter()
        self._by_key: dict[str, list[int]] = {}
        self._first_words: Counter[str] = Counter()  # each key's first word, for a cheap test
        for image in images:
            self.append(image)

    def find(self, paragraph: str) -> int | None:
        """Index of the first image whose caption (with or without credit) the text repeats."""
        if not self._by_key:
            return None  # no image has a caption: nothing to normalise the text for
        first = _FIRST_WORD.search(paragraph)  # the first word of its normal form, lowercased
        if first is None or self._first_words[first.group().lower()] <= 0:
            return None
        found = self._by_key.get(normal(paragraph))
        return found[0] if found else None

    def has_credit(self, credit: str | None) -> bool:
        """True when some image's credit reads the same (an image without credit reads as '')."""
        return self._credits[normal(credit)] > 0

    def append(self, image: Image) -> None:
        """Add an image at the end."""
        self.images.append(Image(url=None))
        self._keys.append(frozenset())
        self._credits[normal(None)] += 1
        self[len(self.images) - 1] = image

    def __setitem__(self, index: int, image: Image) -> None:
        """Replace the image at index, re-indexing its caption and credit."""
        old, new = self._keys[index], caption_keys(image)
        for key in old - new:
            holders = self._by_key[key]
            holders.remove(index)
            if not holders:
                del self._by_key[key]
                self._first_words[_first_word(key)] -= 1
        for key in new - old:
            holders = self._by_key.setdefault(key, [])
            if not holders:
                self._first_words[_first_word(key)] += 1
            bisect.insort(holders, index)
        self._credits[normal(self.images[index].credit)] -= 1
        self._credits[normal(image.credit)] += 1
        self.images[index] = image
        self._keys[index] = new

    def __getitem__(self, index: int) -> Image:
        return self.images[index]

    def __len__(self) -> int:
        return len(self.images)
