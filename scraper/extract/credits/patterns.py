"""Photo-credit knowledge as data: agencies, labels, connector words, image-skip tokens.

`lines` reads these tables; nothing here runs any logic beyond compiling regexes.
"""

from __future__ import annotations

import re

from ..lazy import compile_on_use

# Agencies, stock platforms and picture desks: lowercase alias -> canonical credit_source.
AGENCIES: dict[str, str] = {
    "unsplash": "Unsplash", "unsplash.com": "Unsplash", "pexels": "Pexels", "pexels.com": "Pexels",
    "pixabay": "Pixabay", "pixabay.com": "Pixabay", "flickr": "Flickr", "canva": "Canva",
    "freepik": "Freepik", "wikimedia commons": "Wikimedia Commons",
    "wikimedia": "Wikimedia Commons",
    "wikipedia": "Wikipedia", "istock": "iStock", "istockphoto": "iStock", "istock photo": "iStock",
    "adobe stock": "Adobe Stock", "stock.adobe.com": "Adobe Stock", "123rf": "123RF",
    "dreamstime": "Dreamstime", "depositphotos": "Depositphotos", "shutterstock": "Shutterstock",
    "rex/shutterstock": "Shutterstock", "rex features": "Rex Features", "alamy": "Alamy",
    "alamy stock photo": "Alamy", "alamy live news": "Alamy",
    "reuters": "Reuters", "thomson reuters": "Reuters", "ap": "AP", "ap photo": "AP",
    "ap photos": "AP", "ap images": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "afp photo": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "getty images": "Getty Images", "getty": "Getty Images", "gettyimages": "Getty Images",
    "epa": "EPA", "epa-efe": "EPA", "epa/efe": "EPA", "efe": "EFE", "dpa": "dpa",
    "dpa-zentralbild": "dpa", "pa": "PA", "pa wire": "PA", "pa media": "PA", "pa images": "PA",
    "pa archive": "PA", "bloomberg": "Bloomberg", "xinhua": "Xinhua", "anp": "ANP",
    "keystone": "Keystone", "keystone-sda": "Keystone", "picture alliance": "picture alliance",
    "picture-alliance": "picture alliance", "imago": "IMAGO", "imago images": "IMAGO",
    "nurphoto": "NurPhoto", "sopa images": "SOPA Images", "sipa": "Sipa", "sipa press": "Sipa",
    "abaca": "Abaca", "abaca press": "Abaca", "zuma press": "ZUMA Press", "zuma wire": "ZUMA Press",
    "zuma": "ZUMA Press", "anadolu agency": "Anadolu Agency", "anadolu": "Anadolu Agency",
    "ansa": "ANSA", "belga": "Belga", "tass": "TASS", "ria novosti": "RIA Novosti",
    "kyodo": "Kyodo", "kyodo news": "Kyodo", "yonhap": "Yonhap", "aap": "AAP", "aap image": "AAP",
    "ddp": "ddp", "ddp images": "ddp", "action press": "Action Press",
    "ullstein bild": "ullstein bild", "sz photo": "SZ Photo", "photothek": "photothek",
    "laif": "laif", "magnum photos": "Magnum Photos",
    "corbis": "Corbis", "eyevine": "eyevine", "newscom": "Newscom", "splash news": "Splash News",
    "nasa": "NASA", "esa": "ESA", "tt": "TT", "tt news agency": "TT", "ntb": "NTB", "apa": "APA",
    "apa/picturedesk": "APA", "ritzau scanpix": "Ritzau Scanpix", "scanpix": "Scanpix",
    "lehtikuva": "Lehtikuva", "pap": "PAP", "ctk": "CTK", "hans lucas": "Hans Lucas",
    "maxppp": "MaxPPP", "bestimage": "Bestimage", "hollandse hoogte": "Hollandse Hoogte",
    "digital vision": "Digital Vision", "digitalvision": "Digital Vision", "e+": "E+",
    "wireimage": "WireImage", "filmmagic": "FilmMagic", "hulton archive": "Hulton Archive",
    "westend61": "Westend61", "the image bank": "The Image Bank",
    "anadolu ajansı": "Anadolu Agency", "europa press": "Europa Press", "agencia efe": "EFE",
    "agenzia ansa": "ANSA",
    "epd": "epd", "kna": "KNA", "dts": "dts", "ap images/dpa": "AP",
    "연합뉴스": "Yonhap", "newsis": "Newsis", "뉴시스": "Newsis", "news1": "News1", "뉴스1": "News1",
    "共同通信": "Kyodo", "共同": "Kyodo", "時事通信": "Jiji Press", "jiji press": "Jiji Press",
    "新华社": "Xinhua", "中央社": "CNA",
}

# Platforms named after "on" / "from" in "Photo by X on Unsplash" style lines.
PLATFORMS = ("Unsplash", "Pexels", "Pixabay", "Flickr", "Wikimedia Commons", "Wikipedia", "Canva",
             "Freepik", "iStock", "Instagram", "Twitter", "X", "Facebook", "Shutterstock",
             "Adobe Stock", "Getty Images", "StockSnap", "Burst", "Kaboompics")

# Trailing words that qualify an agency without changing it ("AP file", "Reuters pool").
AGENCY_QUALIFIERS = frozenset({"file", "photo", "photos", "pool", "handout", "archive", "archiv",
                               "archives", "stock", "wire", "foto", "bild", "via"})

# Pieces of a credit that name nobody ("Getty - Contributor", "Submitted photo").
GENERIC_PIECES = frozenset({
    "contributor", "contributors", "staff", "handout", "file", "pool", "stringer", "submitted",
    "submitted photo", "supplied", "supplied photo", "provided", "archive", "archiv", "privat",
    "private", "file photo", "photo", "image", "picture", "foto", "bild", "dr",
    "all rights reserved",
    "tous droits réservés", "alle rechte vorbehalten", "screenshot", "screengrab", "handout photo",
})

# Words that make a credit piece an organisation rather than a person.
ORG_WORDS = frozenset({
    "images", "image", "photos", "photo", "pictures", "picture", "news", "press", "agency",
    "media", "archive", "archives", "library", "museum", "university", "collection", "studio",
    "studios", "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "co.", "gmbh", "ag", "sa",
    "foundation", "government", "ministry", "department", "office", "police", "service",
    "handout", "pool", "institute", "council", "network", "group", "company", "commons",
    "illustration", "grafik", "graphic", "rf",
    "times", "post", "journal", "herald", "tribune", "guardian", "telegraph", "gazette",
    "magazine", "daily", "weekly", "tv", "radio", "channel", "records", "entertainment",
    "productions", "films", "film", "games", "club", "team", "army", "navy", "nasa", "wire",
    "command", "forces", "embassy", "committee", "parliament", "senate", "administration",
    # local authorities credit their own pictures: 'Stadt Lindau/Jan Ott', 'Ville de Bron'
    "stadt", "gemeinde", "landkreis", "kreis", "city", "town", "county", "borough", "ville",
    "mairie", "commune", "comune", "ayuntamiento", "municipio", "district", "région", "trust",
    "archivio", "archivo", "provincia", "regione", "junta", "gobierno", "governo", "policía",
    "polizia", "bomberos", "gendarmerie", "préfecture",
    # newspapers credit their own pictures: '© Hamburger Abendblatt', 'The Yomiuri Shimbun'
    "zeitung", "anzeiger", "rundschau", "kurier", "courier", "nachrichten", "presse", "shimbun",
    "standard", "chronicle", "observer", "independent", "express", "gazzetta", "corriere",
    # businesses and institutions that hand out pictures: 'Bespoke Real Estate', 'Tate Gallery'
    "estate", "realty", "properties", "auctions", "gallery", "galleries", "hotel", "hotels",
    "resort", "airlines", "airways", "school", "hospital", "bank", "zoo", "aquarium", "design",
    "designs",
    # screen captures name the platform, not a photographer: 'Screenshots Instagram/TikTok'
    "screenshot", "screenshots", "screengrab",
})

# Endings of German compound nouns naming organisations ('Verkehrsbetriebe', 'Stadtwerke').
ORG_SUFFIXES = ("blatt", "zeitung", "betriebe", "werke", "verwaltung", "verband", "verein", "amt", "ministerium",
                "archiv", "polizei", "feuerwehr", "gesellschaft", "stiftung", "zentrum",
                "institut", "agentur", "kammer", "klinik", "klinikum", "museum", "bibliothek")

# Lowercase words a credit may contain besides names (anything else means prose, not a credit).
CREDIT_CONNECTORS = frozenset({
    "via", "for", "on", "from", "by", "and", "of", "the", "de", "van", "von", "der", "den", "du",
    "da", "di", "la", "le", "bin", "al", "el", "y", "und", "et", "file", "pool", "handout",
    "staff", "contributor", "images", "photo", "photos", "courtesy", "des", "del", "ter", "zu",
    "dos", "das", "ibn", "bint", "st", "at", "mit", "avec", "par", "für", "pour", "photography",
    "stock", "news", "wire", "submitted", "supplied", "archive", "archiv", "dr", "tt", "per",
    "para",
})

# Labels that open a credit line; the ones usable mid-caption must start uppercase there.
_LABEL_WORDS = (
    r"photo(?:graph)?s?(?:\s+credits?)?", r"photography", r"pictures?(?:\s+credits?)?", r"pics?",
    r"images?(?:\s+credits?)?", r"imagery", r"fotos?(?:\s*credits?)?", r"fotograf(?:ie|ía)?",
    r"bild(?:er)?(?:quelle)?", r"bildnachweis", r"fotoquelle", r"credits?",
    r"crédits?(?:\s+photos?)?", r"cr[ée]ditos?(?:\s+fotogr[áa]fico)?", r"imagen(?:es)?",
    r"immagin[ei]", r"ilustraci[óo]n", r"illustrazion[ei]", r"photo\s+illustration",
    r"illustrations?", r"graphics?", r"artwork", r"header\s+image", r"featured\s+image",
    r"cover\s+(?:photo|image)", r"top\s+image", r"lead\s+image", r"main\s+image", r"titelbild",
    r"aufmacherbild", r"kuva", r"zdjęcie", r"fotó", r"symbol(?:foto|bild)", r"archiv(?:foto|bild)",
    r"quelle", r"source", r"fuente", r"fonte", r"фото", r"isithombe",
)
LABEL_PATTERN = r"(?:{})".format("|".join(_LABEL_WORDS))

# "Image source, Getty Images": a label naming the source, separated by a comma or colon.
SOURCE_LABEL = compile_on_use(r"^(?:image|photo|picture|video|bild|foto)\s*(?:source|quelle)"
                              r"\s*[,:]\s*", re.IGNORECASE)

# "Photo by", "Foto von", "Photo de", "Photo par", "Illustration by", "Photographed by" ...
BY_WORDS = r"(?:by|von|de|par|di|door|por)"

# Separators after a label: "Photo:", "Credit...", "Foto -", "Photo :".
LABEL_SEPARATOR = r"(?:\s*[:|]\s*|\s*(?:\.{2,}|…)\s*|\s+[-–—]\s+)"

# A year or a copyright sign that can be dropped from the start of a credit body.
COPYRIGHT_LEAD = compile_on_use(r"^(?:(?:image|photo|picture|foto|bild)\s+)?"
                                r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?)?\s*",
                                re.IGNORECASE)
COURTESY_LEAD = re.compile(r"^(?:photos?\s+|images?\s+|fotos?\s+)?courtesy(?:\s+of)?\s+",
                           re.IGNORECASE)
COURTESY_TAIL = re.compile(r"\s*[,(]?\s*courtesy\)?$", re.IGNORECASE)

# A trailing credit holds one of these (lowercase): a cheap test before the patterns.
CREDIT_HINTS = ("photo", "foto", "credit", "crédit", "image", "picture", "pic", "bild",
                "illustra", "courtesy", "copyright", "©", "(c)", "/", "]", " via ",
                "graphic", "artwork", "kuva", "zdjęcie", "quelle", "source", "fuente", "fonte",
                "фото", "isithombe")

# A licence after a credit: '(CC BY 2.0)', ', CC BY-SA 4.0', '(public domain)'.
LICENSE_TAIL = compile_on_use(r"[\s,;]*[(\[]?\s*(?:CC[\s-]?(?:BY|0)[\w.\s-]*|public\s+domain|"
                          r"licen[cs]ed\s+under\s+[^)\]]*)\s*[)\]]?\s*$", re.IGNORECASE)

# Separators between the pieces of a credit body.
PIECE_SPLIT = re.compile(r"\s*/\s*|\s*\|\s*|\s+via\s+|\s*;\s*|\s+[-–—]\s+|\s*,\s+")

# Longest plausible credit line, in characters and words.
MAX_CREDIT_CHARS = 160
MAX_CREDIT_WORDS = 16

# Image urls/classes/alts holding one of these tokens are chrome, not article pictures.
SKIP_IMAGE_TOKENS = frozenset({
    "logo", "logos", "icon", "icons", "favicon", "avatar", "avatars", "gravatar", "emoji",
    "sprite", "sprites", "badge", "pixel", "tracking", "tracker", "spacer", "blank", "beacon",
    "1x1", "placeholder", "transparent", "loader", "loading", "spinner", "lazy", "grey",
    "gray", "dummy", "author", "authors", "profile", "headshot", "mugshot", "button", "share",
    "social", "facebook", "twitter", "whatsapp", "pinterest", "linkedin", "rss", "ads", "ad",
    "advert", "advertisement", "banner", "doubleclick", "scorecardresearch", "feedburner",
    "thumb", "thumbnail", "thumbnails", "blavatar", "newsletter", "newsletters",
})
# Folder names that hold a site's own artwork, never an article's picture ('wp-content/themes').
SKIP_FOLDER_TOKENS = frozenset({"themes"})

# Class or id tokens of an <img> that mark it as chrome ('avatar', 'wp-smiley', 'site-logo').
# Narrower than the url tokens: 'lazy', 'loading' and 'entry-thumb' classes hold real pictures.
CHROME_CLASS_TOKENS = frozenset({
    "logo", "icon", "avatar", "gravatar", "emoji", "smiley", "sprite", "badge", "pixel",
    "tracking", "spacer", "author", "profile", "headshot", "button", "share", "social", "ad",
    "ads", "advert", "advertisement", "banner",
})

# Smallest rendered width/height (from attributes) of an article picture.
MIN_IMAGE_SIDE = 50

# Lazy-loading attributes, best first; srcset-like ones list several candidates.
LAZY_SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url",
                       "data-hi-res-src", "data-full-src", "data-orig-file", "data-large-file",
                       "data-normal", "data-echo", "data-img-src")
SRCSET_ATTRIBUTES = ("data-srcset", "data-lazy-srcset", "srcset")

# Class/attribute hints for caption and credit elements inside a figure.
CAPTION_SELECTORS = ("figcaption", ".wp-caption-text", "[itemprop=caption]",
                     "[itemprop=description]", "[class*=caption]", "[class*=Caption]")
CAPTION_CLASS_HINTS = ("caption", "legend", "legende", "légende", "bildunterschrift",
                       "cutline", "image-text", "img-text", "photo-text", "figure-text")
CREDIT_CLASS_HINTS = ("credit", "copyright", "photog", "byline", "source", "attribution",
                      "courtesy", "author", "autor", "quelle", "fotograf")
CREDIT_ITEMPROPS = ("copyrightHolder", "creator", "author", "creditText", "copyrightNotice")
CREDIT_DATA_ATTRIBUTES = ("data-credit", "data-copyright", "data-photo-credit", "data-image-credit",
                          "data-caption-credit", "data-photographer", "data-credits",
                          "data-image-author")
CAPTION_DATA_ATTRIBUTES = ("data-caption", "data-image-caption")

# Picture elements: plain and AMP.
IMG_SELECTOR = "img, amp-img"

# Where the article's images live when the body extractor found no main node.
FALLBACK_CONTAINERS = ("[itemprop=articleBody]", "article", "main", "[role=main]")

# Ancestors that make a picture page chrome rather than the article's (below the article).
CHROME_REGION_TAGS = frozenset({"nav", "aside", "footer", "form", "menu"})
# Name words (class or id, split at '-', '_' and camel case) of such ancestors.
CHROME_REGION_WORDS = frozenset({
    "related", "relatedposts", "recirc", "recirculation", "recommended", "recommendations",
    "outbrain", "taboola", "newsletter", "subscribe", "advert", "advertisement", "advertising",
    "ad", "ads", "adslot", "adunit", "sponsored", "sponsor", "promo", "promoted", "comment",
    "comments", "share", "sharing", "social", "author", "authors", "avatar", "byline", "bio",
    "authorbio", "profile", "sidebar", "trending", "mostread", "popular", "footer", "logo",
    "nav", "navigation", "navbar", "menu", "breadcrumb", "breadcrumbs", "podcast", "signup",
})
