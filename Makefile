# Two commands on a fresh machine: `make demo` and `make test`.
# Each creates .venv in the checkout, installs the pinned dependencies
# (constraints.txt holds the tested versions) and Chromium from apt when missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test test-fast test-slow bench chromium venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml setup.py constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 'setuptools<81' wheel
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Playwright drives the system Chromium; `playwright install` is never used.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install -y chromium' (browser tests will be skipped)"; fi; \
	fi

demo: $(STAMP) chromium
	$(VENV)/bin/street2shop demo --store demo-store

# Everything, slow checks included (CI runs this), on worker processes (pytest-xdist) a test file
# at a time, so a file's module fixtures (the demo, a crawled catalog) are built once. One
# OpenMP/torch thread per worker: workers that each spin a thread per core crowd the cores
# (docs/architecture.md, "Where speed, not the library, decided").
test: $(STAMP) chromium
	OMP_NUM_THREADS=1 $(PY) -m pytest -q -p no:cacheprovider -n auto --maxprocesses 4 --dist loadfile

# Quick loop while developing: no slow end-to-end checks.
test-fast: $(STAMP) chromium
	$(PY) -m pytest -q -m "not slow"

test-slow: $(STAMP) chromium
	$(PY) -m pytest -q -m slow

# Each benchmark runs the project and its baseline side by side and appends its run to
# docs/benchmark-runs.jsonl; report.py then writes docs/benchmarks.md (about 80 minutes here).
bench: $(STAMP) chromium
	$(PY) tests/benchmarks/bench_real_crawl.py
	$(PY) tests/benchmarks/bench_extract_accuracy.py
	$(PY) tests/benchmarks/bench_ingest.py
	$(PY) tests/benchmarks/bench_encoder.py
	$(PY) tests/benchmarks/bench_catalog_memory.py
	$(PY) tests/benchmarks/bench_search.py
	$(PY) tests/benchmarks/bench_detector.py --iters 3
	$(PY) tests/benchmarks/bench_garments.py
	$(PY) tests/benchmarks/bench_video.py
	$(PY) tests/benchmarks/bench_match_folder.py
	$(PY) tests/benchmarks/bench_dataset.py
	$(PY) tests/benchmarks/report.py

clean:
	rm -rf $(VENV) demo-store .pytest_cache
