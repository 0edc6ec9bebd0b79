#!/usr/bin/env bash
# Make a PostgreSQL server available for the tests and print its URL (for FIELDAPP_TEST_PG).
#   1. the machine's own server at 127.0.0.1:5432 (trust auth, database `test`) when it answers;
#   2. otherwise, as root on Debian/Ubuntu: install PostgreSQL's packages and start a throwaway
#      cluster in a temporary folder on port 55432 (stopped and removed when the machine reboots);
#   3. otherwise print nothing: the PostgreSQL tests then skip with a visible reason.
# Messages go to stderr; only the URL goes to stdout.
set -uo pipefail
PORT=${FIELDAPP_PG_PORT:-55432}
answer() { # host port user db
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -U "$3" -d "$4" -t 3
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}
if [ -z "${FIELDAPP_PG_THROWAWAY:-}" ] && answer 127.0.0.1 5432 postgres test; then
  echo "PostgreSQL: using the machine's server at 127.0.0.1:5432" >&2
  echo "postgresql://postgres@127.0.0.1:5432/test"
  exit 0
fi
if answer 127.0.0.1 "$PORT" postgres postgres; then
  echo "PostgreSQL: using the throwaway server at 127.0.0.1:$PORT" >&2
  echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL: none running and not root: PostgreSQL tests will be skipped" >&2
  exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL: installing Debian's postgresql packages for a throwaway server" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      postgresql >/dev/null 2>&1 || { echo "PostgreSQL: install failed: tests will be skipped" >&2; exit 0; }
  else
    echo "PostgreSQL: no server and no apt-get: PostgreSQL tests will be skipped" >&2
    exit 0
  fi
fi
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
DATA=$(mktemp -d /tmp/fieldapp-pg.XXXXXX)
chown postgres "$DATA" 2>/dev/null || { useradd -r postgres 2>/dev/null; chown postgres "$DATA"; }
su postgres -s /bin/sh -c "'$BIN/initdb' -D '$DATA' -A trust -U postgres >/dev/null" >&2 &&
su postgres -s /bin/sh -c "'$BIN/pg_ctl' -D '$DATA' -o '-p $PORT -k $DATA -c listen_addresses=127.0.0.1' -l '$DATA/log' -w start >/dev/null" >&2 ||
  { echo "PostgreSQL: could not start a throwaway server: tests will be skipped" >&2; exit 0; }
echo "PostgreSQL: started a throwaway server at 127.0.0.1:$PORT ($DATA)" >&2
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
