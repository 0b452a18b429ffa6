"""A rule's body container is a candidate the page's prose judges, not a verdict."""

from __future__ import annotations

from scraper.extract.body import extract_body
from scraper.extract.document import parse_document
from scraper.models import SiteRules

SENTENCE = ("The orchard cooperative sold its first cider abroad this autumn, shipping four "
            "hundred cases to a buyer in Lyon after three years of trials.")
TEMPLATE = SiteRules(name="theme", kind="template", body=(".entry-content",))
SITE = SiteRules(name="orchard", kind="site", domains=("orchard.example",), body=(".story-text",))


def paragraphs(n: int, word: str) -> str:
    return "".join(f"<p>{word} {i}. {SENTENCE}</p>" for i in range(n))


def read(html: str, rules: SiteRules) -> tuple[str, str | None]:
    result = extract_body(parse_document(html, "https://orchard.example/cider"), rules, None)
    return "\n\n".join(result.paragraphs), result.strategy


def test_a_template_rule_holding_an_excerpt_loses_to_the_article() -> None:
    html = (f"<html><body><div class='teaser'><div class='entry-content'>{paragraphs(1, 'Excerpt')}</div></div>"
            f"<div class='story'>{paragraphs(8, 'Article')}</div></body></html>")
    text, strategy = read(html, TEMPLATE)
    assert strategy != "rules"
    assert "Article 7." in text


def test_a_template_rule_holding_the_whole_article_stands() -> None:
    html = (f"<html><body><div class='entry-content'><div class='intro'>{paragraphs(3, 'Intro')}</div>"
            f"<div><div class='more'>{paragraphs(3, 'Rest')}</div></div></div></body></html>")
    text, strategy = read(html, TEMPLATE)
    assert strategy == "rules"
    assert "Intro 0." in text and "Rest 2." in text


def test_an_empty_template_container_loses() -> None:
    html = (f"<html><body><div class='entry-content'><p>Share</p></div>"
            f"<main>{paragraphs(5, 'Article')}</main></body></html>")
    text, strategy = read(html, TEMPLATE)
    assert strategy != "rules" and "Article 4." in text


def test_a_site_rule_may_disagree_with_the_generic_reading() -> None:
    html = (f"<html><body><div class='story-text'>{paragraphs(4, 'Chosen')}</div>"
            f"<div class='other'>{paragraphs(6, 'Other')}</div></body></html>")
    text, strategy = read(html, SITE)
    assert strategy == "rules"
    assert "Chosen 3." in text and "Other 0." not in text


def test_a_site_rule_reading_a_fragment_loses() -> None:
    html = (f"<html><body><div class='story-text'><p>{SENTENCE}</p></div>"
            f"<div class='other'>{paragraphs(8, 'Article')}</div></body></html>")
    text, strategy = read(html, SITE)
    assert strategy != "rules" and "Article 7." in text
