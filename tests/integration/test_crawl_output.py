"""What a run prints: one summary line under cron, warnings on stderr, JSON lines, a progress bar.

Also `--site NAME` against a sites file of two loopback sites: only that site is crawled.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli
from scraper.commands.output import RunOutput
from scraper.pipeline import CrawlReport, PageOutcome

from .loopback_sites import LoopbackSites, article_reply, rss

GOOD = ["/news/2024/05/01/first-story/", "/news/2024/05/02/second-story/"]
MISSING = "/news/2024/05/03/missing-story/"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def sites() -> Iterator[LoopbackSites]:
    with LoopbackSites(2) as running:
        for host in (0, 1):
            for path in GOOD:
                running.route(host, path, article_reply(f"Story {path} on {host}"))
            running.route(host, "/feed.xml", rss(
                [(running.url(host, p), None) for p in [*GOOD, MISSING]]))
        yield running


def _sites_file(tmp_path: Path, sites: LoopbackSites) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text("".join(f'[[site]]\nname = "{name}"\nfeeds = ["{sites.url(host, "/feed.xml")}"]\n'
                            for host, name in ((0, "alpha"), (1, "beta"))), encoding="utf-8")
    return path


def _crawl(tmp_path: Path, *arguments: str) -> Result:
    return CliRunner().invoke(cli, ["crawl", *arguments, "--allow-private", "--delay", "0",
                                    "--contact-url", "https://uni.example/crawler",
                                    "--db", str(tmp_path / "a.db"),
                                    "--archive-dir", str(tmp_path / "archive")])


@pytest.mark.integration
def test_not_a_terminal_prints_one_summary_line_and_warnings_on_stderr(
        sites: LoopbackSites, tmp_path: Path) -> None:
    result = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, sites)))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "run 1: 6 discovered, 4 fetched, 0 unchanged, 2 failed, 4 new, 0 updated"]
    warnings = result.stderr.splitlines()
    assert sorted(warnings) == sorted(f"warning: failed: {sites.url(h, MISSING)}: HTTP 404"
                                      for h in (0, 1))


@pytest.mark.integration
def test_log_json_prints_one_json_object_per_line(sites: LoopbackSites, tmp_path: Path) -> None:
    result = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, sites)), "--log-json")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["event"] for r in records[:2]] == ["discovered", "fetching"]
    pages = [r for r in records if r["event"] == "page"]
    assert len(pages) == 6 and {r["site"] for r in pages} == {"alpha", "beta"}
    assert sorted(r["outcome"] for r in pages) == ["failed", "failed", "new", "new", "new", "new"]
    summary = records[-1]
    assert summary["event"] == "summary" and summary["exit_status"] == result.exit_code == 1
    with sqlite3.connect(tmp_path / "a.db") as db:
        run = db.execute("SELECT pages_fetched, pages_failed, articles_new FROM crawl_runs"
                         " WHERE id = ?", [summary["run_id"]]).fetchone()
    assert run == (summary["fetched"], summary["failed"], summary["new"]) == (4, 2, 4)
    assert result.stderr == ""  # failures are page records, not extra lines


@pytest.mark.integration
def test_site_option_crawls_only_that_site(sites: LoopbackSites, tmp_path: Path) -> None:
    before = len(sites.requests(1))
    result = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, sites)), "--site", "alpha")
    assert result.exit_code == 1  # alpha's missing story
    assert len(sites.requests(1)) == before
    with sqlite3.connect(tmp_path / "a.db") as db:
        names = {row[0] for row in db.execute(
            "SELECT sites.name FROM articles JOIN sites ON sites.id = articles.site_id")}
    assert names == {"alpha"}


def _events(output: RunOutput, outcomes: list[PageOutcome]) -> CrawlReport:
    output("discovered", {"count": len(outcomes)})
    output("fetching", {"total": len(outcomes)})
    for outcome in outcomes:
        output("page", {"outcome": outcome})
    report = CrawlReport(7)
    report.counts.update(discovered=3, fetched=3, failed=1, new=2)
    report.skipped = 1
    return report


OUTCOMES = [PageOutcome("https://a.example/1", "new"), PageOutcome("https://a.example/2", "new"),
            PageOutcome("https://a.example/3", "failed", reason="HTTP 500")]


def test_a_terminal_gets_a_progress_bar_then_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    stream = Terminal()
    output = RunOutput(stream=stream)
    report = _events(output, OUTCOMES)
    output.finish(report)
    text = stream.getvalue()
    assert output.interactive
    assert "fetching" in text and "3/3" in text
    assert text.rstrip().splitlines()[-1] == (
        "run 7: 3 discovered, 3 fetched, 0 unchanged, 1 failed, 2 new, 0 updated, 1 skipped")
    assert capsys.readouterr().err == "warning: failed: https://a.example/3: HTTP 500\n"


def test_no_terminal_no_progress_bar() -> None:
    stream = io.StringIO()
    output = RunOutput(stream=stream)
    output.finish(_events(output, OUTCOMES))
    assert not output.interactive
    assert stream.getvalue().count("\n") == 1 and "fetching" not in stream.getvalue()


def test_json_lines_on_a_terminal_stay_json() -> None:
    stream = Terminal()
    output = RunOutput(stream=stream, log_json=True)
    output.finish(_events(output, OUTCOMES))
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [r["event"] for r in records] == ["discovered", "fetching", "page", "page", "page",
                                             "summary"]
    assert records[-1]["skipped"] == 1 and records[-1]["exit_status"] == 1
