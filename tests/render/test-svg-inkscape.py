#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SVG export stays text in Inkscape, the program analysts edit it in.

For each bundled case: exports the lanes as SVG with the real command
line, has Inkscape read it and write it back as plain SVG, and checks
that every <text> of the export is still a <text> holding the same
words (Inkscape turned nothing into paths and lost no line), and that
Inkscape's own list of objects names each text with a size. Exits 77
(skip) when inkscape is missing; build-aux/install-deps.sh installs it.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

BACKCHANNEL = os.environ.get("BACKCHANNEL", "backchannel")
CASES = os.environ.get("BACKCHANNEL_CASES_DIR", "data/cases")
SVG = "{http://www.w3.org/2000/svg}"
n = 0
failed = False


def ok(cond, what):
    global n, failed
    n += 1
    print(("ok" if cond else "not ok") + f" {n} {what}")
    failed |= not cond


def texts(path):
    """The words of each <text>, its tspans joined, in document order."""
    root = ET.parse(path).getroot()
    out = []
    for t in root.iter(SVG + "text"):
        words = " ".join("".join(t.itertext()).split())
        if words:
            out.append(words)
    return out


def main():
    inkscape = shutil.which("inkscape")
    if inkscape is None:
        print("1..0 # SKIP inkscape is missing (Debian: inkscape)")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        for case in ["oslo", "camp-david", "abkhazia"]:
            svg = os.path.join(tmp, case + ".svg")
            back = os.path.join(tmp, case + "-inkscape.svg")
            r = subprocess.run([BACKCHANNEL, "--export=" + svg,
                                os.path.join(CASES, case + ".bcase")],
                               capture_output=True, text=True)
            ok(r.returncode == 0, f"{case}: exported ({r.stderr.strip()})")
            ours = texts(svg)
            ok(len(ours) > 20, f"{case}: the export has {len(ours)} texts")

            r = subprocess.run([inkscape, "--export-plain-svg", "--export-type=svg",
                                "--export-filename=" + back, svg],
                               capture_output=True, text=True, env=env, timeout=600)
            ok(r.returncode == 0 and os.path.exists(back),
               f"{case}: Inkscape read and wrote it ({r.returncode})")
            if not os.path.exists(back):
                continue
            theirs = texts(back)
            ok(theirs == ours,
               f"{case}: after Inkscape, {len(theirs)} of {len(ours)} texts are text with the same words")
            missing = [t for t in ours if t not in theirs][:3]
            if missing:
                print(f"# not text any more: {missing}")

            r = subprocess.run([inkscape, "--query-all", svg],
                               capture_output=True, text=True, env=env, timeout=600)
            sized = [line for line in r.stdout.splitlines()
                     if line.startswith("text") and float(line.split(",")[3]) > 0]
            ok(len(sized) == len(ours),
               f"{case}: Inkscape lists {len(sized)} text objects with a size, of {len(ours)}")
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
