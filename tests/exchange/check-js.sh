#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a check of an export with its JavaScript consumer, citeproc-js or
# TimelineJS from the npm registry. The packages are installed once into
# the build folder (pinned versions); the check skips (77) only when node
# or npm is missing, which build-aux/install-deps.sh installs.
#   check-js.sh PROGRAM SRCDIR BUILDDIR citeproc|timeline
set -eu
program=$1 srcdir=$2 builddir=$3 which=$4
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "node or npm missing: skipped"; exit 77; }

modules="$builddir/node"
mkdir -p "$modules"
# One install at a time, whatever runs the tests in parallel.
(
  flock 9
  if [ ! -f "$modules/installed-v1" ]; then
    npm install --prefix "$modules" --no-audit --no-fund --ignore-scripts --no-save \
      citeproc@2.4.63 @knight-lab/timelinejs@3.9.11 jsdom@24.1.1 >"$modules/npm.log" 2>&1 ||
      { cat "$modules/npm.log"; exit 1; }
    touch "$modules/installed-v1"
  fi
) 9>"$modules/.lock"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NODE_PATH="$modules/node_modules"
for name in oslo camp-david abkhazia; do
  case_file="$srcdir/data/cases/$name.bcase"
  if [ "$which" = citeproc ]; then
    "$program" --export="$tmp/$name.csl.json" "$case_file"
    node "$srcdir/tests/exchange/check-citeproc.js" "$tmp/$name.csl.json" "$srcdir/tests/exchange/csl"
  else
    "$program" --export="$tmp/$name.timeline.json" "$case_file"
    /usr/bin/python3 "$srcdir/tests/exchange/timeline-expect.py" "$case_file" >"$tmp/$name.expected.json"
    node "$srcdir/tests/exchange/check-timeline.js" "$tmp/$name.timeline.json" "$tmp/$name.expected.json"
  fi
done
