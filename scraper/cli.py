"""Command line: thin click commands over the library (see scraper/commands/)."""

from __future__ import annotations

import click

from .commands.crawl import COMMANDS as CRAWL_COMMANDS
from .commands.database import COMMANDS as DATABASE_COMMANDS
from .commands.extract import extract_command
from .commands.ingest import COMMANDS as INGEST_COMMANDS
from .version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scraper")
def cli() -> None:
    """Crawl news sites politely, extract article records, store them in SQLite."""


for command in (*CRAWL_COMMANDS, *INGEST_COMMANDS, extract_command, *DATABASE_COMMANDS):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli()
