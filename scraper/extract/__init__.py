"""Compose the field extractors into `extract(html, url, rules) -> Article`.

Extraction is a pure function of (html, url, rules): no network, no clock, no database.
Read-only extractors run on the intact tree first (metadata, dates, related links, the
page's pictures with their captions); then boilerplate is stripped and the body is taken,
which also locates the main content node; the article's images are the pictures that node
held; the fields read from the body text (credit lines, language, quotes
(which read names by the language), source) come last. A failing step never fails the page:
it leaves its field empty and a warning in the article's provenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from ..models import Article, Provenance, SiteRules
from ..rules import RuleSet, bundled_rules
from . import body as body_module
from . import credits, dates, metadata, quotes, source
from .authors import extract_authors
from .document import Document, parse_document
from .headline import extract_headline
from .lazy import compile_on_use
from .nesting import nesting_warning
from .related import extract_related

__all__ = ["extract", "extract_document"]

T = TypeVar("T")


def extract(html: str | bytes, url: str | None = None, rules: RuleSet | None = None,
            content_type: str | None = None) -> Article:
    """Extract the article record from one page; never raises on bad input."""
    warnings: list[str] = []
    if not html or not (html.strip() if isinstance(html, (str, bytes)) else True):
        return Article(url=url or "", provenance=Provenance(warnings=("empty document",)))
    if isinstance(html, bytes) and _looks_binary(html):
        return Article(url=url or "", provenance=Provenance(warnings=("not an HTML document (binary content)",)))
    try:
        document = parse_document(html, url, content_type)
    except Exception as error:  # noqa: BLE001 - a page must never crash the run
        return Article(url=url or "", provenance=Provenance(warnings=(f"unparseable page: {error}",)))
    if not has_markup(html):
        warnings.append(NOT_HTML_WARNING)
    rule_set = rules if rules is not None else bundled_rules()
    site_rules = rule_set.match(document)
    article = extract_document(document, site_rules, warnings)
    cut = (nesting_warning(document.nesting_cut),) if document.nesting_cut else ()
    provenance = replace(article.provenance, extractor_version=rule_set.extractor_version,
                         warnings=article.provenance.warnings + cut)
    return replace(article, provenance=provenance)


NOT_HTML_WARNING = "not an HTML document (no markup found): read as plain text"
# An element tag, a comment or a doctype; a lone "<" in prose ("a < b") is not markup.
_MARKUP_SOURCE = r"<(?:[a-z][a-z0-9-]*(?:\s[^<>]*)?/?>|!--|!doctype|/[a-z][a-z0-9-]*\s*>)"
_MARKUP_BYTES = re.compile(_MARKUP_SOURCE.encode(), re.IGNORECASE)  # pages arrive as bytes
_MARKUP = compile_on_use(_MARKUP_SOURCE, re.IGNORECASE)


def has_markup(html: str | bytes) -> bool:
    """True when the page holds at least one HTML tag, comment or doctype."""
    pattern = _MARKUP_BYTES if isinstance(html, bytes) else _MARKUP
    return pattern.search(html) is not None


def extract_document(document: Document, site_rules: SiteRules | None,
                     warnings: list[str] | None = None) -> Article:
    """Run every field extractor over a parsed document."""
    warnings = warnings if warnings is not None else []

    def guarded(step: str, fn: Callable[[], T], fallback: T) -> T:
        try:
            return fn()
        except Exception as error:  # noqa: BLE001 - recorded, never raised
            warnings.append(f"{step} failed: {type(error).__name__}: {error}")
            return fallback

    headline = guarded("headline", lambda: extract_headline(document, site_rules), None)
    authors = guarded("authors", lambda: extract_authors(document, site_rules, headline), [])
    found_dates = guarded("dates", lambda: dates.extract_dates(document, site_rules),
                          dates.DateResult())
    related = guarded("related", lambda: extract_related(document, site_rules), [])
    tags = guarded("tags", lambda: metadata.extract_tags(document, site_rules), [])
    canonical = guarded("canonical", lambda: metadata.extract_canonical(document), None)
    site_name = guarded("site_name", lambda: metadata.extract_site_name(document), None)

    pictures = guarded("pictures", lambda: credits.collect_pictures(document, site_rules),
                       credits.PagePictures())
    body = guarded("body", lambda: body_module.extract_body(document, site_rules, headline, authors),
                   body_module.BodyResult())
    images = guarded("images", lambda: credits.extract_images(document, site_rules, body.node,
                                                              pictures), [])
    paragraphs, images = guarded(
        "credit lines", lambda: credits.split_credit_lines(body.paragraphs, images, document),
        (body.paragraphs, images))
    body_text = "\n\n".join(paragraphs)
    language = guarded("language", lambda: metadata.extract_language(document, body_text), None)
    found_quotes = guarded("quotes", lambda: quotes.extract_quotes(
        paragraphs, document.meta_first("og:description", "description"), language), [])
    outlet = guarded("source", lambda: source.extract_source(paragraphs, document), None)
    if not body_text:
        warnings.append("no article text found")

    return Article(
        url=document.url or "",
        canonical_url=canonical,
        site_name=site_name,
        headline=headline,
        authors=tuple(authors),
        published_at=found_dates.published_at,
        modified_at=found_dates.modified_at,
        language=language,
        body=body_text,
        images=tuple(images),
        quotes=tuple(found_quotes),
        related=tuple(related),
        tags=tuple(tags),
        source=outlet,
        provenance=Provenance(
            published_at_source=found_dates.published_source,
            modified_at_source=found_dates.modified_source,
            rules=site_rules.name if site_rules else None,
            body_strategy=body.strategy,
            warnings=tuple(warnings),
        ),
    )


def _looks_binary(content: bytes) -> bool:
    """True for content that is clearly not text: control bytes (NUL included) beyond a few
    strays; one NUL in a text page is a template bug, not a reason to lose the article."""
    sample = content[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(sample) // 100)


_CONTROL_BYTES = bytes(byte for byte in range(32) if byte < 9 or byte > 13)
