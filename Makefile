# The two commands of the quick start are `make build` and `make test`; each creates .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: build test lint lock clean bench release serve corpus gold-asks corpus-asks

build: $(INSTALLED)  ## parse data/sources, validate, publish data/*.csv and datapackage.json
	$(BIN)/undocs build

test: $(INSTALLED)  ## the test suite (doctests included; the R and LibreOffice checks run when Rscript/soffice are installed)
	$(BIN)/python -m pytest

bench: $(INSTALLED)  ## convert 250 and 1,000 real resolutions (../shared/akn) cold; speed, memory, ratio to frictionless validate, incremental; PDF ms/page
	$(BIN)/python scripts/bench.py

gold-asks: $(INSTALLED)  ## asks read against ../shared/gold/asks: precision and recall per document
	cd tests && ../$(BIN)/python gold_asks.py

corpus-asks: $(INSTALLED)  ## the ask and figure analysers over every resolution of ../shared/akn: failures and rows
	cd tests && ../$(BIN)/python corpus_asks.py

release: build  ## the downloads in build/: json/<document_id>.json, <package>.xlsx, .sqlite, parquet/<table>.parquet, .zip, each checked
	$(BIN)/undocs release

serve: release  ## Datasette on build/<package>.sqlite at http://127.0.0.1:8001/ (Ctrl-C stops)
	$(BIN)/undocs serve

lint: $(INSTALLED)  ## ruff, as CI runs it
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

lock: $(INSTALLED)  ## re-pin requirements.lock from the current environment
	$(BIN)/pip freeze --exclude-editable | grep -v '^undocs' > requirements.lock.new && mv requirements.lock.new requirements.lock

$(INSTALLED): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(INSTALLED)

clean:  ## remove the environment and build outputs (not the published data)
	rm -rf $(VENV) build

corpus: $(INSTALLED)  ## every AKN resolution in ../shared/akn: XML converted, printed as text in two forms, parsed, compared (failures in build/corpus-failures.tsv)
	$(BIN)/python scripts/corpus.py --packages
