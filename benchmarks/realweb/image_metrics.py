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
    """The strong identities of an image URL: the URL without scheme, and its picture's file name.

    The file name is the last path segment naming a picture (size folders skipped), taken after
    percent-decoding (so a resizer URL wrapping the original yields the original's name), lower-
    cased, without extension or a WordPress size suffix; names shorter than 5 characters are not
    identities.
    """
    if not url:
        return set()
    parts = urlsplit(url.strip())
    keys = {f"url:{parts.netloc.lower()}{parts.path}?{parts.query}"}
    for path in _paths(url):
        for segment in reversed(_segments(path)):
            stem = _SIZE_SUFFIX.sub("", _EXTENSION.sub("", segment))
            if not _WEAK_SEGMENT.match(stem):
                if len(stem) >= 5:
                    keys.add(f"file:{stem}")
                break
    return keys


_EMBEDDED_URL = re.compile(r"https?://[^&\s]+")


def _paths(url: str) -> list[str]:
    """The URL's path, and the path of a URL carried in its query (`?url=https://...`)."""
    parts = urlsplit(url.strip())
    embedded = _EMBEDDED_URL.findall(unquote(parts.query))
    return [parts.path, *(urlsplit(inner).path for inner in embedded[:1])]


def _segments(path: str) -> list[str]:
    return [segment for segment in unquote(unquote(path)).lower().split("/") if segment]


_ID_TOKEN = re.compile(r"[0-9a-z]{6,}")
_DATE_OR_SIZE = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}|\d+x\d+")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){3,}$")


def image_ids(url: str | None) -> set[str]:
    """Weaker identities that survive renditions named differently: id-like path tokens
    (6+ letters and digits with a digit in them, not a date or a size: "13862217", the parts of
    a UUID) and long slug folders ("...-image-group/wide__1300x731")."""
    ids: set[str] = set()
    segments = [segment for path in _paths(url or "") for segment in _segments(path)]
    for segment in segments:
        stem = _EXTENSION.sub("", segment)
        if _SLUG.match(stem) and len(stem) >= 20:
            ids.add(f"slug:{stem}")
        ids.update(f"id:{token}" for token in _ID_TOKEN.findall(stem)
                   if any(c.isdigit() for c in token) and not _DATE_OR_SIZE.fullmatch(token))
    return ids


def expected_keys(image: Mapping[str, Any]) -> set[str]:
    """Strong identities of a Fundus image over its main URL and every rendition."""
    urls = [image.get("url"), *(image.get("urls") or ())]
    return set().union(*(image_keys(url) for url in urls))


def expected_ids(image: Mapping[str, Any]) -> set[str]:
    """Weak identities of a Fundus image over its main URL and every rendition."""
    urls = [image.get("url"), *(image.get("urls") or ())]
    return set().union(*(image_ids(url) for url in urls))


def match_images(predicted: Iterable[Mapping[str, Any]], expected: Iterable[Mapping[str, Any]]
                 ) -> list[tuple[Mapping[str, Any], list[Mapping[str, Any]]]]:
    """Each expected image with the images of ours that show it.

    First by strong identity (several renditions of ours may match one picture); then each
    picture still unmatched takes the unused image of ours sharing the most weak identities,
    one to one, so a slug or id shared by a whole gallery cannot match one image to all.
    """
    ours = [(image_keys(image.get("url")), image_ids(image.get("url")), image)
            for image in predicted]
    pairs = [(truth, [image for keys, _, image in ours if keys & expected_keys(truth)])
             for truth in expected]
    used = {id(image) for _, matches in pairs for image in matches}
    for truth, matches in pairs:
        if matches:
            continue
        wanted = expected_ids(truth)
        shared = [(len(ids & wanted), index) for index, (_, ids, image) in enumerate(ours)
                  if id(image) not in used and ids & wanted]
        if shared:
            best = ours[max(shared)[1]][2]
            matches.append(best)
            used.add(id(best))
    return pairs


@dataclass(frozen=True)
class ImageCounts:
    """One page's image tallies, and for missed credits the expected and our credit lines."""

    images: int = 0
    found: int = 0
    credited: int = 0
    credit_found: int = 0
    captioned: int = 0
    caption_found: int = 0
    credits_missed: tuple[str, ...] = ()
    credits_ours: tuple[str, ...] = ()


def score_images(predicted: Iterable[Mapping[str, Any]], expected: Iterable[Mapping[str, Any]]
                 ) -> ImageCounts:
    """Match expected images to ours (match_images); tally found, credits and captions."""
    counts = [0, 0, 0, 0, 0, 0]
    missed: list[str] = []
    seen: list[str] = []
    for truth, matches in match_images(predicted, expected):
        credit, caption = (truth.get("credit") or "").strip(), (truth.get("caption") or "").strip()
        credited = bool(credit) and any(credit_found(credit, image) for image in matches)
        counts[0] += 1
        counts[1] += bool(matches)
        counts[2] += bool(credit)
        counts[3] += credited
        counts[4] += bool(caption)
        counts[5] += bool(caption) and any(caption_found(caption, image) for image in matches)
        if credit and not credited:
            missed.append(credit)
            seen.extend(image.get("credit") or "-" for image in matches[:1])
    return ImageCounts(*counts, credits_missed=tuple(missed), credits_ours=tuple(seen))


_CREDIT_LABEL = re.compile(r"^\s*(?:©|\(c\)|(?:foto|fotos|photo|photos|bild|quelle|source|"
                           r"credit|image)\s*:)\s*", re.IGNORECASE)


def credit_found(expected_credit: str, image: Mapping[str, Any]) -> bool:
    """Every name of the Fundus credit ('; '-joined) occurs, as whole words, in our credit,
    photographer or source; a leading label ("Bild:", "Foto:", "©") is not part of a name."""
    ours = " ".join(name_key(image.get(key) or "")
                    for key in ("credit", "photographer", "credit_source"))
    names = [name_key(_CREDIT_LABEL.sub("", name)) for name in expected_credit.split(";")]
    names = [name for name in names if name]
    return bool(names) and all(f" {name} " in f" {ours} " for name in names)


def caption_found(expected_caption: str, image: Mapping[str, Any]) -> bool:
    """Our caption's word F1 against the expected caption reaches CAPTION_F1."""
    return bag_of_words(image.get("caption"), expected_caption).f1 >= CAPTION_F1
