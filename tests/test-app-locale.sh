#!/bin/sh
# test-app-locale.sh SRCDIR TEST-BINARY LL: compiles po/LL.po, makes the
# LL locale in a temporary LOCPATH and runs test-app-locale in it. Skipped
# (77) while the language has no translation yet.
set -eu
src=$1 binary=$2 lang=$3
po=$src/po/$lang.po
[ -f "$po" ] || { echo "1..0 # SKIP po/$lang.po does not exist yet"; exit 0; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/meshwork-locale.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/catalogue/$lang/LC_MESSAGES" "$tmp/locales"
msgfmt -o "$tmp/catalogue/$lang/LC_MESSAGES/meshwork.mo" "$po"
case $lang in
  *_*) territory=$lang ;;
  *) territory=${lang}_$(echo "$lang" | tr '[:lower:]' '[:upper:]') ;;
esac
localedef -i "$territory" -f UTF-8 "$tmp/locales/$territory.UTF-8" 2>/dev/null || true
[ -d "$tmp/locales/$territory.UTF-8" ] || { echo "1..0 # SKIP cannot make the $territory locale"; exit 0; }
LOCPATH=$tmp/locales LANG=$territory.UTF-8 LC_ALL=$territory.UTF-8 LANGUAGE=$lang \
MESHWORK_TEST_LOCALEDIR=$tmp/catalogue "$binary" --tap
