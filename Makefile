# The two commands: `make run` (demo on 127.0.0.1:8000) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEV_SETTINGS := aanbesteden.settings.dev
STAMP_PY := $(VENV)/.installed
STAMP_NPM := node_modules/.installed

.PHONY: run test install migrate seed serve lint format bench e2e messages check clean typecheck

$(STAMP_PY): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $@

$(STAMP_NPM): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP_PY) $(STAMP_NPM)

migrate: install
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py migrate --noinput

seed: migrate
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py seed_demo

serve:
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py runserver 127.0.0.1:8000

run: seed serve

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

e2e: install
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=aanbesteden.settings.test $(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install
	for app in aanbesteden initiatieven coalities overdracht evaluatie; do \
	  (cd $$app && ../$(PY) ../manage.py makemessages -l en --no-obsolete -i 'migrations/*' >/dev/null); done
	cd templates && ../$(PY) ../manage.py makemessages -l en --no-obsolete >/dev/null || true
	$(PY) manage.py compilemessages >/dev/null

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules var db.sqlite3

typecheck: install
	$(VENV)/bin/pip install --quiet 'mypy>=1.13' 'django-stubs>=5.1'
	$(VENV)/bin/mypy aanbesteden/services.py aanbesteden/selectors.py aanbesteden/models.py aanbesteden/fasen.py aanbesteden/permissions.py aanbesteden/berichten.py
