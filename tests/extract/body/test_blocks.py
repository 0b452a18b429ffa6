"""Text blocks: runs of inline text between block elements, with their link characters."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body.blocks import text_blocks


def blocks_of(html: str, skip: str | None = None) -> list[tuple[str, str, int]]:
    tree = LexborHTMLParser(html)
    skipped = {node.mem_id for node in tree.css(skip)} if skip else set()
    return [(block.tag, block.text, block.link_chars) for block in text_blocks(tree.body, None, skipped)]


def test_blank_lines_between_blocks_make_no_block_and_breaks_split_runs() -> None:
    html = ("<body>\n  <div>\n  <p>One <b>bold</b> line</p>\n  <br><br> <span>two</span> <b>three</b>\n"
            "  </div>\n</body>")
    assert blocks_of(html) == [("p", "One bold line", 0), ("div", "two three", 0)]


def test_link_text_is_counted_and_inline_elements_join_their_block() -> None:
    html = "<body><div>  <a href='/x'>Home  page</a> and <custom-tag>more</custom-tag> words</div></body>"
    assert blocks_of(html) == [("div", "Home page and more words", len("Home page"))]


def test_skipped_elements_scripts_and_comments_add_no_text() -> None:
    html = ("<body><p>Kept<!-- note --> text<script>var x = 1;</script></p>"
            "<figure><figcaption>Caption</figcaption></figure><p>After</p></body>")
    assert blocks_of(html, skip="figure") == [("p", "Kept text", 0), ("p", "After", 0)]
