# fincloud — the two commands a newcomer runs:
#   make demo   set up .venv, write the demo portfolio, print its assessment, write its report package to ./out
#   make test   set up .venv and run every test (LibreOffice and poppler are used when installed), the web
#               tests a second time on PostgreSQL, and the browser tests (Debian chromium)
#   make run    the web workspace with the demo data at http://127.0.0.1:8000 (see docs/web.md)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHECKOV_VENV ?= .venv-checkov

include mk/web.mk

.PHONY: demo test test-fast lint bench bench-assess bench-report bench-contracts bench-evidence \
        eval-contracts checkov-venv clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/fincloud demo --out demo-portfolio.yaml
	$(BIN)/fincloud assess demo-portfolio.yaml
	$(BIN)/fincloud report demo-portfolio.yaml --out out --overwrite

# Checkov runs in its own environment (heavy dependencies) only to compare verdicts with our checks.
$(CHECKOV_VENV)/.installed:
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install --quiet --upgrade pip
	$(CHECKOV_VENV)/bin/pip install --quiet "checkov==3.3.30"
	touch $@

checkov-venv: $(CHECKOV_VENV)/.installed

test: $(STAMP) $(CHECKOV_VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/pytest -n 2 --dist loadfile
	$(MAKE) --no-print-directory test-web-postgres

test-fast: $(STAMP)
	$(BIN)/pytest -n 2 --dist loadfile -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check .

bench: bench-assess bench-report bench-contracts bench-evidence bench-web

bench-assess: $(STAMP)
	$(BIN)/python benchmarks/bench_assess.py

bench-report: $(STAMP)
	$(BIN)/python benchmarks/bench_report.py

bench-contracts: $(STAMP)
	$(BIN)/python benchmarks/bench_contracts.py

bench-evidence: $(STAMP) $(CHECKOV_VENV)/.installed
	$(BIN)/python benchmarks/bench_evidence.py

eval-contracts: $(STAMP)
	$(BIN)/python eval/contracts/run_eval.py

clean:
	rm -rf out build .pytest_cache .ruff_cache demo-portfolio.yaml synthetic-portfolio.*
