#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes the case reader, or the history, with libFuzzer under
# AddressSanitizer.
#
#   tests/fuzz/run-fuzzer.sh [SECONDS] [LIBFUZZER-OPTION…]
#   FUZZ_TARGET=history tests/fuzz/run-fuzzer.sh [SECONDS] …
#
# Sets up a separate clang build directory (BUILD_DIR, by default
# build-fuzz beside the sources) the first time, builds only the fuzz
# target, seeds a corpus with the bundled cases and the reader's test
# files, and runs for SECONDS (default 600). New inputs accumulate in
# BUILD_DIR/fuzz/corpus across runs; crashes, leaks and timeouts are
# written to BUILD_DIR/fuzz/artifacts/. Any further arguments go to
# libFuzzer, for example -jobs=4 -workers=4, or -runs=0 to replay.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$src/build-fuzz}
seconds=${1:-600}
[ $# -gt 0 ] && shift

if [ ! -f "$build/build.ninja" ]; then
  # The whole build is instrumented for coverage, so libFuzzer sees the
  # reader's branches; only the fuzz target links the fuzzer's main.
  CC=clang meson setup "$build" "$src" \
    -Db_sanitize=address -Db_lundef=false -Dfuzzing=enabled \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
target=${FUZZ_TARGET:-reader}
case $target in
  reader|history) ;;
  *) echo "FUZZ_TARGET is reader or history, not $target" >&2; exit 2 ;;
esac
ninja -C "$build" "tests/fuzz/fuzz-$target"

seeds=$build/fuzz/seeds-$target
corpus=$build/fuzz/corpus-$target
artifacts=$build/fuzz/artifacts-$target
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
# The history's inputs are choices, not files: it starts from nothing.
[ "$target" = history ] || for f in "$src"/data/cases/*.bcase "$src"/tests/reader/data/*/*.bcase; do
  [ -f "$f" ] || continue
  dir=$(basename "$(dirname "$f")")
  cp "$f" "$seeds/$dir-$(basename "$f")"
done

cd "$build/fuzz"
dict=
[ "$target" = reader ] && dict="-dict=$here/reader.dict"
exec "$build/tests/fuzz/fuzz-$target" \
  ${dict:+"$dict"} \
  -max_total_time="$seconds" \
  -rss_limit_mb=2048 \
  -timeout=10 \
  -print_final_stats=1 \
  -artifact_prefix="$artifacts/" \
  "$@" \
  "$corpus" "$seeds"
