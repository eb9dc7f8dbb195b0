#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time from launch to the first frame with the Oslo case drawn, against a
# bare libadwaita window (bench-bare-window.c) on the same machine, in the
# same run. Goal: within 1.5 times. Figures only; nothing here is a test.
#
#   tests/bench/bench-startup.sh [BUILD_DIR] [--runs N]
#
# Builds backchannel and bench-bare-window in BUILD_DIR (default: build),
# then runs both in Xvfb (1280x800x24, GSK_RENDERER=cairo) with a private
# session bus, alternately, N times each (default 15) after 2 warm-ups.
# "First frame" is the frame clock's after-paint after the canvas painted
# the case (BACKCHANNEL_REPORT_FIRST_FRAME=1, read in src/app/bc-canvas-bench.c).
# Needs xvfb-run, dbus-run-session and /usr/bin/python3.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=$src/build
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  build=$1
  shift
fi
[ -d "$build" ] || meson setup "$build" "$src"
ninja -C "$build" src/backchannel tests/bench/bench-bare-window >/dev/null
build=$(cd "$build" && pwd)
exec /usr/bin/python3 "$src/tests/bench/bench-startup.py" \
  "$build/src/backchannel" "$build/tests/bench/bench-bare-window" "$src" "$@"
