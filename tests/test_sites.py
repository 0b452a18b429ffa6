"""The sites file: what loads, what is refused (with the file and the problem named)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.errors import ConfigError
from scraper.sites import Seed, load_sites, seeds_from_urls

REPO_ROOT = Path(__file__).resolve().parent.parent

GOOD = """
[[site]]
name = "tidewater"
start = ["https://www.tidewater.example/news/"]
feeds = "https://www.tidewater.example/feed/"
sitemaps = ["https://www.tidewater.example/news-sitemap.xml"]
article_patterns = ['/news/\\d{4}/']
delay = 2
user_agent = "ResearchBot/1.0 (+https://uni.example/bot)"

[[site]]
name = "herald"
feeds = ["https://herald.example/rss.xml"]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_every_field(tmp_path: Path) -> None:
    tidewater, herald = load_sites(_write(tmp_path, GOOD))
    assert tidewater.name == "tidewater" and herald.name == "herald"
    assert tidewater.feeds == ("https://www.tidewater.example/feed/",)  # one string is a list of one
    assert tidewater.delay == 2.0 and isinstance(tidewater.delay, float)
    assert tidewater.user_agent == "ResearchBot/1.0 (+https://uni.example/bot)"
    assert tidewater.article_patterns[0].search("https://www.tidewater.example/news/2024/x")
    assert herald.delay is None and herald.user_agent is None and herald.start == ()
    assert not tidewater.allow_private and not herald.allow_private  # the default: public only
    assert tidewater.hosts == {"www.tidewater.example"}


def test_a_site_may_be_allowed_private_addresses(tmp_path: Path) -> None:
    (intranet,) = load_sites(_write(tmp_path, '[[site]]\nname = "intranet"\n'
                                              'start = ["http://news.intranet/"]\n'
                                              "allow_private = true\n"))
    assert intranet.allow_private is True


def test_seeds_carry_site_kind_and_patterns(tmp_path: Path) -> None:
    tidewater = load_sites(_write(tmp_path, GOOD))[0]
    seeds = tidewater.seeds()
    assert [(s.kind, s.url) for s in seeds] == [
        ("start", "https://www.tidewater.example/news/"),
        ("feed", "https://www.tidewater.example/feed/"),
        ("sitemap", "https://www.tidewater.example/news-sitemap.xml")]
    assert {s.site for s in seeds} == {"tidewater"}
    assert all(s.article_patterns == tidewater.article_patterns for s in seeds)


def test_the_shipped_example_is_valid() -> None:
    sites = load_sites(REPO_ROOT / "sites.example.toml")
    assert len(sites) >= 2 and all(site.seeds() for site in sites)


def test_the_readme_example_is_the_shipped_example(tmp_path: Path) -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "readme.toml").write_text(block, encoding="utf-8")
    shown = load_sites(tmp_path / "readme.toml")
    assert shown == load_sites(REPO_ROOT / "sites.example.toml")[:len(shown)]


def test_a_users_sites_file_is_not_committed() -> None:
    ignored = (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/sites.toml" in ignored


@pytest.mark.parametrize(("text", "words"), [
    ("", "no [[site]] entries"),
    ("[[site]\nname=", "cannot read"),
    ('site = "x"', "no [[site]] entries"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\ncolour = "red"', "unknown key(s) colour"),
    ('[[site]]\nfeeds = ["https://a.example/f"]', "needs a name"),
    ('[[site]]\nname = "  "\nfeeds = ["https://a.example/f"]', "needs a name"),
    ('[[site]]\nname = "a"', "at least one start page, feed or sitemap"),
    ('[[site]]\nname = "a"\nfeeds = ["ftp://a.example/f"]', "not an http(s) URL"),
    ('[[site]]\nname = "a"\nfeeds = [1]', "must be a list of URLs"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\ndelay = -1', "delay must be"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\ndelay = "2"', "delay must be"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\ndelay = true', "delay must be"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\nuser_agent = 3', "user_agent"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\nuser_agent = "Bot (+https://ü.example)"',
     "user_agent must be printable ASCII"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\nallow_private = "yes"',
     "allow_private must be true or false"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\narticle_patterns = ["(["]',
     "bad article pattern"),
    ('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\narticle_patterns = "x"',
     "article_patterns must be a list"),
    (('[[site]]\nname = "a"\nfeeds = ["https://a.example/f"]\n'
      '[[site]]\nname = "a"\nfeeds = ["https://a.example/g"]'), "duplicate site name(s): a"),
])
def test_bad_files_are_refused_with_the_file_and_the_problem(tmp_path: Path, text: str,
                                                             words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_sites(path)
    assert words in str(caught.value) and str(path) in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="sites file not found"):
        load_sites(tmp_path / "nowhere.toml")


def test_command_line_urls_become_seeds_sniffed_after_fetching() -> None:
    assert seeds_from_urls(["https://a.example/feed"]) == [Seed("https://a.example/feed",
                                                                kind="url")]
    with pytest.raises(ConfigError, match="not an http"):
        seeds_from_urls(["a.example/feed"])


@pytest.mark.parametrize(("arguments", "words"), [
    (["--site", "nowhere"], "unknown site(s) nowhere; the sites file lists herald, tidewater"),
    (["https://a.example/", "--site", "herald"], "either URLs or --site"),
    (["--sites", "missing.toml"], "sites file not found"),
    (["not-a-url"], "not an http(s) URL"),
    (["--contact-url", "https://bü.example/"], "User-Agent must be printable ASCII"),
])
def test_crawl_usage_errors_exit_2(tmp_path: Path, arguments: list[str], words: str) -> None:
    sites_file = _write(tmp_path, GOOD)
    result = CliRunner().invoke(cli, ["crawl", "--sites", str(sites_file), *arguments,
                                      "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output
