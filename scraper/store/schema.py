"""The database schema: the one documented source of every table, column, index and view.

Migrations (migrations.py) build the database from these definitions, `scraper schema` prints
them, and the Datasette metadata is generated from them. Each piece names the migration step
that introduced it: to change the schema, add pieces with a new `since` and register that step.
Times are ISO 8601 text in UTC ("2024-07-12T09:30:00+00:00"); article dates are as published.
"""

from __future__ import annotations

from .schema_model import ArticleIndex, Column, FullText, Index, Table, View
from .search_text import (
    INDEXED_BODY_CHARS,
    INDEXED_HEADLINE_CHARS,
    INDEXED_QUOTES,
    search_text_select,
    trigram_text_select,
)

CORE, FULL_TEXT, VERSIONS, VIEWS, SEARCH, RUN_LIMITS, INGEST = 1, 2, 3, 4, 5, 6, 7

ID = Column("id", "INTEGER PRIMARY KEY", "Row id.")


def _article_ref(meaning: str = "The article this row belongs to.") -> Column:
    reference = "INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE"
    return Column("article_id", reference, meaning)


def _position(what: str) -> Column:
    return Column("position", "INTEGER NOT NULL", f"Order of the {what} in the article, from 0.")


SITES = Table("sites", "Sites crawled: one row per site key.", (
    ID,
    Column("name", "TEXT NOT NULL UNIQUE",
           "Site key: the rule file's site name, or the host without www."),
    Column("created_at", "TEXT NOT NULL", "When the site was first recorded (UTC)."),
))

ARTICLES = Table("articles", "Extracted articles: one row per canonical URL, updated in place.", (
    ID,
    Column("canonical_url", "TEXT NOT NULL UNIQUE",
           "Identity: the page's canonical URL (rel=canonical, og:url), else the fetched URL."),
    Column("url", "TEXT NOT NULL", "The URL the current version was last fetched from."),
    Column("site_id", "INTEGER REFERENCES sites(id)", "The site crawled to find the article."),
    Column("site_name", "TEXT", "The publication's name as the page gives it."),
    Column("headline", "TEXT", "Title, without ' | Site Name' suffixes."),
    Column("published_at", "TEXT",
           "Publication date as published: YYYY-MM-DDTHH:MM:SS+HH:MM, or YYYY-MM-DD."),
    Column("published_at_source", "TEXT",
           "Where published_at was found: json-ld, meta, time, microdata, url or text."),
    Column("modified_at", "TEXT", "Last modification date as published, same format."),
    Column("modified_at_source", "TEXT", "Where modified_at was found, as for published_at."),
    Column("language", "TEXT", "ISO 639-1 language code."),
    Column("body", "TEXT NOT NULL", "Main text; paragraphs separated by one blank line."),
    Column("word_count", "INTEGER NOT NULL", "Whitespace-separated words in the body."),
    Column("source", "TEXT", "The original outlet when the article is based on another's report."),
    Column("content_hash", "TEXT NOT NULL",
           "SHA-256 of the normalized headline and body; a change makes a new version."),
    Column("record_hash", "TEXT NOT NULL",
           "SHA-256 of the whole record; a change refreshes the row without a new version."),
    Column("extractor_version", "TEXT", "Version of the extractors that produced the row."),
    Column("extraction_rules", "TEXT", "The site or template rules that matched, if any."),
    Column("body_strategy", "TEXT", "How the body was located (rules, generic, fallback)."),
    Column("warnings", "TEXT NOT NULL DEFAULT '[]'", "JSON array of extraction warnings."),
    Column("first_seen_at", "TEXT NOT NULL", "When the article was first stored (UTC)."),
    Column("last_seen_at", "TEXT NOT NULL", "When the article was last fetched (UTC)."),
    Column("content_seen_at", "TEXT NOT NULL", "When the current text was first seen (UTC)."),
    Column("fetch_id", "INTEGER REFERENCES fetches(id) ON DELETE SET NULL",
           "The fetch that last produced this article."),
    Column("version", "INTEGER NOT NULL DEFAULT 1",
           "Number of the current text version; earlier ones are in article_versions.",
           since=VERSIONS),
))

AUTHORS = Table("authors", "People credited as authors, one row per name.", (
    ID, Column("name", "TEXT NOT NULL UNIQUE COLLATE NOCASE", "Full name, without 'By'."),
))

ARTICLE_AUTHORS = Table("article_authors", "Authors of each article, in byline order.", (
    _article_ref(), _position("author"),
    Column("author_id", "INTEGER NOT NULL REFERENCES authors(id)", "The author."),
), constraints=("PRIMARY KEY (article_id, position)",))

IMAGES = Table("images", "Article images with caption and photo credit split into parts.", (
    ID, _article_ref(), _position("image"),
    Column("url", "TEXT", "Absolute image URL."),
    Column("caption", "TEXT", "Caption text, without the credit."),
    Column("credit", "TEXT", "The raw credit line."),
    Column("photographer", "TEXT", "The person credited."),
    Column("credit_source", "TEXT", "Agency or platform credited (Reuters, AP, Unsplash ...)."),
), constraints=("UNIQUE (article_id, position)",))

QUOTES = Table("quotes", "Direct quotations from article bodies.", (
    ID, _article_ref(), _position("quote"),
    Column("text", "TEXT NOT NULL", "The quoted words, without quotation marks."),
    Column("speaker", "TEXT", "Who said it: full name or descriptive phrase; NULL if unknown."),
), constraints=("UNIQUE (article_id, position)",))

LINKS = Table("links", "Links from an article to others (related / read-more blocks).", (
    ID, _article_ref(), _position("link"),
    Column("url", "TEXT NOT NULL", "Absolute URL linked to."),
    Column("title", "TEXT", "The link's visible title."),
    Column("kind", "TEXT NOT NULL DEFAULT 'related'", "What kind of link: 'related'."),
), constraints=("UNIQUE (article_id, kind, position)",))

TAGS = Table("tags", "Tags and topics, one row per name.", (
    ID, Column("name", "TEXT NOT NULL UNIQUE COLLATE NOCASE", "Tag as the site writes it."),
))

ARTICLE_TAGS = Table("article_tags", "Tags of each article, in page order.", (
    _article_ref(), _position("tag"),
    Column("tag_id", "INTEGER NOT NULL REFERENCES tags(id)", "The tag."),
), constraints=("PRIMARY KEY (article_id, position)",))

FETCHES = Table("fetches", "Every HTTP attempt, successful or not, with its reason on failure.", (
    ID,
    Column("run_id", "INTEGER REFERENCES crawl_runs(id) ON DELETE SET NULL",
           "The crawl run that made the request; NULL outside a run."),
    Column("url", "TEXT NOT NULL", "The URL requested."),
    Column("final_url", "TEXT", "The URL after redirects."),
    Column("status", "INTEGER", "HTTP status; NULL when no response arrived."),
    Column("error", "TEXT", "Why the attempt failed (one line); NULL on success."),
    Column("content_type", "TEXT", "Media type of the response."),
    Column("size", "INTEGER", "Body size in bytes, after decompression."),
    Column("etag", "TEXT", "ETag response header, for conditional requests."),
    Column("last_modified", "TEXT", "Last-Modified response header, for conditional requests."),
    Column("warc_file", "TEXT", "WARC file holding the response."),
    Column("warc_offset", "INTEGER", "Byte offset of the response record in the WARC file."),
    Column("fetched_at", "TEXT NOT NULL", "When the request was made (UTC)."),
    Column("elapsed", "REAL", "Seconds the request took."),
))

CRAWL_RUNS = Table("crawl_runs", "One row per crawl: when, what it did, how it ended.", (
    ID,
    Column("started_at", "TEXT NOT NULL", "When the run started (UTC)."),
    Column("finished_at", "TEXT", "When it finished; NULL while running or after a crash."),
    Column("arguments", "TEXT", "The command-line arguments of the run."),
    Column("scraper_version", "TEXT", "Version of scraper that ran."),
    Column("pages_discovered", "INTEGER NOT NULL DEFAULT 0", "Article URLs discovered."),
    Column("pages_fetched", "INTEGER NOT NULL DEFAULT 0", "Pages fetched."),
    Column("pages_unchanged", "INTEGER NOT NULL DEFAULT 0",
           "Pages not modified (HTTP 304) or with unchanged content."),
    Column("pages_failed", "INTEGER NOT NULL DEFAULT 0", "Pages that failed (see fetches.error)."),
    Column("articles_new", "INTEGER NOT NULL DEFAULT 0", "Articles stored for the first time."),
    Column("articles_updated", "INTEGER NOT NULL DEFAULT 0", "Articles whose record changed."),
    Column("exit_status", "INTEGER",
           "0 all went well, 1 some pages failed, 2 usage error, 130 interrupted (Ctrl+C), "
           "143 stopped by SIGTERM."),
    Column("stopped_early", "TEXT",
           "Why the run stopped before its work was done (max duration reached, max pages "
           "reached, interrupted); NULL when it was not.", since=RUN_LIMITS),
))

DISCOVERY_CUTS = Table("discovery_cuts",
                       "Where discovery read less than a site offered, and why: a feed or "
                       "sitemap cut at a size or URL cap, a site's document or URL budget "
                       "spent, the run's time or page budget reached.", (
    ID,
    Column("run_id", "INTEGER REFERENCES crawl_runs(id) ON DELETE CASCADE", "The crawl run."),
    Column("site", "TEXT", "Site key."),
    Column("url", "TEXT", "The document cut short; NULL when the cut is the site's."),
    Column("reason", "TEXT NOT NULL", "What was cut, and why (one line)."),
    Column("at", "TEXT NOT NULL", "When (UTC)."),
), since=RUN_LIMITS)

FRONTIER = Table("frontier", "Candidate article URLs and where each stands in the crawl.", (
    ID,
    Column("url", "TEXT NOT NULL UNIQUE", "Candidate article URL."),
    Column("site_id", "INTEGER REFERENCES sites(id)", "The site it belongs to."),
    Column("discovered_from", "TEXT", "The feed, sitemap or page it was found on."),
    Column("discovered_at", "TEXT NOT NULL", "When it was first found (UTC)."),
    Column("state", "TEXT NOT NULL DEFAULT 'pending' "
           "CHECK (state IN ('pending', 'done', 'failed', 'skipped'))",
           "pending, done, failed or skipped."),
    Column("attempts", "INTEGER NOT NULL DEFAULT 0", "Fetch attempts so far."),
    Column("last_error", "TEXT", "Reason of the last failure."),
    Column("published_hint", "TEXT", "Publication date the feed or sitemap gave, if any."),
    Column("updated_at", "TEXT", "When the state last changed (UTC)."),
))

ARTICLE_VERSIONS = Table("article_versions", "Earlier texts of articles that changed.", (
    ID, _article_ref("The article this is an earlier version of."),
    Column("version", "INTEGER NOT NULL", "Version number, from 1."),
    Column("url", "TEXT", "The URL this version was fetched from."),
    Column("headline", "TEXT", "Headline of this version."),
    Column("body", "TEXT NOT NULL", "Body of this version."),
    Column("published_at", "TEXT", "Publication date this version gave."),
    Column("modified_at", "TEXT", "Modification date this version gave."),
    Column("content_hash", "TEXT NOT NULL", "content_hash of this version."),
    Column("extractor_version", "TEXT", "Extractor version that produced it."),
    Column("record", "TEXT NOT NULL", "The full extraction record of this version, as JSON."),
    Column("fetch_id", "INTEGER REFERENCES fetches(id) ON DELETE SET NULL",
           "The last fetch that saw this version."),
    Column("seen_from", "TEXT NOT NULL", "When this text was first seen (UTC)."),
    Column("seen_until", "TEXT NOT NULL", "When this text was last seen (UTC)."),
    Column("replaced_at", "TEXT NOT NULL", "When a changed text replaced it (UTC)."),
), constraints=("UNIQUE (article_id, version)",), since=VERSIONS)

INGEST_FILES = Table("ingest_files", "WARC files given to `scraper ingest`, each with the plan of "
                     "its chunks (the unit of work).", (
    ID,
    Column("path", "TEXT NOT NULL UNIQUE", "Absolute path of the WARC file."),
    Column("size", "INTEGER NOT NULL", "Size in bytes when it was last planned."),
    Column("head_digest", "TEXT NOT NULL",
           "SHA-1 of its first 64 KiB: tells a file that grew from one that was replaced."),
    Column("compression", "TEXT", "'none', 'record' (a gzip member per record) or 'stream' "
           "(one gzip stream: offsets then count uncompressed bytes)."),
    Column("records", "INTEGER NOT NULL DEFAULT 0", "WARC records of every kind read."),
    Column("pages", "INTEGER NOT NULL DEFAULT 0", "HTML responses with status 200 among them."),
    Column("chunks", "TEXT NOT NULL DEFAULT '[]'",
           "The plan: JSON array of [start offset, end offset, pages], one per chunk, in order."),
    Column("planned_end", "INTEGER NOT NULL DEFAULT 0", "Where the last complete record ends."),
    Column("damage", "TEXT", "Why reading stopped before the end of the file (a truncated last "
           "record, damaged bytes); NULL when it was read to the end."),
    Column("error", "TEXT", "Why the file could not be read at all; NULL when it was planned."),
    Column("run_id", "INTEGER REFERENCES crawl_runs(id) ON DELETE SET NULL",
           "The run that last planned it."),
    Column("planned_at", "TEXT", "When it was last planned (UTC)."),
), since=INGEST)

INGEST_CHUNKS = Table("ingest_chunks", "Chunks of ingested WARC files that were stored, or kept "
                      "failing, under one set of filters; a planned chunk with no row is to do.", (
    ID,
    Column("file_id", "INTEGER NOT NULL REFERENCES ingest_files(id) ON DELETE CASCADE",
           "The WARC file."),
    Column("filters", "TEXT NOT NULL", "The run's filters as canonical JSON ('{}' for none); "
           "an ingest with other filters reads the chunk again."),
    Column("position", "INTEGER NOT NULL", "Number of the chunk in the file's plan, from 0."),
    Column("start_offset", "INTEGER NOT NULL", "Offset of the chunk's first record."),
    Column("end_offset", "INTEGER NOT NULL", "Offset where the chunk's last record ends."),
    Column("state", "TEXT NOT NULL CHECK (state IN ('done', 'failed'))",
           "done: its pages are stored; failed: it kept failing (see error) and is retried "
           "by the next ingest of the file."),
    Column("error", "TEXT", "Why the chunk failed; NULL when done."),
    Column("pages", "INTEGER NOT NULL DEFAULT 0", "HTML responses with status 200 read."),
    Column("articles", "INTEGER NOT NULL DEFAULT 0", "Articles stored: new, updated or unchanged."),
    Column("failed", "INTEGER NOT NULL DEFAULT 0", "Pages with no article (see fetches.error)."),
    Column("filtered", "INTEGER NOT NULL DEFAULT 0", "Pages left out by the filters."),
    Column("run_id", "INTEGER REFERENCES crawl_runs(id) ON DELETE SET NULL",
           "The run that stored it (or last tried)."),
    Column("stored_at", "TEXT NOT NULL", "When it was stored or last failed (UTC)."),
), constraints=("UNIQUE (file_id, filters, position)",), since=INGEST)

MIGRATIONS_TABLE = Table("_sqlite_migrations", "Migrations applied (kept by sqlite-utils).", (
    ID,
    Column("migration_set", "TEXT", "Name of the migration set: 'scraper'."),
    Column("name", "TEXT", "Name of the migration step."),
    Column("applied_at", "TEXT", "When it was applied (UTC)."),
), since=0)  # created by sqlite_utils.Migrations itself, documented here

SEARCH_PAUSE = Table("search_pause", "Empty but inside a save: while the save writes an "
                     "article and its quotes, its row pauses the full-text triggers, and the save "
                     "then indexes the article once instead of once per quote.", (
    Column("id", "INTEGER PRIMARY KEY CHECK (id = 1)", "Always 1."),
), since=SEARCH)

TABLES: tuple[Table, ...] = (
    SITES, CRAWL_RUNS, FETCHES, ARTICLES, AUTHORS, ARTICLE_AUTHORS, IMAGES, QUOTES, LINKS,
    TAGS, ARTICLE_TAGS, FRONTIER, ARTICLE_VERSIONS, SEARCH_PAUSE, DISCOVERY_CUTS,
    INGEST_FILES, INGEST_CHUNKS,
)

INDEXES: tuple[Index, ...] = (
    Index("idx_articles_site_published", "articles", ("site_id", "published_at"),
          "articles by site and date"),
    Index("idx_articles_published", "articles", ("published_at",), "articles by date"),
    Index("idx_article_authors_author", "article_authors", ("author_id",), "articles by author"),
    Index("idx_images_article", "images", ("article_id",), "images of an article"),
    Index("idx_images_credit_source", "images", ("credit_source",), "photos by credit source"),
    Index("idx_quotes_article", "quotes", ("article_id",), "quotes of an article"),
    Index("idx_quotes_speaker", "quotes", ("speaker",), "quotes by speaker"),
    Index("idx_links_article", "links", ("article_id",), "links of an article"),
    Index("idx_article_tags_tag", "article_tags", ("tag_id",), "articles by tag"),
    Index("idx_fetches_url", "fetches", ("url", "fetched_at"), "last fetch of a URL"),
    Index("idx_fetches_run", "fetches", ("run_id",), "fetches of a run"),
    Index("idx_frontier_state", "frontier", ("state", "site_id"), "pending URLs by site"),
    Index("idx_article_versions_article", "article_versions", ("article_id", "version"),
          "history of an article", since=VERSIONS),
    Index("idx_discovery_cuts_run", "discovery_cuts", ("run_id",), "cuts of a run",
          since=RUN_LIMITS),
    Index("idx_fetches_warc", "fetches", ("warc_file", "warc_offset"),
          "the fetch of an archived record (one per record when ingested)", since=INGEST),
)

# The first full-text indexes (one row per article, one per quote), replaced at SEARCH: a NOT
# was applied per row, so an article whose quote lacked the word matched "tram NOT hospital".
FULL_TEXT_INDEXES: tuple[FullText, ...] = (
    FullText("articles_fts", "articles", (
        Column("headline", "", "Indexed copy of articles.headline."),
        Column("body", "", "Indexed copy of articles.body."),
    ), "Full-text index of article headlines and bodies (rowid = articles.id).", since=FULL_TEXT,
        until=SEARCH),
    FullText("quotes_fts", "quotes", (
        Column("text", "", "Indexed copy of quotes.text."),
        Column("speaker", "", "Indexed copy of quotes.speaker."),
    ), "Full-text index of quotes and speakers (rowid = quotes.id).", since=FULL_TEXT,
        until=SEARCH),
)

_DOCUMENT_COLUMNS = (
    Column("headline", "", f"The headline (first {INDEXED_HEADLINE_CHARS:,} characters)."),
    Column("body", "", f"The first {INDEXED_BODY_CHARS:,} characters of the body."),
    Column("quotes", "", f"The article's first {INDEXED_QUOTES} quotes, one per line."),
    Column("speakers", "", "The speaker of each of those quotes, one per line, in the same "
           "order (an empty line when unknown)."),
)
SEARCH_TEXT_VIEW, TRIGRAM_TEXT_VIEW = "search_text", "search_text_trigram"
WORD_INDEX, TRIGRAM_INDEX = "articles_fts", "articles_trigram"
TRIGRAM_TERMS = "articles_trigram_terms"

ARTICLE_INDEXES: tuple[ArticleIndex, ...] = (
    ArticleIndex(WORD_INDEX, SEARCH_TEXT_VIEW, _DOCUMENT_COLUMNS,
                 "Full-text index by words, one row per article (rowid = articles.id), its text "
                 "read from search_text; case and accents are ignored.",
                 "unicode61 remove_diacritics 2", INDEXED_QUOTES, SEARCH_PAUSE.name,
                 since=SEARCH),
    ArticleIndex(TRIGRAM_INDEX, TRIGRAM_TEXT_VIEW, _DOCUMENT_COLUMNS,
                 "Full-text index by trigrams of the articles written partly in a script without "
                 "spaces (Chinese, Japanese, Korean, Thai ...): any run of characters is found; "
                 "text read from search_text_trigram.",
                 "trigram", INDEXED_QUOTES, SEARCH_PAUSE.name, since=SEARCH),
)
TRIGRAM_TERMS_TABLE = Table(TRIGRAM_TERMS, "Every trigram in articles_trigram (fts5vocab), "
                            "used to look up terms shorter than three characters.", (
    Column("term", "", "A trigram, in lower case."),
    Column("doc", "", "Articles holding it."),
    Column("cnt", "", "Times it occurs."),
), since=SEARCH)
TRIGRAM_TERMS_SQL = f"CREATE VIRTUAL TABLE {TRIGRAM_TERMS} USING fts5vocab({TRIGRAM_INDEX}, row)"

_SITE, _DAY = Column("site", "", "Site key."), Column("day", "", "Publication date, YYYY-MM-DD.")

VIEW_DEFINITIONS: tuple[View, ...] = (
    View(SEARCH_TEXT_VIEW, "What the full-text index holds for each article: soft hyphens and "
         "zero-width characters removed, long bodies cut (see README).",
         search_text_select(), (Column("id", "", "articles.id"), *_DOCUMENT_COLUMNS),
         since=SEARCH),
    View(TRIGRAM_TEXT_VIEW, "search_text of the articles with characters of a script written "
         "without spaces, each column padded with two spaces: what the trigram index holds.",
         trigram_text_select(SEARCH_TEXT_VIEW),
         (Column("id", "", "articles.id"), *_DOCUMENT_COLUMNS), since=SEARCH),
    View("articles_per_site_per_day", "Articles per site per publication day.", """
SELECT sites.name AS site, substr(articles.published_at, 1, 10) AS day, count(*) AS articles
FROM articles LEFT JOIN sites ON sites.id = articles.site_id
GROUP BY sites.name, day ORDER BY day DESC, site
""", (_SITE, _DAY, Column("articles", "", "Articles published that day.")), since=VIEWS),
    View("quotes_with_speaker", "Every quote with its speaker, date and article.", """
SELECT quotes.id AS quote_id, quotes.text, quotes.speaker, articles.published_at,
       articles.headline, articles.canonical_url AS url, sites.name AS site,
       articles.id AS article_id
FROM quotes JOIN articles ON articles.id = quotes.article_id
LEFT JOIN sites ON sites.id = articles.site_id
ORDER BY articles.published_at DESC, quotes.article_id, quotes.position
""", (
        Column("quote_id", "", "quotes.id"), Column("text", "", "The quoted words."),
        Column("speaker", "", "Who said it; NULL if unknown."),
        Column("published_at", "", "Publication date of the article."),
        Column("headline", "", "Headline of the article."),
        Column("url", "", "Canonical URL of the article."), _SITE,
        Column("article_id", "", "articles.id"),
    ), since=VIEWS),
    View("photo_credits_by_agency", "Photo credits per agency or platform.", """
SELECT images.credit_source, count(*) AS images, count(DISTINCT images.article_id) AS articles,
       count(DISTINCT images.photographer) AS photographers,
       min(articles.published_at) AS first_published, max(articles.published_at) AS last_published
FROM images JOIN articles ON articles.id = images.article_id
WHERE images.credit_source IS NOT NULL
GROUP BY images.credit_source ORDER BY images DESC, images.credit_source
""", (
        Column("credit_source", "", "Agency or platform credited."),
        Column("images", "", "Images credited to it."),
        Column("articles", "", "Articles with such images."),
        Column("photographers", "", "Distinct photographers named."),
        Column("first_published", "", "Earliest article date."),
        Column("last_published", "", "Latest article date."),
    ), since=VIEWS),
)


def documented_tables() -> tuple[Table, ...]:
    """Return every documented table-like object: tables, full-text indexes, views, bookkeeping."""
    views = tuple(Table(v.name, v.description, v.columns, since=v.since) for v in VIEW_DEFINITIONS)
    fts = tuple(index.as_table() for index in ARTICLE_INDEXES) + (TRIGRAM_TERMS_TABLE,)
    return TABLES + fts + views + (MIGRATIONS_TABLE,)
