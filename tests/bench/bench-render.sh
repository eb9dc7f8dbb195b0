#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drawing speed of the render library, against Graphviz drawing the same
# nodes and edges at the same positions, in the same run. Prints figures;
# asserts nothing. Run from the source tree after `ninja -C build`:
#
#   tests/bench/bench-render.sh [BUILD-DIR]
#
# Needs graphviz (neato) and hyperfine: apt-get install graphviz hyperfine.
set -eu
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bc="$build/src/backchannel"

for tool in neato hyperfine cc pkg-config; do
  command -v "$tool" >/dev/null || { echo "bench-render: $tool is missing" >&2; exit 1; }
done

# The reference synthetic case: 10 000 events, 5 000 transfers. The
# shared generator is used when it is there; this script's own otherwise.
if [ -x "$here/generate-case.py" ] && "$here/generate-case.py" --events 10000 --transfers 5000 \
     --output "$work/big.bcase" 2>/dev/null; then
  :
else
  python3 "$here/bench-render-case.py" 10000 5000 "$work/big.bcase"
fi
python3 "$here/bench-render-case.py" 100 50 "$work/small.bcase"

# The helper links the same static libraries as the application; the
# whole of the core, as meson does, for its resources (the schema).
cc -O2 -o "$work/bench-render" "$here/bench-render.c" \
  -I"$build" -I"$top/src/core" -I"$build/src/core" -I"$top/src/render" \
  "$build/src/render/libbc-render.a" \
  -Wl,--whole-archive "$build/src/core/libbc-core.a" -Wl,--no-whole-archive \
  $(pkg-config --cflags --libs gio-2.0 libxml-2.0 pangocairo cairo-pdf cairo-svg cairo-png) -lm

set -- $("$work/bench-render" dot "$work/big.bcase" "$work/big.dot")
width=$1 height=$2
echo "layout: $3 events, $4 transfers drawn; picture ${width}×${height} pt"

echo
echo "== SVG: backchannel --export vs neato -n2 -Tsvg (same nodes, edges, positions) =="
hyperfine --warmup 1 --runs 5 --export-json "$work/svg.json" \
  "$bc --export=$work/out.svg $work/big.bcase" \
  "neato -n2 -Tsvg -o $work/neato.svg $work/big.dot"

echo
echo "== PNG at the same pixel size: backchannel --export vs neato -n2 -Tpng =="
hyperfine --warmup 1 --runs 5 --export-json "$work/png.json" \
  "$bc --export=$work/out.png $work/big.bcase" \
  "neato -n2 -Tpng -Gdpi=72 -o $work/neato.png $work/big.dot"
file "$work/out.png" "$work/neato.png" | sed "s|$work/||"

python3 - "$work/svg.json" "$work/png.json" <<'PY'
import json, sys
for name, path in zip(("SVG", "PNG"), sys.argv[1:]):
    r = json.load(open(path))["results"]
    print(f"{name}: backchannel {r[0]['mean']*1000:.0f} ms, neato {r[1]['mean']*1000:.0f} ms, "
          f"ratio {r[0]['mean']/r[1]['mean']:.2f} (goal ≤ 1.0)")
PY

echo
echo "== Painting a viewport of ~100 items of the big case vs the whole 100-event case =="
"$work/bench-render" viewport "$work/big.bcase" "$work/small.bcase"
