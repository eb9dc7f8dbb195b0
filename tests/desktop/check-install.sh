#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary folder and checks that every file
# is where the desktop looks for it.
#
# check-install.sh MESON BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID
set -eu

meson=$1 builddir=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6 app_id=$7

destdir=$(mktemp -d "${TMPDIR:-/tmp}/backchannel-install-XXXXXX")
trap 'rm -rf "$destdir"' EXIT

# --no-rebuild: meson test has already built everything, and a second
# ninja in the same folder would wait on the first.
"$meson" install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet

# Relative options are under the prefix; absolute ones stand alone.
under_prefix () {
  case $1 in
    /*) echo "$destdir$1" ;;
    *) echo "$destdir$prefix/$1" ;;
  esac
}
bin=$(under_prefix "$bindir")
share=$(under_prefix "$datadir")
locale=$(under_prefix "$localedir")

failed=0
n=0
check () {
  n=$((n + 1))
  if [ -e "$1" ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2: ${1#"$destdir"} is missing"
    failed=1
  fi
}

check "$bin/backchannel" "the program"
check "$share/applications/$app_id.desktop" "the desktop file"
check "$share/dbus-1/services/$app_id.service" "the D-Bus service for DBusActivatable"
check "$share/metainfo/$app_id.metainfo.xml" "the AppStream metainfo"
check "$share/glib-2.0/schemas/io.github.backchannel.Backchannel.gschema.xml" "the GSettings schema"
check "$share/mime/packages/$app_id.xml" "the MIME type"
check "$share/icons/hicolor/scalable/apps/$app_id.svg" "the application icon"
check "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" "the symbolic icon"
check "$share/icons/hicolor/scalable/mimetypes/application-x-backchannel-case+xml.svg" "the MIME-type icon"
for name in oslo camp-david abkhazia; do
  check "$share/backchannel/cases/$name.bcase" "the bundled case $name"
done
for lang in ar fr; do
  check "$locale/$lang/LC_MESSAGES/backchannel.mo" "the $lang translation"
done

# The files name each other: the desktop file's icon, the service's bus
# name and the metainfo's launchable must match what is installed.
n=$((n + 1))
desktop="$share/applications/$app_id.desktop"
if [ -e "$desktop" ] &&
   grep -qx "Icon=$app_id" "$desktop" &&
   grep -qx "DBusActivatable=true" "$desktop" &&
   grep -qx "MimeType=application/x-backchannel-case+xml;" "$desktop" &&
   grep -qx "Name=$app_id" "$share/dbus-1/services/$app_id.service" &&
   grep -q "Exec=.*/backchannel --gapplication-service" "$share/dbus-1/services/$app_id.service" &&
   grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$share/metainfo/$app_id.metainfo.xml"; then
  echo "ok $n - the desktop file, service and metainfo name the same application"
else
  echo "not ok $n - the desktop file, service and metainfo do not agree on $app_id"
  failed=1
fi

# The Arabic translation reached the installed desktop file.
n=$((n + 1))
if grep -q "^Comment\[ar\]=" "$desktop" 2>/dev/null; then
  echo "ok $n - the desktop file is translated"
else
  echo "not ok $n - the desktop file has no Arabic Comment"
  failed=1
fi

echo "1..$n"
exit $failed
