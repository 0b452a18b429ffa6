"""A site's discovery: every listing adds to what is known of a URL; sitemaps newest first."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scraper.discover import Candidate, Discovery
from scraper.site_discovery import Candidates, DiscoveryLimits, SiteDiscovery, later_hint


@pytest.mark.parametrize(("first", "second", "later"), [
    (None, "2024-05-01", "2024-05-01"),
    ("2024-05-01", None, "2024-05-01"),
    ("2024-05-01", "2024-05-03T08:00:00+00:00", "2024-05-03T08:00:00+00:00"),
    ("2024-05-03T08:00:00+02:00", "2024-05-03T07:00:00+00:00", "2024-05-03T07:00:00+00:00"),
    ("2024-05-03", "2024-05-03T08:00:00+00:00", "2024-05-03"),  # a bare date is its whole day
    ("not a date", "2024-05-01", "2024-05-01"),
])
def test_later_hint(first: str | None, second: str | None, later: str | None) -> None:
    assert later_hint(first, second) == later


def test_a_url_keeps_the_latest_date_any_listing_gives_and_its_first_source() -> None:
    found = Candidates("herald", limit=10)
    url = "https://herald.example/2024/05/01/story/"
    found.add(Discovery([Candidate(url)]), "https://herald.example/news/")
    found.add(Discovery([Candidate(url, published_hint="2024-05-01T08:00:00+00:00")]), "feed")
    found.add(Discovery([Candidate(url, published_hint="2024-04-30")]), "sitemap")
    entry = found.entries[url]
    assert (entry.published_hint, entry.discovered_from, entry.site) == (
        "2024-05-01T08:00:00+00:00", "https://herald.example/news/", "herald")


def test_a_full_site_takes_no_new_url_but_still_learns_dates() -> None:
    found = Candidates("herald", limit=1)
    assert found.add(Discovery([Candidate("https://h.example/a")]), "feed")
    assert not found.add(Discovery([Candidate("https://h.example/b"),
                                    Candidate("https://h.example/a", None, "2024-05-01")]), "x")
    assert list(found.entries) == ["https://h.example/a"]


def test_sitemaps_are_followed_newest_first_and_not_when_unchanged_since_since() -> None:
    discovery = SiteDiscovery("herald", [], io=None,  # type: ignore[arg-type]
                              limits=DiscoveryLimits(10, 10, 10),
                              since=datetime(2024, 5, 1, tzinfo=UTC))
    found = Discovery(follow=["a", "b", "c", "d"], follow_dates={
        "a": "2024-03-31", "b": "2024-05-02", "c": "2024-05-20T10:00:00+00:00"})
    assert discovery._worth_following(found) == ["c", "b", "d"]  # "a" lists nothing newer
