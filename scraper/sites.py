"""The sites file: the outlets a researcher follows, as TOML data.

    [[site]]
    name = "harbour-herald"                          # required, unique
    start = ["https://news.example.com/world/"]      # section pages to read links from
    feeds = ["https://news.example.com/feed/"]       # RSS / Atom
    sitemaps = ["https://news.example.com/news-sitemap.xml"]
    article_patterns = ["/\\\\d{4}/\\\\d{2}/\\\\d{2}/"]     # regexes an article URL matches (optional)
    delay = 2.0                                      # optional overrides of the settings
    user_agent = "scraper (+https://example.org/contact)"
    allow_private = true                             # optional: a host on your own network
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import ConfigError

_SITE_KEYS = {"name", "start", "feeds", "sitemaps", "article_patterns", "delay", "user_agent",
              "allow_private"}


@dataclass(frozen=True)
class Seed:
    """One URL to start discovery from, with the site it belongs to."""

    url: str
    site: str | None = None
    kind: str = "start"  # "start" | "feed" | "sitemap" | "url" (given on the command line)
    article_patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Site:
    """One outlet of the sites file."""

    name: str
    start: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article_patterns: tuple[re.Pattern[str], ...] = ()
    delay: float | None = None
    user_agent: str | None = None
    allow_private: bool = False  # may reach loopback / private addresses (an intranet site)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def hosts(self) -> frozenset[str]:
        """Return the host names of the site's start pages, feeds and sitemaps, lowercased."""
        urls = (*self.start, *self.feeds, *self.sitemaps)
        return frozenset(host for url in urls if (host := urlsplit(url).hostname))

    def seeds(self) -> list[Seed]:
        """Return the site's start pages, feeds and sitemaps as seeds."""
        kinds = (("start", self.start), ("feed", self.feeds), ("sitemap", self.sitemaps))
        return [Seed(url, self.name, kind, self.article_patterns) for kind, urls in kinds for url in urls]


def load_sites(path: Path) -> list[Site]:
    """Load and validate a sites file; raise ConfigError naming the file and the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ConfigError(f"sites file not found: {path}") from error
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read sites file: {error}") from error
    entries = data.get("site", [])
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: no [[site]] entries")
    sites = [_site(path, index, entry) for index, entry in enumerate(entries, 1)]
    names = [site.name for site in sites]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ConfigError(f"{path}: duplicate site name(s): {', '.join(duplicates)}")
    return sites


def _site(path: Path, index: int, entry: Any) -> Site:
    where = f"{path}: site #{index}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: must be a table")
    unknown = set(entry) - _SITE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: needs a name")
    urls = {key: _urls(where, key, entry.get(key, [])) for key in ("start", "feeds", "sitemaps")}
    if not any(urls.values()):
        raise ConfigError(f"{where} ({name}): needs at least one start page, feed or sitemap")
    delay = entry.get("delay")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, (int, float))
                              or delay < 0):
        raise ConfigError(f"{where} ({name}): delay must be a non-negative number")
    user_agent = entry.get("user_agent")
    if user_agent is not None and (not isinstance(user_agent, str) or not user_agent.strip()):
        raise ConfigError(f"{where} ({name}): user_agent must be a non-empty string")
    if user_agent is not None and not is_header_text(user_agent):
        raise ConfigError(f"{where} ({name}): user_agent must be printable ASCII "
                          f"(it is sent as an HTTP header): {user_agent!r}")
    allow_private = entry.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise ConfigError(f"{where} ({name}): allow_private must be true or false")
    return Site(name=name.strip(), article_patterns=_patterns(where, entry.get("article_patterns", [])),
                delay=float(delay) if delay is not None else None,
                user_agent=user_agent.strip() if user_agent else None,
                allow_private=allow_private, **urls)


def is_header_text(value: str) -> bool:
    """True when value can be sent as an HTTP header value: printable ASCII."""
    return value.isascii() and value.isprintable()


def _urls(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of URLs")
    for url in value:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: {key}: not an http(s) URL: {url}")
    return tuple(value)


def _patterns(where: str, value: Any) -> tuple[re.Pattern[str], ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: article_patterns must be a list of regular expressions")
    try:
        return tuple(re.compile(pattern) for pattern in value)
    except re.error as error:
        raise ConfigError(f"{where}: bad article pattern: {error}") from error


def seeds_from_urls(urls: list[str]) -> list[Seed]:
    """Turn command-line URLs into seeds: pages the user wants, whatever they turn out to be
    (an article, a section page, a feed or a sitemap: sniffed after fetching)."""
    for url in urls:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"not an http(s) URL: {url}")
    return [Seed(url, None, "url") for url in urls]
