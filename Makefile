# Every target works from a fresh clone: the first one that needs the virtualenv builds it.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BENCH  ?= ../shared/bench/aeb

.PHONY: setup run test bench fixtures-report lint clean

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

bench: setup
	$(PY) -m benchmarks.extraction --data $(BENCH)

lint: setup
	$(PY) -m pip install --quiet ruff
	$(VENV)/bin/ruff check scraper tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
