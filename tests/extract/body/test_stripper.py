"""The stripper weighs prose: names and tags never remove the article itself."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body.boilerplate import _decompose_all, non_body_nodes, strip_boilerplate
from scraper.extract.body.prose import prose_map, remeasure
from scraper.models import SiteRules

SENTENCE = ("The harbour board agreed on Monday to dredge the western channel before winter, "
            "after two cargo ships ran aground there in the space of a single month.")


def paragraphs(n: int, word: str = "Para") -> str:
    return "".join(f"<p>{word} {i}. {SENTENCE}</p>" for i in range(n))


def stripped(html: str, rules: SiteRules | None = None) -> str:
    tree = LexborHTMLParser(html)
    strip_boilerplate(tree, rules)
    return tree.body.text(separator=" ") if tree.body else ""


@pytest.mark.parametrize("wrapper", [
    "<div class='share-container'>{}</div>",
    "<section class='newsletter-wrapper'><div class='rich-text-newsletter'>{}</div></section>",
    "<div class='post-content' id='share-btn'>{}</div>",
])
def test_a_chrome_named_container_holding_most_prose_is_kept(wrapper: str) -> None:
    page = ("<html><body><h2>Dredging</h2>" + wrapper.format(paragraphs(6))
            + "<div class='comments'><p>Nice one.</p></div></body></html>")
    text = stripped(page)
    assert "Para 5." in text
    assert "Nice one." not in text


def test_an_unclosed_aside_that_swallows_the_article_keeps_it() -> None:
    page = f"<html><body><aside class='banner'><p>Closed on Sunday.</p><main>{paragraphs(5)}</main></body></html>"
    assert "Para 4." in stripped(page)


def test_a_small_aside_still_goes() -> None:
    page = f"<html><body><main>{paragraphs(5)}</main><aside><p>{SENTENCE}</p></aside></body></html>"
    assert stripped(page).count("harbour board") == 5


def test_page_builder_widgets_that_make_up_the_article_are_kept() -> None:
    widgets = "".join(f"<div class='builder-widget'><div class='widget-container'>{paragraphs(1, f'Piece{i}')}"
                      "</div></div>" for i in range(8))
    page = (f"<html><body><div class='layout'><div class='column'>{widgets}</div>"
            "<div class='sidebar'><div class='widget'><p>Archives</p></div></div></div></body></html>")
    text = stripped(page)
    assert all(f"Piece{i} 0." in text for i in range(8))
    assert "Archives" not in text


def test_a_small_weak_named_box_inside_the_article_still_goes() -> None:
    page = f"<html><body><div class='story'>{paragraphs(4)}<div class='ad'><p>Buy now</p></div>{paragraphs(4)}</div></body></html>"
    text = stripped(page)
    assert "Buy now" not in text and "Para 3." in text


def test_every_match_of_every_rule_strip_selector_goes_nested_or_repeated_ones_too() -> None:
    rules = SiteRules(name="t", strip=(".share", "#box", ".share .icon", "[data-ad]"))
    page = (f"<html><body><article>{paragraphs(3)}<div class='share' id='box'><span class='icon'>"
            "Share icon</span></div><p data-ad='1'>Ad text</p><div class='share'>Share again</div>"
            "</article></body></html>")
    text = stripped(page, rules)
    assert "Para 2." in text
    assert not any(part in text for part in ("Share icon", "Ad text", "Share again"))


def test_rule_strip_selectors_never_remove_the_root_or_the_article() -> None:
    rules = SiteRules(name="t", strip=("html", "body", ".entry"))
    page = f"<html><body><div class='entry'>{paragraphs(3)}</div><div class='entry'><p>Small print.</p></div></body></html>"
    text = stripped(page, rules)
    assert "Para 2." in text and "Small print." not in text


def test_prose_map_counts_paragraph_text_outside_links_and_finds_the_core() -> None:
    tree = LexborHTMLParser(f"<html><body><div id='page'><div id='story'>{paragraphs(3)}</div>"
                            "<div id='rail'><p><a href='/x'>Linked teaser headline</a></p></div></div></body></html>")
    prose = prose_map(tree)
    story = tree.css_first("#story")
    assert prose.total == prose.of(story) == 3 * len(f"Para 0. {SENTENCE}")
    assert prose.of(tree.css_first("#rail")) == 0
    assert prose.core is not None and prose.core.mem_id == story.mem_id


def test_the_prose_map_remeasured_after_removals_is_the_one_measured_afresh() -> None:
    page = ("<html><body><div id='page'><article id='story'>" + paragraphs(3)
            + "<p>Short <a href='/a'>linked <span class='x'>words</span> here</a> and"
            " <span class='x'>a removed aside that is long enough to matter</span> inside it.</p>"
            "<div>" + "Loose text written straight into a div of the article. " * 3 + "<i class='x'>i</i></div>"
            "<p><span class='x'><a href='/b'>only link</a></span></p></article>"
            "<div id='rail' class='x'>" + paragraphs(2, "Rail") + "</div></div></body></html>")
    tree = LexborHTMLParser(page)
    before = prose_map(tree)
    met: dict[int, bool] = {}
    removed = _decompose_all(tree.css(".x"), met)
    after, fresh = remeasure(before, tree, removed, met), prose_map(tree)
    assert (after.chars, after.total) == (fresh.chars, fresh.total) != (before.chars, before.total)
    assert after.core is not None and fresh.core is not None and after.core.mem_id == fresh.core.mem_id


def test_the_prose_map_after_removals_apart_from_the_prose_is_the_one_measured_afresh() -> None:
    page = ("<html><body><nav class='x'><a href='/'>Home</a></nav><div id='page'><article>"
            + paragraphs(3) + "<div class='x'><a href='/c'>Share</a></div></article>"
            "<div id='rail'>" + paragraphs(2, "Rail") + "<ul class='x'><li>More</li></ul></div>"
            "</div></body></html>")
    tree = LexborHTMLParser(page)
    before = prose_map(tree)
    met: dict[int, bool] = {}
    removed = _decompose_all(tree.css(".x"), met)
    after, fresh = remeasure(before, tree, removed, met), prose_map(tree)
    assert (after.chars, after.total) == (fresh.chars, fresh.total) == (before.chars, before.total)
    assert after.core is not None and fresh.core is not None and after.core.mem_id == fresh.core.mem_id


def test_the_captions_the_stripper_read_are_those_a_query_of_the_stripped_tree_finds() -> None:
    page = ("<html><body><article>" + paragraphs(3) + "<div class='wp-Caption'>Photo: A. Lee</div>"
            "<figure><img src='a.jpg'><figcaption>A harbour</figcaption></figure></article>"
            "<div class='share-bar'><span class='slideshow-credit'>gone with its box</span></div>"
            "<aside><p class='gallery'>gone with the aside</p></aside></body></html>")
    tree = LexborHTMLParser(page)
    prose = strip_boilerplate(tree)
    assert prose.captions is not None and [node.text() for node in prose.captions] == ["Photo: A. Lee"]
    read = non_body_nodes(tree, prose)
    prose.captions = None  # the query of the stripped tree instead
    assert non_body_nodes(tree, prose) == read and len(read) == 3


def test_unreadable_elements_nested_in_each_other_all_go_with_their_text() -> None:
    html = (f"<html><head><script>var a;</script><style>p{{}}</style></head><body>{paragraphs(2)}"
            "<object><svg><style>x{}</style><text>Vector label</text></svg><iframe>Frame text</iframe>"
            "</object><noscript><iframe src='/ad'></iframe>No script text</noscript>"
            "<template><script>var b;</script>Template text</template></body></html>")
    page = stripped(html)
    assert "Para 1." in page
    assert not any(word in page for word in ("<script", "<style", "<svg", "<iframe", "<object",
                                             "<noscript", "<template", "label", "Frame", "No script"))


def test_prose_counts_out_the_text_of_every_link_in_a_paragraph_nested_ones_too() -> None:
    tree = LexborHTMLParser("<html><body><p>Plain words here <em>and <a href='/a'>one link</a></em>"
                            " then <a href='/b'>another <b>bold</b></a>.</p></body></html>")
    paragraph = tree.css_first("p")
    expected = len(paragraph.text().strip()) - len("one link") - len("another bold")
    assert prose_map(tree).of(paragraph) == expected


def test_the_prose_core_holds_its_descendants_only_whichever_is_asked_first() -> None:
    sections = "".join(f"<section><div>{paragraphs(1, f'Part {i}')}<em id='e{i}'>x</em></div></section>"
                       for i in range(3))
    tree = LexborHTMLParser(f"<html><body><div id='page'><div id='story'>{sections}</div>"
                            "<div id='rail'><span id='ad'>x</span></div></div></body></html>")
    prose = prose_map(tree)
    assert prose.core is not None and prose.core.mem_id == tree.css_first("#story").mem_id
    asked = ["#ad", "#e1", "section p", "section", "#story", "#page", "#e2", "#rail"]
    answers = {selector: prose.in_core(tree.css_first(selector)) for selector in asked}
    assert answers == {"#ad": False, "#e1": True, "section p": True, "section": True, "#story": False,
                       "#page": False, "#e2": True, "#rail": False}
    fresh = prose_map(tree)  # the same answers asked in another order
    assert {selector: fresh.in_core(tree.css_first(selector)) for selector in reversed(asked)} == answers


@pytest.mark.parametrize("page", [
    "<html class='no-js ad-free share-tools'><body class='ad-layout'>{}</body></html>",
    "<html><body><?php echo $ad; ?><main>{}</main><?xml-stylesheet href='x'?></body></html>",
    "<html itemprop='url' hidden><body>{}</body></html>",
])
def test_odd_roots_and_processing_instructions_never_fail_the_body(page: str) -> None:
    from scraper import extract

    rules = SiteRules(name="t", kind="site", domains=("port.example",),
                      strip=("[class*='ad-']", "[class*='share']"))
    article = extract(page.format(paragraphs(4)), url="https://port.example/dredging",
                      rules=_ruleset(rules))
    assert not any("failed" in warning for warning in article.provenance.warnings)
    assert "Para 3." in article.body


def _ruleset(rules: SiteRules):
    from scraper.rules import LoadedRule, RuleSet

    return RuleSet((LoadedRule(rules),))


def test_a_page_footer_whose_notices_outweigh_a_short_article_goes() -> None:
    notice = ("Nothing on this site is advice; consult a qualified adviser before you act on it, "
              "and note that past performance says nothing about future results of any kind. ")
    page = (f"<html><body><div class='page'><h1>Dredging</h1>{paragraphs(3)}</div>"
            f"<footer><div class='cols'><p>{notice * 3}</p><p>{notice * 3}</p></div></footer></body></html>")
    text = stripped(page)
    assert "Para 2." in text
    assert "qualified adviser" not in text


def test_a_footer_inside_the_article_or_before_any_h1_stays() -> None:
    inside = f"<html><body><article><h1>Dredging</h1><p>Short.</p><footer>{paragraphs(4)}</footer></article></body></html>"
    before = f"<html><body><footer>{paragraphs(4)}</footer><p>{SENTENCE}</p><p>{SENTENCE}</p><p>{SENTENCE}</p></body></html>"
    assert "Para 3." in stripped(inside)
    assert "Para 3." in stripped(before)


def test_a_streamed_react_part_is_not_hidden_but_a_hidden_box_is() -> None:
    parts = "".join(f"<div hidden id='S:{i:x}'>{paragraphs(2, f'Part{i}')}</div>" for i in (0, 10, 31))
    page = (f"<html><body><h1>Dredging</h1><template id='B:0'></template>{parts}"
            "<div hidden id='promo'><p>Win a cruise</p></div></body></html>")
    text = stripped(page)
    assert all(f"Part{i} 1." in text for i in (0, 10, 31))
    assert "Win a cruise" not in text


ACCORDIONS = [
    # a button naming its panel (the panel hidden by an attribute, by style, or for screen readers)
    ("<h3><button aria-controls='a{i}' aria-expanded='false'>Question {i}</button></h3>"
     "<div id='a{i}' hidden>{answer}</div>"),
    ("<a role='button' aria-controls='a{i}'>Question {i}</a>"
     "<div id='a{i}' style='display:none' role='region'>{answer}</div>"),
    # a collapse box wrapping the panel its button names
    ("<h3><button aria-controls='a{i}'>Question {i}</button></h3>"
     "<div style='display: none'><div id='a{i}'>{answer}</div></div>"),
    # a box right after the heading holding an expander, no id named
    ("<h3><button aria-expanded='false'>Question {i}</button></h3>"
     "<div aria-hidden='true' hidden>{answer}</div>"),
]


@pytest.mark.parametrize("accordion", ACCORDIONS)
def test_a_collapsed_panel_a_button_opens_is_not_hidden_text(accordion: str) -> None:
    panes = "".join(accordion.format(i=i, answer=paragraphs(1, f"Answer{i}")) for i in range(3))
    page = (f"<html><body><article><h1>Dredging</h1>{paragraphs(4)}{panes}</article>"
            "<div hidden><p>Win a cruise on the western channel this summer.</p></div>"
            "<button aria-expanded='false'>Menu</button><div hidden class='newsletter'>"
            "<p>Our letter, every Monday, about the harbour and its ships.</p></div></body></html>")
    text = stripped(page)
    assert all(f"Answer{i} 0." in text for i in range(3))
    assert "Win a cruise" not in text
    assert "Our letter" not in text  # opened by a button, but named as boilerplate


def test_code_tokens_named_like_boilerplate_stay_in_the_listing() -> None:
    page = (f"<html><body><article><h1>Git</h1>{paragraphs(4)}<pre><code>"
            "<span class='token comment'># stage every change</span>\ngit add -A</code></pre>"
            "<div class='comments'><p>First!</p></div></article></body></html>")
    text = stripped(page)
    assert "# stage every change" in text
    assert "First!" not in text


def test_a_heading_with_a_weak_layout_name_stays_but_a_weak_box_goes() -> None:
    page = ("<html><body><div class='story'>" + paragraphs(3)
            + "<h3 class='module_header'>Step two: sound the channel</h3>" + paragraphs(3, "Later")
            + "<div class='module_header'>Menu label</div></div></body></html>")
    text = stripped(page)
    assert "Step two: sound the channel" in text
    assert "Later 2." in text
    assert "Menu label" not in text


def test_small_widgets_of_an_article_built_of_widgets_stay_beside_its_large_one() -> None:
    small = (f"<div class='panel widget widget_text'><p>Opening. {SENTENCE}</p></div>"
             "<div class='panel widget widget_headline'><h2>Why dredge now</h2></div>")
    large = f"<div class='panel widget widget_text'>{paragraphs(9)}</div>"
    rail = f"<div class='sidebar widget'><p>Archive of the harbour office. {SENTENCE}</p></div>"
    page = f"<html><body><div class='layout'>{small}{large}</div>{rail}</body></html>"
    text = stripped(page)
    assert "Opening." in text and "Why dredge now" in text and "Para 8." in text
    assert "Archive of the harbour office" not in text


def test_an_article_written_straight_into_divs_is_prose_and_survives_a_weak_name() -> None:
    teasers = "".join(f"<div class='teaser'><h2><a href='/t{i}'>Teaser {i}</a></h2><p>0{i}/12/2031</p></div>"
                      for i in range(5))
    page = (f"<html><body><article><div class='page-header'><div>Standfirst. {SENTENCE} {SENTENCE}</div>"
            f"</div><div class='list'>{teasers}</div></article>"
            f"<div class='legal'>Legal. {SENTENCE}</div></body></html>")
    tree = LexborHTMLParser(page)
    prose = prose_map(tree)
    assert prose.of(tree.css_first("article")) > 2 * len(SENTENCE)
    assert prose.of(tree.css_first(".legal")) == 0
    assert "Standfirst." in stripped(page)


def test_printed_microdata_goes_but_only_for_the_exact_property_names() -> None:
    page = ("<html><body><article><h1>Dredging</h1><span itemprop='author'>Ann Lee</span>"
            "<meta itemprop='datePublished' content='2031-03-01'><span itemprop='Keywords'>tides</span>"
            "<span itemprop='name headline'>Board votes</span>"
            f"<div itemprop='description'>{paragraphs(4)}</div>{paragraphs(2, 'Body')}"
            "</article></body></html>")
    text = stripped(page)
    assert "Ann Lee" not in text
    assert "tides" in text and "Board votes" in text  # not the exact names listed
    assert "Para 3." in text and "Body 1." in text  # a property holding paragraphs stays


def test_a_button_between_words_of_a_sentence_is_read_as_words() -> None:
    page = ("<html><body><main>" + paragraphs(3) + "<p>“We dredge in spring,” said harbour master"
            "<button class='card-launcher'>Ann Lee,</button> who runs the board.</p>"
            "<p>Read it later <button>Save</button></p><p>Share: <button>Email</button>.</p>"
            "</main></body></html>")
    text = " ".join(stripped(page).split())
    assert "said harbour master Ann Lee, who runs the board." in text
    assert "Save" not in text and "Email" not in text


def test_an_author_box_after_the_article_goes_but_an_author_wrapped_article_stays() -> None:
    bio = ("<div class='post-authors'><div class='author-info'><p>Dana Reyes is a staff writer who "
           "covers ports and shipping; before that she reported on city hall for ten years.</p>"
           "</div></div>")
    page = f"<html><body><article><h1>Dredging</h1>{paragraphs(5)}{bio}</article></body></html>"
    text = stripped(page)
    assert "Para 4." in text and "Dana Reyes" not in text
    wrapped = f"<html><body><div class='author-page'><h1>Dredging</h1>{paragraphs(5)}</div></body></html>"
    assert "Para 4." in stripped(wrapped)


def test_a_header_titling_a_section_of_the_article_stays_but_a_teasers_header_goes() -> None:
    items = "".join(f"<section class='item'><header><h2>Trail {i}</h2></header>"
                    f"<div><p>Trail{i}. {SENTENCE}</p></div></section>" for i in range(4))
    teaser = ("<article><a href='/t'><figure></figure><header><h3>Ferry strike ends</h3></header>"
              "</a></article>")
    page = f"<html><body><header><h2>City Guide</h2></header><article><h1>Bike trails</h1>{items}{teaser}</article></body></html>"
    text = stripped(page)
    assert all(f"Trail {i}" in text for i in range(4))
    assert "Ferry strike ends" not in text and "City Guide" not in text
