#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages Backchannel needs to build, run and test,
# those that are missing only. Debian 12 or Ubuntu 22.04 and later.
set -eu

packages="
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream shared-mime-info
  xvfb xauth x11-utils dbus dbus-x11 at-spi2-core python3-pyatspi python3-gi gir1.2-atspi-2.0
  imagemagick fonts-dejavu-core fonts-noto-core librsvg2-bin poppler-utils inkscape
  python3-networkx python3-bibtexparser python3-jsonschema
"
# The exchange tests run citeproc-js and TimelineJS (from npm) with node;
# a machine that already has node and npm (another distribution's build)
# keeps them.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages="$packages nodejs npm"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

echo "Installing:$missing" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
