"""`scraper extract`: the extraction record of one page, from a file or a URL."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import click

from .. import regex_cache
from ..bounded_extraction import BoundedExtractor
from ..config import Settings, placeholder_contact_warning
from ..errors import ConfigError, ScraperError
from ..models import Article
from ..printable import printable
from ..rules import rules_for
from .options import selectors_option

SETTINGS_DEFAULT = Settings()
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


@click.command("extract")
@click.argument("page")
@click.option("--url", help="The page's URL (for a file): resolves links, feeds site rules.")
@click.option("--json", "as_json", is_flag=True, help="Print the extraction record as JSON.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching from loopback/private addresses.")
@click.option("--contact-url", help="Contact URL for the User-Agent (when PAGE is a URL).")
@click.option("--extraction-timeout", type=click.FloatRange(min=0),
              default=SETTINGS_DEFAULT.extraction_timeout, show_default=True,
              help="Seconds the page may take to extract before it is given up as failed "
                   "(0 for none).")
@selectors_option
def extract_command(page: str, url: str | None, as_json: bool, allow_private: bool,
                    contact_url: str | None, extraction_timeout: float,
                    selectors_dir: Path | None) -> None:
    """Extract the article record of PAGE: a saved HTML file or an http(s) URL.

    Exit status: 0 a record was extracted, 1 the page could not be fetched or holds no
    article, 2 usage error (no such file, a folder, a URL scheme other than http and https).
    """
    try:
        rules = rules_for(selectors_dir)
        settings = Settings(allow_private=allow_private, retries=1, delay=0,
                            extraction_timeout=extraction_timeout).with_overrides(
                                contact_url=contact_url)
    except ConfigError as error:
        raise click.UsageError(error.describe()) from error
    if _scheme(page) in ("http", "https"):
        content, content_type, url = _fetch(page, settings)
    else:
        content, content_type = _read_file(page), None
    with regex_cache.reused(), BoundedExtractor(rules, settings.extraction_timeout,
                                                in_process=True) as extractor:
        article = extractor.extract(content, url or (page if "://" in page else None),
                                    content_type)
    if article.is_empty:
        reason = article.provenance.warnings[0] if article.provenance.warnings else "no article text found"
        click.echo(printable(f"error: {page}: {reason}"), err=True)
        if as_json:
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        raise SystemExit(1)
    for warning in article.provenance.warnings:
        click.echo(f"warning: {page}: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(printable(render_article(article)))


def _scheme(page: str) -> str | None:
    """The URL scheme PAGE starts with, lowercased ("ftp" of "ftp://..."), or None."""
    match = _SCHEME.match(page)
    return match.group(1).lower() if match else None


def _read_file(page: str) -> bytes:
    """The bytes of a saved page; anything else PAGE might be is a usage error."""
    path = Path(page)
    if path.is_dir():
        raise click.UsageError(f"{page} is a folder: give one saved HTML file or an http(s) URL")
    if not path.exists():
        scheme = _scheme(page)
        if scheme:
            raise click.UsageError(f"unsupported URL scheme {scheme!r} in {page}: give an "
                                   "http(s) URL or a saved HTML file")
        raise click.UsageError(f"no such file: {page}")
    try:
        return path.read_bytes()
    except OSError as error:
        raise click.UsageError(f"cannot read {page}: {error.strerror or error}") from error


def _fetch(url: str, settings: Settings) -> tuple[bytes, str | None, str]:
    """Fetch the page as a crawl would (robots.txt, the same User-Agent for every request),
    warning when that agent carries the placeholder contact."""
    import asyncio

    from ..fetch import Fetcher  # only a URL needs the fetcher (and its HTTP stack)

    if settings.contact_is_placeholder:
        host = urlsplit(url).hostname or url
        click.echo(f"warning: {printable(placeholder_contact_warning([host], sites_file=False))}",
                   err=True)

    async def get() -> tuple[bytes, str | None, str]:
        async with Fetcher(settings) as fetcher:
            result = await fetcher.fetch(url)
        if result.error is not None or result.page is None:
            raise click.ClickException(f"{url}: {result.error or 'no response'}")
        page = result.page
        return page.content, page.headers.get("content-type"), page.final_url

    try:
        return asyncio.run(get())
    except ScraperError as error:
        raise click.ClickException(error.describe()) from error


def render_article(article: Article) -> str:
    """A short human-readable view of an extraction record."""
    lines = [article.headline or "(no headline)",
             f"published {article.published_at or '?'}"
             + (f" · by {', '.join(article.authors)}" if article.authors else "")]
    for image in article.images:
        if image.credit or image.photographer:
            lines.append(f"photo: {image.photographer or '?'} / {image.credit_source or '?'}")
    lines += ["", article.body, ""]
    for quote in article.quotes:
        lines.append(f"quote: “{quote.text}” — {quote.speaker or 'unknown'}")
    for link in article.related:
        lines.append(f"related: {link.title or ''} <{link.url}>")
    return "\n".join(lines)
