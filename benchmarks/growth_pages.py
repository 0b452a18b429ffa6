"""Synthetic page shapes for the growth report: each a function of n, deterministic.

Each shape is a page a real or hostile server could send, with one thing repeated n times
(figures, nesting levels, paragraphs, quotation marks ...). The text is made of varied
sentences so that no extractor can fold the repeats into one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass

_WORDS = ["council", "members", "voted", "on", "the", "new", "budget", "after", "a", "long", "debate", "about", "schools", "roads", "and", "housing", "while", "residents", "waited", "outside", "the", "hall", "for", "news", "of", "the", "decision", "that", "would", "shape", "their", "district", "for", "years", "to", "come", "because", "funding", "had", "fallen", "short", "again", "this", "spring", "and", "teachers", "warned", "that", "classes", "would", "grow", "larger", "unless", "the", "plan", "changed", "quickly", "before", "the", "summer", "recess", "when", "most", "officials", "leave", "the", "city", "for", "their", "homes"]
_NAMES = ("Maria Lopez", "John Carter", "Aiko Tanaka", "Pierre Dubois", "Anna Schmidt",
          "David Okafor", "Laura Rossi", "Sven Larsen")


def sentence(rng: random.Random, words: int = 14) -> str:
    """A capitalised sentence of varied words ending with a full stop."""
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    """A few sentences: prose, 80+ characters."""
    return " ".join(sentence(rng) for _ in range(sentences))


def page(body: str, head: str = "", dated: bool = True,
         byline: str = "<p class='byline'>By Jane Doe</p>") -> str:
    """A whole article page around the given body markup (undated: no date near the headline)."""
    date = "<time datetime='2024-03-01T09:00:00Z'>1 March 2024</time>" if dated else ""
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<title>Council passes budget | Daily Growth</title>"
            f"<meta property='og:title' content='Council passes budget'>{head}</head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            f"<article><h1>Council passes budget</h1>{byline}{date}"
            f"{body}</article><footer>Daily Growth</footer></body></html>")


def figures(n: int) -> str:
    """n paragraphs, each followed by a figure with a captioned, credited image."""
    rng = random.Random(1)
    parts = []
    for index in range(n):
        name = _NAMES[index % len(_NAMES)]
        parts.append(f"<p>{paragraph(rng)}</p><figure><img src='/img/{index}.jpg' "
                     f"alt='{sentence(rng, 6)}'><figcaption>{sentence(rng, 10)} "
                     f"(Photo: {name}/Agency {index % 13})</figcaption></figure>")
    return page("".join(parts))


def deep_nesting(n: int) -> str:
    """n nested divs, a line of text at each level."""
    rng = random.Random(2)
    opening = "".join(f"<div>{sentence(rng, 8)}" for _ in range(n))
    return page(opening + "</div>" * n)


def long_paragraphs(n: int) -> str:
    """n long (400+ characters), distinct paragraphs."""
    rng = random.Random(3)
    return page("".join(f"<p>{paragraph(rng, 7)}</p>" for _ in range(n)))


def quotation_marks(n: int) -> str:
    """n quotation marks: n/2 attributed quotes, five to a paragraph."""
    rng = random.Random(4)
    quotes = [f"“{sentence(rng, 9)[:-1]},” said {_NAMES[i % len(_NAMES)]}."
              for i in range(n // 2)]
    return page("".join(f"<p>{' '.join(quotes[i:i + 5])}</p>" for i in range(0, len(quotes), 5)))


def weak_nesting(n: int) -> str:
    """n nested divs with a weak boilerplate class name, a paragraph in each."""
    rng = random.Random(5)
    opening = "".join(f"<div class='sidebar-widget'><p>{paragraph(rng, 1)}</p>" for _ in range(n))
    return page(f"<p>{paragraph(rng)}</p>" + opening + "</div>" * n)


def long_table(n: int) -> str:
    """A table of n rows of three cells."""
    rng = random.Random(6)
    rows = "".join(f"<tr><td>{index}</td><td>{sentence(rng, 5)}</td><td>{rng.randint(1, 999)}"
                   "</td></tr>" for index in range(n))
    return page(f"<p>{paragraph(rng)}</p><table>{rows}</table><p>{paragraph(rng)}</p>")


def undated_table(n: int) -> str:
    """An undated page whose table, after eight paragraphs, has n rows each dating an event in
    a cell of its own (no date is labelled: the article-wide last resort reads them all)."""
    rng = random.Random(16)
    rows = "".join(f"<tr><td>{sentence(rng, 4)}</td><td>{1 + index % 28} March 2024</td></tr>"
                   for index in range(n))
    paragraphs = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(8))
    return page(f"{paragraphs}<table>{rows}</table><p>{paragraph(rng)}</p>", dated=False)


def long_class(n: int) -> str:
    """A byline whose class is one name of n parts ("author-author-..."), a paragraph after."""
    rng = random.Random(17)
    classes = "-".join(["author"] * n)
    return page(f"<p>{paragraph(rng)}</p>", byline=f"<p class='{classes}'>By Jane Doe</p>")


def many_links(n: int) -> str:
    """n links: a related list and prose paragraphs with inline links, half each."""
    rng = random.Random(7)
    items = "".join(f"<li><a href='/story/{index}'>{sentence(rng, 6)}</a></li>"
                    for index in range(n // 2))
    prose = "".join(f"<p>{sentence(rng)} <a href='/topic/{index}'>{sentence(rng, 3)}</a> "
                    f"{sentence(rng)}</p>" for index in range(n // 2))
    return page(f"{prose}<h2>Related stories</h2><ul>{items}</ul>")


def many_scripts(n: int) -> str:
    """n scripts holding JSON with escaped HTML, and a short visible text (script reading)."""
    rng = random.Random(8)
    scripts = "".join(
        f"<script>window.__state_{index} = {{\"id\": {index}, \"html\": "
        f"\"\\u003cp\\u003e{sentence(rng)}\\u003c/p\\u003e\"}};</script>" for index in range(n))
    return page(f"<p>{sentence(rng)}</p>{scripts}")


def huge_text(n: int) -> str:
    """One paragraph of n words in one text node."""
    rng = random.Random(9)
    return page(f"<p>{' '.join(sentence(rng, 10) for _ in range(n // 10))}</p>")


def many_breaks(n: int) -> str:
    """One paragraph of n lines separated by <br>."""
    rng = random.Random(10)
    return page(f"<p>{'<br>'.join(sentence(rng, 8) for _ in range(n))}</p>")


def section_titles(n: int) -> str:
    """n headings titled like related/comment sections, each with a paragraph, in one parent."""
    rng = random.Random(11)
    titles = ("Read more", "Related", "Comments", "See also", "Most read")
    return page("".join(f"<h3>{titles[index % len(titles)]}</h3><p>{paragraph(rng)}</p>"
                        for index in range(n)))


def dated_bylines(n: int) -> str:
    """n short lines each with a byline and a date (a listing or a comment thread)."""
    rng = random.Random(12)
    lines = "".join(f"<div class='item'><span>By {_NAMES[index % len(_NAMES)]}</span> "
                    f"<span>{1 + index % 28} March 2024</span><p>{sentence(rng)}</p></div>"
                    for index in range(n))
    return page(f"<p>{paragraph(rng)}</p>{lines}")


def deep_lists(n: int) -> str:
    """n nested lists, an item with a line of text at each level."""
    rng = random.Random(13)
    opening = "".join(f"<ul><li>{sentence(rng, 8)}" for _ in range(n))
    return page(opening + "</li></ul>" * n)


def deep_then_wide(n: int) -> str:
    """n paragraphs side by side at the bottom of 500 nested divs (deep, then wide)."""
    rng = random.Random(14)
    paragraphs = "".join(f"<p>{paragraph(rng, 2)}</p>" for _ in range(n))
    return page("<div>" * 500 + paragraphs + "</div>" * 500)


def script_nesting(n: int) -> str:
    """A page whose only article is escaped HTML in script data, nested n divs deep."""
    rng = random.Random(15)
    inner = "".join(f"<div><p>{sentence(rng)}</p>" for _ in range(n)) + "</div>" * n
    data = json.dumps({"props": {"page": {"article": {"html": inner}}}})
    return ("<!doctype html><html><head><title>Council passes budget</title>"
            f"<script id='__NEXT_DATA__' type='application/json'>{data}</script></head>"
            "<body><div id='root'>Loading</div></body></html>")


@dataclass(frozen=True)
class Shape:
    """A page shape: its builder, the largest n measured, and what n counts."""

    build: Callable[[int], str]
    top: int
    unit: str


SHAPES: dict[str, Shape] = {
    "figures": Shape(figures, 2_000, "captioned figures"),
    "deep-nesting": Shape(deep_nesting, 10_000, "nesting levels"),
    "long-paragraphs": Shape(long_paragraphs, 4_000, "paragraphs"),
    "quotation-marks": Shape(quotation_marks, 6_000, "quotation marks"),
    "weak-nesting": Shape(weak_nesting, 4_000, "nested weak-class divs"),
    "long-table": Shape(long_table, 20_000, "table rows"),
    "many-links": Shape(many_links, 20_000, "links"),
    "many-scripts": Shape(many_scripts, 5_000, "scripts"),
    "huge-text": Shape(huge_text, 400_000, "words in one text node"),
    "many-breaks": Shape(many_breaks, 20_000, "<br> lines"),
    "section-titles": Shape(section_titles, 4_000, "related-like headings"),
    "dated-bylines": Shape(dated_bylines, 4_000, "byline and date lines"),
    "deep-lists": Shape(deep_lists, 10_000, "nested list levels"),
    "deep-then-wide": Shape(deep_then_wide, 10_000, "paragraphs under 500 levels"),
    "script-nesting": Shape(script_nesting, 10_000, "nesting levels in script data"),
    "undated-table": Shape(undated_table, 4_000, "dated table rows, no date at the headline"),
    "long-class": Shape(long_class, 20_000, "parts of one class name"),
}
