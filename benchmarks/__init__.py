"""Benchmarks: run with `make bench`; they measure, they never assert."""
