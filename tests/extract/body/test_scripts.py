"""An article that lives only in a script's data is read from it."""

from __future__ import annotations

import json

from scraper import extract

SENTENCES = [
    "The lighthouse keeper retired on Friday after forty-one years on the rock, the last of her line.",
    "She said the lamp had failed only twice in that time, both times in storms that cut the power.",
    "The trust that runs the station will keep the light automatic and open the tower to visitors.",
    "Volunteers will guide the tours from May, when the ferry timetable adds a second daily crossing.",
]
HTML_BODY = "".join(f"<p>{s}</p>" for s in SENTENCES) + "<figure><figcaption>The tower at dusk.</figcaption></figure>"
SHELL = "<html><head>{head}</head><body><div id='root'><h1>Keeper retires</h1>{visible}</div>{tail}</body></html>"


def body_of(head: str = "", visible: str = "", tail: str = "") -> tuple[str, str | None]:
    article = extract(SHELL.format(head=head, visible=visible, tail=tail), url="https://coast.example/keeper")
    return article.body, article.provenance.body_strategy


def test_escaped_html_in_a_next_data_script_is_read() -> None:
    data = json.dumps({"props": {"pageProps": {"story": {"title": "Keeper retires", "html": HTML_BODY}}}})
    body, strategy = body_of(tail=f"<script id='__NEXT_DATA__' type='application/json'>{data}</script>")
    assert strategy == "script"
    assert body.split("\n\n") == SENTENCES  # the caption stays out


def test_unicode_escaped_html_in_a_state_assignment_is_read() -> None:
    escaped = json.dumps({"content": HTML_BODY}).replace("<", "\\u003c").replace(">", "\\u003e")
    body, strategy = body_of(tail=f"<script>window.__STATE__ = window.__STATE__ || [];"
                                  f"window.__STATE__.push({escaped});</script>")
    assert strategy == "script" and SENTENCES[3] in body


def test_json_ld_article_body_is_read_when_the_page_shows_none() -> None:
    data = json.dumps({"@type": "NewsArticle", "headline": "Keeper retires", "articleBody": "\n".join(SENTENCES)})
    body, strategy = body_of(head=f"<script type='application/ld+json'>{data}</script>")
    assert strategy == "script" and body.split("\n\n") == SENTENCES


def test_another_story_in_the_script_data_never_replaces_the_visible_one() -> None:
    other = "".join(f"<p>Preloaded story, paragraph {i}: the harbour market reopens on Saturday with "
                    "forty stalls, a new roof and a later closing time agreed with residents.</p>" for i in range(12))
    visible = "".join(f"<p>{s}</p>" for s in SENTENCES)
    body, strategy = body_of(visible=visible, tail=f"<script>var next = {json.dumps({'html': other})};</script>")
    assert strategy != "script" and "Preloaded" not in body and SENTENCES[0] in body


def test_a_visible_teaser_is_completed_from_the_script_data() -> None:
    whole = HTML_BODY + "".join(f"<p>Later paragraph {i}: {s}</p>" for i, s in enumerate(SENTENCES))
    body, strategy = body_of(visible=f"<p>{SENTENCES[0]}</p>",
                             tail=f"<script>var s = {json.dumps({'html': whole})};</script>")
    assert strategy == "script" and "Later paragraph 3" in body


def test_script_data_without_paragraphs_is_not_an_article() -> None:
    data = json.dumps({"menu": [{"label": f"Section {i}", "url": f"/s{i}"} for i in range(200)]})
    body, strategy = body_of(tail=f"<script>var menu = {data};</script>")
    assert strategy != "script" and "Section 5" not in body


def test_unfilled_template_placeholders_are_not_body() -> None:
    html_with_slots = HTML_BODY.replace("</p><p>", "</p><p>$$ARTICLEAD$$</p><p>", 1)
    data = json.dumps({"html": html_with_slots})
    body, _ = body_of(tail=f"<script>var s = {data};</script>")
    assert "ARTICLEAD" not in body and SENTENCES[1] in body


def test_deeply_nested_script_data_is_skipped_not_a_failure() -> None:
    article = extract(SHELL.format(head="", visible="", tail="<script>var s = '<p>'; var t = "
                                   + "[" * 100_000 + "</script>"), url="https://coast.example/keeper")
    assert not any("failed" in warning for warning in article.provenance.warnings)
