#!/usr/bin/env bash
# Installs the Debian packages Vigil reads at run time when they are missing (idempotent):
# libicu (transliteration through icu.net) and libgeonames-common (GeoNames city names in many
# languages, for the extraction gazetteer). The test suite needs more: scripts/setup-test-machine.sh.
set -euo pipefail
need=()
ldconfig -p | grep -q 'libicuuc\.so' || need+=(libicu72)
[ -f /usr/share/locale/en/LC_MESSAGES/geonames.mo ] || need+=(libgeonames-common)
need+=("$@")
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please install these Debian packages (as root): ${need[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
