"""The files of an ingest: WARC_OR_GLOB arguments made into files, each with what the ledger
already knows of it (its plan, the chunks stored under these filters)."""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ..errors import ConfigError
from ..store.ingest_ledger import DONE, FileRecord, chunk_states, find_file, save_file
from .warcs import head_digest

WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass
class InputFile:
    """One WARC file of the run and where its work stands."""

    index: int
    path: str                   # absolute
    size: int
    head: str
    record: FileRecord | None   # the ledger's row, when the file was seen before
    chunks: tuple[tuple[int, int, int], ...] = ()
    compression: str | None = None
    plan_from: int | None = 0   # offset to plan from; None when the plan is known
    done: set[int] = field(default_factory=set)  # chunk positions stored under these filters
    error: str | None = None    # the file cannot be ingested (this run)
    damage: str | None = None   # what reading found unreadable at its end
    file_id: int = 0            # its ledger row, once it has one
    planned_now: bool = False   # planned (or extended) by this run

    @property
    def planned(self) -> bool:
        """True once the chunks are known (or the file failed)."""
        return self.plan_from is None or self.error is not None

    def share(self, start: int, end: int) -> float:
        """Return the part of the file's bytes a chunk stands for (for progress and ETA)."""
        total = self.chunks[-1][1] - self.chunks[0][0] if self.chunks else 0
        return self.size * (end - start) / total if total > 0 else 0.0


def resolve_inputs(arguments: tuple[str, ...]) -> list[Path]:
    """Expand files, globs and folders (their *.warc and *.warc.gz) in order, without repeats."""
    paths: dict[Path, None] = {}
    for argument in arguments:
        path = Path(argument).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.name.endswith(WARC_SUFFIXES))
        elif path.is_file():
            found = [path]
        else:
            found = sorted(Path(p) for p in glob.glob(str(path), recursive=True) if Path(p).is_file())
        if not found:
            raise ConfigError(f"no WARC file at {argument}")
        paths.update(dict.fromkeys(p.resolve() for p in found))
    return list(paths)


def load_inputs(db: Database, paths: list[Path], filters_key: str) -> list[InputFile]:
    """Stat each file and match it with the ledger (known plan, grown file, replaced file);
    a file seen for the first time is recorded at once, so rows follow the input order."""
    files = []
    for index, path in enumerate(paths):
        try:
            size, head = path.stat().st_size, head_digest(path)
        except OSError as error:
            files.append(InputFile(index, str(path), 0, "", None, error=f"cannot read: {error}"))
            continue
        record = find_file(db, str(path))
        item = InputFile(index, str(path), size, head, record)
        if record is None:
            item.file_id = save_file(db, {"path": item.path, "size": size, "head_digest": head})
        elif record.error is None and record.planned_at is not None:
            _match_record(item, record, filters_key, db)
        else:
            item.file_id = record.id
        files.append(item)
    return files


def _match_record(item: InputFile, record: FileRecord, filters_key: str, db: Database) -> None:
    """Reuse a known plan, extend it for a file that grew, or refuse a file that was replaced."""
    if record.head_digest != item.head or item.size < record.size:
        item.error = (f"changed since it was planned (size {record.size} -> {item.size}, "
                      "other first bytes)" if record.head_digest != item.head else
                      f"shrank since it was planned (size {record.size} -> {item.size})")
        return
    item.chunks, item.compression = record.chunks, record.compression
    item.damage, item.file_id = record.damage, record.id
    item.plan_from = record.planned_end if item.size > record.size else None
    states = chunk_states(db, record.id, filters_key)
    item.done = {position for position, state in states.items() if state == DONE}
