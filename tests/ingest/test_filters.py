"""Ingest filters: hosts (and subdomains), a sites file or host list, dates, languages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from scraper.errors import ConfigError
from scraper.ingest.filters import IngestFilters, build_filters, normalize_host
from scraper.models import Article


def article(published_at: str | None = None, language: str | None = None) -> Article:
    return Article(url="https://example.org/a", body="text", published_at=published_at,
                   language=language)


@pytest.mark.parametrize(("given", "expected"), [
    ("WWW.Example.COM", "example.com"), ("example.com.", "example.com"),
    ("example.com:8080", "example.com"), ("https://www.example.com/news/", "example.com"),
])
def test_hosts_are_normalized(given: str, expected: str) -> None:
    assert normalize_host(given) == expected


def test_a_host_keeps_its_subdomains_only() -> None:
    filters = build_filters(hosts=("example.com",))
    assert filters.site_of("https://www.example.com/a")[0]
    assert filters.site_of("https://news.example.com/a")[0]
    assert not filters.site_of("https://badexample.com/a")[0]
    assert not filters.site_of("https://example.com.evil.org/a")[0]
    assert IngestFilters().site_of("https://anything.org/")[0]


def test_a_sites_file_names_the_site_of_each_page(tmp_path: Path) -> None:
    sites = tmp_path / "sites.toml"
    sites.write_text('[[site]]\nname = "herald"\nfeeds = ["https://www.herald.example/feed/"]\n'
                     '[[site]]\nname = "herald-sport"\nstart = ["https://sport.herald.example/"]\n')
    filters = build_filters(sites_file=sites)
    assert filters.site_of("https://sport.herald.example/x") == (True, "herald-sport")
    assert filters.site_of("https://www.herald.example/x") == (True, "herald")
    assert filters.site_of("https://other.example/x") == (False, None)
    only = build_filters(sites_file=sites, site_names=("herald-sport",))
    assert not only.site_of("https://www.herald.example/x")[0]
    with pytest.raises(ConfigError, match="unknown site"):
        build_filters(sites_file=sites, site_names=("nosuch",))


def test_a_host_list_file(tmp_path: Path) -> None:
    hosts = tmp_path / "hosts.txt"
    hosts.write_text("# outlets\nexample.com\nhttps://www.other.org/news/\n\n")
    filters = build_filters(sites_file=hosts)
    assert filters.hosts == ("example.com", "other.org")
    assert filters.site_of("https://other.org/a") == (True, None)
    hosts.write_text("# nothing\n")
    with pytest.raises(ConfigError, match="no hosts"):
        build_filters(sites_file=hosts)


@pytest.mark.parametrize(("published_at", "kept"), [
    ("2024-05-01", True), ("2024-05-31", True), ("2024-04-30", False), ("2024-06-01", False),
    ("2024-05-31T23:30:00-02:00", False),  # 01:30 UTC on 1 June
    ("2024-05-01T00:30:00+02:00", False),  # 22:30 UTC on 30 April
    ("2024-05-15T12:00:00", True), (None, False), ("not a date", False),
])
def test_dates_in_a_window_of_whole_days(published_at: str | None, kept: bool) -> None:
    filters = build_filters(since=datetime(2024, 5, 1, tzinfo=UTC),
                            until=datetime(2024, 5, 31, tzinfo=UTC), until_is_day=True)
    assert (filters.rejects(article(published_at)) is None) == kept


def test_languages() -> None:
    filters = build_filters(languages=("EN", " de"))
    assert filters.rejects(article(language="en")) is None
    assert filters.rejects(article(language="de-AT")) is None
    assert filters.rejects(article(language="fr")) == "language"
    assert filters.rejects(article(language=None)) == "language"


def test_the_key_names_the_filters_and_nothing_else() -> None:
    assert IngestFilters().key() == "{}"
    a = build_filters(hosts=("b.org", "a.org"), languages=("de", "en"))
    b = build_filters(hosts=("www.a.org", "b.org"), languages=("en", "de"))
    assert a.key() == b.key() != "{}"
