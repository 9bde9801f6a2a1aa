# The two commands: `make run` (serve the demo on http://127.0.0.1:8000) and `make test`.
VENV ?= .venv
PYTHON ?= python3
PORT ?= 8000
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint format bench clean

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/aba demo --if-empty
	$(VENV)/bin/aba run --port $(PORT)

test:
	bash scripts/test.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

bench: $(STAMP)
	$(VENV)/bin/python bench/read.py
	$(VENV)/bin/python bench/review.py --sizes 1000,10000
	$(VENV)/bin/python bench/web.py --opportunities 2000

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
