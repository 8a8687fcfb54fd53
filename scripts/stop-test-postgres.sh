#!/usr/bin/env bash
# Stops the throwaway PostgreSQL cluster that start-test-postgres.sh started, and removes it.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f .vigil/test-postgres.dir ] || exit 0
dir=$(cat .vigil/test-postgres.dir)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
[ -d "$dir/data" ] && "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$dir" .vigil/test-postgres .vigil/test-postgres.dir .vigil/test-postgres.port .vigil/test-env.sh
