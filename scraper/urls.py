"""URL normalization and URL heuristics: one spelling per page, same-site tests, AMP hints.

`normalize_url` makes the spellings of one page compare equal, and no more:

- absolutized against `base`; only http and https urls survive (anything else, or anything
  malformed, gives None);
- scheme and host lowercased, host IDNA-encoded (punycode) without a trailing dot, default
  ports dropped, an empty path becomes "/";
- dot segments removed; percent-encoding normalized: escapes of unreserved characters decoded,
  other escapes uppercased, characters that must be escaped (spaces, non-ASCII as UTF-8) escaped;
- a last path segment "index.html" or "index.htm" is dropped ("/news/index.html" -> "/news/"):
  servers answer both with the same page. "index.php" is kept, it often routes the request;
- the fragment is dropped, as are tracking parameters (`TRACKING_PARAMS`, `TRACKING_PREFIXES`)
  and empty parameters ("a=&&b=1" -> "b=1"); the other parameters keep their order, because
  some servers read them in order and reordering them would invent urls nobody links to;
- a trailing slash is kept or left absent as given: "/a" and "/a/" may be different pages.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, unquote_plus, urljoin, urlsplit, urlunsplit

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
INDEX_PAGES = frozenset({"index.html", "index.htm"})

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "ttclid", "li_fat_id", "igshid", "igsh", "mc_cid", "mc_eid", "mkt_tok", "ref", "ref_src",
    "ref_url", "referrer", "cmpid", "cmp", "ocid", "_ga", "_gl", "_hsenc", "_hsmi", "__hstc",
    "__hssc", "__hsfp", "hsctatracking", "wt.mc_id", "wt.mc_ev", "s_cid", "s_kwcid", "smid",
    "smtyp", "ito", "ncid", "sr_share", "vero_id", "vero_conv", "oly_enc_id", "oly_anon_id",
    "rb_clickid", "mbid", "at_medium", "at_campaign", "at_custom1", "at_custom2",
    "at_custom3", "at_custom4", "guccounter", "guce_referrer", "guce_referrer_sig", "spm",
    "share", "xtor", "__s", "rss", "traffic_source", "dicbo", "fb_ref",
    "fb_source", "action_object_map", "action_type_map", "action_ref_map",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "matomo_", "piwik_")

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
_PATH_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/"))
_QUERY_PART_SAFE = frozenset((_PATH_SAFE | set("?")) - set("&="))
_HOST_CHARS = re.compile(r"^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$")
_IPV6 = re.compile(r"^[0-9a-f:.]+$")
_ABSOLUTE = re.compile(r"^https?://[^/]", re.IGNORECASE)
_STRIPPED_ANYWHERE = str.maketrans("", "", "\t\n\r")


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Return the normalized absolute http(s) url, or None when it is not one (see module doc)."""
    if not isinstance(url, str):
        return None
    url = url.strip(" \x00\x0b\x0c\x1f\ufeff\u00a0\t\n\r").translate(_STRIPPED_ANYWHERE)
    if not url:
        return None
    try:
        if base and not _ABSOLUTE.match(url):
            url = urljoin(base.strip(), url)
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = _normalize_host(parts.hostname or "")
    if scheme not in SCHEMES or not host:
        return None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    return urlunsplit((scheme, netloc, _normalize_path(parts.path), _normalize_query(parts.query),
                       ""))


def _normalize_host(host: str) -> str | None:
    host = host.strip().rstrip(".").lower()
    if not host:
        return None
    if ":" in host:  # IPv6 literal, brackets removed by urlsplit
        return f"[{host}]" if _IPV6.match(host) else None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return host if _HOST_CHARS.match(host) else None


def _normalize_path(path: str) -> str:
    path = _normalize_escapes(path, _PATH_SAFE) or "/"
    if not path.startswith("/"):
        path = "/" + path
    if "/." in path:
        path = _remove_dot_segments(path)
    head, _, last = path.rpartition("/")
    if last.lower() in INDEX_PAGES:
        path = head + "/"
    return path


def _remove_dot_segments(path: str) -> str:
    segments = path.split("/")
    kept: list[str] = []
    for segment in segments:
        if segment == "..":
            if len(kept) > 1:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    if segments[-1] in (".", ".."):
        kept.append("")
    return "/".join(kept) if len(kept) > 1 else "/"


def _normalize_query(query: str) -> str:
    kept = []
    for pair in query.split("&"):
        key, has_value, value = pair.partition("=")
        if not key or (has_value and not value) or is_tracking_param(key):
            continue
        key = _normalize_escapes(key, _QUERY_PART_SAFE)
        kept.append(f"{key}={_normalize_escapes(value, _QUERY_PART_SAFE)}" if has_value else key)
    return "&".join(kept)


def is_tracking_param(name: str) -> bool:
    """True when a query parameter name only tracks the visit (utm_*, fbclid, ...)."""
    name = unquote_plus(name).strip().lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def _normalize_escapes(text: str, safe: frozenset[str]) -> str:
    if all(char in safe for char in text):
        return text  # the common case: nothing escaped, nothing to escape
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        escape = text[index + 1:index + 3]
        if char == "%" and len(escape) == 2 and all(c in "0123456789abcdefABCDEF" for c in escape):
            decoded = chr(int(escape, 16))
            out.append(decoded if decoded in _UNRESERVED else "%" + escape.upper())
            index += 3
            continue
        if char in safe:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        index += 1
    return "".join(out)


# --- same site -------------------------------------------------------------------------------

HOST_PREFIXES = ("www.", "www1.", "www2.", "www3.")
# Second-level suffixes under which a registrable name takes three labels ("bbc.co.uk").
MULTI_LABEL_SUFFIXES = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "sch.uk",
    "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
    "co.nz", "org.nz", "net.nz", "govt.nz", "ac.nz", "co.za", "org.za", "gov.za",
    "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "co.in", "net.in", "org.in",
    "gov.in", "ac.in", "co.il", "org.il", "ac.il", "com.br", "net.br", "org.br", "gov.br",
    "com.ar", "com.mx", "org.mx", "gob.mx", "com.tr", "org.tr", "gov.tr", "com.cn", "net.cn",
    "org.cn", "gov.cn", "com.hk", "org.hk", "com.tw", "org.tw", "com.sg", "org.sg", "gov.sg",
    "com.my", "com.ph", "com.pk", "com.ng", "com.eg", "com.sa", "com.ua", "org.ua", "com.pl",
    "co.id", "or.id", "go.id", "co.th", "in.th", "com.vn", "com.co", "com.pe", "com.ve",
    "co.ke", "co.tz", "co.ug", "com.gh", "gv.at", "co.at", "or.at",
})
# Hosting platforms where every subdomain is a different owner.
SHARED_HOST_SUFFIXES = frozenset({
    "blogspot.com", "wordpress.com", "substack.com", "github.io", "gitlab.io", "tumblr.com",
    "medium.com", "netlify.app", "vercel.app", "pages.dev", "herokuapp.com", "appspot.com",
    "wixsite.com", "weebly.com", "squarespace.com", "ghost.io", "typepad.com", "livejournal.com",
    "beehiiv.com", "cloudfront.net", "azurewebsites.net", "web.app", "firebaseapp.com",
})


def site_key(url: str) -> str | None:
    """Return the registrable-ish domain of a url ("news.bbc.co.uk" -> "bbc.co.uk")."""
    if "//" not in url:
        url = "//" + url
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if not host:
        return None
    if ":" in host or host.replace(".", "").isdigit():
        return host  # an IP address is its own site
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    labels = host.split(".")
    suffix = ".".join(labels[-2:])
    keep = 3 if suffix in MULTI_LABEL_SUFFIXES or suffix in SHARED_HOST_SUFFIXES else 2
    return ".".join(labels[-keep:])


def same_site(url_a: str, url_b: str) -> bool:
    """True when both urls belong to one registrable domain (www. and subdomains ignored)."""
    key = site_key(url_a)
    return key is not None and key == site_key(url_b)


# --- AMP -------------------------------------------------------------------------------------

AMP_CACHE_SUFFIX = ".cdn.ampproject.org"
AMP_QUERY_KEYS = frozenset({"amp", "_amp", "amp_js_v", "amp_gsa", "usqp", "amp_tf"})
AMP_QUERY_VALUES = frozenset({("outputtype", "amp"), ("output", "amp"), ("format", "amp"),
                              ("view", "amp"), ("platform", "amp")})
AMP_PATH_SEGMENTS = frozenset({"amp", "amp.html"})
_AMP_CACHE_PATH = re.compile(r"^/[cvi]/(s/)?([^/]+)(/.*)?$")
_AMP_SUFFIX = re.compile(r"\.amp(?=\.html?$|$)", re.IGNORECASE)


def amp_to_canonical_hint(url: str) -> str | None:
    """Return the likely non-AMP url of an AMP url, or None when the url does not look AMP."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host.endswith(AMP_CACHE_SUFFIX):
        match = _AMP_CACHE_PATH.match(parts.path)
        if not match:
            return None
        scheme = "https" if match.group(1) else "http"
        return normalize_url(f"{scheme}://{match.group(2)}{match.group(3) or '/'}"
                             + (f"?{parts.query}" if parts.query else ""))
    netloc = parts.netloc
    if host.startswith("amp.") and host.count(".") >= 2:
        netloc = netloc.lower().replace("amp.", "", 1)
    path = _strip_amp_path(parts.path)
    query = "&".join(pair for pair in parts.query.split("&") if not _is_amp_param(pair))
    if (netloc, path, query) == (parts.netloc, parts.path, parts.query):
        return None
    return normalize_url(urlunsplit((parts.scheme, netloc, path, query, "")))


def _strip_amp_path(path: str) -> str:
    segments = path.split("/")
    kept = [segment for segment in segments if segment.lower() not in AMP_PATH_SEGMENTS]
    if kept and kept[-1]:
        kept[-1] = _AMP_SUFFIX.sub("", kept[-1])
    if len(kept) < len(segments) and path.endswith("/") and kept[-1] != "":
        kept.append("")
    result = "/".join(kept)
    return result if result.startswith("/") else "/" + result


def _is_amp_param(pair: str) -> bool:
    key, _, value = pair.partition("=")
    key, value = unquote_plus(key).lower(), unquote_plus(value).lower()
    return key in AMP_QUERY_KEYS or (key, value) in AMP_QUERY_VALUES


# --- article-looking urls --------------------------------------------------------------------

NON_ARTICLE_SEGMENTS = frozenset({
    "tag", "tags", "category", "categories", "author", "authors", "page", "feed", "feeds",
    "rss", "atom", "static", "assets", "search", "login", "logout", "signin", "sign-in",
    "signup", "sign-up", "register", "subscribe", "subscription", "subscriptions", "account",
    "my-account", "user", "users", "profile", "wp-admin", "wp-content", "wp-includes", "wp-json",
    "wp-login.php", "cdn-cgi", "topic", "topics", "section", "sections", "archive", "archives",
    "newsletter", "newsletters", "about", "about-us", "contact", "contact-us", "privacy",
    "privacy-policy", "cookie-policy", "cookies", "terms", "terms-of-service", "terms-of-use",
    "terms-and-conditions", "help", "faq", "shop", "cart", "checkout", "jobs", "careers",
    "advertise", "sitemap", "comments", "share", "print", "cgi-bin", "xmlrpc.php", "label",
    "labels", "people", "contributors", "staff", "team", "index", "events",
})
NON_ARTICLE_EXTENSIONS = frozenset({
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff", "css",
    "js", "mjs", "json", "xml", "rss", "atom", "rdf", "pdf", "zip", "gz", "tgz", "rar", "7z",
    "mp3", "mp4", "m4a", "m4v", "mov", "avi", "webm", "ogg", "wav", "woff", "woff2", "ttf",
    "otf", "eot", "txt", "csv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "exe", "dmg",
    "apk", "ics", "vcf",
})
ARTICLE_SEGMENTS = frozenset({"article", "articles", "story", "stories", "post", "posts",
                              "news-story", "a", "p"})
ARTICLE_ID_PARAMS = frozenset({"p", "id", "article", "articleid", "article_id", "story",
                               "storyid", "story_id", "newsid", "news_id", "contentid", "aid",
                               "nid", "postid", "post_id"})
NON_ARTICLE_PARAMS = frozenset({"s", "q", "query", "search", "page", "paged", "pg", "tag",
                                "category", "cat", "author", "feed", "replytocom", "filter",
                                "sort", "offset"})
SLUG_MIN_WORDS = 3
NUMERIC_ID_MIN_DIGITS = 5
_DATE_IN_PATH = re.compile(
    r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-](?:0?[1-9]|[12]\d|3[01]))?(?=/|-|$)"
    r"|/(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=/|-|_|$)")
_LONG_NUMBER = re.compile(rf"(?<![0-9])\d{{{NUMERIC_ID_MIN_DIGITS},}}(?![0-9])")


def looks_like_article(url: str) -> bool:
    """Guess whether a link points at an article rather than a section, tag or utility page."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    segments = [s for s in unquote(parts.path).lower().split("/") if s]
    if not _passes_exclusions(segments, parts.query):
        return False
    if _has_article_id_param(parts.query):
        return True
    if not segments:
        return False
    path = "/" + "/".join(segments)
    last = segments[-1].rsplit(".", 1)[0] if "." in segments[-1] else segments[-1]
    date = _DATE_IN_PATH.search(path)
    if date and path[date.end():].strip("/-_"):
        return True
    if _LONG_NUMBER.search(path) and not (date and not path[date.end():].strip("/")):
        return True
    if len(segments) >= 2 and segments[-2] in ARTICLE_SEGMENTS:
        return True
    words = [word for word in re.split(r"[-_+~,. ]+", last) if word]
    return len(words) >= SLUG_MIN_WORDS and any(not w.isdigit() for w in words)


def looks_like_non_article(url: str) -> bool:
    """True for urls that are surely no article: home, tag, author, search, asset, login pages."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return True
    segments = [s for s in unquote(parts.path).lower().split("/") if s]
    if not segments and not _has_article_id_param(parts.query):
        return True
    return not _passes_exclusions(segments, parts.query)


def _passes_exclusions(segments: list[str], query: str) -> bool:
    if any(segment in NON_ARTICLE_SEGMENTS for segment in segments):
        return False
    if segments and "." in segments[-1]:
        extension = segments[-1].rsplit(".", 1)[1]
        if extension in NON_ARTICLE_EXTENSIONS:
            return False
    keys = {unquote_plus(pair.partition("=")[0]).lower() for pair in query.split("&") if pair}
    return not keys & NON_ARTICLE_PARAMS


def _has_article_id_param(query: str) -> bool:
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key.lower() in ARTICLE_ID_PARAMS and value.isdigit():
            return True
    return False
