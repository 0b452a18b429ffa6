"""Start-up: each command loads only the modules it uses (what is asserted is which modules a
run imports, never how long it takes; benchmarks/startup.py measures the time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import COMMANDS, cli, load_command

PROSE = ("The council met on Tuesday evening to weigh the plan for a new tram line across the "
         "river, and after three hours of debate the members voted to fund a first study. ")


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running `code`."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120)
    return set(json.loads(result.stdout.splitlines()[-1]))


def _run_cli(*args: str) -> str:
    return ("from scraper.cli import cli\n"
            f"try:\n    cli.main({list(args)!r})\nexcept SystemExit:\n    pass")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_summary_is_the_commands_own(name: str) -> None:
    command = load_command(name)
    assert command.name == name
    assert COMMANDS[name][2] == command.get_short_help_str(limit=1000)


def test_help_lists_every_command_without_importing_one() -> None:
    modules = _modules_after(_run_cli("--help"))
    assert "scraper.cli" in modules
    assert not {m for m in modules if m.startswith("scraper.commands.") and m != "scraper.commands.streams"}
    assert "scraper.extract" not in modules


def test_help_output_names_every_command() -> None:
    output = CliRunner().invoke(cli, ["--help"]).output
    for name in COMMANDS:
        assert f"  {name} " in output


@pytest.mark.parametrize("limit", [[], ["--extraction-timeout", "0"]],
                         ids=["under-a-time-limit", "without-a-limit"])
def test_extracting_a_file_loads_no_crawl_fetch_or_store_module(tmp_path: Path,
                                                                limit: list[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><h1>Tram vote</h1><p>{PROSE * 4}</p><p>{PROSE * 3}</p>"
                    "</article></body></html>", encoding="utf-8")
    modules = _modules_after(_run_cli("extract", str(page), "--json", *limit))
    # one page is extracted in this process either way (an alarm bounds it): no second interpreter
    assert "scraper.extract" in modules
    unused = ("scraper.fetch", "scraper.store", "scraper.pipeline", "scraper.cluster",
              "scraper.commands.crawl", "scraper.discover", "httpx", "sqlite_utils", "asyncio",
              "pickle")  # pickle: only a helper process talks over a pipe
    assert not [m for m in modules if m.split(".")[0] in unused or m.startswith(unused)]
    # a confident reading (all the prose inside it) never asks trafilatura's second opinion
    assert not [m for m in modules if m.split(".")[0] in ("trafilatura", "courlan", "htmldate")]


def test_the_package_extract_name_stays_the_function_after_the_subpackage_loads() -> None:
    probe = ("import scraper.commands.extract\nimport scraper.extract.body\n"
             "from scraper import extract\nimport scraper\n"
             "assert callable(extract) and scraper.extract is extract\n"
             "assert extract('<p>Hello there, reader.</p>').body.startswith('Hello')")
    subprocess.run([sys.executable, "-c", probe], check=True, timeout=120)
