# marsad: `make demo` and `make test` are all a newcomer needs; both start with `make install`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint system-deps clean models bench

install: $(STAMP)

# Re-installs only when the project's dependencies change, so `make install` is idempotent and fast.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev,spark,browser]'
	touch $(STAMP)

# Java for Spark, Chromium for the browser tests: Debian packages, never a browser download.
system-deps:
	@if ! command -v java >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q --no-install-recommends default-jre-headless chromium; \
	fi

demo: install
	rm -f demo-out/marsad.db
	$(VENV)/bin/marsad run data/sample --meta data/sample/meta.jsonl --db demo-out/marsad.db
	$(VENV)/bin/marsad export --db demo-out/marsad.db --out demo-out --format jsonl,csv,geojson
	@echo
	@echo "Done. Look at demo-out/ (documents.jsonl, entities.jsonl, events.jsonl, events.csv, events.geojson),"
	@echo "or run: $(VENV)/bin/marsad stats --db demo-out/marsad.db"
	@echo "        $(VENV)/bin/marsad serve --db demo-out/marsad.db   (then open http://127.0.0.1:8000)"

test: install
	$(VENV)/bin/ruff check src tests benchmarks scripts
	MARSAD_SHARED=$(SHARED) $(VENV)/bin/pytest -q

lint: install
	$(VENV)/bin/ruff check src tests benchmarks scripts

bench: install
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) demo-out .pytest_cache

# Web page base map: world countries from npm's world-atlas, converted to GeoJSON by a small Python
# decoder (marsad.web.build_geo). The built file is committed, so `pip install` alone serves the page.
.PHONY: web-assets
web-assets: install
	npm install --no-audit --no-fund
	$(PY) -m marsad.web.build_geo node_modules/world-atlas/countries-110m.json src/marsad/web/static/geo/world.geojson
	cp node_modules/world-atlas/LICENSE src/marsad/web/static/geo/world-atlas.LICENSE
