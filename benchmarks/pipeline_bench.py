"""End-to-end crawl benchmark on loopback: discover, fetch, archive, extract, store.

    python -m benchmarks.pipeline_bench [--pages 2000] [--hosts 20] [--workers N]

A child process serves synthetic article sites (one HTTP server per host, each on its own
127.0.0.x address, so each is its own site): robots.txt, a sitemap, and a few KB of varied
article HTML per page. This process crawls them with the politeness delay off into a
temporary folder, then extracts the same pages with no pipeline around it. It prints pages
per second end to end and extraction-only, their ratio, and the peak resident memory of the
crawl (measured before the extraction-only pass, which regenerates pages one at a time).
Extraction-only speed is measured on at most --sample pages (default 2,000): speed per page
does not depend on how many there are.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import tempfile
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any

WORDS = ["council", "harbour", "minister", "report", "water", "plan", "budget", "election", "school", "hospital", "police", "court", "river", "bridge", "tram", "housing", "energy", "climate", "farmers", "market", "union", "strike", "workers", "company", "shares", "inflation", "rates", "bank", "village", "mayor", "festival", "museum", "library", "storm", "flood", "drought", "coast", "fishing", "tourism", "airport", "railway", "station", "museum", "research", "university", "students", "scientists", "survey", "data", "results", "inquiry", "evidence", "witnesses", "residents", "neighbours", "families", "children", "teachers", "nurses", "doctors", "patients", "waiting", "list", "funding", "grant", "contract", "tender", "vote", "motion", "debate", "opposition", "government", "parliament", "committee", "hearing", "review", "audit", "the", "a", "of", "to", "in", "and", "for", "on", "with", "by", "from", "at", "as", "that", "which", "after", "before", "while", "during", "said", "says", "told", "added", "warned", "announced", "confirmed", "expected", "planned", "reported", "described"]
FIRST_NAMES = ("Anna", "Tomas", "Mei", "Oskar", "Leila", "Kwame", "Sofia", "Ravi", "Ingrid", "Jon")
LAST_NAMES = ("Berg", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Novak", "Reyes")
SECTIONS = ("news", "local", "business", "world", "science")
EXTRACTION_SAMPLE = 2000


def sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    """Return one made-up sentence."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def page_path(host: int, index: int) -> str:
    """Return the path of article `index` on host `host`."""
    day = 1 + index % 28
    return f"/{SECTIONS[index % len(SECTIONS)]}/2024/05/{day:02d}/story-{host}-{index}/"


def article_html(host: int, index: int) -> bytes:
    """Return a deterministic, varied article page of a few KB."""
    rng = random.Random(host * 1_000_003 + index)
    headline = sentence(rng, 6, 11).rstrip(".")
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    speaker = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
                  for _ in range(rng.randint(6, 14))]
    paragraphs.insert(2, f"\u201c{sentence(rng)}\u201d said {speaker}, a spokesperson.")
    related = "".join(f"<li><a href='{page_path(host, (index + k) % 997)}'>{sentence(rng, 4, 8)}</a></li>"
                      for k in range(1, 5))
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    day = 1 + index % 28
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{headline} | Bench Gazette {host}</title>
<meta property="og:title" content="{headline}">
<meta property="article:published_time" content="2024-05-{day:02d}T08:{index % 60:02d}:00+00:00">
<link rel="canonical" href="{page_path(host, index)}"></head><body>
<header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/local/">Local</a>
<a href="/business/">Business</a> <a href="/subscribe/">Subscribe</a></nav></header>
<main><article><h1>{headline}</h1><p class="byline">By {author}</p>
<time datetime="2024-05-{day:02d}">{day} May 2024</time>
<figure><img src="/img/{index}.jpg" alt=""><figcaption>{sentence(rng, 5, 10)}
Photo: {author} / Reuters</figcaption></figure>{body}</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside></main>
<footer><p>&copy; 2024 Bench Gazette. All rights reserved.</p>
<a href="/privacy-policy/">Privacy</a> <a href="/contact/">Contact</a></footer>
</body></html>""".encode()


def sitemap_xml(host: int, count: int, origin: str) -> bytes:
    """Return the sitemap of one host, listing its articles."""
    entries = "".join(f"<url><loc>{origin}{page_path(host, i)}</loc>"
                      f"<lastmod>2024-05-{1 + i % 28:02d}</lastmod></url>" for i in range(count))
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>').encode()


def host_address(host: int) -> str:
    """Return the loopback address that host `host` listens on."""
    return f"127.0.0.{host + 2}"


def _handler(host: int, count: int) -> type[BaseHTTPRequestHandler]:
    paths = {page_path(host, i): i for i in range(count)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            origin = f"http://{self.headers.get('Host')}"
            if self.path == "/robots.txt":
                self._send(b"User-agent: *\nAllow: /\n", "text/plain")
            elif self.path == "/sitemap.xml":
                self._send(sitemap_xml(host, count, origin), "application/xml")
            elif self.path in paths:
                self._send(article_html(host, paths[self.path]), "text/html; charset=utf-8")
            else:
                self._send(b"<html><body>not found</body></html>", "text/html", 404)

        def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    return Handler


def serve(hosts: int, per_host: list[int], ports: Any, stop: Any) -> None:
    """Serve every host until `stop` is set (runs in a child process)."""
    servers = []
    for host in range(hosts):
        server = ThreadingHTTPServer((host_address(host), 0), _handler(host, per_host[host]))
        server.daemon_threads = True
        servers.append(server)
        Thread(target=server.serve_forever, daemon=True).start()
        ports.put((host, server.server_address[1]))
    stop.wait()
    for server in servers:
        server.shutdown()


@dataclass
class Result:
    """What one crawl measured."""

    pages: int
    seconds: float
    cpu_seconds: float  # this process and its extraction workers, not the server
    own_cpu_seconds: float  # this process alone: discover, fetch, archive, store
    stored: int
    failed: int
    peak_rss_mb: float


def crawl(origins: list[str], folder: Path, workers: int) -> Result:
    """Crawl every host's sitemap with the delay off; return the measurements."""
    from scraper.config import Settings
    from scraper.extraction_pool import stop_fork_server
    from scraper.pipeline import Crawler
    from scraper.sites import Site
    from scraper.store import Store

    settings = Settings(db_path=folder / "articles.db", archive_dir=folder / "archive",
                        delay=0.0, allow_private=True, retries=1, timeout=30.0, concurrency=len(origins),
                        **({"workers": workers} if workers else {}))
    sites = [Site(name=f"bench-{i:02d}", sitemaps=(f"{origin}/sitemap.xml",))
             for i, origin in enumerate(origins)]
    seeds = [seed for site in sites for seed in site.seeds()]
    started, cpu_before, own_before = time.perf_counter(), _cpu(), _cpu(children=False)
    with Store.open(settings.db_path) as store:
        report = Crawler(settings, store, sites=sites).run(seeds, ["bench"])
        seconds = time.perf_counter() - started
        stored = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    stop_fork_server()  # the workers are its children: count them as ours
    return Result(report.counts["fetched"], seconds, _cpu() - cpu_before,
                  _cpu(children=False) - own_before, stored, report.counts["failed"],
                  peak_rss_mb())


def _cpu(children: bool = True) -> float:
    """CPU seconds of this process and (unless told not to) of its finished children."""
    times = os.times()
    own = times.user + times.system
    return own + (times.children_user + times.children_system if children else 0.0)


def peak_rss_mb() -> float:
    """Peak resident memory of this process plus that of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def extraction_only(per_host: list[int], origins: list[str],
                    limit: int) -> tuple[int, float, float]:
    """Extract the same pages with no pipeline; return (pages, seconds, CPU seconds)."""
    from scraper.extract import extract

    pages = [(host, index) for index in range(max(per_host)) for host in range(len(per_host))
             if index < per_host[host]][:limit]
    started, cpu_before = time.perf_counter(), _cpu()
    for host, index in pages:
        extract(article_html(host, index), origins[host] + page_path(host, index), None,
                "text/html; charset=utf-8")
    return len(pages), time.perf_counter() - started, _cpu() - cpu_before


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--workers", type=int, default=0,
                        help="extraction processes (0: the setting's default)")
    parser.add_argument("--sample", type=int, default=EXTRACTION_SAMPLE,
                        help="pages for the extraction-only pass")
    args = parser.parse_args()
    per_host = [args.pages // args.hosts + (1 if h < args.pages % args.hosts else 0)
                for h in range(args.hosts)]
    context = multiprocessing.get_context("spawn")
    ports, stop = context.Queue(), context.Event()
    server = context.Process(target=serve, args=(args.hosts, per_host, ports, stop), daemon=True)
    server.start()
    found = dict(ports.get(timeout=30) for _ in range(args.hosts))
    origins = [f"http://{host_address(h)}:{found[h]}" for h in range(args.hosts)]
    try:
        with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as folder:
            result = crawl(origins, Path(folder), args.workers)
    finally:
        stop.set()
        server.join(10)
    sample, seconds, cpu = extraction_only(per_host, origins, args.sample)
    end_to_end, extraction = result.pages / result.seconds, sample / seconds
    print(f"pages: {args.pages} over {args.hosts} hosts; fetched {result.pages}, "
          f"stored {result.stored}, failed {result.failed}")
    print(f"end to end:      {end_to_end:7.1f} pages/s  ({result.seconds:.1f} s)")
    print(f"extraction only: {extraction:7.1f} pages/s  ({sample} pages, {seconds:.1f} s)")
    print(f"ratio:           {end_to_end / extraction:7.0%}")
    per_page = 1000 / max(result.pages, 1)
    print(f"CPU per page:    {result.cpu_seconds * per_page:7.1f} ms end to end, of which "
          f"{result.own_cpu_seconds * per_page:.1f} ms in the crawl process; "
          f"{1000 * cpu / max(sample, 1):.1f} ms extraction only")
    print(f"peak RSS: {result.peak_rss_mb:.0f} MB (crawl process + largest extraction worker)")


if __name__ == "__main__":
    main()
