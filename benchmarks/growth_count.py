"""Instruction counts of one extract() per page size, under valgrind's callgrind.

A count of executed instructions does not move with what else the machine does, so its fitted
exponent is the steady companion of the growth report's CPU times (which move by a third
between identical runs on a shared machine). One process per shape runs under
`valgrind --tool=callgrind --instr-atstart=no`: it imports the extractor and warms it up on a
small page uninstrumented (~15x slower than native), then forks one child per size. The
child builds its page, collects garbage, and counts only the one `extract` call: callgrind's
client requests (zero the counts, start, stop), reached through a tiny C library that is
compiled with `cc` and valgrind's header on first use. Forking keeps every count independent
of the other sizes: each child starts from the same warmed-up state, with the same caches
and hash seed. Counting runs ~50x slower than native. Without valgrind, cc or
<valgrind/callgrind.h> the counts are skipped with a note.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_HELPER_SOURCE = """#include <valgrind/callgrind.h>
void count_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }
void count_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
"""
_TOTALS = re.compile(r"^totals:\s+(\d+)", re.MULTILINE)


def build_helper(directory: Path) -> Path | str:
    """Compile the client-request library into the directory; its path, or why not."""
    if shutil.which("valgrind") is None:
        return "valgrind not found"
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return "no C compiler (cc) found"
    source, library = directory / "count.c", directory / "count.so"
    source.write_text(_HELPER_SOURCE, encoding="ascii")
    done = subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", str(library), str(source)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return "cannot build the callgrind helper: " + done.stderr.strip()[-200:]
    return library


def count_shape(shape: str, sizes: list[int], timeout: float) -> dict[int, dict[str, Any]]:
    """Instructions of one extract() at each size: {n: {"instructions": N} or {"count_error": why}}."""
    with tempfile.TemporaryDirectory(prefix="growth-count-") as folder:
        directory = Path(folder)
        helper = build_helper(directory)
        if isinstance(helper, str):
            return {n: {"count_error": helper} for n in sizes}
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no",
                   f"--callgrind-out-file={directory}/callgrind.%p", sys.executable,
                   "-m", "benchmarks.growth_count", str(helper), shape, *map(str, sizes)]
        env = dict(os.environ, PYTHONHASHSEED="0")
        try:
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env,
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {n: {"count_error": f"counting over {timeout:.0f} s"} for n in sizes}
        children = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        return {n: _read_count(directory, n, children, done.stderr) for n in sizes}


def _read_count(directory: Path, n: int, children: list[dict[str, Any]],
                stderr: str) -> dict[str, Any]:
    """The count the child of size n left in its callgrind file."""
    child = next((item for item in children if item["n"] == n), None)
    if child is None or child["status"] != 0:
        return {"count_error": "count failed: " + (stderr.strip().splitlines() or ["?"])[-1][:120]}
    found = directory / f"callgrind.{child['pid']}"
    match = _TOTALS.search(found.read_text(errors="replace")) if found.exists() else None
    if match is None:
        return {"count_error": "no callgrind totals"}
    return {"instructions": int(match.group(1))}


def serve(helper: str, shape: str, sizes: list[int]) -> None:
    """Under callgrind: warm up once, then count each size in a forked child."""
    from benchmarks.growth import extractor
    from benchmarks.growth_pages import SHAPES

    counter = ctypes.CDLL(helper)
    build = SHAPES[shape].build
    extract = extractor("ours")
    extract(build(8))
    for n in sizes:
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                html = build(n)
                gc.collect()
                counter.count_start()
                extract(html)
                counter.count_stop()
                status = 0
            finally:
                os._exit(status)
        _, waited = os.waitpid(pid, 0)
        print(json.dumps({"n": n, "pid": pid, "status": os.waitstatus_to_exitcode(waited)}),
              flush=True)


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3:]])
