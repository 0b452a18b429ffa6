"""Date heuristics as data: meta keys, month names, cue words, container tokens, zones."""

from __future__ import annotations

# Plausible publication years; anything outside is a parse accident or a placeholder.
MIN_YEAR = 1990
MAX_YEAR = 2100

# JSON-LD keys of the article object, in order of preference.
JSONLD_PUBLISHED_KEYS = ("datePublished", "dateCreated")
JSONLD_MODIFIED_KEYS = ("dateModified",)
# JSON-LD types that describe a page rather than its article: ranked below real articles.
JSONLD_PAGE_TYPES = frozenset({"WebPage"})

# Meta tag names/properties (lowercase), most specific first. Itemprop metas are read as
# microdata (see MICRODATA_*), because in the body they may belong to a teaser or a comment.
META_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "article:published",
    "og:published_time", "published_time", "article.published", "parsely-pub-date",
    "sailthru.date", "pubdate", "og:pubdate", "publish-date", "publish_date", "publishdate",
    "pub_date", "published_at", "published-date", "published", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "citation_publication_date",
    "citation_online_date", "citation_date", "prism.publicationdate", "article_date_original",
    "original-publish-date", "og:datepublished", "sn-post-date", "pdate", "dc.date",
    "dcterms.date", "date",
)
META_MODIFIED_KEYS = (
    "article:modified_time", "og:article:modified_time", "article:modified", "og:updated_time",
    "modified_time", "updated_time", "article.updated", "dcterms.modified", "dc.date.modified",
    "article_date_updated", "updated-date", "last-modified", "lastmod",
)

# Other meta names are read when they name a publication or modification date (letters only,
# lowercase: "w-published-date", "og:publish_date", "published-time"), after the names above.
# Analytics and recommendation tags (DCSext.*, cxense, analyticsAttributes.*) describe a
# tracking record, not the article, and itemprop names are microdata: never read as meta.
FUZZY_META_PUBLISHED = ("publish", "pubdate", "datepub")
FUZZY_META_MODIFIED = ("modif", "updat", "lastmod")
FUZZY_META_REJECTED = ("dcsext", "cxense", "analytics", "expir", "recs", "build", "render",
                       "cache", "fb:", "al:", "ya:", "twitter:")
ITEMPROP_NAMES = frozenset({"datepublished", "datemodified", "datecreated", "uploaddate"})

# Microdata properties (lowercase) and the item types whose dates are the article's.
MICRODATA_PUBLISHED = ("datepublished", "datecreated")
MICRODATA_MODIFIED = ("datemodified",)
MICRODATA_SELECTOR = ("[itemprop~=datePublished i], [itemprop~=dateModified i], "
                      "[itemprop~=dateCreated i]")

# Containers that hold visible dates worth reading (matched case-insensitively). A node
# matching several parts is listed once per part (the outside search counts them so).
TEXT_DATE_PARTS = (
    ("class", "date"), ("class", "time"), ("class", "byline"), ("class", "posted"),
    ("class", "publish"), ("class", "updated"), ("class", "stamp"), ("class", "meta"),
    ("class", "dateline"), ("class", "info"), ("class", "author"), ("id", "date"), ("id", "time"),
    ("id", "byline"), ("id", "meta"),
)
TEXT_DATE_SELECTOR = ", ".join(f"[{attr}*={token} i]" for attr, token in TEXT_DATE_PARTS) + ", time"
# The same nodes, each once or more: without the parts another part covers (each part costs a
# test on every element).
TEXT_DATE_COVERED_PARTS = tuple(  # ('class', 'dateline'): 'date' matches wherever it does
    (attr, token) for attr, token in TEXT_DATE_PARTS
    if any(other != token and other in token for kind, other in TEXT_DATE_PARTS if kind == attr))
TEXT_DATE_NODES_SELECTOR = ", ".join(
    f"[{attr}*={token} i]" for attr, token in TEXT_DATE_PARTS
    if (attr, token) not in TEXT_DATE_COVERED_PARTS) + ", time"
# Longer texts are whole blocks, not a byline; their date-ish children are read instead.
MAX_TEXT_CANDIDATE_CHARS = 200
# Raw text (before whitespace is collapsed) longer than this many times the limit is skipped
# unread: collapsing the whitespace of a whole article costs more than all the rest.
RAW_TEXT_FACTOR = 5
# A block beside the headline without a date-ish class is a byline only when this short;
# longer ones are paragraphs, whose dates count only after a cue ("Published ...").
MAX_NEIGHBOUR_CHARS = 100
# A candidate whose common ancestor with the headline is at most this many levels up is "near".
NEAR_HEADLINE_LEVELS = 5
# Siblings after the headline (and after its parent) that are read for a visible date.
HEADLINE_SIBLINGS = 3
MAX_TEXT_CANDIDATES = 40
MAX_DATEPARSER_CALLS = 3

# Tags whose content is never the article's own date.
EXCLUDED_TAGS = frozenset({"nav", "aside", "figcaption", "blockquote", "form",
                           "select", "option", "button", "noscript", "template"})
# A link holding one of these is a card for another page (a teaser), never a byline.
CARD_TITLE_SELECTOR = "h2, h3, h4, h5, h6, [class*=title i], [class*=headline i]"
EXCLUDED_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search"})
# Tags (and class words) of page headers and footers: excluded unless they hold the headline
# or sit inside an article (an article's own footer carries its date on Blogger and WordPress).
HEADER_TAGS = frozenset({"header", "footer"})
HEADER_WORDS = frozenset({"masthead", "topbar", "banner", "footer"})
# Class/id words (split on separators and camelCase) marking comments, teasers, sidebars,
# widgets and navigation.
EXCLUDED_WORDS = frozenset({
    "comment", "comments", "commentlist", "reply", "replies", "respond", "disqus",
    "sidebar", "aside", "related", "teaser", "teasers", "recommended", "recent",
    "recommendation", "recommendations", "recirc", "recirculation", "popular", "trending",
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "ticker",
    "promo", "outbrain", "taboola", "cards", "carousel", "rail",
    "caption", "tweet", "instagram", "playlist", "upnext", "headlines",
    "kommentar", "kommentare", "commentaire", "commentaires", "comentario", "comentarios",
    "commenti", "reacties", "meistgelesen", "relacionados", "relacionadas", "correlati",
    "similaires",
})
# Weak marks: page builders put every block in a "widget" or an "embed", an article's own
# header may be named like a site header's date widget ("article-header-date"), and a
# newsletter issue's page names its own byline box for the newsletter. They exclude
# an element unless its common ancestor with the headline is at most WEAK_MARK_LEVELS up
# (WEAK_TAG_LEVELS for an <aside>, which some themes use for the byline column).
WEAK_EXCLUDED_WORDS = frozenset({"widget", "widgets", "embed", "today", "newsletter"})
WEAK_EXCLUDED_PHRASES = ("current-date", "header-date", "date-today", "data-time", "page-header")
WEAK_EXCLUDED_TAGS = frozenset({"aside"})
WEAK_MARK_LEVELS = 3
WEAK_TAG_LEVELS = 2
# Consecutive class words (joined by "-") with the same meaning.
EXCLUDED_PHRASES = (
    "most-read", "most-popular", "most-viewed", "most-shared", "read-more", "more-stories",
    "also-read", "top-bar", "top-stories",
    "site-header", "you-may-like", "more-from", "latest-news", "latest-posts",
    "up-next", "top-menu", "mehr-zum-thema", "auch-interessant", "weitere-artikel",
    "das-koennte-sie-interessieren", "lire-aussi", "a-lire", "voir-aussi", "leggi-anche",
    "te-puede-interesar", "lee-tambien", "meist-gelesen",
)

# Class words saying which date an element holds.
MODIFIED_WORDS = frozenset({"updated", "update", "modified", "modify", "lastmod", "edited",
                            "revised", "changed"})
PUBLISHED_WORDS = frozenset({"published", "publish", "pubdate", "posted", "created",
                             "issued", "pub"})
# Class phrases that name the publication date even beside an hAtom "updated" class
# (WordPress themes write class="entry-date updated" on the published date).
PUBLISHED_PHRASES = ("entry-date", "post-date", "publish-date", "pub-date", "date-published",
                     "published-date", "posted-on", "article-date")

# Visible cue words before a date (lowercase; matched as whole words at the end of the
# text before the date).
MODIFIED_CUES = (
    "updated", "update", "last updated", "last modified", "modified", "edited", "revised",
    "aktualisiert", "zuletzt aktualisiert", "geändert", "stand", "mis à jour", "modifié",
    "actualizado", "actualización", "atualizado", "atualização", "aggiornato",
    "aggiornamento", "bijgewerkt", "gewijzigd", "diperbarui", "обновлено",
)
PUBLISHED_CUES = (
    "published", "posted", "first published", "created", "publish date", "publication date", "publié", "publiée", "veröffentlicht",
    "publiziert",
    "erschienen", "publicado", "publicada", "pubblicato", "gepubliceerd", "geplaatst",
    "diterbitkan", "опубликовано", "datum",
)

# Month names and abbreviations (lowercase, accents kept) in the languages parsed without
# dateparser: en, de, fr, es, it, pt, nl, id, sv, da, nb, ro, tr, pl, cs, ru, uk (genitive
# forms where the language declines them: "19 ноября 2019", "19 listopada 2019").
_MONTH_NAMES = (
    ("january jan januar jänner janvier janv enero ene gennaio gen janeiro januari ianuarie "
     "ocak stycznia ledna января январь янв січня"),
    ("february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari "
     "februarie şubat lutego února февраля февраль фев лютого"),
    ("march mar märz maerz mär mars marzo março maart mrt maret marts martie mart marca března "
     "марта март мар березня"),
    "april apr avril avr abril abr aprile aprilie nisan kwietnia dubna апреля апрель апр квітня",
    "may mai mayo maggio mag maio mei maj mayıs maja května мая май травня",
    "june jun juni juin junio giugno giu junho iunie haziran czerwca června июня июнь июн червня",
    ("july jul juli juillet juil julio luglio lug julho iulie temmuz lipca července июля июль "
     "июл липня"),
    ("august aug août aout agosto ago augustus agustus augusti ağustos sierpnia srpna августа "
     "август авг серпня"),
    ("september sep sept septembre septiembre setiembre settembre set setembro septembrie eylül "
     "września září сентября сентябрь сен сент вересня"),
    ("october oct oktober okt octobre octubre ottobre ott outubro octombrie ekim października "
     "října октября октябрь окт жовтня"),
    ("november nov novembre noviembre novembro noiembrie kasım listopada listopadu ноября "
     "ноябрь нояб ноя листопада"),
    ("december dec dezember dez décembre decembre déc dic diciembre dicembre dezembro desember "
     "decembrie aralık grudnia prosince декабря декабрь дек грудня"),
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()
}
# Languages whose numeric dates put the month first when ambiguous (en-GB & co. do not).
MONTH_FIRST_LANGUAGES = frozenset({"en"})
DAY_FIRST_REGIONS = frozenset({"gb", "uk", "au", "nz", "ie", "in", "za", "sg", "hk", "ng",
                               "ke", "pk", "my", "ph"})

# Zone abbreviations: fixed offsets in minutes, or IANA names when daylight saving applies.
ZONE_OFFSETS: dict[str, int] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60, "cest": 120,
    "mez": 60, "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "est": -300, "edt": -240,
    "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    "akst": -540, "akdt": -480, "hst": -600, "jst": 540, "kst": 540, "sgt": 480, "hkt": 480,
    "awst": 480, "acst": 570, "acdt": 630, "aest": 600, "aedt": 660, "nzst": 720,
    "nzdt": 780, "wib": 420, "wita": 480, "wit": 540, "ist": 330,
}
ZONE_NAMES: dict[str, str] = {
    "et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver",
    "pt": "America/Los_Angeles",
}

# dateparser language codes used as hints (page language -> dateparser language).
DATEPARSER_LANGUAGES = frozenset({
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sk", "sv", "da", "nb",
    "fi", "hu", "ro", "tr", "el", "bg", "hr", "sr", "sl", "id", "ms", "vi", "th", "ja", "ko",
    "zh", "ar", "he", "fa", "hi", "ca", "eu", "gl", "lt", "lv", "et",
})

# Weekday names that may stand between a time and the date it belongs to.
WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "segunda", "terça", "quarta", "quinta", "sexta",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
)
# Words that may join a date and the time after it ("May 3, 2023 at 10:45 am").
TIME_AFTER_JOINERS = ("at", "um", "à", "a las", "a la", "alle", "às", "om", "kl", "pukul")
# Words that may join a time and the date after it ("5:36 PM CST on Nov 18, 2019").
TIME_BEFORE_JOINERS = ("on", "am", "le", "el", "il", "op", "del")

# Headline: h1s whose own or ancestors' class words say "logo" are the site's name.
HEADLINE_REJECT_WORDS = frozenset({"logo", "brand", "sitename", "masthead", "navbar"})
HEADLINE_REJECT_PHRASES = ("site-title", "site-name", "site-logo", "blog-title")
# Exclusion marks this close above an h1 put it in a widget; higher up they are layout.
HEADLINE_MARK_DEPTH = 3
HEADLINE_FALLBACK_SELECTOR = ("[itemprop=headline], .entry-title, .post-title, .article-title, "
                              ".headline")
MAX_HEADLINE_CANDIDATES = 8
# Shorter titles ("Home", "News") must equal a heading to pick it.
MIN_TITLE_CHARS = 12
# Item types (last path segment contains one) whose microdata dates are the article's.
ARTICLE_ITEMTYPE_WORDS = ("Article", "BlogPosting", "Posting", "WebPage", "Report")
# Two instants closer than this are the same moment written twice.
SAME_INSTANT_SECONDS = 60
# A structured date and a page date further apart than this disagree.
AGREEMENT_DAYS = 2
# Page languages whose visible dates our own regexes read; others may go to dateparser.
REGEX_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "id", "sv", "da", "nb",
                             "no", "ro", "tr", "pl", "cs", "ru", "uk"})
# Head tags read as meta: itemprop metas and the rare name="datePublished".
HEAD_PUBLISHED_SELECTORS = ("[itemprop~=datePublished i], [name=datePublished i]",
                            "[itemprop~=dateCreated i]")
HEAD_MODIFIED_SELECTORS = ("[itemprop~=dateModified i], [name=dateModified i]",)
# Attributes holding a machine-readable date on an element picked by a selector.
VALUE_ATTRIBUTES = ("datetime", "content", "data-datetime", "data-timestamp", "data-date",
                    "title", "value")
# Page language: the html lang attribute, else these meta tags.
LANGUAGE_META_KEYS = ("content-language", "og:locale", "language", "dc.language")
# Dates in the url path: /2024/05/03/, /2024-05-03+title, /2024/may/03/, or 20240503 alone.
URL_DATE_PATTERNS = (
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?=$|[^0-9a-z])",
    r"(?<!\d)(?P<y>(?:19|20)\d{2})/(?P<mon>[a-z]{3,9})/(?P<d>[0-3]?\d)(?=$|[^0-9a-z])",
    r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)",
)
# The byline zone (see `byline`): text read after the headline in reading order before the
# article's prose has surely begun, and above it; in characters of text and in text nodes.
ZONE_AFTER_CHARS = 1500
ZONE_AFTER_NODES = 400
ZONE_BEFORE_CHARS = 400
ZONE_BEFORE_NODES = 150
# A zone line repeating the alt or title (this long at least) of one of the first few images
# in it or just before it is that image's caption, not a byline.
MIN_CAPTION_CHARS = 20
MAX_CAPTION_IMAGES = 4
# A label read with the date after it ("Published", "Last updated:") is at most this long.
MAX_LABEL_CHARS = 40
# A byline line read as one text (a date with its time and label in sibling elements).
MAX_LINE_CHARS = 120

# A labelled date anywhere in the article (see `labelled`): at most this many text nodes are
# read, and these words before an author's name make a line an author line ("Written by").
MAX_LABELLED_TEXTS = 4000
AUTHOR_LINE_CUES = ("written by", "posted by", "geschrieben von", "écrit par", "escrito por")

# Last resorts (see `fallback`). Keys of a publication date in a page's raw data, as written
# (quoted keys are searched in the page source; a few occurrences each).
SCRIPT_DATE_KEYS = ("datePublished", "publishedAt", "published_at", "publishDate",
                    "publish_date", "firstPublishedAt", "first_published_at", "postedAt")
MAX_SCRIPT_KEYS = 5
# Outside the article's own blocks only these marks exclude a date-ish block.
OUTSIDE_EXCLUDED_TAGS = frozenset({"nav", "header", "footer", "blockquote", "figcaption", "form",
                                   "select", "option", "button", "noscript", "template"})
OUTSIDE_EXCLUDED_WORDS = EXCLUDED_WORDS - {"sidebar", "aside", "rail", "cards"} | HEADER_WORDS | {
    "today", "newsletter"}
OUTSIDE_EXCLUDED_PHRASES = (*EXCLUDED_PHRASES, *WEAK_EXCLUDED_PHRASES, "site-header")
