"""Text blocks and the main content on pages nested hundreds of levels deep."""

from __future__ import annotations

from scraper import extract
from scraper.extract.body.blocks import MAX_BLOCK_ANCESTORS, text_blocks
from scraper.extract.document import parse_document

SENTENCE = "Paragraph {} says the harbour reopened on Monday after a week of repairs to the wall."


def test_a_deep_block_keeps_its_nearest_block_ancestors_only() -> None:
    depth = MAX_BLOCK_ANCESTORS + 150
    html = "<html><body>" + "<section>" * depth + "<p>Deep text.</p>" + "</section>" * depth
    tree = parse_document(html).tree
    [block] = [b for b in text_blocks(tree.body) if b.text == "Deep text."]
    assert len(block.ancestors) == MAX_BLOCK_ANCESTORS
    assert block.ancestors[-1] == block.node.mem_id
    assert block.ancestors[-2] == block.node.parent.mem_id


def test_a_shallow_block_lists_every_block_ancestor_outermost_first() -> None:
    tree = parse_document("<html><body><main><div><p>Text <b>here</b>.</p></div></main></body></html>").tree
    [block] = text_blocks(tree.body)
    assert [tree.body.mem_id, *(n.mem_id for n in tree.css("main, div, p"))] == block.ancestors


def test_thousands_of_paragraphs_under_hundreds_of_levels_are_the_body() -> None:
    sentences = [SENTENCE.format(n) for n in range(3000)]
    html = ("<html><body>" + "<div>" * 400 + "".join(f"<p>{s}</p>" for s in sentences)
            + "</div>" * 400 + "</body></html>")
    assert extract(html, "https://news.example.com/a/").body == "\n\n".join(sentences)
