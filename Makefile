# The two commands: `make demo` and `make test`. Each does its own setup.
# make test ARGS="tests/news -k feed" passes arguments to pytest; CI runs .ci/run.
PYTHON_VERSION := 3.12
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: venv demo test lint vendor bench load format

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@bash scripts/venv.sh
	@touch $@

demo: venv
	@bash scripts/demo.sh

test: venv
	@bash scripts/test.sh $(ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

vendor:
	@bash scripts/vendor.sh

# Not part of `make test`: minutes long, and timings on a shared machine are noisy (README, Benchmark).
bench: venv
	@bash scripts/bench.sh

load: venv
	@bash scripts/load.sh
