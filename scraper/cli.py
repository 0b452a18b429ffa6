"""Command line: thin click commands over the library. (Skeleton.)"""

from __future__ import annotations

import click

from .version import __version__


@click.group()
@click.version_option(__version__, prog_name="scraper")
def cli() -> None:
    """Crawl news sites politely, extract article records, store them in SQLite."""


def main() -> None:
    """Console-script entry point."""
    cli()
