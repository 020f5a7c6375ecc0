# The two commands: `make demo` and `make test`. Each does its own setup.
# make test ARGS="tests/news -k feed" passes arguments to pytest; CI runs .ci/run.
PYTHON_VERSION := 3.12
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: venv demo test lint vendor bench format

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

bench: venv
	@bash scripts/bench.sh
