# Masthead developer commands (`make help` lists them). Everything installs itself into .venv/
# (git-ignored); `make demo` and `make test` are all a fresh machine needs.

SHELL := /bin/bash
export SAM_CLI_TELEMETRY := 0
VENV := .venv
SAM_VENV := $(VENV)/sam
# The Lambda runtime is python3.13: use it when pyenv or the system has it, else any Python >= 3.11.
PYTHON ?= $(shell for p in "PYENV_VERSION=3.13.0 python3.13" python3.13 python3.12 python3.11 python3; do \
	  if env $$p -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1; then echo "env $$p"; break; fi; done)
STAMP := $(VENV)/.installed
SAM_STAMP := $(SAM_VENV)/.installed
SAM := $(SAM_VENV)/bin/sam
# Template linters (cfn-lint with the serverless rules, checkov) pin their own dependencies too.
LINT_VENV := $(VENV)/lint
LINT_STAMP := $(LINT_VENV)/.installed
PIP_FLAGS := --quiet --disable-pip-version-check

.PHONY: help install bytecode demo check test test-unit test-fast coverage bench bench-web bench-up bench-safety bench-fuzz sam-validate sam-build lint-template clean

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: $(STAMP) ## set up .venv with the project and its development tools

$(STAMP): pyproject.toml layers/masthead/requirements.txt
	@test -n "$(PYTHON)" || { echo "No Python >= 3.11 found"; exit 1; }
	@echo "Setting up $(VENV) with $$($(PYTHON) --version)"
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/python -m pip install $(PIP_FLAGS) --upgrade pip
	@$(VENV)/bin/python -m pip install $(PIP_FLAGS) -e '.[dev]'
	@# setuptools makes the two package folders importable with an import hook that loads pathlib at
	@# every Python start in .venv (~0.01 s a process); a path file of the same two folders does not.
	@$(VENV)/bin/python -c 'import glob, sys, sysconfig; [open(p, "w").write("\n".join(sys.argv[1:]) + "\n") for p in glob.glob(sysconfig.get_paths()["purelib"] + "/__editable__.masthead-*.pth")]' "$(CURDIR)/layers/masthead" "$(CURDIR)/tools"
	@$(MAKE) --no-print-directory bytecode
	@touch $@

# The editable install leaves our own modules uncompiled, and with PYTHONDONTWRITEBYTECODE set (as
# on CI machines) every `masthead` run would compile them again: ~0.08 s per process. The extractor's
# regular expressions are compiled here too (masthead/extract/precompiled.py): ~0.02 s per process.
bytecode:
	@$(VENV)/bin/python -m compileall -q layers/masthead/masthead tools/masthead_tools
	@$(VENV)/bin/python -c 'from masthead.extract import precompiled; precompiled.build()'

# The SAM CLI pins its own boto3; it lives in a venv of its own so it never shifts the project's.
$(SAM_STAMP):
	@test -x $(SAM_VENV)/bin/python || $(PYTHON) -m venv $(SAM_VENV)
	@$(SAM_VENV)/bin/python -m pip install $(PIP_FLAGS) 'aws-sam-cli>=1.120'
	@touch $@

$(LINT_STAMP):
	@test -x $(LINT_VENV)/bin/python || $(PYTHON) -m venv $(LINT_VENV)
	@$(LINT_VENV)/bin/python -m pip install $(PIP_FLAGS) 'cfn-lint>=1.20,<2' 'cfn-lint-serverless>=0.3,<1' 'checkov>=3.2,<4'
	@touch $@

demo: $(STAMP) ## the whole pipeline on an embedded AWS (moto) over samples/
	@$(VENV)/bin/masthead demo $(DEMO_ARGS)

# The quality gate: lint, format, types (the runtime package), complexity and function length.
check: $(STAMP) ## lint, format check, mypy, complexity (CI runs it through make test)
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy
	@$(VENV)/bin/python -m masthead_tools.quality layers/masthead functions tools

test: check $(SAM_STAMP) $(LINT_STAMP) ## the quality gate, then every test layer (unit, integration, e2e)
	@MASTHEAD_SAM=$(abspath $(SAM)) MASTHEAD_LINT_BIN=$(abspath $(LINT_VENV))/bin $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

lint-template: $(LINT_STAMP) ## the template linters alone (cfn-lint with serverless rules, checkov)
	@$(LINT_VENV)/bin/cfn-lint -t template.yaml -a cfn_lint_serverless.rules
	@$(LINT_VENV)/bin/checkov -f template.yaml --framework cloudformation --compact --quiet

test-unit: $(STAMP) ## the unit layer alone: no moto, no sockets, a few seconds
	@$(VENV)/bin/python -m pytest tests/unit $(PYTEST_ARGS)

test-fast: $(STAMP) ## unit and integration layers, without the SAM CLI
	@$(VENV)/bin/python -m pytest tests/unit tests/integration $(PYTEST_ARGS)

coverage: $(STAMP) bytecode ## the extractor's lines and branches no unit test reaches (every rule has a fixture of its own)
	$(VENV)/bin/python -m coverage run --branch --data-file=$(VENV)/.coverage --source=layers/masthead/masthead/extract \
	  -m pytest -q -p no:logging tests/unit tests/safety
	$(VENV)/bin/python -m coverage report --data-file=$(VENV)/.coverage -m --skip-covered

sam-validate: $(SAM_STAMP) ## sam validate --lint
	@$(SAM) validate --lint

sam-build: $(SAM_STAMP) ## sam build (no container)
	@PATH="$(abspath $(VENV))/bin:$$PATH" $(SAM) build

bench: $(STAMP) $(SAM_STAMP) bytecode ## extraction, cold-start, safety, real-page and reindex benchmarks (writes docs/benchmarks.md)
	@$(VENV)/bin/python -m pip install $(PIP_FLAGS) trafilatura
	@$(VENV)/bin/python bench/run.py $(BENCH_ARGS)
	@$(VENV)/bin/python bench/coldstart.py
	@$(VENV)/bin/python bench/safety.py
	@$(VENV)/bin/python bench/web.py
	@$(VENV)/bin/python bench/heldout.py
	@$(VENV)/bin/python bench/pasted.py
	@$(VENV)/bin/python bench/reindex.py

bench-web: $(STAMP) bytecode ## real web pages against trafilatura and the parse floor (needs ../shared), pages other extractors ship, the pages pasted as text
	@$(VENV)/bin/python -m pip install $(PIP_FLAGS) trafilatura
	@$(VENV)/bin/python bench/web.py
	@$(VENV)/bin/python bench/heldout.py
	@$(VENV)/bin/python bench/pasted.py

bench-up: $(STAMP) ## masthead up over an hour of random changes: its memory and threads (writes docs/benchmarks.md)
	@$(VENV)/bin/python bench/up_soak.py --minutes 60

bench-safety: $(STAMP) ## the per-upload budget over the hostile corpus, AWS requests per upload
	@$(VENV)/bin/python bench/safety.py

bench-fuzz: $(STAMP) ## mutated real uploads through the extractor, to find new hostile cases (needs ../shared)
	@$(VENV)/bin/python bench/fuzz.py $(FUZZ_ARGS)

clean: ## remove .venv, .aws-sam and caches
	rm -rf $(VENV) .aws-sam .pytest_cache
