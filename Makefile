# Every target creates .venv on first use, so `make run` and `make test` work on a
# fresh machine with only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run demo test lint screenshots bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## open the app on your own data (ARGS="--db PATH" to choose the file)
	$(BIN)/bounceback $(ARGS)

demo: $(STAMP)  ## open the app on a throwaway copy of the sample data
	$(BIN)/bounceback --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# A process per core (pytest-xdist): most tests wait on an app, so two halve the time.
# PYTEST_ARGS="-n0" runs them in this one process, as a single file runs fastest.
PYTEST_ARGS ?= -n auto

test: lint  ## the whole suite: lint, types, layer contracts, pytest
	$(BIN)/pytest $(PYTEST_ARGS)

bench: $(STAMP)  ## benchmarks at 10,000 / 17,000 (1,000 applications) / 50,000 records, and the targets; also written to bench.json
	$(BIN)/python scripts/bench.py --json bench.json $(ARGS)

screenshots: $(STAMP)  ## redraw screenshots/*.svg from the sample data (and browser.png, where Chromium is)
	$(BIN)/python scripts/screenshots.py
	$(BIN)/python scripts/browser_screenshot.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist *.egg-info
