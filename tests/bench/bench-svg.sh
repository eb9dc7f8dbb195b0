#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writing the SVG of the reference case (10 000 events), against Graphviz
# writing the SVG of the same nodes, labels and edges at the same
# positions (neato -n2 -Tsvg), in the same run. Prints figures; asserts
# nothing. From the source tree, after `meson setup BUILD-DIR`:
#
#   tests/bench/bench-svg.sh [BUILD-DIR] [--runs N]
#
# Needs graphviz (neato) and GNU time (/usr/bin/time).
set -eu
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build="$top/build"
runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    *) build=$1; shift ;;
  esac
done
build=$(cd "$build" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in neato /usr/bin/time python3 ninja; do
  command -v "$tool" >/dev/null || { echo "bench-svg: $tool is missing" >&2; exit 1; }
done

ninja -C "$build" -j1 src/backchannel tests/bench/bench-svg >/dev/null
bc="$build/src/backchannel"
helper="$build/tests/bench/bench-svg"

python3 "$here/generate-case.py" --events 10000 --transfers 5000 --output "$work/big.bcase"

# The helper's own timing: the writer alone, fastest of five, beside
# reading and laying out; and the graph for neato from the same layout.
"$helper" "$work/big.bcase" "$work/helper.svg" "$work/big.dot" | tee "$work/helper.txt"

# Each command $runs times, after one warm-up run: wall time and peak
# resident memory of each run.
measure () {
  name=$1; shift
  "$@" >/dev/null 2>&1
  i=0
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "$name %e %M" -a -o "$work/times.txt" "$@" >/dev/null 2>&1
    i=$((i + 1))
  done
}

# Alternate the two so that a change in the machine's load meets both.
i=0
while [ $i -lt "$runs" ]; do
  /usr/bin/time -f "neato %e %M" -a -o "$work/times.txt" \
    neato -n2 -Tsvg -o "$work/neato.svg" "$work/big.dot" >/dev/null 2>&1
  /usr/bin/time -f "backchannel %e %M" -a -o "$work/times.txt" \
    "$bc" --export="$work/out.svg" "$work/big.bcase" >/dev/null 2>&1
  i=$((i + 1))
done

python3 - "$work/times.txt" "$work/helper.txt" "$work/out.svg" "$work/neato.svg" <<'PY'
import os, statistics, sys
times, helper, ours, theirs = sys.argv[1:]
runs = {}
for line in open(times):
    name, wall, rss = line.split()
    runs.setdefault(name, []).append((float(wall), int(rss)))
fields = dict(zip(*[iter(open(helper).read().split()[6:])] * 2))
t_svg = float(fields["svg"])
neato = statistics.median(w for w, _ in runs["neato"])
whole = statistics.median(w for w, _ in runs["backchannel"])
print()
print(f"{'':34} {'median s':>9} {'peak MiB':>9} {'MiB out':>8}")
print(f"{'neato -n2 -Tsvg (dot in, svg out)':34} {neato:9.3f} "
      f"{max(r for _, r in runs['neato']) / 1024:9.1f} {os.path.getsize(theirs) / 2**20:8.1f}")
print(f"{'backchannel --export=out.svg':34} {whole:9.3f} "
      f"{max(r for _, r in runs['backchannel']) / 1024:9.1f} {os.path.getsize(ours) / 2**20:8.1f}")
print(f"{'  of which reading the case':34} {float(fields['read']):9.3f}")
print(f"{'  of which the layout':34} {float(fields['layout']):9.3f}")
print(f"{'  of which painting and writing SVG':34} {t_svg:9.3f}")
print()
print(f"writing the SVG / neato: {t_svg / neato:.2f} (goal ≤ 0.5)")
print(f"whole command / neato:   {whole / neato:.2f}")
PY
