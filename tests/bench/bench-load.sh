#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How long reading a large case takes, against xmllint doing the same work
# on the same file in the same run.
#
#   tests/bench/bench-load.sh [BUILD_DIR] [--events N] [--runs N] [--no-hostile]
#
# Builds nothing: BUILD_DIR (default: build) must hold src/backchannel.
# Generates the reference case (generate-case.py: 10 000 events, 2 000
# actors, 5 000 transfers) into a temporary directory, checks that both
# backchannel and xmllint's RELAX NG validation accept it, then times
#
#   backchannel --validate F                  parse, schema, model, checks
#   xmllint --noout F                         parse only
#   xmllint --noout --relaxng case.rng F      parse and schema
#
# with hyperfine when it is installed (else a loop around /usr/bin/time),
# and reports mean times, the ratios backchannel / xmllint, and the peak
# memory (maximum resident set, /usr/bin/time -f %M) of each. Then it
# times how fast backchannel refuses each hostile input, and at what
# memory. Figures only: nothing here passes or fails on time.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$src/build
events=10000
runs=10
hostile=yes

while [ $# -gt 0 ]; do
  case $1 in
    --events) events=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-hostile) hostile=no; shift ;;
    -h|--help) sed -n '4,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "Unknown option $1" >&2; exit 2 ;;
    *) build=$(cd "$1" && pwd); shift ;;
  esac
done

backchannel=$build/src/backchannel
schema=$src/data/schema/case.rng
if [ ! -x "$backchannel" ]; then
  echo "No $backchannel: build first (ninja -C $build)" >&2
  exit 2
fi
for tool in xmllint python3; do
  if ! command -v $tool >/dev/null; then
    echo "$tool is needed" >&2
    exit 2
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time is needed for peak memory (Debian: apt-get install time)" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bc-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
case_file=$tmp/reference.bcase

python3 "$here/generate-case.py" --events "$events" -o "$case_file"
size=$(wc -c < "$case_file")
echo "Reference case: $events events, $(grep -c '<actor ' "$case_file") actors," \
     "$(grep -c '<transfer ' "$case_file") transfers, $size bytes"
echo "backchannel: $backchannel"
echo "xmllint: $(xmllint --version 2>&1 | head -n 1)"
echo

"$backchannel" --validate "$case_file" || { echo "backchannel refuses the reference case" >&2; exit 1; }
xmllint --noout --relaxng "$schema" "$case_file" 2>/dev/null ||
  { echo "xmllint refuses the reference case" >&2; exit 1; }

# Mean wall time in seconds of each command, one per line, in order.
if command -v hyperfine >/dev/null; then
  echo "Timing with $(hyperfine --version), $runs runs each after 2 warm-up runs"
  hyperfine --style basic --warmup 2 --runs "$runs" --export-json "$tmp/times.json" \
    -n backchannel "'$backchannel' --validate '$case_file'" \
    -n xmllint "xmllint --noout '$case_file'" \
    -n xmllint-relaxng "xmllint --noout --relaxng '$schema' '$case_file'" >"$tmp/hyperfine.log"
  python3 - "$tmp/times.json" >"$tmp/means" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%.6f %.6f" % (r["mean"], r["stddev"] or 0.0))
EOF
else
  echo "Timing with /usr/bin/time, $runs runs each (hyperfine not installed)"
  : >"$tmp/means"
  for cmd in "$backchannel --validate" "xmllint --noout" "xmllint --noout --relaxng $schema"; do
    : >"$tmp/t"
    i=0
    while [ $i -lt "$runs" ]; do
      /usr/bin/time -f %e -a -o "$tmp/t" $cmd "$case_file" >/dev/null 2>&1
      i=$((i + 1))
    done
    awk '{ s += $1; q += $1 * $1 } END { m = s / NR; v = q / NR - m * m;
           printf "%.6f %.6f\n", m, (v > 0 ? sqrt(v) : 0) }' "$tmp/t" >>"$tmp/means"
  done
fi

# Peak resident memory in KiB: the largest of three runs.
peak () {
  : >"$tmp/m"
  for _ in 1 2 3; do
    /usr/bin/time -f %M -a -o "$tmp/m" "$@" >/dev/null 2>&1 || true
  done
  sort -n "$tmp/m" | tail -n 1
}
m1=$(peak "$backchannel" --validate "$case_file")
m2=$(peak xmllint --noout "$case_file")
m3=$(peak xmllint --noout --relaxng "$schema" "$case_file")

python3 - "$tmp/means" "$m1" "$m2" "$m3" <<'EOF'
import sys
means = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
mem = [int(x) for x in sys.argv[2:5]]
names = ["backchannel --validate", "xmllint --noout", "xmllint --noout --relaxng"]
print()
print("%-28s %12s %10s %14s" % ("", "mean", "± stddev", "peak RSS"))
for n, (m, s), k in zip(names, means, mem):
    print("%-28s %10.1f ms %7.1f ms %10.1f MiB" % (n, m * 1000, s * 1000, k / 1024))
print()
b = means[0][0]
print("backchannel / xmllint parse only:     %.2f× the time, %.2f× the memory" % (b / means[1][0], mem[0] / mem[1]))
print("backchannel / xmllint with RELAX NG:  %.2f× the time, %.2f× the memory" % (b / means[2][0], mem[0] / mem[2]))
EOF

[ "$hostile" = yes ] || exit 0

# Hostile inputs, as the reader tests make them; refusal time and memory.
mkdir "$tmp/hostile"
python3 - "$tmp/hostile" "$src" <<'EOF'
import os, random, sys
d, src = sys.argv[1], sys.argv[2]
def put(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
secret = os.path.join(d, "secret.txt")
put("secret.txt", "BC-MARKER-never-read\n")
put("billion-laughs.bcase", open(os.path.join(src, "tests/reader/data/hostile/billion-laughs.bcase"), "rb").read())
put("external-entity.bcase", '<?xml version="1.0"?>\n<!DOCTYPE case [ <!ENTITY s SYSTEM "file://%s"> ]>\n'
    '<case version="1" id="x"><title>&s;</title></case>\n' % secret)
put("external-dtd-network.bcase", open(os.path.join(src, "tests/reader/data/hostile/external-dtd-network.bcase"), "rb").read())
put("xinclude.bcase", '<?xml version="1.0"?>\n<case version="1" id="x" xmlns:xi="http://www.w3.org/2001/XInclude">'
    '<title><xi:include href="%s" parse="text"/></title></case>\n' % secret)
n = 100000
put("deep-100000.bcase", '<?xml version="1.0"?>\n<case version="1" id="x"><title>x</title><summary>'
    + "<a>" * n + "</a>" * n + "</summary></case>\n")
put("invalid-utf8.bcase", b'<?xml version="1.0" encoding="UTF-8"?>\n<case version="1" id="x">\n'
    b'  <title>caf\xc3\x28 \xff\xfe</title>\n</case>\n')
oslo = open(os.path.join(src, "data/cases/oslo.bcase"), "rb").read()
put("truncated-oslo.bcase", oslo[: len(oslo) // 2])
put("empty.bcase", b"")
rng = random.Random(20261124)
put("garbage-64k.bcase", bytes(rng.getrandbits(8) for _ in range(65536)))
with open(os.path.join(d, "huge-70mib.bcase"), "wb") as f:
    f.write(b"<")
    f.truncate(70 * 1024 * 1024)
put("utf16.bcase", '<?xml version="1.0" encoding="UTF-16"?>\n<case version="1" id="x"><title>x</title></case>\n'
    .encode("utf-16"))
put("iso-8859-1.bcase", '<?xml version="1.0" encoding="ISO-8859-1"?>\n<case version="1" id="x"><title>Café</title></case>\n'
    .encode("latin-1"))
put("ucs4.bcase", "<case>".encode("utf-32-le"))
EOF

echo
echo "Hostile inputs: backchannel --validate (the largest of 3 runs)"
printf '%-28s %8s %12s  %s\n' input seconds "peak RSS" "first diagnostic"
for f in billion-laughs external-entity external-dtd-network xinclude deep-100000 invalid-utf8 \
         truncated-oslo empty garbage-64k huge-70mib utf16 iso-8859-1 ucs4; do
  file=$tmp/hostile/$f.bcase
  : >"$tmp/h"
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -a -o "$tmp/h" "$backchannel" --validate "$file" >"$tmp/out" 2>"$tmp/err" || true
  done
  first=$(cat "$tmp/out" "$tmp/err" | grep -v '^$' | head -n 1 | sed "s|^$tmp/hostile/||" | cut -c1-70)
  if "$backchannel" --validate "$file" >/dev/null 2>&1; then
    first="ACCEPTED as a valid case (exit status 0)"
  fi
  sort -k2 -n "$tmp/h" | tail -n 1 | {
    read -r secs kib
    printf '%-28s %8s %8.1f MiB  %s\n' "$f" "$secs" "$(echo "$kib" | awk '{ print $1 / 1024 }')" "$first"
  }
done
