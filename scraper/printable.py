"""Text a terminal shows as text: page and database content stripped of control characters.

Pages are written by strangers, and what they write ends up in headlines, bodies, error
reasons and URLs. Printed raw, an escape sequence in a headline could recolour, clear or
retitle the user's terminal, rewrite earlier lines with carriage returns, or reorder text with
bidirectional overrides. Every command that prints such text passes it through `printable`.
"""

from __future__ import annotations

import re

# Whole escape sequences first (CSI "ESC [ ... final", OSC "ESC ] ... BEL or ESC \\", and the
# two-character ones), so no "[31m" debris is left; then any remaining control character:
# C0 except tab and newline, DEL, C1, and the bidirectional embeddings, overrides and isolates.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Return the text without escape sequences or control characters (tab and newline kept)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def printable_line(text: str) -> str:
    """Return the text as one printable line: every run of whitespace becomes one space."""
    return " ".join(printable(text).split())
