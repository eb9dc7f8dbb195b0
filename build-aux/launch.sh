#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the built program. Until the window lands, with no arguments it
# shows the command line at work on the bundled Oslo case.
set -eu
export BACKCHANNEL_CASES_DIR="${BACKCHANNEL_CASES_DIR:-$(cd "$(dirname "$0")/.." && pwd)/data/cases}"
top=$(cd "$(dirname "$0")/.." && pwd)
bin="$top/build/src/backchannel"
if [ "$#" -gt 0 ]; then
  exec "$bin" "$@"
fi
echo "backchannel --validate data/cases/*.bcase"
"$bin" --validate "$top"/data/cases/*.bcase && echo "all bundled cases are valid"
out="${TMPDIR:-/tmp}/oslo-canonical.bcase"
echo "backchannel --export=$out data/cases/oslo.bcase"
"$bin" --export="$out" "$top/data/cases/oslo.bcase"
echo "wrote $out"
