"""The home of the hand-annotation scorer (quotes with speakers, authors, image credits).

Hand annotations of real pages will live as files in the repository that name each page by
corpus and id (for example `benchmarks/annotations/fundus/<id>.toml`), never copying its text.
Their scorer goes here: a class following scoring.Scorer whose `applies(page)` is true when an
annotation file exists for (page.corpus, page.page_id) and whose `score(page, record)` compares
our record's `quotes`, `authors` and `images` with it, returning per-page values (for example
`quotes_tp`, `quotes_n`, `speaker_ok`) plus `figures` that aggregate them (kind "ratio" for
micro rates). Add an instance to SCORERS below and `make bench` scores, saves, compares and
ranks its worst pages like every other field. Set `both_sides = False` (trafilatura has no
quotes).
"""

from __future__ import annotations

from benchmarks.realweb.scoring import Scorer

SCORERS: tuple[Scorer, ...] = ()
