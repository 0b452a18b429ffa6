"""Command line: thin click commands over the library (see scraper/commands/)."""

from __future__ import annotations

from typing import Any

import click

from .commands.crawl import COMMANDS as CRAWL_COMMANDS
from .commands.database import COMMANDS as DATABASE_COMMANDS
from .commands.extract import extract_command
from .commands.ingest import COMMANDS as INGEST_COMMANDS
from .commands.serve import serve_command
from .commands.streams import reader_may_leave
from .version import version_report


class ScraperGroup(click.Group):
    """The command group; a reader closing our standard output early ends a command with 0."""

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        """Parse the arguments (which may print --help or --version)."""
        with reader_may_leave():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command."""
        with reader_may_leave():
            return super().invoke(ctx)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_report())
        ctx.exit()


@click.group(cls=ScraperGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_version,
              help="Show the version, the extractor version and what it is derived from.")
def cli() -> None:
    """Crawl news sites politely, extract article records, store them in SQLite."""


for command in (*CRAWL_COMMANDS, *INGEST_COMMANDS, extract_command, *DATABASE_COMMANDS,
                serve_command):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli()
