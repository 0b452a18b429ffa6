"""Where command output goes: a standard output the reader may close early (`| head`), and
files that are replaced only by complete output."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click


def silence_stdout() -> None:
    """Point standard output at /dev/null, so nothing more (not even the exit flush) fails.

    Called when the reader of our output went away: `scraper export | head` is a normal end.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # not a real file (tests): swap the object
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives to exit
    finally:
        os.close(devnull)


def flush_stdout() -> None:
    """Flush standard output; when its reader has gone, silence it instead of failing."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


@contextmanager
def reader_may_leave() -> Iterator[None]:
    """Treat standard output's reader going away as a normal end of the command (exit 0)."""
    try:
        yield
    except BrokenPipeError:
        silence_stdout()
        raise click.exceptions.Exit(0) from None
    finally:
        flush_stdout()


@contextmanager
def output_file(name: str) -> Iterator[TextIO]:
    """Standard output for "-"; else a file that appears, complete, only when all went well.

    The text goes to a temporary file beside the target, renamed over it at the end; on any
    error (or Ctrl+C) the temporary file is removed and an existing target is left as it was.
    """
    if name == "-":
        yield sys.stdout
        return
    import tempfile  # only for a file: `scraper extract` never needs it

    target = Path(name)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, in every case
            "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.",
            suffix=".part", delete=False)
    except OSError as error:
        raise click.UsageError(f"cannot write {name}: {error.strerror or error}") from error
    try:
        with handle:
            yield handle
        os.chmod(handle.name, _mode_for(target))
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, or those a new file would get."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
