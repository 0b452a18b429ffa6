"""The body: boilerplate stripping, text blocks, main-content choice, and the final clean-up."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body import extract_body
from scraper.extract.body.blocks import text_blocks
from scraper.extract.body.boilerplate import non_body_nodes, strip_boilerplate
from scraper.extract.body.content import find_main_content
from scraper.extract.document import parse_document
from scraper.models import SiteRules

PROSE = ("The council voted on Tuesday to extend the tram line to the hospital, ending a "
         "debate that had lasted for more than six years and divided the town.")


def prose(n: int, tag: str = "p", word: str = "Paragraph") -> str:
    return "".join(f"<{tag}>{word} {i}. {PROSE}</{tag}>" for i in range(n))


def body_of(html: str, headline: str | None = None, url: str = "https://news.example.com/a/") -> str:
    result = extract_body(parse_document(html, url), None, headline)
    return "\n\n".join(result.paragraphs)


def main_content(html: str):
    """find_main_content's choice over the page's text blocks (no stripping before)."""
    tree = LexborHTMLParser(html)
    nodes: dict = {}
    return find_main_content(text_blocks(tree.body, nodes), nodes)


def stripped_text(html: str) -> str:
    tree = LexborHTMLParser(html)
    strip_boilerplate(tree)
    return tree.body.text(separator=" ") if tree.body else ""


@pytest.mark.parametrize("chrome", [
    '<div class="share-bar"><a href="#">Share on Facebook</a></div>',
    '<div id="comments"><p>Great article, thanks!</p></div>',
    '<section class="jp-relatedposts"><p>Ferry timetable changes</p></section>',
    '<div class="NewsletterInline_root__s2D3f"><p>Get our newsletter every Friday.</p></div>',
    '<div class="cookie-consent"><p>We use cookies.</p></div>',
    '<nav><a href="/">Home</a></nav>',
    '<div style="display: none"><p>Hidden text</p></div>',
    '<span itemprop="keywords">harbour, council, trams</span>',
    '<div><h3>Related Articles</h3><ul><li><a href="/x">Ferry timetable changes</a></li></ul></div>',
    '<div><h3>Lesen Sie auch</h3><ul><li><a href="/x">Neue Fähre</a></li></ul></div>',
    '<div><h3>Keep Reading</h3><ul><li><a href="/x">Ferry timetable changes</a></li></ul></div>',
    '<div><h3>Read This Next</h3><p><a href="/x">Ferry timetable changes</a></p></div>',
    ('<div class="related-posts"><article><a href="/x">Ferry timetable changes</a></article>'
     '<article><a href="/y">Tram fares</a></article></div>'),
])
def test_chrome_is_stripped(chrome: str) -> None:
    page = f"<html><body><article><h1>T</h1>{prose(4)}{chrome}</article></body></html>"
    text = stripped_text(page)
    chrome_text = LexborHTMLParser(chrome).body.text(separator=" ").strip()
    assert chrome_text and chrome_text not in text
    assert "Paragraph 3." in text


@pytest.mark.parametrize("wrapper", [
    '<div class="page has-sidebar">{}</div>',
    '<div class="penci-enable-lightbox with-comments">{}</div>',
    '<div class="paywall">{}</div>',
])
def test_wrappers_with_boilerplate_names_keep_the_article(wrapper: str) -> None:
    page = "<html><body>" + wrapper.format(f"<h1>T</h1>{prose(5)}") + "</body></html>"
    assert "Paragraph 4." in stripped_text(page)


def test_caption_and_gallery_text_is_left_out_of_blocks() -> None:
    tree = LexborHTMLParser(f"<body>{prose(2)}<figure><img src=a.jpg><figcaption>A caption."
                            "</figcaption></figure><div class='wp-caption-text'>Photo: X/AP</div></body>")
    blocks = text_blocks(tree.body, skip=non_body_nodes(tree))
    assert [b.text.split(".")[0] for b in blocks] == ["Paragraph 0", "Paragraph 1"]


def test_figures_holding_tables_stay_unless_named_like_a_gallery_in_any_case() -> None:
    tree = LexborHTMLParser(f"<body>{prose(4)}<figure><table><tr><td>Kept cell</td></tr></table></figure>"
                            "<figure class='Photo-GALLERY'><table><tr><td>Gallery cell</td></tr></table></figure>"
                            "<div class='Image-Caption'>Caption text</div><p class='credits'>By AP</p></body>")
    prose_map_tree = strip_boilerplate(tree)
    texts = [b.text for b in text_blocks(tree.body, skip=non_body_nodes(tree, prose_map_tree))]
    assert "Kept cell" in texts
    assert not any(text in texts for text in ("Gallery cell", "Caption text", "By AP"))


def test_blocks_split_at_double_breaks_and_measure_links() -> None:
    tree = LexborHTMLParser("<body><div>first line<br>same block<br><br>second <a href=x>link</a></div></body>")
    blocks = text_blocks(tree.body)
    assert [b.text for b in blocks] == ["first line same block", "second link"]
    assert blocks[0].link_chars == 0 and blocks[1].link_chars == 4


def test_newlines_in_the_source_are_spaces_not_breaks() -> None:
    tree = LexborHTMLParser("<body><div>one\n<b>two</b>\n\n<i>three</i>\n<br>\n<br>\n"
                            "<a href=x>  four \n\t five </a>\u00a0six</div></body>")
    blocks = text_blocks(tree.body)
    assert [b.text for b in blocks] == ["one two three", "four five six"]
    assert blocks[1].link_chars == len("four five")


def test_article_wins_over_a_teaser_sidebar_with_more_links() -> None:
    teasers = "".join(f"<li><a href='/t{i}'>Teaser headline number {i} about something else</a></li>"
                      for i in range(30))
    html = f"<body><main><div class='story'>{prose(5)}</div></main><div class='rail'><ul>{teasers}</ul></div></body>"
    main = main_content(html)
    assert [b.text.split(".")[0] for b in main.blocks] == [f"Paragraph {i}" for i in range(5)]


def test_a_ticker_of_linked_titles_with_summaries_cut_short_loses_to_the_article() -> None:
    ticker = "".join(f"<li><a href='/t{i}'>Headline number {i} of the ticker</a> <span>CITY: The mayor "
                     f"said on Friday that the bridge works number {i} would run far longer than the plan "
                     f"and cost much more, while residents...</span></li>" for i in range(10))
    html = (f"<body><div class='ticker'><ul>{ticker}</ul></div><div class='story'>{prose(3)}"
            "<a href='/spam1'>Buy cheap themes now</a><a href='/spam2'>Free course download</a></div></body>")
    main = main_content(html)
    assert [b.text.split(".")[0] for b in main.blocks][:3] == [f"Paragraph {i}" for i in range(3)]
    assert not any("ticker" in b.text for b in main.blocks)


def test_a_body_split_into_chunks_is_gathered_back() -> None:
    chunks = "".join(f"<div class='grid'><div class='body__chunk'>{prose(2, word=f'Chunk{i}')}</div></div>"
                     f"<div class='ad'>Advertisement</div>" for i in range(4))
    text = body_of(f"<html><body><article><h1>T</h1><div class='chunks'>{chunks}</div></article></body></html>")
    for i in range(4):
        assert f"Chunk{i} 1." in text
    assert "Advertisement" not in text


def test_headline_byline_date_and_label_lines_are_dropped() -> None:
    html = ("<html><body><article><p>Tram line approved</p><p>By Jane Doe</p>"
            "<p>Published 3 May 2024, 10:45</p>" + prose(4) + "<p>Advertisement</p><p>Anzeige</p>"
            "</article></body></html>")
    text = body_of(html, headline="Tram line approved")
    assert text.startswith("Paragraph 0.")
    for leak in ("Tram line approved", "By Jane Doe", "Published 3 May", "Advertisement", "Anzeige"):
        assert leak not in text


def test_repeated_paragraphs_and_hidden_full_text_copies_are_dropped() -> None:
    copy = " ".join(f"Paragraph {i}. {PROSE}" for i in range(5))
    html = f"<html><body><article>{prose(5)}{prose(1)}<div>{copy}</div></article></body></html>"
    paragraphs = body_of(html).split("\n\n")
    assert len(paragraphs) == 5


def test_table_rows_become_lines() -> None:
    rows = "".join(f"<tr><td>{i}</td><td>Driver {i}</td><td>{100 - i}</td></tr>" for i in range(1, 4))
    html = f"<html><body><article>{prose(3)}<table>{rows}</table></article></body></html>"
    assert "1 Driver 1 99\n\n2 Driver 2 98" in body_of(html)


def test_inline_read_more_link_line_is_not_body() -> None:
    html = (f"<html><body><article>{prose(2)}<p><strong>Lesen Sie auch:</strong> "
            "<a href='/x'>Fernwärme: Was Mieter jetzt wissen müssen</a></p>" + prose(2) + "</article></body></html>")
    assert "Lesen Sie auch" not in body_of(html)


def test_teaser_run_after_the_article_is_trimmed() -> None:
    teasers = "".join(f"<h3><a href='/s{i}'>Another story headline number {i}</a></h3>"
                      f"<p>A one-line summary of story {i}.</p>" for i in range(3))
    html = f"<html><body><article>{prose(4)}{teasers}</article></body></html>"
    text = body_of(html)
    assert "Paragraph 3." in text and "summary of story" not in text


def test_one_linked_title_after_the_article_is_not_a_teaser_run() -> None:
    html = (f"<html><body><article>{prose(4)}<h3><a href='/study'>The study in full</a></h3>"
            "<p>The full study is published in the journal Nature this week.</p></article></body></html>")
    assert "The full study is published" in body_of(html)


def test_a_heading_wrapped_in_a_link_counts_as_link_text() -> None:
    tree = LexborHTMLParser("<body><a href='/x'><h5>Another story headline</h5></a><p>Plain text.</p></body>")
    blocks = text_blocks(tree.body)
    assert [(b.text, b.link_density) for b in blocks] == [("Another story headline", 1.0),
                                                         ("Plain text.", 0.0)]


@pytest.mark.parametrize("promo", [
    "Lesen Sie mehr lokale Nachrichten mit Rundschau+. Jetzt 4 Wochen für 0,99 € testen.",
    "Tribune Verte est un média indépendant, sans publicité. Soutenez-nous",
    "Enjoyed this story? Subscribe to The Harbour Herald for unlimited access.",
])
def test_calls_to_action_inside_the_text_are_dropped(promo: str) -> None:
    html = f"<html><body><article>{prose(2)}<div class='box'><p>{promo}</p></div>{prose(2)}</article></body></html>"
    assert promo[:30] not in body_of(html)


def test_prose_that_mentions_subscriptions_is_kept() -> None:
    sentence = ("The newspaper said its digital subscription numbers had doubled since 2020, "
                "a rise it credited to local coverage of the council and its long tram debate.")
    html = f"<html><body><article>{prose(2)}<p>{sentence}</p>{prose(2)}</article></body></html>"
    assert sentence in body_of(html)


def test_a_post_inside_a_widget_named_container_is_kept() -> None:
    """Blogger wraps the post in div.widget.Blog; its paragraphs are bare <div>s and <br>s."""
    paragraphs = "".join(f"<div>Line {i}. {PROSE}</div><div><br></div>" for i in range(5))
    html = ("<html><body><div class='widget Blog' id='Blog1'><div class='post hentry' itemscope "
            "itemtype='http://schema.org/BlogPosting'><h3 class='post-title'>T</h3>"
            f"<div class='post-body' itemprop='description articleBody'>{paragraphs}</div></div></div>"
            "<div class='widget PopularPosts'><ul><li><a href='/p'>Popular post</a></li></ul></div>"
            "</body></html>")
    text = body_of(html)
    assert "Line 0." in text and "Line 4." in text and "Popular post" not in text


@pytest.mark.parametrize("notice", [
    ("Copyright 2024 Harbour Media Inc. All rights reserved. This material may not be published, "
     "broadcast, rewritten or redistributed."),
    "© dpa-infocom, dpa:240101-99-000000/2",
    "A version of this article appears in print on May 4, 2024, Section A, Page 12.",
    "Follow The Harbour Herald on Facebook, X and Instagram.",
    "Send your story ideas to newsdesk@harbour.example",
    "Tous droits réservés.",
])
def test_closing_notices_are_not_body(notice: str) -> None:
    html = f"<html><body><article>{prose(3)}<p>{notice}</p></article></body></html>"
    assert notice[:25] not in body_of(html)


def test_a_sentence_about_copyright_is_body() -> None:
    sentence = ("The court ruled that the copyright in the photographs belonged to the archive, "
                "not to the family, ending a dispute that had run for almost a decade in Bristol.")
    html = f"<html><body><article>{prose(2)}<p>{sentence}</p></article></body></html>"
    assert sentence in body_of(html)


@pytest.mark.parametrize("order", ["small first", "large first"])
def test_a_rule_matching_twice_names_the_container_holding_most_text(order: str) -> None:
    """The main node (where images are read) is the matched container with the most text,
    whatever the order of the matches or where the parser put them in memory."""
    small = f'<div class="entry-content" id="teaser">{prose(1, word="Teaser")}</div>'
    large = f'<div class="entry-content" id="story">{prose(4, word="Story")}</div>'
    parts = (small, large) if order == "small first" else (large, small)
    html = f"<html><body><h1>Tram line</h1>{''.join(parts)}</body></html>"
    rules = SiteRules(name="template", body=(".entry-content",))
    result = extract_body(parse_document(html, "https://news.example.com/a/"), rules, None)
    assert result.strategy == "rules"
    assert result.node is not None and result.node.attributes.get("id") == "story"
    assert any(line.startswith("Teaser 0.") for line in result.paragraphs)


def test_section_headings_in_wrappers_of_their_own_stay_with_their_sections() -> None:
    sections = "".join(f"<div class='head-wrap'><h2>Section {i} heading</h2></div>"
                       f"<div class='text-wrap'>{prose(3, word=f'Sec{i}')}</div>" for i in range(3))
    links = "".join(f"<li><a href='/s{i}'>Another section of the site, number {i}</a></li>" for i in range(30))
    text = body_of(f"<html><body><div class='page'><div class='col'><div class='row'>{sections}"
                   f"<ul class='more'>{links}</ul></div></div></div></body></html>")
    assert "Section 1 heading\n\nSec1 0." in text and "Section 2 heading" in text
    assert "Section 0 heading" not in text  # before the first paragraph: a kicker, not the text


def test_a_table_in_a_figure_is_body_text_and_its_caption_is_not() -> None:
    table = ("<figure class='wp-block-table'><table><tr><td>Route</td><td>Trams per hour</td></tr>"
             "<tr><td>Hospital</td><td>12</td></tr></table><figcaption>Table: the timetable.</figcaption></figure>")
    text = body_of(f"<html><body><article>{prose(3)}{table}{prose(2)}</article></body></html>")
    assert "Hospital 12" in text and "Table: the timetable" not in text


def test_a_linked_heading_between_paragraphs_opens_its_section() -> None:
    review = ("It boils a full litre in under three minutes, the lid opens wide enough to clean inside, "
              "and the handle stays cool; we used it every morning for a month and it still looks new. ")
    items = "".join(f"<h3><a href='/p{i}'>Harbour Kettle {i}</a></h3><p>Item{i}. {review * 2}</p>" for i in range(3))
    html = f"<html><body><article>{prose(2)}{items}<h3><a href='/more'>More kettles we like</a></h3></article></body></html>"
    text = body_of(html)
    assert "Harbour Kettle 1\n\nItem1. It boils" in text
    assert "More kettles we like" not in text


def test_linked_entries_of_the_articles_own_list_stay_but_teasers_and_contents_go() -> None:
    resources = ("<ul><li><a href='https://a.example.org/x'>Harbour Trust: tide tables and mooring "
                 "fees</a> (monthly)</li><li>The <a href='https://b.example.org/y'>Ferry Board's winter "
                 "timetable and fares</a></li></ul>")
    contents = ("<ul><li><a href='https://news.example.com/a/#cost'>What the tram extension will cost</a>"
                " in total</li></ul>")
    teasers = ("<ul><li><strong>See also:</strong> <a href='/b'>The old tram depot becomes a "
               "market hall</a></li></ul>")
    trailing = "<ul><li><a href='/c'>Council budget: all the figures for next year</a> (PDF)</li></ul>"
    html = (f"<html><body><article>{prose(2)}{resources}{contents}{prose(1, word='Middle')}{teasers}"
            f"{prose(2, word='Late')}{trailing}</article></body></html>")
    text = body_of(html)
    assert "Harbour Trust: tide tables and mooring fees (monthly)" in text
    assert "The Ferry Board's winter timetable and fares" in text
    assert "What the tram extension will cost" not in text
    assert "old tram depot" not in text
    assert "all the figures for next year" not in text  # a list after the last prose: related


def test_linked_entries_written_as_paragraphs_in_list_items_stay_but_a_teaser_list_goes() -> None:
    resources = ("<ul><li>\n<p><a href='https://a.example.org/x'>Harbour Trust: tide tables and mooring "
                 "fees</a> (monthly)</p>\n</li><li><p>The <a href='https://b.example.org/y'>Ferry Board's "
                 "winter timetable and fares</a></p></li></ul>")
    teasers = ("<ul><li><p><strong>See also:</strong> <a href='/b'>The old tram depot becomes a "
               "market hall</a></p></li></ul>")
    html = (f"<html><body><article>{prose(2)}{resources}{prose(1, word='Middle')}{teasers}"
            f"{prose(2, word='Late')}</article></body></html>")
    text = body_of(html)
    assert "Harbour Trust: tide tables and mooring fees (monthly)" in text
    assert "The Ferry Board's winter timetable and fares" in text
    assert "old tram depot" not in text


def test_linked_items_of_a_mostly_plain_list_stay_but_a_teaser_list_goes() -> None:
    checklist = ("<ul><li>Tent and stakes</li><li>Sleeping bag</li><li><a href='https://shop.example/s'>"
                 "Stove</a></li><li>Water filter</li></ul>")
    teasers = ("<ul><li><a href='/a'>Tram fares</a></li><li><a href='/b'>New pier</a></li>"
               "<li>Warnung: <a href='/c'>Floods</a></li><li><a href='/d'>Depot</a></li></ul>")
    html = (f"<html><body><article>{prose(2)}{checklist}{prose(1, word='Middle')}{teasers}"
            f"{prose(2, word='Late')}</article></body></html>")
    text = body_of(html)
    assert "Sleeping bag\n\nStove\n\nWater filter" in text
    assert "Tram fares" not in text and "New pier" not in text


def deep(html: str, levels: int = 6) -> str:
    return "<div class='x'>" * levels + html + "</div>" * levels


def test_a_lead_paragraph_gives_way_to_the_article_its_deeply_wrapped_paragraphs_make() -> None:
    lead = f"<p>Lead. {PROSE} {PROSE}</p>"
    cards = ("<div><a href='/app'>Harbour App: Tide Tables and Weather for Sailors</a>"
             "<div>4.8 out of 5 stars, 193 reviews, free to install</div></div>")
    sections = "".join(f"<h2>Part {i}</h2>" + deep(f"<p>Deep{i}. {PROSE} {PROSE}</p>") + cards
                       for i in range(3))
    html = f"<body><section class='grid'>{lead}{sections}</section><footer><a href='/'>Home</a></footer></body>"
    main = main_content(html)
    texts = [b.text for b in main.blocks]
    assert texts[0].startswith("Lead.")
    assert all(any(t.startswith(f"Deep{i}.") for t in texts) for i in range(3))


def test_a_lone_paragraph_beside_a_note_in_its_own_box_is_not_widened_into_the_sidebar() -> None:
    article = f"<div class='story'><p>Lead. {PROSE} {PROSE}</p><div class='note'><p>{PROSE}</p></div></div>"
    rail = "".join(f"<div class='rail-item'><h3><a href='/c{i}'>Column {i}</a></h3>"
                   + deep(prose(1, word=f"Column{i}"), 2) + "</div>" for i in range(3))
    html = f"<body><div class='page'>{article}<div class='rail'>{rail}</div></div></body>"
    main = main_content(html)
    assert main.blocks and main.blocks[0].text.startswith("Lead.")
    assert not any(b.text.startswith("Column") for b in main.blocks)


def test_a_list_of_links_a_sentence_announces_stays_but_an_unannounced_one_goes() -> None:
    courses = ("<p>Here are some of the courses the harbour school offers this winter:</p>"
               "<ul><li><a href='/c/knots'>Knots and Splices</a></li><li><a href='/c/tides'>Reading the Tides</a>"
               "</li><li><a href='/c/radio'>Marine Radio</a></li></ul>")
    teasers = ("<ul><li><a href='/a'>Tram fares</a></li><li><a href='/b'>New pier</a></li>"
               "<li><a href='/d'>Depot</a></li></ul>")
    contents = ("<p>In this long guide to the harbour, we will walk through these parts:</p>"
                "<ul><li><a href='#tides'>Tides</a></li><li><a href='#moorings'>Moorings</a></li></ul>")
    html = (f"<html><body><article>{prose(2)}{courses}{prose(1, word='Middle')}{teasers}{contents}"
            f"{prose(2, word='Late')}</article></body></html>")
    text = body_of(html)
    assert "Knots and Splices\n\nReading the Tides\n\nMarine Radio" in text
    assert "Tram fares" not in text and "Moorings" not in text
