"""extract() never raises: generated, truncated and damaged pages, huge and deep pages."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper import extract
from scraper.models import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = sorted(FIXTURES.glob("pages/*.html"))[:12] or sorted(FIXTURES.rglob("*.html"))[:12]
DEMO_PAGES = sorted((Path(__file__).resolve().parents[2] / "scraper/demo/site").rglob("index.html"))

TAGS = ["p", "div", "span", "a", "h1", "h2", "article", "figure", "figcaption", "time", "script",
        "style", "table", "td", "tr", "li", "ul", "br", "blockquote", "nav", "header", "meta"]
ATTRS = ['class="entry-content"', 'itemprop="articleBody"', 'datetime="2024-05-03T10:00:00Z"',
         'href="/news/2024/05/03/x/"', 'class="related"', 'property="og:title" content="T"',
         'type="application/ld+json"', 'style="display:none"', 'class="share"']
WORDS = ["Harbour", "“We will,”", "she said.", "Photo by Ann Lee on Unsplash", "03.05.2024",
         "By Jane Doe", "«", "»", "„", "“", "&amp;", "&#x0;", "\x00", "ünïcödé", "<!--", "-->",
         "{\"@type\": \"NewsArticle\"", "]]>", "<![CDATA[", "Read more"]

markup = st.recursive(
    st.sampled_from(WORDS),
    lambda children: st.builds(
        lambda tag, attr, inner, close: f"<{tag} {attr}>{''.join(inner)}" + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS), st.sampled_from(ATTRS), st.lists(children, max_size=6), st.booleans()),
    max_leaves=60,
)


def _check(article: Article) -> None:
    assert isinstance(article, Article)
    record = article.to_dict()
    assert isinstance(record["body"], str)
    assert all(isinstance(name, str) for name in record["authors"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup, st.sampled_from([None, "https://news.example.com/2024/05/03/story/", "not a url"]))
def test_generated_markup_never_raises(page: str, url: str | None) -> None:
    _check(extract(page, url=url))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(content: bytes) -> None:
    _check(extract(content))


@pytest.mark.parametrize("page", DEMO_PAGES[:6], ids=lambda p: p.parent.name)
def test_truncated_pages_never_raise(page: Path) -> None:
    content = page.read_bytes()
    for cut in (1, 17, len(content) // 7, len(content) // 3, len(content) // 2, len(content) - 5):
        _check(extract(content[:cut], url="https://demo.example/a/"))


@pytest.mark.parametrize("page", DEMO_PAGES[:6], ids=lambda p: p.parent.name)
def test_damaged_bytes_never_raise(page: Path) -> None:
    rng = random.Random(page.name)
    content = bytearray(page.read_bytes())
    for _ in range(5):
        damaged = bytearray(content)
        for _ in range(max(1, len(damaged) // 200)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        _check(extract(bytes(damaged), url="https://demo.example/a/"))


def test_deeply_nested_page_is_extracted() -> None:
    text = "Deep text that is long enough to read as a paragraph of an article about the harbour."
    page = "<html><body>" + "<div>" * 10_000 + f"<p>{text}</p>" + "</div>" * 10_000 + "</body></html>"
    article = extract(page, url="https://x.example/deep/")
    assert text in article.body


def test_deeply_nested_inline_markup_does_not_raise() -> None:
    _check(extract("<p>" + "<b><i>" * 5_000 + "word " * 50 + "</i></b>" * 5_000 + "</p>"))


HUGE_PAGE_SCRIPT = """
import resource
resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
from scraper import extract
# The shape of real 20 MB pages: a huge inline state blob, a long comment thread, the article.
state = "<script>window.__STATE__ = " + ("[" + ",".join(str(i) for i in range(1000)) + "],") * 3100 + "0;</script>"
comments = "".join(f"<li class='comment'><p>Reader {i} wrote a long comment about item {i} "
                   f"of the plan, which went on and on for quite a while.</p></li>" for i in range(60_000))
article = "".join(f"<p>Paragraph {i} of the report: the council met again and said that item "
                  f"{i * 7} of the harbour plan was still under review by officials.</p>" for i in range(400))
page = (f"<html><head>{state}</head><body><article><h1>Huge</h1>{article}</article>"
        f"<section id='comments'><ol>{comments}</ol></section></body></html>").encode()
assert len(page) > 20_000_000, len(page)
result = extract(page, url="https://x.example/huge/")
assert "Paragraph 399 of" in result.body and "Reader 5 wrote" not in result.body, result.provenance
print(len(result.body))
"""


def test_twenty_megabyte_page_finishes_within_a_memory_bound() -> None:
    """Run in a child limited to 3 GB of address space: a runaway would be killed, not slow."""
    result = subprocess.run([sys.executable, "-c", HUGE_PAGE_SCRIPT], capture_output=True, check=False,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) > 40_000
