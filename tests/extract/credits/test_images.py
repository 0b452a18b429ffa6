"""extract_images and split_credit_lines on small parsed pages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from scraper.extract.credits import collect_pictures, extract_images, split_credit_lines
from scraper.extract.credits.images import (
    METADATA_SKIP_TOKENS,
    file_stem,
    image_key,
    is_chrome_url,
    url_path,
)
from scraper.extract.document import Document, parse_document
from scraper.models import Image, SiteRules

PAGE_URL = "https://news.example.org/2024/05/harbour/"


def _document(head: str = "", body: str = "") -> Document:
    return parse_document(f"<html><head>{head}</head><body>{body}</body></html>", PAGE_URL)


def _images(head: str = "", body: str = "", rules: SiteRules | None = None) -> list[Image]:
    document = _document(head, body)
    return extract_images(document, rules, document.tree.css_first("article"))


def test_og_image_is_the_lead_absolutized() -> None:
    images = _images('<meta property="og:image" content="/media/quay-at-dawn.jpg">')
    assert images == [Image(url="https://news.example.org/media/quay-at-dawn.jpg")]


def test_jsonld_image_reference_gives_caption_and_credit() -> None:
    head = """<script type="application/ld+json">{"@graph": [
      {"@type": "NewsArticle", "headline": "Harbour", "image": {"@id": "#primary"}},
      {"@type": "ImageObject", "@id": "#primary", "url": "https://cdn.example.org/quay.jpg",
       "caption": "The quay at dawn", "creditText": "Tomas Herrera/Reuters"}]}</script>"""
    assert _images(head) == [Image(url="https://cdn.example.org/quay.jpg", caption="The quay at dawn",
                                   credit="Tomas Herrera/Reuters", photographer="Tomas Herrera",
                                   credit_source="Reuters")]


def test_jsonld_creator_and_copyright_holder_without_credit_text() -> None:
    head = """<script type="application/ld+json">{"@type": "Article", "image": {
      "@type": "ImageObject", "url": "https://cdn.example.org/crane.jpg",
      "creator": {"@type": "Person", "name": "Aiko Mori"},
      "copyrightHolder": {"@type": "Organization", "name": "Harbour Herald"}}}</script>"""
    image = _images(head)[0]
    assert (image.photographer, image.credit_source, image.credit) == ("Aiko Mori", "Harbour Herald", None)


def test_logo_as_og_image_is_no_lead() -> None:
    assert _images('<meta property="og:image" content="/static/site-logo.png">') == []


def test_figure_with_caption_and_credit_element() -> None:
    body = """<article><p>Text.</p><figure><img src="/media/crane-at-the-pier.jpg">
      <figcaption>A crane at the pier. <span class="image-credit">Photograph: Ines Mbeki/AFP</span>
      </figcaption></figure></article>"""
    assert _images(body=body) == [Image(url="https://news.example.org/media/crane-at-the-pier.jpg",
                                        caption="A crane at the pier.",
                                        credit="Photograph: Ines Mbeki/AFP",
                                        photographer="Ines Mbeki", credit_source="AFP")]


def test_wordpress_caption_with_trailing_credit() -> None:
    body = """<article><div class="wp-caption"><img src="/wp-content/uploads/boat-race.jpg">
      <p class="wp-caption-text">The boat race. (AP Photo/Rosa Lindqvist)</p></div></article>"""
    image = _images(body=body)[0]
    assert (image.caption, image.photographer, image.credit_source) == ("The boat race.", "Rosa Lindqvist", "AP")


def test_figure_with_a_paragraph_for_a_caption() -> None:
    body = """<article><figure><img src="/posts/horn-antenna/cover.jpg"><p>The horn on the roof.
      Photo: Kjell Aurland via Flickr (CC BY 2.0)</p></figure></article>"""
    image = _images(body=body)[0]
    assert (image.caption, image.photographer, image.credit_source) == \
        ("The horn on the roof.", "Kjell Aurland", "Flickr")


def test_data_credit_attribute() -> None:
    body = '<article><img src="/media/ferry-terminal.jpg" data-credit="Foto: Jonas Weidner/dpa"></article>'
    image = _images(body=body)[0]
    assert (image.credit, image.photographer, image.credit_source) == ("Foto: Jonas Weidner/dpa", "Jonas Weidner", "dpa")


def test_lazy_loading_resolved_and_largest_srcset_taken() -> None:
    body = """<article><figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="
      data-src="/media/dock-small.jpg"
      data-srcset="/media/dock-480.jpg 480w, /media/dock-1600.jpg 1600w, /media/dock-960.jpg 960w">
      </figure><img src="/img/lazy-placeholder.gif" data-lazy-src="/media/harbour-night.jpg"></article>"""
    urls = [image.url for image in _images(body=body)]
    assert urls == ["https://news.example.org/media/dock-1600.jpg",
                    "https://news.example.org/media/harbour-night.jpg"]


@pytest.mark.parametrize("img", [
    '<img src="/pixel.gif" width="1" height="1">',
    '<img src="/assets/icons/share-facebook.png">',
    '<img class="avatar" src="/users/jane-doe.jpg">',
    '<img src="https://secure.gravatar.com/avatar/abc123">',
    '<img src="/theme/site-logo.png" alt="Logo">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<img src="/wp-includes/images/smilies/icon_smile.gif" class="wp-smiley">',
    '<img src="/media/badge.svg">',
    '<img src="/files/styles/thumb_100/public/related-story.jpg">',
])
def test_chrome_images_are_skipped(img: str) -> None:
    assert _images(body=f"<article><p>Text.</p>{img}</article>") == []


@pytest.mark.parametrize("classes", ["entry-thumb td-modal-image", "lazy lazyloaded", "loading"])
def test_picture_classes_that_look_like_chrome_words_are_kept(classes: str) -> None:
    body = f'<article><img class="{classes}" src="/media/harbour-at-night.jpg"></article>'
    assert [image.url for image in _images(body=body)] == ["https://news.example.org/media/harbour-at-night.jpg"]


def test_one_image_per_picture_across_sizes_and_sources() -> None:
    head = '<meta property="og:image" content="https://news.example.org/media/quay-at-dawn-1200x630.jpg">'
    body = """<article><figure><img src="/media/quay-at-dawn-1024x683.jpg">
      <figcaption>The quay at dawn.</figcaption></figure></article>"""
    images = _images(head, body)
    assert len(images) == 1
    assert images[0].caption == "The quay at dawn."
    assert images[0].url.endswith("quay-at-dawn-1200x630.jpg")


def test_lead_caption_found_in_a_figure_outside_the_main_node() -> None:
    head = '<meta property="og:image" content="/media/storm-over-the-bay.jpg">'
    body = """<header><figure><img src="/media/storm-over-the-bay.jpg"><figcaption>Storm over
      the bay. Photo: Nadia Quist</figcaption></figure></header><article><p>Text.</p></article>"""
    image = _images(head, body)[0]
    assert (image.caption, image.photographer) == ("Storm over the bay.", "Nadia Quist")


def test_site_rule_credit_selector() -> None:
    head = '<meta property="og:image" content="/media/market-hall.jpg">'
    body = '<div class="hero-meta">Bild: Clara Vogt</div><article><p>Text.</p></article>'
    rules = SiteRules(name="herald", kind="site", domains=("news.example.org",), credit=(".hero-meta",))
    assert _images(head, body, rules)[0].photographer == "Clara Vogt"


def test_image_key_ignores_sizes_and_resize_queries() -> None:
    assert image_key("https://a.example/m/quay-at-dawn-300x200.jpg") == \
        image_key("https://cdn.example/m/quay-at-dawn.jpg?w=1200")
    assert image_key("https://a.example/m/1/master/3000.jpg") != image_key("https://a.example/m/2/master/3000.jpg")


# split_credit_lines

LEAD = Image(url="https://news.example.org/media/quay.jpg")


def test_credit_paragraph_goes_to_the_lead_image_and_leaves_the_body() -> None:
    paragraphs = ["Harbour plan wins vote.", "Photo by Mirela Ostrowska on Unsplash", "The council met."]
    kept, images = split_credit_lines(paragraphs, [LEAD], _document())
    assert kept == ["Harbour plan wins vote.", "The council met."]
    assert images == [Image(url=LEAD.url, credit="Photo by Mirela Ostrowska on Unsplash",
                            photographer="Mirela Ostrowska", credit_source="Unsplash")]


def test_credit_after_a_caption_paragraph_goes_to_that_image() -> None:
    captioned = Image(url="https://news.example.org/media/crane.jpg", caption="A crane at the pier.")
    paragraphs = ["Text.", "A crane at the pier.", "(AP Photo/Rosa Lindqvist)", "More text."]
    kept, images = split_credit_lines(paragraphs, [LEAD, captioned], _document())
    assert kept == ["Text.", "More text."]
    assert images[0] == LEAD
    assert (images[1].photographer, images[1].credit_source) == ("Rosa Lindqvist", "AP")


def test_second_credit_makes_an_image_without_url() -> None:
    credited = Image(url=LEAD.url, credit="Photo: Reuters", credit_source="Reuters")
    kept, images = split_credit_lines(["Text.", "Foto: Jonas Weidner/dpa"], [credited], _document())
    assert kept == ["Text."]
    assert images[1] == Image(url=None, credit="Foto: Jonas Weidner/dpa", photographer="Jonas Weidner",
                              credit_source="dpa")


def test_without_images_a_credit_line_is_kept_with_the_og_image() -> None:
    document = _document('<meta property="og:image" content="/media/quay.jpg">')
    _, images = split_credit_lines(["Photograph: Tomas Herrera/Reuters"], [], document)
    assert images == [Image(url="https://news.example.org/media/quay.jpg",
                            credit="Photograph: Tomas Herrera/Reuters",
                            photographer="Tomas Herrera", credit_source="Reuters")]


def test_caption_paragraph_with_trailing_credit_moves_to_an_image() -> None:
    kept, images = split_credit_lines(["Text.", "Divers in the bay. Photograph: Dan Hale/PA"], [],
                                      _document())
    assert kept == ["Text."]
    assert images == [Image(url=None, caption="Divers in the bay.", credit="Photograph: Dan Hale/PA",
                            photographer="Dan Hale", credit_source="PA")]


def test_repeated_credit_line_is_removed_without_a_new_image() -> None:
    credited = Image(url=LEAD.url, caption="The boat race.", credit="(AP Photo/Rosa Lindqvist)",
                     photographer="Rosa Lindqvist", credit_source="AP")
    kept, images = split_credit_lines(["The boat race.", "(AP Photo/Rosa Lindqvist)", "Text."],
                                      [credited], _document())
    assert (kept, images) == (["Text."], [credited])


def test_closing_copyright_notice_leaves_the_body_but_credits_no_image() -> None:
    kept, images = split_credit_lines(["WASHINGTON (Reuters) - Text.", "More text.", "© Reuters"],
                                      [LEAD], _document())
    assert (kept, images) == (["WASHINGTON (Reuters) - Text.", "More text."], [LEAD])


@pytest.mark.parametrize("paragraph", [
    "The photo by the river was taken in 1920 by a local baker.",
    "Photographs by the dozen were shown at the exhibition.",
    "The minister said the ship left port on Monday. (AFP)",
    "Reuters",
])
def test_prose_mentioning_photos_stays_in_the_body(paragraph: str) -> None:
    kept, images = split_credit_lines([paragraph], [LEAD], _document())
    assert (kept, images) == ([paragraph], [LEAD])


# lead pictures outside the main node, and pictures outside figures

def _extract_with_main(head: str, body: str, main_selector: str) -> list[Image]:
    document = _document(head, body)
    return extract_images(document, None, document.tree.css_first(main_selector))


def _extract_after_cleaning(head: str, body: str, removed: str, main_selector: str) -> list[Image]:
    """Read the pictures, remove what the body cleaner would, then pick the article's."""
    document = _document(head, body)
    pictures = collect_pictures(document, None)
    for node in document.tree.css(removed):
        node.decompose()
    return extract_images(document, None, document.tree.css_first(main_selector), pictures)


def test_lead_figure_removed_by_the_cleaner_keeps_the_caption_read_before() -> None:
    head = '<meta property="og:image" content="/media/ferry-at-dawn.jpg">'
    body = """<header><figure><img src="/media/ferry-at-dawn-800x533.jpg"><figcaption>The first
      ferry of the day. (AP Photo/Rosa Lindqvist)</figcaption></figure></header>
      <div class="story"><p>Text.</p></div>"""
    image = _extract_after_cleaning(head, body, "header", ".story")[0]
    assert (image.caption, image.photographer, image.credit_source) == \
        ("The first ferry of the day.", "Rosa Lindqvist", "AP")


def test_lone_picture_reads_the_caption_and_credit_fields_after_it() -> None:
    head = '<meta property="og:image" content="/files/og/2024-05/weir-sampling.jpg">'
    body = """<div class="node"><div class="field-image"><img src="/files/wide/2024-05/weir-sampling.jpg">
      </div><div class="field-image-caption">Volunteers sample the weir.</div>
      <div class="field-image-credit">Credit: Amara Quist</div>
      <div class="field-body"><p>Text.</p></div></div>"""
    image = _extract_with_main(head, body, ".field-body")[0]
    assert (image.caption, image.credit, image.photographer) == \
        ("Volunteers sample the weir.", "Credit: Amara Quist", "Amara Quist")


def test_data_caption_on_the_link_around_the_lead_image() -> None:
    head = '<meta property="og:image" content="/uploads/heating-plant-south.jpg">'
    body = """<div class="featured"><a href="/uploads/heating-plant-south.jpg"
      data-caption="The heating plant. Foto: Marco Stein/dpa"><img
      src="/uploads/heating-plant-south-696x464.jpg"></a></div><div class="story"><p>Text.</p></div>"""
    image = _extract_with_main(head, body, ".story")[0]
    assert (image.caption, image.photographer, image.credit_source) == ("The heating plant.", "Marco Stein", "dpa")


def test_rdfa_og_image_is_a_lead() -> None:
    body = """<div rel="og:image" resource="https://news.example.org/files/ridge-fire.jpg"></div>
      <article><p>Text.</p></article>"""
    assert _images(body=body)[0].url == "https://news.example.org/files/ridge-fire.jpg"


def test_without_metadata_the_article_picture_before_the_body_is_the_lead() -> None:
    body = """<article><div class="field-image"><figure><img src="/files/platform-crowd.jpg">
      <figcaption>Commuters on the platform. Photo AFP / Jean Marteau</figcaption></figure></div>
      <div class="field-body"><p>Text.</p></div></article>"""
    image = _extract_with_main("", body, ".field-body")[0]
    assert (image.caption, image.photographer, image.credit_source) == \
        ("Commuters on the platform.", "Jean Marteau", "AFP")


def test_amp_images_with_their_caption() -> None:
    body = """<article><figure class="wp-caption"><amp-img width="1200" height="800"
      src="/uploads/bayview-cottages.jpg"></amp-img><p class="wp-caption-text">Rental cottages.
      Photo by Kevin Dunlop/Cape Ledger</p></figure></article>"""
    image = _images(body=body)[0]
    assert (image.url, image.photographer, image.credit_source) == \
        ("https://news.example.org/uploads/bayview-cottages.jpg", "Kevin Dunlop", "Cape Ledger")


def test_lead_art_between_headline_and_body_removed_by_the_cleaner_is_the_lead() -> None:
    body = """<h1>Train derails</h1><div class="carousel"><figure><img src="/assets/derailment.jpg">
      <figcaption>Tank cars on their sides. <span class="tnt-byline">(AP Photo/Dana Obst)</span>
      </figcaption></figure></div><div class="story"><p>Freight cars left the track on Monday
      near the river crossing.</p></div>"""
    image = _extract_after_cleaning("", body, ".carousel", ".story")[0]
    assert (image.caption, image.photographer, image.credit_source) == \
        ("Tank cars on their sides.", "Dana Obst", "AP")


def test_drupal_image_styles_of_one_picture_share_a_key() -> None:
    assert image_key("https://a.example/files/styles/og_image/public/2024-05/ward.jpg?itok=1") == \
        image_key("https://a.example/files/styles/large/public/2024-05/ward.jpg?itok=2")


def test_jsonld_caption_with_a_trailing_credit_is_split() -> None:
    head = """<script type="application/ld+json">{"@type": "NewsArticle", "image": {
      "@type": "ImageObject", "url": "https://cdn.example.org/chamber-vote.jpg",
      "caption": "Councillors leave the chamber. Photograph: Hollis Brandt/Reuters"}}</script>"""
    image = _images(head)[0]
    assert (image.caption, image.photographer, image.credit_source) == \
        ("Councillors leave the chamber.", "Hollis Brandt", "Reuters")


def test_rendition_tokens_in_a_file_name_keep_the_picture_key() -> None:
    assert image_key("https://cdn.example/i/7c1d-0001-44ab_w1200_r1.91_fpx44_fpy50.jpg") == \
        image_key("https://cdn.example/i/7c1d-0001-44ab_w996_r1.778_fpx44_fpy50.jpg")
    assert image_key("https://cdn.example/i/7c1d-0001-44ab_w1200.jpg") != \
        image_key("https://cdn.example/i/9e2f-0002-55cd_w1200.jpg")


def test_an_image_proxy_is_keyed_by_the_url_it_wraps() -> None:
    proxied = ("https://img-proxy.example/dims/crop/3000x1575/resize/1200x630/"
               "?url=https%3A%2F%2Fnews.example.org%2Fmedia%2Fsea-wall-repairs.jpg")
    assert image_key(proxied) == image_key("https://news.example.org/media/sea-wall-repairs.jpg")


def test_a_converted_copy_keeps_the_file_stem() -> None:
    assert file_stem("https://cdn.example/news/480/live/pier-fire.jpg.webp") == "pier-fire"


def test_lead_figure_found_when_its_file_name_holds_a_year() -> None:
    head = '<meta property="og:image" content="/fileadmin/csm_Wehrbruecke_2024_5e7a1c.jpg">'
    body = """<div class="news-img"><div class="outer"><img
      src="/fileadmin/csm_Wehrbruecke_2024_5e7a1c.jpg"></div><p class="news-img-caption">Die
      Wehrbrücke wird im Mai gesperrt. Foto: Stadt Lindau/Jan Ott</p></div>
      <div class="story"><p>Text.</p></div>"""
    image = _extract_with_main(head, body, ".story")[0]
    assert (image.caption, image.photographer, image.credit_source) == \
        ("Die Wehrbrücke wird im Mai gesperrt.", "Jan Ott", "Stadt Lindau")


def test_lead_named_only_by_its_size_is_found_by_its_folder() -> None:
    head = '<meta property="og:image" content="https://i.example/media/4c2e/master/3000.jpg?width=1200">'
    body = """<header><figure><img src="https://i.example/media/4c2e/master/3000.jpg?width=620">
      <figcaption>Seed jars in the cold store. Photograph: Ola Berg/Alamy</figcaption></figure>
      </header><div class="story"><p>Text.</p></div>"""
    image = _extract_after_cleaning(head, body, "header", ".story")[0]
    assert (image.url, image.photographer, image.credit_source) == \
        ("https://i.example/media/4c2e/master/3000.jpg?width=1200", "Ola Berg", "Alamy")


def test_lead_from_another_host_with_the_same_file_name_gets_its_caption() -> None:
    head = '<meta property="og:image" content="https://static.cdn.example/s/9f1a/t/1718/otter-pair.jpg">'
    body = """<div class="story"><p>Text.</p></div><div class="gallery"><figure><img
      src="https://images.cdn.example/content/v1/9f1a/otter-pair.jpg?format=1000w">
      <figcaption>Counting birds from a kayak. Photo: Rhys Prosser</figcaption></figure></div>"""
    image = _extract_with_main(head, body, ".story")[0]
    assert (image.url, image.caption, image.photographer) == \
        ("https://static.cdn.example/s/9f1a/t/1718/otter-pair.jpg", "Counting birds from a kayak.",
         "Rhys Prosser")


def test_the_title_of_a_lone_picture_is_its_caption() -> None:
    body = """<article><p>Text.</p><p><img src="/images/2024/bread-oven.jpg" alt="Le four"
      title="Le four à pain restauré du hameau. Photo Jeanne Prat" width="600"></p></article>"""
    image = _images(body=body)[0]
    assert (image.caption, image.photographer) == ("Le four à pain restauré du hameau.", "Jeanne Prat")


def test_a_title_without_a_credit_is_no_caption() -> None:
    body = """<article><img src="/images/2024/bread-oven.jpg" alt="The old bread oven"
      title="Click to enlarge the picture"></article>"""
    assert _images(body=body)[0].caption is None


def test_generic_file_names_on_two_hosts_are_two_pictures() -> None:
    head = '<meta property="og:image" content="https://static.cdn.example/s/1/featured.jpg">'
    body = """<div class="story"><p>Text.</p></div><div class="gallery"><figure><img
      src="https://images.cdn.example/v1/9f1a/featured.jpg"><figcaption>A different picture.
      Photo: Rhys Prosser</figcaption></figure></div>"""
    assert _extract_with_main(head, body, ".story")[0].caption is None


def test_source_label_and_caption_label_with_commas() -> None:
    body = """<article><figure><img src="/news/480/live/pier-fire.jpg.webp"><span
      class="copyright">Image source, Getty Images</span><figcaption>Image caption, The pier burned
      for six hours</figcaption></figure></article>"""
    image = _images(body=body)[0]
    assert (image.caption, image.credit_source) == ("The pier burned for six hours", "Getty Images")


def test_a_credit_ending_the_alt_text_credits_the_picture() -> None:
    body = """<article><figure><img src="/media/night-harbour.jpg"
      alt="Der Hafen bei Nacht. Foto: Jan Ott/Weserbote"></figure></article>"""
    image = _images(body=body)[0]
    assert (image.caption, image.photographer, image.credit_source) == (None, "Jan Ott", "Weserbote")


def test_photographer_data_attribute() -> None:
    body = '<article><img src="/media/night-harbour.jpg" data-photographer="Jan Ott"></article>'
    assert _images(body=body)[0].photographer == "Jan Ott"


def test_credited_lead_art_is_kept_when_the_og_image_is_another_crop() -> None:
    head = '<meta property="og:image" content="/social/share-card-7f2a.jpg">'
    body = """<h1>Storm closes the pier</h1><div class="lede"><figure><img src="/media/pier-waves.jpg">
      <figcaption>Waves over the pier. Photo: Lena Fischer/Reuters</figcaption></figure></div>
      <div class="story"><p>Waves broke over the pier all night and the council closed it.</p></div>"""
    images = _extract_after_cleaning(head, body, ".lede", ".story")
    assert [(image.url.rsplit("/", 1)[-1], image.photographer) for image in images] == \
        [("share-card-7f2a.jpg", None), ("pier-waves.jpg", "Lena Fischer")]


def test_a_long_figcaption_named_like_a_credit_is_the_caption() -> None:
    body = """<article><figure><img src="/media/budget-vote.jpg"><figcaption class="source">
      Members talk before the budget vote at the Statehouse on Thursday, April 27, in the
      capital, as the session nears its end. (AP Photo/Dana Obst) <a href="/photos/budget-vote/">more
      &gt;</a></figcaption></figure></article>"""
    image = _images(body=body)[0]
    caption = ("Members talk before the budget vote at the Statehouse on Thursday, April 27, in "
               "the capital, as the session nears its end.")
    assert (image.caption, image.photographer, image.credit_source) == (caption, "Dana Obst", "AP")


def test_a_closing_button_is_no_caption_text_but_a_linked_credit_name_is_the_credit() -> None:
    body = """<article><figure><img src="/media/knife.jpg"><figcaption>The knife was found
      here. Foto: Harbour Police <span class="toggle" role="button">Vis mer</span></figcaption>
      </figure><figure><img src="/media/mast.jpg"><figcaption>The mast. Photo:
      <a href="/people/jo-roe/">Jo Roe</a></figcaption></figure></article>"""
    first, second = _images(body=body)
    assert (first.caption, first.credit) == ("The knife was found here.", "Foto: Harbour Police")
    assert (second.caption, second.photographer) == ("The mast.", "Jo Roe")


def test_a_figure_several_wrappers_above_its_picture() -> None:
    body = """<article><figure class="media"><div class="lead-art"><div class="ratio"><div
      class="frame"><picture><img src="/media/tanker.jpg"></picture></div></div></div>
      <figcaption><span class="caption">The tanker at anchor.</span>
      <span class="media-credit">(NPA)</span></figcaption></figure></article>"""
    image = _images(body=body)[0]
    assert (image.caption, image.credit, image.credit_source) == ("The tanker at anchor.", "(NPA)", "NPA")


def test_unnamed_caption_and_credit_texts_after_a_picture_in_its_own_block() -> None:
    body = """<article><p>Text.</p><div class="x1"><span class="x2"><picture><img
      src="/media/book-fair.jpg"></picture></span><p>Readers meet writers at the book fair.</p>
      <p>Image: Fouzia Okafor</p></div><div class="y1"><picture><img src="/media/fans.jpg">
      </picture><div class="y2">Fans with a banner</div><div class="y3">REUTERS</div></div>
      <div class="z1"><img src="/media/quay.jpg"><p>A long body paragraph follows the picture
      here, as it does on many pages, and it is no caption at all.</p><h2>Next part</h2></div>
      </article>"""
    book, fans, quay = _images(body=body)
    assert (book.caption, book.photographer) == ("Readers meet writers at the book fair.", "Fouzia Okafor")
    assert (fans.caption, fans.credit_source) == ("Fans with a banner", "Reuters")
    assert (quay.caption, quay.credit) == (None, None)


def test_a_short_paragraph_after_a_picture_amid_the_text_is_no_caption() -> None:
    body = """<article><div class="text"><p>The library moves to the old customs house.</p>
      <p><img src="/media/reading-room.jpg"></p><p>It closes for two weeks in June.</p></div>
      </article>"""
    image = _images(body=body)[0]
    assert (image.url.rsplit("/", 1)[-1], image.caption) == ("reading-room.jpg", None)


def test_a_subheading_reading_x_for_y_stays_in_the_body() -> None:
    paragraphs = ["Ferry Timetables for Early Commuters", "The board met on Tuesday."]
    kept, images = split_credit_lines(paragraphs, [], parse_document("<html></html>"))
    assert kept == paragraphs and images == []


def test_a_labelled_x_for_y_line_is_still_a_credit() -> None:
    kept, images = split_credit_lines(["Photo: Ines Mbeki for The Harbour Herald", "Text."], [],
                                      parse_document("<html></html>"))
    assert kept == ["Text."] and images[0].photographer == "Ines Mbeki"


def test_chrome_url_tokens_differ_between_metadata_and_body_pictures() -> None:
    thumb, avatar = "https://x.org/img/thumb-harbour.jpg", "https://x.org/u/avatar-jo.png"
    for _ in range(2):  # the token sets are built once and remembered: asked again, same answers
        assert is_chrome_url(thumb) and not is_chrome_url(thumb, METADATA_SKIP_TOKENS)
        assert is_chrome_url(avatar) and is_chrome_url(avatar, METADATA_SKIP_TOKENS)
    assert is_chrome_url("https://x.org/img/siteLogo.png")  # camel case splits into words
    assert not is_chrome_url("https://x.org/img/Harbour.jpg")


def test_a_urls_path_is_what_urlsplit_reads() -> None:
    for url in ("https://x.org/a/b.jpg", "http://x.org", "https://x.org?w=1/2.jpg",
                "https://x.org#top/a.png", "https://x.org/a.jpg?w=1#f", "https://x.org/a#b?c",
                "https://x.org/a;v=1/logo.png", "//x.org/a.jpg", "/a/b.jpg", "https://x.org:8080/c",
                "https://[::1]/a.jpg", "https://x.org/\u00e9t\u00e9.jpg", "HTTPS://X.ORG/A.JPG",
                "https://x.org/a\tb.jpg", "https://x.org/a.jpg?"):
        assert url_path(url) == urlsplit(url).path, url
