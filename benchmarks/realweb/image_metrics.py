"""Image identity across renditions, and per-page image, credit and caption counts (fundus)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from benchmarks.realweb.field_metrics import name_key
from benchmarks.realweb.text_metrics import bag_of_words

CAPTION_F1 = 0.8
# Path segments that name a size or a format, not a picture: "400x300", "w_1280,c_limit", "smart".
_WEAK_SEGMENT = re.compile(r"^(?:\d+x\d+|[a-z]{1,2}_?\d+(?:,.*)?|fit-in|smart|master|image|img|"
                           r"images|photos?|resize|original|default|\d{1,4})$")
_SIZE_SUFFIX = re.compile(r"(?:-\d{2,4}x\d{2,4}|-scaled|=[whs]\d+.*)$")
_EXTENSION = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|bmp|svg)$")


def image_keys(url: str | None) -> set[str]:
    """The identities of an image URL: the URL without scheme, and its picture's file name.

    The file name is the last path segment naming a picture (size folders skipped), taken after
    percent-decoding (so a resizer URL wrapping the original yields the original's name), lower-
    cased, without extension or a WordPress size suffix; names shorter than 5 characters are not
    identities.
    """
    if not url:
        return set()
    parts = urlsplit(url.strip())
    keys = {f"url:{parts.netloc.lower()}{parts.path}?{parts.query}"}
    segments = [segment for segment in unquote(unquote(parts.path)).lower().split("/") if segment]
    for segment in reversed(segments):
        stem = _SIZE_SUFFIX.sub("", _EXTENSION.sub("", segment))
        if not _WEAK_SEGMENT.match(stem):
            if len(stem) >= 5:
                keys.add(f"file:{stem}")
            break
    return keys


def expected_keys(image: Mapping[str, Any]) -> set[str]:
    """Identities of a Fundus image over its main URL and every rendition."""
    urls = [image.get("url"), *(image.get("urls") or ())]
    return set().union(*(image_keys(url) for url in urls))


@dataclass(frozen=True)
class ImageCounts:
    """One page's image tallies: found of expected, credits found, captions matched."""

    images: int = 0
    found: int = 0
    credited: int = 0
    credit_found: int = 0
    captioned: int = 0
    caption_found: int = 0


def score_images(predicted: Iterable[Mapping[str, Any]], expected: Iterable[Mapping[str, Any]]
                 ) -> ImageCounts:
    """Match each expected image to our images sharing an identity; tally credits and captions."""
    ours = [(image_keys(image.get("url")), image) for image in predicted]
    counts = [0, 0, 0, 0, 0, 0]
    for truth in expected:
        keys = expected_keys(truth)
        matches = [image for image_ids, image in ours if image_ids & keys]
        credit, caption = (truth.get("credit") or "").strip(), (truth.get("caption") or "").strip()
        counts[0] += 1
        counts[1] += bool(matches)
        counts[2] += bool(credit)
        counts[3] += bool(credit) and any(credit_found(credit, image) for image in matches)
        counts[4] += bool(caption)
        counts[5] += bool(caption) and any(caption_found(caption, image) for image in matches)
    return ImageCounts(*counts)


def credit_found(expected_credit: str, image: Mapping[str, Any]) -> bool:
    """Every name of the Fundus credit ('; '-joined) occurs in our credit, photographer or source."""
    ours = " ".join(name_key(image.get(key) or "")
                    for key in ("credit", "photographer", "credit_source"))
    names = [name_key(name) for name in expected_credit.split(";")]
    names = [name for name in names if name]
    return bool(names) and all(f" {name} " in f" {ours} " for name in names)


def caption_found(expected_caption: str, image: Mapping[str, Any]) -> bool:
    """Our caption's word F1 against the expected caption reaches CAPTION_F1."""
    return bag_of_words(image.get("caption"), expected_caption).f1 >= CAPTION_F1
