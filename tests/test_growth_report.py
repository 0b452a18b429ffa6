"""The growth report's arithmetic: best of repeated runs and the fitted exponent."""

from __future__ import annotations

from benchmarks.growth import best_of, exponent


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
