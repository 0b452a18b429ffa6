"""Data for language detection: frequent words per language and code aliases.

Each list holds about fifty of the language's most frequent words, chosen so that close
languages (da/no/sv, es/pt/it, nl/de) differ in several frequent words. A word counts
1/n for each of the n languages that share it, so the distinctive words decide.
"""

from __future__ import annotations

STOP_WORDS: dict[str, str] = {
    "en": """the of and to in a is that for it was on with as he be by at his this are from
        have not but they had or an which you were her she all their there been has would
        will one what who more when we can if its said also about after than them into out
        could these""",
    "de": """der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als
        auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem
        über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde""",
    "fr": """le de la les et des en un du une est que pour qui dans a par plus pas au sur ne
        se sont ce il elle avec son aux ou mais été cette nous ses comme fait leur était
        tout deux même ont entre aussi lors très dont sans sous peut""",
    "es": """el la de que y en los del se las por un para con no una su al es lo como más
        pero sus le ya o fue este ha sí porque esta son entre cuando muy sin sobre también
        me hasta hay donde quien desde todo nos durante todos uno les ni contra""",
    "it": """il di che e la per un in non una sono del della si le da ha con dei gli al lo
        come anche più ma alla nel delle questo tra stato essere ci dal nella sul sua suo
        era loro quando dopo fatto molto cosa già ancora fra tutti""",
    "nl": """de het een van en in is dat op te zijn met voor niet die aan er om ook als bij
        maar door uit dan nog werd worden naar wordt heeft hij ze tot zich over was deze wel
        haar al kan geen meer na omdat hun waren wat zo""",
    "pt": """de a o que e do da em um para com não uma os no se na por mais as dos como mas
        ao ele das à seu sua ou quando muito nos já eu também só pelo pela até isso ela
        entre depois sem mesmo aos seus quem nas esse são foi""",
    "sv": """och i att det som en på är av för med till den har de inte om ett han men var
        jag sig från vi så kan man när år säger hon under också efter eller nu sin där vid
        mot ska skulle kommer ut får finns vara hade alla andra mycket""",
    "da": """og i at det som en på er af for med til den har de ikke om et han men var jeg
        sig fra vi så kan man når år siger hun under også efter eller nu sin der ved mod
        skal skulle kommer ud får blev være havde alle andre meget hvad bliver nogle endnu
        sagde""",
    "no": """og i å det som en på er av for med til den har de ikke om et han men var jeg
        seg fra vi så kan man når år sier hun under også etter eller nå sin der ved mot
        skal skulle kommer ut får ble være hadde alle andre mye hva blir noen ennå sa""",
    "pl": """i w nie na się z do to że jest o jak a co ale po tak za od jego od przez być
        tylko już może dla go czy jej są by ich również tym jednak który która które było
        roku więc oraz bardzo gdy teraz jeszcze także lub mnie""",
    "tr": """ve bir bu da de için ile olarak çok daha en gibi ama o ne var olan sonra kadar
        ya değil her şey ben biz onun bunu ki mi diye olduğunu göre ancak ise yani oldu
        önce yeni büyük şekilde tarafından arasında ayrıca bile""",
    "fi": """ja on ei että se oli hän ovat mutta kuin myös tai ole joka mitä niin kun tämä
        jo sen vain nyt voi ollut hänen sitten kanssa vielä mukaan jossa ovat kaikki he
        tässä siitä sekä mukaan pitää olla koska eli vuoden vuonna""",
    "id": """yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada
        tersebut bisa oleh mereka kami kita saya atau sudah telah lebih seperti hanya dia
        jika saat bahwa harus masih dapat tetapi para agar namun""",
    "ro": """și în de la a cu pe un o că nu care din este pentru mai sunt au se fost ca sau
        dar sa această acest fi după când al ale lui cel cea foarte poate doar însă între
        prin spre până""",
    "cs": """a v se na je že to s z do o k jako ale by jsou pro jeho jen už tak po bylo byl
        však nebo jak také které který která podle jsem při mezi když být ještě než""",
    "hu": """a az és hogy nem is egy meg van csak de már ez mint még volt ki el ha azt kell
        lesz pedig majd mert vagy után között szerint nagyon amely akkor sem minden
        voltak""",
    "ru": """и в не на что с по как это он к из за от а то его для но она так о бы все же
        они уже был было ее у если или только до при также мы их может когда""",
    "uk": """і в не на що з по як це він до із за від а то його для але вона так про б всі
        ж вони вже був було її у якщо або тільки при також ми їх може коли""",
}

# Stop words as sets, built once.
STOP_SETS: dict[str, frozenset[str]] = {
    code: frozenset(words.split()) for code, words in STOP_WORDS.items()
}

# Each frequent word with the languages it is frequent in, for one lookup per word (built
# from the lists in their written order: a set's order changes with the hash seed).
WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _code, _words in STOP_WORDS.items():
    for _word in dict.fromkeys(_words.split()):
        WORD_LANGUAGES[_word] = WORD_LANGUAGES.get(_word, ()) + (_code,)
# What one occurrence of a word adds to each of its languages' scores.
WORD_WEIGHTS: dict[str, float] = {word: 1 / len(codes) for word, codes in WORD_LANGUAGES.items()}

# Scripts that name one language on their own (checked on letters, by Unicode block).
SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "el"), (0x0590, 0x05FF, "he"), (0x0E00, 0x0E7F, "th"),
    (0x0530, 0x058F, "hy"), (0x10A0, 0x10FF, "ka"), (0xAC00, 0xD7AF, "ko"),
    (0x1100, 0x11FF, "ko"), (0x3040, 0x30FF, "ja"), (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"), (0x0B80, 0x0BFF, "ta"), (0x0600, 0x06FF, "ar"),
)
HAN_RANGE = (0x4E00, 0x9FFF)  # Chinese characters: zh unless kana says ja

# Three-letter and legacy codes seen in lang attributes, mapped to ISO 639-1.
CODE_ALIASES: dict[str, str] = {
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it",
    "nld": "nl", "dut": "nl", "por": "pt", "swe": "sv", "dan": "da", "nor": "no", "nob": "no",
    "nno": "no", "nb": "no", "nn": "no", "pol": "pl", "tur": "tr", "fin": "fi", "rus": "ru",
    "ukr": "uk", "jpn": "ja", "zho": "zh", "chi": "zh", "kor": "ko", "ara": "ar", "iw": "he",
    "in": "id", "ji": "yi", "ind": "id", "ron": "ro", "rum": "ro", "ces": "cs", "cze": "cs",
    "hun": "hu", "ell": "el", "gre": "el", "heb": "he",
}
