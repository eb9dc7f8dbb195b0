#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What makes each view hard to read, and how long its layout takes: for
# the bundled cases, for seeded random cases and for the 10 000-event
# reference case. Prints figures; asserts nothing. From the source tree:
#
#   tests/bench/bench-legibility.sh [BUILD-DIR] [--runs N] [--seeds N] [--verbose]
set -eu
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build="$top/build"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  build=$1
  shift
fi
build=$(cd "$build" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ninja -C "$build" tests/bench/bench-legibility >/dev/null
bench="$build/tests/bench/bench-legibility"

echo "== The bundled cases, and seeded random cases (60 events each) =="
"$bench" "$@" "$top"/data/cases/*.bcase

echo
echo "== The reference case: 10 000 events, 2 000 actors, 5 000 transfers, 5 000 links =="
python3 "$here/generate-case.py" --events 10000 --output "$work/big.bcase"
"$bench" --runs 3 --seeds 0 "$work/big.bcase"
