"""Start-up time of the command line: `scraper --help` and `scraper extract PAGE --json`.

    python -m benchmarks.startup [--runs N] [--page FILE]

Each command runs N times as the installed console script, after one untimed warm-up run (so
the OS file cache is warm and the bytecode cached, even where PYTHONDONTWRITEBYTECODE is set); printed: the median wall time and the median CPU time (user + system
of the child) of each, beside the targets of issue 11 (0.2 s and 0.3 s wall). On a shared,
loaded machine wall time includes waiting for a core: the CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGE = ROOT / "tests" / "fixtures" / "pages" / "cms_wp_jannah_en.html"
TARGETS = {"--help": 0.2, "extract --json": 0.3}


def scraper_command() -> list[str]:
    """The console script next to this Python (what users run), or `python -m scraper`."""
    script = Path(sys.executable).parent / "scraper"
    if script.is_file():
        return [str(script)]
    found = shutil.which("scraper")
    return [found] if found else [sys.executable, "-m", "scraper"]


def time_run(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, child CPU seconds) of one run of argv; its output is discarded."""
    # A warm machine has the bytecode cached: let the warm-up run write it, where an
    # environment (like ours) disables that.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(argv: list[str], runs: int) -> tuple[float, float]:
    """Median wall and median CPU seconds over `runs` runs, after one warm-up run."""
    time_run(argv)
    timings = [time_run(argv) for _ in range(runs)]
    return (statistics.median(wall for wall, _ in timings),
            statistics.median(cpu for _, cpu in timings))


def main(argv: list[str] | None = None) -> int:
    """Print the start-up figures of both commands."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command")
    parser.add_argument("--page", type=Path, default=DEFAULT_PAGE, help="the page to extract")
    args = parser.parse_args(argv)
    base = scraper_command()
    commands = {"--help": [*base, "--help"],
                "extract --json": [*base, "extract", str(args.page), "--json"]}
    print(f"\nstart-up ({args.runs} runs each, medians; page {args.page.name}):")
    for name, command in commands.items():
        wall, cpu = measure(command, args.runs)
        print(f"  scraper {name:<15} wall {wall:.3f} s  cpu {cpu:.3f} s  "
              f"(target: under {TARGETS[name]:.1f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
