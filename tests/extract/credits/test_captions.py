"""Captions found in markup that names only the credit, image-server renditions, JSON-LD names."""

from __future__ import annotations

import re

from scraper.extract.credits import extract_images
from scraper.extract.credits.images import image_key, same_picture
from scraper.extract.credits.lines import split_trailing_credit
from scraper.extract.credits.names import AGENCY_ALIASES, trie_pattern
from scraper.extract.document import parse_document
from scraper.models import Image

PAGE_URL = "https://news.example.org/2024/05/harbour/"


def _images(head: str = "", body: str = "") -> list[Image]:
    document = parse_document(f"<html><head>{head}</head><body>{body}</body></html>", PAGE_URL)
    return extract_images(document, None, document.tree.css_first("article"))


def test_unnamed_line_between_a_picture_and_its_named_credit_is_the_caption() -> None:
    body = """<article><div class="media">
      <picture><img src="/media/quay.jpg" width="800"></picture>
      <p class="media-lead">Divers check the old quay wall at dawn</p>
      <p class="image-author">Foto: Jo Roe/AP</p>
    </div><p>The harbour reopened on Monday after two weeks of repairs to the wall.</p></article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers check the old quay wall at dawn"
    assert image.photographer == "Jo Roe" and image.credit_source == "AP"


def test_a_named_credit_before_the_unnamed_line_leaves_no_caption_from_the_credit() -> None:
    body = """<article><div class="media">
      <picture><img src="/media/quay.jpg" width="800"></picture>
      <p class="image-author">Foto: Jo Roe/AP</p>
      <p>Foto: Jo Roe/AP</p>
    </div><p>The harbour reopened on Monday after two weeks of repairs to the wall.</p></article>"""
    [image] = _images(body=body)
    assert image.caption is None and image.credit == "Foto: Jo Roe/AP"


def test_text_beside_a_named_credit_in_a_layout_block_is_no_caption() -> None:
    prose = "The harbour reopened on Monday after two weeks of repairs to the wall. " * 12
    body = f"""<article><div class="column">
      <picture><img src="/media/quay.jpg" width="800"></picture>
      <p class="image-author">Foto: Jo Roe/AP</p>
      <p>{prose}</p>
    </div></article>"""
    [image] = _images(body=body)
    assert image.caption is None and image.photographer == "Jo Roe"


def test_image_server_size_parameters_keep_the_picture_identity() -> None:
    base = "https://images.example.net/AbCdEf0123456789xyz"
    assert image_key(f"{base}=s750") == image_key(f"{base}=s1000")
    assert image_key(f"{base}=w1200-h630-c") == image_key(f"{base}=s750")
    assert image_key(f"{base}=s750") != image_key("https://images.example.net/ZyXwVu9876543210abc=s750")


def test_jsonld_image_name_is_the_lead_caption_when_it_is_a_phrase() -> None:
    head = """<script type="application/ld+json">{"@type": "NewsArticle", "image": {
      "@type": "ImageObject", "url": "https://news.example.org/media/quay.jpg",
      "name": "Divers check the old quay wall at dawn"}}</script>"""
    [image] = _images(head=head)
    assert image.caption == "Divers check the old quay wall at dawn"


def test_jsonld_image_name_that_is_a_file_or_a_word_is_no_caption() -> None:
    for name in ("IMG_2041.jpg", "Quay", "quay wall at-dawn.jpeg"):
        head = f"""<script type="application/ld+json">{{"@type": "NewsArticle", "image": {{
          "@type": "ImageObject", "url": "https://news.example.org/media/quay.jpg",
          "name": "{name}"}}}}</script>"""
        [image] = _images(head=head)
        assert image.caption is None, name


def test_isithombe_labels_a_credit_closing_a_caption() -> None:
    caption, parsed = split_trailing_credit("Sipho Dube at the harbour. Isithombe: Thandi Nkosi")
    assert caption == "Sipho Dube at the harbour."
    assert parsed is not None and parsed.photographer == "Thandi Nkosi"


def test_trie_alternation_prefers_the_longest_word_like_a_longest_first_alternation() -> None:
    words = ["ap", "ap photo", "ap photos", "afp", "afp photo", "rex/shutterstock"]
    trie = re.compile(rf"(?<![\w-]){trie_pattern(words)}(?![\w-])", re.IGNORECASE)
    listed = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w-])(?:{listed})(?![\w-])", re.IGNORECASE)
    for text in ("AP Photo/Jo Roe", "ap photox and AP", "Rex/Shutterstock, AFP PHOTO", "snap apart"):
        assert trie.findall(text) == plain.findall(text), text
    assert AGENCY_ALIASES.findall("AP Photos via Getty Images") == ["AP Photos", "Getty Images"]


def test_a_cite_in_the_caption_and_a_figure_footer_are_credits() -> None:
    body = """<article>
      <figure><img src="/media/quay.jpg" width="800"><figcaption><p>Divers at the old quay wall.
        <cite>AP Photo/Jo Roe, File</cite></p></figcaption></figure>
      <figure><img src="/media/pier.jpg" width="800"><figcaption>The pier at dawn.</figcaption>
        <footer>Imago/Harbour-News.de</footer></figure>
      <p>The harbour reopened on Monday after two weeks of repairs to the wall.</p></article>"""
    quay, pier = _images(body=body)
    assert quay.caption == "Divers at the old quay wall."
    assert (quay.photographer, quay.credit_source) == ("Jo Roe", "AP")
    assert pier.caption == "The pier at dawn." and pier.credit == "Imago/Harbour-News.de"


PROSE = "<p>The harbour reopened on Monday after two weeks of repairs to the old wall.</p>"


def test_a_copyright_label_element_is_not_the_credit_and_leaves_the_caption() -> None:
    body = f"""<article><div class="hero"><img src="/media/quay.jpg" width="800"></div>
      <div class="article-caption"><span class="caption-text">Divers at the quay
        <span>- </span><span class="caption-copyright">Copyright </span>
        <span class="caption-credit">Jo Roe/AP</span></span></div>{PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers at the quay"
    assert (image.photographer, image.credit_source) == ("Jo Roe", "AP")


def test_the_caption_closing_with_the_whole_credit_beats_a_source_only_credit_element() -> None:
    body = f"""<article><figure><img src="/media/quay.jpg" width="800">
      <figcaption>Divers at the quay on Sunday. (AP Photo/Jo Roe) <span>-</span>
        <span class="copyright">Copyright</span> <span class="credit">AP Photo</span>
      </figcaption></figure>{PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers at the quay on Sunday."
    assert (image.photographer, image.credit_source) == ("Jo Roe", "AP")


def test_a_credit_caption_box_holds_both() -> None:
    body = f"""<article><div class="image"><img src="/media/quay.jpg" width="800"></div>
      <div class="credit-caption"><div class="caption"><p>Divers check the old quay wall at
        dawn before the harbour reopens to ferries and fishing boats on Monday.</p></div>
        <span class="credit">Jo Roe/Getty Images</span></div>{PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption is not None and image.caption.startswith("Divers check the old quay")
    assert (image.photographer, image.credit_source) == ("Jo Roe", "Getty Images")


def test_a_caption_span_alone_in_the_next_paragraph_is_the_caption() -> None:
    body = f"""<article>{PROSE}<img src="/media/quay.jpg" width="1800" height="945">
      <p><span class="article-caption">Divers at the quay. | Photo by Jo Roe</span></p>
      {PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers at the quay."
    assert image.photographer == "Jo Roe"


def test_a_credit_element_holding_the_caption_gives_both() -> None:
    body = f"""<article><img class="img-first" src="/media/quay.jpg" width="1800">
      <div class="background-credits">Divers at the quay, with more to come. | Photo by Jo Roe
      </div>{PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers at the quay, with more to come."
    assert image.credit == "Photo by Jo Roe" and image.photographer == "Jo Roe"


def test_a_figcaption_block_of_names_after_the_caption_is_the_credit() -> None:
    body = f"""<article><figure><img src="/media/quay.jpg" width="800"><figcaption><div>
      <div><span>Divers check the old quay wall before it reopens.</span></div>
      <div><span>Thea Roe, The Harbour Times/Redux</span></div></div></figcaption></figure>
      {PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers check the old quay wall before it reopens."
    assert (image.photographer, image.credit_source) == ("Thea Roe", "The Harbour Times / Redux")


def test_a_short_name_line_after_an_unnamed_caption_line_is_the_credit() -> None:
    body = f"""<article>{PROSE}<div class="x1"><div class="x2"><picture>
      <img src="/media/quay.jpg" width="800"></picture></div>
      <div class="x3">Former harbour master at the pier</div><div class="x4">HT</div></div>
      {PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Former harbour master at the pier" and image.credit == "HT"


def test_renditions_named_by_variant_or_aspect_ratio_are_one_picture() -> None:
    assert same_picture("https://x.de/a/meteorit142_v-contentxl.jpg",
                        "https://x.de/a/meteorit142_v-fullhd.jpg")
    assert same_picture("https://i.example.com/n/ab12/h_16213329_16x9.jpg?w=1200",
                        "https://i.example.com/n/ab12/h_16213329.jpg?w=374")
    assert not same_picture("https://x.de/a/meteorit142_v-contentxl.jpg",
                            "https://x.de/a/komet202_v-contentxl.jpg")


def test_a_caption_element_flagged_by_an_empty_data_attribute_is_the_credit() -> None:
    body = f"""<article><figure><img src="/media/quay.jpg" width="800"><figcaption><p>Divers at
      the quay <span data-cms-captionauthor=""> / Jo Roe</span></p></figcaption></figure>
      {PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers at the quay" and image.photographer == "Jo Roe"


def test_an_og_image_alt_closing_with_a_credit_credits_the_lead() -> None:
    head = """<meta property="og:image" content="https://news.example.org/media/quay.jpg">
      <meta property="og:image:alt" content="Divers at the quay on Monday. REUTERS/Jo Roe">"""
    [image] = _images(head=head, body=f"<article>{PROSE}</article>")
    assert image.caption == "Divers at the quay on Monday."
    assert (image.photographer, image.credit_source) == ("Jo Roe", "Reuters")


def test_an_og_image_alt_without_a_credit_is_no_caption() -> None:
    head = """<meta property="og:image" content="https://news.example.org/media/quay.jpg">
      <meta property="og:image:alt" content="Divers at the quay on Monday">"""
    [image] = _images(head=head, body=f"<article>{PROSE}</article>")
    assert image.caption is None and image.credit is None


def test_a_credit_line_opening_the_pictures_wrapper_is_its_credit() -> None:
    body = f"""<article><div class="media"><span class="small">Foto: Jo Roe</span>
      <img src="/media/quay.jpg" width="800"><div class="text">Divers at the old quay wall</div>
      </div>{PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers at the old quay wall" and image.photographer == "Jo Roe"


def test_an_organisation_opening_a_figcaption_before_a_break_is_the_credit() -> None:
    body = f"""<article><figure><img src="/media/quay.jpg" width="800"><figcaption>
      <span>The Harbour Shimbun</span><br>Divers check the old quay wall on Saturday.
      </figcaption></figure>{PROSE}</article>"""
    [image] = _images(body=body)
    assert image.caption == "Divers check the old quay wall on Saturday."
    assert image.credit_source == "The Harbour Shimbun"


def test_a_person_opening_a_figcaption_is_no_credit() -> None:
    body = f"""<article><figure><img src="/media/quay.jpg" width="800"><figcaption>
      <span>Jo Roe</span><br>The harbour master at the old quay wall on Saturday.
      </figcaption></figure>{PROSE}</article>"""
    [image] = _images(body=body)
    assert image.credit is None


def test_inline_pieces_of_a_credit_caption_are_no_name_line() -> None:
    body = f"""<article><figure><img src="/media/quay.jpg" width="800"><figcaption><span>Photo
      by </span><a href="https://unsplash.com/@jo">Jo Roe</a><span> / </span><a
      href="https://unsplash.com/">Unsplash</a></figcaption></figure>{PROSE}</article>"""
    [image] = _images(body=body)
    assert (image.photographer, image.credit_source) == ("Jo Roe", "Unsplash")
