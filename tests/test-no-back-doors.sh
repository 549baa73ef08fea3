#!/bin/sh
# test-no-back-doors.sh MESHWORK-CLI [MESHWORK]: the shipping binaries read
# none of the tests' environment variables and hold none of the test script's
# verbs; the tests get those from meshwork-test-app and meshwork-cli-test
# (tests/meshwork-test-app.c, tests/meshwork-cli-test.c). TAP, one line per
# binary and word.
set -u
n=0 failed=0
names="MESHWORK_TEST_SCRIPT MESHWORK_RECOVER MESHWORK_DRAFT_INTERVAL_MS MESHWORK_COMPARE MESHWORK_LAYOUT_TEST"
# The script's verbs are string literals of their own, so a verb is a whole
# line of strings' output ("Could not lay out the import: %s" is not one);
# "quit" is left out: it is also the app's own action.
verbs="wait: add: save: import: compare: asked"

# absent BINARY WORD [GREP-FLAG]: no printable string of BINARY contains WORD
# (with -x: is WORD).
absent() {
  n=$((n + 1))
  if strings -a "$1" | grep -qF ${3:-} -- "$2"; then
    failed=1
    echo "not ok $n - $(basename "$1") holds $2"
  else
    echo "ok $n - $(basename "$1") holds no $2"
  fi
}

echo "TAP version 13"
cli=$1
app=${2:-}
for name in $names; do
  absent "$cli" "$name"
  [ -z "$app" ] || absent "$app" "$name"
done
if [ -n "$app" ]; then
  for verb in $verbs; do
    absent "$app" "$verb" -x
  done
fi
echo "1..$n"
exit $failed
