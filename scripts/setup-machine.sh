#!/usr/bin/env bash
# Installs the system packages Vigil's tests need on a fresh Debian machine (idempotent).
# libicu: transliteration (icu.net). postgresql: the server store's tests run against a real
# PostgreSQL. chromium + fonts-noto-cjk: browser tests of the web UI (Debian's build, never a
# downloaded browser).
set -euo pipefail
need=()
ldconfig -p | grep -q 'libicuuc\.so' || need+=(libicu72)
[ -f /usr/share/locale/en/LC_MESSAGES/geonames.mo ] || need+=(libgeonames-common)  # GeoNames city names in many languages (extraction gazetteer)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please install: ${need[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A throwaway PostgreSQL cluster for the store tests, on 127.0.0.1 and a free port. Its
# connection string goes to .vigil/test-env.sh, which scripts/test.sh sources (this script runs
# as a child process and cannot export to its parent); the tests also read .vigil/test-postgres.
bash "$(dirname "$0")/start-test-postgres.sh" || echo "PostgreSQL test cluster not started: the PostgreSQL store tests will be skipped" >&2
