# Two commands for people (README): `make demo` and `make test`. Both create or update .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: install manifest browser demo test lint dagster bench docs

$(STAMP): pyproject.toml requirements.lock setup.py ingest/iwmo/_snel.c
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)
	@mkdir -p $(DAGSTER_HOME)

# dagster-dbt reads dbt's manifest at import time; it is built here, in CI and by `wmo-monitor run`.
manifest: install
	$(BIN)/python -c "from pipelines.dbt_setup import ensure_manifest; ensure_manifest(force=True)"

# Debian chromium for the real-browser tests (Playwright cannot download its own browser here).
browser:
	@bash scripts/install-browser.sh

demo: install manifest
	$(BIN)/wmo-monitor demo

test: install manifest browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

dagster: install manifest
	cp -n dagster.yaml $(DAGSTER_HOME)/dagster.yaml || true
	$(BIN)/dagster dev -w workspace.yaml

bench: install manifest
	$(BIN)/wmo-monitor bench

# dbt's documentation site as one self-contained file: dbt_project/target/static_index.html
docs: install manifest
	cd dbt_project && WMO_WORK_DB=$${WMO_WORK_DB:-../data/demo/warehouse.work.duckdb} ../$(BIN)/dbt docs generate --static --profiles-dir .
