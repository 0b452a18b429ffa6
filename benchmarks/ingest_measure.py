"""Measuring tools of the ingest benchmark: CPU of the machine and of our processes, peak
memory, WARC reading speed, extraction speed per core, and the report's wording."""

from __future__ import annotations

import gzip
import json
import threading
import time
from pathlib import Path
from typing import Any, Self

import psutil
from warcio.archiveiterator import ArchiveIterator

from scraper import extract

SAMPLE_SECONDS = 0.2


class MachineMeter:
    """CPU used on the whole machine and by our processes, in cores, between start and stop."""

    def __init__(self, pids: list[int]) -> None:
        self.processes = [psutil.Process(pid) for pid in pids]
        self.started = time.perf_counter()
        self.machine = self._machine_busy()
        self.ours = self._ours()

    @staticmethod
    def _machine_busy() -> float:
        times = psutil.cpu_times()
        return sum(times) - times.idle - getattr(times, "iowait", 0.0)

    def _ours(self) -> float:
        total = 0.0
        for process in self.processes:
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            total += times.user + times.system
        return total

    def stop(self) -> dict[str, float]:
        """Return cores busy on the machine, ours, others', and the load average now."""
        wall = time.perf_counter() - self.started
        machine = (self._machine_busy() - self.machine) / wall
        ours = (self._ours() - self.ours) / wall
        return {"busy_cores": round(machine, 2), "our_cores": round(ours, 2),
                "other_cores": round(max(machine - ours, 0.0), 2),
                "load_average": round(psutil.getloadavg()[0], 2)}


class RssSampler:
    """Samples the resident memory of some processes in a thread; keeps each one's peak."""

    def __init__(self, pids: list[int]) -> None:
        self.peaks = dict.fromkeys(pids, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self.peaks:
                try:
                    rss = psutil.Process(pid).memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[pid] = max(self.peaks[pid], rss)
            self._stop.wait(SAMPLE_SECONDS)

    def peak_mb(self, pid: int) -> float:
        """Highest resident memory seen for the process, in MiB."""
        return self.peaks[pid] / 2**20

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()


def read_with_warcio(paths: list[Path]) -> dict[str, Any]:
    """Read every record, and every response's payload, with warcio."""
    started, records, size = time.perf_counter(), 0, 0
    for path in paths:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                records += 1
                if record.rec_type == "response":
                    size += len(record.content_stream().read())
    return _speed(started, records, size)


def read_with_fastwarc(paths: list[Path]) -> dict[str, Any] | None:
    """The same with FastWARC (response records only, as it filters them), if installed."""
    try:
        from fastwarc.warc import ArchiveIterator as FastIterator
        from fastwarc.warc import WarcRecordType
    except ImportError:
        return None
    started, records, size = time.perf_counter(), 0, 0
    for path in paths:
        with open(path, "rb") as stream:
            for record in FastIterator(stream, record_types=WarcRecordType.response,
                                       parse_http=True):
                records += 1
                size += len(record.reader.read())
    return _speed(started, records, size)


def _speed(started: float, records: int, size: int) -> dict[str, Any]:
    seconds = time.perf_counter() - started
    return {"records": records, "payload_mb": round(size / 2**20, 1),
            "seconds": round(seconds, 2), "mb_per_second": round(size / 2**20 / seconds, 1)}


def html_pages(paths: list[Path], count: int) -> list[tuple[bytes, str]]:
    """The first `count` HTML responses of the files: (page, url)."""
    pages: list[tuple[bytes, str]] = []
    for path in paths:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                http = record.http_headers
                if record.rec_type == "response" and http is not None \
                        and http.get_statuscode() == "200" \
                        and "html" in (http.get_header("Content-Type") or ""):
                    pages.append((record.content_stream().read(),
                                  record.rec_headers.get_header("WARC-Target-URI")))
                    if len(pages) >= count:
                        return pages
    return pages


def real_pages(folder: Path, limit: int = 200) -> list[tuple[bytes, str]]:
    """Article pages of a WCXB-style folder, read in place (never copied)."""
    pages = []
    for truth in sorted((folder / "ground-truth").glob("*.json")):
        data = json.loads(truth.read_text(encoding="utf-8"))
        if data.get("_internal", {}).get("page_type", {}).get("primary") != "article":
            continue
        page = folder / "html" / f"{truth.stem}.html.gz"
        if page.is_file():
            pages.append((gzip.decompress(page.read_bytes()), data.get("url") or ""))
        if len(pages) >= limit:
            break
    return pages


def extraction_rate(pages: list[tuple[bytes, str]]) -> dict[str, Any] | None:
    """Pages extracted per CPU second in this process, and the pages' mean size."""
    if not pages:
        return None
    for html, url in pages[:3]:
        extract(html, url)
    started = time.process_time()
    for html, url in pages:
        extract(html, url)
    seconds = time.process_time() - started
    return {"pages": len(pages), "pages_per_cpu_second": round(len(pages) / seconds, 1),
            "mean_kb": round(sum(len(html) for html, _ in pages) / len(pages) / 1024, 1)}


def report_lines(figures: dict[str, Any]) -> list[str]:
    """Word the figures as the benchmark's report."""
    one, two = figures["cluster"]
    writer = figures["writer"]
    warcio, fast = figures["read_warcio"], figures["read_fastwarc"]
    lines = [(f"bench-ingest: {one['pages']:,} archived HTML pages in {figures['input_mb']} MB "
              f"of WARC files, {figures['cores']} cores; load average "
              f"{figures['load_before'][0]:.1f} before, {figures['load_after'][0]:.1f} after"),
             (f"reading every response payload: warcio {warcio['mb_per_second']} MB/s"
              + (f", FastWARC {fast['mb_per_second']} MB/s "
                 f"({fast['mb_per_second'] / warcio['mb_per_second']:.1f}x)" if fast else
                 ", FastWARC not installed")
              + f"; warcio's read is {warcio['seconds'] / one['seconds']:.1%} of a 1-worker "
                "ingest")]
    for run in (one, two):
        machine = run["machine"]
        lines.append(
            f"ingest on {run['workers']} worker(s): {run['pages']:,} pages in {run['seconds']} s"
            f" = {run['pages_per_second']:,} pages/s; worker peak "
            f"{', '.join(str(mb) for mb in run['worker_peak_mb'])} MB, client (scheduler and "
            f"writer) {run['client_peak_mb']} MB; machine busy {machine['busy_cores']} cores "
            f"(ours {machine['our_cores']}, others {machine['other_cores']}); "
            f"{run['pages'] / (run['seconds'] * machine['our_cores']):,.0f} pages per CPU "
            "second of all our processes")
    lines.append(f"scaling efficiency, 2 workers against 2x one: {figures['efficiency']:.2f}")
    ratio = writer["pages_per_second"] / one["pages_per_second"]
    lines.append(f"writer alone: {writer['pages']:,} pages in {writer['seconds']} s = "
                 f"{writer['pages_per_second']:,} pages/s = {ratio:.1f}x one worker; "
                 f"{writer['pages_per_cpu_second']:,} pages per CPU second")
    for name, key in (("these pages", "extract_bench_pages"), ("real pages", "extract_real_pages")):
        rate = figures.get(key)
        if rate:
            lines.append(f"extraction alone, {name} ({rate['pages']}, {rate['mean_kb']} KB "
                         f"mean): {rate['pages_per_cpu_second']} pages per CPU second; the "
                         "writer (per CPU second) keeps up with "
                         f"{writer['pages_per_cpu_second'] / rate['pages_per_cpu_second']:.0f} "
                         "such cores")
    export = figures["parquet"]
    lines.append(f"parquet export: {export['seconds']} s, peak {export['peak_mb']} MB, "
                 f"{export['mb_on_disk']} MB of files for a {export['sqlite_mb']} MB database; "
                 f"an aggregate query: SQLite {export['query_sqlite_ms']} ms, DuckDB on Parquet "
                 f"{export.get('query_duckdb_ms', '-')} ms")
    return lines
