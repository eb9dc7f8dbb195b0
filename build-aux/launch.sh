#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the built program from the source tree, with the bundled cases
# of the tree. Arguments go to backchannel: case files to open, or the
# command-line options (--validate, --export, --list-cases).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BACKCHANNEL_BUILD_DIR:-$top/build}
export BACKCHANNEL_CASES_DIR="${BACKCHANNEL_CASES_DIR:-$top/data/cases}"
# The settings schema compiled in the build folder, for the preferences.
export GSETTINGS_SCHEMA_DIR="${GSETTINGS_SCHEMA_DIR:-$build/data}"
# The translations compiled in the build folder (po/LANG/LC_MESSAGES).
export BACKCHANNEL_LOCALEDIR="${BACKCHANNEL_LOCALEDIR:-$build/po}"
# gettext ignores LANGUAGE (LANGUAGE=ar build-aux/run.sh) in the plain C
# locale, which a bare shell has; its UTF-8 form keeps it working.
case "${LC_ALL:-${LC_MESSAGES:-${LANG:-C}}}" in
  C|POSIX) export LC_ALL=C.UTF-8 ;;
esac
exec "$build/src/backchannel" "$@"
