"""Fetcher benchmark on loopback: throughput across hosts, the cost of pacing, a gzip bomb's memory.

    .venv/bin/python -m benchmarks.fetch_bench [--hosts 8] [--pages 40] [--delay 0.02]

Each 'host' is a threaded stdlib server on its own port serving a gzip-compressed article page.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import resource
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from scraper.config import Settings
from scraper.fetch import Fetcher

PAGE = gzip.compress(b"<!doctype html><html><body>" + b"<p>Ferries run every hour.</p>" * 1300
                     + b"</body></html>")  # about 40 KB decoded


def make_bomb(megabytes: int) -> bytes:
    """Gzip `megabytes` MB of zeros without ever holding them (about 1 KB per MB on the wire)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    return b"".join(compressor.compress(zeros) for _ in range(megabytes)) + compressor.flush()


BOMB = make_bomb(1024)  # 1 GB of zeros


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes

    def do_GET(self) -> None:
        body = BOMB if self.path == "/bomb" else PAGE
        status = 404 if self.path == "/robots.txt" else 200
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


def start_hosts(count: int) -> list[ThreadingHTTPServer]:
    """Start `count` loopback servers, one port each."""
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), _Handler) for _ in range(count)]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return servers


async def crawl(settings: Settings, urls: list[str]) -> tuple[float, int, int]:
    """Fetch every url concurrently; return seconds, successes and decoded bytes."""
    started = time.perf_counter()
    async with Fetcher(settings) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(url) for url in urls))
    seconds = time.perf_counter() - started
    ok = [r for r in results if r.ok and r.page is not None]
    return seconds, len(ok), sum(len(r.page.content) for r in ok if r.page is not None)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Run the three measurements and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--pages", type=int, default=40, help="pages per host")
    parser.add_argument("--delay", type=float, default=0.02, help="pacing for the second run")
    args = parser.parse_args()
    servers = start_hosts(args.hosts)
    urls = [f"http://127.0.0.1:{s.server_address[1]}/p{n}" for n in range(args.pages)
            for s in servers]
    base = Settings(allow_private=True, delay=0.0, concurrency=args.hosts)

    seconds, ok, size = asyncio.run(crawl(base, urls))
    print(f"no pacing: {ok}/{len(urls)} pages from {args.hosts} hosts in {seconds:.2f} s "
          f"= {ok / seconds:.0f} pages/s, {size / seconds / 1e6:.1f} MB/s decoded")

    paced = base.with_overrides(delay=args.delay)
    seconds, ok, _ = asyncio.run(crawl(paced, urls))
    floor = (args.pages - 1) * args.delay
    print(f"delay {args.delay} s: {ok}/{len(urls)} pages in {seconds:.2f} s "
          f"(pacing alone needs at least {floor:.2f} s per host)")

    before = peak_rss_mb()
    bomb = f"http://127.0.0.1:{servers[0].server_address[1]}/bomb"
    seconds, ok, _ = asyncio.run(crawl(base, [bomb]))
    print(f"gzip bomb ({len(BOMB) / 1e6:.1f} MB inflating to 1 GB, 10 MB cap): refused={ok == 0} "
          f"in {seconds:.2f} s, peak memory {before:.0f} -> {peak_rss_mb():.0f} MB")
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
