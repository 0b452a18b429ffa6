"""Which archived pages an ingest keeps: by host (or a sites file), publication date, language.

The host filter is applied before a page is read or extracted (it costs nothing); the date and
language filters need the extracted record. A page with no publication date (or no language)
does not pass a date (or language) filter: the filter asks for pages known to match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..models import Article
from ..sites import load_sites

HOST_FILTERED, DATE_FILTERED, LANGUAGE_FILTERED = "host", "date", "language"


def normalize_host(host: str) -> str:
    """Return a host lowercased, without port, trailing dot or a leading 'www.'."""
    host = host.strip().lower().rstrip(".")
    if "://" in host:
        host = urlsplit(host).hostname or ""
    host = host.split(":")[0] if host.count(":") == 1 else host
    return host.removeprefix("www.")


@dataclass(frozen=True)
class IngestFilters:
    """The filters of one ingest; `key()` names them in the ledger."""

    hosts: tuple[str, ...] = ()                     # normalized; subdomains match too
    site_hosts: tuple[tuple[str, str], ...] = ()    # (normalized host, site name)
    since: str | None = None                        # ISO 8601 UTC, inclusive
    before: str | None = None                       # ISO 8601 UTC, exclusive
    languages: tuple[str, ...] = ()                 # ISO 639-1, lowercased

    def key(self) -> str:
        """Return the filters as canonical JSON, '{}' when there are none."""
        values = {"hosts": list(self.hosts), "sites": [list(pair) for pair in self.site_hosts],
                  "since": self.since, "before": self.before, "languages": list(self.languages)}
        return json.dumps({k: v for k, v in values.items() if v}, sort_keys=True,
                          separators=(",", ":"))

    def site_of(self, url: str) -> tuple[bool, str | None]:
        """Return (kept, site name from the sites file) for a page's URL."""
        if not self.hosts and not self.site_hosts:
            return True, None
        host = normalize_host(urlsplit(url).hostname or "")
        for wanted, site in self.site_hosts:
            if _within(host, wanted):
                return True, site
        return any(_within(host, wanted) for wanted in self.hosts), None

    def rejects(self, article: Article) -> str | None:
        """Return why an extracted article is left out (DATE_/LANGUAGE_FILTERED), or None."""
        if self.since or self.before:
            published = _published_window(article.published_at)
            if published is None:
                return DATE_FILTERED
            start, end = published
            if (self.since and end <= _instant(self.since)) or \
                    (self.before and start >= _instant(self.before)):
                return DATE_FILTERED
        if self.languages and (article.language or "").lower().split("-")[0] \
                not in self.languages:
            return LANGUAGE_FILTERED
        return None


def _within(host: str, wanted: str) -> bool:
    return host == wanted or host.endswith("." + wanted)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _published_window(published_at: str | None) -> tuple[datetime, datetime] | None:
    """Return the span a publication date stands for: an instant, or a whole day (UTC)."""
    text = (published_at or "").strip()
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) <= 10:
        start = when.replace(tzinfo=UTC)
        return start, start + timedelta(days=1)
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when, when + timedelta(microseconds=1)


def build_filters(*, hosts: tuple[str, ...] = (), sites_file: Path | None = None,
                  site_names: tuple[str, ...] = (), since: datetime | None = None,
                  until: datetime | None = None, until_is_day: bool = False,
                  languages: tuple[str, ...] = ()) -> IngestFilters:
    """Build the filters from command-line values; raise ConfigError on bad ones.

    `sites_file` is a sites file (.toml: its sites' hosts, pages stored under the site's
    name) or a plain list of hosts; `site_names` picks sites of it (default file sites.toml).
    """
    wanted = {normalize_host(host) for host in hosts if host.strip()}
    site_hosts: tuple[tuple[str, str], ...] = ()
    if sites_file or site_names:
        path = sites_file or Path("sites.toml")
        if path.suffix == ".toml":
            site_hosts = _site_hosts(path, site_names)
        elif site_names:
            raise ConfigError(f"--site names sites of a sites file (TOML); {path} is a host list")
        else:
            wanted |= _host_lines(path)
    before = until + timedelta(days=1) if until is not None and until_is_day else until
    return IngestFilters(
        hosts=tuple(sorted(wanted)), site_hosts=site_hosts,
        since=since.astimezone(UTC).isoformat() if since else None,
        before=before.astimezone(UTC).isoformat() if before else None,
        languages=tuple(sorted({code.strip().lower() for code in languages if code.strip()})))


def _site_hosts(path: Path, site_names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Return (host, site name) pairs of a sites file, most specific host first."""
    sites = load_sites(path)
    unknown = sorted(set(site_names) - {site.name for site in sites})
    if unknown:
        raise ConfigError(f"unknown site(s) {', '.join(unknown)}; {path} lists "
                          f"{', '.join(sorted(site.name for site in sites))}")
    pairs = {(normalize_host(url), site.name) for site in sites
             if not site_names or site.name in site_names
             for url in (*site.start, *site.feeds, *site.sitemaps)}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair)))


def _host_lines(path: Path) -> set[str]:
    """Read a host list: one host (or URL) a line, # comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read host list {path}: {error}") from error
    hosts = {normalize_host(line.split("#")[0]) for line in lines}
    hosts.discard("")
    if not hosts:
        raise ConfigError(f"{path}: no hosts listed")
    return hosts
