# Tend: `make run` serves the app on http://127.0.0.1:8000; `make test` runs every check CI runs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PY_STAMP := $(VENV)/.installed
NPM_STAMP := frontend/node_modules/.installed
SPA_INDEX := frontend/dist/index.html
SPA_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig.json -type f 2>/dev/null)
TEST_DATABASE_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/tend_test
TEST_REDIS ?= redis://127.0.0.1:6379

.PHONY: help run serve install test checks lint lint-python lint-frontend typecheck typecheck-frontend test-frontend \
        test-sqlite test-sqlite-api test-sqlite-rest test-postgres test-postgres-api test-postgres-rest test-e2e bench \
        openapi check-openapi services chromium clean

help:
	@echo "make run    install what is missing, build the web app, migrate, load demo data, serve on $(HOST):$(PORT)"
	@echo "make test   lint, types, unit + API tests on SQLite and on PostgreSQL + Redis, browser tests"
	@echo "make openapi  regenerate openapi/openapi.json and the SPA's generated types"

$(PY_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Tend needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip setuptools wheel
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

$(NPM_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(SPA_INDEX): $(NPM_STAMP) $(SPA_SOURCES)
	cd frontend && npm run --silent build

install: $(PY_STAMP) $(NPM_STAMP)

run: $(PY_STAMP) $(SPA_INDEX)
	$(BIN)/tend migrate
	$(BIN)/tend seed-demo
	@echo "Tend is starting on http://$(HOST):$(PORT)  (Ctrl+C to stop)"
	$(BIN)/tend serve --host $(HOST) --port $(PORT)

serve: run

# ---- checks ---------------------------------------------------------------------------------------------------

# The checks run side by side, longest first, TEST_JOBS at a time (the browser tests mostly wait on the browser,
# so three keep two cores busy; more only share the same cores). Each check's output is printed whole when it
# ends, so the log reads in order.
TEST_JOBS ?= 3

test:
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target checks
	@echo "make test: every check passed."

checks: test-e2e test-sqlite-api test-postgres-api test-postgres-rest test-frontend test-sqlite-rest typecheck \
        lint-python lint-frontend typecheck-frontend

lint: lint-python lint-frontend

lint-python: $(PY_STAMP)
	$(BIN)/ruff check src tests migrations bench
	$(BIN)/ruff format --check src tests migrations bench
	$(BIN)/lint-imports

lint-frontend: $(NPM_STAMP)
	cd frontend && npm run --silent lint

typecheck: $(PY_STAMP)
	@mkdir -p .mypy-shim && ln -sfn ../src .mypy-shim/tend
	MYPYPATH=.mypy-shim $(BIN)/mypy -p tend

typecheck-frontend: $(NPM_STAMP)
	cd frontend && npm run --silent typecheck

test-frontend: $(NPM_STAMP)
	cd frontend && npm run --silent check:api
	cd frontend && npm test --silent

# Each database pass is two halves that run side by side: the API tests, and the rest (the property-based ledger
# machines, the CLI's demo seed, jobs, migrations). Every test is in exactly one half (tests/api, or anything
# else); each half has its own database (SQLite file; PostgreSQL database and Redis database).
PYTEST_api := tests/api
PYTEST_rest := tests --ignore=tests/api
REDIS_DB_api := 14
REDIS_DB_rest := 15

test-sqlite: test-sqlite-api test-sqlite-rest

test-postgres: test-postgres-api test-postgres-rest

test-sqlite-api test-sqlite-rest: test-sqlite-%: $(PY_STAMP)
	TEND_TEST_DB=sqlite scripts/run-pytest "SQLite ($*)" $(BIN)/pytest -q $(PYTEST_$*)

test-postgres-api test-postgres-rest: test-postgres-%: $(PY_STAMP) services
	TEND_TEST_DB=postgres TEND_TEST_DATABASE_URL=$(TEST_DATABASE_URL)_$* \
		TEND_TEST_REDIS_URL=$(TEST_REDIS)/$(REDIS_DB_$*) \
		scripts/run-pytest "PostgreSQL + Redis ($*)" $(BIN)/pytest -q $(PYTEST_$*)

test-e2e: $(PY_STAMP) $(SPA_INDEX) chromium
	cd frontend && npm run --silent test:e2e

openapi: $(PY_STAMP) $(NPM_STAMP)
	$(BIN)/tend export-openapi
	cd frontend && npm run --silent gen:api

check-openapi: $(PY_STAMP) $(NPM_STAMP)
	$(BIN)/pytest -q tests/api/test_openapi.py
	cd frontend && npm run --silent check:api

services:
	@scripts/ensure-services

chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "Installing Chromium (Debian package) for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf frontend/dist frontend/test-results .mypy-shim .pytest_cache .ruff_cache .mypy_cache

bench: $(PY_STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/calendar_window.py
	$(BIN)/python bench/ledger.py
