# The two commands of the quick start are `make build` and `make test`; each creates .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: build test lint lock clean bench release

build: $(INSTALLED)  ## parse data/sources, validate, publish data/*.csv and datapackage.json
	$(BIN)/undocs build

test: $(INSTALLED)  ## the test suite (doctests included; the R and LibreOffice checks run when Rscript/soffice are installed)
	$(BIN)/python -m pytest

bench: $(INSTALLED)  ## convert 250 and 1,000 real resolutions (../shared/akn) cold; speed, memory, ratio to frictionless validate, incremental; PDF ms/page
	$(BIN)/python scripts/bench.py

release: build  ## the downloads in build/: json/<document_id>.json, <package>.xlsx, <package>.zip, each checked
	$(BIN)/undocs release

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
