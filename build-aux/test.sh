#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and runs the whole test suite.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/install-deps.sh"
[ -d "$top/build" ] || meson setup "$top/build" "$top"
ninja -C "$top/build"
meson test -C "$top/build" --print-errorlogs "$@"
