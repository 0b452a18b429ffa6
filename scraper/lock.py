"""A run lock: two crawls never write the same database at once."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from pathlib import Path
from types import TracebackType
from typing import Self

from .errors import ConfigError, LockHeldError

# Never follow a symlink at the lock path (a planted link would have us truncate its target),
# and never block opening a FIFO planted there.
_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def lock_path_for(db_path: Path) -> Path:
    """Return `<db>.lock` beside the real database file, whatever symlinks lead to it."""
    real = db_path.resolve()
    return real.with_name(real.name + ".lock")


class RunLock:
    """An exclusive, non-blocking flock on `<db>.lock`; released by the OS if the process dies.

    The lock sits beside the database's real path, so a crawl reaching the same file through
    a symlink sees it too.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    def acquire(self) -> Self:
        """Take the lock or raise LockHeldError naming the holder's pid."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise LockHeldError(f"another run (pid {holder}) holds {self.path}") from error
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def _open(self) -> int:
        """Open the lock file without following a symlink; refuse anything but a plain file."""
        try:
            fd = os.open(self.path, _OPEN_FLAGS, 0o644)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise ConfigError(f"the lock path {self.path} is a symbolic link; remove it "
                                  "(the lock is a plain file beside the database)") from None
            raise ConfigError(f"cannot open the lock file {self.path}: {error.strerror}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise ConfigError(f"the lock path {self.path} is not a regular file; remove it")
        return fd

    def release(self) -> None:
        """Release the lock (the file stays; it is harmless)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
