"""Image identity across renditions, credits and captions, on hand-made Fundus-like records."""

from __future__ import annotations

from benchmarks.realweb.image_metrics import (
    ImageCounts,
    caption_found,
    credit_found,
    expected_keys,
    image_keys,
    score_images,
)

RESIZER = ("https://img.example.be/abc=/1280x853/smart/https%3A%2F%2Fstatic.example.be"
           "%2Fuploads%2F2025%2F9c36b38b-2b0b.jpg")


def test_a_resizer_url_yields_the_wrapped_picture_name() -> None:
    assert "file:9c36b38b-2b0b" in image_keys(RESIZER)
    assert "file:9c36b38b-2b0b" in image_keys("https://static.example.be/uploads/2025/"
                                              "9c36b38b-2b0b.jpg?maxwidth=638")


def test_size_folders_and_size_suffixes_are_not_the_name() -> None:
    assert "file:sz.1.5360197" in image_keys("https://cdn.example.de/image/sz.1.5360197/400x300")
    assert "file:ikhansela-1" in image_keys("https://x.example/wp/IKHANSELA-1-980x735.jpg")
    assert "file:ikhansela-1" in image_keys("https://x.example/wp/IKHANSELA-1.jpg")


def test_short_names_are_no_identity_but_the_url_still_is() -> None:
    keys = image_keys("https://x.example/a/b/1.jpg")
    assert keys == {"url:x.example/a/b/1.jpg?"}
    assert image_keys(None) == set() and image_keys("") == set()


def test_different_pictures_on_one_cdn_do_not_match() -> None:
    assert not image_keys("https://cdn.example/p/first-picture.jpg") & image_keys(
        "https://cdn.example/p/second-picture.jpg")


def test_expected_keys_cover_every_rendition() -> None:
    truth = {"url": "https://cdn.example/big/main-photo.jpg",
             "urls": ["https://other.example/r/320/alt-name-x.webp"]}
    assert {"file:main-photo", "file:alt-name-x"} <= expected_keys(truth)


def test_credit_needs_every_fundus_name_in_our_credit_fields() -> None:
    image = {"credit": "Foto: Jane DOE", "photographer": None, "credit_source": "dpa"}
    assert credit_found("Jane Doe", image)
    assert credit_found("Jane Doe; dpa", image)
    assert not credit_found("Jane Doe; Reuters", image)
    assert not credit_found("Doe", {"credit": "Jane Doeson"})  # whole words only
    assert not credit_found(" ; ", image)


def test_caption_needs_word_f1_of_at_least_0_8() -> None:
    expected = "The minister at the hearing on Monday"  # 7 words
    assert caption_found(expected, {"caption": "The minister at the hearing on Monday."})
    # 6 of 7 words, nothing extra: P 1, R 6/7, F1 0.923.
    assert caption_found(expected, {"caption": "The minister at the hearing on"})
    # 4 of 7 words: F1 8/11 = 0.727.
    assert not caption_found(expected, {"caption": "The minister at the"})
    assert not caption_found(expected, {"caption": None})


def test_score_images_tallies_found_credited_and_captioned() -> None:
    truth = [
        {"url": "https://cdn.example/a/first-photo.jpg", "urls": [], "credit": "AP",
         "caption": "Crowds gather in the square"},
        {"url": "https://cdn.example/a/second-photo.jpg", "urls": [], "credit": "Reuters",
         "caption": None},
        {"url": "https://cdn.example/a/third-photo.jpg", "urls": [], "credit": None,
         "caption": "A quiet street"},
    ]
    ours = [
        {"url": "https://resizer.example/640/first-photo.jpg", "caption": "Crowds gather in the "
         "square", "credit": "AP Photo", "photographer": None, "credit_source": "AP"},
        {"url": "https://cdn.example/a/second-photo.jpg", "caption": None, "credit": "Getty"},
    ]
    counts = score_images(ours, truth)
    assert counts == ImageCounts(images=3, found=2, credited=2, credit_found=1, captioned=2,
                                 caption_found=1, credits_missed=("Reuters",),
                                 credits_ours=("Getty",))


def test_a_url_carried_in_the_query_names_the_picture() -> None:
    resizer = "https://cdn.example/?url=https://site.example/uploads/246270.jpg&w=1000"
    assert "file:246270" in image_keys(resizer)


def test_weak_ids_match_renditions_named_differently() -> None:
    truth = [{"url": "https://cdn.example/images/4c113d3e-b078_w948_r1.778.jpg", "urls": []}]
    ours = [{"url": "https://cdn.example/images/4c113d3e-b078_w1280_r1.77.jpg"}]
    assert score_images(ours, truth).found == 1


def test_dates_and_sizes_are_no_weak_ids() -> None:
    truth = [{"url": "https://cdn.example/2024/20240427/1280x720/first.jpg", "urls": []}]
    ours = [{"url": "https://cdn.example/2024/20240427/1280x720/other.jpg"}]
    assert score_images(ours, truth).found == 0


def test_one_image_of_ours_matches_one_picture_by_weak_ids() -> None:
    # Two pictures of one gallery share the article id 13357113; ours has one of them.
    truth = [{"url": "https://cdn.example/84163527-13357113-a_w1.jpg", "urls": []},
             {"url": "https://cdn.example/84163999-13357113-b_w1.jpg", "urls": []}]
    ours = [{"url": "https://cdn.example/84163527-13357113-a_w2.jpg"}]
    assert score_images(ours, truth).found == 1


def test_missed_credits_are_reported_with_ours() -> None:
    truth = [{"url": "https://cdn.example/a/first-photo.jpg", "urls": [], "credit": "Jane Doe"}]
    ours = [{"url": "https://cdn.example/a/first-photo.jpg", "credit": "Reuters"}]
    counts = score_images(ours, truth)
    assert (counts.credits_missed, counts.credits_ours) == (("Jane Doe",), ("Reuters",))


def test_a_credit_label_is_not_part_of_the_name() -> None:
    assert credit_found("Bild: SN/APA/Jane Doe", {"credit": "SN/APA/Jane Doe"})
    assert credit_found("© Jane Doe", {"photographer": "Jane Doe"})
