"""Headline and site name on small pages: suffixes, prefixes, logo <h1>, agreement, rules."""

from __future__ import annotations

import json

import pytest

from scraper.extract.document import parse_document
from scraper.extract.headline import extract_headline
from scraper.extract.headline.site import looks_like_host, site_name, strip_site_affixes
from scraper.models import SiteRules

URL = "https://www.harbourherald.com/2024/05/03/harbour-plan/"


def page(head: str = "", body: str = "", url: str | None = URL) -> object:
    """A parsed page with the given head and body markup."""
    return parse_document(f"<html><head>{head}</head><body>{body}</body></html>", url)


def meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def jsonld(**fields: object) -> str:
    data = {"@context": "https://schema.org", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize("title, og_title, expected", [
    ("Harbour plan wins council vote | The Harbour Herald",
     "Harbour plan wins council vote | The Harbour Herald", "Harbour plan wins council vote"),
    ("Harbour plan wins council vote - The Harbour Herald",
     "Harbour plan wins council vote", "Harbour plan wins council vote"),
    ("Harbour plan wins council vote — Politics | The Harbour Herald",
     "Harbour plan wins council vote — Politics | The Harbour Herald",
     "Harbour plan wins council vote"),
    ("The Harbour Herald: Harbour plan wins council vote",
     "The Harbour Herald: Harbour plan wins council vote", "Harbour plan wins council vote"),
    ("Harbour plan wins council vote – HarbourHerald.com",
     "Harbour plan wins council vote – HarbourHerald.com", "Harbour plan wins council vote"),
])
def test_site_affixes_are_stripped(title: str, og_title: str, expected: str) -> None:
    document = page(f"<title>{title}</title>{meta('og:title', og_title)}"
                    f"{meta('og:site_name', 'The Harbour Herald')}")
    assert extract_headline(document, None) == expected


def test_suffix_shared_by_title_and_og_title_is_learned_without_site_name_meta() -> None:
    document = page("<title>Ferry fares frozen for 2025 - Coastline Daily</title>"
                    + meta("og:title", "Ferry fares frozen for 2025 | Coastline Daily"),
                    url="https://example.org/ferry")
    assert extract_headline(document, None) == "Ferry fares frozen for 2025"
    assert site_name(document) == "Coastline Daily"


def test_section_prefix_of_og_title_loses_to_the_h1_it_contains() -> None:
    document = page("<title>Opinion | The tram is late again - Coastline Daily</title>"
                    + meta("og:title", "Opinion | The tram is late again"),
                    "<article><h1>The tram is late again</h1></article>")
    assert extract_headline(document, None) == "The tram is late again"


def test_logo_h1_linking_home_is_not_the_headline() -> None:
    document = page("<title>Harbour plan wins council vote | The Harbour Herald</title>",
                    '<header><h1 class="site-title"><a href="/">The Harbour Herald</a></h1></header>'
                    "<article><h2>Harbour plan wins council vote</h2></article>")
    assert extract_headline(document, None) == "Harbour plan wins council vote"


def test_h1_equal_to_the_title_suffix_is_the_site_name() -> None:
    document = page("<title>Jangan membenci berlebihan | Kabar Dunia</title>"
                    + meta("og:title", "Jangan membenci berlebihan | Kabar Dunia"),
                    "<h1>Kabar Dunia</h1><article><h2>Jangan membenci berlebihan</h2></article>",
                    url="https://kabar.example/2015/03/jangan")
    assert extract_headline(document, None) == "Jangan membenci berlebihan"


def test_visible_h1_and_og_title_outvote_an_seo_title() -> None:
    document = page("<title>Harbour vote: council backs plan, cost explained - Herald</title>"
                    + meta("og:title", "“We won,” says harbour campaign | Herald")
                    + jsonld(**{"@type": "NewsArticle",
                                "headline": "Harbour vote: council backs plan, cost explained"}),
                    "<article><h1>‘We won,’ says harbour campaign</h1></article>")
    assert extract_headline(document, None) == "‘We won,’ says harbour campaign"


def test_section_h1_outside_the_article_does_not_win() -> None:
    document = page("<title>Harbour plan wins council vote | Herald</title>"
                    + meta("og:title", "Harbour plan wins council vote")
                    + jsonld(**{"@type": "NewsArticle", "headline": "Harbour plan wins council vote"}),
                    "<h1>Games</h1><div><h2>Harbour plan wins council vote</h2></div>")
    assert extract_headline(document, None) == "Harbour plan wins council vote"


def test_entities_and_whitespace_are_cleaned() -> None:
    document = page(jsonld(**{"@type": "NewsArticle",
                              "headline": "Fish &amp; chips   prices\n rise"}))
    assert extract_headline(document, None) == "Fish & chips prices rise"


def test_title_alone_still_gives_a_headline() -> None:
    document = page("<title>Ferry fares frozen for 2025</title>")
    assert extract_headline(document, None) == "Ferry fares frozen for 2025"


def test_no_title_anywhere_gives_none() -> None:
    assert extract_headline(page(body="<p>Just a paragraph.</p>"), None) is None


def test_rules_selector_wins_when_it_matches() -> None:
    rules = SiteRules(name="herald", headline=("h2.story-title",))
    document = page("<title>The generic title</title>",
                    '<article><h1>The generic headline of the page</h1>'
                    '<h2 class="story-title">The ruled headline</h2></article>')
    assert extract_headline(document, rules) == "The ruled headline"
    missing = SiteRules(name="x", headline=(".missing",))
    assert extract_headline(document, missing) == "The generic headline of the page"


@pytest.mark.parametrize("head, url, expected", [
    (meta("og:site_name", "The Harbour Herald"), URL, "The Harbour Herald"),
    (jsonld(**{"@type": "NewsArticle", "headline": "x",
               "publisher": {"@type": "Organization", "name": "Coastline Daily"}}),
     URL, "Coastline Daily"),
    (jsonld(**{"@graph": [{"@type": "WebSite", "@id": "#site", "name": "Kabar Dunia"}]}),
     URL, "Kabar Dunia"),
    ('<meta name="application-name" content="Tram Times">', URL, "Tram Times"),
    ("<title>Ferry fares frozen - Twin Harbours</title>", "https://www.twinharbours.com/a", "Twin Harbours"),
    (meta("og:site_name", "https://www.newsnation.in") + "<title>Ferry - News Nation</title>"
     + meta("og:title", "Ferry | News Nation"), URL, "News Nation"),
    (meta("og:site_name", "U.S.") + "<title>Oil falls - Reuters</title>",
     "https://www.reuters.com/article/oil", "Reuters"),
    ("<title>Ferry fares frozen for 2025</title>", URL, None),
])
def test_site_name_sources(head: str, url: str, expected: str | None) -> None:
    assert site_name(page(head, url=url)) == expected


@pytest.mark.parametrize("segment, host, expected", [
    ("Twin Cities", "twincities", True),
    ("CBSSports.com", "cbssports", True),
    ("TheHill", "thehill", True),
    ("News", "newsnation", False),
    ("Los Angeles Times", "latimes", False),
])
def test_looks_like_host(segment: str, host: str, expected: bool) -> None:
    assert looks_like_host(segment, host) is expected


def test_strip_keeps_inner_dashes_of_the_headline() -> None:
    text = "Bird flu - what you need to know - BBC News"
    assert strip_site_affixes(text, ["BBC News"], sections=True) == "Bird flu - what you need to know"


def test_kicker_separator_and_headline_in_their_own_spans_read_as_one_line() -> None:
    document = page(body='<article><h1><span class="kicker">Harbour vote</span>'
                    '<span class="sep">: </span><span>Council backs the plan</span></h1></article>')
    assert extract_headline(document, None) == "Harbour vote: Council backs the plan"


def test_heading_pieces_without_punctuation_between_keep_a_space() -> None:
    document = page(body="<article><h1><span>Harbour vote</span><span>Council backs the plan"
                    "</span></h1></article>")
    assert extract_headline(document, None) == "Harbour vote Council backs the plan"


def test_title_with_a_kicker_before_the_h1_text_wins_when_the_data_agree() -> None:
    full = "Harbour vote: Council backs the plan"
    document = page(meta("og:title", full) + jsonld(**{"@type": "NewsArticle", "headline": full}),
                    '<div class="kicker">Harbour vote</div>'
                    "<article><h1>Council backs the plan</h1></article>")
    assert extract_headline(document, None) == full


def test_site_name_before_a_colon_is_no_kicker() -> None:
    full = "Harbourherald Blog: Council backs the plan"
    document = page(f"<title>{full}</title>" + meta("og:title", full)
                    + jsonld(**{"@type": "BlogPosting", "headline": full}),
                    "<article><h1>Council backs the plan</h1></article>")
    assert extract_headline(document, None) == "Council backs the plan"


def test_title_copying_og_title_does_not_outvote_the_h1_and_json_ld() -> None:
    seo = "Harbour plan explained: costs, dates, and more"
    document = page(f"<title>{seo}</title>" + meta("og:title", seo) + meta("twitter:title", seo)
                    + jsonld(**{"@type": "NewsArticle", "headline": "Council backs the harbour plan"}),
                    "<h1>Council backs the harbour plan</h1>")
    assert extract_headline(document, None) == "Council backs the harbour plan"


def test_letters_split_by_an_inline_element_stay_one_word() -> None:
    document = page(body='<article><h1><span class="dropcap">H</span>arbour plan wins '
                    "the <em>council</em>&nbsp;vote</h1></article>")
    assert extract_headline(document, None) == "Harbour plan wins the council vote"


def test_kicker_in_its_own_block_is_parted_from_the_headline() -> None:
    document = page(body="<article><h1><div>Harbour vote</div><span>Council backs the plan"
                    "</span></h1></article>")
    assert extract_headline(document, None) == "Harbour vote Council backs the plan"


def test_headline_in_capitals_gives_way_to_the_same_words_in_mixed_case() -> None:
    document = page("<title>Tips for the harbour walk</title>",
                    "<article><h1>TIPS FOR THE HARBOUR WALK</h1></article>")
    assert extract_headline(document, None) == "Tips for the harbour walk"


@pytest.mark.parametrize("title, og_title", [
    ("Harbour vote: Council backs the plan", "Council backs the plan"),
    ("Harbour vote: Council backs the plan - Mayor objects", "Council backs the plan - Mayor objects"),
])
def test_title_ending_with_the_whole_og_title_shares_no_site_name(title: str, og_title: str) -> None:
    document = page(f"<title>{title}</title>" + meta("og:title", og_title),
                    f"<article><h1>{og_title}</h1></article>")
    assert site_name(document) is None
    assert extract_headline(document, None) == og_title


@pytest.mark.parametrize("trail", [
    '<nav aria-label="Breadcrumb"><a href="/">Home</a> <a href="/city">City</a> <h1>{}</h1></nav>',
    ('<ul class="crumbs"><li><a href="/">Home</a></li><li><a href="/city">City</a></li>'
     '<li><h1>{}</h1></li></ul>'),
    '<div><a href="/">Home</a><a href="/city">City</a><h1>{}</h1></div>',
])
def test_h1_ending_a_breadcrumb_gives_way_to_the_visible_heading(trail: str) -> None:
    seo = "Harbour plan: council vote on Tuesday explained"
    shown = "Council backs the harbour plan after long night"
    document = page(f"<title>{seo}</title>" + meta("og:title", shown)
                    + jsonld(**{"@type": "NewsArticle", "headline": seo}),
                    f"<article>{trail.format(seo)}<header><h2>{shown}</h2></header>"
                    "<p>Text.</p><h2>More news</h2></article>")
    assert extract_headline(document, None) == shown


@pytest.mark.parametrize("before", ["", '<a href="/city">City</a>'])
def test_h1_after_no_trail_keeps_its_weight(before: str) -> None:
    seo = "Harbour plan: council vote on Tuesday explained"
    shown = "Council backs the harbour plan after long night"
    document = page(f"<title>{seo}</title>" + meta("og:title", shown)
                    + jsonld(**{"@type": "NewsArticle", "headline": seo}),
                    f"<article><div>{before}<h1>{seo}</h1></div><h2>{shown}</h2></article>")
    assert extract_headline(document, None) == seo


def test_kicker_element_is_dropped_when_a_source_gives_the_headline_alone() -> None:
    shown = "Council backs the harbour plan"
    heading = f'<h1><span class="kicker">Late-night vote</span> <span>{shown}</span></h1>'
    alone = page(meta("og:title", shown), f"<article>{heading}</article>")
    assert extract_headline(alone, None) == shown
    unsupported = page(meta("og:title", "Something else entirely"), f"<article>{heading}</article>")
    assert extract_headline(unsupported, None) == f"Late-night vote {shown}"


def test_heading_of_kicker_and_headline_elements_takes_the_sources_punctuation() -> None:
    full = "Late-night vote: Council backs the harbour plan"
    heading = '<h1><span>Late-night vote</span> <span>Council backs the harbour plan</span></h1>'
    document = page(meta("og:title", full) + f"<title>{full}</title>"
                    + jsonld(**{"@type": "NewsArticle", "headline": full.replace(":", " -")}),
                    f"<article>{heading}</article>")
    assert extract_headline(document, None) == full


@pytest.mark.parametrize("title, expected", [
    ("What people love about the tram | Tram Blog", "What people love about the tram"),
    ("GAME CHANGER | Harbourshop.com", "GAME CHANGER"),
    ("Live | Harbour vote updates", "Live | Harbour vote updates"),
    ("Harbour plan | Costs, dates and more for residents", "Harbour plan | Costs, dates and more for residents"),
])
def test_short_tail_after_a_pipe_is_cut_when_shorter_than_the_rest(title: str, expected: str) -> None:
    document = page(f"<title>{title}</title>" + meta("og:title", title), url="https://example.org/a")
    assert extract_headline(document, None) == expected


def test_kicker_before_a_colon_earns_no_support_from_the_full_headline() -> None:
    full = "Harbour plan: council backs the new ferry terminal"
    document = page("<title>Harbour plan</title>" + meta("og:title", "Harbour plan")
                    + jsonld(**{"@type": "NewsArticle", "headline": full}),
                    f"<article><h1>{full}</h1></article>")
    assert extract_headline(document, None) == full


def test_ruled_heading_of_title_and_subtitle_elements_takes_the_sources_punctuation() -> None:
    rules = SiteRules(name="blog", headline=("article h1",))
    heading = ('<h1><span class="primary">Tides and ferries.</span> '
               '<span class="subtitle">A walk along the harbour wall</span></h1>')
    full = "Tides and ferries. - A walk along the harbour wall"
    document = page(meta("og:title", full), f"<article>{heading}</article>")
    assert extract_headline(document, rules) == full
    alone = page(meta("og:title", "A walk along the harbour wall"), f"<article>{heading}</article>")
    assert extract_headline(alone, rules) == "A walk along the harbour wall"
    unsupported = page(meta("og:title", "Something else entirely"), f"<article>{heading}</article>")
    assert extract_headline(unsupported, rules) == "Tides and ferries. A walk along the harbour wall"


def test_ruled_heading_drops_a_kicker_only_another_source_leaves_out() -> None:
    rules = SiteRules(name="blog", headline=("article h1",))
    heading = "<h1><strong>Guide:</strong> Ferry timetables for the winter</h1>"
    alone = page(meta("og:title", "Ferry timetables for the winter"), f"<article>{heading}</article>")
    assert extract_headline(alone, rules) == "Ferry timetables for the winter"
    whole = page(meta("og:title", "Ferry timetables for the winter")
                 + "<title>Guide: Ferry timetables for the winter</title>", f"<article>{heading}</article>")
    assert extract_headline(whole, rules) == "Guide: Ferry timetables for the winter"


@pytest.mark.parametrize("title, expected", [
    ("harbourherald.com Ferry timetables", "Ferry timetables"),
    ("Ferry timetables HarbourHerald.com", "Ferry timetables"),
    ("example.org Ferry timetables", "example.org Ferry timetables"),
])
def test_title_of_one_segment_loses_the_page_domain_at_either_end(title: str, expected: str) -> None:
    assert extract_headline(page(f"<title>{title}</title>"), None) == expected


def test_title_tail_that_og_title_carries_too_is_no_section() -> None:
    site = meta("og:site_name", "The Harbour Herald")
    subtitled = page("<title>Tram tips - A Short Guide | The Harbour Herald</title>"
                     + meta("og:title", "Tram tips - A Short Guide") + site)
    assert extract_headline(subtitled, None) == "Tram tips - A Short Guide"
    sectioned = page("<title>Tram tips - Politics | The Harbour Herald</title>"
                     + meta("og:title", "Tram tips") + site)
    assert extract_headline(sectioned, None) == "Tram tips"


def test_metadata_cut_short_with_an_ellipsis_gives_way_to_the_whole_h1() -> None:
    cut = "Tram tips: timetables, tickets and the quiet…"
    document = page(f"<title>{cut}</title>" + meta("og:title", cut)
                    + f'<meta name="twitter:title" content="{cut}">',
                    "<article><h1>Tram tips for the winter timetable</h1></article>")
    assert extract_headline(document, None) == "Tram tips for the winter timetable"
