#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates the screenshots of data/screenshots/ that the metainfo uses:
# lanes-CASE.png and wheel-CASE.png for oslo, camp-david and abkhazia,
# taken from the real window in a 1280x800 virtual display with
# GSK_RENDERER=cairo, the view switched by pressing "Wheel" through AT-SPI.
#
#   tests/e2e/take-screenshots.sh [BUILD_DIR] [OUTPUT_DIR]
#
# BUILD_DIR defaults to build (set up if missing, then built); OUTPUT_DIR
# to data/screenshots. Needs xvfb-run, dbus-run-session, python3-pyatspi,
# at-spi2-core, imagemagick (import) and x11-utils (xwininfo); fonts-noto-core
# and fonts-dejavu-core make the text look as it does on a desktop.
# Look at the pictures before committing them.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
out=${2:-$src/data/screenshots}

for tool in xvfb-run dbus-run-session import xwininfo; do
  if ! command -v $tool >/dev/null; then
    echo "$tool is needed (Debian: xvfb dbus imagemagick x11-utils)" >&2
    exit 2
  fi
done

[ -d "$build" ] || meson setup "$build" "$src"
ninja -C "$build"
mkdir -p "$out"
build=$(cd "$build" && pwd)
exec /usr/bin/python3 "$src/tests/e2e/take-screenshots.py" \
  "$build/src/backchannel" "$src" "$out" "$build"
