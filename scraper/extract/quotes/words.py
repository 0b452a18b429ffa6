"""Word lists for quote attribution and person names, as data (English, German, French).

`speakers` and `names` compile these; extend a list here to teach them a language.
Spanish and Italian live in `words_es_it` and are merged in here.
"""

from __future__ import annotations

from .words_es_it import (
    ATTRIBUTION_VERBS_ES,
    ATTRIBUTION_VERBS_IT,
    DESCRIPTIVE_OPENERS_ES_IT,
    FOR_OPENINGS_ES_IT,
    NAME_STOPWORDS_ES_IT,
    NON_PERSON_PRECEDERS_ES_IT,
    PHRASE_CUT_WORDS_ES_IT,
    PRONOUNS_ES_IT,
    SPEAKER_AFTER_PHRASES_ES_IT,
    TITLES_ES_IT,
)
from .words_openers import SENTENCE_OPENERS

# Verbs whose subject is the speaker: "X said", or after a quote "said X".
ATTRIBUTION_VERBS_EN = (
    "said", "says", "say", "told", "tells", "added", "adds", "argued", "argues", "warned", "warns",
    "explained", "explains", "noted", "insisted", "insists", "wrote", "writes", "tweeted",
    "posted", "asked", "asks", "replied", "replies", "recalled", "recalls", "stressed", "stresses",
    "claimed", "claims", "acknowledged", "acknowledges", "admitted", "admits", "continued",
    "conceded", "declared", "declares", "announced", "stated", "states", "observed", "commented",
    "remarked", "suggested", "suggests", "urged", "urges", "vowed", "pledged", "promised",
    "responded", "confirmed", "emphasised", "emphasized", "cautioned", "predicted", "concluded",
    "concludes", "reported", "maintained", "contended", "countered", "complained", "lamented", "quipped",
    "joked", "boasted", "testified", "shouted", "whispered", "accused", "alleged", "agreed", "believes",
    "explained", "reiterated", "answered", "added", "announced", "mused", "exclaimed", "wondered",
    "fumed", "scoffed", "cried", "yelled", "affirmed", "assured", "pointed out", "went on",
    "told reporters", "said in a statement", "quoted as saying", "was quoted as saying",
    "saying", "telling", "adding", "arguing", "warning", "noting", "insisting", "writing",
    "fears", "feared", "worried", "hoped", "hopes", "regretted", "denounced", "described",
    "called", "calls", "dubbed",
    "notes", "counters", "observes", "concedes", "recounts", "recounted", "reflects",
    "reflected", "puts it", "put it", "shared", "confided", "shouts", "yells", "jokes",
    "quips", "whispers", "laments", "complains", "concludes", "cautions",
)
ATTRIBUTION_VERBS_DE = (
    "sagte", "sagt", "sagten", "sagen", "erklärte", "erklärt", "erklärten", "betonte", "betont",
    "meinte", "meint", "fügte", "ergänzte", "ergänzt", "warnte", "warnt", "kritisierte",
    "kritisiert", "schrieb", "schreibt", "berichtete", "erläuterte", "bekräftigte", "räumte",
    "versicherte", "forderte", "fordert", "sprach", "zitiert", "unterstrich", "mahnte",
    "teilte", "antwortete", "behauptete", "verkündete", "stellte", "hob", "befürchtet",
    "befürchtete", "bedauert", "bedauerte", "mahnt", "warnt", "fürchtet", "fürchtete",
    "räumt", "rechnet", "rechnete", "ergänzt", "gibt", "gab", "sagt", "kommentiert",
    "kommentierte", "resümiert", "resümierte", "bilanziert", "bilanzierte", "nannte", "nennt",
    "bezeichnete", "bezeichnet", "spricht", "versprach", "verspricht", "kündigte", "kündigt",
    "heißt", "hieß", "hält", "hielt",
    "betonten", "erklärten", "forderten",
    "fragt", "fragte", "fragten", "antwortet", "antworteten", "erzählte", "berichten",
    "berichteten", "schildert", "schilderte", "beschreibt", "beschrieb", "glaubt", "glaubte",
    "bestätigte", "entgegnete", "kontert", "konterte", "gesteht", "gestand", "klagt", "klagte",
    "beklagte", "schimpft", "schimpfte", "appellierte", "urteilt", "urteilte", "unterstreicht",
    "argumentierte", "vermutete", "beteuerte", "prognostizierte", "twitterte", "postete",
    "zitierte",
    "mahnten", "warnten", "notierte", "notiert", "spöttelt", "spöttelte",
    "äußerte", "verwies", "verweist", "wies", "weist",
)
ATTRIBUTION_VERBS_FR = (
    "a déclaré", "a dit", "dit", "a affirmé", "affirme", "explique", "a expliqué", "a ajouté",
    "ajoute", "estime", "a estimé", "a indiqué", "indique", "souligne", "a souligné", "précise",
    "a précisé", "assure", "a assuré", "confie", "a confié", "raconte", "a raconté", "poursuit",
    "lance", "a lancé", "déclare", "déclarait", "a répondu", "répond", "avertit", "a averti",
    "insiste", "a insisté", "a martelé", "martèle", "a prévenu", "prévient", "a reconnu",
    "reconnaît", "a écrit", "écrit", "a tweeté", "note", "a noté", "conclut", "a conclu",
    "redoute", "craint", "dénonce", "a dénoncé", "regrette", "a regretté", "juge", "a jugé",
    "rappelle", "a rappelé", "s’inquiète", "s'inquiète", "résume", "a résumé", "plaide",
    "lâche", "a lâché", "glisse", "a glissé", "souffle", "a soufflé", "tranche", "a tranché",
    "s’exclame", "ironise", "déplore", "a déploré", "observe", "analyse", "avance", "témoigne",
    "admet", "a admis", "détaille", "soupire", "alerte", "a alerté", "commente", "a commenté",
    "fait valoir", "a fait valoir", "fait savoir", "a fait savoir", "promet", "a promis",
    "sourit", "a souri", "rit", "s’amuse", "plaisante", "s’enthousiasme", "s’emporte",
    "s’agace", "qualifie", "a qualifié", "a réagi", "réagit", "a tonné", "tonne", "nuance",
    "a nuancé", "révèle", "a révélé", "révélait", "se réjouit", "s’est réjoui", "s’est réjouie",
    "se félicite", "s’est félicité", "s’interroge", "s’étonne", "s’insurge", "s’indigne",
    "se désole", "se souvient", "se rappelle", "s’alarme", "se défend", "se justifie",
    "a rapporté", "rapporte", "a publié", "a annoncé", "annonce", "a confirmé", "confirme",
    "a poursuivi", "affirmait",
)
ATTRIBUTION_VERBS = (ATTRIBUTION_VERBS_EN + ATTRIBUTION_VERBS_DE + ATTRIBUTION_VERBS_FR
                     + ATTRIBUTION_VERBS_ES + ATTRIBUTION_VERBS_IT)

# Phrases whose speaker follows them: "according to X", "selon X", "laut X".
SPEAKER_AFTER_PHRASES = ("according to", "selon", "laut", "d'après", "d’après", "zufolge",
                         "nach angaben von", "nach angaben des", "nach angaben der",
                         ) + SPEAKER_AFTER_PHRASES_ES_IT
# Sentence openers naming whose view follows: 'Pour X, c’est « … »', 'For X, it is “…”'.
FOR_OPENINGS = ("pour", "für", "for", "selon", "laut", "according to", "d’après", "d'après"
                ) + FOR_OPENINGS_ES_IT
# Right after a quote only: German „...“, so Scholz.
QUOTE_TAIL_SO = "so"

# French inversions: "a-t-il déclaré", "explique-t-elle", "ajoute-t-il".
FRENCH_INVERSION = (r"(?:a-t-(?:il|elle|on)\s+\w+|\w+-t-(?:il|elle|on)|\w+-(?:il|elle|ils|elles))")

# Personal pronouns that can be a speaker; resolved to the last named person.
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "er", "sie", "ihm", "ihr",
                      "il", "elle", "ils", "elles", "lui", "eux"}) | PRONOUNS_ES_IT

# Words stripped between a subject and its verb: "Lungescu has repeatedly said".
AUXILIARIES = frozenset({
    "has", "had", "have", "was", "were", "is", "are", "will", "would", "also", "later",
    "previously", "repeatedly", "once", "then", "again", "recently", "earlier", "further",
    "hat", "habe", "hatte", "ist", "war", "avait", "déjà", "aussi", "auch",
    "noch", "bereits", "dann", "zudem", "außerdem", "ebenfalls", "quoted", "as", "been",
    "reportedly", "publicly", "privately", "simply", "bluntly", "flatly", "openly", "just",
    "first", "often", "frequently", "always", "never", "still",
    "aber", "hingegen", "jedoch", "indes", "dagegen", "wiederum", "selbst", "however",
})

# Sentence openers that are not part of a speaker phrase.
LEADING_CONNECTORS = frozenset({
    "but", "and", "yet", "so", "however", "meanwhile", "still", "also", "now", "then", "later",
    "instead", "indeed", "separately", "moreover", "earlier", "aber", "und", "doch", "auch",
    "dabei", "mais", "et", "puis", "ensuite", "pourtant", "or", "because", "as", "while",
})

# Words that end an inverted speaker phrase: 'said Lungescu on Wednesday'.
PHRASE_CUT_WORDS = frozenset({
    "on", "in", "at", "during", "last", "this", "yesterday", "today", "tonight", "earlier",
    "later", "when", "while", "after", "before", "told", "adding", "who", "which", "that",
    "hinzu", "an", "mit", "am", "im", "beim", "gestern", "heute", "lors", "le", "ce", "hier",
    "dans", "à", "au", "and", "und", "et", "from", "via", "as", "bei", "vor", "vom", "zum",
    "zur", "nach", "über", "gegenüber", "während", "ein", "zu", "fest", "aus", "auf", "pendant",
    "devant", "sur", "avant", "après", "with", "for", "about", "following", "ahead",
}) | PHRASE_CUT_WORDS_ES_IT

# Relative pronouns that open a clause inside a subject: 'the government, which has warned'.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whose", "der", "die", "das", "welche",
                               "welcher", "qui", "dont", "lequel", "laquelle"})

# Prepositions and determiners before a capitalised run that make it a place or an outlet.
NON_PERSON_PRECEDERS = frozenset({
    "in", "at", "to", "from", "of", "for", "than", "with", "across", "into", "on", "by", "near",
    "the", "a", "an", "towards", "toward", "about", "against", "between", "via", "over",
    "under", "around", "through", "within", "outside", "inside", "per", "nach", "aus", "von",
    "bei", "zu", "im", "der", "die", "das", "dem", "den", "des", "à", "au", "aux", "en",
    "du", "de", "le", "la", "les", "vers", "dans", "chez", "pour", "par", "its", "their",
    "mit", "gegenüber", "für", "über", "unter", "durch", "gegen", "ohne", "um", "seit",
    "während", "wegen", "trotz", "hinter", "neben", "zwischen", "auf", "am", "beim",
    "vom", "zum", "zur", "ins", "sur", "avec", "sans", "sous", "entre", "depuis", "pendant",
}) | NON_PERSON_PRECEDERS_ES_IT

# Lowercase words allowed inside a name: 'Ursula von der Leyen', 'Mohammed bin Salman'.
NAME_PARTICLES = ("van", "von", "de", "der", "den", "du", "da", "di", "del", "della", "des",
                  "la", "le", "bin", "bint", "ibn", "al", "el", "ter", "zu", "dos", "das", "y")

# Particles that are articles: a name never starts with one, nor has one inside unless a
# 'von'/'de' introduces it ('von der Leyen' yes, 'Sprecher der Stadtverwaltung' no).
ARTICLE_PARTICLES = frozenset({"der", "des", "den", "dem", "die", "du", "la", "le", "el", "della"})

# Words a descriptive speaker may open with ('a spokesperson', 'one parent', 'ein Sprecher').
DESCRIPTIVE_OPENERS = frozenset({
    "a", "an", "the", "one", "two", "three", "his", "her", "their", "its", "our", "this",
    "that", "these", "those", "some", "several", "many", "another", "each", "both", "all",
    "un", "une", "le", "la", "les", "l’", "l'", "des", "ein", "eine", "einer", "der", "die",
    "das", "el", "los", "las", "sein", "seine", "ihr", "ihre", "son", "sa", "ses", "leur",
}) | DESCRIPTIVE_OPENERS_ES_IT
# Capitalised sentence openers that are no speaker ('In October', 'Where we').
NON_DESCRIPTIVE_OPENERS = frozenset({
    "in", "on", "at", "to", "with", "for", "from", "by", "after", "before", "where", "when",
    "while", "if", "as", "since", "during", "about", "into", "through", "über", "mit", "im",
    "am", "dans", "avec", "pour", "en", "sur",
    "nach", "vor", "seit", "während", "bei", "trotz", "wegen", "außer", "hier", "dort", "heute",
    "dennoch", "après", "avant", "pendant", "depuis", "después", "antes", "durante", "tras",
    "desde", "según", "dopo", "prima", "secondo", "mentre", "dove",
})
# Words that make a phrase a clause rather than a speaker ('Audience members laughed when he').
CLAUSE_WORDS = frozenset({
    "when", "where", "while", "because", "if", "although", "whereas", "until", "since",
    "that", "which", "who", "whom", "whose", "wenn", "als", "weil", "dass", "quand",
    "lorsque", "parce", "que", "qui",
})

# Auxiliaries and copulas that make a phrase a clause, not a speaker: 'X and his
# administration have championed …'.
FINITE_VERBS = frozenset({
    "have", "has", "had", "is", "are", "was", "were", "will", "would", "can", "could", "did",
    "hat", "haben", "hatte", "hatten", "ist", "sind", "war", "waren", "wird", "werden",
    "ont", "est", "sont", "était", "han", "hanno", "sono", "era", "fue", "fueron",
})

# Titles and roles stripped from the edges of a name: 'Nato spokesperson Oana Lungescu'.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "prime", "minister", "secretary", "general", "chancellor", "senator", "sen",
    "rep", "representative", "governor", "gov", "mayor", "judge", "justice", "chief",
    "ambassador", "spokesperson", "spokesman", "spokeswoman", "director", "ceo", "chairman",
    "chairwoman", "chair", "king", "queen", "prince", "princess", "pope", "father", "sister",
    "brother", "rabbi", "imam", "bishop", "archbishop", "cardinal", "colonel", "col",
    "lt", "captain", "capt", "sgt", "sergeant", "officer", "commissioner", "deputy", "vice",
    "foreign", "defence", "defense", "finance", "health", "interior", "economy", "home",
    "herr", "frau", "monsieur", "madame", "mme", "m", "bundeskanzler", "kanzler", "kanzlerin",
    "präsident", "präsidentin", "ministerin", "sprecher", "sprecherin", "ministre",
    "président", "présidente", "porte-parole", "coach", "manager", "leader", "founder",
    "executive", "analyst", "economist", "author", "editor",
    "administrator", "associate", "assistant", "acting", "former", "senior", "veteran",
    "sheriff", "trooper", "marshal", "constable", "inspector", "detective", "lieutenant",
    "corporal", "major", "councilman", "councilwoman", "alderman", "commander", "coroner",
    "prosecutor", "attorney", "solicitor", "counsel", "speaker", "whip",
    # sports positions before a player's name ('All-NBA-Guard X', 'striker X')
    "guard", "striker", "goalkeeper", "quarterback", "midfielder", "defender", "pitcher",
    "torhüter", "stürmer", "verteidiger", "spielmacher",
}) | TITLES_ES_IT

# Subject pronouns: a short subject opening with one is that pronoun ('He instead said').
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "er", "sie", "il", "elle", "ils", "elles",
                              "él", "ella", "lui", "lei"})

# Endings of role nouns, capitalised in German ('Geschäftsführerin', 'Bürgermeister') and
# English ('Councillor'): a word ending so is stripped from the edges of a name.
ROLE_SUFFIXES = (
    "sekretärin", "sekretär", "kommentatorin", "kommentator", "führerin", "führer", "sprecherin", "sprecher", "meisterin",
    "meister", "leiterin", "leiter",
    "präsidentin", "präsident", "ministerin", "minister", "direktorin", "direktor", "vorsitzende",
    "vorsitzender", "chefin", "rätin", "ingenieurin", "beauftragte", "beauftragter", "expertin",
    "experte", "professorin", "anwältin", "anwalt", "kanzlerin", "senatorin", "managerin",
    "sprecherinnen", "mitarbeiterin", "mitarbeiter", "forscherin", "forscher", "ärztin",
    "councillor", "councilor", "spokesperson", "spokeswoman", "spokesman", "secretary",
    "minister", "ambassador", "commissioner", "superintendent", "executive", "officer",
    "mann", "rat", "chef", "dezernentin", "dezernent", "master", "organiser", "organizer",
    "supervisor", "manager", "director", "coordinator", "trainer", "trainerin", "wart",
    "sprecherin", "ministre", "maire", "directeur", "directrice", "adjoint", "adjointe",
    "erin", "istin", "ystin", "entin", "torin", "eurin", "ärztin", "login", "wirtin", "anwohner",
    "analyst", "aktivist", "experte", "ökonom", "hydrogéologue", "logue", "professor",
    "abgeordnete", "abgeordneter", "hüter", "hüterin", "spieler", "spielerin", "stürmer",
    "stürmerin", "kapitän", "kapitänin", "politiker", "politikerin", "coach",
    "keeper", "striker", "midfielder", "defender", "winger", "farmer", "teacher", "owner",
    "resident", "volunteer", "campaigner", "historian", "scientist", "researcher", "nurse",
    "firefighter", "paramedic", "fisherman", "landlord", "landlady",
)

# Words naming an organisation, never part of a person's name: 'Associates Inc'.
ORGANISATION_WORDS = frozenset({
    "inc", "ltd", "llc", "plc", "corp", "corporation", "gmbh", "ag", "holdings", "associates",
    "partners", "capital", "research", "economics", "analytics", "consulting", "institute",
    "foundation", "association", "society", "committee", "commission", "authority",
    "laboratory", "lab", "labs", "media", "network", "magazine", "records", "studios",
    "ventures", "technologies", "systems", "solutions", "services", "international", "global",
    "club", "league", "federation", "union", "bureau", "agency", "company", "group",
})
# Nouns of speakers that are no person ('the report stated', 'die Behörde teilte mit'): a
# later 'she said' never means them.
THING_NOUNS = ORGANISATION_WORDS | frozenset({
    "report", "study", "statement", "paper", "survey", "review", "analysis", "document",
    "letter", "website", "post", "ministry", "department", "government", "council", "court",
    "bank", "firm", "party", "office", "police", "army", "agency", "organisation",
    "organization", "administration", "campaign", "team", "newspaper", "bericht", "studie",
    "erklärung", "mitteilung", "ministerium", "regierung", "behörde", "polizei", "partei",
    "gericht", "stadt", "gemeinde", "unternehmen", "firma", "rapport", "étude", "ministère",
    "gouvernement", "informe", "estudio", "ministerio", "gobierno", "rapporto", "studio",
    "ministero", "governo",
})
# Capitalised words that are never (part of) a person's name.
NAME_STOPWORDS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet",
    "if", "when", "while", "after", "before", "as", "at", "in", "on", "for", "with", "from",
    "to", "by", "of", "about", "there", "here", "what", "why", "how", "who", "where", "which",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "nato", "eu", "un", "us", "uk", "usa", "g7", "g20",
    "asia", "europe", "africa", "america", "australia", "pacific", "atlantic", "indo-pacific",
    "asia-pacific", "east", "west", "north", "south", "republic", "kingdom", "states", "united",
    "union", "government", "ministry", "department", "office", "house", "senate", "congress",
    "parliament", "council", "court", "police", "army", "party", "company", "group", "bank",
    "university", "school", "hospital", "church", "times", "post", "news", "guardian",
    "reuters", "bloomberg", "journal", "press", "agency", "associated", "bbc", "cnn", "twitter",
    "facebook", "instagram", "google", "apple", "microsoft", "amazon", "covid", "covid-19",
    "christmas", "easter", "god", "mr", "mrs", "ms", "dr", "der", "die", "das", "ein", "eine",
    "le", "la", "les", "une", "il", "elle", "er", "sie", "es", "wir", "ich", "nous",
    "je", "vous", "am", "im", "auf", "mit", "und", "aber", "doch", "auch", "nicht", "today",
    "yesterday", "tomorrow", "photo", "image", "video", "read", "more", "click", "also",
    "however", "meanwhile", "according", "summit", "opera", "street", "avenue",
    "square", "airport", "station", "centre", "center", "museum", "bridge", "river", "sea",
    "sein", "seine", "ihr", "ihre", "deren", "dessen", "unser", "unsere", "son", "sa", "ses",
    "leur", "notre", "euro", "euros", "dollar", "dollars", "millionen", "milliarden", "million",
    "millions", "billion", "billions", "prozent", "percent", "pfund", "franken", "cent",
    "ocean", "lake", "island", "islands", "valley", "mount", "city", "county", "state", "region",
}) | NAME_STOPWORDS_ES_IT | SENTENCE_OPENERS | ORGANISATION_WORDS

# Function words that never are the verb of a speech tag ('“…,” and then', '„…“, die …').
TAG_STOPWORDS = frozenset({
    "and", "but", "or", "nor", "so", "yet", "then", "than", "that", "which", "who", "whom",
    "whose", "what", "when", "where", "while", "if", "as", "because", "although", "though",
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "for",
    "with", "from", "into", "onto", "about", "after", "before", "during", "since", "until",
    "not", "also", "only", "even", "just", "too", "very", "more", "most", "such", "both",
    "und", "aber", "oder", "denn", "doch", "sondern", "wie", "als", "wenn", "weil", "dass",
    "ob", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
    "auch", "noch", "schon", "nur", "nicht", "mit", "von", "für", "auf", "aus", "bei", "nach",
    "zum", "zur", "vom", "beim", "im", "am", "sowie", "sodass", "damit", "dann", "dazu",
    "et", "mais", "ou", "donc", "car", "qui", "que", "quand", "comme", "les", "une",
    "pour", "avec", "dans", "sur", "par", "sans", "aussi", "puis", "alors",
    "pero", "como", "cuando", "porque", "los", "las", "una", "con", "para", "por", "sin",
    "también", "ma", "che", "come", "quando", "perché", "gli", "della", "delle", "degli",
    "anche", "poi", "mentre", "per", "senza",
    # forms of 'be': a copula is no speech verb ('„…“, Gartenarbeit sei es, von der …');
    # 'have' stays, it opens a perfect tense ('„…“, hat Hendel erzählt')
    "is", "was", "are", "were", "be", "been",
    "ist", "sei", "war", "wäre", "sind", "seien", "waren",
    "est", "était", "sont", "étaient", "sera", "soit",
    "es", "era", "son", "eran", "fue", "será", "sea",
    "è", "sono", "erano", "fu", "sarà", "sia",
})
# Reflexive pronouns between a verb and its subject: 'erinnert sich X', 'se souvient X'.
TAG_REFLEXIVES = frozenset({"sich", "se", "s’", "s'", "si"})
# Articles that may open the subject after a tag's verb ('ironise le maire', 'sagt ein Sprecher').
TAG_ARTICLES = frozenset({"the", "a", "an", "der", "die", "das", "ein", "eine", "le", "la",
                          "les", "l’", "l'", "un", "une", "el", "los", "las", "il", "lo", "gli",
                          "uno", "una"})
# Demonstratives opening a noun phrase ('Diese Bauernregeln', 'These rules', 'Ces règles').
DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "dieser", "diese", "dieses", "jene",
                            "jener", "jenes", "ce", "cet", "cette", "ces", "este", "esta", "estos",
                            "estas", "ese", "esa", "questo", "questa", "questi", "queste",
                            "quel", "quella"})
# Reporting verbs that are also plural nouns ('EU states will meet', 'the claims were'):
# a verb only before what a reporting verb takes ('states that', 'claims the …').
NOUN_LIKE_VERBS = frozenset({"states", "claims", "calls", "hopes", "fears", "notes", "answers",
                             "counters", "reflects",
                             "replies", "remarks", "comments", "tells", "writes", "warns"})
# Words before a noun-like verb that make it a noun ('in notes', 'the claims', 'his calls').
NOUN_MARKERS = frozenset({"the", "a", "an", "in", "of", "his", "her", "their", "its", "our",
                          "my", "your", "with", "these", "those", "this", "some", "many",
                          "for", "on", "from", "to", "and", "or", "any", "all", "such"})
AFTER_VERB_WORDS = frozenset({"that", "the", "a", "an", "he", "she", "they", "it", "his", "her",
                              "their", "there", "this", "in", "on", "to", "for", "of", "about",
                              "so", "simply", "bluntly", "flatly", "openly"})
# Nouns naming a work whose title follows in quotation marks ('das Buch „…“', 'the film "…"').
WORK_NOUNS = frozenset({"buch", "film", "roman", "titel", "album", "song", "lied", "serie",
                        "sendung", "artikel", "studie", "book", "novel", "series", "show",
                        "article", "titled", "entitled", "livre", "libro", "película",
                        "canción", "romanzo", "canzone"})
# Pronouns for a thing that 'speaks' in a tag ('“…,” it reads'): the tag names nobody.
TAG_THINGS = frozenset({"it", "this", "es", "cela", "ça"})
# Single-word speech verbs, for telling a subject after its verb ('says Keri Gans').
SPEECH_VERB_WORDS = frozenset(verb.lower() for verb in ATTRIBUTION_VERBS if " " not in verb)
