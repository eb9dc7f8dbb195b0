#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Frame times from the frame clock while the canvas pans the 10 000-event
# synthetic case, in Xvfb with GSK_RENDERER=cairo. Goal: p90 under 16 ms.
# Figures only; nothing here is a test.
#
#   tests/bench/bench-frames.sh [BUILD_DIR] [--events N | --case FILE]
#                               [--frames N] [--dx PX] [--dy PX] [--runs N]
#
# Builds backchannel in BUILD_DIR (default: build), writes the case with
# generate-case.py, and runs the program with BACKCHANNEL_BENCH_PAN=
# FRAMES:DX:DY (read in src/app/bc-canvas-bench.c: a tick callback pans DX, DY pixels
# a frame, and each frame's before-paint to after-paint time is printed).
# The default pan is downwards, 12 px a frame, 300 frames, 3 runs.
# Needs xvfb-run, dbus-run-session and /usr/bin/python3.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=$src/build
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  build=$1
  shift
fi
[ -d "$build" ] || meson setup "$build" "$src"
ninja -C "$build" src/backchannel >/dev/null
build=$(cd "$build" && pwd)
exec /usr/bin/python3 "$src/tests/bench/bench-frames.py" "$build/src/backchannel" "$src" "$@"
