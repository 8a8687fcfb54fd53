#!/usr/bin/env bash
# Installs the system packages Vigil's tests need on a fresh Debian machine (idempotent).
# libicu: transliteration (icu.net). Later stages add PostgreSQL and chromium here.
set -euo pipefail
need=()
ldconfig -p | grep -q 'libicuuc\.so' || need+=(libicu72)
[ -f /usr/share/locale/en/LC_MESSAGES/geonames.mo ] || need+=(libgeonames-common)  # GeoNames city names in many languages (extraction gazetteer)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please install: ${need[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
