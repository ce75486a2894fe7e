# `make site` builds the default site into site/; `make test` runs the whole test suite.
# Both create the environment in .venv from the lock file first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: site test check browser lock golden

site: $(VENV)/installed
	$(PY) scripts/build_pages.py build

check: $(VENV)/installed
	$(PY) scripts/build_pages.py check

test: $(VENV)/installed browser
	$(PY) -m pytest

$(VENV)/installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

# The browser tests drive Debian's Chromium; install it where it is missing and we may.
browser:
	@scripts/ensure_chromium.sh

# Regenerate the expected output of the golden-file tests after an intended change.
golden: $(VENV)/installed
	$(PY) -m tests.golden

# Re-pin every dependency, with hashes, after editing requirements.in.
lock: $(VENV)/installed
	$(VENV)/bin/pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in
