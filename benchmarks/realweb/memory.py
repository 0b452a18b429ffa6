"""Peak memory of one side over a corpus, each in a fresh child process (VmHWM)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The child imports neither side before the baseline: corpora.py imports nothing heavy.
_CHILD = """
import resource, sys
from pathlib import Path
from benchmarks.realweb import corpora, extractors
def peak_kb():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
extract = {'ours': extractors.ours, 'traf': extractors.trafilatura_text}[sys.argv[3]]
pages = corpora.load(Path(sys.argv[1]), sys.argv[2])[:int(sys.argv[4]) or None]
extract(pages[0].html(), pages[0].url)
base = peak_kb()
for page in pages:
    extract(page.html(), page.url)
print(peak_kb(), base)
"""


def peak_memory_mb(data: Path, corpus: str, side: str, limit: int | None) -> tuple[float, float]:
    """(peak RSS, growth above the RSS after one warm-up page) in MB, for 'ours' or 'traf'."""
    result = subprocess.run([sys.executable, "-c", _CHILD, str(data), corpus, side,
                             str(limit or 0)], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    peak, base = (int(value) / 1024 for value in result.stdout.split()[-2:])
    return peak, peak - base
