# The two commands: `make run` and `make test`. Both work on a fresh Debian machine with Python 3.11, as root.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# The Open Referral HSDS 3.0 schemas are read in place from the shared folder next to the repository.
export HSDS_SCHEMA_DIR ?= $(abspath ../shared/hsds-3.0/schema)
TEST_ENV := DJANGO_SETTINGS_MODULE=portal.settings.test
PYTEST_ARGS ?=
# One pytest-xdist worker per core. Each worker has its own test database, migrated once, with the demo
# content loaded once and restored from a snapshot (tests/conftest.py). pytest-randomly shuffles the
# order on every run and prints the seed: PYTEST_ARGS=--randomly-seed=N repeats that order.
PYTEST_WORKERS ?= -n $(shell nproc) --dist worksteal
# Fuzzing (tests/portal/test_fuzz.py): 200 new examples per target on SQLite, 100 more on PostgreSQL,
# where the forms behave the same but each example costs more; bench/fuzz.py runs 10,000 per form.
FUZZ_EXAMPLES_POSTGRES ?= 100
# The 30 slowest tests at the end of each database's run.
PYTEST_REPORT ?= --durations=30 --durations-min=0.5

.PHONY: run serve collectstatic test test-fast install install-dev system-deps lint check pytest-sqlite pytest-postgres demo backup clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: install, migrate, load the demo content, print the demo logins and serve on 127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo ""
	@echo "Huis van de Wijk draait op http://127.0.0.1:8000 (beheer: http://127.0.0.1:8000/admin/)"
	$(PY) manage.py runserver 127.0.0.1:8000

## make serve: the portal as in production: gunicorn with (2 x cores) + 1 sync workers, production settings
## (DEBUG off), whitenoise with compressed and hashed static files. Migrates and collects the static files
## first. Without SECRET_KEY it uses a generated one, kept in .secret_key (untracked). Plain http on
## loopback: SECURE_SSL_REDIRECT=0 unless set; behind a TLS proxy set SECURE_SSL_REDIRECT=1.
SERVE_BIND ?= 127.0.0.1:8000
SERVE_WORKERS ?= $(shell echo $$((2 * $$(nproc) + 1)))
SECRET_KEY_FILE := .secret_key
SERVE_ENV = DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$(cat $(SECRET_KEY_FILE))}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}"

$(SECRET_KEY_FILE):
	@[ -n "$$SECRET_KEY" ] || { umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@ \
		&& echo "Generated a local SECRET_KEY in $@ (untracked)."; }

collectstatic: install $(SECRET_KEY_FILE)
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v 0

serve: install $(SECRET_KEY_FILE) collectstatic
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	@echo ""
	@echo "Huis van de Wijk (productie-instellingen) draait op http://$(SERVE_BIND) met $(SERVE_WORKERS) workers"
	$(SERVE_ENV) $(VENV)/bin/gunicorn portal.wsgi --workers $(SERVE_WORKERS) --worker-class sync \
		--bind $(SERVE_BIND) --no-control-socket --access-logfile -

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

## make backup: the database (SQLite or PostgreSQL, from DATABASE_URL) and the media into backups/<date>/
## (restore: .venv/bin/python manage.py restore_backup backups/<date>; see the README)
backup: install
	$(PY) manage.py backup

## Debian packages the tests need: chromium for the browser tests, zbarimg to decode the slips' QR codes,
## PostgreSQL for the second test run.
system-deps:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }
	@command -v zbarimg >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools; }
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }

## The five layers (README, "Layers") are checked by import-linter: the contracts are in pyproject.toml.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

check: install-dev
	$(TEST_ENV) $(PY) manage.py check --fail-level WARNING
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

pytest-sqlite: install-dev
	@echo "=== pytest on SQLite ==="
	$(TEST_ENV) TEST_SQLITE_NAME=$(CURDIR)/.test-db.sqlite3 TEST_MEDIA_ROOT=$(CURDIR)/.test-media-sqlite \
		$(VENV)/bin/pytest $(PYTEST_WORKERS) $(PYTEST_REPORT) $(PYTEST_ARGS)

pytest-postgres: install-dev
	@echo "=== pytest on PostgreSQL (throwaway cluster) ==="
	$(TEST_ENV) TEST_MEDIA_ROOT=$(CURDIR)/.test-media-postgres FUZZ_EXAMPLES=$(FUZZ_EXAMPLES_POSTGRES) \
		.ci/with-postgres $(VENV)/bin/pytest $(PYTEST_WORKERS) $(PYTEST_REPORT) $(PYTEST_ARGS)

## make test: dev requirements, chromium and PostgreSQL when missing, ruff, check, migrations, then the whole
## suite on SQLite and then on PostgreSQL, each with one worker per core. (Side by side, four workers on two
## cores, took a minute longer: 16 instead of 15 minutes.)
test: system-deps install-dev lint check pytest-sqlite pytest-postgres

## make test-fast: the edit-test loop: SQLite only, no browser tests, no lint (make test runs everything)
test-fast: install-dev
	$(TEST_ENV) TEST_SQLITE_NAME=$(CURDIR)/.test-db.sqlite3 TEST_MEDIA_ROOT=$(CURDIR)/.test-media-sqlite \
		$(VENV)/bin/pytest $(PYTEST_WORKERS) -m "not e2e" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .test-media* .pytest_cache .ruff_cache
