"""Per-field accuracy of the extractor over every hand-written fixture page.

    python -m benchmarks.fixtures_report [--json] [--root tests/fixtures] [--worst 10]

Extracts the page of every `*.expected.toml` under the root and scores each field over the
fixtures whose expectation states it (format: tests/fixtures/README.md):

- headline, dates, language, source, canonical_url, site_name, provenance: exact rate (NFC,
  whitespace collapsed); dates also by their date part (the first ten characters);
- authors and tags: micro F1 over names (multisets compared by `name_key`);
- quotes: F1 over matched quotes. A predicted quote matches an expected one when its words start
  with the expected prefix's words, or when at least QUOTE_OVERLAP of the expected words occur
  in it (prefixes of QUOTE_OVERLAP_MIN_WORDS words or more). Expected quotes are taken in order,
  each matched to the earliest unused predicted quote that matches. Speaker accuracy is over
  matched quotes whose expectation names a speaker (or speaker_unknown);
- credits: share of expected images for which some predicted image agrees on every stated key;
- related: F1 by url (fragment and trailing slash ignored); title accuracy over matched urls;
- boilerplate leaks: share of body.excludes snippets found in the body (lower is better);
  body coverage: share of body.contains snippets found.

Then the fixtures with the most problems: each failed exact field, missed or extra name, quote
or link, wrong speaker, image or title, leaked or missing snippet is one problem.
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = REPO_ROOT / "tests" / "fixtures"

QUOTE_OVERLAP = 0.8
QUOTE_OVERLAP_MIN_WORDS = 4
QUOTE_MARKS = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‹": "'", "›": "'",
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
})
EXACT_FIELDS = ("headline", "published_at", "modified_at", "language", "source", "canonical_url",
                "site_name")
PROVENANCE_FIELDS = ("published_at_source", "modified_at_source", "rules")
DATE_FIELDS = ("published_at", "modified_at")
NAME_FIELDS = ("authors", "tags")
# Table rows in print order: (tally key, label, kind). Kinds: rate, f1, leak (lower is better).
ROWS = (
    ("headline", "headline exact", "rate"), ("published_at", "published_at exact", "rate"),
    ("published_at:date", "published_at date part", "rate"),
    ("modified_at", "modified_at exact", "rate"),
    ("modified_at:date", "modified_at date part", "rate"), ("authors", "authors F1", "f1"),
    ("quotes", "quotes F1", "f1"), ("speakers", "speaker accuracy", "rate"),
    ("images", "credit accuracy", "rate"), ("related", "related-link F1", "f1"),
    ("related:title", "related title exact", "rate"), ("tags", "tags F1", "f1"),
    ("language", "language", "rate"), ("source", "source", "rate"),
    ("canonical_url", "canonical_url", "rate"), ("site_name", "site_name", "rate"),
    ("published_at_source", "published_at_source", "rate"),
    ("modified_at_source", "modified_at_source", "rate"),
    ("rules", "rules (template match)", "rate"), ("leaks", "boilerplate leaks", "leak"),
    ("coverage", "body coverage", "rate"),
)

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one set comparison."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Share of predicted items that were expected (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of expected items that were predicted (1.0 when nothing was expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Tally:
    """One field's score accumulated over fixtures: hits of a rate, or set counts."""

    fixtures: int = 0
    hits: int = 0
    total: int = 0
    counts: Counts = field(default_factory=Counts)

    def add(self, other: Tally) -> None:
        """Accumulate another fixture's tally of the same field."""
        self.fixtures += other.fixtures
        self.hits += other.hits
        self.total += other.total
        self.counts = self.counts + other.counts


@dataclass
class FixtureResult:
    """The tallies of one fixture, how many problems it has, and a label for each kind."""

    name: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    problem_count: int = 0
    problems: list[str] = field(default_factory=list)


def same_text(a: str | None, b: str | None) -> bool:
    """Exact comparison after Unicode NFC and whitespace collapse (None equals only None)."""
    if a is None or b is None:
        return a is b
    return _collapse(unicodedata.normalize("NFC", a)) == _collapse(unicodedata.normalize("NFC", b))


def name_key(text: str | None) -> str:
    """Key for names and tags: NFKC, quote marks unified, whitespace collapsed, casefolded."""
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTE_MARKS)
    return _collapse(text).casefold()


def words(text: str | None) -> list[str]:
    """The word tokens of a text, compared by name_key."""
    return _WORD.findall(name_key(text))


def date_part(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an ISO 8601 value."""
    return value[:10] if value else None


def url_key(url: str | None) -> str:
    """A url without its fragment and trailing slash."""
    parts = urlsplit((url or "").strip())
    return urlunsplit(parts._replace(fragment="")).rstrip("/")


def multiset_counts(predicted: list[str], expected: list[str]) -> Counts:
    """Counts of a multiset comparison of names by name_key."""
    found, wanted = Counter(map(name_key, predicted)), Counter(map(name_key, expected))
    tp = sum((found & wanted).values())
    return Counts(tp, sum(found.values()) - tp, sum(wanted.values()) - tp)


def quote_matches(predicted: str, expected: str) -> bool:
    """True when the predicted quote starts with the expected prefix or overlaps it strongly."""
    found, wanted = words(predicted), words(expected)
    if not wanted:
        return False
    if found[:len(wanted)] == wanted:
        return True
    if len(wanted) < QUOTE_OVERLAP_MIN_WORDS:
        return False
    shared = sum((Counter(wanted) & Counter(found)).values())
    return shared / len(wanted) >= QUOTE_OVERLAP


def align_quotes(predicted: list[str], expected: list[str]) -> list[tuple[int, int]]:
    """Pairs (expected index, predicted index): each expected quote, in order, takes the
    earliest unused predicted quote that matches it."""
    used: set[int] = set()
    pairs = []
    for wanted_index, wanted in enumerate(expected):
        for found_index, found in enumerate(predicted):
            if found_index not in used and quote_matches(found, wanted):
                used.add(found_index)
                pairs.append((wanted_index, found_index))
                break
    return pairs


def speaker_correct(predicted: str | None, expected: dict[str, Any]) -> bool | None:
    """Whether a matched quote's speaker is right; None when the expectation names none."""
    if "speaker" in expected:
        return name_key(predicted) == name_key(expected["speaker"]) and predicted is not None
    if expected.get("speaker_unknown"):
        return predicted is None
    return None


def image_matches(predicted: dict[str, Any], expected: dict[str, Any]) -> bool:
    """True when a predicted image agrees with every key the expected image states."""
    return all(predicted.get(key) is not None and name_key(predicted.get(key)) == name_key(value)
               for key, value in expected.items())


def snippet_hits(body: str, snippets: list[str]) -> int:
    """How many snippets occur in the body (whitespace collapsed on both sides)."""
    text = _collapse(body)
    return sum(1 for snippet in snippets if _collapse(snippet) in text)


def score_fixture(name: str, spec: dict[str, Any], record: dict[str, Any],
                  provenance: dict[str, Any]) -> FixtureResult:
    """Score one fixture's record against its expectation."""
    result = FixtureResult(name)
    expect = spec.get("expect", {})
    _score_exact(expect, record, provenance, result)
    for key in NAME_FIELDS:
        if key in expect:
            counts = multiset_counts(list(record.get(key) or []), list(expect[key]))
            _record(result, key, Tally(1, counts=counts), counts.fp + counts.fn,
                    f"{key} -{counts.fn} +{counts.fp}")
    if "quotes" in expect:
        _score_quotes(expect["quotes"], record.get("quotes") or [], result)
    if "images" in expect:
        _score_images(expect["images"], record.get("images") or [], result)
    if "related" in expect:
        _score_related(expect["related"], record.get("related") or [], result)
    _score_body(spec.get("body", {}), record.get("body") or "", result)
    return result


def _score_exact(expect: dict[str, Any], record: dict[str, Any], provenance: dict[str, Any],
                 result: FixtureResult) -> None:
    for key in EXACT_FIELDS + PROVENANCE_FIELDS:
        if key not in expect:
            continue
        got = provenance.get(key) if key in PROVENANCE_FIELDS else record.get(key)
        hit = same_text(got, expect[key])
        _record(result, key, Tally(1, int(hit), 1), int(not hit), key)
        if key in DATE_FIELDS:
            day_hit = date_part(got) == date_part(expect[key])
            _record(result, f"{key}:date", Tally(1, int(day_hit), 1), 0, "")


def _score_quotes(expected: list[dict[str, Any]], found: list[dict[str, Any]],
                  result: FixtureResult) -> None:
    pairs = align_quotes([q.get("text") or "" for q in found], [q["text"] for q in expected])
    counts = Counts(len(pairs), len(found) - len(pairs), len(expected) - len(pairs))
    _record(result, "quotes", Tally(1, counts=counts), counts.fp + counts.fn,
            f"quotes {counts.fn} missed {counts.fp} extra")
    verdicts = [speaker_correct(found[f].get("speaker"), expected[w]) for w, f in pairs]
    judged = [v for v in verdicts if v is not None]
    wrong = judged.count(False)
    _record(result, "speakers", Tally(1, len(judged) - wrong, len(judged)), wrong,
            f"speakers {wrong} wrong")


def _score_images(expected: list[dict[str, Any]], found: list[dict[str, Any]],
                  result: FixtureResult) -> None:
    hits = sum(1 for wanted in expected if any(image_matches(f, wanted) for f in found))
    misses = len(expected) - hits
    _record(result, "images", Tally(1, hits, len(expected)), misses, f"images {misses} wrong")


def _score_related(expected: list[dict[str, Any]], found: list[dict[str, Any]],
                   result: FixtureResult) -> None:
    found_by_url = {url_key(link.get("url")): link for link in found}
    counts = multiset_counts([url_key(link.get("url")) for link in found],
                             [url_key(link["url"]) for link in expected])
    _record(result, "related", Tally(1, counts=counts), counts.fp + counts.fn,
            f"related {counts.fn} missed {counts.fp} extra")
    matched = [w for w in expected if url_key(w["url"]) in found_by_url and "title" in w]
    right = sum(1 for w in matched if same_text(found_by_url[url_key(w["url"])].get("title"),
                                                w["title"]))
    wrong = len(matched) - right
    _record(result, "related:title", Tally(1, right, len(matched)), wrong,
            f"related titles {wrong} wrong")


def _score_body(body_spec: dict[str, Any], body: str, result: FixtureResult) -> None:
    excludes, contains = body_spec.get("excludes", []), body_spec.get("contains", [])
    if excludes:
        leaked = snippet_hits(body, excludes)
        _record(result, "leaks", Tally(1, leaked, len(excludes)), leaked, f"{leaked} leaked")
    if contains:
        found = snippet_hits(body, contains)
        missing = len(contains) - found
        _record(result, "coverage", Tally(1, found, len(contains)), missing,
                f"body lacks {missing}/{len(contains)}")


def _record(result: FixtureResult, key: str, tally: Tally, problems: int, label: str) -> None:
    result.tallies[key] = tally
    if problems:
        result.problem_count += problems
        result.problems.append(label)


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Fixture:
    """One expectation file with its page."""

    name: str
    spec: dict[str, Any]
    html: bytes


def load_fixtures(root: Path = DEFAULT_ROOT) -> list[Fixture]:
    """Every `*.expected.toml` under root with its page (resolved as the fixture test does)."""
    fixtures = []
    for path in sorted(root.rglob("*.expected.toml")):
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        page = spec.get("page")
        if not page:
            page_path = path.with_name(path.name.replace(".expected.toml", ".html"))
        else:
            page_path = REPO_ROOT / page if page.startswith("scraper/") else root / page
        html = page_path.read_bytes()
        if spec.get("url"):  # demo-site pages name their own origin as a placeholder
            html = html.replace(b"{{BASE_URL}}", "/".join(spec["url"].split("/")[:3]).encode())
        name = str(path.relative_to(root)).removesuffix(".expected.toml")
        fixtures.append(Fixture(name, spec, html))
    return fixtures


def run_fixture(fixture: Fixture) -> FixtureResult:
    """Extract one page and score it; a crash is one problem and scores nothing."""
    from scraper import extract

    try:
        article = extract(fixture.html, url=fixture.spec.get("url"))
    except Exception as error:  # noqa: BLE001 - a report counts crashes, it never stops
        return FixtureResult(fixture.name, problem_count=1,
                             problems=[f"extract crashed: {type(error).__name__}: {error}"])
    provenance = {key: getattr(article.provenance, key) for key in PROVENANCE_FIELDS}
    return score_fixture(fixture.name, fixture.spec, article.to_dict(), provenance)


def aggregate(results: list[FixtureResult]) -> dict[str, Tally]:
    """Sum every field's tallies over all fixtures."""
    totals: dict[str, Tally] = {}
    for result in results:
        for key, tally in result.tallies.items():
            totals.setdefault(key, Tally()).add(tally)
    return totals


def field_summary(kind: str, tally: Tally) -> dict[str, Any]:
    """The JSON-ready score of one field: a rate, or F1 with precision, recall and counts."""
    summary: dict[str, Any] = {"fixtures": tally.fixtures}
    if kind == "f1":
        counts = tally.counts
        summary.update(score=round(counts.f1, 4), precision=round(counts.precision, 4),
                       recall=round(counts.recall, 4), tp=counts.tp, fp=counts.fp, fn=counts.fn)
    else:
        rate = tally.hits / tally.total if tally.total else None
        summary.update(score=None if rate is None else round(rate, 4), hits=tally.hits,
                       total=tally.total, lower_is_better=kind == "leak")
    return summary


def build_report(results: list[FixtureResult], worst: int = 10) -> dict[str, Any]:
    """The whole report as plain data (what --json prints)."""
    totals = aggregate(results)
    fields = {label: field_summary(kind, totals[key]) for key, label, kind in ROWS if key in totals}
    ranked = sorted(results, key=lambda r: (-r.problem_count, r.name))[:worst]
    return {
        "fixtures": len(results),
        "fields": fields,
        "worst": [{"fixture": r.name, "problems": r.problem_count, "details": r.problems}
                  for r in ranked if r.problem_count],
    }


def render(report: dict[str, Any]) -> str:
    """The report as a plain-text table and the list of the worst fixtures."""
    lines = [f"{report['fixtures']} fixtures\n",
             f"{'field':<24} {'fixtures':>8} {'score':>7}  detail"]
    for label, summary in report["fields"].items():
        score = summary["score"]
        shown = "-" if score is None else (f"{score:.3f}" if "tp" in summary else f"{score:.1%}")
        if "tp" in summary:
            detail = (f"P {summary['precision']:.3f} R {summary['recall']:.3f} "
                      f"(tp {summary['tp']} fp {summary['fp']} fn {summary['fn']})")
        else:
            detail = f"{summary['hits']}/{summary['total']}"
            detail += " found (lower is better)" if summary["lower_is_better"] else ""
        lines.append(f"{label:<24} {summary['fixtures']:>8} {shown:>7}  {detail}")
    if not report["worst"]:
        lines.append("\nno fixture has a problem")
        return "\n".join(lines)
    lines.append(f"\nthe {len(report['worst'])} fixtures with the most problems:")
    for entry in report["worst"]:
        lines.append(f"  {entry['problems']:>3}  {entry['fixture']}: {'; '.join(entry['details'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Parse arguments, score every fixture and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="fixture folder")
    parser.add_argument("--worst", type=int, default=10, help="how many worst fixtures to list")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    results = [run_fixture(fixture) for fixture in load_fixtures(args.root)]
    report = build_report(results, args.worst)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render(report))


if __name__ == "__main__":
    main()
