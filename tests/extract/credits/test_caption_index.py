"""CaptionIndex, and split_credit_lines on a page with thousands of captioned pictures."""

from __future__ import annotations

from scraper.extract.credits import split_credit_lines
from scraper.extract.credits.caption_index import CaptionIndex
from scraper.extract.document import parse_document
from scraper.models import Image


def test_a_caption_is_found_with_or_without_its_credit_and_punctuation() -> None:
    index = CaptionIndex([Image(url="a.jpg"), Image(url="b.jpg", caption="Boats at the quay.",
                                                    credit="Photo: Ines Varga")])
    assert index.find("boats at the quay") == 1
    assert index.find("Boats at the quay. Photo: Ines Varga") == 1
    assert index.find("Boats at the quay, at dawn.") is None


def test_the_first_of_two_images_with_one_caption_is_found() -> None:
    index = CaptionIndex([Image(url="a.jpg", caption="The pier."), Image(url="b.jpg", caption="The pier.")])
    assert index.find("The pier.") == 0


def test_replacing_an_image_reindexes_its_caption_and_credit() -> None:
    index = CaptionIndex([Image(url="a.jpg", caption="The pier.", credit="Photo: Ana Ruiz")])
    assert index.has_credit("photo: ana ruiz") and not index.has_credit("Photo: Li Wei")
    index[0] = Image(url="a.jpg", caption="The old pier.", credit="Photo: Li Wei")
    assert index.find("The pier. Photo: Ana Ruiz") is None
    assert index.find("The old pier. Photo: Li Wei") == 0
    assert index.has_credit("Photo: Li Wei") and not index.has_credit("Photo: Ana Ruiz")
    index.append(Image(url="b.jpg", caption="The pier."))
    assert (index.find("The pier."), len(index)) == (1, 2)


def test_thousands_of_captions_and_credit_lines_each_reach_their_image() -> None:
    count = 2000
    images = [Image(url=f"https://news.example.org/p/{n}.jpg", caption=f"Harbour scene number {n}.")
              for n in range(count)]
    paragraphs = []
    for n in range(count):
        paragraphs += [f"The council spent day {n} on the harbour plan and its costs.",
                       f"Harbour scene number {n}.", f"Photo: Mira Sol {n}/Reuters"]
    kept, found = split_credit_lines(paragraphs, images, parse_document("<p>x</p>"))
    assert kept == paragraphs[0::3]
    assert [image.credit for image in found] == [f"Photo: Mira Sol {n}/Reuters" for n in range(count)]
    assert [image.caption for image in found] == [image.caption for image in images]


def test_a_caption_repeated_in_other_case_and_punctuation_is_found_others_are_not() -> None:
    index = CaptionIndex([Image(url="a.jpg", caption="«Σοφία» at the İzmir quay"),
                          Image(url="b.jpg", caption="Boats at the quay.")])
    assert index.find("— ΣΟΦΊΑ at the İzmir quay!") == 0
    assert index.find("— «σοφία» AT THE İzmir quay!") == 0
    assert index.find("…boats, at the quay") == 1
    assert index.find("Quay boats at the") is None
    assert index.find("— ...") is None
