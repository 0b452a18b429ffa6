"""Store benchmark: synthetic articles saved in batches, full-text query time, bytes per article.

    .venv/bin/python -m benchmarks.store_bench [--count 100000] [--batch 1000] [--db PATH]

Articles are generated deterministically (Zipf-distributed pseudo-words, 200-1000 word bodies,
authors, quotes, images, tags, 20 sites) one batch at a time; only the saves are timed. Prints
articles saved per second (new, then unchanged re-saves), the median and worst milliseconds of
a few searches, and the database size per article with the share of the full-text indexes.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path

from scraper.models import Article, Image, Provenance, Quote
from scraper.store import Store

SEED = 20240712
VOCABULARY = 20_000
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "po", "re", "ta", "no", "li",
             "ber", "gan", "tor", "mel", "fin", "dro", "sta", "qua")
AGENCIES = ("Reuters", "AP", "Getty Images", "AFP", "Unsplash", None)
QUERIES = {
    "common word": "{common}",
    "rare word": "{rare}",
    "two words": "{common} {middle}",
    "phrase": '"{common} {middle}"',
    "prefix": "{prefix}*",
    "word + site filter": "{middle}",
}


def _vocabulary(rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Generator:
    """Deterministic synthetic articles."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng)
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, VOCABULARY + 1)))
        self.people = [f"{w1.title()} {w2.title()}" for w1, w2 in
                       zip(self.rng.sample(self.words, 800), self.rng.sample(self.words, 800))]

    def _text(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=n))

    def article(self, number: int) -> Article:
        """Return synthetic article number `number`."""
        rng = self.rng
        site = f"site{number % 20:02d}.example"
        paragraphs = [self._text(rng.randint(40, 120)) for _ in range(rng.randint(5, 9))]
        url = f"https://{site}/{2020 + number % 5}/{number}/story"
        return Article(
            url=url, canonical_url=url, site_name=site, headline=self._text(rng.randint(6, 12)),
            authors=tuple(rng.sample(self.people, rng.randint(1, 2))),
            published_at=f"{2020 + number % 5}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            language="en", body="\n\n".join(paragraphs),
            images=tuple(Image(f"{url}/img{i}.jpg", self._text(8), credit_source=rng.choice(
                AGENCIES), photographer=rng.choice(self.people)) for i in range(rng.randint(0, 2))),
            quotes=tuple(Quote(self._text(rng.randint(6, 20)), rng.choice(self.people + [None]))
                         for _ in range(rng.randint(0, 3))),
            tags=tuple(rng.sample(self.words[:300], rng.randint(0, 4))),
            provenance=Provenance(published_at_source="json-ld"),
        )


def _save_all(store: Store, generator: Generator, numbers: range, batch: int,
              seen_at: str) -> float:
    """Save the articles numbered `numbers` in batches; return the seconds spent saving."""
    elapsed = 0.0
    for first in range(numbers.start, numbers.stop, batch):
        articles = [generator.article(n) for n in range(first, min(first + batch, numbers.stop))]
        started = time.perf_counter()
        with store.batch():
            for article in articles:
                store.save_article(article, site=article.site_name, fetch_id=None,
                                   seen_at=seen_at)
        elapsed += time.perf_counter() - started
    return elapsed


def _time_queries(store: Store, generator: Generator, repeat: int) -> None:
    words = {"common": generator.words[3], "middle": generator.words[400],
             "rare": generator.words[-5], "prefix": generator.words[50][:4]}
    print(f"{'query':<20} {'median ms':>10} {'worst ms':>10} {'hits':>6}")
    for label, template in QUERIES.items():
        query = template.format(**words)
        site = "site03.example" if "site" in label else None
        timings, hits = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            hits = store.search(query, limit=20, site=site)
            timings.append((time.perf_counter() - started) * 1000)
        print(f"{label:<20} {statistics.median(timings):>10.1f} {max(timings):>10.1f} "
              f"{len(hits):>6}   {query}")


def _sizes(store: Store, path: Path, count: int) -> None:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    print(f"database: {size / 1e6:.1f} MB, {size / count:,.0f} bytes per article")
    try:
        rows = store.db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except Exception:  # noqa: BLE001 - dbstat is an optional SQLite build feature
        return
    fts = sum(total for name, total in rows if name.startswith(("articles_fts", "articles_trigram", "quotes_fts")))
    print(f"full-text indexes: {fts / size:.0%} of the file")


def main() -> None:
    """Generate, save, re-save, query and measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="articles to insert")
    parser.add_argument("--batch", type=int, default=1000, help="articles per transaction")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        generator = Generator()
        with Store.open(path) as store:
            elapsed = _save_all(store, generator, range(args.count), args.batch,
                                "2024-07-12T10:00:00+00:00")
            print(f"new: {args.count / elapsed:,.0f} articles/s ({elapsed:.1f} s saving, "
                  f"batches of {args.batch})")
            again = range(min(args.count, 10_000))
            elapsed = _save_all(store, Generator(), again, args.batch,
                                "2024-07-13T10:00:00+00:00")
            print(f"unchanged re-save: {len(again) / elapsed:,.0f} articles/s")
            _time_queries(store, generator, args.repeat)
            _sizes(store, path, args.count)


if __name__ == "__main__":
    main()
