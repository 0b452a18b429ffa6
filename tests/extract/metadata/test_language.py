"""Language: code normalization, detection from text, and declared versus detected."""

from __future__ import annotations

import json

import pytest

from scraper.extract.document import parse_document
from scraper.extract.metadata.language import detect_language, extract_language, normalize_code

TEXTS = {
    "en": "The council said on Tuesday that the new harbour plan would be paid for by the "
          "regional government, and that work could start in the spring if there are no "
          "more objections from the people who live near the water.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke über den Fluss im "
          "nächsten Jahr gebaut werden soll. Die Kosten werden von der Landesregierung "
          "übernommen, die Arbeiten sollen im Frühjahr beginnen, wenn es keine Einwände gibt.",
    "fr": "Le conseil municipal a annoncé mardi que le nouveau plan pour le port sera financé "
          "par la région et que les travaux pourraient commencer au printemps, si les "
          "habitants qui vivent près de l'eau ne font pas de nouvelles objections.",
    "es": "El ayuntamiento anunció el martes que el nuevo plan para el puerto será pagado por "
          "el gobierno regional y que las obras podrían empezar en primavera, si los vecinos "
          "que viven cerca del agua no presentan más objeciones contra el proyecto.",
    "it": "Il consiglio comunale ha annunciato martedì che il nuovo piano per il porto sarà "
          "pagato dalla regione e che i lavori potrebbero iniziare in primavera, se gli "
          "abitanti che vivono vicino all'acqua non presentano altre obiezioni al progetto.",
    "nl": "De gemeenteraad heeft dinsdag besloten dat het nieuwe plan voor de haven door de "
          "provincie wordt betaald en dat het werk in het voorjaar kan beginnen, als de "
          "bewoners die bij het water wonen geen nieuwe bezwaren maken tegen het plan.",
    "pt": "A câmara municipal anunciou na terça-feira que o novo plano para o porto será pago "
          "pelo governo regional e que as obras podem começar na primavera, se os moradores "
          "que vivem perto da água não apresentarem mais objeções ao projeto da cidade.",
    "sv": "Kommunfullmäktige sa på tisdagen att den nya hamnplanen ska betalas av regionen och "
          "att arbetet kan börja till våren, om de som bor nära vattnet inte har några fler "
          "invändningar mot planen. Det är inte klart när bygget är färdigt.",
    "da": "Byrådet sagde tirsdag, at den nye havneplan skal betales af regionen, og at "
          "arbejdet kan begynde til foråret, hvis de som bor ved vandet ikke har flere "
          "indvendinger mod planen. Det er endnu ikke klart, hvad det vil koste.",
    "no": "Bystyret sa tirsdag at den nye havneplanen skal betales av regionen, og at arbeidet "
          "kan begynne til våren, hvis de som bor ved vannet ikke har flere innvendinger mot "
          "planen. Det er ennå ikke klart hva det vil koste eller når det blir ferdig.",
    "pl": "Rada miasta ogłosiła we wtorek, że nowy plan dla portu zostanie sfinansowany przez "
          "region i że prace mogą się rozpocząć wiosną, jeśli mieszkańcy nie zgłoszą nowych "
          "zastrzeżeń. To jest jednak jeszcze nie do końca pewne, ale jest szansa.",
    "tr": "Belediye meclisi salı günü yaptığı açıklamada yeni liman planının bölge tarafından "
          "finanse edileceğini ve bir itiraz olmazsa çalışmaların bahar aylarında "
          "başlayabileceğini söyledi. Bu karar için çok daha fazla zaman gerekli olabilir ama "
          "en büyük sorun bu değil.",
    "fi": "Kaupunginvaltuusto kertoi tiistaina, että uusi satamasuunnitelma rahoitetaan "
          "alueen varoista ja että työt voivat alkaa keväällä, jos asukkaat eivät tee uusia "
          "valituksia. Se ei ole vielä varmaa, mutta kaikki on nyt mahdollista ja hän on "
          "myös sitä mieltä.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_detects_each_modelled_language(code: str) -> None:
    detection = detect_language(TEXTS[code])
    assert detection.code == code
    assert detection.confident


@pytest.mark.parametrize("text, code", [
    ("엘제이와 류화영의 진흙탕 싸움, 공적인 사안으로 봐야 하는 이유는 무엇인가", "ko"),
    ("ショートカットキーで立ち上がらなくする方法を説明します。これは日本語の文章です。", "ja"),
    ("这是一个中文句子，我们在这里写一些中文内容来测试语言检测。", "zh"),
    ("Αυτό είναι ένα ελληνικό κείμενο για τη δοκιμή της ανίχνευσης γλώσσας.", "el"),
])
def test_scripts_that_name_one_language(text: str, code: str) -> None:
    assert detect_language(text).code == code


def test_short_or_empty_text_is_not_confident() -> None:
    assert not detect_language("The plan").confident
    assert detect_language("").code is None
    assert detect_language("12 345 678").code is None


@pytest.mark.parametrize("raw, code", [
    ("en-US", "en"), ("en_GB", "en"), ("DE", "de"), ("eng", "en"), ("nb-NO", "no"),
    ("iw", "he"), ("pt-BR", "pt"), ("", None), ("x-default", None), ("english", None),
])
def test_normalize_code(raw: str, code: str | None) -> None:
    assert normalize_code(raw) == code


def page(lang: str | None = None, head: str = "") -> object:
    attribute = f' lang="{lang}"' if lang else ""
    return parse_document(f"<html{attribute}><head>{head}</head><body></body></html>")


@pytest.mark.parametrize("lang, head, body, expected", [
    ("en-US", "", TEXTS["en"], "en"),                          # declared and confirmed
    ("en", "", TEXTS["de"], "de"),                             # template lang over German text
    (None, "", TEXTS["fr"], "fr"),                             # nothing declared: the text decides
    (None, '<meta property="og:locale" content="it_IT">', "", "it"),
    (None, '<meta http-equiv="content-language" content="nl">', "", "nl"),
    (None, '<script type="application/ld+json">'
           + json.dumps({"@type": "NewsArticle", "inLanguage": "pt-BR"}) + "</script>", "", "pt"),
    ("no", "", TEXTS["da"], "no"),                             # close language: declaration stays
    ("en", "", "Short text.", "en"),                           # too little text to contradict
    ("en", '<meta property="og:locale" content="de_DE">', TEXTS["de"], "de"),  # text picks
    (None, "", "", None),
])
def test_declared_versus_detected(lang: str | None, head: str, body: str,
                                  expected: str | None) -> None:
    assert extract_language(page(lang, head), body) == expected


def test_description_is_read_when_the_body_is_empty() -> None:
    head = f'<meta name="description" content="{TEXTS["es"]}">'
    assert extract_language(page(None, head), "") == "es"
