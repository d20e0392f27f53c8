# Masthead developer commands. Everything installs itself into .venv/ (git-ignored).
#   make demo   - the whole pipeline on an embedded AWS (moto) over samples/
#   make test   - the test suite (unit, handlers on moto, end to end, SAM validate/build)
#   make bench  - extraction, cold-start and safety benchmarks (writes docs/benchmarks.md)

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

.PHONY: install demo test test-fast bench bench-safety sam-validate sam-build lint-template clean

install: $(STAMP)

$(STAMP): pyproject.toml layers/masthead/requirements.txt
	@test -n "$(PYTHON)" || { echo "No Python >= 3.11 found"; exit 1; }
	@echo "Setting up $(VENV) with $$($(PYTHON) --version)"
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/python -m pip install $(PIP_FLAGS) --upgrade pip
	@$(VENV)/bin/python -m pip install $(PIP_FLAGS) -e '.[dev]'
	@touch $@

# The SAM CLI pins its own boto3; it lives in a venv of its own so it never shifts the project's.
$(SAM_STAMP):
	@test -x $(SAM_VENV)/bin/python || $(PYTHON) -m venv $(SAM_VENV)
	@$(SAM_VENV)/bin/python -m pip install $(PIP_FLAGS) 'aws-sam-cli>=1.120'
	@touch $@

$(LINT_STAMP):
	@test -x $(LINT_VENV)/bin/python || $(PYTHON) -m venv $(LINT_VENV)
	@$(LINT_VENV)/bin/python -m pip install $(PIP_FLAGS) 'cfn-lint>=1.20,<2' 'cfn-lint-serverless>=0.3,<1' 'checkov>=3.2,<4'
	@touch $@

demo: $(STAMP)
	@$(VENV)/bin/masthead demo $(DEMO_ARGS)

test: $(STAMP) $(SAM_STAMP) $(LINT_STAMP)
	@MASTHEAD_SAM=$(abspath $(SAM)) MASTHEAD_LINT_BIN=$(abspath $(LINT_VENV))/bin $(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The template linters alone.
lint-template: $(LINT_STAMP)
	@$(LINT_VENV)/bin/cfn-lint -t template.yaml -a cfn_lint_serverless.rules
	@$(LINT_VENV)/bin/checkov -f template.yaml --framework cloudformation --compact --quiet

# Without the SAM checks: quicker while editing.
test-fast: $(STAMP)
	@$(VENV)/bin/python -m pytest -m "not slow" $(PYTEST_ARGS)

sam-validate: $(SAM_STAMP)
	@$(SAM) validate --lint

sam-build: $(SAM_STAMP)
	@PATH="$(abspath $(VENV))/bin:$$PATH" $(SAM) build

bench: $(STAMP)
	@$(VENV)/bin/python -m pip install $(PIP_FLAGS) trafilatura
	@$(VENV)/bin/python bench/run.py $(BENCH_ARGS)
	@$(VENV)/bin/python bench/safety.py

# The per-upload budget over the hostile corpus, and AWS requests per upload (docs/benchmarks.md).
bench-safety: $(STAMP)
	@$(VENV)/bin/python bench/safety.py

clean:
	rm -rf $(VENV) .aws-sam .pytest_cache
