"""Find article images in the page: the lead image from metadata, pictures in the main node.

Urls are absolutized, lazy-loading attributes resolved (the largest srcset candidate wins),
and chrome (tracking pixels, icons, logos, avatars, base64 placeholders) skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from selectolax.lexbor import LexborNode

from ..document import ARTICLE_TYPES, Document, plain_absolute
from .patterns import (
    CHROME_CLASS_TOKENS,
    CREDIT_DATA_ATTRIBUTES,
    IMG_SELECTOR,
    LAZY_SRC_ATTRIBUTES,
    MIN_IMAGE_SIDE,
    SKIP_FOLDER_TOKENS,
    SKIP_IMAGE_TOKENS,
    SRCSET_ATTRIBUTES,
)

# Tokens that disqualify even a metadata (og:image) url; the full set applies in the body.
METADATA_SKIP_TOKENS = frozenset({"logo", "logos", "icon", "favicon", "avatar", "gravatar",
                                  "blavatar", "placeholder", "blank", "spacer", "1x1", "pixel"})
# Tokens that mark chrome only in a file name ('default-share.png'), not in a folder
# ('/sites/default/files/' on Drupal).
FILE_NAME_SKIP_TOKENS = frozenset({"default", "share", "social", "sprite", "banner"})
# A rendition's name closing the file name: sizes, WordPress words, and a variant after '_v-'
# ('meteorit142_v-contentxl.jpg', 'demo-104~_v-gseagaleriexl.jpg' are one picture).
_SIZE_SUFFIX = re.compile(r"(?:[-_](?:\d{2,4}x\d{2,4}|scaled|thumb|thumbnail|large|medium|small)"
                          r"|~?_v-[a-z0-9]+)(?=\.\w{3,4}$)", re.IGNORECASE)
# An image server's size parameter closing the path ('…/AbCd=s750', '…/AbCd=w1200-h630-c'):
# the same picture at another size.
_SERVED_SIZE = re.compile(r"=[swh]\d{2,4}(?:-[a-z0-9]+)*$", re.IGNORECASE)
# Rendition tokens inside a file name: sizes ('1200-wework-layoffs', 'xyz-1200-80',
# 'a_640x427', '_s885x516'), width/height/quality ('_w1200', '_h630', '_q80'), a crop ratio
# ('_r1.91', '_16x9'), a crop box ('_c0-179-4300-2687') and a focal point ('_fpx44_fpy50'): the same
# picture at another size keeps its identity.
_SIZE_TOKENS = re.compile(r"(?:^|[-_])(?:\d{1,2}x\d{1,2}|\d{2,4}(?:x\d{2,4})?|[swhq]\d{2,4}(?:x\d{2,4})?"
                          r"|r\d(?:\.\d+)?"
                          r"|fp[xy]\d{1,3}|c\d{1,4})(?=[-_]|$)")
# Query parameters of image proxies and resizers that carry the original url.
WRAPPED_URL_PARAMS = ("url", "src", "image", "img")
# Fewest characters of a file name that identify a picture across hosts and folders.
MIN_SHARED_STEM = 6
# File names that many pictures share: no identity across hosts.
GENERIC_STEMS = frozenset({"header", "banner", "featured", "default", "thumbnail", "teaser",
                           "preview", "original", "picture", "social", "opengraph", "og-image"})
_IMAGE_EXTENSION = re.compile(r"\.(?:jpe?g|png|webp|gif|avif|bmp|tiff?)$", re.IGNORECASE)
_URL_TOKEN = re.compile(r"[a-z0-9]+")
# Where camel-cased words meet ('app|Icon'): an empty match, so that a dash goes in by a plain
# replacement (a template like r"\1-\2" costs a Python call per match: hashed names are full
# of them)
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# An unfilled template placeholder in a url ('65897427_${formatId}.jpg'): no picture yet.
_TEMPLATE = re.compile(r"\$\{|\{\{|\$%7B|%7B%7B", re.IGNORECASE)
_SRCSET_SPLIT = re.compile(r",\s+(?=\S)")


@lru_cache(maxsize=1024)
def image_key(url: str) -> str:
    """Return an identity for a picture that survives resizing (size suffixes, ?w= queries);
    remembered, since the lead's url is compared with every picture of its page."""
    url = unwrapped_url(url)
    path, query = _path_and_query(url)
    # the size marks close the file name: only its last segment is searched for them
    folder, slash, name = path.lower().rpartition("/")
    path = f"{folder}{slash}{_SERVED_SIZE.sub('', _SIZE_SUFFIX.sub('', name))}"
    if not _IMAGE_EXTENSION.search(path):
        return f"{path}?{query}"
    stem = file_stem(url).lower()  # after the test above: a path without extension needs none
    if len(stem) >= 12 and not stem.isdigit():
        return stem
    if stem.isdigit() or len(stem) < 4:
        return path  # 'master/3000.jpg': only the whole path tells pictures apart
    return f"{path.rsplit('/', 2)[-2]}/{stem}"  # Drupal styles: '2024-05/kreisssaal'


@lru_cache(maxsize=1024)
def file_stem(url: str) -> str:
    """The file name without extension and size marks, case kept: 'Quay-1024x683.jpg' -> 'Quay'."""
    name = _SIZE_SUFFIX.sub("", _path_and_query(unwrapped_url(url))[0].rsplit("/", 1)[-1])
    name = name.rsplit(".", 1)[0]
    if _IMAGE_EXTENSION.search(name):
        name = name.rsplit(".", 1)[0]  # 'lido.jpg.webp': a converted copy of 'lido.jpg'
    return _SIZE_TOKENS.sub("", name).strip("-_")


def unwrapped_url(url: str) -> str:
    """The original behind an image proxy: '…/resize/1200x630/?url=https%3A%2F%2Fx.org%2Fa.jpg'."""
    query = _path_and_query(url)[1]
    if "http" not in query:
        return url
    for name, value in parse_qsl(query):
        if name.lower() in WRAPPED_URL_PARAMS and value.startswith(("http://", "https://")):
            return value
    return url


def search_needle(url: str) -> str:
    """A piece of a picture's file name to look for in the page's html.

    The longest run of the name between rendition tokens ('csm_Quay_2024_8f3a' -> 'csm_Quay'),
    or the last folder with the file name when the name is only a size ('master/4000.jpg').
    """
    path = urlsplit(unwrapped_url(url)).path
    name = path.rsplit("/", 1)[-1]
    pieces = _SIZE_TOKENS.split(name.rsplit(".", 1)[0])
    longest = max((piece.strip("-_") for piece in pieces), key=len, default="")
    if len(longest) >= MIN_SHARED_STEM:
        return longest
    return "/".join(path.rsplit("/", 2)[-2:]) if name else ""


def same_picture(first: str, second: str) -> bool:
    """Same identity, or the same distinctive file name on another host or folder."""
    if image_key(first) == image_key(second):
        return True
    stem = file_stem(first).lower()
    return len(stem) >= MIN_SHARED_STEM and stem not in GENERIC_STEMS \
        and stem == file_stem(second).lower()


def is_chrome_url(url: str, tokens: frozenset[str] = SKIP_IMAGE_TOKENS) -> bool:
    """True for urls of icons, logos, avatars, pixels and placeholders."""
    path = _dashed_words(url_path(url))  # 'appIcon.png' -> 'app-icon.png'
    if path.endswith((".svg", ".ico")):
        return True
    folder, _, name = path.rpartition("/")
    folder_tokens, name_tokens = _skip_token_sets(tokens)
    return bool(folder_tokens.intersection(_URL_TOKEN.findall(folder))
                or name_tokens.intersection(_URL_TOKEN.findall(name)))


def url_path(url: str) -> str:
    """`urlsplit(url).path`, cut out of a plain absolute url without parsing the rest."""
    return _split_path_query(url)[0]


def _split_path_query(url: str) -> tuple[str, str]:
    """`urlsplit(url)`'s path and query; a plain absolute url's are cut out of it (the query:
    what follows the first '?' before the fragment)."""
    if not plain_absolute(url):
        parts = urlsplit(url)
        return parts.path, parts.query
    rest, _, query = url.split("#", 1)[0].partition("?")
    slash = rest.find("/", 8 if url[4] == "s" else 7)
    return rest[slash:] if slash >= 0 else "", query


# Remembered: a picture's key, file name and proxy test each ask for them.
_path_and_query = lru_cache(maxsize=256)(_split_path_query)


@lru_cache(maxsize=8)
def _skip_token_sets(tokens: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The tokens that mark chrome in a url's folders and in its file name, built once per set."""
    return ((tokens - FILE_NAME_SKIP_TOKENS) | SKIP_FOLDER_TOKENS,
            tokens | FILE_NAME_SKIP_TOKENS & METADATA_SKIP_TOKENS)


def metadata_image_url(document: Document) -> str | None:
    """Return the og:image / twitter:image url, absolutized and not a logo."""
    for names in (("og:image", "og:image:url", "og:image:secure_url"),
                  ("twitter:image", "twitter:image:src")):
        url = document.absolutize(document.meta_first(*names))
        if url and not is_chrome_url(url, METADATA_SKIP_TOKENS):
            return url
    rdfa = document.tree.css_first('[rel~="og:image"][resource]')  # Drupal 7 RDFa
    url = document.absolutize(rdfa.attributes.get("resource")) if rdfa is not None else None
    return url if url and not is_chrome_url(url, METADATA_SKIP_TOKENS) else None


def jsonld_image(document: Document) -> dict[str, Any] | None:
    """Return the article's JSON-LD image as a dict with at least 'url' (references resolved)."""
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        for candidate in _as_list(article.get("image")):
            resolved = _resolve_reference(document, candidate)
            if resolved and resolved.get("url"):
                return resolved
    return None


def body_pictures(container: LexborNode) -> Iterator[tuple[LexborNode, LexborNode]]:
    """Yield (picture holder, img) pairs: each figure once, then images outside figures."""
    seen_imgs: set[int] = set()
    for figure in container.css("figure, .wp-caption"):
        imgs = figure.css(IMG_SELECTOR)
        new = [img for img in imgs if img.mem_id not in seen_imgs]
        seen_imgs.update(img.mem_id for img in imgs)
        if new:
            yield figure, new[0]
    for img in container.css(IMG_SELECTOR):
        if img.mem_id not in seen_imgs:
            yield img, img


def picture_url(document: Document, img: LexborNode, known: dict[str, str | None] | None = None,
                attributes: dict[str, str | None] | None = None) -> str | None:
    """Return the best real url of an img (lazy attributes, largest srcset), or None for chrome.

    A url with an unfilled template placeholder ('…/65897427_${formatId}.jpg', filled in by
    the page's script) is taken only when the img has no other: it still names the picture.
    `known` remembers each attribute value's reading for the page (placeholders repeat);
    `attributes`: the img's, when the caller has read them.
    """
    attributes = img.attributes if attributes is None else attributes  # each read: a new dict
    if _too_small(attributes) or _chrome_attributes(attributes):
        return None
    template = None
    for url in _candidate_urls(img, attributes):
        absolute = _usable_url(document, url, known)
        if absolute:
            if not _TEMPLATE.search(absolute):
                return absolute
            template = template or absolute
    return template


def _usable_url(document: Document, href: str, known: dict[str, str | None] | None) -> str | None:
    """The absolute url of an attribute value, or None when it is none or names chrome."""
    if known is not None and href in known:
        return known[href]
    absolute = document.absolutize(href)
    usable = absolute if absolute and not is_chrome_url(absolute) else None
    if known is not None:
        known[href] = usable
    return usable


def data_credit(*nodes: LexborNode) -> str | None:
    """Return a data-credit style attribute from the first node that has one."""
    for node in nodes:
        value = attributes_credit(node.attributes)
        if value:
            return value
    return None


def attributes_credit(attributes: dict[str, str | None]) -> str | None:
    """A data-credit style attribute among an element's attributes."""
    if attributes.keys().isdisjoint(CREDIT_DATA_ATTRIBUTES):
        return None  # one set test: most elements carry none of them
    for name in CREDIT_DATA_ATTRIBUTES:
        value = (attributes.get(name) or "").strip()
        if value:
            return value
    return None


def _candidate_urls(img: LexborNode, attributes: dict[str, str | None]) -> Iterator[str]:
    for name in SRCSET_ATTRIBUTES:
        srcset = attributes.get(name)
        largest = _largest_in_srcset(srcset) if srcset else None
        if largest:
            yield largest
    parent = img.parent
    if parent is not None and parent.tag == "picture":
        for source in parent.css("source"):
            largest = _largest_in_srcset(source.attributes.get("srcset")
                                         or source.attributes.get("data-srcset") or "")
            if largest:
                yield largest
    # one set test first: most imgs carry none of the lazy attributes
    lazy = () if attributes.keys().isdisjoint(LAZY_SRC_ATTRIBUTES) else LAZY_SRC_ATTRIBUTES
    for name in lazy + ("src",):
        value = (attributes.get(name) or "").strip()
        if value and not value.startswith("data:"):
            yield value


def _largest_in_srcset(srcset: str) -> str | None:
    """Return the candidate with the largest width (or density) descriptor."""
    best: tuple[float, str] | None = None
    for candidate in _SRCSET_SPLIT.split(srcset.strip()):
        parts = candidate.strip().split()
        if not parts or parts[0].startswith("data:"):
            continue
        size = 1.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            size = float(parts[1][:-1]) * (1 if parts[1].endswith("w") else 1000)
        if best is None or size > best[0]:
            best = (size, parts[0].rstrip(","))
    return best[1] if best else None


def _too_small(attributes: dict[str, str | None]) -> bool:
    for name in ("width", "height"):
        value = (attributes.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < MIN_IMAGE_SIDE:
            return True
    return False


def _chrome_attributes(attributes: dict[str, str | None]) -> bool:
    classes, name = attributes.get("class"), attributes.get("id")
    if not classes and not name:
        return False
    hints = _dashed_words(f"{classes or ''} {name or ''}")
    return bool(CHROME_CLASS_TOKENS.intersection(_URL_TOKEN.findall(hints)))


def _dashed_words(text: str) -> str:
    """Lowercase text with a dash between camel-cased words ('appIcon' -> 'app-icon')."""
    lowered = text.lower()
    return lowered if lowered == text else _CAMEL_CASE.sub("-", text).lower()  # no capital


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _resolve_reference(document: Document, candidate: Any) -> dict[str, Any] | None:
    """Turn a JSON-LD image (string, ImageObject, or {"@id": ...} reference) into a dict."""
    if isinstance(candidate, str):
        url = document.absolutize(candidate)
        return {"url": url} if url else None
    if not isinstance(candidate, dict):
        return None
    if set(candidate) <= {"@id"} and candidate.get("@id"):
        target = candidate["@id"]
        for obj in document.jsonld:
            if obj.get("@id") == target and obj is not candidate:
                candidate = obj
                break
    url = candidate.get("url") or candidate.get("contentUrl")
    if isinstance(url, list):
        url = url[0] if url else None
    url = document.absolutize(url) if isinstance(url, str) else None
    return {**candidate, "url": url} if url else None
