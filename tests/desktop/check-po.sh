#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A translation compiles (msgfmt --check: formats, plural forms, header)
# and declares the plural forms its language needs.
#
# check-po.sh MSGFMT FILE.po
set -eu
msgfmt=$1 po=$2
lang=$(basename "$po" .po)

"$msgfmt" --check --statistics -o /dev/null "$po"

case $lang in
  ar) expected='nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;' ;;
  fr) expected='nplurals=2; plural=(n > 1);' ;;
  *) expected= ;;
esac

# The header entry, its lines joined: gettext's tools wrap long ones.
header=$(sed -n '/^msgid ""$/,/^$/p' "$po" | sed -n 's/^"\(.*\)"$/\1/p' | tr -d '\n')

if [ -n "$expected" ] && ! printf '%s' "$header" | grep -qF "Plural-Forms: $expected\\n"; then
  echo "$po: the Plural-Forms header is not \"$expected\"" >&2
  exit 1
fi
