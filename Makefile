# Every target works from a fresh clone: the first one that needs the virtualenv builds it.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BENCH  ?= ../shared/bench
BENCH_ARGS ?=

.PHONY: setup run test bench bench-fast fixtures-report bench-store bench-pipeline bench-ingest lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "scraper needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,datasette,cluster,parquet]'
	@touch $@

run: setup
	$(VENV)/bin/scraper demo

test: setup
	$(PY) -m pytest -q

# Every field over the real-web development sets (wcxb-dev articles, fundus-dev, AEB), ours and
# trafilatura timed in one process; then every field over our fixtures (which runs even when the
# data folder is missing; the exit status is the first failure's). benchmarks/README.md explains.
bench: setup
	$(PY) -m benchmarks.realweb --data $(BENCH) $(BENCH_ARGS); status=$$?; \
	$(PY) -m benchmarks.fixtures_report && exit $$status

# The daily loop: trafilatura from its cache, ours on two processes, no timing (well under a minute).
bench-fast: setup
	$(PY) -m benchmarks.realweb --data $(BENCH) --fast --jobs 2 $(BENCH_ARGS)

fixtures-report: setup
	$(PY) -m benchmarks.fixtures_report

bench-store: setup
	$(PY) -m benchmarks.store_bench

bench-pipeline: setup
	$(PY) -m benchmarks.pipeline_bench --workers 2

# Ingest of 20,000 archived pages on a LocalCluster of 1 and 2 workers, the writer alone,
# reading with warcio and FastWARC (installed here for the comparison only), Parquet export.
bench-ingest: setup
	$(PY) -m pip install --quiet fastwarc
	$(PY) -m benchmarks.ingest_bench --real ../shared/bench/wcxb-dev

lint: setup
	$(PY) -m pip install --quiet ruff
	$(VENV)/bin/ruff check scraper tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
