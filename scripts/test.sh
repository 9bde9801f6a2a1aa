#!/usr/bin/env bash
# `make test`: install what the tests need, start a throwaway PostgreSQL, run the whole suite
# on SQLite and the database tests again on PostgreSQL. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing ${need_apt[*]}: run make test as root once, or install them" >&2
    exit 1
  fi
fi

make --no-print-directory "$VENV/.installed-stamp"

echo "== ruff"
"$VENV/bin/ruff" check src tests bench
"$VENV/bin/ruff" format --check src tests bench || echo "(format drift: run make format)"
echo "== mypy --strict on the domain core"
"$VENV/bin/mypy"

export ABA_DATA_DIR; ABA_DATA_DIR=$(mktemp -d /tmp/aba-test-data.XXXXXX)
export ABA_TEST_OUTPUT=${ABA_TEST_OUTPUT:-$PWD/test-output}
mkdir -p "$ABA_TEST_OUTPUT"

# A throwaway PostgreSQL cluster on 127.0.0.1, owned by the postgres user (initdb refuses root).
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PG_DIR=$(mktemp -d /tmp/aba-pg.XXXXXX)
PG_PORT=${ABA_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
cleanup() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR" "$ABA_DATA_DIR"; }
trap cleanup EXIT
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
export ABA_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export ABA_PG_BIN="$PG_BIN" ABA_PG_DIR="$PG_DIR"

echo "== pytest on SQLite (whole suite)"
"$VENV/bin/pytest" -q -p no:cacheprovider "$@"

echo "== pytest on PostgreSQL (database tests)"
DATABASE_URL="$ABA_PG_URL" "$VENV/bin/pytest" -q -p no:cacheprovider -m "not browser and not nopg" \
  --ignore=tests/core "$@"
