"""Settings: one declarative table drives defaults, validation and help text."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .version import __version__

PLACEHOLDER_CONTACT = "https://example.org/scraper-bot"  # says nothing about who crawls


def placeholder_contact_warning(destinations: list[str], *, sites_file: bool = True) -> str:
    """The warning that requests to `destinations` (site names or hosts) carry the placeholder
    contact, saying how to give one's own."""
    listed = ", ".join(destinations[:3]) + (" ..." if len(destinations) > 3 else "")
    return (f"requests to {listed} carry the placeholder contact {PLACEHOLDER_CONTACT} in their "
            "User-Agent: give --contact-url URL (a page saying who runs this crawler and how to "
            "reach you)" + (", or a user_agent for the site in sites.toml" if sites_file else ""))


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default and a sentence of help."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db_path", Path("data/articles.db"), "SQLite database the crawl writes to."),
    Setting("archive_dir", Path("data/archive"), "Folder for the WARC files, one per run."),
    Setting("selectors_dir", None, "Folder of site/template rule files (default: bundled selectors/)."),
    Setting("user_agent", f"scraper/{__version__} (+{PLACEHOLDER_CONTACT})",
            "User-Agent header; include a contact URL."),
    Setting("contact_url", None, "Contact URL appended to the User-Agent when set."),
    Setting("delay", 1.0, "Seconds between two requests to the same host."),
    Setting("timeout", 20.0, "Seconds before a request times out."),
    Setting("retries", 3, "Retries on timeouts, connection errors, 429 and 5xx."),
    Setting("backoff", 1.0, "Base seconds of the exponential retry backoff."),
    Setting("max_retry_after", 120.0, "Longest Retry-After honoured, in seconds."),
    Setting("max_bytes", 10 * 1024 * 1024, "Largest body fetched, counted after decompression."),
    Setting("max_redirects", 10, "Most redirects followed for one url."),
    Setting("concurrency", 8, "Hosts fetched in parallel."),
    Setting("obey_robots", True, "Obey robots.txt, Crawl-delay included."),
    Setting("allow_private", False, "Allow hosts on loopback/private addresses (demo and tests)."),
    Setting("max_pages", None,
            "Fetch at most this many article pages; discovery stops following more listings "
            "once a site has this many candidates."),
    Setting("max_duration", None,
            "Seconds the run may take: discovery and fetching stop there (requests in flight "
            "are abandoned, pages being extracted finish)."),
    Setting("workers", 1,
            "Extraction processes; 0 extracts in a thread of the crawl process, where no time "
            "limit can apply."),
    Setting("extraction_timeout", 60.0,
            "Seconds one page may take to extract, or one feed, sitemap or listing to read, "
            "before its worker process is stopped and the page recorded as failed (0: none)."),
    Setting("max_sitemap_urls", 50_000,
            "URLs read from one sitemap or feed; the rest is cut, and the cut recorded."),
    Setting("max_site_urls", 100_000,
            "Candidate URLs a site's discovery keeps in one run; the rest is cut and recorded."),
    Setting("max_discovery_documents", 500,
            "Feeds, sitemaps and listing pages read per site in one run (newest sitemaps first)."),
)

_DEFAULTS = {setting.name: setting.default for setting in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Every knob of a run, passed explicitly; library code never reads the environment."""

    db_path: Path = _DEFAULTS["db_path"]
    archive_dir: Path = _DEFAULTS["archive_dir"]
    selectors_dir: Path | None = _DEFAULTS["selectors_dir"]
    user_agent: str = _DEFAULTS["user_agent"]
    contact_url: str | None = _DEFAULTS["contact_url"]
    delay: float = _DEFAULTS["delay"]
    timeout: float = _DEFAULTS["timeout"]
    retries: int = _DEFAULTS["retries"]
    backoff: float = _DEFAULTS["backoff"]
    max_retry_after: float = _DEFAULTS["max_retry_after"]
    max_bytes: int = _DEFAULTS["max_bytes"]
    max_redirects: int = _DEFAULTS["max_redirects"]
    concurrency: int = _DEFAULTS["concurrency"]
    obey_robots: bool = _DEFAULTS["obey_robots"]
    allow_private: bool = _DEFAULTS["allow_private"]
    max_pages: int | None = _DEFAULTS["max_pages"]
    max_duration: float | None = _DEFAULTS["max_duration"]
    workers: int = _DEFAULTS["workers"]
    extraction_timeout: float = _DEFAULTS["extraction_timeout"]
    max_sitemap_urls: int = _DEFAULTS["max_sitemap_urls"]
    max_site_urls: int = _DEFAULTS["max_site_urls"]
    max_discovery_documents: int = _DEFAULTS["max_discovery_documents"]

    def __post_init__(self) -> None:
        for name in ("delay", "timeout", "backoff", "max_retry_after", "extraction_timeout"):
            if getattr(self, name) < 0:
                raise ConfigError(f"setting {name} must not be negative")
        if self.workers < 0:
            raise ConfigError("setting workers must not be negative")
        for name in ("max_bytes", "concurrency", "max_sitemap_urls", "max_site_urls",
                     "max_discovery_documents"):
            if getattr(self, name) < 1:
                raise ConfigError(f"setting {name} must be at least 1")
        agent = self.full_user_agent
        if not (agent.isascii() and agent.isprintable()):
            raise ConfigError(f"the User-Agent must be printable ASCII (it is sent as an HTTP "
                              f"header): {agent!r}")

    @property
    def full_user_agent(self) -> str:
        """Return the User-Agent with the contact URL, when one is set."""
        if self.contact_url:
            return f"scraper/{__version__} (+{self.contact_url})"
        return self.user_agent

    @property
    def contact_is_placeholder(self) -> bool:
        """True when the User-Agent carries the placeholder contact, not the crawler's own."""
        return PLACEHOLDER_CONTACT in self.full_user_agent

    def with_overrides(self, **overrides: Any) -> Settings:
        """Return a copy with the given settings changed; None values are ignored."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})
