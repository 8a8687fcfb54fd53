#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster for the tests and records its connection
# string in .vigil/test-postgres and .vigil/test-env.sh. Idempotent: a cluster this script
# started and that still answers is reused. Stop it with scripts/stop-test-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
state=.vigil
mkdir -p "$state"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }

if [ -f "$state/test-postgres.dir" ]; then
  dir=$(cat "$state/test-postgres.dir"); port=$(cat "$state/test-postgres.port" 2>/dev/null || echo 0)
  if [ -d "$dir" ] && "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    echo "PostgreSQL test cluster already running on 127.0.0.1:$port"
    exit 0
  fi
fi

# initdb refuses to run as root: the cluster belongs to the postgres user (or to us when not root).
as=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as=(runuser -u postgres --)
fi
dir=$(mktemp -d /tmp/vigil-pg-XXXXXX)
chmod 700 "$dir"
[ ${#as[@]} -gt 0 ] && chown postgres "$dir"

port=""
for p in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port for PostgreSQL" >&2; exit 1; }

"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
"${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres vigil_test

cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=vigil_test"
echo "$dir" > "$state/test-postgres.dir"
echo "$port" > "$state/test-postgres.port"
echo "$cs" > "$state/test-postgres"
printf 'export VIGIL_TEST_POSTGRES=%q\n' "$cs" > "$state/test-env.sh"
echo "PostgreSQL test cluster on 127.0.0.1:$port ($dir)"
