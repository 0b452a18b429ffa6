"""Batched saving: full batches and old batches flush, a refused batch falls back to one by one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scraper.errors import StoreError
from scraper.models import Article
from scraper.saver import BatchedSaver
from scraper.store import FrontierEntry, SaveResult, Store


def article(n: int) -> Article:
    return Article(url=f"https://x.example/{n}", headline=f"Story {n}", body=f"Text of story {n}.")


def entry(n: int) -> FrontierEntry:
    return FrontierEntry(f"https://x.example/{n}", "x")


def test_real_store_saves_in_batches_and_marks_rows_done(tmp_path: Path) -> None:
    saved: list[str] = []
    with Store.open(tmp_path / "a.db") as store:
        store.enqueue([entry(n) for n in range(5)])
        saver = BatchedSaver(store, on_saved=lambda e, a, r: saved.append(r.outcome),
                             on_failed=lambda e, reason: None, batch_size=3, max_wait=60)
        for n in range(5):
            saver.add(entry(n), article(n), fetch_id=None)  # type: ignore[arg-type]
        assert saved == ["new"] * 3 and len(saver) == 2 and saver.holds("https://x.example/4")
        assert {e.url for e in store.pending(10)} == {"https://x.example/3", "https://x.example/4"}
        saver.flush()
        assert saved == ["new"] * 5 and not saver.holds("https://x.example/4")
        assert store.pending(10) == []


def test_an_old_batch_flushes_on_the_next_article() -> None:
    now = [0.0]
    store = FakeStore()
    saver = BatchedSaver(store, on_saved=lambda *a: None, on_failed=lambda *a: None,  # type: ignore[arg-type]
                         batch_size=100, max_wait=2.0, clock=lambda: now[0])
    saver.add(entry(1), article(1), 1)
    now[0] = 2.5
    saver.add(entry(2), article(2), 2)
    assert store.saved == ["https://x.example/1", "https://x.example/2"] and len(saver) == 0


def test_a_refused_batch_is_saved_one_by_one_and_only_the_bad_article_fails() -> None:
    store = FakeStore(refuse="https://x.example/2")
    failed: list[tuple[str, str]] = []
    saver = BatchedSaver(store, on_saved=lambda *a: None,  # type: ignore[arg-type]
                         on_failed=lambda e, reason: failed.append((e.url, reason)), batch_size=3)
    for n in range(3):
        saver.add(entry(n), article(n), n)
    assert store.saved == ["https://x.example/0", "https://x.example/1"]
    assert failed == [("https://x.example/2", "cannot store: disk says no")]
    assert store.marks["https://x.example/2"] == "failed"


class FakeStore:
    """Records saves; refuses one URL, rolling back the transaction it is in."""

    def __init__(self, refuse: str | None = None) -> None:
        self.refuse = refuse
        self.saved: list[str] = []
        self.marks: dict[str, str] = {}

    @contextmanager
    def batch(self) -> Iterator[None]:
        before = (list(self.saved), dict(self.marks))
        try:
            yield
        except StoreError:
            self.saved, self.marks = before
            raise

    def save_article(self, article: Article, *, site: str | None, fetch_id: int | None,
                     seen_at: str) -> SaveResult:
        if article.url == self.refuse:
            raise StoreError("disk says no", article.url)
        self.saved.append(article.url)
        return SaveResult(len(self.saved), "new")

    def mark(self, url: str, state: str, error: str | None = None) -> None:
        self.marks[url] = state
