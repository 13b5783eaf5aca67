# DIFE platform — the two commands: `make run` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
UV := $(shell command -v uv 2>/dev/null || echo .local/bin/uv)
PY := .venv/bin/python

.PHONY: run test test-fast bench install lint format e2e-deps clean-db

# uv is bootstrapped with pip when absent (into .local, no system change; works without python3-venv).
.local/bin/uv:
	@command -v uv >/dev/null 2>&1 || { echo "Installation de uv avec pip…"; mkdir -p .local/bin; \
	  python3 -m pip install --quiet --disable-pip-version-check --target .local/uvpkg uv \
	  && ln -sf ../uvpkg/bin/uv .local/bin/uv; }

install: $(if $(findstring .local/bin/uv,$(UV)),.local/bin/uv,)
	@$(UV) sync --frozen --quiet

run: install
	@$(PY) devtools/run.py

# Tests run in parallel (pytest-xdist, one process per core, each with its own test database).
XDIST ?= --numprocesses=auto

test: install e2e-deps
	@$(PY) devtools/pg.py start >/dev/null
	@$(PY) -m pytest -q $(XDIST) $(PYTEST_ARGS)

# The suite without the browser tests (no Chromium needed).
test-fast: install
	@$(PY) devtools/pg.py start >/dev/null
	@$(PY) -m pytest -q $(XDIST) -m "not e2e and not bench" $(PYTEST_ARGS)

bench: install
	@$(PY) devtools/pg.py start >/dev/null
	@$(PY) -m pytest -q -m bench -p no:randomly bench $(PYTEST_ARGS)

e2e-deps:
	@command -v chromium >/dev/null 2>&1 || { echo "Installation de Chromium (paquet Debian)…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
	  || echo "Chromium n'a pas pu être installé : les tests navigateur seront ignorés."; }

lint: install
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .
	@$(PY) -m djlint --check templates dife
	@$(PY) -m mypy
	@$(PY) manage.py makemigrations --check --dry-run

format: install
	@$(PY) -m ruff format .
	@$(PY) -m ruff check --fix .

clean-db:
	@$(PY) devtools/pg.py stop
	rm -rf .local/pgdata .local/pgsock
