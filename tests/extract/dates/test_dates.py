"""extract_dates on small pages: each source, each rejection, and the judgement calls."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from scraper.extract.dates import DateResult, extract_dates
from scraper.extract.dates.fallback import _listed
from scraper.extract.dates.page import microdata_dates, time_dates
from scraper.extract.dates.patterns import TEXT_DATE_SELECTOR
from scraper.extract.dates.sources import DateContext
from scraper.extract.document import parse_document
from scraper.models import SiteRules

HEADLINE = "Harbour plan wins council vote"


def page(body: str = "", head: str = "", lang: str = "en") -> str:
    """A page whose og:title is HEADLINE, with the given head and body markup."""
    return (f'<html lang="{lang}"><head><meta property="og:title" content="{HEADLINE}">'
            f"{head}</head><body>{body}</body></html>")


def article(meta: str = "", content: str = "<p>The council voted on Tuesday.</p>") -> str:
    """An article element with the headline, a byline block and some text."""
    return (f'<article><header class="entry-header"><h1 class="entry-title">{HEADLINE}</h1>'
            f'<div class="entry-meta">{meta}</div></header>'
            f'<div class="entry-content">{content}</div></article>')


def jsonld(**fields: object) -> str:
    """A JSON-LD script with a NewsArticle carrying the given fields."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE, **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def dates_of(html: str, url: str | None = None, rules: SiteRules | None = None) -> DateResult:
    return extract_dates(parse_document(html, url), rules)


# --- each source -------------------------------------------------------------------------

def test_jsonld_gives_both_dates_with_their_offsets() -> None:
    html = page(article(), jsonld(datePublished="2024-05-03T14:20:00+02:00",
                                  dateModified="2024-05-04T09:00:00Z"))
    assert dates_of(html) == DateResult("2024-05-03T14:20:00+02:00", "json-ld",
                                        "2024-05-04T09:00:00+00:00", "json-ld")


def test_jsonld_prefers_the_object_that_is_this_page() -> None:
    teaser = {"@type": "NewsArticle", "url": "https://news.example.com/other/",
              "headline": "Other", "datePublished": "2024-04-01T08:00:00+00:00"}
    own = {"@type": "NewsArticle", "url": "https://news.example.com/harbour/",
           "headline": HEADLINE, "datePublished": "2024-05-03T10:00:00+00:00"}
    script = f'<script type="application/ld+json">{json.dumps({"@graph": [teaser, own]})}</script>'
    result = dates_of(page(article(), script), url="https://news.example.com/harbour/")
    assert result.published_at == "2024-05-03T10:00:00+00:00"


def test_jsonld_article_is_preferred_over_its_webpage() -> None:
    graph = {"@graph": [
        {"@type": "WebPage", "datePublished": "2024-05-01T00:00:00+00:00"},
        {"@type": "BlogPosting", "headline": HEADLINE, "datePublished": "2024-05-03T10:00:00+00:00"},
    ]}
    script = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    assert dates_of(page(article(), script)).published_at == "2024-05-03T10:00:00+00:00"


@pytest.mark.parametrize(("name", "value", "expected"), [
    ('property="article:published_time"', "2024-05-03T14:20:00+02:00", "2024-05-03T14:20:00+02:00"),
    ('name="parsely-pub-date"', "2024-05-03T12:20:00Z", "2024-05-03T12:20:00+00:00"),
    ('name="sailthru.date"', "2024-05-03 14:20:00", "2024-05-03T14:20:00"),
    ('name="pubdate"', "2024-05-03T14:20:00+0200", "2024-05-03T14:20:00+02:00"),
    ('name="publish-date"', "2024-05-03", "2024-05-03"),
    ('name="DC.date.issued"', "2024-05-03", "2024-05-03"),
    ('name="dc.date"', "2024-05-03", "2024-05-03"),
    ('name="citation_publication_date"', "2024/05/03", "2024-05-03"),
    ('name="date"', "2024-05-03", "2024-05-03"),
    ('itemprop="datePublished"', "2024-05-03T14:20:00+02:00", "2024-05-03T14:20:00+02:00"),
])
def test_meta_tags(name: str, value: str, expected: str) -> None:
    result = dates_of(page(article(), f'<meta {name} content="{value}">'))
    assert (result.published_at, result.published_source) == (expected, "meta")


@pytest.mark.parametrize("name", ["w-published-date", "og:publish_date", "article-published_time",
                                  "PublishedDate"])
def test_other_meta_names_of_a_publication_date(name: str) -> None:
    result = dates_of(page(article(), f'<meta name="{name}" content="2024-05-03T14:20:00Z">'))
    assert (result.published_at, result.published_source) == ("2024-05-03T14:20:00+00:00", "meta")


@pytest.mark.parametrize("name", ["DCSext.articleFirstPublished", "cXenseParse:recs:publishtime",
                                  "analyticsAttributes.articleDate", "article:expiration_time"])
def test_analytics_and_tracking_metas_are_not_publication_dates(name: str) -> None:
    html = page(article(), f'<meta name="{name}" content="2024-05-03T14:20:00Z">')
    assert dates_of(html).published_at is None


def test_meta_modified_tags() -> None:
    head = ('<meta property="article:published_time" content="2024-05-03T14:20:00+02:00">'
            '<meta property="og:updated_time" content="2024-05-05T08:00:00+02:00">')
    result = dates_of(page(article(), head))
    assert (result.modified_at, result.modified_source) == ("2024-05-05T08:00:00+02:00", "meta")


def test_microdata_in_the_article() -> None:
    meta = ('<span itemprop="datePublished" content="2024-05-03T14:20:00+02:00">3 May</span>'
            '<meta itemprop="dateModified" content="2024-05-06T10:00:00+02:00">')
    body = f'<div itemscope itemtype="https://schema.org/NewsArticle">{article(meta)}</div>'
    assert dates_of(page(body)) == DateResult("2024-05-03T14:20:00+02:00", "microdata",
                                              "2024-05-06T10:00:00+02:00", "microdata")


def test_a_time_element_with_a_date_property_is_read_by_both_sources() -> None:
    meta = ('<time itemprop="datePublished" datetime="2024-05-03T14:20:00+02:00">May 3</time>'
            '<abbr class="updated" title="2024-05-04T08:00:00+02:00">May 4</abbr>'
            '<time itemprop="dateModified">May 5, 2024</time>')
    context = DateContext(parse_document(page(article(meta))))
    microdata, times = microdata_dates(context), time_dates(context)
    assert microdata.published is not None and microdata.modified is not None
    assert times.published is not None and times.modified is not None
    assert microdata.published.iso() == times.published.iso() == "2024-05-03T14:20:00+02:00"
    assert microdata.modified.day.isoformat() == "2024-05-05"  # its text: it has no datetime
    assert times.modified.iso() == "2024-05-04T08:00:00+02:00"


def test_time_element_near_the_headline() -> None:
    meta = ('<time class="entry-date published" datetime="2024-05-03T14:20:00+02:00">May 3</time>'
            '<time class="updated" datetime="2024-05-04T08:00:00+02:00">May 4</time>')
    assert dates_of(page(article(meta))) == DateResult(
        "2024-05-03T14:20:00+02:00", "time", "2024-05-04T08:00:00+02:00", "time")


@pytest.mark.parametrize("url", [
    "https://news.example.com/2024/05/03/harbour-plan/",
    "https://news.example.com/news/2024-05-03-harbour-plan",
    "https://news.example.com/archive/20240503/harbour-plan.html",
    "https://news.example.com/blog/2024/may/03/harbour-plan/",
    "https://news.example.com/blog/2024/Mai/3/harbour-plan/",
    "https://blog.example.com/articles/2024-05-03+Harbour+plan",
])
def test_url_date(url: str) -> None:
    result = dates_of(page(article()), url=url)
    assert (result.published_at, result.published_source) == ("2024-05-03", "url")


@pytest.mark.parametrize(("meta", "lang", "expected"), [
    ("Posted on 3rd May 2024 by admin", "en", "2024-05-03"),
    ("By Jane Doe | May 3, 2024 at 10:45 am", "en", "2024-05-03T10:45:00"),
    ("Published 3 May 2024", "en-GB", "2024-05-03"),
    ("03.05.2024, 14:20 Uhr", "de", "2024-05-03T14:20:00"),
    ("Veröffentlicht am 3. Mai 2024", "de", "2024-05-03"),
    ("Publié le 3 mai 2024 à 14h20", "fr", "2024-05-03T14:20:00"),
    ("Publicado el 3 de mayo de 2024", "es", "2024-05-03"),
    ("05/03/2024", "en-US", "2024-05-03"),
    ("03/05/2024", "en-GB", "2024-05-03"),
    ("Опубликовано 3 мая 2024", "ru", "2024-05-03"),
    ("Opublikowano 3 maja 2024", "pl", "2024-05-03"),
    ("Δημοσιεύθηκε: 3 Μαΐου 2024, 10:20", "el", "2024-05-03T10:20:00"),   # via dateparser
    ("Közzétéve: 2024. május 3. 10:20", "hu", "2024-05-03T10:20:00"),     # via dateparser
])
def test_visible_text_near_the_headline(meta: str, lang: str, expected: str) -> None:
    result = dates_of(page(article(f'<span class="posted-on">{meta}</span>'), lang=lang))
    assert (result.published_at, result.published_source) == (expected, "text")


def test_an_ambiguous_byline_date_reads_as_the_page_writes_it_in_full_elsewhere() -> None:
    teaser = (f'<aside><a href="/post"><h4>{HEADLINE}</h4></a>'
              '<time datetime="2024-11-03">November 03, 2024</time></aside>')
    byline = '<time datetime="03-11-2024">03-11-2024</time>'
    assert dates_of(page(article(byline) + teaser)).published_at == "2024-11-03"
    assert dates_of(page(article(byline))).published_at == "2024-03-11"   # en: month first


@pytest.mark.parametrize(("lang", "locale", "expected"), [
    ("en", "en_GB", "2024-05-03"),      # the og:locale gives the language its region
    ("en", "en_US", "2024-03-05"),
    ("en", "fr_FR", "2024-03-05"),      # another language's locale says nothing
    ("en-US", "en_GB", "2024-03-05"),   # the page's own region wins
])
def test_a_language_without_region_takes_the_region_of_its_locale(
        lang: str, locale: str, expected: str) -> None:
    head = f'<meta property="og:locale" content="{locale}">'
    html = page(article('<span class="date">03/05/2024</span>'), head, lang=lang)
    assert dates_of(html).published_at == expected


def test_visible_text_without_date_classes_right_after_the_headline() -> None:
    body = f"<div><h1>{HEADLINE}</h1><p>3 May 2024 — Jane Doe</p><p>The council voted.</p></div>"
    assert dates_of(page(body)).published_at == "2024-05-03"


# --- the byline zone: what a reader sees next to the headline ----------------------------

def hero(before: str, after: str, prose: str = "<p>The council voted on Tuesday.</p>") -> str:
    """A page builder's hero block: columns of unclassed divs around the headline."""
    return page(f'<div class="hero"><div class="col">{before}</div><div class="col">'
                f"<div><h1>{HEADLINE}</h1></div></div><div class=\"col\">{after}</div></div>"
                f"<div class=\"post\">{prose}</div>")


def test_unclassed_date_a_few_blocks_after_the_headline() -> None:
    html = hero("", "<div><div><small>Jane Doe</small></div><div><small>May 3, 2024</small></div></div>")
    assert dates_of(html) == DateResult("2024-05-03", "text")


def test_label_in_its_own_element_names_the_date_after_it() -> None:
    html = hero("", "<div><h4>Last updated</h4><div>May 6, 2024</div></div>")
    assert dates_of(html) == DateResult("2024-05-06", "text (modified)", "2024-05-06", "text")


def test_a_date_above_the_headline_with_its_label_before_it() -> None:
    html = hero("<div><span>Published:</span> <span>May 3, 2024</span></div>", "")
    assert dates_of(html) == DateResult("2024-05-03", "text")


def test_date_and_time_in_sibling_elements_are_read_as_one_line() -> None:
    html = hero("", '<div><span>May 3, 2024</span><span class="sep">|</span>'
                    "<span>10:45 am EDT</span></div>")
    assert dates_of(html).published_at == "2024-05-03T10:45:00-04:00"


def test_a_caption_line_repeating_the_image_alt_is_not_a_byline() -> None:
    picture = ('<div class="pic"><a href="#"><img src="a.jpg" alt="Boats in the harbour at dawn, '
               '2 May 2024"></a><p>Boats in the harbour at dawn, 2 May 2024</p></div>')
    assert dates_of(hero("", picture)) == DateResult()
    assert dates_of(hero("", picture.replace("alt=", "data-alt="))) == DateResult("2024-05-02", "text")


def test_a_date_deep_in_the_prose_is_not_a_byline_date() -> None:
    prose = "<p>" + "The council debated the harbour plan at length. " * 40 + "</p><p>May 3, 2024</p>"
    assert dates_of(hero("", "", prose)) == DateResult()


def test_a_date_in_the_author_box_of_a_page_without_headline() -> None:
    body = ('<div class="post"><div class="resource-author-details"><p>Jane Doe</p>'
            "<small>May 3, 2024</small></div><p>The council voted on Tuesday.</p></div>")
    assert dates_of(page(body)) == DateResult("2024-05-03", "text")


def test_page_builder_widget_around_the_byline_does_not_hide_it() -> None:
    body = (f'<main><div class="elementor-widget"><h1>{HEADLINE}</h1></div>'
            '<div class="elementor-widget elementor-widget-post-info"><ul><li><time>May 3, 2024</time>'
            '</li></ul></div><div class="elementor-widget"><p>The council voted.</p></div></main>')
    assert dates_of(page(body)).published_at == "2024-05-03"


def test_an_article_header_named_like_a_date_widget_keeps_its_date() -> None:
    body = (f'<article><header class="article-header"><h1>{HEADLINE}</h1>'
            '<p class="article-header-date"><time datetime="2024-05-03">May 3, 2024</time></p>'
            "</header><p>The council voted.</p></article>")
    assert dates_of(page(body)).published_at == "2024-05-03"


def test_a_newsletter_issue_shows_its_date_in_a_box_named_for_the_newsletter() -> None:
    body = (f'<main><div class="issue-title"><h1>{HEADLINE}</h1></div>'
            '<div class="newsletter-details-wrapper"><p>November 2, 2022</p><p>|</p></div>'
            "<div class='issue-body'><p>The council voted on Tuesday.</p></div></main>")
    assert dates_of(page(body)) == DateResult("2022-11-02", "text")


def test_a_widget_far_from_the_headline_still_gives_no_date() -> None:
    body = ('<div class="layout"><div class="top"><div class="bar"><div class="widget">'
            '<span class="date">Friday, 12 July 2024</span></div></div></div>'
            f'<div class="main"><div class="col"><div class="inner"><h1>{HEADLINE}</h1>'
            "<p>The council voted on Tuesday.</p></div></div></div></div>")
    assert dates_of(page(body)) == DateResult()


def test_visible_updated_line_is_the_modified_date() -> None:
    meta = "Published May 3, 2024 10:00 AM EDT | Updated May 4, 2024 8:15 AM EDT"
    result = dates_of(page(article(f'<p class="byline">{meta}</p>')))
    assert result == DateResult("2024-05-03T10:00:00-04:00", "text",
                                "2024-05-04T08:15:00-04:00", "text")


def test_site_rule_selectors_win_when_they_match() -> None:
    rules = SiteRules(name="herald", kind="site", domains=("news.example.com",),
                      published=(".story-date",), modified=(".story-updated",))
    body = article('<span class="story-date">Filed 2 May 2024, 18:00</span>'
                   '<span class="story-updated" data-datetime="2024-05-05T07:00:00Z"></span>')
    result = dates_of(page(body, jsonld(datePublished="2024-05-03T14:20:00+02:00")), rules=rules)
    assert result == DateResult("2024-05-02T18:00:00", "rules", "2024-05-05T07:00:00+00:00", "rules")


def test_site_rule_that_matches_nothing_falls_back() -> None:
    rules = SiteRules(name="herald", published=(".nothing-here",))
    result = dates_of(page(article(), jsonld(datePublished="2024-05-03")), rules=rules)
    assert (result.published_at, result.published_source) == ("2024-05-03", "json-ld")


# --- last resorts --------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    '<script>self.__next_f.push([1,"{\\"post\\":{\\"publishedAt\\":\\"2024-05-03T10:00:00Z\\"}}"])</script>',
    '<div data-schema="{&quot;datePublished&quot;:&quot;2024-05-03T10:00:00Z&quot;}"></div>',
    '<script>window.__STATE__ = {"article": {"datePublished": "2024-05-03T10:00:00Z"}}</script>',
])
def test_a_date_key_in_the_page_data_when_nothing_else_dates_the_page(data: str) -> None:
    result = dates_of(page(article() + data))
    assert (result.published_at, result.published_source) == ("2024-05-03T10:00:00+00:00", "script")


def test_the_page_data_is_read_key_by_key_in_order_of_trust() -> None:
    data = ('<script>window.__STATE__ = {"postedAt": "2021-01-01T10:00:00Z", '
            '"datePublished": "bad", "publishDate": "2023-03-03T10:00:00Z"}</script>')
    assert dates_of(page(article() + data)).published_at == "2023-03-03T10:00:00+00:00"


def test_a_key_inside_a_longer_key_is_read_where_it_stands() -> None:
    # "published_at" is read (before first_published_at) inside "first_published_at".
    data = '<script>window.__STATE__ = {"first_published_at": "2022-02-02T10:00:00Z"}</script>'
    assert dates_of(page(article() + data)).published_at == "2022-02-02T10:00:00+00:00"


def test_only_the_first_places_of_a_key_are_read() -> None:
    misses = "".join(f'"publishedAt{n}": 1, ' for n in range(5))
    data = f'<script>window.__STATE__ = {{{misses}"publishedAt": "2024-05-03T10:00:00Z"}}</script>'
    assert dates_of(page(article() + data)).published_at is None
    data = data.replace('"publishedAt0": 1, ', "")
    assert dates_of(page(article() + data)).published_at == "2024-05-03T10:00:00+00:00"


def test_a_date_key_in_the_page_data_never_beats_a_visible_date() -> None:
    data = '<script>window.__STATE__ = {"datePublished": "2023-01-09T10:00:00Z"}</script>'
    html = page(article('<span class="date">May 3, 2024</span>') + data)
    assert dates_of(html).published_source == "text"


def test_a_published_box_beside_the_article_when_nothing_else_dates_it() -> None:
    body = (f'<div class="content"><h1>{HEADLINE}</h1><p>The council voted on Tuesday.</p></div>'
            '<div class="post-sidebar"><div class="meta"><h4>Published</h4>'
            '<div class="post-date">July 8, 2024</div></div></div>')
    result = dates_of(page(body))
    assert (result.published_at, result.published_source) == ("2024-07-08", "text-outside")


def test_a_publish_date_label_names_a_time_element_beside_the_article() -> None:
    body = (f'<article><h1>{HEADLINE}</h1><p>The council voted on Tuesday.</p></article>'
            '<div class="listing-side"><h3 class="sr-only">Publish date</h3>'
            '<time datetime="2018-11-15T12:00:00Z">15 November 2018</time></div>')
    result = dates_of(page(body))
    assert (result.published_at, result.published_source) == ("2018-11-15T12:00:00+00:00",
                                                              "text-outside")


def test_the_outside_search_lists_the_blocks_its_full_query_lists() -> None:
    """It reads the shorter query's listing (shared with the article's search) with a node
    again for each covered part ('dateline', 'updated'): as the full query lists them."""
    blocks = ('<div class="Post-DateLine updated">1</div><span id="metaDate" class="info">2</span>'
              '<p class="datelİne">3</p><p class="UPDATED dateline x-time">4</p><time>5</time>'
              '<div class="author"><span class="posted-on"><time class="date">6</time></span></div>')
    document = parse_document(page(f"<article><h1>{HEADLINE}</h1>{blocks}</article>"))
    body = document.tree.body
    assert body is not None
    listed = list(_listed(DateContext(document).date_blocks(body)))
    assert [node.mem_id for node in listed] == [
        node.mem_id for node in body.css(TEXT_DATE_SELECTOR)]
    assert len(listed) > len({node.mem_id for node in listed})


# --- a labelled line anywhere in the article: its end ------------------------------------

LONG_PROSE = "<p>" + "The council debated the harbour plan at length. " * 40 + "</p>"


def test_a_last_updated_line_under_the_article_stands_in_for_its_date() -> None:
    html = hero("", "", LONG_PROSE + '<p style="text-align:right">Last updated: November 13, 2025</p>')
    assert dates_of(html) == DateResult("2025-11-13", "text-labelled (modified)",
                                        "2025-11-13", "text-labelled")


def test_a_label_in_its_own_element_names_a_date_at_the_end() -> None:
    html = hero("", "", LONG_PROSE + "<div><b>Published:</b> <span>3 May 2024</span></div>")
    assert dates_of(html) == DateResult("2024-05-03", "text-labelled")


def test_datum_labels_the_publication_date() -> None:
    html = hero("", "", LONG_PROSE + "<ul><li><strong>Datum</strong> 28.04.2023</li></ul>")
    assert dates_of(html) == DateResult("2023-04-28", "text-labelled")


def test_the_date_under_written_by_in_a_closing_author_box() -> None:
    box = ('<div><p>Written by <a href="/authors/jane">Jane Doe</a></p>'
           "<p>April 8, 2024</p></div>")
    assert dates_of(hero("", "", LONG_PROSE + box)) == DateResult("2024-04-08", "text-labelled")


def test_an_unlabelled_date_or_a_labelled_comment_at_the_end_dates_nothing() -> None:
    ending = ("<p>April 8, 2024</p><p>By Jane Doe</p>"
              '<ol class="comment-list"><li><p>Posted on April 9, 2024</p></li></ol>')
    assert dates_of(hero("", "", LONG_PROSE + ending)) == DateResult()


def test_a_labelled_line_at_the_end_never_beats_a_byline_date() -> None:
    html = hero("", "<div><small>May 3, 2024</small></div>",
                LONG_PROSE + "<p>Last updated: November 13, 2025</p>")
    assert dates_of(html) == DateResult("2024-05-03", "text")


def test_no_last_resort_reads_comments_teasers_or_the_site_header() -> None:
    body = ('<header class="site-header"><span class="date">Friday, 12 July 2024</span></header>'
            f'<div class="content"><h1>{HEADLINE}</h1><p>The council voted on Tuesday.</p></div>'
            '<div class="related-posts"><span class="post-date">July 1, 2024</span></div>'
            '<ol class="comment-list"><li><span class="comment-date">July 2, 2024</span></li></ol>')
    assert dates_of(page(body)) == DateResult()


# --- what is never the article's date ----------------------------------------------------

# Each decoy with where it sits: before the article, inside its text, or after it.
DECOYS = {
    "header widget": ("before", ('<div class="td-top-bar"><div class="td_data_time">'
                                 "Friday , 12 July 2024</div></div>")),
    "today widget": ("before", '<header><span class="current-date">Friday, 12 July 2024</span></header>'),
    "nav": ("before", '<nav><a href="/archive/">Archive: 1 July 2024</a></nav>'),
    "comment": ("inside", ('<div id="comments"><ol class="comment-list"><li>'
                           '<time datetime="2024-07-10T09:00">10 July 2024</time> Great piece!</li>'
                           "</ol></div>")),
    "comment item": ("inside", ('<div itemscope itemtype="https://schema.org/Comment">'
                                '<span itemprop="datePublished" content="2024-07-10">10 July 2024'
                                "</span></div>")),
    "related teaser": ("inside", ('<section class="related-posts"><article><h3>Ferry changes</h3>'
                                  '<time datetime="2024-07-01T10:00">1 July 2024</time></article>'
                                  "</section>")),
    "embedded tweet": ("inside", ('<blockquote class="twitter-tweet"><p>Big news</p>'
                                  '<a href="https://t.co/x">July 11, 2024</a></blockquote>')),
    "recent posts": ("after", ('<section class="articles-recent"><article itemscope '
                                'itemtype="https://schema.org/Article"><meta itemprop="datePublished" '
                                'content="2024-06-30T08:00:00Z"><h3>Ferry</h3></article></section>')),
    "most read": ("after", '<div class="widget most-read"><span class="date">June 30, 2024</span></div>'),
    "newsletter box": ("after", ('<div class="newsletter-signup"><p>The weekly letter: issue of '
                                 '<span class="date">June 28, 2024</span></p></div>')),
    "sidebar": ("after", '<aside><h3>Latest</h3><span class="post-date">June 29, 2024</span></aside>'),
    "footer": ("after", "<footer><p>© 2024 The Harbour Herald. Updated 12 July 2024.</p></footer>"),
}


def with_decoy(name: str, meta: str = "") -> str:
    """The article page with one decoy placed where such things sit."""
    placement, decoy = DECOYS[name]
    if placement == "inside":
        return page(article(meta, f"<p>The council voted.</p>{decoy}"))
    return page(decoy + article(meta) if placement == "before" else article(meta) + decoy)


@pytest.mark.parametrize("name", DECOYS)
def test_decoy_alone_gives_no_date(name: str) -> None:
    assert dates_of(with_decoy(name)) == DateResult()


@pytest.mark.parametrize("name", DECOYS)
def test_decoy_does_not_beat_the_byline_date(name: str) -> None:
    html = with_decoy(name, '<span class="posted-on">May 3, 2024</span>')
    assert dates_of(html) == DateResult("2024-05-03", "text")


def test_site_logo_h1_in_the_page_header_is_not_the_headline() -> None:
    body = ('<header class="site-header"><h1 class="site-title">Harbour Herald</h1>'
            '<div class="date">Friday, 12 July 2024</div></header>'
            f'<main><h2 class="entry-title">{HEADLINE}</h2><p class="meta">May 3, 2024</p></main>')
    assert dates_of(page(body)).published_at == "2024-05-03"


@pytest.mark.parametrize("text", ["2 hours ago", "Yesterday", "vor 3 Stunden", "Updated 5 min ago"])
def test_relative_dates_are_never_resolved(text: str) -> None:
    assert dates_of(page(article(f'<span class="date">{text}</span>'))) == DateResult()


# --- judgement calls ---------------------------------------------------------------------

def test_structured_date_wins_over_visible_text() -> None:
    html = page(article('<span class="date">May 4, 2024</span>'),
                jsonld(datePublished="2024-05-03T14:20:00+02:00"))
    assert dates_of(html).published_source == "json-ld"


@pytest.mark.parametrize("modified", [None, "2025-06-24T10:00:00Z", "2025-06-20T10:00:00Z"])
def test_build_stamp_gives_way_to_the_earlier_date_the_page_shows(modified: str | None) -> None:
    stamps = {"dateModified": modified} if modified else {}
    html = page(article('<span class="date">August 25, 2024</span>'),
                jsonld(datePublished="2025-06-24T10:00:00Z", **stamps))
    assert (dates_of(html).published_at, dates_of(html).published_source) == ("2024-08-25", "text")


def test_republication_stamp_gives_way_to_the_earlier_date_the_page_shows() -> None:
    html = page(article('<span class="date">August 25, 2024</span>'),
                jsonld(datePublished="2025-06-24T10:00:00Z", dateModified="2025-07-01T10:00:00Z"))
    assert dates_of(html).published_at == "2024-08-25"


def test_structured_date_stands_against_a_page_date_a_day_or_two_earlier() -> None:
    html = page(article('<span class="date">June 23, 2025</span>'),
                jsonld(datePublished="2025-06-24T10:00:00Z"))
    assert dates_of(html).published_source == "json-ld"


def test_a_later_date_on_the_page_never_displaces_the_structured_one() -> None:
    html = page(article('<span class="date">June 24, 2025</span>'),
                jsonld(datePublished="2024-08-25T10:00:00Z", dateModified="2024-08-25T10:00:00Z"))
    assert dates_of(html).published_at == "2024-08-25T10:00:00+00:00"


def test_of_two_structured_dates_the_one_the_page_shows_wins() -> None:
    head = ('<meta property="article:published_time" content="2025-11-25T13:00:00Z">'
            + jsonld(datePublished="2024-08-29T10:00:00Z"))
    html = page(article('<span class="date">Nov 25, 2025</span>'), head)
    assert dates_of(html).published_at == "2025-11-25T13:00:00+00:00"


def test_of_two_structured_dates_the_one_the_page_shows_as_its_update_wins() -> None:
    head = ('<meta property="article:published_time" content="2025-11-25T13:00:00Z">'
            + jsonld(datePublished="2018-04-03T10:00:00Z"))
    html = page(article('<span class="date">Updated Nov 25, 2025</span>'), head)
    assert dates_of(html).published_at == "2025-11-25T13:00:00+00:00"


def test_two_structured_dates_the_page_does_not_settle_keep_their_order() -> None:
    head = ('<meta property="article:published_time" content="2025-11-25T13:00:00Z">'
            + jsonld(datePublished="2024-08-29T10:00:00Z"))
    html = page(article('<span class="date">Dec 20, 2025</span>'), head)
    assert dates_of(html).published_source == "json-ld"


@pytest.mark.parametrize("value", ["2015-01-01", "2015-01-01T00:00:00Z", "2015-01-01T03:00:00"])
def test_new_year_placeholder_gives_way_to_the_page(value: str) -> None:
    html = page(article('<span class="date">May 3, 2024</span>'), jsonld(datePublished=value))
    assert (dates_of(html).published_at, dates_of(html).published_source) == ("2024-05-03", "text")


def test_a_new_year_post_at_a_time_of_day_keeps_its_date() -> None:
    html = page(article('<span class="date">May 3, 2024</span>'),
                jsonld(datePublished="2024-01-01T03:12:00"))
    assert dates_of(html).published_at == "2024-01-01T03:12:00"


def test_structured_date_contradicted_by_url_and_page_gives_way() -> None:
    html = page(article('<time datetime="2024-05-03T09:30:00+01:00">3 May</time>'),
                '<meta property="article:published_time" content="2019-06-10T00:00:00Z">')
    result = dates_of(html, url="https://news.example.com/2024/05/03/harbour/")
    assert (result.published_at, result.published_source) == ("2024-05-03T09:30:00+01:00", "time")


def test_structured_date_contradicted_by_url_alone_is_kept() -> None:
    html = page(article(), '<meta property="article:published_time" content="2024-04-20T10:00:00Z">')
    result = dates_of(html, url="https://news.example.com/2024/05/03/harbour/")
    assert result.published_source == "meta"


def test_date_only_value_takes_the_time_shown_for_the_same_day() -> None:
    html = page(article('<span class="date">May 3, 2024 at 10:45 am</span>'),
                '<meta name="date" content="2024-05-03">')
    assert dates_of(html).published_at == "2024-05-03T10:45:00"


@pytest.mark.parametrize(("published", "modified", "expected"), [
    ("2024-05-03T14:20:00+02:00", "2024-05-03T14:20:00+02:00", None),   # same moment
    ("2024-05-03T14:20:00+02:00", "2024-05-03T12:20:00Z", None),        # same moment, other zone
    ("2024-05-03T14:20:00+02:00", "2024-05-01T10:00:00+02:00", None),   # before publication
    ("2024-05-03", "2024-05-03", None),
    ("2024-05-03T14:20:00+02:00", "2024-05-03T15:00:00+02:00", "2024-05-03T15:00:00+02:00"),
    ("2024-05-03", "2024-05-04", "2024-05-04"),
])
def test_modified_only_when_distinct(published: str, modified: str, expected: str | None) -> None:
    html = page(article(), jsonld(datePublished=published, dateModified=modified))
    assert dates_of(html).modified_at == expected


def test_modified_never_falls_back_to_published() -> None:
    result = dates_of(page(article(), jsonld(datePublished="2024-05-03T14:20:00+02:00")))
    assert (result.modified_at, result.modified_source) == (None, None)


def test_modified_alone_is_kept_and_stands_for_the_publication() -> None:
    result = dates_of(page(article(), jsonld(dateModified="2024-05-04T08:00:00+02:00")))
    assert result == DateResult("2024-05-04T08:00:00+02:00", "json-ld (modified)",
                                "2024-05-04T08:00:00+02:00", "json-ld")


def test_visible_updated_line_alone_stands_for_the_publication() -> None:
    result = dates_of(page(article('<span class="date">Updated May 4, 2024</span>')))
    assert result == DateResult("2024-05-04", "text (modified)", "2024-05-04", "text")


def test_a_published_date_is_preferred_to_a_modified_stand_in() -> None:
    html = page(article('<span class="date">Updated May 4, 2024</span>'),
                jsonld(datePublished="2024-05-03"))
    assert dates_of(html) == DateResult("2024-05-03", "json-ld", "2024-05-04", "text")


UPDATED_LONG_AFTER = '<span class="date">Updated March 9, 2025</span>'


def test_an_update_shown_as_the_only_date_long_after_a_hidden_publication_dates_the_page() -> None:
    html = page(article(UPDATED_LONG_AFTER),
                jsonld(datePublished="2024-05-03T10:00:00Z", dateModified="2025-03-09T08:00:00Z"))
    assert dates_of(html) == DateResult("2025-03-09T08:00:00+00:00", "json-ld (modified)")


@pytest.mark.parametrize("seed", ["0", "3"])
def test_the_update_stamp_of_a_republished_page_is_json_ld_before_meta(seed: str) -> None:
    # Both structured sources stamp the shown day: the more trusted one speaks, whatever the
    # interpreter's string hashing (sets of source names were iterated in hash order).
    head = ('<meta property="article:modified_time" content="2025-03-09T11:30:00Z">'
            + jsonld(datePublished="2024-05-03T10:00:00Z", dateModified="2025-03-09T08:00:00Z"))
    code = ("import sys; from scraper.extract.dates import extract_dates;"
            "from scraper.extract.document import parse_document;"
            "print(extract_dates(parse_document(sys.stdin.read()), None).published_source)")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", code], input=page(article(UPDATED_LONG_AFTER), head),
                          capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "json-ld (modified)"


def test_an_update_shown_before_the_hidden_publication_date_dates_the_page() -> None:
    html = page(article('<span class="date">Updated April 28, 2024</span>'),
                jsonld(datePublished="2024-05-03T10:00:00Z"))
    assert (dates_of(html).published_at, dates_of(html).published_source) == (
        "2024-04-28", "text (modified)")


def test_a_meta_publication_date_keeps_the_page_from_being_republished() -> None:
    head = ('<meta property="article:published_time" content="2024-05-03T10:00:00Z">'
            + jsonld(datePublished="2024-05-03T10:00:00Z"))
    assert dates_of(page(article(UPDATED_LONG_AFTER), head)).published_at == (
        "2024-05-03T10:00:00+00:00")


def test_a_shown_publication_date_keeps_the_page_from_being_republished() -> None:
    meta = f'<time class="published" datetime="2024-05-03">May 3</time> {UPDATED_LONG_AFTER}'
    html = page(article(meta), jsonld(datePublished="2024-05-03T10:00:00Z"))
    assert dates_of(html).published_at == "2024-05-03T10:00:00+00:00"


@pytest.mark.parametrize("value", ["1989-12-31", "2999-01-01", "0001-01-01T00:00:00Z", "soon"])
def test_implausible_structured_dates_are_rejected(value: str) -> None:
    assert dates_of(page(article(), jsonld(datePublished=value))).published_at is None


def test_empty_page_gives_nothing() -> None:
    assert dates_of("<html><body></body></html>") == DateResult()


def test_a_paragraph_beside_the_headline_is_not_a_byline() -> None:
    body = (f"<div><h1>{HEADLINE}</h1><p>On 15 March 2024 the council first debated the plan, "
            "and after two months of hearings it voted on Tuesday to approve it.</p></div>")
    assert dates_of(page(body)) == DateResult()


def test_a_cued_date_in_a_paragraph_beside_the_headline_counts() -> None:
    body = (f"<div><h1>{HEADLINE}</h1><p>Published 3 May 2024. The council debated the plan "
            "for two months of hearings and voted on Tuesday to approve it.</p></div>")
    assert dates_of(page(body)).published_at == "2024-05-03"


def test_page_without_language_never_guesses_with_dateparser() -> None:
    html = (f'<html><head><meta property="og:title" content="{HEADLINE}"></head><body>'
            f'{article("<span class=date>Δημοσιεύθηκε: 3 Μαΐου 2024</span>")}</body></html>')
    assert dates_of(html) == DateResult()


def test_time_without_offset_takes_the_offset_given_for_the_same_time() -> None:
    html = page(article('<time datetime="2024-05-03T14:20:00+02:00">3 May, 14:20</time>'),
                jsonld(datePublished="2024-05-03T14:20:00"))
    assert dates_of(html).published_at == "2024-05-03T14:20:00+02:00"


def test_utc_instant_takes_the_local_offset_given_for_the_same_moment() -> None:
    html = page(article('<time datetime="2024-05-02T19:05:00-07:00">May 2, 7:05 pm</time>'),
                jsonld(datePublished="2024-05-03T02:05:00Z"))
    assert (dates_of(html).published_at, dates_of(html).published_source) == (
        "2024-05-02T19:05:00-07:00", "time")


def test_utc_instant_stays_when_the_page_gives_another_moment() -> None:
    html = page(article('<time datetime="2024-05-02T18:00:00-07:00">May 2, 6 pm</time>'),
                jsonld(datePublished="2024-05-03T02:05:00Z"))
    assert dates_of(html).published_at == "2024-05-03T02:05:00+00:00"


def test_time_without_offset_is_kept_when_no_source_gives_one() -> None:
    html = page(article('<span class="date">May 3, 2024</span>'),
                jsonld(datePublished="2024-05-03T14:20:00"))
    assert dates_of(html) == DateResult("2024-05-03T14:20:00", "json-ld")


def test_layout_wrapper_named_like_a_sidebar_does_not_hide_the_article_date() -> None:
    """Drupal's Olivero theme wraps <main> in "sidebar-grid"; the headline sits above it."""
    html = page(f'<div class="region"><h1 class="page-title">{HEADLINE}</h1></div>'
                '<div class="sidebar-grid"><main><article><header><div class="node__meta">'
                '<time datetime="2024-05-20T12:32:00Z">Mon 20 May 2024, 13:32</time></div></header>'
                "<p>The council voted on Tuesday.</p></article></main>"
                '<aside class="sidebar"><time datetime="2024-05-01T08:00:00Z">1 May</time></aside></div>')
    result = dates_of(html, url="https://news.example.com/news/2024/05/20/river-survey/")
    assert (result.published_at, result.published_source) == ("2024-05-20T12:32:00+00:00", "time")


def test_a_card_for_another_page_inside_the_prose_gives_no_date() -> None:
    card = ('<a href="https://news.example.com/ferry/"><div class="card"><h4>Blog</h4>'
            '<p class="card-title">Ferry timetable changes</p>'
            '<span class="card-date">Aug 01, 2024</span></div></a>')
    html = page(article(content=f"<p>The council voted on Tuesday.</p>{card}<p>More.</p>"))
    assert dates_of(html).published_at is None


def test_a_date_linked_to_the_article_itself_is_still_its_date() -> None:
    meta = '<a href="https://news.example.com/harbour/" rel="bookmark"><time>May 3, 2024</time></a>'
    assert dates_of(page(article(meta))).published_at == "2024-05-03"


def test_a_teaser_list_in_a_sidebar_wrapper_gives_no_date() -> None:
    """Teasers are <article>s too: a wrapper holding only teasers stays a sidebar."""
    teasers = "".join(f'<article><h3>Story {day}</h3><time datetime="2024-05-{day:02d}T08:00:00Z">'
                      f"{day} May</time></article>" for day in (1, 2, 3))
    html = page(f'<h1>{HEADLINE}</h1><p>The council voted on Tuesday.</p>'
                f'<div class="sidebar-teasers">{teasers}</div>')
    assert dates_of(html) == DateResult()


def test_a_wrapper_named_like_a_sidebar_around_the_article_keeps_its_date() -> None:
    html = page(f'<div class="with-sidebar"><article><h1>{HEADLINE}</h1>'
                '<time datetime="2024-05-20T12:32:00Z">20 May</time>'
                "<p>The council voted on Tuesday.</p></article></div>")
    assert dates_of(html).published_at == "2024-05-20T12:32:00+00:00"


def test_hatom_abbr_title_gives_the_time() -> None:
    """Blogger and SPIP print the time of day, or the date alone, with the ISO value in title."""
    meta = '<abbr class="published" title="2024-03-12T19:47:00Z">12 March 2024</abbr>'
    result = dates_of(page(article(meta)))
    assert (result.published_at, result.published_source) == ("2024-03-12T19:47:00+00:00", "time")


def test_an_abbr_that_is_not_a_date_is_ignored() -> None:
    meta = '<abbr title="Royal National Lifeboat Institution">RNLI</abbr> <time datetime="2024-03-12">12 March</time>'
    assert dates_of(page(article(meta))).published_at == "2024-03-12"


def test_an_articles_own_footer_gives_its_date_but_the_site_footer_does_not() -> None:
    own = page(f'<article><h1 class="entry-title">{HEADLINE}</h1><p>The council voted.</p>'
               '<footer class="entry-footer">Posted on <time datetime="2024-03-12T19:47:00Z">12 March'
               "</time></footer></article><footer>© 2024. Updated 14 July 2024.</footer>")
    assert dates_of(own).published_at == "2024-03-12T19:47:00+00:00"
