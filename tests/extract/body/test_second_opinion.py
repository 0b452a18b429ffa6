"""trafilatura is asked only when our reading may be a fragment, and then fused with ours."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body.blocks import text_blocks
from scraper.extract.body.second_opinion import MAX_CONTAINED_SEARCHES, fuse, needs_second_opinion

SENTENCE = ("The ferry company ordered two electric boats for the island route, which it says "
            "will halve the crossing's noise and cut its fuel bill by a third from next year.")


def blocks_of(html: str) -> list:
    tree = LexborHTMLParser(html)
    return text_blocks(tree.body)


def test_a_long_reading_that_leaves_no_prose_out_needs_no_second_opinion() -> None:
    blocks = blocks_of("<body>" + "".join(f"<p>{i}. {SENTENCE}</p>" for i in range(6))
                       + "<div><a href='/x'>Home</a></div></body>")
    ours = [b for b in blocks if b.text[0].isdigit()]
    assert not needs_second_opinion(ours, blocks)


def test_a_short_reading_needs_a_second_opinion_when_prose_lies_outside_it() -> None:
    blocks = blocks_of(f"<body><p>{SENTENCE}</p><div><p>Other: {SENTENCE}</p></div></body>")
    assert needs_second_opinion(blocks[:1], blocks)


def test_a_short_reading_holding_all_the_prose_needs_no_second_opinion() -> None:
    blocks = blocks_of(f"<body><p>{SENTENCE}</p><div><a href='/x'>Home</a></div></body>")
    assert not needs_second_opinion(blocks[:1], blocks)
    kept, strategy = fuse(blocks[:1], blocks, [SENTENCE, "Home"])  # what asking would give
    assert (kept, strategy) == (blocks[:1], "scraper")


def test_an_empty_reading_needs_a_second_opinion() -> None:
    blocks = blocks_of("<body><div><a href='/x'>Home</a></div></body>")
    assert needs_second_opinion([], blocks)


def test_prose_left_outside_our_reading_needs_a_second_opinion() -> None:
    blocks = blocks_of("<body>" + "".join(f"<p>{i}. {SENTENCE}</p>" for i in range(8)) + "</body>")
    assert needs_second_opinion(blocks[:6], blocks)
    assert not needs_second_opinion(blocks, blocks)


def test_fusion_adds_the_prose_only_trafilatura_found_in_page_order() -> None:
    blocks = blocks_of("<body>" + "".join(f"<p>{i}. {SENTENCE}</p>" for i in range(4)) + "</body>")
    kept, strategy = fuse(blocks[:2], blocks, [blocks[1].text, blocks[3].text])
    assert strategy == "fused"
    assert [b.text[0] for b in kept] == ["0", "1", "3"]


def test_a_fused_reading_takes_the_headings_and_list_links_trafilatura_kept_inside_it() -> None:
    blocks = blocks_of("<body><p>0. " + SENTENCE + "</p><h2>Patches</h2><ul><li><a href='/1'>Fix the "
                       "ferry timetable parser</a></li></ul><p><a href='/also'>Also read: the new pier</a></p>"
                       "<p>1. " + SENTENCE + "</p><h2>Comments</h2><p>Nice</p></body>")
    texts = [b.text for b in blocks]
    kept, strategy = fuse(blocks[:1], blocks, texts)
    assert strategy == "fused"
    assert [b.text for b in kept] == [texts[0], "Patches", "Fix the ferry timetable parser", texts[4]]


def test_a_table_trafilatura_kept_inside_a_fused_reading_joins_it_cell_by_cell() -> None:
    rows = "".join(f"<tr><td><p>Feature {i}</p></td><td><p>Done</p></td><td><p>60%</p></td></tr>"
                   for i in range(3))
    blocks = blocks_of(f"<body><p>0. {SENTENCE}</p><table><tr><th>Feature</th><th>State</th>"
                       f"<th>Share</th></tr>{rows}</table><p>1. {SENTENCE}</p></body>")
    theirs = [blocks[0].text, "| Feature | State | Share |", "|---|---|---|",
              *(f"| Feature {i} | Done | 60% |" for i in range(3)), blocks[-1].text]
    kept, strategy = fuse(blocks[:1], blocks, theirs)
    assert strategy == "fused"
    assert kept == blocks  # every "Done" and "60%" cell, not the first one three times


def test_lines_found_only_inside_our_blocks_are_searched_for_a_bounded_number_of_times() -> None:
    # Each of trafilatura's lines is the tail of one of our paragraphs: found by a search
    # through our blocks, which is done for at most MAX_CONTAINED_SEARCHES lines of a page.
    count = MAX_CONTAINED_SEARCHES + 20
    blocks = blocks_of("".join(f"<p>Paragraph number {i} says: {SENTENCE}</p>" for i in range(count)))
    lines = [f"number {i} says: {SENTENCE}" for i in range(count)]
    fused, source = fuse([], blocks, lines)
    assert source == "trafilatura"
    assert fused == blocks[:MAX_CONTAINED_SEARCHES]
