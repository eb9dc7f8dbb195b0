#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# po/POTFILES.in must name every file with translatable strings, or the
# strings never reach the translators; and only files that exist.
#
# check-potfiles.sh SOURCE_ROOT
set -eu
cd "$1"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
failed=0
n=0

marked=$( (grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext|g_dpgettext2?)[[:space:]]*\(' \
             --include='*.c' src || true;
           grep -lE 'translatable="yes"' ui/*.ui || true) | sort -u)

for f in $marked; do
  n=$((n + 1))
  if printf '%s\n' "$listed" | grep -qx "$f"; then
    echo "ok $n - $f is in po/POTFILES.in"
  else
    echo "not ok $n - $f has translatable strings but is not in po/POTFILES.in"
    failed=1
  fi
done

for f in $listed; do
  n=$((n + 1))
  if [ -e "$f" ]; then
    echo "ok $n - $f exists"
  else
    echo "not ok $n - po/POTFILES.in names $f, which does not exist"
    failed=1
  fi
done

echo "1..$n"
exit $failed
