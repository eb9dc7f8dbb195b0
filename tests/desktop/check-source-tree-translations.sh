#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The program run from the source tree speaks the user's language: the
# launch script points it at the translations compiled in the build
# folder, and keeps LANGUAGE working in a bare C locale.
#
#   check-source-tree-translations.sh SOURCE-DIR BUILD-DIR
set -eu
src=$1
build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.bcase"

for pair in "fr:Le fichier est vide" "ar:الملف فارغ"; do
  lang=${pair%%:*}
  want=${pair#*:}
  # A bare shell: no locale at all, as a terminal may have.
  out=$(env -u LC_ALL -u LC_MESSAGES -u LANG -u BACKCHANNEL_LOCALEDIR \
          LANGUAGE="$lang" BACKCHANNEL_BUILD_DIR="$build" \
          "$src/build-aux/launch.sh" --validate "$tmp/empty.bcase" 2>&1 || true)
  case $out in
    *"$want"*) echo "ok: LANGUAGE=$lang: $out" ;;
    *) echo "LANGUAGE=$lang should say “$want”, said: $out" >&2; exit 1 ;;
  esac
done
