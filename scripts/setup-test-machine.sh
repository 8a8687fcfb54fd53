#!/usr/bin/env bash
# What the test suite needs beyond the run-time packages (idempotent): PostgreSQL, for the
# server store's tests against a real server; chromium + fonts-noto-cjk, for the browser tests of
# the web UI (Debian's build, never a downloaded browser). Then starts a throwaway PostgreSQL.
set -euo pipefail
here="$(dirname "$0")"
extra=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || extra+=(postgresql)
[ -x /usr/bin/chromium ] || extra+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || extra+=(fonts-noto-cjk)
bash "$here/setup-machine.sh" "${extra[@]}"

# A throwaway PostgreSQL cluster for the store tests, on 127.0.0.1 and a free port. Its
# connection string goes to .vigil/test-env.sh, which scripts/test.sh sources (this script runs
# as a child process and cannot export to its parent); the tests also read .vigil/test-postgres.
bash "$here/start-test-postgres.sh" || echo "PostgreSQL test cluster not started: the PostgreSQL store tests will be skipped" >&2
