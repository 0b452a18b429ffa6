"""Authors: byline normalization case by case, then each source on small pages."""

from __future__ import annotations

import json

import pytest

from scraper.extract.authors import extract_authors
from scraper.extract.authors.names import agency_name, names_from_byline
from scraper.extract.document import parse_document
from scraper.models import SiteRules

SITE = ["The Harbour Herald", "harbourherald"]


@pytest.mark.parametrize("byline, expected", [
    ("By Jane Doe", ["Jane Doe"]),
    ("by jane doe", ["Jane Doe"]),
    ("Von Hans Müller", ["Hans Müller"]),
    ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
    ("Words by Ali Khan", ["Ali Khan"]),
    ("By Jane Doe and Ali Khan", ["Jane Doe", "Ali Khan"]),
    ("By Jane Doe, Ali Khan and Mary Clare Jalonick", ["Jane Doe", "Ali Khan", "Mary Clare Jalonick"]),
    ("Jane Doe & Ali Khan", ["Jane Doe", "Ali Khan"]),
    ("Von Ursula von der Leyen und Hans Müller", ["Ursula von der Leyen", "Hans Müller"]),
    ("Por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
    ("By JANE DOE, Senior Correspondent", ["Jane Doe"]),
    ("Jane Doe, Staff Writer", ["Jane Doe"]),
    ("By Meg James Staff Writer", ["Meg James"]),
    ("Jane Doe Political Editor", ["Jane Doe"]),
    ("Tom Gillespie News reporter @TomGillespie1", ["Tom Gillespie"]),
    ("By Jane Doe for ProPublica", ["Jane Doe"]),
    ("Jane Doe in Berlin", ["Jane Doe"]),
    ("By Bill Hoppe | Special to the Pioneer Press", ["Bill Hoppe"]),
    ("Amy Kuperinsky | NJ Advance Media for NJ.com", ["Amy Kuperinsky"]),
    ("By Jane Doe | Reuters", ["Jane Doe"]),
    ("Jane Doe jane.doe@harbourherald.com", ["Jane Doe"]),
    ("Catherine Shu @catherineshu / 2 days", ["Catherine Shu"]),
    ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", ["Umair Irfan"]),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", ["Chris Davies"]),
    ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", ["Joe Rossignol"]),
    ("VICTOR TANGERMANN, FUTURISM 18 NOV 2019", ["Victor Tangermann"]),
    ("JEAN-PAUL O'NEIL", ["Jean-Paul O'Neil"]),
    ("Troy L. Smith, Cleveland.com", ["Troy L. Smith"]),
    ("By Tom Krisher, AP Auto Writer", ["Tom Krisher"]),
    ("Finian Cunningham. Sputnik International", ["Finian Cunningham"]),
    ("Tom Davies Associated Press", ["Tom Davies"]),
    ("Marcus De Guzman View More Articles", ["Marcus De Guzman"]),
    ("Текст: Венера Ерофеева", ["Венера Ерофеева"]),
    ("Sarah E. Needleman", ["Sarah E. Needleman"]),
    ("written by Regan", ["Regan"]),
    ("Leonardo di Caprio", ["Leonardo di Caprio"]),
    ("By The Harbour Herald", []),
    ("By Reuters", []),
    ("Staff", []),
    ("admin", []),
    ("rmb8090", []),
    ("Reuters, Washington, Nov 20 2019", []),
    ("The Russian and Syrian defense ministries", []),
    ("16 hours ago on iOS Blog", []),
])
def test_byline_normalization(byline: str, expected: list[str]) -> None:
    assert names_from_byline(byline, SITE) == expected


@pytest.mark.parametrize("byline, single_ok, expected", [
    ("Regan", True, ["Regan"]),       # an author field may name one word
    ("Regan", False, []),             # loose text may not: it is usually a place or outlet
    ("Washington,", False, []),
])
def test_one_word_names_need_an_author_field_or_a_marker(byline: str, single_ok: bool,
                                                        expected: list[str]) -> None:
    assert names_from_byline(byline, SITE, single_ok=single_ok) == expected


@pytest.mark.parametrize("byline, expected", [
    ("By REUTERS", "Reuters"),
    ("Associated Press November 19, 2019, 9:02 AM", "Associated Press"),
    ("By Jane Doe", None),
])
def test_agency_name(byline: str, expected: str | None) -> None:
    assert agency_name(byline) == expected


URL = "https://www.harbourherald.com/2024/05/03/harbour-plan/"
HEAD = '<meta property="og:site_name" content="The Harbour Herald">'


def authors_of(body: str = "", head: str = "", rules: SiteRules | None = None) -> list[str]:
    html = f"<html><head>{HEAD}{head}</head><body>{body}</body></html>"
    return extract_authors(parse_document(html, URL), rules)


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_jsonld_person_list_in_order() -> None:
    head = jsonld({"@type": "NewsArticle", "headline": "x", "author": [
        {"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ali Khan"}]})
    assert authors_of(head=head, body='<p class="byline">By Somebody Else</p>') == [
        "Jane Doe", "Ali Khan"]


def test_jsonld_id_references_resolve_into_the_graph() -> None:
    head = jsonld({"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "x", "author": {"@id": "https://h.example/#/person/1"}},
        {"@type": "Person", "@id": "https://h.example/#/person/1", "name": "Olivia Larsen"}]})
    assert authors_of(head=head) == ["Olivia Larsen"]


def test_jsonld_strings_and_given_family_names() -> None:
    head = jsonld({"@type": "BlogPosting", "headline": "x",
                   "author": ["By NATALIE MUSUMECI", {"givenName": "Bruce", "familyName": "Lee"}]})
    assert authors_of(head=head) == ["Natalie Musumeci", "Bruce Lee"]


def test_jsonld_organization_author_falls_through_to_the_byline() -> None:
    head = jsonld({"@type": "NewsArticle", "headline": "x",
                   "author": {"@type": "Organization", "name": "The Harbour Herald"}})
    assert authors_of(head=head, body='<div class="byline">By Jane Doe</div>') == ["Jane Doe"]


def test_meta_author_name_but_not_a_profile_url() -> None:
    assert authors_of(head='<meta name="author" content="Rodrigo Campos">') == ["Rodrigo Campos"]
    head = '<meta property="article:author" content="https://www.facebook.com/harbourherald">'
    assert authors_of(head=head, body='<a rel="author" href="/author/jd">Jane Doe</a>') == ["Jane Doe"]


def test_byline_elements_in_one_byline_and_not_comment_authors() -> None:
    body = ('<article><div class="entry-meta"><span class="byline">By '
            '<a class="author-name" href="/author/jd">Jane Doe</a> and '
            '<a class="author-name" href="/author/ak">Ali Khan</a></span></div>'
            '<p>Text.</p></article><div id="comments"><div class="comment-author">'
            'Gary Moore says:</div></div>')
    assert authors_of(body=body) == ["Jane Doe", "Ali Khan"]


def test_itemprop_author_with_nested_name() -> None:
    body = ('<div itemprop="author" itemscope><span itemprop="name">Chris Pokorny</span>'
            '<span itemprop="jobTitle">Editor</span></div>')
    assert authors_of(body=body) == ["Chris Pokorny"]


def test_teaser_bylines_in_a_sidebar_are_not_the_authors() -> None:
    body = ('<aside class="sidebar"><div class="byline">By Other Person</div></aside>'
            '<article><h1>Harbour plan wins</h1><p>No byline here.</p></article>')
    assert authors_of(body=body) == []


def test_visible_by_line_after_the_headline() -> None:
    body = "<article><h1>Harbour plan wins</h1><p>By Jane Doe and Ali Khan</p><p>Text.</p></article>"
    assert authors_of(body=body) == ["Jane Doe", "Ali Khan"]


def test_agency_stands_only_when_no_person_is_named() -> None:
    assert authors_of(body='<div class="byline">Reuters November 18, 2019 11:03 PM</div>') == [
        "Reuters"]
    head = jsonld({"@type": "NewsArticle", "headline": "x",
                   "author": {"@type": "Organization", "name": "The Harbour Herald"}})
    assert authors_of(head=head) == []


def test_rules_selectors_win_when_they_match() -> None:
    rules = SiteRules(name="herald", authors=(".story-credit",))
    head = '<meta name="author" content="Meta Person">'
    body = '<p class="story-credit">Jane Doe</p>'
    assert authors_of(body=body, head=head, rules=rules) == ["Jane Doe"]
    missing = SiteRules(name="herald", authors=(".nothing",))
    assert authors_of(body=body, head=head, rules=missing) == ["Meta Person"]


def test_duplicates_across_mobile_and_desktop_bylines_are_dropped() -> None:
    body = ('<header><div class="byline">By Jane Doe</div>'
            '<div class="byline byline--mobile">By JANE DOE</div></header>')
    assert authors_of(body=body) == ["Jane Doe"]


def test_cms_state_classes_are_not_foreign_regions() -> None:
    body = ('<div class="node node-article node-promoted"><div class="submitted">Submitted by '
            '<span class="username">webeditor</span></div><div class="field-name-field-byline">'
            "By Luis Carmona and Kate Osei</div></div>")
    assert authors_of(body=body) == ["Luis Carmona", "Kate Osei"]


@pytest.mark.parametrize("company", ["Halden Robotics", "Northgate Holdings", "Meridian Airlines",
                                     "Tamsin Energy Corp.", "St Agnes University"])
def test_a_company_named_as_author_is_not_a_person(company: str) -> None:
    assert authors_of(head=f'<meta name="author" content="{company}">') == []
