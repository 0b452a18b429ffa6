# Every target works from a fresh clone: the first one that needs the virtualenv builds it.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BENCH  ?= ../shared/bench
BENCH_ARGS ?=
GROWTH_ARGS ?=

LOCK   := requirements.lock
UV     := $(VENV)/lock-tools/bin/uv
UV_VERSION := 0.13.8

.PHONY: setup run test bench bench-fast bench-growth fixtures-report bench-store bench-pipeline bench-ingest \
        lint clean lock lock-upgrade

setup: $(VENV)/.installed

# The exact, hash-checked versions of requirements.lock, then the project itself (no resolving).
$(VENV)/.installed: pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "scraper needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

# requirements.lock from pyproject.toml's ranges (runtime and every extra), for every
# platform and Python >= 3.11, with hashes. `make lock` keeps the versions already pinned and adds
# what is new (after adding a dependency); `make lock-upgrade` moves everything to the newest
# release its range allows. Commit pyproject.toml and requirements.lock together.
LOCK_COMPILE = $(UV) pip compile pyproject.toml --all-extras --universal \
	--python-version 3.11 --generate-hashes --quiet --custom-compile-command "make lock" -o $(LOCK)

lock: $(UV)
	$(LOCK_COMPILE)

lock-upgrade: $(UV)
	$(LOCK_COMPILE) --upgrade

$(UV):
	$(PYTHON) -m venv $(VENV)/lock-tools
	$(VENV)/lock-tools/bin/python -m pip install --quiet "uv==$(UV_VERSION)"

run: setup
	$(VENV)/bin/scraper demo

test: setup
	$(PY) -m pytest -q

# Every field over the real-web development sets (wcxb-dev articles, fundus-dev, AEB), ours and
# trafilatura timed in one process; the CLI's start-up time; the growth report (synthetic page
# shapes against n); then every field over our fixtures
# (which runs even when the data folder is missing; the exit status is the first failure's).
# benchmarks/README.md explains.
bench: setup
	$(PY) -m benchmarks.realweb --data $(BENCH) $(BENCH_ARGS); status=$$?; \
	$(PY) -m benchmarks.startup; \
	$(PY) -m benchmarks.growth --out benchmarks/results/growth.json; \
	$(PY) -m benchmarks.fixtures_report && exit $$status

# Time and peak memory of one extraction against n for each synthetic page shape, doubling n.
bench-growth: setup
	$(PY) -m benchmarks.growth $(GROWTH_ARGS)

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
