"""The lead: opening paragraphs between the headline and the chosen text join it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body.blocks import TextBlock, text_blocks
from scraper.extract.body.lead import with_lead

PROSE = ("The council voted on Tuesday to extend the tram line to the hospital, ending a "
         "debate that had lasted for more than six years and divided the town.")


def blocks_of(html: str) -> list[TextBlock]:
    body = LexborHTMLParser(html).body
    assert body is not None
    return text_blocks(body)


def lead_texts(html: str) -> list[str]:
    """The texts added before the blocks of the <main> box (standing for the chosen text)."""
    blocks = blocks_of(html)
    kept = [block for block in blocks if block.text.startswith("Body")]
    result = with_lead(kept, blocks)
    return [block.text for block in result[:len(result) - len(kept)]]


def page(lead: str) -> str:
    body = "".join(f"<p>Body {i}. {PROSE}</p>" for i in range(4))
    return f"<html><body><h1>Trams</h1>{lead}<main>{body}</main></body></html>"


def test_paragraphs_side_by_side_between_the_headline_and_the_text_join_it() -> None:
    lead = f"<div><p>Lead one. {PROSE}</p><h3>Warning</h3><p>Lead two. {PROSE}</p></div>"
    assert lead_texts(page(lead)) == [f"Lead one. {PROSE}", "Warning", f"Lead two. {PROSE}"]


def test_a_lone_standfirst_stays_out() -> None:
    assert lead_texts(page(f"<div class='standfirst'><p>Summary. {PROSE}</p></div>")) == []


def test_paragraphs_in_boxes_of_their_own_stay_out() -> None:
    lead = f"<div><p>Subtitle. {PROSE}</p></div><section><p>Notice. {PROSE}</p></section>"
    assert lead_texts(page(lead)) == []


def test_a_link_list_between_them_ends_the_walk() -> None:
    menu = "<ul>" + "".join(f"<li><a href='/s{i}'>Section {i} of the site</a></li>" for i in range(6)) + "</ul>"
    lead = f"<div><p>Lead one. {PROSE}</p>{menu}<p>Lead two. {PROSE}</p></div>"
    assert lead_texts(page(lead)) == []


def test_labels_before_the_first_paragraph_stay_out() -> None:
    lead = f"<div><p>Updated May 6</p><p>Lead one. {PROSE}</p><p>Lead two. {PROSE}</p></div>"
    assert lead_texts(page(lead)) == [f"Lead one. {PROSE}", f"Lead two. {PROSE}"]


def test_a_standfirst_beside_a_byline_box_stays_out() -> None:
    lead = f"<p>Standfirst. {PROSE}</p><div>By Jane Doe (correspondent)</div><div>21/06/2024 07:05</div>"
    assert lead_texts(page(lead)) == []
