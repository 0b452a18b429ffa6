"""Marks of the elements that hold a picture or a caption attribute, and what they replace."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.credits.collect import collect_pictures
from scraper.extract.credits.lone import lone_picture_texts
from scraper.extract.credits.marks import SELECTOR_PART, mark_pictures
from scraper.extract.credits.patterns import IMG_SELECTOR
from scraper.extract.credits.texts import data_caption
from scraper.extract.document import parse_document

TAGS = frozenset({"p", "h1", "img", "amp-img"})
PAGE = """<html><body><h1>Pier</h1>
<div id=gallery data-caption="The gallery"><img id=a src=/a.jpg data-caption="Slip at dawn">
<p id=first>Text</p><div id=lone><span id=credit>Foto: Jan Ott</span></div>
<div id=next><amp-img id=b src=/b.jpg></amp-img></div></div>
<section id=plain><p id=second>More text</p></section>
<div id=outer><div id=inner data-image-caption="Harbour lights"></div></div>
</body></html>"""


def _marked(html: str = PAGE):
    tree = LexborHTMLParser(html)
    return tree, *mark_pictures(tree.body.css(f"p, h1, {SELECTOR_PART}"), TAGS)


def test_each_listed_element_once_in_document_order() -> None:
    _, listed, _ = _marked()
    assert [tag for _, tag, _ in listed] == ["h1", "img", "p", "amp-img", "p"]
    assert all(node.tag == tag and node.mem_id == node_id for node, tag, node_id in listed)


def test_the_marks_answer_what_a_query_per_element_answers() -> None:
    tree, _, marks = _marked()
    for node in tree.body.css("*"):
        assert marks.holds_picture(node) == (node.css_first(IMG_SELECTOR) is not None), node.id
        assert marks.holds_caption_attribute(node) == (
            node.css_first("[data-caption], [data-image-caption]") is not None), node.id


def test_caption_attributes_read_with_marks_as_without() -> None:
    tree, _, marks = _marked()
    for node in tree.body.css("*"):
        assert data_caption(node, marks) == data_caption(node), node.id
    assert data_caption(tree.css_first("#outer"), marks) == "Harbour lights"
    assert data_caption(tree.css_first("#plain"), marks) is None


def test_the_next_picture_ends_a_lone_pictures_search_with_marks_as_without() -> None:
    tree, _, marks = _marked("<html><body><div><img id=a src=/a.jpg></div><div><img src=/b.jpg>"
                             "</div><p class=caption>Boats at the slip</p></body></html>")
    img = tree.css_first("#a")
    assert lone_picture_texts(img, None, marks=marks) == lone_picture_texts(img, None) \
        == (None, None)


def test_a_caption_attribute_on_a_picture_is_read_once_listed_twice() -> None:
    document = parse_document('<html><body><p>Text</p><img src="https://x.org/a.jpg" '
                              'data-caption="Slip at dawn"><p>More</p></body></html>',
                              "https://x.org/story")
    page = collect_pictures(document, None)
    assert [picture.image.caption for picture in page.pictures] == ["Slip at dawn"]
    assert sorted(page.positions.values()) == [0, 2]


def test_pictures_sharing_a_wrapper_read_with_marks_as_without() -> None:
    html = ("<html><body><div id=w><div><img id=a src=/a.jpg></div><span>Boats at the slip</span>"
            "<div><img id=b src=/b.jpg></div><span>Foto: Jan Ott</span></div>"
            "<div id=v><img id=c src=/c.jpg><span>Nets drying on the quay</span></div>"
            "</body></html>")
    tree, _, marks = _marked(html)
    for name in ("a", "b", "c", "a", "c"):  # the wrappers' readings are remembered in marks
        img = tree.css_first(f"#{name}")
        assert lone_picture_texts(img, None, marks=marks) == lone_picture_texts(img, None)
    assert lone_picture_texts(tree.css_first("#c"), None, marks=marks)[0] \
        == "Nets drying on the quay"
    assert marks.wrappers
