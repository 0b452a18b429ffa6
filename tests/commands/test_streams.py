"""Output files are replaced only by complete output."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scraper.commands.streams import output_file


def test_a_complete_write_replaces_the_file_keeping_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "export.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    with output_file(str(target)) as out:
        out.write("new\n")
        assert target.read_text() == "old\n"  # not yet: the text goes to a file beside it
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["export.jsonl"]


@pytest.mark.parametrize("interruption", [RuntimeError("database went away"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_the_old_file_and_no_debris(
        tmp_path: Path, interruption: BaseException) -> None:
    target = tmp_path / "export.jsonl"
    target.write_text("yesterday's complete export\n")
    with pytest.raises(type(interruption)), output_file(str(target)) as out:
        out.write("half of today's")
        raise interruption
    assert target.read_text() == "yesterday's complete export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.jsonl"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        with output_file(str(tmp_path / "new.csv")) as out:
            out.write("a,b\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644
