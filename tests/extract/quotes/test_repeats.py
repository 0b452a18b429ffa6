"""dedupe and RepeatIndex: repeats found by runs of words, on few and on thousands of quotes."""

from __future__ import annotations

from scraper.extract.quotes.repeats import RepeatIndex, repeats, word_runs
from scraper.extract.quotes.rules import dedupe
from scraper.models import Quote

WORDS = ["harbour", "council", "budget", "ferry", "schools", "tram", "housing", "bridge", "vote", "spring", "rents", "quay"]


def _text(seed: int, words: int = 9) -> str:
    """A distinct sentence: a number word, then words picked by a simple generator."""
    return f"Plan {seed} " + " ".join(WORDS[(seed * 5 + k * k + 3 * k) % len(WORDS)]
                                      for k in range(words))


def test_word_runs_and_whole_word_containment() -> None:
    assert word_runs("we will build it now") == ["we will build it", "will build it now"]
    assert repeats("will build it now", "we will build it now")
    assert not repeats("ill build it now", "we will build it now")
    assert not repeats("build it now", "we will build it now")  # three words: equality only


def test_the_first_earlier_quote_is_found_either_way_round() -> None:
    index = RepeatIndex()
    for normal in ("the tram will run all night", "we will build the new bridge by spring",
                   "the new bridge by spring"):
        index.add(normal)
    assert index.find("we will build the new bridge by spring and more") == 1
    assert index.find("build the new bridge") == 1
    assert index.find("the tram will run") == 0
    assert index.find("the ferry will run") is None


def test_a_replaced_text_is_found_by_its_new_words() -> None:
    index = RepeatIndex()
    index.add("the tram will run")
    index.replace(0, "the tram will run all night long")
    assert index.find("run all night long") == 0


def test_few_quotes_compared_one_by_one_find_what_the_index_finds() -> None:
    """Below INDEX_FROM quotes are compared one by one: the same first repeat either way,
    also once the index is built from the quotes kept so far and texts were replaced."""
    texts = [" ".join(_text(n).lower().split()[:words]) for n in range(40) for words in (3, 5, 9)]
    texts += [" ".join(_text(n).lower().split()[2:7]) for n in range(0, 40, 3)]
    for index_from in (5, 20):
        compared, indexed = RepeatIndex(index_from=10**6), RepeatIndex(index_from=index_from)
        for normal in texts:
            found = compared.find(normal)
            assert indexed.find(normal) == found
            if found is None:
                compared.add(normal)
                indexed.add(normal)
            elif len(normal) > len(compared.normals[found]):
                compared.replace(found, normal)
                indexed.replace(found, normal)
        assert compared.normals == indexed.normals


def test_a_pull_quote_merges_into_the_body_quote_that_holds_it() -> None:
    body = Quote(text="We will build the new bridge by spring, and it will carry trams.",
                 speaker="Ana Ruiz")
    pull = Quote(text="“We will build the new bridge by spring”", speaker=None)
    assert dedupe([body, pull]) == [body]
    assert dedupe([pull, body]) == [Quote(text=body.text, speaker="Ana Ruiz")]


def test_thousands_of_distinct_quotes_stay_and_their_repeats_merge() -> None:
    quotes = [Quote(text=_text(n), speaker=f"Speaker {n % 7}") for n in range(3000)]
    shortened = [Quote(text=" ".join(_text(n).split()[:6]), speaker=None) for n in range(0, 3000, 3)]
    assert dedupe(quotes + shortened) == quotes


def test_sentence_starts_of_a_huge_paragraph_skip_abbreviations() -> None:
    from scraper.extract.quotes.sentences import sentence_starts

    sentence = "Mr. Okafor and Dr. A. Lee said the ferry runs daily. “It will,” she said. "
    text = sentence * 20_000
    starts = sentence_starts(text)
    quote = sentence.index("“")
    assert starts == sorted([len(sentence) * n + quote for n in range(20_000)]
                            + [len(sentence) * n for n in range(1, 20_000)])
