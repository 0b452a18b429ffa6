"""The last pass over the chosen paragraphs: repeats, headline copies and meta lines go.

Lines that repeat the headline or only carry a byline, a date, a label, a call to action or a
closing notice (rights, print edition, follow us, reporting credits) are not body text, and neither is a copy:
a paragraph met a second time, a passage repeated, or a long paragraph made of the others run
together (a hidden copy of the article). A note the article repeats under each item stays.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lazy import compile_on_use

BYLINE_LINE = re.compile(r"^(?:by|von|par|por|di|door|words\s+by)\s+\S", re.IGNORECASE)
# The labels of a publication or update date, in the languages met.
_DATE_LABELS = (r"published|posted|updated|last\s+updated|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour"
                r"|publicado|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt"
                r"|publicerad|uppdaterad|publisert|oppdatert|publiceret|opdateret|opublikowano|zaktualizowano")
DATE_LINE = re.compile(
    rf"^(?:(?:{_DATE_LABELS})"
    r"\b.{0,60}|[\w ,.:/+-]{0,40}\b(?:19|20)\d\d\b[\w ,.:/+-]{0,25})$", re.IGNORECASE)
DATE_LABEL = compile_on_use(rf"^(?:{_DATE_LABELS})\b", re.IGNORECASE)
# An unlabelled date line names a day (or a time) besides the year, in few words: "March 16, 2026",
# "Mon 3.6.2024 10:45". A heading with a year ("Best laptops of 2025", "Founded: 2011") is text.
DAY_OR_TIME = compile_on_use(r"(?<![\d.,])(?:[0-2]?\d|3[01])(?![\d,]?\d)(?!\s*%)")
_WORDS = re.compile(r"[^\W\d_]{2,}")
MAX_DATE_LINE_WORDS = 4
MAX_LABELLED_DATE_WORDS = 7  # "Last updated: January 12, 2026 at 10:45 am ET", "Posted on ... by admin"
# Lines that are chrome whatever their container: ad labels, share and read-more prompts,
# a contents box's label, a screen reader's mark between paragraphs ("Article content"), a
# reading time ("3 min read", "Lesezeit: 4 Min."), a byline's label left without its name, tag
# lists, teaser labels, sign-in, feedback and embed-consent prompts.
CHROME_LINE = re.compile(r"""^[\W_]*(?:
    advertisement|advertising|advert|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa]|advertentie
  | reklam|reklama
  | sponsored(?:\s+content)?|ad|ads|continue\s+reading|read\s+more|weiterlesen|lire\s+la\s+suite
  | share(?:\s+this(?:\s+(?:article|story|post))?)?|teilen|partager|compartir|condividi
  | lesen\s+sie\s+(?:auch|mehr)|(?:à|a)\s+lire\s+(?:aussi|également)|lire\s+aussi
  | leia\s+também|lee\s+também|leggi\s+anche|see\s+also|related|subscribe|abonnieren
  | czytaj\s+(?:więcej|też|także|również)
  | (?:article|story)\s+continues\s+below|read\s+next|show\s+caption|comments
  | related\s+(?:content|articles|stories|posts)|sign\s+in\s+or\s+create\s+an\s+account
  | topics|tell\s+us\s+what\s+you\s+think|annonsørinnhold
  | \d+\s*(?:min(?:ute)?s?|minuten|minutos?|minuti)\.?\s+(?:read|lesezeit|de\s+lecture|di\s+lettura
        |de\s+lectura|de\s+leitura|leestijd)
  | (?:reading\s+time|lesezeit|lesedauer|temps\s+de\s+lecture|leestijd|tempo\s+de\s+leitura
        |tiempo\s+de\s+lectura|tempo\s+di\s+lettura|czas\s+czytania)
    \s*:?\s*\d+\s*(?:min(?:ute)?s?|minuten|minutos?|minuti|minut[ey]?)
  | (?:table\s+of\s+)?contents|in\s+this\s+article|article\s+content     # a contents box's label,
                                                                   # a screen reader's mark
  | \d+(?:[.,]\d+)?\s?[km](?:\s+(?:views|claps|shares|likes))?     # counters: "1.2K", "3k views"
  | (?:loading|chargement|wird\s+geladen|cargando|caricamento|carregando|laden)   # a loader's
    (?:\s+[^\W\d_]+){0,5}\s*(?:\.\.\.|…)                                 # placeholder
  | [\d.,]+\s+(?:views|reads|aufrufe|vues)                               # "1,693 views"
  | \d{1,2}:\d\d\s*/\s*\d{1,2}:\d\d                                      # a player's "00:00 / 03:15"
  | embed|player\s+wird\s+geladen                                        # and its placeholders
  | (?:quelle:\s*)?(?:ntb|dpa|afp|ap|apa|sda|ansa|efe|reuters|ritzau|anp|kna|epd|ats)(?:/\w+){0,3}  # an
                                                                   # agency's mark alone
  | (?:(?:written|edited|reviewed|fact[- ]checked)\s+)?(?:by|von|par|por|door)  # a byline's label
                                                                   # without its (linked) name
  | latest\s+posts\s+by\s+[^()]{1,60}\(see\s+all\)                      # an author box's link
  | (?:don.t|do\s+not)\s+have\s+an\s+account\??\s*(?:create|register|sign\s+up)(?:\s+(?:an\s+)?account)?
  | already\s+have\s+an\s+account\??\s*(?:log|sign)\s+in
  | (?<!\()(?:or|oder|ou)(?!\))                                # a word between two buttons
  | (?:filed\s+under|tags|tagged(?:\s+with)?|categories|category|kategorien?|schlagwörter
        |stichwörter)\s*:.*|schlagwörter\s+zu\s+diesem\s+artikel        # a tag list
  | (?:related\s+(?:post|article|story|roundup)s?|see\s+also)\s*:.*      # a teaser's label
  | more\s+about|more\s+great\s+\S+\s+stories|you\s+may\s+also\s+like|popular\s+on(?:\s+\S+){1,2}|today.s\s+headlines
  | (?:next|previous)\s+(?:article|post|story)|on\s+this\s+page
  | summari[sz]e\s+(?:this\s+)?(?:article|post|page|story)(?:\s+with(?:\s+ai)?)?   # an AI button
  | (?:fehler\s+gefunden|spotted\s+an?\s+(?:error|mistake|typo))\W*(?:jetzt\s+melden)?
  | was\s+(?:this|the)\s+(?:article|page|post|story|guide)\s+(?:helpful|useful)  # feedback
  | like\s+this\s+(?:story|article)\?\s*share\s+it\s+with\s+a\s+friend          # prompts
  | (?:wie\s+hat\s+ihnen|hat\s+ihnen)\s+(?:dieser|der)\s+(?:artikel|beitrag)\s+gefallen
  | war\s+dieser\s+(?:artikel|beitrag)\s+hilfreich
  | empfohlener\s+redaktioneller\s+inhalt|\S+-inhalte?\s+(?:erlauben|anzeigen|laden)  # an embed's
  | allow\s+\S+\s+content|allow\s+and\s+continue                         # consent box
)[\W_]*$""", re.IGNORECASE | re.VERBOSE)
# Calls to action that publishers drop into the text: subscribe, donate, try the paid tier.
# Each pattern with a whole word it needs (lowercase, a word of text_key) and a part of that word
# (for the lines told by their lowercase, see _hint_words): most lines hold none of them, testing
# these is much cheaper than a pattern, and a line holding one is searched for that word's
# pattern only (one pattern of all of them tries every alternative at every position of the line).
CALLS_TO_ACTION = tuple((hint, word, compile_on_use(pattern, re.IGNORECASE)) for hint, word, pattern in (
    ("subscri", "subscribe", r"(?:^|[.!?]\s+)subscribe\b|\bsubscribe\s+(?:now|today|to\s+(?:our|the))\b"),
    ("sign", "sign", r"\bsign\s+up\s+(?:now|today|for\s+(?:our|the|free))\b"),
    ("support", "support", r"\bsupport\s+(?:us|our\s+journalism)\b"),
    ("donate", "donate", r"\bdonate\s+(?:now|today)\b"),
    ("become", "become", r"\bbecome\s+a\s+(?:member|subscriber)\b"),
    ("trial", "trial", r"\bfree\s+trial\b"),
    ("already", "already", r"\balready\s+a\s+subscriber\b"),
    ("unlimited", "unlimited", r"\bunlimited\s+access\b"),
    ("jetzt", "jetzt", r"\bjetzt\s+(?:\S+\s+){0,6}(?:testen|abonnieren|unterstützen)\b"),
    ("unterstützen", "unterstützen", r"\bunterstützen\s+sie\s+uns\b"),
    ("abonnez", "abonnez", r"\babonnez-vous\b"),
    ("soutenez", "soutenez", r"\bsoutenez-nous\b"),
    ("faites", "faites", r"\bfaites\s+un\s+don\b"),
    ("déjà", "déjà", r"\bdéjà\s+abonné"),
    ("suscr", "suscríbete", r"\bsuscríbete\b"),
    ("hazte", "hazte", r"\bhazte\s+socio\b"),
    ("abbonati", "abbonati", r"\babbonati\b"),
    ("assine", "assine", r"\bassine\s+(?:já|agora)\b"),
    ("continue", "continue", r"\bto\s+continue\s+reading\b"),             # a registration wall
    ("registering", "registering", r"\bthank\s+you\s+for\s+registering\b"),
    ("logged", "logged", r"\bautomatically\s+logged\s+in\b"),
))
MAX_CALL_TO_ACTION_CHARS = 200
# Template placeholders a page left unfilled: "$$ARTICLEAD$$", "{{ad_slot}}", "[[AD]]".
PLACEHOLDER_LINE = re.compile(r"^(?:\$\$|\{\{|%%|\[\[)\s*[\w.:-]+\s*(?:\$\$|\}\}|%%|\]\])$")
# Notices that close articles: rights, print-edition lines, follow-us and tip-line invitations,
# a wire story's reporting credits, a reporter's address; a player's notice that it needs
# JavaScript (repeated under every video) and an embed's consent box. Those found
# anywhere in the line are searched for; those that open it are only tried at its start (one
# pattern of both searched at every position costs several times as much).
NOTICE_ANYWHERE = re.compile(r"""
    \ball\s+rights\s+reserved\b|\bmay\s+not\s+be\s+(?:\w+,?\s+){0,3}(?:published|reproduced|redistributed)
  | \b(?:tous\s+)?droits\s+réservés\b|\balle\s+rechte\s+vorbehalten\b|\btodos\s+los\s+derechos\s+reservados\b
  | \briproduzione\s+riservata\b|\bdpa-infocom\b
  | \b(?:please\s+)?enable\s+javascript\b
  | \bcontributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\b|\bmay\s+be\s+reached\s+at\s+\S+@
  | \bwe\s+ask\s+for\s+your\s+permission\s+before\s+anything\s+is\s+loaded\b    # an embed's
  | \bdamit\s+einverstanden,\s+dass\s+mir\s+(?:externe\s+)?inhalte\b            # consent box
  | \bpersonenbezogene\s+daten\s+können\s+an\s+drittplattformen\b
  | \b(?:findest\s+du|finden\s+sie)\s+(?:hier\s+)?einen\s+externen\s+inhalt\b""", re.IGNORECASE | re.VERBOSE)
NOTICE_OPENING = re.compile(r"""
    copyright\b
  | all\s+(?:photographs|photos|pictures|images|text\s+and\s+photographs)\s+(?:©|\(c\)|copyright)
  | a\s+version\s+of\s+this\s+(?:article|story)\s+appear(?:s|ed)\s+in\s+print
  | (?:follow|like)\s+(?:us|\S+(?:\s+\S+){0,3})\s+on\s*(?:$|twitter|facebook|instagram|x\b|tiktok|bluesky|threads)
  | (?:send|email)\s+(?:us\s+)?your\s+(?:story\s+ideas|news\s+tips|tips|stories)\b
  | for\s+the\s+latest\s+(?:news|updates)\b
  | [\W_]*(?:additional\s+|with\s+)?reporting\s+by\b                  # a wire story's credits
  | (?:write\s+to|e-?mail|contact)\s+(?:\S+\s+){1,3}at\s+\S+@      # a reporter's address
  | (?:do\s+you\s+)?have\s+a\s+(?:news\s+)?(?:tip|story)(?:\s+to\s+(?:tell|share))?\?""",
    re.IGNORECASE | re.VERBOSE)
MAX_NOTICE_CHARS = 300
# A word each alternative of NOTICE_ANYWHERE needs (lowercase), as for CALLS_TO_ACTION: the
# pattern is searched for only in a line holding one (NOTICE_OPENING, tried at the start
# alone, costs less than the words). The whole words, and parts of them for the lines told by
# their lowercase.
NOTICE_ANYWHERE_WORDS = frozenset(("rights", "may", "droits", "rechte", "derechos", "riproduzione",
                                   "infocom", "javascript", "contributed", "permission",
                                   "einverstanden", "personenbezogene", "externen"))
NOTICE_ANYWHERE_HINTS = ("rights", "may", "droits", "rechte", "derechos", "riproduzione",
                         "dpa-infocom", "javascript", "contributed", "permission", "einverstanden",
                         "personenbezogene", "externen")
MAX_META_LINE_WORDS = 10
# A paywall's notice: what follows it is prices and perks, not the article.
PAYWALL = compile_on_use(r"""
    \bunlock\s+(?:this|the\s+rest\s+of\s+this)\s+(?:piece|article|story|post)\b
  | \b(?:this|the)\s+(?:article|story|post|piece)\s+is\s+(?:only\s+)?(?:for|available\s+to|exclusive\s+to)
    \s+(?:\S+\s+){0,2}(?:paid\s+)?(?:subscribers|members)\b
  | \bsubscribe\s+to\s+(?:\S+\s+){0,4}(?:to\s+)?(?:continue|keep)\s+reading\b
  | \bto\s+read\s+the\s+rest\s+of\s+this\s+(?:story|article|post)\b
  | \bkeep\s+reading\s+with\s+a\s+(?:\S+\s+){0,2}free\s+trial\b
  | \bweiterlesen\s+mit\s+\S+|\bnur\s+für\s+abonnenten\b|\bexklusiv\s+für\s+abonnenten\b
  | \bla\s+suite\s+(?:de\s+cet\s+article\s+)?est\s+réservée\s+aux\s+abonnés\b
  | \bcontenido\s+exclusivo\s+para\s+suscriptores\b|\bconteúdo\s+exclusivo\s+para\s+assinantes\b
  | \bcontenuto\s+riservato\s+agli\s+abbonati\b""", re.IGNORECASE | re.VERBOSE)
MIN_TEXT_BEFORE_PAYWALL = 3
# A whole word each alternative of PAYWALL needs (lowercase), as for CALLS_TO_ACTION: the
# pattern is searched for only in a line holding one.
PAYWALL_WORDS = frozenset(("unlock", "subscribers", "members", "subscribe", "rest", "trial",
                           "weiterlesen", "abonnenten", "abonnés", "suscriptores", "assinantes",
                           "abbonati"))
_HINT_WORDS = PAYWALL_WORDS | NOTICE_ANYWHERE_WORDS | {word for _, word, _ in CALLS_TO_ACTION}
# The letters that re equates to a Latin letter of another lowercase ("ſ" to "s", "ı" and "İ"
# to "i", and "İ" lowers to two characters): a line holding one is not told by its words.
_LATIN_CASE_TRAPS = ("ſ", "ı", "İ")
# The characters whose lowercase (str.lower) may differ from that of a letter a case-insensitive
# pattern matches them to ("ſ" matches "s", "ı" and "İ" match "i", "Σ" lowers to "ς" or "σ", the
# Greek and Cyrillic variants re equates): a line holding one is searched whatever its lowercase holds.
_CASE_TRAPS = re.compile("[µıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆİΣ]")
# Labels that announce a list of teasers (linked titles of other articles).
TEASER_LABEL = compile_on_use(r"""^[\W_]*(?:
    more\s+great\s+\S+\s+stories|you\s+may\s+also\s+like|popular\s+on(?:\s+\S+){1,2}|more\s+about
  | more(?:\s+(?:from|on)\s+\S+(?:\s+\S+){0,2})?\s*:|related(?:\s+(?:articles|stories|posts|content|coverage))?
  | read\s+also|also\s+on\s+\S+|recommended(?:\s+(?:for\s+you|reading|stories))?|most\s+(?:read|popular)
  | lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|weitere\s+informationen|das\s+könnte\s+sie\s+auch\s+interessieren
  | (?:à|a)\s+lire\s+(?:aussi|également)|lire\s+aussi|à\s+découvrir|leia\s+também|leggi\s+anche
  | noticias?\s+relacionadas?|te\s+puede\s+interesar
)[\W_]*$""", re.IGNORECASE | re.VERBOSE)
MAX_LABEL_CHARS = 60
MIN_TEASER_TITLES = 2
MAX_TEASER_TITLES = 10
MAX_TEASER_TITLE_CHARS = 160
_ENDS_SENTENCE = re.compile(r"[.!:;][\"'”’»)\]]*\s*$")
MIN_LABELLED_HEADLINE_CHARS = 20  # a shorter headline met in a longer line is not told apart
MAX_HEADLINE_LABEL_CHARS = 60     # a kicker glued before the headline is this short
# A live blog's entry stamp: the time glued to its author or a "KEY EVENT" mark ("21:00Jane Doe").
LIVE_STAMP = compile_on_use(r"^\d{1,2}:\d\d(?:[AaPp][Mm])?[A-ZÀ-ÖØ-Þ][^.!?]{0,40}$")
MIN_DEDUPLICATED_CHARS = 40  # repeated short lines (table cells, "Yes") are legitimate
MIN_COPY_RUN = 3             # this many repeated paragraphs in a row copy a passage
MIN_COPY_CHARS = 400         # a paragraph this long may be a copy of the others run together
COPY_COVERAGE = 0.8
_TOKENS = re.compile(r"\w+")
# Bytes that are not word characters (\\w: letters, digits, "_") become spaces; ASCII only.
_ASCII_NON_WORD_TO_SPACE = bytes(code if chr(code).isalnum() or chr(code) == "_" else 32
                                 for code in range(128)) + b" " * 128
# Non-word characters (caseless, not whitespace) that texts otherwise ASCII hold, most common
# first: ’ ” “ — – … ‘.
_TYPOGRAPHIC_MARKS = ("\u2019", "\u201d", "\u201c", "\u2014", "\u2013", "\u2026", "\u2018")
# The MIN_DEDUPLICATED_CHARS characters after each space of a key (the openings of its words
# but the first), where that many remain.
_WORD_OPENINGS = re.compile(rf" (?=(.{{{MIN_DEDUPLICATED_CHARS}}}))", re.DOTALL)


def finish_paragraphs(paragraphs: list[str], headline: str | None) -> list[str]:
    """Drop copied paragraphs, headline repeats, and bare byline or date lines."""
    headline_key = text_key(headline) if headline else None
    labelled = _LabelledHeadline(headline) if headline and len(headline) >= MIN_LABELLED_HEADLINE_CHARS \
        else None
    kept = [(text, key) for text in _without_teaser_lists(_before_paywall(paragraphs))
            if (key := text_key(text)) and key != headline_key and not _is_meta_line(text)
            and not (labelled and labelled.matches(text))]
    return _drop_concatenations(_drop_copies(kept))


class _LabelledHeadline:
    """Tells the headline with a label the template joined to it (_labelled_headline); its
    pattern is compiled only for a line that may hold it (most pages have none, and compiling
    the headline's pattern costs more than all the lines' tests)."""

    __slots__ = ("headline", "hints", "longest", "shortest")

    def __init__(self, headline: str) -> None:
        self.headline = headline
        quoted = headline.strip()
        # A line holds the headline in its lowercase, unless the headline holds a case trap.
        self.hints = (quoted.lower(),) if not _CASE_TRAPS.search(quoted) else ("",)
        # The pattern's characters match one character each; the label is two or more.
        self.shortest = len(quoted) + 2
        self.longest = len(headline) + MAX_HEADLINE_LABEL_CHARS + 1  # a labelled headline's length

    def matches(self, text: str) -> bool:
        """True for the headline with a label joined to it."""
        if not self.shortest <= len(text) <= self.longest or not _may_hold(text, self.hints):
            return False
        pattern = _labelled_headline(self.headline)
        return pattern is not None and pattern.match(text) is not None


def _before_paywall(paragraphs: list[str]) -> list[str]:
    """The paragraphs before a paywall's notice ("Unlock this article", "This post is for paid
    subscribers", "Weiterlesen mit Z+"): the notice, the prices and perks after it and the
    short labels just before it go; a notice among the first paragraphs is left to the
    other rules (the page may hold the whole article after it)."""
    for index in range(MIN_TEXT_BEFORE_PAYWALL, len(paragraphs)):
        text = paragraphs[index]
        if len(text) <= MAX_NOTICE_CHARS and _may_need(text, PAYWALL_WORDS) and PAYWALL.search(text):
            while index > MIN_TEXT_BEFORE_PAYWALL and _is_title(paragraphs[index - 1]) \
                    and len(paragraphs[index - 1]) <= MAX_LABEL_CHARS:
                index -= 1
            return paragraphs[:index]
    return paragraphs


def _without_teaser_lists(paragraphs: list[str]) -> list[str]:
    """Drop the teaser lists that a label announces ("More Great X Stories", "Read also",
    "Weitere Informationen"): the label and the two or more titles after it, up to the first
    line that ends like a sentence (a title ends in no period: "Ten harbour walks", "Why tides
    turn?"). A label followed by one title stays: that title opens the next section."""
    kept: list[str] = []
    index = 0
    while index < len(paragraphs):
        text = paragraphs[index]
        index += 1
        if len(text) <= MAX_LABEL_CHARS and TEASER_LABEL.match(text):
            end = index
            while end < len(paragraphs) and end - index < MAX_TEASER_TITLES \
                    and _is_title(paragraphs[end]):
                end += 1
            if end - index >= MIN_TEASER_TITLES:
                index = end
                continue
        kept.append(text)
    return kept


def _is_title(text: str) -> bool:
    """True for a short line that does not end like a sentence (a teaser's linked title)."""
    return len(text) <= MAX_TEASER_TITLE_CHARS and not _ENDS_SENTENCE.search(text)


@lru_cache(maxsize=64)
def _labelled_headline(headline: str) -> re.Pattern[str] | None:
    """A pattern for the headline with a label the template joined to it: a kicker glued to
    its first word ("Parteitag zur MigrationChiesa ruft ...", "Title:AlignMerge ..."), or a
    section after a bar ("How meditation heals | Opinion", "... :: View in Browser");
    None for a headline too short to tell."""
    if len(headline) < MIN_LABELLED_HEADLINE_CHARS:
        return None
    quoted = re.escape(headline.strip())
    return re.compile(rf"(?:.{{1,{MAX_HEADLINE_LABEL_CHARS}}}\S{quoted}|{quoted}\s*(?:\||::)\s*\S+(?:\s+\S+){{0,2}})$",
                      re.IGNORECASE | re.DOTALL)


def _drop_copies(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop the repeats that copy text: a paragraph met twice (the second time), and a run of
    three or more repeated paragraphs (a copy of a passage). A paragraph that recurs three
    times or more, between new paragraphs, is the article's own pattern (a note under each
    item, the same question to each guest) and stays."""
    counts = Counter(key for _, key in lines if len(key) >= MIN_DEDUPLICATED_CHARS)
    seen: set[str] = set()
    repeats: list[int] = []  # indexes of the long lines met before, in order
    longs: list[int] = []
    for index, (_, key) in enumerate(lines):
        if key in counts:
            if key in seen:
                repeats.append(index)
            seen.add(key)
            longs.append(index)
    doomed = {index for index in repeats if counts[lines[index][1]] == 2}
    doomed.update(_long_runs(set(repeats), longs))
    return [line for index, line in enumerate(lines) if index not in doomed]


def _long_runs(repeats: set[int], longs: list[int]) -> set[int]:
    """The repeats lying in runs of MIN_COPY_RUN or more among the long lines."""
    found: set[int] = set()
    run: list[int] = []
    for index in [*longs, -1]:
        if index in repeats:
            run.append(index)
            continue
        if len(run) >= MIN_COPY_RUN:
            found.update(run)
        run = []
    return found


def _drop_concatenations(lines: list[tuple[str, str]]) -> list[str]:
    """Drop a long paragraph made of the other paragraphs run together (a hidden copy).

    A paragraph copied into the long one starts at one of its words; the paragraphs are found
    there by their first MIN_DEDUPLICATED_CHARS characters, so each long paragraph costs a
    look-up per word rather than a substring search per other paragraph.
    """
    paragraphs = [text for text, _ in lines]
    keys = [key for _, key in lines]
    by_start: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if len(key) >= MIN_DEDUPLICATED_CHARS:
            by_start.setdefault(key[:MIN_DEDUPLICATED_CHARS], []).append(index)
    doomed: set[int] = set()
    comparable = sum(len(key) for key in keys if len(key) >= MIN_DEDUPLICATED_CHARS)
    for index, key in enumerate(keys):  # the others together must be long enough to cover it
        if len(key) >= MIN_COPY_CHARS and comparable - len(key) >= COPY_COVERAGE * len(key):
            found = _copied_into(key, keys, by_start) - doomed - {index}
            if sum(len(keys[j]) for j in found) >= COPY_COVERAGE * len(key):
                doomed.add(index)
    return [text for index, text in enumerate(paragraphs) if index not in doomed]


def _copied_into(key: str, keys: list[str], by_start: dict[str, list[int]]) -> set[int]:
    """Indexes of the keys found in key starting at one of its words.

    The openings at its words are cut out in one pass of the regex engine and matched against
    the known openings as sets; only an opening met is looked for word by word.
    """
    found: set[int] = set()
    if len(key) < MIN_DEDUPLICATED_CHARS:
        return found
    openings = set(_WORD_OPENINGS.findall(key))
    openings.add(key[:MIN_DEDUPLICATED_CHARS])
    for opening in by_start.keys() & openings:
        bucket = by_start[opening]
        start = key.find(opening)
        while start >= 0:
            if start == 0 or key[start - 1] == " ":
                for j in bucket:
                    if key.startswith(keys[j], start):
                        found.add(j)
            start = key.find(opening, start + 1)
    return found


def _is_meta_line(text: str) -> bool:
    """True for a short line that only carries a byline, a date, a label, a call to action
    or a closing notice (rights, print edition, follow us)."""
    if len(text) <= MAX_NOTICE_CHARS:
        hits = _hint_words(text)
        if hits is None:  # told by its lowercase
            lowered = text.lower()
            if len(text) <= MAX_CALL_TO_ACTION_CHARS and _calls_to_action(lowered, text) \
                    or _holds_any(lowered, NOTICE_ANYWHERE_HINTS) and NOTICE_ANYWHERE.search(text):
                return True
        elif hits and (len(text) <= MAX_CALL_TO_ACTION_CHARS and _calls_to_action_of(hits, text)
                       or not hits.isdisjoint(NOTICE_ANYWHERE_WORDS) and NOTICE_ANYWHERE.search(text)):
            return True
        if NOTICE_OPENING.match(text):
            return True
    if len(text.split(maxsplit=MAX_META_LINE_WORDS)) > MAX_META_LINE_WORDS:  # stops counting there
        return False
    if PLACEHOLDER_LINE.match(text) or text[:1].isdigit() and LIVE_STAMP.match(text):
        return True
    return bool(BYLINE_LINE.match(text) or _is_date_line(text) or CHROME_LINE.match(text))


def _is_date_line(text: str) -> bool:
    """True for a short line that only gives a date (labelled "Updated ...", or a day of a year
    in a few words) or a short dated remark ("Image from the March 2024 review.")."""
    if not DATE_LINE.match(text):
        return False
    if DATE_LABEL.match(text):  # "Published in 1999, the book tells ..." is a sentence
        return len(_WORDS.findall(text)) <= MAX_LABELLED_DATE_WORDS
    if text.endswith("."):
        return True
    return len(_WORDS.findall(text)) <= MAX_DATE_LINE_WORDS and bool(DAY_OR_TIME.search(text))


def _calls_to_action(lowered: str, text: str) -> bool:
    """True when the text holds a call to action (`lowered`: the text in lowercase)."""
    for hint, _, pattern in CALLS_TO_ACTION:  # a loop, not any() over a generator
        if hint in lowered and pattern.search(text):
            return True
    return False


def _calls_to_action_of(hits: frozenset[str], text: str) -> bool:
    """True when the text holds a call to action (`hits`: its words among the patterns' words)."""
    for _, word, pattern in CALLS_TO_ACTION:
        if word in hits and pattern.search(text):
            return True
    return False


@lru_cache(maxsize=4096)
def _hint_words(text: str) -> frozenset[str] | None:
    """The words of the line (lowercase, as text_key cuts them) that a pattern of a meta line
    or a paywall needs (most lines: none); None for a line holding a letter of
    _LATIN_CASE_TRAPS (its words may miss a pattern's: it is told by the parts of words in its
    lowercase, as before the words were used).

    Each of these words is whole in what its pattern matches (a boundary or a space on each
    side), and lowercasing keeps every other character a word character or not, one character
    for one, and lowers a letter to what re equates it to: so a line a pattern matches holds
    the pattern's word.
    """
    if not text.isascii() and _holds_any(text, _LATIN_CASE_TRAPS):
        return None
    return _HINT_WORDS.intersection(text_key(text).split())


def _may_need(text: str, words: frozenset[str]) -> bool:
    """True unless the text proves to hold none of the words (whole words of _hint_words)."""
    hits = _hint_words(text)
    return hits is None or not hits.isdisjoint(words)


def _may_hold(text: str, hints: tuple[str, ...]) -> bool:
    """True unless the text proves to hold none of the hint words (lowercase) whatever its case."""
    if _holds_any(text.lower(), hints):
        return True
    return not text.isascii() and _CASE_TRAPS.search(text) is not None


def _holds_any(lowered: str, hints: tuple[str, ...]) -> bool:
    """True when one of the hint words occurs in the (lowercased) text."""
    for hint in hints:  # a loop, not any() over a generator: this runs on every line
        if hint in lowered:
            return True
    return False


@lru_cache(maxsize=4096)
def text_key(text: str) -> str:
    """The comparison key of a text: its lowercased word tokens."""
    lowered = text.lower()
    if not lowered.isascii():
        # Most of these texts are ASCII but for typographic quotes and dashes, which part
        # words as ASCII punctuation does: as spaces, they leave an ASCII string (a replacement
        # returns the narrowest kind of string) and the byte table serves.
        for mark in _TYPOGRAPHIC_MARKS:
            if mark in lowered:
                lowered = lowered.replace(mark, " ")
        if not lowered.isascii():
            return " ".join(_TOKENS.findall(lowered))
    # a byte table finds the same tokens several times faster than the pattern
    return " ".join(lowered.encode().translate(_ASCII_NON_WORD_TO_SPACE).decode().split())
