# Two commands: `make demo` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
TEMPLATE_DIR := $(patsubst %/pyproject.toml,%,$(wildcard examples/plugin-template/pyproject.toml))
# The plugin template is not installed: its invented partnership would show up in the
# user's own command. The tests install it for themselves (conftest.py).
EDITABLES := -e . $(foreach dir,$(PLUGIN_DIRS),-e $(dir))
STAMP := $(VENV)/.installed
TEST_PATHS := tests $(foreach dir,$(PLUGIN_DIRS) $(TEMPLATE_DIR),$(wildcard $(dir)/tests))

.PHONY: help install demo test lint typecheck pytest browser system-packages bench clean schemas

help:
	@echo "make demo   set everything up and generate the bundled partnerships' plans under build/"
	@echo "make test   set everything up and run every check (pytest, ruff, mypy)"
	@echo "make bench  measure load, validation, rendering and start-up against their targets"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml $(wildcard plugins/*/pyproject.toml) $(wildcard examples/plugin-template/pyproject.toml)
	-@$(PIP) uninstall --quiet --yes helsefellesskap-plugin-template >/dev/null 2>&1
	$(PIP) install --quiet $(EDITABLES)
	$(PIP) install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The demo's output folders are rebuilt each time, so nothing stale stays behind.
DEMO_OUTPUT := build/eksempel build/troms-ofoten build/helgeland build/site

# The static site of the example and both bundled partnerships (every document in nb, nn
# and en, downloads in every installed format, search that works from the folder).
DEMO_SITE := $(VENV)/bin/helsefellesskap site examples/eksempel troms-ofoten helgeland -o build/site

# What the demo prints last: where to look, and a command to try (a test runs it as printed).
DEMO_LOOK := build/site/index.html
DEMO_NEXT := $(VENV)/bin/helsefellesskap validate troms-ofoten/handlingsplan-2023

# The scripts that generate the partnerships' documents; the portal is a server, started
# by hand (python examples/portal.py), not part of the demo.
DEMO_SCRIPTS := $(filter-out examples/portal.py,$(wildcard examples/[!_]*.py))

demo: install
	rm -rf $(DEMO_OUTPUT)
	@mkdir -p build
	@set -e; for script in $(DEMO_SCRIPTS); do $(PY) $$script; done
	$(DEMO_SITE)
	@echo
	@echo "The plans are in $(DEMO_OUTPUT): open $(DEMO_LOOK) in a browser."
	@echo "Next, try: $(DEMO_NEXT)"
	@echo "Edit and watch: $(VENV)/bin/helsefellesskap serve examples/eksempel (then open the address it prints)"
	@echo "(or: source $(VENV)/bin/activate, then helsefellesskap --help)"

# What the tests need from Debian: chromium (browser tests), LibreOffice Writer (Word to
# PDF checks), poppler-utils (pdftotext, pdftoppm), the Carlito font (Calibri's metrics) and
# the Norwegian and English hyphenation patterns (LibreOffice hyphenates Word's tables).
# Installed when missing and we may install (as root with apt-get).
SYSTEM_PACKAGES := chromium libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito hyphen-no hyphen-en-gb
# The pdf plugin's WeasyPrint: Pango (HarfBuzz's subsetter embeds the fonts) and DejaVu,
# a free font with the Norwegian and Sami letters.
SYSTEM_PACKAGES += libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
SYSTEM_COMMANDS := chromium soffice pdftotext
system-packages:
	@missing=""; for cmd in $(SYSTEM_COMMANDS); do command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$cmd"; done; \
	{ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q libpangoft2 || missing="$$missing libpangoft2"; \
	fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing="$$missing fonts-dejavu-core"; \
	if [ -z "$$missing" ] && fc-list 2>/dev/null | grep -qi carlito && [ -e /usr/share/hyphen/hyph_nb_NO.dic ]; then \
		echo "system packages: present"; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's $(SYSTEM_PACKAGES)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else \
		echo "missing:$$missing; cannot install here: tests needing them skip (fail under CI=true)"; \
	fi

browser: system-packages

pytest: install system-packages
	$(PY) -m pytest $(TEST_PATHS)

LINT_PATHS := $(wildcard src tests plugins examples benchmarks docs/_hooks conftest.py)

lint: install
	$(PY) -m ruff check $(LINT_PATHS)

typecheck: install
	$(PY) -m mypy

test: pytest lint typecheck

# The documentation site, strict: a broken link or a missing page fails. make test builds
# it too (tests/test_docs_site.py), with the generated references and the tutorial run.
docs: install
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --quiet

# Wheels of the core and every plugin, for a machine without git (see the README).
# setuptools builds in each project's build/lib and build/bdist.*: only those are removed.
wheels: install
	@rm -rf build/wheels
	@set -e; for project in . $(PLUGIN_DIRS); do \
		$(PY) -m build --wheel --no-isolation --outdir build/wheels $$project \
			>build/wheels.log 2>&1 || { cat build/wheels.log; exit 1; }; \
		rm -rf $$project/build/lib $$project/build/bdist.*; rmdir $$project/build 2>/dev/null || true; \
	done
	@ls build/wheels

# The JSON Schemas shipped in the package, generated from the model (a test checks them).
schemas: install
	$(PY) -c "from helsefellesskap.schema import *; write_schemas(shipped_schema_folder(), schemas())"

# The table of issue 11: every figure beside its target (about 10 minutes on 2 cores).
# `make bench BENCH_ARGS=--quick` for a smaller run; BENCH_STRICT=1 fails on a MISS.
bench: install
	$(PY) -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf build .venv .pytest_cache .mypy_cache .ruff_cache
