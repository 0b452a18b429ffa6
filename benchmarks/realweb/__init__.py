"""The real-web benchmark: every field, ours beside trafilatura, on wcxb-dev, fundus-dev and AEB.

Run `python -m benchmarks.realweb --help`; benchmarks/README.md explains the daily loop.
"""
