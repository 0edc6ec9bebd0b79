# FieldApp developer commands. `make run` and `make test` do all set-up themselves.
.PHONY: run test lint typecheck bootstrap demo clean dist bench-one-core

VENV := .venv
PY := $(VENV)/bin/python
DEMO_HOME := $(CURDIR)/.demo-home

bootstrap:
	@bash scripts/bootstrap.sh

## Run the app on the embedded demo database (created on first run). The login opens with a demo
## account and its documented password filled in: DEMO_USER (default: the first account, the team leader).
DEMO_USER ?=
DEMO_PASSWORD := demo1234
run: bootstrap
	FIELDAPP_HOME=$(DEMO_HOME) $(PY) -m fieldapp demo --if-missing --today $$(date +%F)
	FIELDAPP_HOME=$(DEMO_HOME) FIELDAPP_LOGIN_HINT="$(DEMO_USER)" FIELDAPP_LOGIN_PASSWORD=$(DEMO_PASSWORD) \
	  $(PY) -m fieldapp

## The whole test suite (offscreen Qt), plus lint, over one pytest-xdist worker per core (TEST_WORKERS=N: N
## workers; TEST_WORKERS=0: one process). On the 2-core CI machine two workers ran it in 23 min; one process had
## done 60 % after 28 min, most of a server test's time being spent waiting for its server process to start.
TEST_WORKERS ?= auto
test: bootstrap lint
	FIELDAPP_TEST_PG="$${FIELDAPP_TEST_PG-$$(bash scripts/ensure_postgres.sh)}" QT_QPA_PLATFORM=offscreen \
	  $(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

lint:
	$(VENV)/bin/ruff check fieldapp tests bench

## Every benchmark (or BENCH="search rss …") pinned to one core, as on a cadre's laptop (bench/README.md).
BENCH ?= all
bench-one-core: bootstrap
	$(PY) -m bench --one-core $(BENCH)

typecheck:
	$(VENV)/bin/mypy

demo: bootstrap
	rm -rf $(DEMO_HOME)
	FIELDAPP_HOME=$(DEMO_HOME) $(PY) -m fieldapp demo --today $$(date +%F)

## Release build: PyInstaller folder, frozen self-test, .deb, NSIS check (scripts/build_release.py; cached).
dist: bootstrap
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install -q -e ".[test,build]"
	$(PY) scripts/build_release.py $(DIST_ARGS)

clean:
	rm -rf $(VENV) $(DEMO_HOME) build/work dist .pytest_cache .mypy_cache .ruff_cache
