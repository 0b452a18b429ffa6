"""Planning WARC files written by warcio: compression, chunks at record boundaries, damage."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from scraper.ingest.warcs import RecordWalker, is_html_page, opened_at, plan_file

from .warc_samples import WarcFile, fixture_samples


def write(path: Path, pages: int, gzip_records: bool) -> Path:
    warc = WarcFile(path, gzip_records=gzip_records)
    for sample in fixture_samples()[:pages]:
        warc.response(sample.url, sample.html)
    warc.response("https://example.org/gone/", b"<html><p>gone</p></html>", status="404 Not Found")
    warc.revisit(fixture_samples()[0].url)
    warc.close()
    return path


def urls_in(path: Path, compression: str, start: int, end: int) -> list[str]:
    """The HTML pages whose records start in [start, end), read from `start`."""
    with opened_at(path, compression, start) as stream:
        return [record.rec_headers.get_header("WARC-Target-URI")
                for _, record in RecordWalker(stream, start, stop=end) if is_html_page(record)]


@pytest.fixture(params=["record", "none", "stream"])
def warc(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    if request.param == "stream":
        plain = write(tmp_path / "s.warc", 7, gzip_records=False)
        path = tmp_path / "s.warc.gz"
        path.write_bytes(gzip.compress(plain.read_bytes()))
        return path, "stream"
    path = write(tmp_path / ("r.warc.gz" if request.param == "record" else "n.warc"), 7,
                 gzip_records=request.param == "record")
    return path, request.param


def test_chunks_cover_every_page_once_at_record_boundaries(warc: tuple[Path, str]) -> None:
    path, compression = warc
    plan = plan_file(path, chunk_pages=3 if compression != "stream" else 1)
    assert plan.compression == compression
    assert plan.damage is None
    assert plan.pages == 7
    assert plan.records == 1 + 3 * 8 + 1  # warcinfo; request, response, metadata; revisit
    assert [pages for _, _, pages in plan.chunks] == ([3, 3, 1] if compression != "stream"
                                                      else [7])
    found = [url for start, end, _ in plan.chunks for url in urls_in(path, compression, start, end)]
    assert found == [sample.url for sample in fixture_samples()[:7]]
    ends = [end for _, end, _ in plan.chunks]
    assert [start for start, _, _ in plan.chunks][1:] == ends[:-1]


@pytest.mark.parametrize("gzip_records", [True, False])
def test_a_cut_off_last_record_is_left_out_and_said(tmp_path: Path, gzip_records: bool) -> None:
    path = write(tmp_path / ("cut.warc.gz" if gzip_records else "cut.warc"), 5, gzip_records)
    compression = "record" if gzip_records else "none"
    with opened_at(path, compression, 0) as stream:
        last = [offset for offset, record in RecordWalker(stream, 0) if is_html_page(record)][-1]
    path.write_bytes(path.read_bytes()[:last + 900])  # inside the last page's response
    plan = plan_file(path, chunk_pages=2)
    assert plan.pages == 4
    assert plan.planned_end == last
    assert plan.damage is not None and str(last) in plan.damage
    assert [url for start, end, _ in plan.chunks for url in urls_in(path, compression, start, end)] \
        == [sample.url for sample in fixture_samples()[:4]]


def test_a_grown_file_is_planned_on_from_where_it_stopped(tmp_path: Path) -> None:
    full = write(tmp_path / "full.warc", 6, gzip_records=False)
    whole = full.read_bytes()
    grown = tmp_path / "grown.warc"
    grown.write_bytes(whole[:len(whole) // 2])
    first = plan_file(grown, chunk_pages=2)
    shutil.copy(full, grown)
    rest = plan_file(grown, start=first.planned_end, chunk_pages=2)
    starts = [start for start, _, _ in first.chunks + rest.chunks]
    found = [url for start, end, _ in first.chunks + rest.chunks
             for url in urls_in(grown, "none", start, end)]
    assert found == [sample.url for sample in fixture_samples()[:6]]
    assert starts == sorted(set(starts))


def test_something_that_is_not_a_warc_file_plans_to_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("WARC notes, not a WARC file\n" * 20)
    plan = plan_file(path)
    assert (plan.records, plan.chunks) == (0, ())
    assert plan.damage is not None
