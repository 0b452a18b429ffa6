"""Fixtures for the fetcher tests: a loopback server with three hosts and a recording archive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from scraper.config import Settings

from .faulty_server import FaultyServer


class RecordingArchive:
    """An ArchiveWriter that keeps each exchange in memory and numbers the offsets."""

    def __init__(self) -> None:
        self.exchanges: list[dict[str, Any]] = []

    def write_exchange(self, **exchange: Any) -> tuple[str, int]:
        """Record the exchange; the offset is its position times 1000."""
        self.exchanges.append(exchange)
        return "run.warc.gz", 1000 * (len(self.exchanges) - 1)

    def urls(self) -> list[str]:
        """Return the url of every archived exchange, in order."""
        return [exchange["url"] for exchange in self.exchanges]


@pytest.fixture
def server() -> Iterator[FaultyServer]:
    """Three loopback hosts, stopped after the test."""
    with FaultyServer(hosts=3) as running:
        yield running


@pytest.fixture
def archive() -> RecordingArchive:
    """A fresh in-memory archive."""
    return RecordingArchive()


def loopback_settings(**overrides: Any) -> Settings:
    """Settings for loopback tests: private addresses allowed, no pauses, quick retries."""
    base: dict[str, Any] = {"allow_private": True, "delay": 0.0, "backoff": 0.0, "retries": 2,
                            "timeout": 5.0, "contact_url": "https://example.org/contact"}
    base.update(overrides)
    return Settings(**base)
