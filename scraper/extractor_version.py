"""The extractor version: one label that changes whenever extraction output can change.

It is derived, never bumped by hand, from everything extraction is a function of besides the
page itself: the package version, the extraction code (scraper/extract/, rules.py,
models.py), the rule files in use (a digest the RuleSet computes when it loads them), the
libraries that read or decode pages, and the Python version (its Unicode tables drive the
text patterns). It reads "0.1.0+3f9c2a71be04": the package version, then a digest of the rest.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.machinery import PathFinder
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib import metadata

PACKAGE_DIR = Path(__file__).resolve().parent
CODE_PATHS = ("extract", "rules.py", "models.py")
LIBRARIES = ("trafilatura", "justext", "selectolax", "lxml", "dateparser", "charset-normalizer")
DIGEST_LENGTH = 12


def digest_files(files: Iterable[tuple[str, bytes]]) -> str:
    """SHA-256 over (name, content) pairs, in name order."""
    digest = hashlib.sha256()
    for name, content in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def code_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """Digest of the extraction code's source files under `package_dir`."""
    files = []
    for relative in CODE_PATHS:
        path = package_dir / relative
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.is_file() else []
        files += [(p.relative_to(package_dir).as_posix(), p.read_bytes()) for p in found]
    return digest_files(files)


def library_versions() -> dict[str, str]:
    """The installed version of each library extraction depends on ("absent" when missing)."""
    versions = {}
    listings: dict[str, dict[str, str] | None] = {}  # each sys.path folder is listed once
    for name in LIBRARIES:
        found = version_on_path(name, listings=listings)
        versions[name] = found if found is not None else _version_from_metadata(name)
    versions["python"] = f"{sys.version_info.major}.{sys.version_info.minor}"
    return versions


def version_on_path(name: str, paths: Sequence[str] | None = None,
                    listings: dict[str, dict[str, str] | None] | None = None) -> str | None:
    """The version importlib.metadata gives `name`, read from its .dist-info folder directly.

    importlib.metadata costs ~25 ms of CPU to import, a tenth of `scraper extract`'s start-up.
    Its search is simple where the path finder is the first to find distributions: the first
    folder of `paths` (sys.path) holding a .dist-info or .egg-info entry whose name, normalized,
    is `name`'s. None whenever the case is any other (another finder, a zip or an .egg on the
    path, no such entry, no plain "Version:" line): the caller asks importlib.metadata then.
    `listings` keeps each folder's entries between calls (one listing for many names).
    """
    if not _path_finder_answers_first():
        return None
    wanted = _normalized(name)
    listings = {} if listings is None else listings
    for root in sys.path if paths is None else paths:
        if root not in listings:
            listings[root] = _metadata_entries(root)
        entries = listings[root]
        if entries is None:
            if os.path.isfile(root):
                return None  # a zip file may hold distributions
            continue
        if wanted in entries:
            return _version_header(_read_metadata(os.path.join(root or ".", entries[wanted])))
        if os.path.basename(root).lower().endswith(".egg"):
            return None  # an egg's own metadata is searched after the folder's entries
    return None


def _metadata_entries(root: str) -> dict[str, str] | None:
    """A folder's .dist-info and .egg-info entries by normalized name, the first listed of each
    name kept; None when the folder cannot be listed."""
    try:
        children = os.listdir(root or ".")
    except OSError:
        return None
    entries: dict[str, str] = {}
    for child in children:
        low = child.lower()
        if low.endswith((".dist-info", ".egg-info")):
            entries.setdefault(_normalized(low.rpartition(".")[0].partition("-")[0]), child)
    return entries


def _path_finder_answers_first() -> bool:
    """True when the path finder is the first finder on sys.meta_path that finds distributions
    (one added after it, as the importlib_metadata backport adds, speaks only when it finds none).
    """
    for finder in sys.meta_path:
        if finder is PathFinder:
            return getattr(finder, "find_distributions", None) is not None
        if getattr(finder, "find_distributions", None) is not None:
            return False
    return False


def _normalized(name: str) -> str:
    """A distribution name as importlib.metadata compares them (PEP 503, dashes as underscores)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _read_metadata(folder: str) -> str:
    """The METADATA (else PKG-INFO) text of a distribution's metadata folder, or ""."""
    for filename in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, filename), encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            continue
        if text:
            return text
    return ""


def _version_from_metadata(name: str) -> str:
    """The version importlib.metadata finds for `name`, or "absent"."""
    from importlib import metadata

    try:
        return _installed_version(metadata.distribution(name))
    except metadata.PackageNotFoundError:
        return "absent"


def _installed_version(distribution: metadata.Distribution) -> str:
    """distribution.version, read from its metadata's plain "Version:" line when there is one.

    The email parser behind distribution.metadata costs ~40 ms at start-up for six libraries;
    a header line as every installer writes it gives the same value (the text after the colon,
    leading blanks dropped), and anything else is left to that parser.
    """
    text = distribution.read_text("METADATA") or distribution.read_text("PKG-INFO") or ""
    found = _version_header(text)
    return found if found is not None else distribution.version


def _version_header(text: str) -> str | None:
    """The value of the headers' "Version:" line when it is plain (not folded, not empty)."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not line:
            break  # the headers end at the first blank line
        name, colon, value = line.partition(":")
        if colon and name.lower() == "version":
            folded = index + 1 < len(lines) and lines[index + 1][:1] in (" ", "\t")
            if not folded and value.strip():
                return value.lstrip()
            break
    return None


def derive_version(package_version: str, code: str, rules: str,
                   libraries: Mapping[str, str]) -> str:
    """The extractor version of these inputs: "<package version>+<digest of the rest>"."""
    inputs = json.dumps([code, rules, sorted(libraries.items())])
    return f"{package_version}+{hashlib.sha256(inputs.encode()).hexdigest()[:DIGEST_LENGTH]}"


@lru_cache(maxsize=8)
def extractor_version(rules_digest: str) -> str:
    """The extractor version of this installation with the rules of this digest."""
    from .version import __version__

    return derive_version(__version__, _installed_code_digest(), rules_digest, library_versions())


@lru_cache(maxsize=1)
def _installed_code_digest() -> str:
    return code_digest()
