# Web workspace targets (issue 4), included from the Makefile: `include mk/web.mk`.
# Uses the Makefile's $(BIN) and $(STAMP) (the venv is created on first use).
#   make run                the workspace with the demo data on SQLite at http://127.0.0.1:8000 (state in ./var)
#   make test-web-postgres  the web tests again against PostgreSQL ($(WEB_PG_URL); pytest-django makes test_test*)
#   make bench-web          10,000 workloads in PostgreSQL, gunicorn, 16 clients for 60 s; prints p50/p95/p99
#   make browser-deps       Debian's chromium for the Playwright browser tests (root only)

WEB_STATE   ?= var
WEB_ADDR    ?= 127.0.0.1:8000
WEB_PG_URL  ?= postgres://postgres@127.0.0.1:5432/test
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/fincloud_bench
# Set to 1 (CI does) to fail instead of skipping the PostgreSQL pass when the server is unreachable.
WEB_PG_REQUIRED ?= 0

.PHONY: run test-web-postgres bench-web browser-deps

run: $(STAMP)
	FINCLOUD_STATE_DIR=$(WEB_STATE) $(BIN)/fincloud-web migrate --verbosity 0
	FINCLOUD_STATE_DIR=$(WEB_STATE) $(BIN)/fincloud-web seed_demo
	@echo "fincloud workspace: http://$(WEB_ADDR)/  (Ctrl-C stops it; state in $(WEB_STATE))"
	FINCLOUD_STATE_DIR=$(WEB_STATE) FINCLOUD_DEBUG=1 $(BIN)/fincloud-web runserver $(WEB_ADDR)

test-web-postgres: $(STAMP)
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect(sys.argv[1], dbname='postgres', connect_timeout=3).close()" "$(WEB_PG_URL)" 2>/dev/null; then \
	  echo "web tests on PostgreSQL ($(WEB_PG_URL))"; \
	  DATABASE_URL=$(WEB_PG_URL) $(BIN)/pytest -n 2 --dist loadfile -p no:cacheprovider tests/web; \
	elif [ "$(WEB_PG_REQUIRED)" = 1 ]; then \
	  echo "error: PostgreSQL is not reachable at $(WEB_PG_URL)" >&2; exit 1; \
	else \
	  echo "warning: PostgreSQL is not reachable at $(WEB_PG_URL); the PostgreSQL pass of the web tests is skipped" >&2; \
	fi

bench-web: $(STAMP)
	BENCH_DATABASE_URL=$(BENCH_PG_URL) $(BIN)/python benchmarks/bench_web.py

browser-deps:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: /usr/bin/chromium"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	else echo "error: /usr/bin/chromium is missing; run as root: apt-get install chromium chromium-driver" >&2; exit 1; fi
