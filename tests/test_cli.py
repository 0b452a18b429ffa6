"""The command line as a whole: help everywhere, entry points, usage errors exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from scraper.cli import cli

COMMANDS = cli.list_commands(click.Context(cli))


def test_the_documented_commands_exist() -> None:
    assert {"crawl", "demo", "extract", "reextract", "search", "stats", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_text(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.name == name
    assert command.help and len(command.help.strip()) > 20
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name != "help":
            assert param.help, f"{name} {param.opts[0]} has no help text"


def test_python_dash_m_scraper_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "scraper", "--version"], capture_output=True, check=False,
                            text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("scraper, version ")


def test_crawl_without_a_sites_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["crawl", "--sites", str(tmp_path / "missing.toml"),
                                      "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "sites file not found" in result.output
    assert "Traceback" not in result.output


def test_crawl_of_an_unknown_site_names_the_known_ones(tmp_path: Path) -> None:
    sites = tmp_path / "sites.toml"
    sites.write_text('[[site]]\nname = "herald"\nfeeds = ["https://herald.example/feed"]\n')
    result = CliRunner().invoke(cli, ["crawl", "--sites", str(sites), "--site", "gazette",
                                      "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "gazette" in result.output and "herald" in result.output


def test_crawl_rejects_a_non_http_url(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["crawl", "ftp://example.com/", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.output


def test_extract_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code == 2
    assert "no such file" in result.output


PAGE = ("<html><body><article><h1>Harbour plan</h1>"
        + "".join(f"<p class='lede'>Lede paragraph {i} about the harbour plan and its long debate "
                  f"in the council chamber on Tuesday evening.</p>" for i in range(3))
        + "<div class='extra'><p>An aside paragraph that a site rule leaves out of the body text "
          "because the site puts its sponsored notes there.</p></div></article></body></html>")
SITE_RULE = """
name = "harbour-herald"
kind = "site"
domains = ["herald.example"]
[selectors]
strip = [".extra"]
"""


def test_extract_uses_the_rules_of_a_selectors_folder(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "herald.toml").write_text(SITE_RULE)
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    url = "https://www.herald.example/2024/05/03/harbour/"
    bundled = CliRunner().invoke(cli, ["extract", str(page), "--url", url])
    custom = CliRunner().invoke(cli, ["extract", str(page), "--url", url,
                                      "--selectors", str(tmp_path / "rules")])
    assert bundled.exit_code == 0 and custom.exit_code == 0
    assert "An aside paragraph" in bundled.output
    assert "An aside paragraph" not in custom.output and "Lede paragraph 2" in custom.output


def test_a_broken_selectors_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bad.toml").write_text("name = 'x'\nkind = 'blog'\nfingerprints = ['p']")
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = CliRunner().invoke(cli, ["extract", str(page), "--selectors", str(tmp_path / "rules")])
    assert result.exit_code == 2 and "kind must be" in result.output
