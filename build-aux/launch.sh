#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the built program from the source tree, with the bundled cases
# of the tree. Arguments go to backchannel: case files to open, or the
# command-line options (--validate, --export, --list-cases).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
export BACKCHANNEL_CASES_DIR="${BACKCHANNEL_CASES_DIR:-$top/data/cases}"
# The settings schema compiled in the build folder, for the preferences.
export GSETTINGS_SCHEMA_DIR="${GSETTINGS_SCHEMA_DIR:-$top/build/data}"
exec "$top/build/src/backchannel" "$@"
