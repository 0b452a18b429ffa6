"""Canonical url and tags on small pages; the composed fields through `extract`."""

from __future__ import annotations

import json

import pytest

from scraper import extract
from scraper.extract.document import parse_document
from scraper.extract.metadata import extract_canonical, extract_tags
from scraper.extract.metadata.tags import TAG_SELECTOR, _tag_nodes, clean_tags
from scraper.models import SiteRules

URL = "https://news.example.com/2024/05/03/harbour-plan/"


def parsed(head: str = "", body: str = "", url: str | None = URL) -> object:
    return parse_document(f"<html><head>{head}</head><body>{body}</body></html>", url)


@pytest.mark.parametrize("head, expected", [
    ('<link rel="canonical" href="https://news.example.com/2024/05/03/harbour-plan/">',
     "https://news.example.com/2024/05/03/harbour-plan/"),
    ('<link rel="canonical" href="/2024/05/03/harbour-plan/">',
     "https://news.example.com/2024/05/03/harbour-plan/"),
    ('<meta property="og:url" content="https://news.example.com/harbour-plan">',
     "https://news.example.com/harbour-plan"),
    (('<link rel="canonical" href="https://news.example.com/">'
     '<meta property="og:url" content="https://news.example.com/2024/harbour">'),
     "https://news.example.com/2024/harbour"),
    ('<link rel="canonical" href="https://news.example.com/">', None),
    ('<link rel="canonical" href="">', None),
    ('<link rel="canonical" href="{{ page.url }}">', None),
    ('<link rel="canonical" href="javascript:void(0)">', None),
    ("", None),
])
def test_canonical(head: str, expected: str | None) -> None:
    assert extract_canonical(parsed(head)) == expected


def test_home_page_may_have_the_home_page_as_canonical() -> None:
    document = parsed('<link rel="canonical" href="https://news.example.com/">',
                      url="https://news.example.com/")
    assert extract_canonical(document) == "https://news.example.com/"


def keywords(value: object) -> str:
    data = {"@type": "NewsArticle", "headline": "x", "keywords": value}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize("head, body, expected", [
    (('<meta property="article:tag" content="Harbour"><meta property="article:tag" content="Council">'
     '<meta property="article:tag" content="harbour">'), "", ["Harbour", "Council"]),
    ('<meta property="article:tag" content="Harbour, Council">', "", ["Harbour", "Council"]),
    (keywords("Harbour,  Council ,Ferries"), "", ["Harbour", "Council", "Ferries"]),
    (keywords(["Harbour", "tc", "@post-id:1913719", "_no-apple-news", "type_news"]), "",
     ["Harbour", "tc"]),
    ('<meta name="news_keywords" content="Harbour, Council">', "", ["Harbour", "Council"]),
    ("", ('<div class="post-tags">Tags: <a href="/tag/harbour/" rel="tag">Harbour</a> '
         '<a href="/tag/ferries/" rel="tag">Ferries</a></div>'), ["Harbour", "Ferries"]),
    ("", ('<a href="/category/news/" rel="category tag">News</a>'
         '<a href="/tag/harbour/" rel="tag">Harbour</a>'), ["Harbour"]),
    ("", ('<ul class="tag-list"><li><a href="/t/tram">Tram</a></li>'
         '<li><a href="https://www.facebook.com/sharer.php?u=x">Share</a></li>'
         '<li><a href="/tags">Show more</a></li></ul>'), ["Tram"]),
    ("", '<aside class="sidebar"><div class="tags"><a href="/t/a">Popular tag</a></div></aside>', []),
    ("", '<nav><ul class="tags"><li><a href="/t/a">Menu tag</a></li></ul></nav>', []),
    ('<meta property="article:tag" content="Meta tag">' + keywords("Keyword"),
     '<a href="/tag/visible" rel="tag">Visible</a>', ["Meta tag"]),
    (keywords("Keyword"), '<a href="/tag/visible" rel="tag">Visible</a>', ["Visible"]),
])
def test_tags_sources_in_order(head: str, body: str, expected: list[str]) -> None:
    assert extract_tags(parsed(head, body), None) == expected


def test_tag_rules_win_when_they_match() -> None:
    rules = SiteRules(name="x", tags=(".topics a",))
    body = '<div class="topics"><a href="/t/1">Ruled</a></div><a href="/tag/v" rel="tag">Visible</a>'
    assert extract_tags(parsed(body=body), rules) == ["Ruled"]
    assert extract_tags(parsed(body=body), SiteRules(name="x", tags=(".none",))) == ["Visible"]


def test_article_tag_list_completes_a_rule_that_sees_only_the_primary_tag() -> None:
    rules = SiteRules(name="ghost", tags=(".article-tag a",))
    head = ('<meta property="article:tag" content="Environment">'
            '<meta property="article:tag" content="Estuaries">')
    body = '<div class="article-tag"><a href="/tag/environment/">Environment</a></div>'
    assert extract_tags(parsed(head, body), rules) == ["Environment", "Estuaries"]
    other = '<meta property="article:tag" content="Something else">'
    assert extract_tags(parsed(other, body), rules) == ["Environment"]


def test_tag_nodes_are_the_elements_the_tag_selector_lists() -> None:
    """One class part "tag" asked for "tags" and "tag-list": the elements kept are the selector's."""
    body = ('<div class="Post-TAGS"><a rel="tag" class="stage" href="/t/a">A</a>'
            '<a rel="Tag nofollow" href="/t/b">B</a><span class="stage vintage">x</span></div>'
            '<ul class="tag-List tags"><li class="taglist">C</li></ul><nav aria-label="Tags" class="tag">'
            '<a class="tag" href="/t/d">D</a></nav><nav class="tags-x"></nav><p class="heritage">y</p>')
    document = parsed(body=body)
    listed: list[int] = []
    for node in document.tree.css(TAG_SELECTOR):  # type: ignore[attr-defined]
        if not listed or listed[-1] != node.mem_id:
            listed.append(node.mem_id)
    assert [node.mem_id for node in _tag_nodes(document)] == listed  # type: ignore[arg-type]
    assert len(listed) == 6  # ("Tag nofollow" is a rel=tag link: lexbor reads rel case-blind)


def test_clean_tags_drops_long_phrases_and_labels() -> None:
    long = "a senior military analyst at Stratfor who said the forces were not there"
    assert clean_tags(["Tags: Harbour", long, " Ferries ", "ferries"]) == ["Harbour", "Ferries"]


def test_extract_record_carries_the_metadata_fields() -> None:
    html = ('<html lang="en"><head><title>Harbour plan wins council vote | The Herald</title>'
            '<meta property="og:site_name" content="The Herald">'
            '<link rel="canonical" href="/2024/05/03/harbour-plan/">'
            '<meta property="article:tag" content="Harbour"></head><body><article>'
            '<h1>Harbour plan wins council vote</h1><p class="byline">By Jane Doe</p>'
            "<p>The council voted on Tuesday to approve the harbour plan after a long debate "
            "that lasted for most of the evening and into the night.</p></article></body></html>")
    record = extract(html, url=URL).to_dict()
    assert record["headline"] == "Harbour plan wins council vote"
    assert record["authors"] == ["Jane Doe"]
    assert record["site_name"] == "The Herald"
    assert record["canonical_url"] == URL
    assert record["language"] == "en"
    assert record["tags"] == ["Harbour"]


ODD_JSONLD = [
    {"@type": "NewsArticle", "author": 5, "keywords": {"a": 1}, "publisher": ["x", None]},
    {"@type": ["NewsArticle", "Thing"], "author": [None, {"name": ["Jane"]}, {"@id": 3}],
     "headline": ["not", "a", "string"], "inLanguage": {"name": "English"}},
    {"@type": "Article", "author": {"@type": ["Person"], "givenName": "Ada", "familyName": None}},
]


@pytest.mark.parametrize("html", [
    "",
    "<p>no head, no body tags</p>",
    "<html><head></head><body><h1></h1><h1>   </h1></body></html>",
    '<html lang="zz-ZZ"><head><link rel="canonical" href="  http://bad url  "></head></html>',
    *[f'<script type="application/ld+json">{json.dumps(data)}</script>' for data in ODD_JSONLD],
])
def test_odd_pages_give_empty_fields_not_errors(html: str) -> None:
    record = extract(html or " ", url=URL)
    assert not any("failed" in warning for warning in record.provenance.warnings)
    fields = record.to_dict()
    assert isinstance(fields["authors"], list) and isinstance(fields["tags"], list)
    assert isinstance(fields["related"], list)
    assert fields["headline"] is None or isinstance(fields["headline"], str)



def test_tags_in_an_articles_own_footer_are_read() -> None:
    from scraper.extract.document import parse_document
    from scraper.extract.metadata import extract_tags

    html = ("<html><body><article><h1>T</h1><p>Text.</p><footer class='amp-wp-article-footer'>"
            "<div class='amp-wp-tax-tag'>Tags: <a href='/tag/housing/' rel='tag'>Housing</a>, "
            "<a href='/tag/rentals/' rel='tag'>Rentals</a></div></footer></article>"
            "<footer class='site-footer'><a href='/tag/popular/' rel='tag'>Popular</a></footer></body></html>")
    assert extract_tags(parse_document(html, "https://x.example/a/"), None) == ["Housing", "Rentals"]


def test_tag_pills_are_recognised_by_their_tag_page_links() -> None:
    from scraper.extract.document import parse_document
    from scraper.extract.metadata import extract_tags

    html = ("<html><body><nav><a href='/tag/news'>News</a></nav><article><h1>T</h1><p>Text.</p>"
            "<div class='x1'><a href='/tag/public-transit?source=post'><div>Public Transit</div></a>"
            "<a href='/tag/cities'><div>Cities</div></a></div></article></body></html>")
    assert extract_tags(parse_document(html, "https://x.example/a/"), None) == ["Public Transit", "Cities"]


def test_og_article_tag_spelling_is_read() -> None:
    from scraper.extract.document import parse_document
    from scraper.extract.metadata import extract_tags

    html = ("<html><head><meta property='og:article:tag' content='Viticulture'>"
            "<meta property='og:article:tag' content='Gironde'></head><body></body></html>")
    assert extract_tags(parse_document(html, None), None) == ["Viticulture", "Gironde"]


def test_tags_in_a_nav_labelled_tags_inside_the_article() -> None:
    from scraper.extract.document import parse_document
    from scraper.extract.metadata import extract_tags

    html = ("<html><body><nav aria-label='main'><a href='/tags/news'>News</a></nav><article><h1>T</h1>"
            "<p>Text.</p><div class='post-footer'><nav aria-label='tags'><ul class='tags'>"
            "<li><a href='/blog/tags/oysters'>oysters</a></li><li><a href='/blog/tags/sail'>sail</a></li>"
            "</ul></nav></div></article></body></html>")
    assert extract_tags(parse_document(html, "https://x.example/a/"), None) == ["oysters", "sail"]


def test_byline_and_labels_in_a_microdata_posts_own_footer() -> None:
    """Blogger: no <article>; the post is a div typed BlogPosting inside div.widget."""
    from scraper.extract.authors import extract_authors
    from scraper.extract.document import parse_document
    from scraper.extract.metadata import extract_tags

    html = ("<html><body><div class='widget Blog'><div class='post hentry' itemscope "
            "itemtype='http://schema.org/BlogPosting'><h3>T</h3><div class='post-body'>Text.</div>"
            "<div class='post-footer'><span class='post-author vcard'>Posted by <span itemprop='author' "
            "itemscope itemtype='http://schema.org/Person'><span itemprop='name'>Gwen Allardyce</span>"
            "</span></span><span class='post-labels'>Labels: <a href='/search/label/Roads' rel='tag'>"
            "Roads</a>, <a href='/search/label/Archives' rel='tag'>Archives</a></span></div></div></div>"
            "<div class='footer'><a href='/search/label/Popular' rel='tag'>Popular</a></div></body></html>")
    document = parse_document(html, "https://x.example/a/")
    assert extract_authors(document, None) == ["Gwen Allardyce"]
    assert extract_tags(document, None) == ["Roads", "Archives"]
