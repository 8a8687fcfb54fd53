#!/usr/bin/env bash
# Runs Vigil's whole test suite on this machine, installing what a fresh machine lacks first.
# Ends with one line "N passed, N failed" counted from the TRX results; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

results=TestResults
rm -rf "$results"

bash scripts/setup-test-machine.sh || { echo "machine set-up failed"; echo "0 passed, 1 failed"; exit 1; }
# The set-up's exports (e.g. the test PostgreSQL's connection string) come back through this file.
[ -f .vigil/test-env.sh ] && source .vigil/test-env.sh
trap 'bash scripts/stop-test-postgres.sh' EXIT
# A cache of its own (lists snapshots, NER models), empty at each run: the tests see what a fresh machine sees.
export VIGIL_CACHE="$PWD/.vigil/test-cache"
rm -rf "$VIGIL_CACHE"

dotnet test Vigil.slnx -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
# A build failure produces no TRX: count it as a failure rather than "0 passed, 0 failed".
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
