"""What every command parses the same way: dates and ages, site names, its own arguments."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])
AGE_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}
_AGE = re.compile(r"^(\d+)\s*([hdw])$")
WHEN_HELP = "YYYY-MM-DD, an ISO 8601 time, or an age: 36h, 2d, 1w."


def parse_when(text: str, now: datetime | None = None) -> datetime:
    """Return the UTC time meant by a date, an ISO 8601 time or an age; raise ValueError."""
    text = text.strip().lower()
    age = _AGE.match(text)
    if age:
        now = now or datetime.now(UTC)
        return now - int(age.group(1)) * AGE_UNITS[age.group(2)]
    when = datetime.fromisoformat(text.upper() if "t" in text else text)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


class WhenType(click.ParamType):
    """A date, an ISO 8601 time or an age (36h, 2d, 1w), as an aware UTC datetime."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> datetime:
        """Parse the value; a bad one is a usage error (exit code 2)."""
        if isinstance(value, datetime):
            return value
        try:
            return parse_when(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; use {WHEN_HELP}", param, ctx)


WHEN = WhenType()


def day_of(when: datetime | None) -> str | None:
    """The UTC day of a parsed --since/--until, for filters on publication dates."""
    return when.date().isoformat() if when else None


def check_site_names(asked: Iterable[str], known: Iterable[str], where: str) -> None:
    """Raise ConfigError (exit 2) naming the unknown sites and the known ones of `where`."""
    known = sorted(set(known))
    unknown = [name for name in asked if name not in known]
    if unknown:
        listed = f"lists {', '.join(known)}" if known else "lists no site yet"
        raise ConfigError(f"unknown site(s) {', '.join(unknown)}; {where} {listed}")


class RecordedCommand(click.Command):
    """A command that keeps the arguments it was given, for its crawl_runs row."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Keep a copy of the raw arguments, then parse them as usual."""
        ctx.meta["scraper.arguments"] = [ctx.info_name or self.name or "", *args]
        return super().parse_args(ctx, args)


def given_arguments() -> list[str]:
    """The command name and arguments of the running RecordedCommand, as typed."""
    return list(click.get_current_context().meta.get("scraper.arguments", []))


def selectors_option(function: F) -> F:
    """--selectors: a folder of site/template rules to use instead of the bundled ones."""
    return click.option("--selectors", "selectors_dir", type=click.Path(path_type=Path,
                        file_okay=False), default=None,
                        help="Folder of site/template rule files (TOML) to use instead of "
                             "the bundled selectors/.")(function)
