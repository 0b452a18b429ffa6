# Every target works from a fresh clone: the first one that needs the virtualenv builds it.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BENCH  ?= ../shared/bench/aeb

.PHONY: setup run test bench fixtures-report bench-store bench-pipeline lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "scraper needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,datasette]'
	@touch $@

run: setup
	$(VENV)/bin/scraper demo

test: setup
	$(PY) -m pytest -q

# Extraction against trafilatura on the benchmark corpus, then every field over our fixtures.
bench: setup
	$(PY) -m benchmarks.extraction --data $(BENCH)
	$(PY) -m benchmarks.fixtures_report

fixtures-report: setup
	$(PY) -m benchmarks.fixtures_report

bench-store: setup
	$(PY) -m benchmarks.store_bench

bench-pipeline: setup
	$(PY) -m benchmarks.pipeline_bench --workers 2

lint: setup
	$(PY) -m pip install --quiet ruff
	$(VENV)/bin/ruff check scraper tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
