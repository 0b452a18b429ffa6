"""The built-in field scorers (body, headline, date, authors, images) and the registry."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.realweb import annotations
from benchmarks.realweb.corpora import Page
from benchmarks.realweb.field_metrics import (
    date_matches,
    headline_exact,
    headline_lenient,
    is_personal_name,
    same_day,
    same_instant,
    set_f1,
)
from benchmarks.realweb.image_metrics import score_images
from benchmarks.realweb.scoring import Figure, Record, Scorer, Value
from benchmarks.realweb.text_metrics import features, overlap, snippet_rates, truth_features
from scraper.evaluate import score_shingles

SHORT = 80  # longest field value kept in the per-page files


def short(value: str | None) -> str:
    """A field value cut to SHORT characters, on one line."""
    text = " ".join((value or "").split())
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"


@dataclass(frozen=True)
class BodyScorer:
    """Body: AEB shingles on every corpus, bag of words and snippets where the truth has them."""

    field: str = "body"
    both_sides: bool = True
    figures: tuple[Figure, ...] = (
        Figure("body F1 (AEB shingles)", "f1_of_means", ("body_p", "body_r"), "body_f1"),
        Figure("body precision (AEB)", "mean", ("body_p",)),
        Figure("body recall (AEB)", "mean", ("body_r",)),
        Figure("body exact tokens (AEB)", "mean", ("body_exact",)),
        Figure("body bag-of-words F1 (macro)", "mean", ("bow_f1",), "bow_f1"),
        Figure("body bag-of-words precision", "mean", ("bow_p",)),
        Figure("body bag-of-words recall", "mean", ("bow_r",)),
        Figure("'with' snippets found", "mean", ("with",)),
        Figure("'without' snippets kept out", "mean", ("without",)),
    )
    shows: tuple[str, ...] = ("words",)

    def applies(self, page: Page) -> bool:
        """Pages whose truth has a body (two wcxb article pages have none)."""
        return bool(page.truth.body.strip())

    def score(self, page: Page, record: Record) -> dict[str, Value]:
        """Shingle P/R/F1 and exactness, bag-of-words P/R/F1, snippet rates, word count."""
        body, truth = features(record.get("body")), truth_features(page.truth.body)
        shingle = score_shingles(body.shingles, truth.shingles, body.tokens == truth.tokens)
        values: dict[str, Value] = {
            "body_p": shingle.precision, "body_r": shingle.recall, "body_f1": shingle.f1,
            "body_exact": int(shingle.exact), "words": len(body.tokens),
        }
        if page.truth.bow_body is not None:
            bow = overlap(body.words, truth_features(page.truth.bow_body).words)
            values |= {"bow_p": bow.precision, "bow_r": bow.recall, "bow_f1": bow.f1}
        found, kept_out = snippet_rates(body, page.truth.with_snippets,
                                        page.truth.without_snippets)
        return values | {"with": found, "without": kept_out}


@dataclass(frozen=True)
class HeadlineScorer:
    """Headline exact (NFKC, quotes, whitespace) and lenient (words, a run covering half)."""

    field: str = "headline"
    both_sides: bool = True
    figures: tuple[Figure, ...] = (
        Figure("headline exact", "mean", ("headline_exact",), "headline_exact"),
        Figure("headline lenient", "mean", ("headline_lenient",)),
    )
    shows: tuple[str, ...] = ("headline",)

    def applies(self, page: Page) -> bool:
        """Pages whose truth has a title."""
        return bool(page.truth.headline)

    def score(self, page: Page, record: Record) -> dict[str, Value]:
        """Exact and lenient matches, and the headline itself (cut short)."""
        headline, expected = record.get("headline"), page.truth.headline or ""
        return {"headline_exact": int(headline_exact(headline, expected)),
                "headline_lenient": int(headline_lenient(headline, expected)),
                "headline": short(headline)}


@dataclass(frozen=True)
class DateScorer:
    """Publication date: the truth's day (or month) as prefix; fundus also same day/instant."""

    field: str = "date"
    both_sides: bool = True
    figures: tuple[Figure, ...] = (
        Figure("publication date", "mean", ("date_ok",), "date_ok"),
        Figure("publication instant (both zoned)", "mean", ("date_instant",)),
    )
    shows: tuple[str, ...] = ("date",)

    def applies(self, page: Page) -> bool:
        """Pages whose truth has a date."""
        return bool(page.truth.published)

    def score(self, page: Page, record: Record) -> dict[str, Value]:
        """Day match (wcxb: prefix; fundus: same day), instant match where both are zoned."""
        date, expected = record.get("published_at"), page.truth.published or ""
        if page.truth.published_has_zone:
            instant = same_instant(date, expected)
            return {"date_ok": int(same_day(date, expected)),
                    "date_instant": None if instant is None else int(instant),
                    "date": short(date)}
        ok = same_day(date, expected) if len(expected) > 10 else date_matches(date, expected)
        return {"date_ok": int(ok), "date": short(date)}


@dataclass(frozen=True)
class AuthorScorer:
    """Authors: set F1 of names (NFKC, case-folded, punctuation dropped); also over the pages
    whose every expected name looks like a person's (field_metrics.is_personal_name)."""

    field: str = "authors"
    both_sides: bool = True
    figures: tuple[Figure, ...] = (
        Figure("authors set F1", "mean", ("authors_f1",), "authors_f1"),
        Figure("authors set F1 (personal bylines)", "mean", ("authors_personal_f1",)),
    )
    shows: tuple[str, ...] = ("authors",)

    def applies(self, page: Page) -> bool:
        """Pages whose truth names at least one author."""
        return bool(page.truth.authors)

    def score(self, page: Page, record: Record) -> dict[str, Value]:
        """Set F1 and the names found (cut short)."""
        names, expected = list(record.get("authors") or ()), page.truth.authors or ()
        f1 = set_f1(names, expected)
        personal = all(is_personal_name(name) for name in expected)
        return {"authors_f1": f1, "authors_personal_f1": f1 if personal else None,
                "authors": short("; ".join(names))}


@dataclass(frozen=True)
class ImageScorer:
    """Images (ours only): recall across renditions, credit found, caption word F1 >= 0.8."""

    field: str = "images"
    both_sides: bool = False
    figures: tuple[Figure, ...] = (
        Figure("image recall (images)", "ratio", ("img_found", "img_n"), "img_recall"),
        Figure("credit found (credited images)", "ratio", ("credit_found", "credit_n"),
               "credit_rate"),
        Figure("caption found (captioned images)", "ratio", ("caption_found", "caption_n"),
               "caption_rate"),
    )
    shows: tuple[str, ...] = ("img_found", "img_n", "credits_missed", "credits_ours")

    def applies(self, page: Page) -> bool:
        """Pages whose truth lists images."""
        return bool(page.truth.images)

    def score(self, page: Page, record: Record) -> dict[str, Value]:
        """Counts of expected, found, credited, credit found, captioned, caption found; the
        credits missed and our credit lines on those images (matched ones only)."""
        counts = score_images(record.get("images") or (), page.truth.images or ())
        return {"img_n": counts.images, "img_found": counts.found,
                "credit_n": counts.credited, "credit_found": counts.credit_found,
                "caption_n": counts.captioned, "caption_found": counts.caption_found,
                "img_recall": _rate(counts.found, counts.images),
                "credit_rate": _rate(counts.credit_found, counts.credited),
                "caption_rate": _rate(counts.caption_found, counts.captioned),
                "credits_missed": short(" | ".join(counts.credits_missed)),
                "credits_ours": short(" | ".join(counts.credits_ours))}


def _rate(found: int, total: int) -> float | None:
    return found / total if total else None


SCORERS: tuple[Scorer, ...] = (BodyScorer(), HeadlineScorer(), DateScorer(), AuthorScorer(),
                               ImageScorer(), *annotations.SCORERS)
FIELDS = tuple(scorer.field for scorer in SCORERS)


def select(fields: list[str] | None) -> tuple[Scorer, ...]:
    """The scorers of the named fields (all when None); ValueError names an unknown field."""
    if not fields:
        return SCORERS
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    return tuple(scorer for scorer in SCORERS if scorer.field in fields)
