"""How articles name the outlet they are based on, as data: phrases, credit lines, domains.

`OUTLET` in a pattern stands for a capitalised outlet name ("The New York Times",
"Nikkei Asia", "Le Monde", "axios.com"); `source` substitutes the name expression.
"""

from __future__ import annotations

# Meta tags that name the original of a syndicated article (content: a name or a url).
META_NAMES = ("syndication-source", "original-source", "article:original-source",
              "article:original_source", "og:article:original_source", "dc.source.original")

# Nouns that may stand between a phrase and the outlet: 'du quotidien Ouest Littoral'.
OUTLET_KINDS = ("quotidien", "journal", "hebdomadaire", "magazine", "site", "média", "newspaper",
                "paper", "daily", "weekly", "outlet", "broadcaster", "news agency", "news site",
                "website", "agency", "agence", "Zeitung", "Tageszeitung", "Wochenzeitung",
                "Magazin", "Nachrichtenagentur", "Sender", "Portal", "Nachrichtenportal",
                "diario", "periódico", "quotidiano", "giornale", "Blatt", "Lokalzeitung")

# Meta tags holding the title and description, searched for explicit phrases after the body.
HEADLINE_META = ("og:title", "twitter:title", "og:description", "description",
                 "twitter:description")

# Explicit statements that the story is based on another outlet's report: any paragraph.
# Each pattern runs only on paragraphs containing one of its lowercase hint words.
EXPLICIT_PATTERNS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("report", "story", "article", "investigation", "analysis", "interview", "dispatch"),
     (r"\b(?:according to|citing|cited|based on|quoting|reported by|per)\s+(?:a|an|the)\s+"
     r"(?:new\s+|recent\s+|latest\s+|exclusive\s+|separate\s+|earlier\s+)?"
     r"(?:report|story|article|investigation|analysis|interview|dispatch)s?\s+"
     r"(?:from|by|in|on|published\s+(?:by|in|on))\s+OUTLET")),
    (("according to",),
     (r"\baccording to\s+(?:a|an)\s+(?:new\s+|recent\s+|exclusive\s+)?OUTLET\s+"
     r"(?:report|story|article|investigation|analysis)")),
    (("first reported", "originally reported", "initially reported"),
     r"\b(?:as\s+)?(?:first|originally|initially)\s+reported\s+(?:by|in|on)\s+OUTLET"),
    (("first reported", "originally reported", "initially reported"),
     r"\bOUTLET\s+(?:first|originally|initially)\s+reported\b"),
    (("published", "appeared", "posted", " ran "),
     (r"\b(?:this|the)\s+(?:article|story|piece|post|report|interview|column)\s+"
     r"(?:was\s+|is\s+)?(?:originally\s+|first\s+)?(?:published|appeared|posted|ran)\s+"
     r"(?:on|in|by|at|with)\s+OUTLET")),
    (("originally", "first published", "first appeared"),
     r"\b(?:originally|first)\s+(?:published|appeared|posted)\s+(?:on|in|by|at)\s+OUTLET"),
    (("republished",),
     (r"\b(?:is\s+|was\s+)?republished\s+(?:here\s+)?(?:with\s+permission\s+)?"
     r"(?:from|courtesy\s+of|by\s+arrangement\s+with)\s+OUTLET")),
    (("reprinted",),
     r"\breprinted\s+(?:with\s+permission\s+)?(?:from|by)\s+OUTLET"),
    (("berichtet", "meldet", "schreibt", "schrieb"),
     (r"\b(?:wie|so)\s+(?:die|der|das|den)?\s*OUTLET\s+(?:zuerst\s+)?(?:berichtet|berichtete|"
     r"meldet|meldete|schreibt|schrieb)")),
    (("bericht", "meldung"),
     (r"\b(?:einen|einem|den|dem)\s+(?:entsprechenden\s+|früheren\s+|exklusiven\s+)?"
     r"(?:Bericht|Meldung)\s+(?:des|der|von|im|in\s+der)\s+OUTLET")),
    (("report",),
     (r"\b(?:confirmed|denied|confirms|denies|citing|cited)\s+(?:a|an|the)\s+"
     r"(?:\w+\s+)?report\s+(?:from|by|in)\s+OUTLET")),
    (("laut",),
     (r"\blaut\s+(?:einem|einer)\s+(?:Bericht|Meldung|Artikel)\s+(?:der|des|von|im|in\s+der|bei)"
     r"\s+OUTLET")),
    (("erschien", "ursprünglich"),
     (r"\b(?:dieser|der)\s+(?:Artikel|Beitrag|Text)\s+(?:erschien|ist)\s+(?:zuerst|ursprünglich)"
     r"\s+(?:bei|in|im|auf)\s+(?:der|dem)?\s*OUTLET")),
    (("selon",),
     (r"\bselon\s+(?:un|une|les|l[’'])\s*(?:article|information|enquête|rapport|révélation)s?\s+"
     r"(?:du\s+(?P<du>)|de\s+la\s+|de\s+l[’']|de\s+|des\s+)OUTLET")),
    (("publié", "paru"),
     (r"\b(?:cet|l[’'])\s*article\s+a\s+(?:été\s+)?(?:initialement|d[’']abord|originellement)?\s*"
     r"(?:publié|paru)\s+(?:initialement\s+|à\s+l[’']origine\s+)?(?:sur|dans|par)\s+"
     r"(?:le\s+|la\s+)?OUTLET")),
    # English: 'as reported by X', 'a report published on Tuesday by X', 'X was first to report'.
    (("reported by", "reported in"),
     r"\bas\s+(?:first\s+|earlier\s+|previously\s+)?reported\s+(?:by|in)\s+OUTLET"),
    (("according to", "citing", "based on"),
     (r"\b(?:according\s+to|citing|based\s+on)\s+(?:a|an|the)\s+(?:report|story|article|"
     r"investigation|documentary)\s+(?:published|broadcast|aired)\s+(?:\w+\s+){0,2}(?:by|in|on)\s+"
     r"OUTLET")),
    (("first to report",), r"\bOUTLET\s+was\s+(?:the\s+)?first\s+to\s+report\b"),
    # German verb-second: 'Das berichtet die X', 'Dies meldete der X unter Berufung auf …'.
    (("berichtet", "meldet", "schreibt", "schrieb"),
     (r"\b(?:Das|Dies|Darüber|Davon|Demnach|Dies\s+alles)\s+(?:berichtet|berichtete|meldet|meldete|"
     r"schreibt|schrieb)\s+(?:(?:am|an\s+diesem)\s+\w+\s+)?(?:die|der|das)\s+OUTLET")),
    # German inversion after a comma, the outlet marked by quotes or its kind: ', berichtet die
    # „Rheinpost“', ', schreibt das Nachrichtenportal X' (', berichtet die Polizei' is no outlet).
    (("berichtet", "meldet", "schreibt", "schrieb"),
     (r",\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\s+(?:(?:am|an\s+diesem)\s+\w+\s+)?"
     r"(?:die|der|das)\s+(?=[„»\"]|(?:Zeitung|Tageszeitung|Wochenzeitung|Magazin|Nachrichtenagentur|"
     r"Sender|Portal|Nachrichtenportal|Lokalzeitung|Blatt)\s)OUTLET")),
    (("informationen", "recherchen"),
     (r"\bnach\s+(?:gemeinsamen\s+|exklusiven\s+)?(?:Informationen|Recherchen)\s+(?:der|des|von|vom)"
     r"\s+OUTLET")),
    # French: 'selon des informations publiées samedi par X', 'd’après des informations du Y'.
    (("selon", "après"),
     (r"\b(?:selon|d[’']après)\s+(?:un|une|les|des|nos|l[’'])\s*(?:article|information|enquête|"
     r"rapport|révélation|confrères)s?\s+(?:(?:publiée?s?|parue?s?|diffusée?s?|révélée?s?|obtenue?s?)"
     r"\s+(?:\w+\s+){0,2}(?:par|dans)\s+|du\s+(?P<du>)|de\s+la\s+|"
     r"de\s+l[’']|de\s+|des\s+)OUTLET")),
    (("rapport", "révèle", "révél", "écrit"),
     (r",\s+(?:rapporte|rapportait|révèle|révélait|a\s+révélé|écrit|écrivait)\s+(?:\w+\s+)?"
     r"(?:le\s+quotidien\s+|le\s+journal\s+|le\s+site\s+|l[’']hebdomadaire\s+)?"
     r"(?=L[ea]s?\s|L[’'])OUTLET")),
    # Spanish: 'según informa el diario X', 'según una información de X', 'como adelantó X'.
    # After a verb the outlet needs its article or kind ('según informó Ana Gil' is a person).
    (("según",),
     (r"\bsegún\s+(?:informa|informó|publica|publicó|adelanta|adelantó|revela|reveló|recoge|recogió|"
     r"ha\s+informado|ha\s+publicado|ha\s+adelantado|ha\s+revelado)\s+(?:hoy\s+|este\s+\w+\s+)?"
     r"ES_OUTLET_LEADOUTLET")),
    (("según",),
     (r"\bsegún\s+(?:una\s+información|un\s+artículo|un\s+reportaje|una\s+exclusiva|"
     r"informaciones)\s+(?:publicad[ao]s?\s+(?:\w+\s+){0,2}por\s+|del\s+(?P<del>)|"
     r"de\s+)OUTLET")),
    (("como ",),
     (r"\b(?:como|tal\s+y\s+como)\s+(?:informó|adelantó|publicó|reveló|ha\s+informado|"
     r"ha\s+adelantado|ha\s+publicado|ha\s+revelado)\s+(?:\w+\s+)?ES_OUTLET_LEADOUTLET")),
    # Italian: 'secondo quanto riportato dal X', 'come rivela il X', 'Lo scrive il Corriere …'.
    (("riport", "rifer", "rivel", "scrive", "scritt", "anticip", "pubblicat"),
     (r"\b(?:secondo\s+quanto|come)\s+(?:(?:riporta|riferisce|scrive|rivela|anticipa)\s+"
     r"(?:oggi\s+)?|(?:riportat|riferit|scritt|rivelat|anticipat|pubblicat)[oa]\s+(?:da|su))"
     r"IT_OUTLET_LEADOUTLET")),
    (("secondo",),
     (r"\bsecondo\s+(?:un|una)\s+(?:articolo|inchiesta|indiscrezione|retroscena|servizio)\s+"
     r"(?:pubblicat[oa]\s+(?:\w+\s+){0,2}(?:da|su)IT_OUTLET_LEAD|del\s+|della\s+|di\s+)"
     r"OUTLET")),
    # A bare name after 'according to', 'selon', 'según', 'secondo', 'laut' counts only when it
    # reads as a news outlet (NEWSY: see NEWS_WORDS): 'According to the Coastal Times, …'.
    (("according to",), r"\baccording\s+to\s+NEWSYOUTLET(?=\s*[,.;]|\s+(?:on|in|last|this)\b)"),
    (("first revealed", "first disclosed", "first broken", "was broken"),
     (r"\b(?:first\s+(?:revealed|disclosed|broken)|(?:news|story)\s+was\s+(?:first\s+)?broken)"
     r"\s+by\s+OUTLET")),
    (("selon", "après"), r"\b(?:selon|d[’']après)\s+NEWSYOUTLET"),
    (("révél", "rapport", "annonc", "écrit", "dévoil"),
     (r"\b(?:comme\s+l[’']a\s+(?:révélé|rapporté|annoncé|écrit)|(?:révélée?s?|rapportée?s?|"
     r"dévoilée?s?)\s+(?:\w+\s+)?par)\s+(?=L[ea]s?\s|L[’'])OUTLET")),
    (("según",), r"\bsegún\s+NEWSYOUTLET"),
    (("secondo",), r"\bsecondo\s+NEWSYOUTLET"),
    (("anticipat", "rivelat", "riportat", "pubblicat"),
     r"\b(?:anticipat|rivelat|riportat|pubblicat)[ao]\s+(?:ieri\s+|oggi\s+)?(?:da|su)IT_OUTLET_LEADOUTLET"),
    (("laut",), r"\blaut\s+(?:der\s+|dem\s+|des\s+)?NEWSYOUTLET"),
    (("hatte",),
     (r"\b(?:zuerst|bereits|darüber)\s+hatten?\s+(?:zuerst\s+|darüber\s+)?(?:die|der|das)\s+OUTLET"
     r"\s+(?:darüber\s+|zuerst\s+)?(?:berichtet|gemeldet|geschrieben)")),
    (("riport", "scrive", "rivel", "anticip"),
     r"\b[Ll]o\s+(?:riporta|scrive|rivela|anticipa)\s+(?:oggi\s+)?IT_OUTLET_LEADOUTLET"),
)

# What stands before an outlet after a Spanish or Italian verb: its kind or its article.
ES_OUTLET_LEAD = (r"(?:(?:el\s+diario|el\s+periódico|la\s+cadena|la\s+agencia|el\s+medio|"
                  r"la\s+emisora)\s+|(?=(?:[Ee]l|[Ll]as?|[Ll]os)\s))")
IT_OUTLET_LEAD = (r"(?:\s*(?:il\s+quotidiano|il\s+giornale|il\s+sito|l[’']agenzia|la\s+testata)\s+"
                  r"|(?<=da|su)(?:lla|llo|l[’']|l)\s*|\s*(?=(?:[Ii]l|[Ll]a|[Ll]o|L[’'])\s?))")

# A short closing line crediting the original: "via Reuters", "Source: AFP", "(With AFP)".
CREDIT_LINE_PATTERNS = (
    r"^[(\[]?\s*(?:[-—–]\s*)?(?:via|source|sources|quelle|quellen|from)\s*:?\s+OUTLET\s*[)\]]?\.?$",
    (r"^[(\[]?\s*(?:[-—–]\s*)?(?:with|mit|avec)\s+(?:material\s+(?:from|von)\s+|"
    r"informations?\s+de\s+l?[’']?)?WIRE\s*[)\]]?\.?$"),
    r"^[(\[]?\s*(?:[-—–]\s*)?WIRE\s*[)\]]?\.?$",
    r"^(?:mit\s+)?material\s+von\s+WIRE\.?$",
)

# A wire dateline opening the first paragraph: "WASHINGTON (AP) —", "BERLIN (dpa) -".
DATELINE_PATTERN = (r"^(?:[A-ZÀ-Ý][\w.'’/-]*(?:[ ,]+[A-ZÀ-Ý][\w.'’/-]*){0,4}\s*)?"
                    r"[(\[]WIRE[)\]]\s*[-—–:]")

# Weak evidence, used only when nothing above matched: "Nikkei Asia reported on Wednesday that".
WEAK_PATTERNS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("reported", "reports", "revealed"),
     (r"\bOUTLET\s+(?:reported|reports|revealed|first\s+revealed)\s+"
     r"(?:on\s+\w+\s+|earlier\s+|last\s+\w+\s+|this\s+\w+\s+)?that\b")),
    (("berichtet", "meldete"), r"\bOUTLET\s+(?:berichtete|berichtet|meldete)\b"),
    # French, Spanish, Italian: the outlet with its article opens the sentence and reveals.
    (("révèle", "révélait", "révélé", "rapporte", "rapporté"),
     (r"(?:^|[.!?]\s+)(?=L[ea]s?\s|L[’'])OUTLET\s+(?:révèle|révélait|a\s+révélé|rapporte|"
     r"rapportait|a\s+rapporté)\s+(?:\w+\s+){0,2}qu")),
    (("informa", "publica", "revela", "reveló", "adelanta", "adelantó"),
     (r"(?:^|[.!?]\s+)(?=(?:El|La|Los|Las)\s)OUTLET\s+(?:informa|informó|publica|publicó|revela|"
     r"reveló|adelanta|adelantó)\s+(?:\w+\s+){0,2}que")),
    (("scrive", "riporta", "rivela", "riferisce", "anticipa"),
     (r"(?:^|[.!?]\s+)(?=(?:Il|La|Lo|L[’'])\s?)OUTLET\s+(?:scrive|riporta|rivela|riferisce|"
     r"anticipa)\s+(?:\w+\s+){0,2}che")),
)
# Words that make a bare name a news outlet ('the Coastal Times', 'Corriere di Como', 'NDR').
NEWS_WORDS = frozenset({
    "times", "post", "news", "herald", "journal", "gazette", "tribune", "telegraph", "guardian",
    "chronicle", "observer", "independent", "courier", "mail", "express", "star", "record",
    "daily", "weekly", "radio", "tv", "press", "review", "standard", "examiner", "inquirer",
    "bulletin", "register", "magazine", "monitor", "dispatch", "mirror", "echo", "argus",
    "advertiser", "sentinel", "beacon", "ledger", "globe", "mercury", "reporter", "enquirer",
    "zeitung", "anzeiger", "kurier", "rundschau", "blatt", "tagblatt", "morgenpost",
    "abendblatt", "bote", "nachrichten", "allgemeine", "tageblatt", "presse", "spiegel",
    "stern", "focus", "handelsblatt", "parisien", "monde", "figaro", "télégramme",
    "progrès", "dépêche", "courrier", "républicain", "écho", "libération", "nouvelliste",
    "dauphiné", "voix", "quotidien", "hebdo", "país", "mundo", "diario", "periódico",
    "vanguardia", "voz", "faro", "correo", "heraldo", "noticias", "prensa", "razón",
    "corriere", "gazzetta", "giornale", "messaggero", "stampa", "repubblica", "resto", "eco",
    "nazione", "mattino", "gazzettino", "sole", "fatto", "tirreno", "secolo", "giorno",
    "foglio", "avvenire", "notizie", "quotidiano", "ndr", "wdr", "swr", "mdr", "rbb", "zdf",
    "ard", "orf", "srf", "bbc", "cnn", "rtl", "rai", "rtve", "tf1", "bfm", "franceinfo",
    "ouest", "canard", "mediapart", "confidencial", "abc", "montagne", "point", "obs",
})

# Endings of German compound titles ('Weserkurier', 'Abendzeitung', 'Kreisanzeiger').
NEWS_SUFFIXES = ("kurier", "zeitung", "anzeiger", "rundschau", "blatt", "bote", "nachrichten",
                 "presse", "echo", "post")

# Hints of the English phrases; the others are looked for only on pages whose text has a
# letter with a diacritic (German, French, Spanish and Italian prose always does).
ENGLISH_HINTS = frozenset({
    "report", "reported", "reports", "reported by", "reported in", "first reported",
    "originally reported", "initially reported", "first to report", "story", "article",
    "investigation", "analysis", "interview", "dispatch", "according to", "published",
    "appeared", "posted", " ran ", "originally", "republished", "reprinted", "citing",
    "based on", "revealed", "first published", "first appeared", "first revealed",
    "first disclosed", "first broken", "was broken",
})

# Paragraphs searched for weak evidence (from the top).
WEAK_PARAGRAPHS = 4
# Closing paragraphs searched for credit lines, and their longest length.
CREDIT_LINE_PARAGRAPHS = 3
CREDIT_LINE_MAX_CHARS = 80

# Wire agencies recognised in bare tags and datelines: spelling in text -> canonical name.
WIRE_AGENCIES: dict[str, str] = {
    "reuters": "Reuters", "ap": "AP", "the associated press": "AP", "associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "dpa": "dpa", "bloomberg": "Bloomberg",
    "efe": "EFE", "ansa": "ANSA", "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "pa": "PA", "pa media": "PA", "aap": "AAP", "kna": "KNA", "epd": "epd", "apa": "APA",
    "sda": "SDA", "keystone-sda": "Keystone-SDA", "anp": "ANP", "belga": "Belga", "tass": "TASS",
    "ria novosti": "RIA Novosti", "upi": "UPI", "cna": "CNA", "pti": "PTI", "ians": "IANS",
    "ani": "ANI", "afp/reuters": "AFP", "reuters/afp": "Reuters", "dpa/afp": "dpa",
    "afp/dpa": "AFP",
}

# Known outlet domains, for meta tags and JSON-LD that give a url instead of a name.
OUTLET_DOMAINS: dict[str, str] = {
    "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian", "reuters.com": "Reuters",
    "apnews.com": "AP", "nytimes.com": "The New York Times", "washingtonpost.com":
    "The Washington Post", "bbc.co.uk": "BBC", "bbc.com": "BBC", "cnn.com": "CNN",
    "bloomberg.com": "Bloomberg", "ft.com": "Financial Times", "wsj.com": "The Wall Street Journal",
    "asia.nikkei.com": "Nikkei Asia", "theconversation.com": "The Conversation",
    "afp.com": "AFP", "aljazeera.com": "Al Jazeera", "spiegel.de": "Der Spiegel",
    "lemonde.fr": "Le Monde", "economist.com": "The Economist", "politico.com": "Politico",
    "politico.eu": "Politico", "axios.com": "Axios", "npr.org": "NPR",
    "propublica.org": "ProPublica",
    "latimes.com": "Los Angeles Times", "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph", "zeit.de": "Die Zeit", "faz.net": "FAZ",
    "sueddeutsche.de": "Süddeutsche Zeitung", "lefigaro.fr": "Le Figaro",
    "scmp.com": "South China Morning Post", "abc.net.au": "ABC", "cbc.ca": "CBC",
    "time.com": "Time", "theatlantic.com": "The Atlantic", "wired.com": "Wired",
    "theverge.com": "The Verge", "techcrunch.com": "TechCrunch", "arstechnica.com": "Ars Technica",
    "kffhealthnews.org": "KFF Health News", "khn.org": "KFF Health News",
    "calmatters.org": "CalMatters",
}

# First words that show a captured name is a date or a pronoun, not an outlet.
NOT_OUTLET_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "this", "that", "it", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "our", "its", "today", "yesterday", "last", "next", "spring", "summer",
    "autumn", "fall", "winter",
})

# Institutions that report things without being outlets: 'Wie die Polizei berichtet', 'The
# Pentagon reported that', 'La Commission rapporte que'. A name holding one is no source.
INSTITUTION_WORDS = frozenset({
    "police", "pentagon", "kremlin", "ministry", "department", "government", "council", "court",
    "prosecutor", "prosecutors", "commission", "parliament", "senate", "congress", "army",
    "military", "navy", "authorities", "officials", "sheriff", "coroner", "gendarmerie",
    "préfecture", "ministère", "gouvernement", "mairie", "parquet", "tribunal", "justice",
    "policía", "guardia", "gobierno", "ministerio", "junta", "ayuntamiento", "consejería",
    "fiscalía", "juzgado", "polizia", "carabinieri", "governo", "ministero", "procura", "comune",
    "regione", "prefettura", "questura", "tribunale", "stadt", "gemeinde", "landkreis",
})
# Endings of German compounds naming an institution: 'Innenministerium', 'Landespolizei'.
INSTITUTION_SUFFIXES = ("polizei", "ministerium", "regierung", "verwaltung", "gericht", "amt",
                        "behörde", "staatsanwaltschaft", "feuerwehr", "präsidium", "rathaus",
                        "kommission", "bundestag", "landtag")

# Words that cannot end an outlet name taken from running text.
OUTLET_TRAILING_STOPWORDS = frozenset({"on", "in", "at", "that", "said", "says", "reported",
                                       "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                       "Saturday", "Sunday", "This", "The", "Last", "On", "In"})
