"""The growth report's arithmetic: best of repeated runs, the order of the measurements, the
fitted exponents (of CPU times, single rounds and instruction counts)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.growth import best_of, exponent, round_exponents, schedule
from benchmarks.growth_count import _read_count


def test_best_of_keeps_least_cpu_and_largest_peak() -> None:
    runs = [{"n": 8, "cpu_s": 0.9, "peak_mb": 50.0},
            {"n": 8, "cpu_s": 0.5, "peak_mb": 40.0},
            {"n": 8, "cpu_s": 0.7, "peak_mb": 60.0}]
    best = best_of(runs)
    assert best["cpu_s"] == 0.5
    assert best["peak_mb"] == 60.0
    assert best["runs"] == 3


def test_best_of_reports_a_failed_run() -> None:
    runs = [{"n": 8, "cpu_s": 0.5, "peak_mb": 40.0}, {"n": 8, "timeout": True, "cpu_s": 60.0}]
    assert best_of(runs).get("timeout") is True


def test_exponent_of_linear_and_quadratic_growth() -> None:
    linear = [{"n": n, "cpu_s": 0.001 * n} for n in (100, 200, 400, 800)]
    quadratic = [{"n": n, "cpu_s": 1e-6 * n * n} for n in (100, 200, 400, 800)]
    assert abs(exponent(linear) - 1.0) < 1e-9
    assert abs(exponent(quadratic) - 2.0) < 1e-9


def test_exponent_ignores_failed_points() -> None:
    points = [{"n": 100, "cpu_s": 0.1}, {"n": 200, "cpu_s": 0.2},
              {"n": 400, "timeout": True, "cpu_s": 60.0}]
    assert abs(exponent(points) - 1.0) < 1e-9


def test_schedule_measures_small_sizes_once_and_fitted_sizes_in_alternating_rounds() -> None:
    order = schedule([1, 2, 4, 8, 16], 3)
    assert order == [1, 2, 4, 8, 16, 16, 8, 4, 4, 8, 16]


def test_schedule_measures_at_least_one_round() -> None:
    assert schedule([4, 8, 16], 0) == [4, 8, 16]


def test_exponent_of_instruction_counts() -> None:
    points = [{"n": 100, "cpu_s": 0.5, "instructions": 1000},
              {"n": 200, "cpu_s": 0.1, "instructions": 4000},
              {"n": 400, "cpu_s": 0.2, "instructions": 16000}]
    assert abs(exponent(points, "instructions") - 2.0) < 1e-9


def test_round_exponents_fit_each_round_alone() -> None:
    runs = {n: [{"n": n, "cpu_s": 0.001 * n}, {"n": n, "cpu_s": 1e-6 * n * n}]
            for n in (100, 200, 400)}
    slopes = round_exponents(runs)
    assert [round(slope, 6) for slope in slopes] == [1.0, 2.0]


def test_round_exponents_skip_a_round_with_a_failed_size() -> None:
    runs = {100: [{"n": 100, "cpu_s": 0.1}, {"n": 100, "cpu_s": 0.1}],
            200: [{"n": 200, "cpu_s": 0.2}, {"n": 200, "cpu_s": 0.4}],
            400: [{"n": 400, "timeout": True, "cpu_s": 60.0}, {"n": 400, "cpu_s": 1.6}]}
    assert [round(slope, 6) for slope in round_exponents(runs)] == [2.0]


def test_read_count_takes_callgrind_totals_of_the_sized_child(tmp_path: Path) -> None:
    (tmp_path / "callgrind.42").write_text("events: Ir\nfn=main\n1 5\ntotals: 123456\n")
    children = [{"n": 800, "pid": 41, "status": 0}, {"n": 1600, "pid": 42, "status": 0}]
    assert _read_count(tmp_path, 1600, children, "") == {"instructions": 123456}
    assert "count_error" in _read_count(tmp_path, 800, children, "")


def test_read_count_reports_a_failed_child(tmp_path: Path) -> None:
    children = [{"n": 800, "pid": 41, "status": 1}]
    assert "count_error" in _read_count(tmp_path, 800, children, "MemoryError")
