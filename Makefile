# Two commands for a fresh machine: `make build` and `make test`.
# Both bootstrap their own virtualenv in .venv (re-installed when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: build test check lint typecheck pytest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Regenerate spec/<api>/openapi.yaml from every spec/<api>/sources.
build: $(STAMP)
	$(PY) -m generator build

## Everything CI checks: format, lint, strict typing, tests (warnings are errors).
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(PY) -m ruff format --check generator tests
	$(PY) -m ruff check generator tests

typecheck: $(STAMP)
	$(PY) -m mypy

pytest: $(STAMP)
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
