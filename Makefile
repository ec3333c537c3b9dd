# Two commands for a newcomer: `make serve` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# The interpreter the venv is made from: Debian's own Python where it is 3.11 or newer and can make
# a venv (package python3-venv), else the first python3 on the PATH. Debian compiles its Python with
# profile-guided and link-time optimisation; one compiled without them (pyenv's default build) renders
# the same PDFs about a fifth slower. Choose another with `make PYTHON=python3.12 ...`.
SYSTEM_PYTHON := /usr/bin/python3
PYTHON ?= $(shell $(SYSTEM_PYTHON) -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && echo $(SYSTEM_PYTHON) || echo python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build docs test install install-test system-packages browser bench messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser

# What the build itself uses from Debian: liblouis for the braille-ready files, and what
# WeasyPrint needs for the PDFs (Pango, HarfBuzz's subsetter, the fonts the PDFs are set in).
BUILD_PACKAGES := liblouis-bin liblouis-data libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core fontconfig
# And for the tests: Debian's Chromium (Playwright cannot download browsers here).
TEST_PACKAGES := $(BUILD_PACKAGES) chromium

define apt_install
	@missing=""; for package in $(1); do dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing from Debian's packages:$$missing"; \
		SUDO=""; if [ "$$(id -u)" != 0 ]; then SUDO=sudo; fi; \
		$$SUDO apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-packages:
	$(call apt_install,$(BUILD_PACKAGES))

browser:
	$(call apt_install,$(TEST_PACKAGES))

## Build the sample site with its PDFs and serve it at http://127.0.0.1:8000
serve: install system-packages
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory site

## Build the sample site once (HTML and PDFs) into site/
build: install system-packages
	$(BIN)/mkdocs build --strict

## Build the user guide (docs/, itself a site made with the plugin) and serve it at http://127.0.0.1:8001
docs: install system-packages
	$(BIN)/mkdocs build --strict -f docs/mkdocs.yml
	$(BIN)/python -m http.server 8001 --bind 127.0.0.1 --directory docs/site

## Install what the tests need and run them all
test: install-test
	$(BIN)/python -m pytest

## Benchmark against bare MkDocs + Material (see README)
bench: install
	$(BIN)/python bench/run.py

LOCALE := plugins/src/mkdocs_easyread/languages
## After changing words in the plugin: collect every message, and add new ones to each
## language's catalogue (then translate them; tests/test_catalogue.py says which are missing)
messages: install
	$(BIN)/pybabel -q extract --no-location --sort-output -F $(LOCALE)/babel.cfg \
		-o $(LOCALE)/locale/messages.pot plugins/src/mkdocs_easyread
	$(BIN)/pybabel -q update --no-fuzzy-matching --ignore-obsolete -D messages \
		-i $(LOCALE)/locale/messages.pot -d $(LOCALE)/locale

clean:
	rm -rf site docs/site .cache docs/.cache bench/out
