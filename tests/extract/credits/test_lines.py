"""The credit-line pattern library: parsing, whole-paragraph matching, trailing credits."""

from __future__ import annotations

import re._constants as constants
import re._parser as parser

import pytest

from scraper.extract.credits.lines import (
    _LABEL_HINTS,
    LABEL_WORD_OFFSET,
    canonical_source,
    is_bare_label,
    is_credit_text,
    is_name_line,
    is_organisation_line,
    looks_like_person,
    match_credit_line,
    may_end_in_credit,
    parse_credit,
    split_leading_credit,
    split_trailing_credit,
)
from scraper.extract.credits.patterns import LABEL_PATTERN

# (credit line, photographer, credit_source): each is also a whole-paragraph credit line.
CREDIT_LINES = [
    ("Photo by Mirela Ostrowska on Unsplash", "Mirela Ostrowska", "Unsplash"),
    ("Photo by karl wendt on Unsplash", "karl wendt", "Unsplash"),
    ("Photo by Ade Okafor from Pexels", "Ade Okafor", "Pexels"),
    ("Image by Lena Brandt from Pixabay", "Lena Brandt", "Pixabay"),
    ("Photograph: Tomas Herrera/Reuters", "Tomas Herrera", "Reuters"),
    ("Photograph: Ines Mbeki for The Guardian", "Ines Mbeki", "The Guardian"),
    ("(AP Photo/Rosa Lindqvist)", "Rosa Lindqvist", "AP"),
    ("AP Photo/Rosa Lindqvist", "Rosa Lindqvist", "AP"),
    ("Hamid Sarwari/Getty Images", "Hamid Sarwari", "Getty Images"),
    ("Hamid Sarwari / AFP via Getty Images", "Hamid Sarwari", "AFP via Getty Images"),
    ("Credit: Yuki Tanabe", "Yuki Tanabe", None),
    ("Image: Per Holm/Shutterstock", "Per Holm", "Shutterstock"),
    ("Foto: Jonas Weidner/dpa", "Jonas Weidner", "dpa"),
    ("Bild: Clara Vogt", "Clara Vogt", None),
    ("Photo : Lucie Marchand / AFP", "Lucie Marchand", "AFP"),
    ("© Odile Ferrand", "Odile Ferrand", None),
    ("© 2023 Reuters", None, "Reuters"),
    ("Courtesy of the Whitfield family", None, "the Whitfield family"),
    ("Photo courtesy of NASA", None, "NASA"),
    ("Nadia Quist for The New York Times", "Nadia Quist", "The New York Times"),
    ("Photo: Reuters", None, "Reuters"),
    ("Foto: dpa", None, "dpa"),
    ("Illustration by Brigid Kearney", "Brigid Kearney", None),
    ("Credit... Owen Pryce/The New York Times", "Owen Pryce", "The New York Times"),
    ("Photograph by Mateo Ruiz/AFP/Getty Images", "Mateo Ruiz", "AFP / Getty Images"),
    ("REUTERS/Aiko Mori", "Aiko Mori", "Reuters"),
    ("Foto: picture alliance/dpa/Sven Lorenz", "Sven Lorenz", "picture alliance / dpa"),
    ("Image copyright Getty Images", None, "Getty Images"),
    ("Photo: EPA-EFE/Marta Soler", "Marta Soler", "EPA"),
    ("J. Pablo Ortega / AP file", "J. Pablo Ortega", "AP"),
    ("Crédit photo : Hugo Blanc / AFP", "Hugo Blanc", "AFP"),
    ("Photo: Xinhua/Li Wei", "Li Wei", "Xinhua"),
    ("Foto: ANP/Joost de Vries", "Joost de Vries", "ANP"),
    ("Bild: Keystone/Urs Meier", "Urs Meier", "Keystone"),
    ("Photo: Wikimedia Commons", None, "Wikimedia Commons"),
    ("Photo by Tam Nguyen/SOPA Images/LightRocket via Getty Images", "Tam Nguyen",
     "SOPA Images / LightRocket via Getty Images"),
    ("Picture: Dan Hale/PA Wire", "Dan Hale", "PA"),
    ("Photo AFP / Jean Marteau", "Jean Marteau", "AFP"),
    ("Image via Getty Images", None, "Getty Images"),
    ("MARC DELAUNE / AFP", "MARC DELAUNE", "AFP"),
    ("Photo: Kjell Aurland via Flickr (CC BY 2.0)", "Kjell Aurland", "Flickr"),
    ("Photo : Clémence Dufour / Le Courrier d’Aquitaine", "Clémence Dufour",
     "Le Courrier d’Aquitaine"),
    ("Foto: picture alliance/dpa | Karin Lutz", "Karin Lutz", "picture alliance / dpa"),
    ("Photo: Bloomberg", None, "Bloomberg"),
    ("Image source, Getty Images", None, "Getty Images"),
    ("Picture source: Harbour Trust", None, "Harbour Trust"),
    ("Foto: Stadt Lindau/Jan Ott", "Jan Ott", "Stadt Lindau"),
    ("Photo: Ville de Bron / Sami Haddad", "Sami Haddad", "Ville de Bron"),
    ("Léa Moreau pour « Le Courrier du Rhône »", "Léa Moreau", "Le Courrier du Rhône"),
    ("Marco Sala per La Voce di Como", "Marco Sala", "La Voce di Como"),
    ("Photo: National Archives", None, "National Archives"),
    ("Photo : Le Télégramme / Jean Dupont", "Jean Dupont", "Le Télégramme"),
    ("Imagen: Europa Press", None, "Europa Press"),
    ("Crédito: Ana Gil", "Ana Gil", None),
    ("Immagine: Comune di Lecco", None, "Comune di Lecco"),
    ("Photo illustration by Kim Lee", "Kim Lee", None),
    ("Photo provided by Jane Roe", "Jane Roe", None),
    ("Photo submitted by the Whitfield Trust", None, "the Whitfield Trust"),
    ("Foto: Archivio Ansa", None, "Archivio Ansa"),
    ("Фото: Ирина Белова, Вечерний Порт", "Ирина Белова", "Вечерний Порт"),
    ("Symbolfoto: picture alliance/dpa | Karin Lutz", "Karin Lutz", "picture alliance / dpa"),
]

# Credits after a source label: what they name is a provider, a person only beside an agency.
SOURCE_CREDITS = [
    ("(Quelle: Harbour Social)", None, "Harbour Social"),
    ("Source: Tidewater Camera Club", None, "Tidewater Camera Club"),
    ("Quelle: IMAGO/Lena Fuchs/imago", "Lena Fuchs", "IMAGO"),
    ("Source: Harbour Statistical Yearbook, Tidewater Energy Council", None,
     "Harbour Statistical Yearbook / Tidewater Energy Council"),
]


@pytest.mark.parametrize(("line", "photographer"), [
    ("Lena Brandt. Prop styling by Ann Lee at Harbour Studio", "Lena Brandt"),
    ("Foto: Jonas Weidner. Styling: Kim Ott. Haare: Ali Berg", "Jonas Weidner"),
])
def test_credits_of_other_roles_after_the_photographer_are_left_out(line: str,
                                                                     photographer: str) -> None:
    parsed = parse_credit(line)
    assert parsed is not None
    assert (parsed.credit, parsed.photographer, parsed.credit_source) == (line, photographer, None)


@pytest.mark.parametrize(("line", "photographer", "source"), SOURCE_CREDITS)
def test_a_source_label_names_a_provider(line: str, photographer: str | None,
                                         source: str | None) -> None:
    parsed = parse_credit(line)
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == (photographer, source)
    assert is_credit_text(line)
    assert match_credit_line(line) is None  # as a body paragraph: a data source, not a credit



@pytest.mark.parametrize(("line", "photographer", "source"), CREDIT_LINES)
def test_parse_credit_splits_photographer_and_source(line: str, photographer: str | None,
                                                     source: str | None) -> None:
    parsed = parse_credit(line)
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == (photographer, source)
    assert parsed.credit == line


@pytest.mark.parametrize(("line", "photographer", "source"), CREDIT_LINES)
def test_whole_paragraph_credit_lines_are_recognised(line: str, photographer: str | None,
                                                     source: str | None) -> None:
    parsed = match_credit_line(line)
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == (photographer, source)


@pytest.mark.parametrize("paragraph", [
    "The photo by the river was taken in 1920 by a local baker.",
    "Photo by the river was taken in 1920",
    "Photo: the mayor opened the bridge on Sunday.",
    "Image: a protester holds a sign outside parliament",
    "Credit: banks tightened lending again in March.",
    "Reuters",
    "Jane Doe",
    "Courtesy of a long list of people who helped us build the new harbour wall this year, thanks!",
    "He sold the picture to Reuters/Ipsos for a poll last year, he said.",
    "Photographs by the dozen were shown at the exhibition, which opened on Friday.",
    "(AP)",
    "“Photo by Lena Brandt,” she wrote.",
    "Photo Booth Memories",
])
def test_prose_and_bare_words_are_not_credit_lines(paragraph: str) -> None:
    assert match_credit_line(paragraph) is None


@pytest.mark.parametrize(("caption", "kept", "credit", "photographer", "source"), [
    ("Rescue teams at the quay on Monday. Photograph: Tomas Herrera/Reuters",
     "Rescue teams at the quay on Monday.", "Photograph: Tomas Herrera/Reuters",
     "Tomas Herrera", "Reuters"),
    ("A ferry leaves the harbour (AP Photo/Rosa Lindqvist)", "A ferry leaves the harbour",
     "(AP Photo/Rosa Lindqvist)", "Rosa Lindqvist", "AP"),
    ("Rep. Ana Cruz speaks at the Capitol on July 25. J. Pablo Ortega / AP file",
     "Rep. Ana Cruz speaks at the Capitol on July 25.", "J. Pablo Ortega / AP file",
     "J. Pablo Ortega", "AP"),
    ("A hunter was treated in hospital Credit: The Siberian Times",
     "A hunter was treated in hospital", "Credit: The Siberian Times", None, "The Siberian Times"),
    ("A lunar lander concept [SpaceX via Nasa]", "A lunar lander concept", "[SpaceX via Nasa]",
     None, "SpaceX via NASA"),
    ("A cargo ship leaves port on Aug. 31. (AP)", "A cargo ship leaves port on Aug. 31.", "(AP)",
     None, "AP"),
    ("Two writers in 2002. Photo by Dara Kell", "Two writers in 2002.", "Photo by Dara Kell",
     "Dara Kell", None),
    ("Die Stadträte bei der Abstimmung. Foto: Jonas Weidner/dpa", "Die Stadträte bei der Abstimmung.",
     "Foto: Jonas Weidner/dpa", "Jonas Weidner", "dpa"),
    ("An irrigation pivot sits idle. (Cole Brandt/Inland Water Report)", "An irrigation pivot sits idle.",
     "(Cole Brandt/Inland Water Report)", "Cole Brandt", "Inland Water Report"),
    ("Des usagers sur le quai, jeudi 2 mai. Photo AFP / Jean Marteau", "Des usagers sur le quai, jeudi 2 mai.",
     "Photo AFP / Jean Marteau", "Jean Marteau", "AFP"),
    ("Le four à pain restauré. Photo Jeanne Prat", "Le four à pain restauré.", "Photo Jeanne Prat",
     "Jeanne Prat", None),
    ("Die neue Brücke am Abend. Foto: Stadt Lindau/Jan Ott", "Die neue Brücke am Abend.",
     "Foto: Stadt Lindau/Jan Ott", "Jan Ott", "Stadt Lindau"),
    ("The old mill at dusk. Photo provided by Jane Roe", "The old mill at dusk.",
     "Photo provided by Jane Roe", "Jane Roe", None),
    ("Le port de Brest. Photo Le Télégramme / Jean Dupont", "Le port de Brest.",
     "Photo Le Télégramme / Jean Dupont", "Jean Dupont", "Le Télégramme"),
    ("The pier at dawn — Tom Bell / Harbour Herald", "The pier at dawn", "Tom Bell / Harbour Herald",
     "Tom Bell", "Harbour Herald"),
    ("The mill, photographed by Ellen Marsh.", "The mill", "photographed by Ellen Marsh.",
     "Ellen Marsh", None),
    ("Eine Kundgebung am Hafen. (Archivbild) (Quelle: IMAGO/Lena Fuchs/imago-bilder-archiv)",
     "Eine Kundgebung am Hafen. (Archivbild)", "(Quelle: IMAGO/Lena Fuchs/imago-bilder-archiv)",
     "Lena Fuchs", "IMAGO / imago-bilder-archiv"),
    ("Ночной порт Фото: Ирина Белова, Вечерний Порт", "Ночной порт",
     "Фото: Ирина Белова, Вечерний Порт", "Ирина Белова", "Вечерний Порт"),
])
def test_trailing_credit_is_split_off_a_caption(caption: str, kept: str, credit: str,
                                                photographer: str | None,
                                                source: str | None) -> None:
    text, parsed = split_trailing_credit(caption)
    assert text == kept
    assert parsed is not None
    assert (parsed.credit, parsed.photographer, parsed.credit_source) == (credit, photographer, source)


@pytest.mark.parametrize("caption", [
    "A photo of the harbour taken by a drone.",
    "The crowd at the rally (left) cheered.",
    "Workers repair the 24/7 ferry terminal.",
    "Tom and Ann, photographed by the sea on their wedding day.",
    "The new timetable — buses every 10/15 minutes",
])
def test_captions_without_credit_are_left_whole(caption: str) -> None:
    assert split_trailing_credit(caption) == (caption, None)


def _label_spellings(items: list[tuple[object, object]]) -> list[str]:
    """Every text a label pattern matches, its words parted by one space (as a caption's
    are once normalised) and each optional part present or not."""
    spellings = [""]
    for op, av in items:
        spellings = [head + tail for head in spellings for tail in _part_spellings(op, av)]
    return spellings


def _part_spellings(op: object, av: object) -> list[str]:
    if op is constants.LITERAL:
        return [chr(av)]  # type: ignore[arg-type]
    if op is constants.SUBPATTERN:
        return _label_spellings(av[3])  # type: ignore[index]
    if op is constants.BRANCH:
        return [text for branch in av[1] for text in _label_spellings(branch)]  # type: ignore[index]
    if op is constants.IN:  # a character class: its letters, or a space for \s
        return [" " if kind is constants.CATEGORY else chr(value) for kind, value in av]  # type: ignore[union-attr]
    assert op is constants.MAX_REPEAT, op
    low, high, inner = av  # type: ignore[misc]
    return ([""] if low == 0 else []) + (_label_spellings(inner) if high >= 1 else [])


def test_a_label_opens_at_most_label_word_offset_before_its_word() -> None:
    spellings = _label_spellings(list(parser.parse(LABEL_PATTERN)))
    spellings += ["©", "(c)", "copyright", "courtesy", "photographed"]
    assert "featured image" in spellings and "aufmacherbild" in spellings
    for spelling in spellings:
        lowered = spelling.lower()
        first = min(lowered.find(hint) for hint in _LABEL_HINTS if hint in lowered)
        assert first <= LABEL_WORD_OFFSET, spelling


@pytest.mark.parametrize(("caption", "found"), [
    ("Divers at the quay at dawn. Featured image: Jo Roe/Reuters", True),
    ("Divers at the quay at dawn. Aufmacherbild: Jo Roe/dpa", True),
    ("Divers at the quay at dawn, a photo by Jo Roe", False),
    ("Photo by Jo Roe", True),
])
def test_a_label_mid_caption_counts_only_with_a_capital(caption: str, found: bool) -> None:
    assert (split_trailing_credit(caption, bare_agency=False)[1] is not None) is found


def test_a_labelled_source_ending_a_body_paragraph_stays_prose() -> None:
    paragraph = "Die Zahl der Fähren stieg um ein Drittel. (Quelle: das statistische Landesamt)"
    assert split_trailing_credit(paragraph, bare_agency=False)[1] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("REUTERS", True), ("© dpa", True), ("Image: Ana Roux", True), ("Jo Roe/AP", True),
    ("Chelsea fans at the ground", False), ("Ana Roux", False),
])
def test_a_text_standing_alone_reads_as_a_credit(text: str, expected: bool) -> None:
    assert is_credit_text(text) is expected


def test_bare_agency_tag_is_a_credit_only_in_captions() -> None:
    assert split_trailing_credit("A ship leaves port. (AP)", bare_agency=False)[1] is None


@pytest.mark.parametrize(("piece", "canonical"), [
    ("AP Photo", "AP"), ("REUTERS", "Reuters"), ("Associated Press", "AP"), ("AFP file", "AFP"),
    ("gettyimages", "Getty Images"), ("Harbour Herald", "Harbour Herald"),
])
def test_canonical_source(piece: str, canonical: str) -> None:
    assert canonical_source(piece) == canonical


@pytest.mark.parametrize(("piece", "expected"), [
    ("J. Pablo Ortega", True), ("Joost de Vries", True), ("The New York Times", False),
    ("La Voz de Galicia", False), ("Le Télégramme", False),
    ("Brakenburger Verkehrsbetriebe", False), ("Vereinsarchiv Eichenau", False),
    ("Getty Images", False), ("Tyvak", False), ("NASA JPL", False),
    ("Ирина Белова", True), ("U.S. Coastal Command", False),
])
def test_looks_like_person(piece: str, expected: bool) -> None:
    assert looks_like_person(piece) is expected


def test_a_data_source_closing_a_body_paragraph_stays_in_it() -> None:
    paragraph = ("Ferry use – the share of commuters who took a ferry at least once a week. "
                 "Source: Harbour Board Travel Survey (HBTS).")
    assert split_trailing_credit(paragraph, bare_agency=False) == (paragraph, None)


@pytest.mark.parametrize(("caption", "kept", "source"), [
    ("Ministers arrive at the hall on Monday. 연합뉴스", "Ministers arrive at the hall on Monday.",
     "Yonhap"),
    ("Boats wait at the quay. REUTERS", "Boats wait at the quay.", "Reuters"),
    ("港で待つ漁船（ＡＰ）", "港で待つ漁船", "AP"),
])
def test_a_known_agency_closing_a_caption_is_its_credit(caption: str, kept: str,
                                                        source: str) -> None:
    rest, parsed = split_trailing_credit(caption)
    assert rest == kept
    assert parsed is not None and parsed.credit_source == source and parsed.photographer is None


def test_a_closing_agency_sentence_of_a_body_paragraph_is_no_photo_credit() -> None:
    assert split_trailing_credit("Boats wait at the quay. REUTERS", bare_agency=False)[1] is None


def test_an_agency_before_via_is_no_photographer() -> None:
    parsed = parse_credit("(Image: Anadolu via Getty Images)")
    assert parsed is not None and parsed.photographer is None
    assert parsed.credit_source == "Anadolu Agency via Getty Images"


def test_an_illustration_desk_is_no_photographer() -> None:
    parsed = parse_credit("NEWSROOM Illustration / Getty Images")
    assert parsed is not None and parsed.photographer is None


def test_a_royalty_free_collection_is_no_photographer() -> None:
    parsed = parse_credit("(Image: Getty Images/Harbour RF)")
    assert parsed is not None and parsed.photographer is None


@pytest.mark.parametrize("line", [
    "Photographed by Jo Roe", "Image source, Getty Images", "© Jo Roe/AP", "(c) 2020 Reuters",
    "Photo © Jo Roe / Harbour Herald", "Courtesy of the Smith family", "Illustration: Ana Roux",
    "foto: Jan Ott/dpa", "ФОТО: Иван Петров / ТАСС", "Credit...Jo Roe for The New York Times",
])
def test_every_kind_of_lead_still_opens_a_credit_line(line: str) -> None:
    assert match_credit_line(line, labelled_tail=True) is not None


@pytest.mark.parametrize(("line", "photographer", "source"), [
    ("Kestrelwing / Getty Images", "Kestrelwing", "Getty Images"),
    ("© IMAGO / Wendtland", "Wendtland", "IMAGO"),
    ("© Getty Images/iStockphoto | harbourlight", "harbourlight", "Getty Images / iStock"),
    ("Foto: dpa/lno", None, "dpa / lno"),
    ("AFP/Instagram", None, "AFP / Instagram"),
    ("Digital Vision / Getty Images", None, "Digital Vision / Getty Images"),
    ("Imago/Harbour-News.de", None, "IMAGO / Harbour-News.de"),
    ("Foto: picture alliance/dpa/PR-Video | Lena Hartwig", "Lena Hartwig",
     "picture alliance / dpa / PR-Video"),
])
def test_one_name_beside_an_agency_is_the_photographer(line: str, photographer: str | None,
                                                        source: str) -> None:
    parsed = parse_credit(line)
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == (photographer, source)


def test_the_photographer_named_again_after_a_bar_is_no_source() -> None:
    parsed = parse_credit("© Lena Hartwig/dpa | LENA HARTWIG")
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == ("Lena Hartwig", "dpa")


@pytest.mark.parametrize("line", ["© Lübecker Tageblatt", "© Weser-Kurier",
                                  "Screenshots Instagram/TikTok", "The Okinawa Shimbun"])
def test_newspapers_and_screenshots_are_no_photographers(line: str) -> None:
    parsed = parse_credit(line)
    assert parsed is not None and parsed.photographer is None


def test_a_labelled_bracket_closing_a_caption_is_the_credit_whole() -> None:
    caption = ("Judges hear the case in The Hague. "
               "(Photo: UN Photo / Mira Janssen. Courtesy of the Court)")
    text, parsed = split_trailing_credit(caption)
    assert text == "Judges hear the case in The Hague."
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == ("Mira Janssen", "UN")


@pytest.mark.parametrize(("line", "photographer", "source"), [
    ("© NRK Foto: Ola Nordvik", "Ola Nordvik", "NRK"),
    ("© picture alliance/dpa Foto: Lena Hartwig", "Lena Hartwig", "picture alliance / dpa"),
    ("© Tom Weller Foto: Tom Weller", "Tom Weller", None),
])
def test_a_holder_before_a_second_label_is_the_source(line: str, photographer: str,
                                                      source: str | None) -> None:
    parsed = parse_credit(line)
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == (photographer, source)


@pytest.mark.parametrize("line", ["Foto: privat", "Credits: Supplied Image;", "Photo: handout"])
def test_a_labelled_credit_naming_no_one_keeps_its_text(line: str) -> None:
    parsed = parse_credit(line)
    assert parsed is not None and parsed.credit == line.rstrip(";")
    assert parsed.photographer is None and parsed.credit_source is None
    assert is_credit_text(line)
    assert match_credit_line(line) is None  # no body paragraph is taken for it


@pytest.mark.parametrize(("text", "expected"), [
    ("Copyright", True), ("Foto:", True), ("©", True), ("Foto: Jo Roe", False), ("Jo Roe", False),
])
def test_bare_labels(text: str, expected: bool) -> None:
    assert is_bare_label(text) is expected


@pytest.mark.parametrize(("caption", "kept", "source"), [
    ("The islands he owned. (Harbour Auctions)", "The islands he owned.", "Harbour Auctions"),
    ("The former president at the gala. (Nine)", "The former president at the gala.", "Nine"),
])
def test_a_name_in_brackets_after_the_last_sentence_is_the_credit(caption: str, kept: str,
                                                                 source: str) -> None:
    text, parsed = split_trailing_credit(caption)
    assert text == kept
    assert parsed is not None and parsed.credit_source == source


@pytest.mark.parametrize("caption", [
    "Die Altstadt im Winter. (Archivbild)", "The team after the final. (Left)",
    "A ship in the harbour. (File)", "Jo Roe (Left) and her brother.", "The cup final. (2019)",
])
def test_other_brackets_closing_a_caption_are_no_credit(caption: str) -> None:
    assert split_trailing_credit(caption) == (caption, None)


@pytest.mark.parametrize(("line", "before", "expected"), [
    ("Thea Roe, The Harbour Times/Redux", "Fasting can come with many health benefits.", True),
    ("ES", "Former Prime Minister at his desk", True),
    ("Chief Executive, Acme", "Jo Roe", False),
    ("Chief Executive Officer of the Harbour Board", "Jo Roe at the pier on Monday", False),
    ("He spoke on Monday.", "The minister at the pier after the vote", False),
])
def test_a_line_of_names_after_a_caption_line(line: str, before: str, expected: bool) -> None:
    assert is_name_line(line, before) is expected


@pytest.mark.parametrize(("caption", "kept", "photographer", "source"), [
    ("港を出るフェリー＝13日、横浜で（山田花子撮影）", "港を出るフェリー＝13日、横浜で", "山田花子", None),
    ("テレビで演説を見る市民（ソウルで、３日）＝ＡＰ", "テレビで演説を見る市民（ソウルで、３日）", None, "AP"),
    ("시민들에게 인사하고 있다. 김민수 기자", "시민들에게 인사하고 있다.", "김민수", None),
])
def test_japanese_and_korean_caption_credits(caption: str, kept: str, photographer: str | None,
                                             source: str | None) -> None:
    text, parsed = split_trailing_credit(caption)
    assert text == kept
    assert parsed is not None and (parsed.photographer, parsed.credit_source) == (photographer, source)


def test_a_date_after_the_japanese_equals_sign_is_no_credit() -> None:
    assert split_trailing_credit("港を出るフェリー＝13日") == ("港を出るフェリー＝13日", None)


def test_a_caption_opening_with_a_labelled_credit_is_split_there() -> None:
    text, parsed = split_leading_credit("Credit: Ann Lee Design; Source: a report on harbour walls")
    assert text == "Source: a report on harbour walls"
    assert parsed is not None and parsed.credit_source == "Ann Lee Design"
    caption = "Photo: the pier at dawn, before the ferries leave"
    assert split_leading_credit(caption) == (caption, None)


@pytest.mark.parametrize(("line", "expected"), [
    ("The Harbour Shimbun", True), ("Coastguard Museum", True), ("REUTERS", True),
    ("Jo Roe", False), ("Divers at the quay", False),
])
def test_organisation_lines(line: str, expected: bool) -> None:
    assert is_organisation_line(line) is expected


def test_a_label_repeated_after_a_label_is_dropped_too() -> None:
    parsed = parse_credit("Foto: Bild: SN/APA/KEYSTONE/JO ROE")
    assert parsed is not None
    assert (parsed.photographer, parsed.credit_source) == ("JO ROE", "SN / APA / Keystone")


@pytest.mark.parametrize(("line", "photographer", "source"), [
    ("Foto: Max Muster (dpa)", "Max Muster", "dpa"), ("Photo: Jo Roe (AP)", "Jo Roe", "AP"),
])
def test_an_agency_in_brackets_after_the_photographer(line: str, photographer: str,
                                                      source: str) -> None:
    parsed = parse_credit(line)
    assert parsed is not None and (parsed.photographer, parsed.credit_source) == (photographer, source)


def test_only_texts_with_a_hint_or_closing_bracket_may_end_in_a_credit() -> None:
    texts = ["The ferry left at dawn.", "The quay at night. Photo: Jo Roe", "", "Seen from the pier (AP)",
             "Anna Roe\nvia Reuters", "Plain words again", "A PICTURE of the bay"]
    assert may_end_in_credit(texts) == [False, True, False, True, True, False, True]
    for text, hinted in zip(texts, may_end_in_credit(texts)):
        if not hinted:
            assert split_trailing_credit(text, bare_agency=False)[1] is None
