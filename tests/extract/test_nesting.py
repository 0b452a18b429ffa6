"""Nesting is capped before parsing: a page nested deeper than any real one parses in linear
time, and a real page is left exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper import extract
from scraper.extract.nesting import (
    MAX_DEPTH,
    _run,
    _Scan,
    _surely_shallow,
    _walk_cut,
    cut_nesting,
    limit_nesting,
    opening_bound,
    tag_names,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

HOSTILE = {
    "divs": lambda n: "<div>" * n,
    "lists": lambda n: "<ul><li>" * n,
    "no closing brackets": lambda n: "<div" * n,
    "unclosed comments": lambda n: "<!--" * n,
    "unclosed script": lambda n: "<script>" + "<div>" * n,
    "stray end tags": lambda n: "<div>" * 600 + "</span>" * n,
    "long names": lambda n: "<" + "d" * (50 * n),
}


def _work(html: str) -> int:
    scan = _Scan(html, MAX_DEPTH)
    _run(scan)
    return scan.scanned


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_scan_looks_at_each_character_a_bounded_number_of_times(name: str) -> None:
    small, large = HOSTILE[name](10_000), HOSTILE[name](20_000)
    assert _work(small) <= 2 * len(small) and _work(large) <= 2 * len(large)
    assert _work(large) <= 2 * _work(small) + 1_000


def test_open_elements_past_the_cap_are_dropped_with_their_end_tags_and_text_kept() -> None:
    html = "<div>" * 5 + "<p>deep</p>" + "</div>" * 5 + "<p>after</p>"
    assert limit_nesting(html, max_depth=3) == "<div>" * 3 + "<p>deep</p>" + "</div>" * 3 + \
        "<p>after</p>"


def test_elements_the_parser_closes_itself_and_svg_shapes_do_not_count() -> None:
    html = ("<ul>" + "<li>item" * 50 + "</ul><p>a<p>b" + "<svg>" + "<path d='M0'/>" * 50
            + "</svg>")
    assert limit_nesting(html, max_depth=3) == html


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.html"))[:40],
                         ids=lambda path: path.name)
def test_real_pages_are_left_unchanged(fixture: Path) -> None:
    html = fixture.read_text(encoding="utf-8", errors="replace")
    assert limit_nesting(html) == html


def test_a_page_of_twenty_thousand_nested_divs_still_gives_its_text() -> None:
    html = ("<html><body>" + "<div>" * 20_000 + "<p>The harbour reopened on Monday after "
            "a week of repairs to the sea wall, the port authority said.</p>" + "</div>" * 20_000
            + "</body></html>")
    assert "harbour reopened" in extract(html, "https://news.example.com/a/").body


def test_a_cut_page_says_so_in_its_warnings_and_a_real_page_does_not() -> None:
    deep = ("<html><body>" + "<div>" * (MAX_DEPTH + 10) + "<p>The harbour reopened on Monday "
            "after a week of repairs to the sea wall, the port authority said.</p></body></html>")
    warnings = extract(deep, "https://news.example.com/a/").provenance.warnings
    assert any(f"nested deeper than {MAX_DEPTH} levels: 10 start tags" in w for w in warnings)
    shallow = deep.replace("<div>" * (MAX_DEPTH + 10), "<div>" * 3)
    assert not any("nested deeper" in w for w in extract(shallow).provenance.warnings)


def test_cut_nesting_counts_the_start_tags_it_drops() -> None:
    assert cut_nesting("<div>" * 5 + "x" + "</div>" * 5, max_depth=3) == \
        ("<div>" * 3 + "x" + "</div>" * 3, 2)
    assert cut_nesting("<p>x</p>", max_depth=3) == ("<p>x</p>", 0)


def test_an_article_in_script_data_nested_past_the_cap_is_read() -> None:
    sentences = [f"Paragraph {n} says the harbour reopened after a week of repairs to the wall."
                 for n in range(20)]
    depth = 3 * MAX_DEPTH
    inner = "<div>" * depth + "".join(f"<p>{text}</p>" for text in sentences) + "</div>" * depth
    data = json.dumps({"props": {"article": {"html": inner}}})
    html = (f"<html><head><script id='__NEXT_DATA__' type='application/json'>{data}</script>"
            "</head><body><div id='root'>Loading</div></body></html>")
    body = extract(html, "https://news.example.com/a/").body
    assert body == "\n\n".join(sentences)


# The fast path (a bound on the depth from counts of tags) must give the walk's result on
# every page: it may only say "nothing to cut" when the walk would cut nothing.
DEEP = MAX_DEPTH + 40
BOUND_CASES = {
    "end tags inside comments do not close": ("<div><!-- a > b </div> -->" * DEEP, False),
    "an unclosed comment hides the rest": ("<div>" * 10 + "<!--" + "<div>" * DEEP, True),
    "end tags inside scripts do not close": ("<div><script>x='</div>'</script>" * DEEP, False),
    "end tags inside attributes do not close": ("<div title='</div>'>" * DEEP, False),
    "start tags inside raw text do not open": ("<textarea>" + "<div>" * DEEP + "</textarea>"
                                                "<style>" + "<div>" * DEEP, True),
    "a raw-text end tag in another case ends it": ("<SCRIPT>x</sCrIpT>" + "<div>" * DEEP,
                                                     False),
    "a shorter name does not end raw text": ("<script></scrip>" + "<div>" * DEEP, True),
    "an end tag starting with the name ends raw text": ("<script></scripts>" + "<div>" * DEEP,
                                                        False),
    "self-closed shapes inside svg do not nest": ("<svg>" + "<path/>" * DEEP + "</svg>", None),
    "stray end tags of another name do not close": ("</span>" * DEEP + "<div>" * DEEP, False),
    "stray end tags before the start tags do not close": ("</div>" * DEEP + "<div>" * DEEP,
                                                           False),
    "case differs between start and end tags": ("<DIV>x</div>" * DEEP, True),
    "start tags without a closing bracket": ("<div" * DEEP + ">", True),
    "end names are cut one character shorter than start names":
        (("<" + "a" * 70 + ">x</" + "a" * 70 + ">") * DEEP, False),
    "balanced markup far past the batch size": ("<section><div><span>x</span></div></section>"
                                                * 5_000, True),
    "elements the parser closes itself": ("<ul>" + "<li><p>x" * DEEP + "</ul>", True),
    "as many start tags as the limit, never closed": ("<div>" * MAX_DEPTH, True),
    "one more start tag than the limit, never closed": ("<div>" * (MAX_DEPTH + 1), False),
    "more start tags than the limit, closed in turn": ("<div>x</div>" * (MAX_DEPTH + 1), True),
}


@pytest.mark.parametrize("name", sorted(BOUND_CASES))
def test_the_depth_bound_gives_the_walks_result(name: str) -> None:
    html, shallow = BOUND_CASES[name]
    assert cut_nesting(html) == _walk_cut(html, MAX_DEPTH)
    if shallow is not None:  # None: either way is sound
        assert _surely_shallow(html, MAX_DEPTH) is shallow


PIECES = ["<div>", "</div>", "<DIV class=a>", "</span>", "<span>", "<p>", "</p>", "<br>",
          "<!-- > </div> -->", "<!--", "-->", "<script>'</div>'</script>", "<script>",
          "</SCRIPT>", "<a title='</div>'>", "<div title='>", "<svg>", "</svg>", "<path/>",
          "<div", ">", "x", "<!doctype html>", "< div>"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=200), st.integers(min_value=1, max_value=6),
       st.integers(min_value=1, max_value=4))
def test_the_depth_bound_never_clears_a_page_the_walk_would_cut(pieces: list[str], depth: int,
                                                               batch: int) -> None:
    html = "".join(pieces)
    assert cut_nesting(html, depth) == _walk_cut(html, depth)
    if _surely_shallow(html, depth, batch):
        assert _walk_cut(html, depth) == (html, 0)
    if opening_bound(tag_names(html.encode())) <= depth:
        assert _walk_cut(html, depth) == (html, 0)


def test_the_count_of_start_tags_leaves_out_only_names_the_walk_never_opens() -> None:
    html = "<P>a<br/><IMG src=x><script>'<div>'</script><Div2><div-x a=1><a:b>" + "x" * 3
    assert opening_bound(tag_names(html.encode())) == 4  # div (in the script), Div2, div-x, a:b
