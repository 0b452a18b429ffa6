"""Command line: thin click commands over the library (see scraper/commands/).

Each command's module is imported only when that command runs (or shows its own help):
`scraper --help` lists them from the table below, and `scraper extract` never loads the crawl,
fetch, store or cluster modules it does not use.
"""

from __future__ import annotations

import importlib
from typing import Any

import click
from click.formatting import HelpFormatter

from . import regex_cache
from .commands.streams import reader_may_leave
from .version import version_report

# name: (module under scraper.commands, attribute, the one-line summary `--help` lists);
# tests/test_cli_lazy.py checks each summary against the command's own docstring.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "crawl": ("crawl", "crawl_command",
              "Crawl the sites of the sites file, or start from URLS (pages, feeds, sitemaps)."),
    "demo": ("crawl", "demo_command", ("Serve the bundled demo news site on 127.0.0.1, crawl it, "
             "and show what was extracted.")),
    "export": ("database", "export", ("Stream articles with their authors, images, quotes, "
               "links and tags, one at a time.")),
    "extract": ("extract", "extract_command",
                "Extract the article record of PAGE: a saved HTML file or an http(s) URL."),
    "history": ("database", "history",
                "List the versions of an article with a word-level diff between each."),
    "ingest": ("ingest", "ingest_command", ("Extract the HTML pages of WARC files (CC-NEWS, "
               "Heritrix, Browsertrix, wget, ours) into the database, as a crawl stores them; "
               "run again, it resumes where it stopped.")),
    "reextract": ("crawl", "reextract_command", ("Extract every archived article again, with no "
                  "network, and update the database.")),
    "schema": ("database", "schema", "Describe every table, view and column of the database."),
    "search": ("database", "search",
               "Full-text search over headlines, bodies, quotes and speakers."),
    "serve": ("serve", "serve_command",
              "Browse the database in Datasette on 127.0.0.1 (needs the datasette extra)."),
    "stats": ("database", "stats", ("Summarize: articles per site, dates covered, the last "
              "crawl, failures by reason.")),
}


def load_command(name: str) -> click.Command:
    """Import the module of command `name` and return its click command."""
    module, attribute, _summary = COMMANDS[name]
    command: click.Command = getattr(importlib.import_module(f"scraper.commands.{module}"),
                                     attribute)
    return command


class ScraperGroup(click.Group):
    """The command group: commands load on use; a reader closing our output early ends with 0."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, without importing any."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called `cmd_name`, imported now; None for an unknown name."""
        if cmd_name not in COMMANDS:
            return None
        regex_cache.load()  # the patterns earlier runs compiled, before its imports compile them
        return load_command(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: HelpFormatter) -> None:
        """The command list of `--help`, from the summaries (no command is imported)."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=COMMANDS[name][2]).get_short_help_str(limit))
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

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


def main() -> None:
    """Console-script entry point."""
    cli()
