"""The fixture report's scoring functions, on hand-computed cases (no extractor involved)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.fixtures_report import (
    Counts,
    FixtureResult,
    Tally,
    align_quotes,
    build_report,
    date_part,
    image_matches,
    load_fixtures,
    main,
    multiset_counts,
    name_key,
    quote_matches,
    render,
    same_text,
    score_fixture,
    snippet_hits,
    speaker_correct,
    url_key,
    words,
)


def test_counts_precision_recall_f1() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(3 / 4)
    assert counts.recall == pytest.approx(3 / 5)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_counts_edge_cases() -> None:
    assert Counts().f1 == 1.0  # nothing expected, nothing predicted
    assert Counts(fn=3).f1 == 0.0  # nothing predicted
    assert Counts(fp=2).f1 == 0.0  # nothing expected, something predicted
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)


def test_same_text_collapses_whitespace_and_composes_accents() -> None:
    assert same_text("Fernwärme  wird\u00a0teurer", "Fernwa\u0308rme wird teurer")
    assert not same_text("Harbour plan", "harbour plan")
    assert same_text(None, None)
    assert not same_text(None, "")


def test_name_key_and_words() -> None:
    assert name_key("  Hugo\u00a0LEFÈVRE ") == "hugo lefèvre"
    assert name_key("l’Ain") == name_key("l'Ain")
    assert words("« On n’a jamais vu ça »") == ["on", "n", "a", "jamais", "vu", "ça"]


def test_date_part_and_url_key() -> None:
    assert date_part("2024-05-03T14:20:00+02:00") == "2024-05-03"
    assert date_part("2024-05-03") == "2024-05-03"
    assert date_part(None) is None
    assert url_key("https://a.example/x/#comments") == "https://a.example/x"
    assert url_key("https://a.example/x") == url_key("https://a.example/x/")
    assert url_key("https://a.example/x?page=2") != url_key("https://a.example/x")


def test_multiset_counts_are_casefolded_and_count_duplicates() -> None:
    counts = multiset_counts(["Jane Doe", "ali khan", "Jane Doe"],
                             ["Jane Doe", "Ali Khan", "Bo Li"])
    assert counts == Counts(tp=2, fp=1, fn=1)


@pytest.mark.parametrize(
    ("predicted", "expected", "matches"),
    [
        ("We share the same values, interests and concerns", "We share the same values", True),
        ("“We share the same values”", "We share the same values", True),  # marks are not words
        ("we SHARE the same values", "We share the same values", True),
        ("They share different values", "We share the same values", False),  # 2/5 shared
        ("Wir werden keinen Standort schließen", "Wir werden", True),
        ("Werden wir", "Wir werden", False),  # short prefixes must match as a prefix
        ("", "We share", False),
        ("anything", "", False),
    ],
)
def test_quote_matches(predicted: str, expected: str, matches: bool) -> None:
    assert quote_matches(predicted, expected) is matches


def test_quote_matches_by_overlap_when_the_start_differs() -> None:
    # 5 expected words, 4 of them in the prediction: 0.8 >= QUOTE_OVERLAP
    assert quote_matches("the cap would only hit investors, I was told",
                         "cap would only affect investors")
    # 5 expected words, 3 shared: 0.6
    assert not quote_matches("the cap would hit landlords", "cap would only affect investors")


def test_align_quotes_takes_the_earliest_unused_match_in_order() -> None:
    predicted = ["Nobody came. Nobody called me.", "We have hired 40",
                 "We have hired 40 new surveyors"]
    expected = ["We have hired 40", "We have hired 40 new", "Nobody came"]
    # expected 0 -> predicted 1 (earliest match), expected 1 -> predicted 2 (1 is used),
    # expected 2 -> predicted 0
    assert align_quotes(predicted, expected) == [(0, 1), (1, 2), (2, 0)]


def test_align_quotes_leaves_unmatched_on_both_sides() -> None:
    assert align_quotes(["a b c"], ["x y z", "a b"]) == [(1, 0)]


def test_speaker_correct() -> None:
    assert speaker_correct("Oana Lungescu", {"text": "x", "speaker": "Oana Lungescu"}) is True
    assert speaker_correct("oana  lungescu", {"text": "x", "speaker": "Oana Lungescu"}) is True
    assert speaker_correct("Lungescu", {"text": "x", "speaker": "Oana Lungescu"}) is False
    assert speaker_correct(None, {"text": "x", "speaker": "Oana Lungescu"}) is False
    assert speaker_correct(None, {"text": "x", "speaker_unknown": True}) is True
    assert speaker_correct("Someone", {"text": "x", "speaker_unknown": True}) is False
    assert speaker_correct("Someone", {"text": "x"}) is None


def test_image_matches_checks_every_stated_key() -> None:
    found = {"url": "u", "photographer": "Dale Whitaker", "credit_source": "AP", "credit": None}
    assert image_matches(found, {"photographer": "Dale Whitaker", "credit_source": "AP"})
    assert image_matches(found, {"photographer": "dale whitaker"})
    assert not image_matches(found, {"photographer": "Dale Whitaker", "credit_source": "Reuters"})
    assert not image_matches(found, {"credit": "(AP Photo/Dale Whitaker)"})


def test_snippet_hits_collapse_whitespace() -> None:
    body = "First paragraph.\n\nSecond\u00a0paragraph here."
    assert snippet_hits(body, ["Second paragraph", "Leave a Reply", "First paragraph."]) == 2


def _spec() -> dict:
    return {
        "expect": {
            "headline": "Harbour plan wins",
            "published_at": "2024-05-03T14:20:00+02:00",
            "authors": ["Jane Doe", "Ali Khan"],
            "rules": "wordpress",
            "images": [{"photographer": "Tianshu Liu", "credit_source": "Unsplash"},
                       {"photographer": "Rosa Delgado"}],
            "quotes": [{"text": "We share the same values", "speaker": "Oana Lungescu"},
                       {"text": "a reef feeds the village", "speaker_unknown": True},
                       {"text": "Nobody told me", "speaker": "Owen Tregarthen"}],
            "related": [{"url": "https://x.example/a/", "title": "A"},
                        {"url": "https://x.example/b/", "title": "B"}],
        },
        "body": {"contains": ["Harbour plan passed", "sea wall"],
                 "excludes": ["Leave a Reply", "Photo by", "Friday, 12 July 2024"]},
    }


def _record() -> dict:
    return {
        "headline": "Harbour plan wins",
        "published_at": "2024-05-03T12:20:00+00:00",
        "authors": ["Jane Doe"],
        "images": [{"photographer": "Tianshu Liu", "credit_source": "Unsplash"}],
        "quotes": [{"text": "We share the same values, and more", "speaker": "Lungescu"},
                   {"text": "a reef feeds the village that leaves it alone", "speaker": None},
                   {"text": "Extra quote", "speaker": "X"}],
        "related": [{"url": "https://x.example/b", "title": "B!"}, {"url": "https://x.example/c/"}],
        "body": "The Harbour plan passed. Photo by Someone. Leave a Reply",
    }


def test_score_fixture_hand_computed() -> None:
    result = score_fixture("demo", _spec(), _record(), {"rules": "wordpress"})
    tallies = result.tallies
    assert (tallies["headline"].hits, tallies["headline"].total) == (1, 1)
    assert (tallies["published_at"].hits, tallies["published_at:date"].hits) == (0, 1)
    assert tallies["authors"].counts == Counts(tp=1, fp=0, fn=1)
    assert (tallies["rules"].hits, tallies["rules"].total) == (1, 1)
    assert (tallies["images"].hits, tallies["images"].total) == (1, 2)
    assert tallies["quotes"].counts == Counts(tp=2, fp=1, fn=1)
    # matched: Lungescu (wrong: not the full name) and the saying (right: no speaker)
    assert (tallies["speakers"].hits, tallies["speakers"].total) == (1, 2)
    assert tallies["related"].counts == Counts(tp=1, fp=1, fn=1)
    assert (tallies["related:title"].hits, tallies["related:title"].total) == (0, 1)
    assert (tallies["leaks"].hits, tallies["leaks"].total) == (2, 3)
    assert (tallies["coverage"].hits, tallies["coverage"].total) == (1, 2)
    # problems: published_at 1, authors 1, images 1, quotes 2, speakers 1, related 2,
    # related title 1, leaks 2, coverage 1
    assert result.problem_count == 12
    assert "published_at" in result.problems and "2 leaked" in result.problems


def test_fields_not_stated_are_not_scored() -> None:
    result = score_fixture("bare", {"expect": {"headline": "H"}}, {"headline": "H"}, {})
    assert set(result.tallies) == {"headline"}
    assert result.problem_count == 0


def test_build_report_sums_fields_and_ranks_the_worst() -> None:
    first = FixtureResult("a", {"headline": Tally(1, 1, 1),
                                "tags": Tally(1, counts=Counts(2, 0, 1))},
                          problem_count=1, problems=["tags -1 +0"])
    second = FixtureResult("b", {"headline": Tally(1, 0, 1),
                                 "tags": Tally(1, counts=Counts(1, 1, 0))},
                           problem_count=2, problems=["headline", "tags -0 +1"])
    clean = FixtureResult("c", {"headline": Tally(1, 1, 1)})
    report = build_report([first, second, clean], worst=10)
    assert report["fixtures"] == 3
    assert report["fields"]["headline exact"] == {
        "fixtures": 3, "score": round(2 / 3, 4), "hits": 2, "total": 3, "lower_is_better": False}
    tags = report["fields"]["tags F1"]
    assert (tags["tp"], tags["fp"], tags["fn"]) == (3, 1, 1)
    assert tags["score"] == pytest.approx(0.75, abs=1e-4)
    assert [entry["fixture"] for entry in report["worst"]] == ["b", "a"]  # clean ones are left out
    text = render(report)
    assert "headline exact" in text and "b: headline; tags -0 +1" in text


def test_load_fixtures_resolves_pages_and_base_url(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "one.html").write_text('<a href="{{BASE_URL}}/x">x</a>')
    (tmp_path / "pages" / "one.expected.toml").write_text(
        'url = "http://demo.example/news/one/"\n[expect]\nheadline = "One"\n')
    [fixture] = load_fixtures(tmp_path)
    assert fixture.name == "pages/one"
    assert fixture.html == b'<a href="http://demo.example/x">x</a>'
    assert fixture.spec["expect"] == {"headline": "One"}


def test_main_prints_json_over_a_real_page(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.html").write_text(
        "<html lang='en'><head><title>A quiet day</title></head><body><article><h1>A quiet day</h1>"
        "<p>Nothing much happened in the town today, and that was fine with everyone here.</p>"
        "</article></body></html>")
    (tmp_path / "p.expected.toml").write_text(
        'url = "https://t.example/a"\n[expect]\nheadline = "A quiet day"\nlanguage = "en"\n'
        '[body]\ncontains = ["Nothing much happened"]\nexcludes = ["Subscribe"]\n')
    main(["--root", str(tmp_path), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["fixtures"] == 1
    # totals come from the expectation alone, whatever the extractor found
    totals = {label: (s["fixtures"], s["total"]) for label, s in report["fields"].items()}
    assert totals == {"headline exact": (1, 1), "language": (1, 1),
                      "boilerplate leaks": (1, 1), "body coverage": (1, 1)}
