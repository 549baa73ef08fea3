#!/bin/sh
# test-install.sh BUILDDIR APP_ID PREFIX: installs Meshwork into a temporary
# DESTDIR, checks that every file a desktop needs is there, runs the installed
# meshwork-cli, and starts the installed app on the X display until it shows
# its window. Needs DISPLAY (build-aux/dev test runs the suite under Xvfb).
# TAP output, one line per check.
set -u
build=$1 app_id=$2 prefix=$3
dest=$(mktemp -d "${TMPDIR:-/tmp}/meshwork-install.XXXXXX")
app_pid=
# The app runs in a process group of its own (setsid), and the whole group
# is stopped: killing only dbus-run-session would leave the app running.
stop_app() {
  [ -n "$app_pid" ] || return 0
  kill -TERM -- "-$app_pid" 2>/dev/null || kill -TERM "$app_pid" 2>/dev/null
  wait "$app_pid" 2>/dev/null
  app_pid=
}
cleanup() {
  stop_app
  rm -rf "$dest"
}
trap cleanup EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check() { desc=$1; shift; if "$@" >/dev/null 2>&1; then ok "$desc"; else not_ok "$desc"; fi; }

echo "TAP version 13"
if ! meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1; then
  sed 's/^/# /' "$dest.log"; rm -f "$dest.log"
  echo "1..1"; echo "not ok 1 - meson install --destdir"; exit 1
fi
rm -f "$dest.log"
ok "meson install --destdir"

root=$dest$prefix
share=$root/share
for f in bin/meshwork bin/meshwork-cli \
         "share/applications/$app_id.desktop" "share/metainfo/$app_id.metainfo.xml" \
         "share/icons/hicolor/scalable/apps/$app_id.svg" \
         "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         "share/mime/packages/$app_id.xml" share/glib-2.0/schemas/io.github.meshwork.Meshwork.gschema.xml \
         share/meshwork/help/index.html share/meshwork/help/guide.css share/meshwork/examples/meshwork-example.gv \
         share/man/man1/meshwork-cli.1; do
  check "installed $f" test -s "$root/$f"
done
# Every picture the guide shows is installed beside it.
for img in $(sed -n 's/.*<img src="\([^"]*\)".*/\1/p' "$share/meshwork/help/index.html"); do
  check "the guide's picture $img is installed" test -s "$share/meshwork/help/$img"
done
check "the desktop file opens Graphviz documents" grep -q '^MimeType=.*text/vnd.graphviz' "$share/applications/$app_id.desktop"

version=$("$root/bin/meshwork-cli" --version 2>&1)
case $version in
  "meshwork-cli "[0-9]*) ok "installed meshwork-cli --version: $version" ;;
  *) not_ok "installed meshwork-cli --version printed '$version'" ;;
esac
check "installed meshwork-cli scores the installed example" \
  "$root/bin/meshwork-cli" score "$share/meshwork/examples/meshwork-example.gv"

# The post-install script does not run under DESTDIR: compile the schema here.
if glib-compile-schemas --strict "$share/glib-2.0/schemas"; then
  ok "the installed schema compiles"
else
  not_ok "the installed schema compiles"
fi

# What the post-install script does for desktops, then: Graphviz documents
# are recognised and open with Meshwork.
if command -v update-desktop-database >/dev/null && command -v update-mime-database >/dev/null \
   && command -v gio >/dev/null; then
  update-desktop-database -q "$share/applications"
  update-mime-database "$share/mime" >/dev/null 2>&1
  cp "$share/meshwork/examples/meshwork-example.gv" "$dest/network.dot"
  mime=$(PATH="$root/bin:$PATH" XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/share}" \
         XDG_DATA_HOME="$dest/none" XDG_CONFIG_HOME="$dest/none" gio mime text/vnd.graphviz 2>&1)
  case $mime in
    *"Registered applications:"*"$app_id.desktop"*) ok "Meshwork is registered for text/vnd.graphviz" ;;
    *) not_ok "Meshwork is registered for text/vnd.graphviz"; echo "$mime" | sed 's/^/# /' ;;
  esac
  type=$(XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/share}" gio info -a standard::content-type "$dest/network.dot" 2>&1)
  case $type in
    *"content-type: text/vnd.graphviz"*) ok "a .dot file is text/vnd.graphviz" ;;
    *) not_ok "a .dot file is text/vnd.graphviz"; echo "$type" | sed 's/^/# /' ;;
  esac
fi

# The installed app, with nothing from the build dir, shows its window.
export GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas" GSETTINGS_BACKEND=memory
export XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/share}" XDG_CONFIG_HOME="$dest/config"
export XDG_DATA_HOME="$dest/data" XDG_CACHE_HOME="$dest/cache" NO_AT_BRIDGE=1 GTK_A11Y=none
unset G_DEBUG
runner=
command -v dbus-run-session >/dev/null && runner=dbus-run-session
if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "ok $((n + 1)) # SKIP no X display or xdotool"; n=$((n + 1))
else
  # A name of its own, so no other window on the display can pass for it.
  doc=install-check-$$.gv
  cp "$share/meshwork/examples/meshwork-example.gv" "$dest/$doc"
  setsid $runner -- "$root/bin/meshwork" "$dest/$doc" >"$dest/app.log" 2>&1 &
  app_pid=$!
  # The window's title names the file the app opened.
  if timeout 20 xdotool search --sync --onlyvisible --name "$doc" >/dev/null 2>&1; then
    ok "the installed app shows a window with the example"
  else
    not_ok "the installed app shows a window with the example"
    sed 's/^/# /' "$dest/app.log"
  fi
  stop_app
fi
echo "1..$n"
exit $failed
