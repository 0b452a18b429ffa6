"""The article read from a script's data when the visible page has none.

Single-page apps ship the article as data and draw it in the browser: escaped HTML inside a
JSON string (Next.js `__NEXT_DATA__` and flight chunks, `window.__STATE__ = {...}`, a
`push({...})` call), or schema.org `articleBody` in JSON-LD. When our reading of the page is
(nearly) empty, every long string of such data that holds paragraphs is read like a page and
the one with the most prose wins. Reading is bounded: a few hundred decode attempts per script
and a cap on the script text read, so a hostile page costs linear time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..document import Document
from ..nesting import limit_nesting
from .blocks import TextBlock, text_blocks
from .boilerplate import non_body_nodes
from .content import find_main_content
from .lines import text_key
from .rule_reading import prose_chars

MIN_DATA_CHARS = 200           # a string shorter than this is not an article
DATA_ADVANTAGE = 2             # the data's article holds this many times the visible text...
MIN_SHARED = 0.5               # ...and this share of the visible paragraphs
MAX_SCRIPT_CHARS = 5_000_000   # script text read per page
MAX_DECODE_ATTEMPTS = 300      # JSON values tried per script
MAX_WALK = 100_000             # JSON nodes visited per decoded value
_HTML_MARKS = ("<p", "<P", "\\u003cp", "\\u003Cp", "\\x3cp", "\\x3Cp", "<br")
_JSON_STARTS = "{["


def script_reading(document: Document) -> list[TextBlock]:
    """The blocks of the richest article found in the page's script data (or [])."""
    best: list[TextBlock] = []
    best_prose = 0
    for text in _article_strings(document):
        blocks = _read_fragment(text)
        prose = prose_chars(blocks)
        if prose > best_prose:
            best, best_prose = blocks, prose
    return best


def extends(from_data: list[str], visible: list[str]) -> bool:
    """True when the data's article is the page's article, and much more of it than is visible.

    The visible text is empty, or its paragraphs mostly appear in the data's article (a page
    may preload other stories' data: a longer article that is not this one never wins).
    """
    data_chars, visible_chars = sum(map(len, from_data)), sum(map(len, visible))
    if data_chars < max(MIN_DATA_CHARS, DATA_ADVANTAGE * visible_chars):
        return False
    if visible_chars < MIN_DATA_CHARS:
        return True
    data_key = " ".join(text_key(paragraph) for paragraph in from_data)
    shared = sum(len(paragraph) for paragraph in visible if text_key(paragraph) in data_key)
    return shared >= MIN_SHARED * visible_chars


def _article_strings(document: Document) -> Iterator[str]:
    """Long strings of the page's data that look like article HTML or text."""
    for obj in document.jsonld:
        body = obj.get("articleBody")
        if isinstance(body, str) and len(body) >= MIN_DATA_CHARS:
            yield body if "<" in body else _paragraphs_as_html(body)
    budget = MAX_SCRIPT_CHARS
    for script in LexborHTMLParser(document.html).css("script:not([src])"):
        code = script.text(deep=True) or ""
        budget -= len(code)
        if budget < 0:
            return
        if not any(mark in code for mark in _HTML_MARKS):
            continue
        for value in _json_values(code):
            yield from _html_strings(value)


def _json_values(code: str) -> Iterator[Any]:
    """Decode the JSON values embedded in a script, left to right."""
    decoder = json.JSONDecoder()
    position, attempts = 0, 0
    while attempts < MAX_DECODE_ATTEMPTS:
        starts = [index for index in (code.find(c, position) for c in _JSON_STARTS) if index >= 0]
        if not starts:
            return
        start = min(starts)
        attempts += 1
        try:
            value, end = decoder.raw_decode(code, start)
        except (ValueError, RecursionError):  # not JSON here, or nested past the decoder's limit
            position = start + 1
            continue
        yield value
        position = end


def _html_strings(value: Any) -> Iterator[str]:
    """Every long string inside a decoded JSON value that holds paragraph markup."""
    stack, visited = [value], 0
    while stack and visited < MAX_WALK:
        item = stack.pop()
        visited += 1
        if isinstance(item, str):
            if len(item) >= MIN_DATA_CHARS and ("<p" in item or "<P" in item or "<br" in item):
                yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _paragraphs_as_html(text: str) -> str:
    """Plain text with line breaks as HTML paragraphs."""
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _read_fragment(fragment: str) -> list[TextBlock]:
    """Read an HTML fragment as a page: captions out, the most article-like container kept."""
    tree = LexborHTMLParser(f"<html><body>{limit_nesting(fragment)}</body></html>")
    if tree.body is None:
        return []
    for node in tree.css("script, style, noscript, template, iframe"):
        node.decompose()
    nodes: dict = {}
    blocks = text_blocks(tree.body, nodes, non_body_nodes(tree))
    return find_main_content(blocks, nodes).blocks
