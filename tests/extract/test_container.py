"""The article's own container: one definition for the body, the dates, bylines and tags."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.container import (
    _CONTAINER_TAG_IDS,
    _TOP_TAG_IDS,
    TOP_TAGS,
    PageArticle,
    is_article_container,
    own_containers,
)
from scraper.extract.nodes import _ROOT_TAG_IDS, ROOT_TAGS


def body_of(html: str) -> LexborNode:
    return LexborHTMLParser(f"<html><body>{html}</body></html>").body


@pytest.mark.parametrize("element", [
    "<article>x</article>",
    "<main>x</main>",
    "<div role='MAIN'>x</div>",
    "<div itemprop='text articleBody'>x</div>",
    "<div itemscope itemtype='https://schema.org/NewsArticle'>x</div>",
    "<div itemscope itemtype='http://schema.org/BlogPosting'>x</div>",
])
def test_marks_of_an_article_container(element: str) -> None:
    assert is_article_container(body_of(element).child)


@pytest.mark.parametrize("element", [
    "<div class='article'>x</div>",
    "<section>x</section>",
    "<div itemprop='author'>x</div>",
    "<div itemscope itemtype='https://schema.org/Person'>x</div>",
])
def test_other_elements_are_not_containers(element: str) -> None:
    assert not is_article_container(body_of(element).child)


def ids(nodes: list[LexborNode]) -> list[str | None]:
    return [node.attributes.get("id") for node in nodes]


def test_an_article_item_is_the_pages_own_when_it_holds_the_h1() -> None:
    assert ids(own_containers(body_of("<article id='story'><h1>T</h1><p>x</p></article>"))) == ["story"]
    assert own_containers(body_of("<h1>T</h1><article id='teaser'><p>x</p></article>")) == []


def test_among_teasers_the_article_holding_the_h1_is_the_pages_own() -> None:
    body = body_of("<aside><article id='t1'>a</article><article id='t2'>b</article></aside>"
                   "<article id='story'><h1>T</h1><p>x</p></article>")
    assert ids(own_containers(body)) == ["story"]


def test_a_teaser_list_alone_gives_no_container() -> None:
    body = body_of("<h1>Latest</h1><article id='t1'>a</article><article id='t2'>b</article>")
    assert own_containers(body) == []


def test_main_marks_are_always_the_pages_own() -> None:
    body = body_of("<div id='body' itemprop='articleBody'><p>x</p></div>"
                   "<article>a</article><article>b</article>")
    assert ids(own_containers(body)) == ["body"]


def test_held_by_the_container_and_its_wrappers_not_by_its_siblings() -> None:
    body = body_of("<div id='page' class='has-sidebar'><div id='col'><main id='m'><p>x</p></main></div>"
                   "<div id='side'><article>teaser</article><article>teaser</article></div></div>")
    article = PageArticle(body)
    held = {node.attributes.get("id"): article.held_by(node) for node in body.css("[id]")}
    assert held == {"page": True, "col": True, "m": True, "side": False}


def test_an_h1_that_is_a_main_mark_is_one_and_has_its_container() -> None:
    body = body_of("<article id='story'><h1 id='head' role='main'>T</h1><p>x</p></article>")
    assert ids(own_containers(body)) == ["head", "story"]


def test_main_marks_come_first_then_each_h1s_container_in_page_order() -> None:
    body = body_of("<main id='main'><h1>A</h1></main>"
                   "<article id='story'><h1>B</h1></article><div id='text' itemprop='articleBody'>x</div>")
    assert ids(own_containers(body)) == ["main", "text", "main", "story"]


def test_tag_ids_stand_for_the_tag_names() -> None:
    """The ids the container and walk-up tests compare name the same elements as the tags."""
    tree = LexborHTMLParser("<body><article><main><svg><main/><html/></svg><ARTICLE>x</ARTICLE>"
                            "<math><mi><main></main></mi></math><main-x></main-x>"
                            "<articles></articles></main></article></body>")
    root = tree.root
    assert root is not None and root.parent is not None
    for node in (root.parent, root, *root.traverse(include_text=True)):
        assert (node.tag in ("article", "main")) == (node.tag_id in _CONTAINER_TAG_IDS)
        assert (node.tag in TOP_TAGS) == (node.tag_id in _TOP_TAG_IDS)
        assert (node.tag in ROOT_TAGS) == (node.tag_id in _ROOT_TAG_IDS)
