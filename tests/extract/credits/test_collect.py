"""Pictures read before the body cleaner, and which of them are the article's."""

from __future__ import annotations

from scraper import extract
from scraper.extract.credits import collect_pictures, extract_images
from scraper.extract.document import parse_document
from scraper.models import Image

PAGE_URL = "https://news.example.org/2024/05/ferry-timetable/"
PROSE = ("The harbour board agreed on Tuesday to run the first ferry of the day half an hour "
         "earlier from June, after commuters asked for a connection to the early trains. ")


def _page(article: str, head: str = "") -> str:
    return (f"<html><head><title>Ferry</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Ferry leaves earlier from June</h1>{article}</article></body></html>")


def _images(article: str, head: str = "") -> list[Image]:
    return list(extract(_page(article, head), url=PAGE_URL).images)


def test_a_figure_the_cleaner_removes_from_the_body_is_still_the_articles() -> None:
    article = f"""<p>{PROSE}</p><div aria-hidden="true"><figure><img src="/media/quay-night.jpg">
      <figcaption>The quay at night. Photo: Ines Mbeki/AFP</figcaption></figure></div>
      <p>{PROSE}</p><p>{PROSE}</p>"""
    images = _images(article)
    assert [(i.url, i.caption, i.photographer, i.credit_source) for i in images] == \
        [("https://news.example.org/media/quay-night.jpg", "The quay at night.", "Ines Mbeki", "AFP")]


def test_the_noscript_copy_of_a_lazy_picture_gives_its_url() -> None:
    article = f"""<p>{PROSE}</p><figure><img src="data:image/gif;base64,R0lGOD"
      class="lazy"><noscript><img src="/media/pier-crane.jpg"></noscript>
      <figcaption>A crane on the pier.</figcaption></figure><p>{PROSE}</p><p>{PROSE}</p>"""
    assert [(i.url, i.caption) for i in _images(article)] == \
        [("https://news.example.org/media/pier-crane.jpg", "A crane on the pier.")]


def test_teasers_asides_and_author_boxes_in_the_article_are_left_out() -> None:
    article = f"""<p>{PROSE}</p><figure><img src="/media/ferry-deck.jpg"><figcaption>On deck.
      </figcaption></figure><p>{PROSE}</p>
      <div class="read-more"><a href="/2024/04/new-ferry-names/"><img src="/media/ferry-names.jpg">
      New ferries get their names</a></div>
      <aside><img src="/media/ad-campaign.jpg"></aside>
      <div class="author-box"><img src="/media/jo-roe.jpg"><p>Jo Roe writes about transport.</p></div>
      <p>{PROSE}</p>"""
    assert [i.url.rsplit("/", 1)[-1] for i in _images(article)] == ["ferry-deck.jpg"]


def test_a_picture_linking_to_its_own_photo_page_is_the_articles() -> None:
    article = f"""<p>{PROSE}</p><figure><a href="/2024/05/ferry-timetable/photo/2/">
      <img src="/media/ferry-ramp.jpg"></a><figcaption>The ramp.</figcaption></figure>
      <p>{PROSE}</p><p>{PROSE}</p>"""
    assert [i.url.rsplit("/", 1)[-1] for i in _images(article)] == ["ferry-ramp.jpg"]


def test_the_lead_figure_in_the_header_gets_its_caption_and_credit() -> None:
    head = '<meta property="og:image" content="https://news.example.org/media/ferry-dawn.jpg">'
    article = f"""<header><figure><img src="/media/ferry-dawn-800x533.jpg"><figcaption>The first
      ferry. <span class="bildautor">Foto: Lena Hartmann/dpa</span></figcaption></figure></header>
      <p>{PROSE}</p><p>{PROSE}</p>"""
    lead = _images(article, head)[0]
    assert (lead.url, lead.caption, lead.photographer, lead.credit_source) == \
        ("https://news.example.org/media/ferry-dawn.jpg", "The first ferry.", "Lena Hartmann", "dpa")


def test_pictures_are_read_before_the_tree_changes() -> None:
    document = parse_document(_page(f"""<p>{PROSE}</p><div class="slider"><figure>
      <img src="/media/buoy.jpg"><figcaption>A buoy.</figcaption></figure></div>"""), PAGE_URL)
    pictures = collect_pictures(document, None)
    for node in document.tree.css(".slider"):
        node.decompose()
    images = extract_images(document, None, document.tree.css_first("article"), pictures)
    assert [(i.url.rsplit("/", 1)[-1], i.caption) for i in images] == [("buoy.jpg", "A buoy.")]


def test_a_url_template_is_taken_only_without_another_url() -> None:
    article = f"""<p>{PROSE}</p><figure><img data-url="/image/6100_${{formatId}}.jpg">
      <figcaption>The old terminal.</figcaption></figure><figure><img
      data-url="/image/6200_${{formatId}}.jpg" src="/image/6200_4.jpg"></figure><p>{PROSE}</p>"""
    assert [i.url.rsplit("/", 1)[-1] for i in _images(article)] == \
        ["6100_${formatId}.jpg", "6200_4.jpg"]


def test_site_artwork_is_no_article_picture() -> None:
    article = f"""<p>{PROSE}</p><img src="/img/app/appIcon.png" width="200">
      <img src="/wp-content/themes/harbour/images/skyline.jpg"><p>{PROSE}</p>"""
    assert _images(article) == []


def test_a_caption_standing_after_its_figure_is_the_figures() -> None:
    article = f"""<p>{PROSE}</p><div class="entry"><figure><img src="/media/quay-crowd.jpg">
      </figure><figcaption><span class="caption">Commuters on the quay</span><span class="credit">
      (<div class="icon"><span></span>Image:</div>Ines Mbeki/AFP)</span></figcaption></div>
      <p>{PROSE}</p><p>{PROSE}</p>"""
    assert [(i.caption, i.credit, i.photographer, i.credit_source) for i in _images(article)] == \
        [("Commuters on the quay", "(Image: Ines Mbeki/AFP)", "Ines Mbeki", "AFP")]


def test_a_credit_element_continued_by_a_separator_keeps_its_agency() -> None:
    article = f"""<p>{PROSE}</p><figure><img src="/media/pier-crane.jpg"><figcaption>
      <span class="text">A crane on the pier.</span> <span class="credit">Photo by Jo Roe</span>
      /<span class="distributor">AFP via Getty Images</span></figcaption></figure>
      <p>{PROSE}</p><p>{PROSE}</p>"""
    assert [(i.caption, i.photographer, i.credit_source) for i in _images(article)] == \
        [("A crane on the pier.", "Jo Roe", "AFP via Getty Images")]


def test_a_figures_own_button_text_gives_way_to_the_caption_after_it() -> None:
    article = f"""<p>{PROSE}</p><div><figure><img src="/media/old-ferry.jpg"><div><span>View 3
      Images</span></div></figure><figcaption class="fig-caption">The old ferry in 1962</figcaption>
      </div><p>{PROSE}</p><p>{PROSE}</p>"""
    assert [i.caption for i in _images(article)] == ["The old ferry in 1962"]


def test_markup_left_in_a_data_caption_is_no_caption_text() -> None:
    article = f"""<p>{PROSE}</p><a href="/media/old-quay.jpg"
      data-caption="&lt;p&gt;The quay before the storm&amp;#8217;s surge&lt;/p&gt;"><img
      src="/media/old-quay.jpg"></a><p>{PROSE}</p><p>{PROSE}</p>"""
    assert [i.caption for i in _images(article)] == ["The quay before the storm’s surge"]


def test_a_caption_that_is_only_a_credit_is_the_credit() -> None:
    article = f"""<p>{PROSE}</p><figure><img src="/media/ferry-deck.jpg">
      <figcaption>Ines Mbeki/Associated Press</figcaption></figure><p>{PROSE}</p><p>{PROSE}</p>"""
    assert [(i.caption, i.photographer, i.credit_source) for i in _images(article)] == \
        [(None, "Ines Mbeki", "AP")]


def _expected_chain(document, img, captioned):
    from scraper.extract.container import is_article_container
    from scraper.extract.credits.collect import is_chrome
    from scraper.extract.nodes import ancestors
    chain = list(ancestors(img))
    return (tuple(n.mem_id for n in chain),
            frozenset(n.mem_id for n in chain if is_chrome(n, document, captioned)),
            frozenset(n.mem_id for n in chain if is_article_container(n)))


def test_pictures_sharing_ancestors_read_them_as_each_alone() -> None:
    # a chain below a remembered one, and one alone, deeper than `ancestors` walks (40)
    deep = ("<div>" * 37 + "<img src='/media/deep.jpg'>" + "<div>" * 5
            + "<img src='/media/deeper.jpg'>" + "</div>" * 42
            + "<section>" * 45 + "<img src='/media/deepest.jpg'>" + "</section>" * 45)
    html = _page(f"""<p>{PROSE}</p><ul class="related-stories">
      <li><a href="/2024/04/quay/"><img src="/media/quay.jpg"></a></li>
      <li><a href="/2024/04/pier/"><img src="/media/pier.jpg"></a></li></ul>
      <figure><img src="/media/slip.jpg"><figcaption>The slip.</figcaption></figure>
      <div class="gallery">{deep}<img src="/media/lock.jpg"></div><p>{PROSE}</p>""")
    document = parse_document(html, PAGE_URL)
    page = collect_pictures(document, None)
    imgs = {img.attributes["src"].rsplit("/", 1)[-1]: img for img in document.tree.css("img")}
    assert len(page.pictures) == len(imgs) == 7
    assert sorted(len(picture.chain) for picture in page.pictures)[-3:] == [39, 40, 40]
    for picture in page.pictures:
        img = imgs[picture.image.url.rsplit("/", 1)[-1]]
        expected = _expected_chain(document, img, bool(picture.image.caption))
        assert (picture.chain, picture.chrome_at, picture.articles_at) == expected
    assert [picture.chrome() for picture in page.pictures] == [True, True, False, False, False, False, False]
