"""The retry policy: Retry-After parsing, exponential backoff with jitter, what is retried."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from scraper.fetch.retry import MAX_BACKOFF, RetryPolicy, is_retryable_status, parse_retry_after

NOW = datetime(2024, 7, 12, 8, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("value, seconds", [
    ("120", 120.0), (" 5 ", 5.0), ("0", 0.0), ("1.5", 1.5), ("-3", 0.0),
    ("Fri, 12 Jul 2024 08:00:30 GMT", 30.0),
    ("Fri, 12 Jul 2024 09:00:00 GMT", 3600.0),
    ("Fri, 12 Jul 2024 07:00:00 GMT", 0.0),   # a date in the past: retry now
    ("soon", None), ("", None), (None, None),
])
def test_retry_after_in_seconds_or_as_a_date(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == seconds


def test_backoff_doubles_with_jitter_between_half_and_full() -> None:
    policy = RetryPolicy(retries=5, backoff=2.0, max_retry_after=120, rng=random.Random(7))
    for attempt, full in [(2, 2.0), (3, 4.0), (4, 8.0), (5, 16.0)]:
        waits = [policy.wait_before(attempt) for _ in range(50)]
        assert all(full / 2 <= wait <= full for wait in waits)
        assert len(set(waits)) > 1  # jittered, not all the same


def test_backoff_is_capped() -> None:
    policy = RetryPolicy(retries=30, backoff=10.0, max_retry_after=120)
    assert policy.wait_before(20) <= MAX_BACKOFF


def test_a_longer_retry_after_replaces_the_backoff() -> None:
    policy = RetryPolicy(retries=3, backoff=1.0, max_retry_after=120, rng=random.Random(1))
    assert policy.wait_before(2, retry_after=30.0) == 30.0
    assert policy.wait_before(2, retry_after=0.0) <= 1.0


def test_zero_backoff_means_no_wait() -> None:
    assert RetryPolicy(retries=3, backoff=0.0, max_retry_after=10).wait_before(4) == 0.0


def test_attempts_and_the_retry_after_cap() -> None:
    policy = RetryPolicy(retries=3, backoff=1.0, max_retry_after=60)
    assert policy.max_attempts == 4
    assert RetryPolicy(retries=0, backoff=1.0, max_retry_after=60).max_attempts == 1
    assert policy.retry_after_too_long(61) and not policy.retry_after_too_long(60)
    assert not policy.retry_after_too_long(None)


@pytest.mark.parametrize("status, retried", [
    (429, True), (500, True), (502, True), (503, True), (504, True), (408, True),
    (400, False), (401, False), (403, False), (404, False), (410, False), (501, False),
])
def test_which_statuses_are_retried(status: int, retried: bool) -> None:
    assert is_retryable_status(status) is retried
