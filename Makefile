# The two commands: `make run` (demo on 127.0.0.1:8000; `make run PORT=8123` for another
# port) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEV_SETTINGS := aanbesteden.settings.dev
STAMP_PY := $(VENV)/.installed
STAMP_NPM := node_modules/.installed
STAMP_VENDOR := node_modules/.vendor
# Parallel test workers (pytest-xdist) for everything but the browser tests; 0 = one process.
TEST_WORKERS ?= 2
PYTEST_ARGS ?=
# The port `make run` serves on; mailed links follow it (SITE_URL in settings/dev.py).
PORT ?= 8000
export PORT

.PHONY: oidc-demo run test install vendor migrate seed serve lint format bench e2e messages check clean typecheck schema

$(STAMP_PY): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $@

# --ignore-scripts: vnu-jar (the W3C Nu HTML checker for the browser tests) would otherwise
# download a Java runtime when none is installed; the tests use the system's Java instead
# (.ci/run installs Debian's default-jre-headless).
$(STAMP_NPM): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	test -f node_modules/vnu-jar/build/dist/vnu.jar
	touch $@

# The front-end files the site uses, copied from npm into static/vendor/ (not in git). Only
# these files: collectstatic with hashed names in production post-processes every CSS file
# it collects, and the packages' other files refer to images they do not ship.
$(STAMP_VENDOR): $(STAMP_NPM)
	mkdir -p static/vendor/utrecht static/vendor/utrecht-tokens
	cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht/index.css
	cp node_modules/@utrecht/design-tokens/dist/index.css static/vendor/utrecht-tokens/index.css
	touch $@

vendor: $(STAMP_VENDOR)

install: $(STAMP_PY) $(STAMP_VENDOR)

migrate: install
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py migrate --noinput

seed: migrate
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py seed_demo

# The development server with the scheduled tasks (Celery beat) in the same process.
serve:
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py ontwikkelserver 127.0.0.1:$(PORT)

run: seed serve

# The demo with log-ins through the test OpenID Connect provider (tests/oidc/testaanbieder.mjs,
# the `oidc-provider` package from npm) on 127.0.0.1:$(OIDC_PORT): SSO for the officials of
# Deventer, DigiD and eHerkenning, and Deventer asking them for signatures. Ctrl-C stops both.
# The client secret is the demo's own, published like its passwords.
OIDC_PORT ?= 8090
OIDC_DEMO_GEHEIM := demo-geheim-niet-voor-productie-0123456789
oidc-demo: seed
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py oidc_demo --poort $(OIDC_PORT) \
	  --accounts var/oidc-demo.json --geheim $(OIDC_DEMO_GEHEIM)
	@OIDC_POORT=$(OIDC_PORT) node tests/oidc/testaanbieder.mjs var/oidc-demo.json 2>/dev/null & \
	aanbieder=$$!; trap 'kill $$aanbieder' EXIT INT TERM; \
	OIDC_CLIENT_SECRETS=demo-sso-deventer=$(OIDC_DEMO_GEHEIM),demo-digid=$(OIDC_DEMO_GEHEIM),demo-eherkenning=$(OIDC_DEMO_GEHEIM) \
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py runserver 127.0.0.1:8000

# The whole suite: first everything except the browser tests (in parallel when
# TEST_WORKERS > 0), then the browser tests in one process. pytest's exit code 5 ("no tests
# collected") counts as a failure: there are always tests.
test: install
	@if [ "$(TEST_WORKERS)" -gt 0 ]; then xdist="-n $(TEST_WORKERS)"; else xdist=""; fi; \
	$(PY) -m pytest -m "not e2e and not storing" $$xdist $(PYTEST_ARGS); rc=$$?; \
	$(PY) -m pytest -m "storing" $(PYTEST_ARGS); rc_storing=$$?; \
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS); rc_e2e=$$?; \
	if [ $$rc -ne 0 ]; then echo "pytest (not e2e) failed with exit code $$rc"; fi; \
	if [ $$rc_storing -ne 0 ]; then echo "pytest (fault tests) failed with exit code $$rc_storing"; fi; \
	if [ $$rc_e2e -ne 0 ]; then echo "pytest (e2e) failed with exit code $$rc_e2e"; fi; \
	[ $$rc -eq 0 ] && [ $$rc_storing -eq 0 ] && [ $$rc_e2e -eq 0 ]

e2e: install
	@$(PY) -m pytest tests/e2e $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -ne 0 ]; then echo "pytest (e2e) failed with exit code $$rc"; exit 1; fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check --extend-exclude '*.md' .
	DATABASE_URL=sqlite:///:memory: DJANGO_SETTINGS_MODULE=aanbesteden.settings.test \
	  $(PY) manage.py makemigrations --check --dry-run

# Markdown is left alone: the code examples in docs/ are laid out for reading.
format: install
	$(VENV)/bin/ruff format --extend-exclude '*.md' .
	$(VENV)/bin/ruff check --fix .

# The platform's apps, from the core up (each imports only from those before it).
APPS := aanbesteden meldingen accounts initiatieven coalities overdracht evaluatie overzicht api bedrijfsvoering
APPS_BOVEN_KERN := $(filter-out aanbesteden,$(APPS))

# Extract and compile the translations: the core (aanbesteden/ and the site templates/)
# into aanbesteden/locale, every other app into its own locale/.
messages: install
	$(PY) manage.py makemessages -l en --no-obsolete $(foreach app,$(APPS_BOVEN_KERN),-i '$(app)/*') \
	  -i 'aanbesteden/migrations/*' -i '.venv/*' -i 'node_modules/*' -i 'tests/*' -i 'bench/*' \
	  -i 'var/*' -i 'static/*' -i 'docs/*' >/dev/null
	for app in $(APPS_BOVEN_KERN); do \
	  mkdir -p $$app/locale; \
	  (cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l en --no-obsolete -i 'migrations/*' >/dev/null); done
	for po in $$(find $(APPS) -path '*/locale/*/LC_MESSAGES/django.po'); do \
	  msgfmt --check-format -o $${po%.po}.mo $$po; done

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules static/vendor var db.sqlite3

typecheck: install
	$(VENV)/bin/pip install --quiet 'mypy>=1.13' 'django-stubs>=5.1'
	$(VENV)/bin/mypy aanbesteden/services.py aanbesteden/selectors.py aanbesteden/models.py aanbesteden/fasen.py aanbesteden/transities.py aanbesteden/permissions.py aanbesteden/bijdragen.py aanbesteden/werk.py aanbesteden/zoeken.py meldingen/berichten.py \
	  aanbesteden/zegel.py aanbesteden/opmaak.py aanbesteden/tokens.py bedrijfsvoering/

check: install
	$(PY) manage.py check

# The API's OpenAPI description, committed in docs/api/openapi.yaml (tests/api/test_schema.py
# fails when the code and the committed file differ): regenerate it after changing the API.
schema: install
	DJANGO_SETTINGS_MODULE=aanbesteden.settings.test $(PY) manage.py spectacular --lang nl \
	  --validate --fail-on-warn --file docs/api/openapi.yaml
