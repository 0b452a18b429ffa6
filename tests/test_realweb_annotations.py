"""The hand-annotation scorer on small synthetic cases (never on the annotated pages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.realweb.annotation_metrics import (
    credit_found,
    description_right,
    image_matches,
    name_right,
    photographer_right,
    quote_matches,
    score_quotes,
    source_right,
    speaker_right,
    word_count,
)
from benchmarks.realweb.annotations import AnnotationScorer, load
from benchmarks.realweb.corpora import Page, Truth
from benchmarks.realweb.scoring import Figure, aggregate


def quote(start: str, end: str, speaker: str | None, attribution: str = "name", **flags: bool
          ) -> dict:
    return {"start": start, "end": end, "words": 0, "speaker": speaker,
            "attribution": attribution, **flags}


@pytest.mark.parametrize(("text", "start", "end", "ok"), [
    # quotation marks, case and punctuation do not count
    ("“The river is rising, and fast,” she", "The river is rising", "rising, and fast",
     True),
    ("...the river is rising, and fast", "The river is rising", "rising, and fast", True),
    # the end must close the text (two words of slack), the start open it
    ("The river is rising, and fast, said the mayor of Kestrel Valley today",
     "The river is rising", "rising, and fast", False),
    ("He warned that the river is rising, and fast", "The river is rising",
     "rising, and fast", False),
    # a short quote whose start and end are the whole quote
    ("Wir bedauern dies zutiefst", "Wir bedauern dies zutiefst", "Wir bedauern dies zutiefst",
     True),
    ("", "a b c d", "c d", False),
    # a page's decomposed letters ('o' and a combining diaeresis) match the annotation's 'ö'
    ("Ich mo\u0308chte mich darauf fokussieren", "Ich möchte mich", "darauf fokussieren", True),
])
def test_a_quote_matches_by_its_first_and_last_words(text: str, start: str, end: str,
                                                     ok: bool) -> None:
    assert quote_matches(text, start, end) is ok


def test_word_count_ignores_lone_punctuation() -> None:
    assert word_count("Oh, we paid 18,000, –") == 4
    assert word_count(None) == 0


SPLIT_TRUTH = [quote("The tide is high today", "is high today", "Ana Reyes"),
               quote("and the boats stay in port", "stay in port", "Ana Reyes", "pronoun"),
               quote("Nobody sails before Friday noon", "before Friday noon", "Ana Reyes",
                     "resolved")]


def test_split_quotes_are_two_annotations_each_with_its_speaker() -> None:
    split = [{"text": "The tide is high today,", "speaker": "Ana Reyes"},
             {"text": "and the boats stay in port.", "speaker": "Reyes"}]
    tally = score_quotes(split, SPLIT_TRUTH)
    assert (tally.expected, tally.predicted, tally.matched, tally.predicted_matched,
            tally.speaker_ok) == (3, 2, 2, 2, 1)
    assert tally.by_kind == {"name": (1, 1), "pronoun": (1, 0), "resolved": (0, 0)}
    assert tally.mistakes == ("Reyes≠Ana Reyes",)


def test_one_prediction_may_cover_a_run_of_consecutive_annotations() -> None:
    # "A," she said, "B." given as one text "A B": both found by one prediction.
    merged = [{"text": "The tide is high today, and the boats stay in port.",
               "speaker": "Ana Reyes"}]
    tally = score_quotes(merged, SPLIT_TRUTH)
    assert (tally.matched, tally.predicted_matched, tally.speaker_ok) == (2, 1, 2)
    # a text that opens mid-run or closes mid-quote covers nothing
    assert score_quotes([{"text": "and the boats stay in port. Nobody sails before Friday",
                          "speaker": None}], SPLIT_TRUTH).matched == 0


def test_short_predictions_are_ignored_and_standfirst_quotes_are_neutral() -> None:
    truth = [quote("Nothing will change here", "will change here", "Max Ode", standfirst=True),
             quote("We open the bridge in May", "bridge in May", "Max Ode")]
    ours = [{"text": "Nothing will change here", "speaker": "Max Ode"},   # neutral
            {"text": "Correct.", "speaker": None},                         # under 4 words
            {"text": "We open the bridge in May", "speaker": "Max Ode"},
            {"text": "A quote nobody annotated at all", "speaker": None}]  # extra
    tally = score_quotes(ours, truth)
    assert (tally.expected, tally.predicted, tally.matched) == (1, 2, 1)


def test_each_prediction_matches_one_annotation_at_most() -> None:
    truth = [quote("Go home now please", "now please", "A B"),
             quote("Go home now please", "now please", "C D")]
    tally = score_quotes([{"text": "Go home now please", "speaker": "A B"}], truth)
    assert (tally.matched, tally.speaker_ok) == (1, 1)


@pytest.mark.parametrize(("predicted", "expected", "aliases", "ok"), [
    ("Tony Blair", "Tony Blair", (), True),
    ("tony  BLAIR.", "Tony Blair", (), True),
    ("Sir Tony Blair", "Tony Blair", (), True),             # a title added
    ("Blair", "Tony Blair", (), False),                     # a bare surname
    ("the Kremlin", "Kremlin", (), True),                   # a leading article
    ("Gerd Harry Lybke", "Judy Lybke", ("Gerd Harry Lybke",), True),
    ("Tony Blair", "George Osborne", (), False),
    ("a spokesperson for Tony Blair and his team", "Tony Blair", (), False),
    (None, "Tony Blair", (), False),
])
def test_name_right(predicted: str | None, expected: str, aliases: tuple[str, ...],
                    ok: bool) -> None:
    assert name_right(predicted, expected, aliases) is ok


@pytest.mark.parametrize(("predicted", "expected", "ok"), [
    ("the source", "a new source familiar with the inner workings of her business", True),
    ("a spokesperson", "a spokesperson for the ministry", True),
    ("eine Sprecherin des Konzerns", "eine Sprecherin", True),
    ("Nina Pineda", "a new source familiar with the inner workings of her business", False),
    ("the", "a spokesperson for the ministry", False),
])
def test_description_right(predicted: str, expected: str, ok: bool) -> None:
    assert description_right(predicted, expected) is ok


def test_speaker_right_by_kind() -> None:
    assert speaker_right(None, None, "none")
    assert speaker_right("", None, "none")
    assert not speaker_right("Max Ode", None, "none")
    assert speaker_right("der Taxifahrer", "der Taxifahrer", "description")
    assert not speaker_right(None, "der Taxifahrer", "description")
    assert speaker_right("Dmitri Peskov", "Dmitri Peskov", "pronoun")


def test_image_matches_through_encodings_and_resizers() -> None:
    assert image_matches("https://cdn.example/p/Vogue%2520x%2520KM0154_F5.jpg?w=800",
                         "KM0154_F5")
    assert image_matches("https://cdn.example/resize/840x570/?url=https%3A%2F%2Fs3.example%2F"
                         "pencil-red-flag-112025.jpg", "pencil-red-flag-112025")
    assert not image_matches("https://cdn.example/judyly.jpg", "judy.jpg")
    assert not image_matches(None, "judy.jpg")


TRUTH_IMAGE = {"file": "x", "credit": "© Eran Yardeni/GPO/dpa | ERAN YARDENI",
               "photographer": "Eran Yardeni", "credit_source": "GPO/dpa"}


def test_credit_found_needs_the_photographer_and_every_source_part() -> None:
    assert credit_found({"credit": "© Eran Yardeni/GPO/dpa"}, TRUTH_IMAGE)
    assert credit_found({"photographer": "Eran Yardeni", "credit_source": "GPO / dpa"},
                        TRUTH_IMAGE)
    assert not credit_found({"credit": "Eran Yardeni/dpa"}, TRUTH_IMAGE)
    assert not credit_found({}, TRUTH_IMAGE)
    labelled = {"file": "y", "credit": "Foto: Galerie Nord", "photographer": None,
                "credit_source": None}
    assert credit_found({"credit": "Galerie Nord"}, labelled)


def test_photographer_and_source_right() -> None:
    assert photographer_right({"photographer": "ERAN YARDENI"}, TRUTH_IMAGE)
    assert not photographer_right({"photographer": None}, TRUTH_IMAGE)
    assert photographer_right({}, {"photographer": None})
    assert source_right({"credit_source": "dpa"}, TRUTH_IMAGE)                  # a part
    assert source_right({"credit_source": "Pool via GPO/dpa"}, TRUTH_IMAGE)     # a wider form
    assert not source_right({"credit_source": "Eran Yardeni/GPO/dpa"}, TRUTH_IMAGE)
    assert not source_right({"credit_source": "Reuters"}, TRUTH_IMAGE)
    assert not source_right({}, TRUTH_IMAGE)
    assert source_right({}, {"credit_source": None})


@pytest.fixture
def annotation_root(tmp_path: Path) -> Path:
    page = {"corpus": "fundus-dev", "id": "de_Example_1", "url": "https://example.de/a",
            "language": "de", "authors": ["Anna Berger"],
            "quotes": [quote("Die Brücke bleibt bis Mai zu", "bis Mai zu", "Lena Hart"),
                       quote("Wir haben keine andere Wahl", "keine andere Wahl", "Lena Hart",
                             "pronoun"),
                       quote("Das kostet uns alle viel Zeit", "viel Zeit", None, "none")],
            "images": [{"file": "bruecke-123", "caption_start": "Die Brücke",
                        "credit": "Foto: Jonas Keller/dpa", "photographer": "Jonas Keller",
                        "credit_source": "dpa"},
                       {"file": "karte-9", "caption_start": None, "credit": None,
                        "photographer": None, "credit_source": None}],
            "notes": []}
    (tmp_path / "fundus-dev").mkdir()
    (tmp_path / "fundus-dev" / "de_Example_1.json").write_text(json.dumps(page))
    (tmp_path / "unknown-corpus").mkdir()
    (tmp_path / "unknown-corpus" / "x.json").write_text("{}")
    return tmp_path


def test_annotations_load_by_benchmark_corpus_name(annotation_root: Path) -> None:
    assert list(load(annotation_root)) == [("fundus", "de_Example_1")]


def test_the_scorer_scores_one_record(annotation_root: Path) -> None:
    scorer = AnnotationScorer(root=annotation_root)
    page = Page("fundus", "de_Example_1", "https://example.de/a", annotation_root / "none",
                Truth(body=""))
    assert scorer.applies(page)
    assert not scorer.applies(Page("wcxb", "0001", "", annotation_root, Truth(body="")))
    record = {"authors": ["Anna Berger", "dpa"],
              "quotes": [{"text": "„Die Brücke bleibt bis Mai zu“", "speaker": "Lena Hart"},
                         {"text": "Wir haben keine andere Wahl", "speaker": "Zugleich"},
                         {"text": "Ein Satz, den niemand annotiert hat", "speaker": None}],
              "images": [{"url": "https://img.example/bruecke-123-800x600.jpg",
                          "credit": "Foto: Jonas Keller/dpa", "photographer": "Jonas Keller",
                          "credit_source": "Jonas Keller/dpa"}]}
    values = scorer.score(page, record)
    assert (values["q_n"], values["q_pred"], values["q_tp"], values["sp_ok"]) == (3, 3, 2, 1)
    assert values["q_tp_pred"] == 2
    assert values["q_f1"] == pytest.approx(2 / 3)
    assert (values["q_tp_pronoun"], values["sp_ok_pronoun"]) == (1, 0)
    assert values["speakers_wrong"] == "Zugleich≠Lena Hart"
    assert values["ann_authors_f1"] == pytest.approx(2 / 3)
    assert (values["ai_n"], values["ai_found"], values["ac_n"], values["ac_found"]) == (2, 1, 1, 1)
    assert (values["ac_photographer"], values["ac_source"]) == (1, 0)


def test_micro_f1_over_pages_and_what_it_is_over() -> None:
    figure = Figure("quotes F1", "f1_of_ratios", ("hit", "pred", "found", "n"))
    rows = [{"hit": 1, "pred": 3, "found": 2, "n": 3}, {"hit": 0, "pred": 0, "found": 0, "n": 5},
            {"other": 1}]
    value, over = aggregate(figure, rows)
    precision, recall = 1 / 3, 2 / 8
    assert value == pytest.approx(2 * precision * recall / (precision + recall))
    assert over == 8
