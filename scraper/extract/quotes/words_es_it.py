"""Spanish and Italian word lists for quote attribution, as data.

`words` merges these into the lists `speakers` and `names` compile.
Both languages drop the subject pronoun ("«…», añadió." / "«…», aggiunge."): a bare
verb after a quote refers to the person quoted last.
"""

from __future__ import annotations

# Reporting verbs, 3rd person present and preterite, and the compound past ("ha dicho").
ATTRIBUTION_VERBS_ES = (
    "dijo", "dice", "afirmó", "afirma", "declaró", "declara", "explicó", "explica", "señaló",
    "señala", "aseguró", "asegura", "añadió", "añade", "agregó", "agrega", "indicó", "indica",
    "comentó", "comenta", "reconoció", "reconoce", "advirtió", "advierte", "subrayó", "subraya",
    "destacó", "destaca", "manifestó", "manifiesta", "apuntó", "apunta", "insistió", "insiste",
    "recordó", "recuerda", "sostuvo", "sostiene", "admitió", "admite", "confesó", "confiesa",
    "precisó", "relató", "relata", "contó", "cuenta", "respondió", "responde", "lamentó",
    "lamenta", "resumió", "resume", "criticó", "critica", "denunció", "denuncia", "reclamó",
    "reclama", "aclaró", "aclara", "sentenció", "opinó", "opina", "valoró", "valora",
    "concluyó", "concluye", "expresó", "defendió", "defiende", "anunció", "anuncia", "prometió",
    "promete", "escribió", "escribe", "exclamó", "bromeó", "ironizó", "ironiza", "matizó",
    "matiza", "confirmó", "confirma", "detalló", "detalla", "alertó", "alerta", "avisó",
    "replicó", "replica", "zanjó", "ha dicho", "ha afirmado", "ha declarado", "ha explicado",
    "ha señalado", "ha asegurado", "ha añadido", "ha indicado", "ha reconocido", "ha advertido",
    "ha subrayado", "ha destacado", "ha lamentado", "ha comentado", "ha manifestado",
    "tuiteó", "publicó", "ha escrito", "decía",
)
ATTRIBUTION_VERBS_IT = (
    "ha detto", "dice", "ha spiegato", "spiega", "ha aggiunto", "aggiunge", "ha dichiarato",
    "dichiara", "ha affermato", "afferma", "ha sottolineato", "sottolinea", "racconta",
    "ha raccontato", "commenta", "ha commentato", "osserva", "ha osservato", "conclude",
    "ha concluso", "ammette", "ha ammesso", "precisa", "ha precisato", "avverte", "ha avvertito",
    "assicura", "ha assicurato", "ricorda", "ha ricordato", "denuncia", "ha denunciato",
    "lamenta", "ha lamentato", "confida", "ha confidato", "conferma", "ha confermato",
    "insiste", "ha insistito", "rileva", "ha rilevato", "annuncia", "ha annunciato",
    "fa sapere", "ha fatto sapere", "fa notare", "ha fatto notare", "replica", "ha replicato",
    "risponde", "ha risposto", "chiede", "ha chiesto", "incalza", "prosegue", "sostiene",
    "ha sostenuto", "evidenzia", "ha evidenziato", "scrive", "ha scritto", "riferisce",
    "ha riferito", "puntualizza", "ribadisce", "ha ribadito", "sospira", "sorride", "ironizza",
    "avvisa", "ha avvisato", "attacca", "taglia corto", "ha twittato", "twitta", "scriveva",
    "scrisse", "ha postato", "diceva", "disse",
)

# Phrases whose speaker follows: "según X", "secondo X".
SPEAKER_AFTER_PHRASES_ES_IT = ("según", "secondo")
# Sentence openers naming whose view follows: 'Para el alcalde, «…»', 'Per il sindaco «…»'.
FOR_OPENINGS_ES_IT = ("para", "per", "según", "secondo")

PRONOUNS_ES_IT = frozenset({"él", "ella", "ellos", "ellas", "lui", "lei", "loro"})

# Words ending an inverted speaker phrase: 'declaró X en rueda de prensa', 'ha detto X ieri'.
PHRASE_CUT_WORDS_ES_IT = frozenset({
    "en", "durante", "tras", "ante", "ayer", "hoy", "desde", "con", "este", "esta", "mientras",
    "nel", "nella", "dopo", "ieri", "oggi", "questa", "questo", "mentre",
    "prima", "davanti", "alla", "allo",
})

# Prepositions and articles before a capitalised run that make it a place or an outlet.
NON_PERSON_PRECEDERS_ES_IT = frozenset({
    "del", "della", "dello", "dei", "degli", "delle", "di", "da", "dal", "dalla", "nel", "nella",
    "al", "alla", "con", "por", "para", "desde", "sobre", "entre", "per", "su", "sul", "sulla",
    "tra", "fra", "el", "los", "las", "il", "lo", "gli", "un", "una", "uno", "hacia", "hasta",
})

# Capitalised function words that open sentences and are never part of a name.
NAME_STOPWORDS_ES_IT = frozenset({
    "el", "los", "las", "lo", "il", "gli", "un", "una", "uno", "del", "della", "nel", "nella",
    "en", "con", "per", "para", "según", "secondo", "pero", "anche", "también", "sin",
    "senza", "cuando", "quando", "este", "esta", "questo", "questa",
})

# Articles and possessives a descriptive speaker may open with ('un portavoce', 'el alcalde').
DESCRIPTIVE_OPENERS_ES_IT = frozenset({"uno", "una", "il", "lo", "gli", "su", "sus", "suo", "sua"})

# Role nouns of Spanish and Italian stripped from the front of a name ('Sindaca Carla Rossi').
TITLES_ES_IT = frozenset({
    "alcalde", "alcaldesa", "presidente", "presidenta", "ministro", "ministra", "consejero",
    "consejera", "portavoz", "director", "directora", "entrenador", "capitán", "doña",
    "señor", "señora", "sr", "sra", "sindaco", "sindaca", "assessore", "assessora", "portavoce",
    "direttore", "direttrice", "allenatore", "capitano", "dottor", "dottore", "dottoressa",
    "avvocato", "signor", "signora", "onorevole", "segretario", "segretaria",
})
