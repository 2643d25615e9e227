# Galeri IKM. Two commands do all set-up on a fresh machine:
#   make site   - virtualenv + project + the CMS's npm packages, then the demo site into public/
#   make test   - the above plus test tools and system packages, then lint and the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# libharfbuzz-subset0: WeasyPrint subsets the PDFs' fonts with it (else with fontTools, slower)
# libgs-common: Ghostscript's CMYK ICC profile for the print-shop editions (catalog/print/press.py)
SYSTEM_PACKAGES := chromium poppler-utils zbar-tools libharfbuzz-subset0 libgs-common

.PHONY: site test serve check lint golden system-deps demo-images bench lighthouse clean

site: $(VENV)/.runtime node_modules/.installed
	$(BIN)/python build.py

serve: $(VENV)/.runtime
	$(BIN)/python build.py serve

check: $(VENV)/.runtime
	$(BIN)/python build.py check

test: $(VENV)/.test node_modules/.installed system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n auto --dist loadfile

lint: $(VENV)/.test
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.runtime: pyproject.toml $(VENV)/.created
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The pinned Decap CMS bundle served at /admin/ and the local CMS backend the tests use
# (package-lock.json); without npm the site is built without /admin/, and the build says so.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: the site will be built without /admin/ (the web CMS)"; fi

# Debian packages the tests use (browser screenshots, PDF pages, QR decoding, font subsetting).
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

# Regenerate the demo pictures under content/ (deterministic; the results are committed).
demo-images: $(VENV)/.runtime
	$(BIN)/python tools/make_demo_images.py content

# Regenerate tests/golden/ from the demo after a meant change to the output (never on CI).
golden: $(VENV)/.runtime node_modules/.installed
	$(BIN)/python tools/update_golden.py

bench: $(VENV)/.runtime
	$(BIN)/python bench/run.py

# Lighthouse scores of the demo (docs/benchmarks.md); not part of the tests.
lighthouse: site
	npm ci --prefix bench/lighthouse --no-audit --no-fund --ignore-scripts --loglevel=error
	$(BIN)/python bench/lighthouse.py

clean:
	rm -rf public .cache node_modules
