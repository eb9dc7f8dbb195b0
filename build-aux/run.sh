#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and runs Backchannel from the source tree.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/install-deps.sh"
[ -d "$top/build" ] || meson setup "$top/build" "$top"
ninja -C "$top/build"
exec "$top/build-aux/launch.sh" "$@"
