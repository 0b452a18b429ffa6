"""finish_paragraphs: the hidden copy (paragraphs run together) on small and very long bodies."""

from __future__ import annotations

from scraper.extract.body.lines import finish_paragraphs, text_key

WORDS = ["harbour", "council", "budget", "ferry", "schools", "tram", "housing", "bridge", "vote", "spring", "summer", "teachers", "rents", "winter", "quay", "museum", "library", "tunnel", "market", "river"]


def _paragraph(seed: int, words: int = 70) -> str:
    """A distinct paragraph: its number, then words picked by a simple generator."""
    picked = [WORDS[(seed * 7 + k * k * 3 + k) % len(WORDS)] for k in range(words)]
    return f"Item {seed} " + " ".join(picked) + "."


def test_a_paragraph_made_of_the_others_goes() -> None:
    paragraphs = [_paragraph(n, 20) for n in range(6)]
    assert finish_paragraphs([*paragraphs, " ".join(paragraphs)], None) == paragraphs


def test_a_long_paragraph_quoting_one_other_stays() -> None:
    paragraphs = [_paragraph(n, 20) for n in range(3)]
    long_one = paragraphs[0] + " " + _paragraph(99)
    assert finish_paragraphs([*paragraphs, long_one], None) == [*paragraphs, long_one]


def test_thousands_of_long_paragraphs_all_stay_and_their_copy_goes() -> None:
    paragraphs = [_paragraph(n) for n in range(4000)]
    assert all(len(text) >= 400 for text in paragraphs)
    copy = " ".join(paragraphs[100:110])
    assert finish_paragraphs([*paragraphs, copy], None) == paragraphs


def test_a_copy_of_paragraphs_sharing_their_opening_goes() -> None:
    opening = "The harbour council said on Monday that the ferry budget "
    paragraphs = [opening + _paragraph(n, 20) for n in range(6)]
    assert finish_paragraphs([*paragraphs, " ".join(paragraphs)], None) == paragraphs


def test_a_paragraph_found_only_inside_a_word_of_the_long_one_does_not_count() -> None:
    paragraphs = [_paragraph(n, 20) for n in range(6)]
    glued = "x".join(paragraphs)  # each copy but the first starts inside a word
    assert finish_paragraphs([*paragraphs, glued], None) == [*paragraphs, glued]


def test_the_key_of_a_text_is_its_lowercased_word_tokens() -> None:
    assert text_key("Hello,   World! foo_bar-baz (2024)") == "hello world foo_bar baz 2024"
    assert text_key("Café — naïve_Über’s 3.5%") == "café naïve_über s 3 5"
    assert text_key("\t--!\n") == ""
    # typographic quotes and dashes part words like ASCII punctuation, with or without letters
    # beyond ASCII beside them
    assert text_key("It’s “Done” — 1–2… ‘x’") == "it s done 1 2 x"
    assert text_key("Naïve’s “Über”—test") == "naïve s über test"
    assert text_key("’—…") == ""


def test_one_huge_paragraph_beside_short_ones_stays() -> None:
    huge = " ".join(_paragraph(n) for n in range(2000))
    short = [_paragraph(n, 8) for n in range(3)]
    assert finish_paragraphs([huge, *short], None) == [huge, *short]


NOTE = "Tide times for this berth are published by the harbour office each morning."


def test_a_note_recurring_under_each_item_stays_every_time() -> None:
    items = [_paragraph(n, 12) for n in range(3)]
    paragraphs = [items[0], NOTE, items[1], NOTE, items[2], NOTE]
    assert finish_paragraphs(paragraphs, None) == paragraphs


def test_a_paragraph_met_twice_keeps_its_first_place_only() -> None:
    items = [_paragraph(n, 12) for n in range(3)]
    assert finish_paragraphs([items[0], NOTE, items[1], NOTE, items[2]], None) \
        == [items[0], NOTE, items[1], items[2]]


def test_a_passage_copied_again_and_again_goes_after_its_first_time() -> None:
    passage = [_paragraph(n, 12) for n in range(4)]
    tail = _paragraph(50, 12)
    paragraphs = [*passage, "Short label", *passage, *passage, tail]
    assert finish_paragraphs(paragraphs, None) == [*passage, "Short label", tail]


HEADLINE = "Ferry service resumes after the winter storms"
PROSE = "The ferry resumed service on Monday after the storm, the operator said today."


def test_the_headline_with_a_kicker_glued_to_it_or_a_section_after_a_bar_goes() -> None:
    for copy in ("Harbour newsFerry service resumes after the winter storms",
                 '"Back on the water"Ferry service resumes after the winter storms',
                 "Title:Ferry service resumes after the winter storms",
                 "Ferry service resumes after the winter storms | Opinion",
                 "Ferry service resumes after the winter storms :: View in Browser"):
        assert finish_paragraphs([copy, PROSE], HEADLINE) == [PROSE], copy


def test_a_heading_that_only_holds_the_headline_among_its_own_words_stays() -> None:
    for heading in ("Why ferry service resumes after the winter storms",
                    "Ferry service resumes after the winter storms – and what it costs",
                    "Q: Ferry service resumes after the winter storms?",
                    "Harbour news: Ferry service resumes after the winter storms"):
        assert finish_paragraphs([heading, PROSE], HEADLINE) == [heading, PROSE], heading


def test_the_headline_or_a_paywall_notice_differing_only_in_a_case_variant_letter_still_goes() -> None:
    # The word tests before the patterns compare lowercase, where "ſ" is no "s" and "İ" no "i":
    # the patterns (case-insensitive: "ſ" matches "s") decide such lines.
    assert finish_paragraphs(["Harbour newsFerry ſervice resumes after the wİnter storms", PROSE],
                             HEADLINE) == [PROSE]
    assert finish_paragraphs([*ARTICLE, "This article is exclusive to Harbour+ ſubscribers", "$39"],
                             None) == ARTICLE


def test_a_short_headline_inside_a_longer_line_is_not_told_apart() -> None:
    line = "NewsFerry resumes"
    assert finish_paragraphs([line, PROSE], "Ferry resumes") == [line, PROSE]


def test_a_live_blog_entry_stamp_goes_but_a_schedule_line_stays() -> None:
    entries = ["21:00Kim Mast", "20:42KEY EVENT", PROSE]
    assert finish_paragraphs(entries, None) == [PROSE]
    schedule = ["9:00 Registration", "10:30 Keynote by the harbour master", "4:14 p.m.", PROSE]
    assert finish_paragraphs(schedule, None) == schedule


def test_a_labelled_list_of_teaser_titles_goes_up_to_the_next_sentence() -> None:
    paragraphs = [PROSE, "More Great Harbour Stories", "Ten harbour walks for the spring",
                  "Why do the tides turn?", "The museum reopens its quay wing",
                  "The council will vote on the budget next week."]
    assert finish_paragraphs(paragraphs, None) == [PROSE, paragraphs[-1]]
    german = [PROSE, "Weitere Informationen", "Fähre fährt wieder",
              "Nach dem Sturm ist der Betrieb aufgenommen worden. mehr", "Brücke gesperrt"]
    assert finish_paragraphs(german, None) == [PROSE]


def test_a_label_followed_by_one_title_or_by_sentences_stays() -> None:
    section = [PROSE, "Read also", "Pick the right ferry", "A long paragraph that opens the next section."]
    assert finish_paragraphs(section, None) == section
    sources = [PROSE, "More from the harbour desk:", "The ferry runs hourly.", "Tickets cost two euros."]
    assert finish_paragraphs(sources, None) == sources


ARTICLE = [f"Paragraph {n} of the harbour story, with enough words to read as text." for n in range(4)]


def test_a_paywall_notice_cuts_the_prices_and_perks_after_it_and_its_label() -> None:
    for notice in ("This article is exclusive to Harbour+ subscribers",
                   "Become a paid subscriber to Harbour Post to unlock this piece and learn about:",
                   "Subscribe to Harbour Post to keep reading this post.",
                   "Weiterlesen mit Hafen+", "La suite de cet article est réservée aux abonnés."):
        page = [*ARTICLE, "Harbour+ Story", notice, "Monthly", "$39", "Playbooks for the ferry"]
        assert finish_paragraphs(page, None) == ARTICLE, notice


def test_a_notice_among_the_first_paragraphs_or_a_heading_about_unlocking_cuts_nothing() -> None:
    early = [ARTICLE[0], "This story is only for subscribers.", *ARTICLE[1:]]
    assert finish_paragraphs(early, None) == early
    heading = [*ARTICLE, "Unlock the Full Potential of Your Harbour", "The ferry runs hourly all year."]
    assert finish_paragraphs(heading, None) == heading
