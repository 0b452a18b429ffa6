"""Authors: byline normalization case by case, then each source on small pages."""

from __future__ import annotations

import json

import pytest

from scraper.extract.authors import extract_authors
from scraper.extract.authors.bylines import (
    BYLINE_CLASS,
    SIGNED_WORDS,
    _byline_class,
    _signing_words,
)
from scraper.extract.authors.names import (
    CUT_PATTERN,
    _cut_at,
    agency_name,
    named_entities,
    names_from_byline,
)
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
    ("Reviewed by Jane Doe", []),
    ("Fact-checked by Jane Doe", []),
    ("Photos by Jane Doe", []),
    ("By Jane Doe | Fact-checked by Ali Khan", ["Jane Doe"]),
    (("Driven by expertise and thorough research, our team delivers valuable, insightful content "
      "to keep readers informed"), []),
    ("Mara Lindqvist/Tomas Berge", ["Mara Lindqvist", "Tomas Berge"]),
    ("Posted by quillfox on Friday December 19, 2025 @08:00PM", []),
    ("Liza Marsh Marketing Director", ["Liza Marsh"]),
    ("Dana Holt Director of Operations", ["Dana Holt"]),
    ("Mike Arlen, Shipping Expert", ["Mike Arlen"]),
    ("By Rui Tan, Senior Director, Content & Marketing", ["Rui Tan"]),
    ("Ein Kommentar von Jan Sellberg", ["Jan Sellberg"]),
    ("Kommentar von", []),
    ("Autorin/Autor Roman Gordeev", ["Roman Gordeev"]),
    ("Learn More", []),
    ("Edda Lorne 1 ;", ["Edda Lorne"]),                 # footnote marks of affiliations
    ("Edda Lorne 1, Mia Ostrova 4", ["Edda Lorne", "Mia Ostrova"]),
    ("Ana Ruiz 12 abr 2023", ["Ana Ruiz"]),             # a Spanish month ends the names
    ("Edda Lorne on 04-ago-2021", ["Edda Lorne"]),
    ("Edda Lorne ⋅ 5 min read", ["Edda Lorne"]),
    ("Meghan Vale Content Marketing Coordinator", ["Meghan Vale"]),
    ("Quiet Hills Editorial Team", []),                  # a desk, not a person "Quiet Hills"
    ("Researched by Edda Lorne", []),
    ("With contributions from Edda Lorne", []),
    ("Additional reporting by Edda Lorne", []),
    ("Dec. 19, 2025 · Edda Lorne on behalf of the Harbour Desk", ["Edda Lorne"]),  # date first
    ("2025-12-19 | Edda Lorne and Mia Ostrova", ["Edda Lorne", "Mia Ostrova"]),
    ("August 28, 2025 • 5 min read", []),
])
def test_byline_normalization(byline: str, expected: list[str]) -> None:
    assert names_from_byline(byline, SITE) == expected


@pytest.mark.parametrize("byline, single_ok, expected", [
    ("Regan", True, ["Regan"]),       # an author field may name one word
    ("Regan", False, []),             # loose text may not: it is usually a place or outlet
    ("김민서 기자", True, ["김민서"]),     # a Korean name without its job title
    ("Washington,", False, []),
    ("Maria & Katerina", True, ["Maria", "Katerina"]),   # a pair of first names, as signed
    ("Luxury Travel Expert", True, []),                  # a job title is not the name "Luxury"
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


@pytest.mark.parametrize("byline, expected", [
    ("By Euronova with Agencies", ["Euronova"]),
    ("Par Le Journal et AFP", ["Le Journal", "AFP"]),
    ("By REUTERS", ["Reuters"]),
    ("Hartley & Hartley", ["Hartley & Hartley"]),
    ("Harbour Daily (www.harbourdaily.com)", ["Harbour Daily"]),
    ("admin", []),
    ("The Author", []),
    ("Posted by quillfox on Friday December 19, 2025 @08:00PM", ["quillfox"]),
    ("Reviewed by Harbour Daily", []),
    ("By HHD, in News, Harbour", ["HHD"]),              # a comma ends the outlet: categories follow
    ("Office of Water Quality, Research", ["Office of Water Quality"]),
    ("Quiet Hills Editorial Team", ["Quiet Hills Editorial Team"]),
    ("Author of the article:", []),                     # a label standing alone names nobody
    ("read the full story here now please", []),
    ("By Harbour Daily 4 Comments", ["Harbour Daily"]),    # a comment count is no name
    ("Harbour Daily Last update: July 16, 2025", ["Harbour Daily"]),
])
def test_what_a_byline_names_when_it_names_no_person(byline: str, expected: list[str]) -> None:
    assert named_entities(byline, SITE) == expected


URL = "https://www.harbourherald.com/2024/05/03/harbour-plan/"
PROSE = ("<p>The harbour board voted on Tuesday to widen the northern channel, a plan that "
         "fishermen, ferry operators and the town council had argued about for most of a decade "
         "before the money was found.</p>")
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
    assert authors_of(body='<div class="byline">By REUTERS and Jane Doe</div>') == ["Jane Doe"]


def test_an_organisation_byline_stands_when_it_names_nobody_else() -> None:
    head = jsonld({"@type": "NewsArticle", "headline": "x",
                   "author": {"@type": "Organization", "name": "The Harbour Herald"}})
    assert authors_of(head=head) == ["The Harbour Herald"]
    assert authors_of(head=head, body='<div class="byline">By Jane Doe</div>') == ["Jane Doe"]


def test_site_rules_selectors_win_when_they_match() -> None:
    rules = SiteRules(name="herald", kind="site", authors=(".story-credit",))
    head = '<meta name="author" content="Meta Person">'
    body = '<p class="story-credit">Jane Doe</p>'
    assert authors_of(body=body, head=head, rules=rules) == ["Jane Doe"]
    missing = SiteRules(name="herald", kind="site", authors=(".nothing",))
    assert authors_of(body=body, head=head, rules=missing) == ["Meta Person"]


def test_template_rules_selectors_are_one_more_witness() -> None:
    rules = SiteRules(name="theme", kind="template", authors=(".story-credit",))
    body = ('<article><h1>Harbour plan wins</h1><p class="story-credit">Jane Doe</p>'
            '<p>Text.</p></article><div class="more"><p class="story-credit">Other Writer</p></div>')
    assert authors_of(body=body, rules=rules) == ["Jane Doe"]
    head = '<meta name="author" content="Meta Person">'
    far = '<h1>Harbour plan wins</h1>' + PROSE * 3 + '<p class="story-credit">Other Writer</p>'
    assert authors_of(body=far, head=head, rules=rules) == ["Meta Person"]


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
    head = f'<meta name="author" content="{company}">'
    assert authors_of(head=head) == [company]          # it alone signs the article
    body = '<article><h1>Harbour plan wins</h1><p class="byline">By Jane Doe</p></article>'
    assert authors_of(head=head, body=body) == ["Jane Doe"]


def article(*parts: str) -> str:
    return "<article><h1>Harbour plan wins</h1>" + "".join(parts) + "</article>"


def test_a_personal_site_author_named_like_the_site_is_kept() -> None:
    head = jsonld({"@type": "BlogPosting", "headline": "x",
                   "author": {"@type": "Person", "name": "Ivo Brandt"}})
    html = (f'<html><head><meta property="og:site_name" content="Ivo Brandt">{head}</head>'
            "<body><h1>On sourdough</h1></body></html>")
    assert extract_authors(parse_document(html, "https://ivobrandt.example/sourdough"), None) == [
        "Ivo Brandt"]


@pytest.mark.parametrize("byline", [
    '<div class="meta"><p>Written by</p><p>Edda Lorne</p></div>',
    '<div><span>Written by:</span><picture><img src="/a.jpg"></picture><span>Edda Lorne</span></div>',
    '<p class="meta">by: Edda Lorne, Dec 17, 2025</p>',
    '<p><span>By</span> <a href="/staff/edda-lorne">Edda Lorne</a></p>',
    '<div>Ein Kommentar von Edda Lorne</div>',
])
def test_a_labelled_line_under_the_headline_is_the_byline(byline: str) -> None:
    assert authors_of(body=article("<p class='dek'>A short standfirst.</p>", byline, PROSE)) == [
        "Edda Lorne"]


def test_a_byline_just_before_the_headline_counts() -> None:
    body = ('<div class="post-meta"><a href="/team/edda-lorne">Edda Lorne</a></div>'
            '<h1>Harbour plan wins</h1>' + PROSE)
    assert authors_of(body=body) == ["Edda Lorne"]


def test_bylines_of_teasers_after_the_article_are_not_the_authors() -> None:
    teasers = "".join(f'<div class="card"><h3>Story {n}</h3><span class="byline">By Writer '
                      f'{name}</span></div>' for n, name in enumerate(["Ames", "Bell", "Cole"]))
    body = article('<p class="byline">By Edda Lorne</p>', PROSE * 3) + teasers
    assert authors_of(body=body) == ["Edda Lorne"]


def test_reviewers_and_fact_checkers_are_not_authors() -> None:
    byline = ('<div class="bylines"><span class="label">By</span> <a href="/author/el">Edda Lorne'
              '</a> <span class="label">Fact-checked by</span> <a href="/author/mo">Mia Ostrova'
              '</a> <a href="/author/pk">Paul Kemble</a></div>')
    assert authors_of(body=article(byline, PROSE)) == ["Edda Lorne"]
    head = jsonld({"@type": "NewsArticle", "headline": "x",
                   "author": {"@type": "Person", "name": "Mia Ostrova"}})
    credits = '<p class="byline">Edda Lorne</p><p class="info">Editor: Mia Ostrova</p>'
    assert authors_of(head=head, body=article(credits, PROSE)) == ["Edda Lorne"]


def test_a_job_title_or_bio_link_beside_the_name_is_not_an_author() -> None:
    byline = ('<div class="author-wrap"><a class="author-link" href="/author/el">Edda Lorne</a>'
              '<span class="author-title">Master Gardener</span><a class="author-more" '
              'href="/author/el">Full bio</a></div>')
    assert authors_of(body=article(byline, PROSE)) == ["Edda Lorne"]


def test_data_and_byline_agreeing_merge_their_names() -> None:
    head = jsonld({"@type": "NewsArticle", "headline": "x",
                   "author": [{"@type": "Person", "name": "Mara Lindqvist"}]})
    byline = ('<div class="bylines"><div class="byline column"><a href="/p/1">Tomas Berge</a>'
              '</div><div class="byline column"><a href="/p/2">Mara Lindqvist</a></div></div>')
    assert authors_of(head=head, body=article(byline, PROSE)) == ["Tomas Berge", "Mara Lindqvist"]


def test_an_account_in_the_data_loses_to_a_person_under_the_headline() -> None:
    head = '<meta name="author" content="KateW">'
    byline = '<a class="author-link" href="/author/ao">Aine Oakes</a>'
    assert authors_of(head=head, body=article(byline, PROSE)) == ["Aine Oakes"]
    far = "<h1>Harbour plan wins</h1>" + PROSE * 3 + '<div class="author-name">Aine Oakes</div>'
    assert authors_of(head=head, body=far) == ["KateW"]


def test_the_first_source_naming_an_organisation_speaks_for_the_data() -> None:
    head = (jsonld({"@type": "NewsArticle", "headline": "x",
                    "author": {"@type": "Organization", "name": "Harbour Desk"}})
            + '<meta name="author" content="Northgate Wire">')
    assert authors_of(head=head) == ["Harbour Desk"]
    metas = ('<meta name="author" content="Harbour desk reporter">'
             '<meta property="article:author" content="Northgate Wire">')
    assert authors_of(head=metas) == ["Harbour desk reporter"]


def test_a_photographer_inside_the_byline_element_is_not_an_author() -> None:
    byline = ('<div class="byline"><a href="/author/el">Edda Lorne</a> | Photo by '
              '<a href="/author/mo">Mia Ostrova</a></div>')
    assert authors_of(body=article(byline, PROSE)) == ["Edda Lorne"]


def test_a_title_by_its_author_in_the_standfirst_is_no_byline() -> None:
    dek = '<p class="dek"><i>Tides</i> by Mia Ostrova, a novel of the coast, is out</p>'
    assert authors_of(body=article(dek, PROSE)) == []


def test_co_authors_in_deeply_wrapped_cards_are_one_byline() -> None:
    def card(name: str, slug: str) -> str:
        return (f'<div class="card"><div class="inner"><div class="name"><a href="/author/{slug}">'
                f'{name}</a></div></div></div>')
    byline = '<div class="bylines">' + card("Edda Lorne", "el") + card("Mia Ostrova", "mo") + "</div>"
    assert authors_of(body=article(byline, PROSE)) == ["Edda Lorne", "Mia Ostrova"]


def test_a_label_standing_alone_reads_all_the_names_after_it() -> None:
    byline = ('<div class="info"><p class="hidden">Authors of this article:</p>'
              + "".join(f'<span class="info-authors">{name} {n} ;</span>'
                        for n, name in enumerate(["Edda Lorne", "Mia Ostrova", "Paul Kemble"], 1))
              + "</div>")
    assert authors_of(body=article(byline, PROSE)) == ["Edda Lorne", "Mia Ostrova", "Paul Kemble"]


def test_a_list_of_writers_away_from_the_headline_is_not_the_byline() -> None:
    team = "".join(f'<li><a class="author-link" href="/author/{n}">{name}</a></li>'
                   for n, name in enumerate(["Edda Lorne", "Mia Ostrova", "Paul Kemble",
                                             "Ines Varga", "Tom Reed", "Ada Quill"]))
    body = "<h1>Harbour plan wins</h1>" + PROSE * 3 + f'<div class="our-team"><ul>{team}</ul></div>'
    assert authors_of(body=body) == []


def test_names_in_a_list_under_a_label_are_read_one_by_one() -> None:
    byline = ('<span>Written by: <ul class="comma-list"><li><a href="/authors/el">Edda Lorne</a></li>'
              '<li><a href="/authors/mo">Mia Ostrova</a></li></ul></span>')
    assert authors_of(body=article(byline, PROSE)) == ["Edda Lorne", "Mia Ostrova"]


@pytest.mark.parametrize("line", [
    '<a class="video-link" href="/v">Text Link</a>',      # "Text" opens a byline only as "Text:"
    "<ul><li>By refusing plastic wrapping, you help the harbour stay clean.</li></ul>",
])
def test_a_line_that_only_looks_like_a_byline_names_nobody(line: str) -> None:
    assert authors_of(body=article(line, PROSE)) == []


def test_a_signed_byline_at_the_headline_outweighs_the_account_that_filed_the_story() -> None:
    head = '<meta name="author" content="Luca Ferrant">'
    signed = '<div class="by"><p>By: Edda Lorne</p></div>'
    assert authors_of(head=head, body=article(signed, PROSE)) == ["Edda Lorne"]
    unsigned = '<div class="author-name">Edda Lorne</div>'      # marked only: the data stands
    assert authors_of(head=head, body=article(unsigned, PROSE)) == ["Luca Ferrant"]
    far = "<h1>Harbour plan wins</h1>" + PROSE * 3 + "<p>By Edda Lorne</p>"
    assert authors_of(head=head, body=far) == ["Luca Ferrant"]


def test_a_signature_after_the_text_is_read_when_nothing_else_names_the_author() -> None:
    body = "<h1>Harbour plan wins</h1>" + PROSE * 3 + "<div><p>Written by Edda Lorne</p></div>"
    assert authors_of(body=body) == ["Edda Lorne"]
    teaser = ('<div class="related-posts"><h3>Tides</h3><p>Written by Mia Ostrova</p></div>'
              '<div id="comments"><p>Author: Paul Kemble</p></div>')
    assert authors_of(body="<h1>Harbour plan wins</h1>" + PROSE * 3 + teaser) == []


@pytest.mark.parametrize("text", [
    "", "no signature here", "beautiful autumn authority", "author(s) autorin: contributors:",
    "auteur : and auteur: and autore: written by words by", "aut " * 200 + "autor: story by",
    "contributor contributor: article by", "author " * 100 + "authors: autore:",
    "stand by " * 80 + "written by", "by the story by words by",
])
def test_signing_words_are_the_signed_words_the_text_holds(text: str) -> None:
    page = text.encode()
    assert _signing_words(page) == [word for word in SIGNED_WORDS if word.encode() in page]


@pytest.mark.parametrize("classes", [
    "", "entry-meta", "post-Byline small", "c-AUTHOR-name", "autorenzeile", "wp-block-post-author",
    "meta-bylİne", "autΩr writer-x", "contrıbutor",
])
def test_a_byline_class_is_told_as_the_case_insensitive_pattern_tells_it(classes: str) -> None:
    assert _byline_class(classes) is (BYLINE_CLASS.search(classes) is not None)


@pytest.mark.parametrize("label", ["Article by", "Article written by:", "Written by"])
def test_a_heading_holding_only_a_byline_label_reads_the_name_after_it(label: str) -> None:
    signed = f'<section><h2 class="small">{label}</h2><div class="who">Edda Lorne</div></section>'
    assert authors_of(body="<h1>Harbour plan wins</h1>" + PROSE * 3 + signed) == ["Edda Lorne"]
    heading = "<h1>Harbour plan wins</h1>" + PROSE * 3 + "<h2>Written by hand</h2><p>Edda Lorne</p>"
    assert authors_of(body=heading) == []      # a heading that is more than the label


def test_a_contributors_label_heads_the_byline() -> None:
    byline = "<div class='tags'><div><strong>Contributors:</strong> Edda Lorne</div></div>"
    assert authors_of(body=article(byline, PROSE)) == ["Edda Lorne"]


def test_page_builder_widget_wrappers_are_not_sidebars() -> None:
    def wrapped(classes: str) -> str:
        return (f'<div class="{classes}"><div class="inner"><h3>Written by Edda Lorne</h3>'
                "</div></div>")
    body = "<h1>Harbour plan wins</h1>" + PROSE * 3
    assert authors_of(body=body + wrapped("elementor-widget elementor-widget-text-editor")) == [
        "Edda Lorne"]
    assert authors_of(body=body + wrapped("widget widget_recent_entries")) == []


def test_an_outlet_at_the_headline_gives_way_to_a_person_signing_elsewhere() -> None:
    outlet = '<p class="author">Harbour Desk Team</p>'
    signed = "<p>Written by Edda Lorne</p>"
    assert authors_of(body=article(outlet, PROSE * 3, signed)) == ["Edda Lorne"]
    teaser = '<div class="card"><h3>Tides</h3><div class="author">Mia Ostrova</div></div>'
    assert authors_of(body=article(outlet, PROSE * 3) + teaser) == ["Harbour Desk Team"]


@pytest.mark.parametrize("label", ["Autorin/Autor", "Autor/Autorin"])
def test_a_gender_inclusive_author_label_signs_the_article(label: str) -> None:
    facts = (f"<ul class='facts'><li><strong>Datum</strong> 28.04.2023</li><li><strong>{label}"
             "</strong> Edda Lorne</li></ul>")
    head = '<meta name="author" content="Harbour Wire Service">'
    assert authors_of(head=head, body="<h1>Harbour plan wins</h1>" + PROSE * 3 + facts) == [
        "Edda Lorne"]


def test_the_element_beside_an_authors_picture_names_the_author() -> None:
    avatar = ('<p>Dec 26, 2025 <span>&bull;</span> <img src="/g/e5f6.png" class="avatar avatar-xs">'
              ' Edda Lorne in <a href="/topics/harbour">Harbour News</a></p>')
    assert authors_of(body=article(avatar, PROSE)) == ["Edda Lorne"]
    headshot = '<a title="Edda Lorne"><img src="/logo.png" alt="Edda Lorne"><div>Edda Lorne</div></a>'
    assert authors_of(body=article("<span>2025-12-17</span>", headshot, PROSE)) == ["Edda Lorne"]
    share = '<a href="/share"><img src="/in.svg" alt="linkedin"><div>LinkedIn</div></a>'
    assert authors_of(body=article(share, PROSE)) == []     # an icon, not a headshot
    photo = ('<div><img src="/p.jpg" alt="Harbour master Jon Vik (AFP)">'
             '<div class="caption">Harbour master Jon Vik (AFP)</div></div>')
    assert authors_of(body=article(photo, PROSE)) == []     # a photo and its caption


def test_the_authors_job_or_description_is_not_read_as_names() -> None:
    card = ('<div class="card"><p class="name">Edda Lorne</p><div class="author-description">'
            "Licensed Harbour Pilot, M.A. Navigation</div></div>")
    assert authors_of(body="<h1>Harbour plan wins</h1>" + PROSE * 3 + card) == []
    job = '<div class="author-job">Licensed Harbour Pilot</div><a href="/author/el">Edda Lorne</a>'
    assert authors_of(body=article(job, PROSE)) == ["Edda Lorne"]


def test_a_bold_name_right_before_the_first_paragraph_signs_the_story() -> None:
    signed = "<p><strong>Edda Lorne/Mia Ostrova</strong></p>" + PROSE
    assert authors_of(body=article("<p><em>A short standfirst.</em></p>", signed)) == [
        "Edda Lorne", "Mia Ostrova"]
    contents = "<p><strong>In This Article</strong></p><ul><li>Tides</li></ul>" + PROSE
    assert authors_of(body=article(contents)) == []
    appeal = "<p><b>Support Harbour Radio</b></p><p>Account 0061947069</p>" + PROSE
    assert authors_of(body=article(appeal)) == []


def test_a_person_icon_before_a_name_marks_the_byline() -> None:
    meta = ('<ul class="meta"><li><i class="bi bi-person"></i> Edda Lorne</li>'
            '<li><i class="bi bi-clock"></i> <time>02-12-2025</time></li></ul>')
    assert authors_of(body=article(meta, PROSE)) == ["Edda Lorne"]
    account = '<ul class="meta"><li><i class="fa fa-user"></i> admin</li></ul>'
    assert authors_of(body=article(account, PROSE)) == []
    folder = '<ul class="meta"><li><i class="fa fa-folder"></i> Harbour News</li></ul>'
    assert authors_of(body=article(folder, PROSE)) == []


@pytest.mark.parametrize("text", [
    "By Jane Doe", "Simon Raymond", "Updated 3 hours ago", "jane@example.com", "Posted by Ali Khan",
    "Jane Doe https://example.com", "Mon, Jan 5", "SUNDAY June 3", "Bio: Jane", "Read More",
    "Ölaf Bärg", "Fri 3", "See All posts", "Jane Doe | Last Updated", "Jane Doe, 12:30",
    "Jane Doe 2024-05", "Jane Doe View profile", "Jane Doe FOLLOW", "E-Mail Jane",
    "Jane Doe on behalf of Acme", "Jane Doe 5 min read", "Jane Doe 12 Comments", "@janedoe",
    "Modified by Jane", "Aktualisiert", "CONTACT", "Jane Doe Sharing", "Jane ＠Doe", "Jane Doe ３",
    "ſhare Jane", "Jane Doe · veröffentlicht", "Jane Doe mis à jour",
])
def test_the_cut_is_where_the_cut_pattern_finds_it(text: str) -> None:
    """The prefilter of CUT_PATTERN leaves out only texts it finds nothing in."""
    found, expected = _cut_at(text), CUT_PATTERN.search(text)
    assert (found and found.span()) == (expected and expected.span())
