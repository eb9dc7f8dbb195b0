#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""backchannel --export=OUT.pdf --story, as a user runs it, read back by
poppler: one page a step, each page with its heading and its caption as
text; the same case gives the same bytes; a case without a story and a
type other than PDF are refused with a message."""

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

BACKCHANNEL = os.environ["BACKCHANNEL"]
CASES = os.environ["BACKCHANNEL_CASES_DIR"]
HERE = os.path.dirname(os.path.abspath(__file__))

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args):
    return subprocess.run([BACKCHANNEL, *args], capture_output=True, text=True)


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def story_case(case_name):
    out = tempfile.mkdtemp(prefix="bc-story-")
    pdf = os.path.join(out, case_name + ".pdf")
    path = os.path.join(CASES, case_name + ".bcase")
    steps = ET.parse(path).getroot().find("story").findall("step")
    r = run("--export=" + pdf, "--story", path)
    check(case_name + ": exit status 0", r.returncode == 0, r.stderr)
    if r.returncode != 0:
        return
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    check(case_name + ": one page a step", pages == len(steps), "%d pages, %d steps" % (pages, len(steps)))
    for i, step in enumerate(steps):
        text = subprocess.run(["pdftotext", "-f", str(i + 1), "-l", str(i + 1), "-layout", pdf, "-"],
                              capture_output=True, text=True).stdout
        flat = words(text)
        heading = "Step %d of %d" % (i + 1, len(steps))
        check("%s: page %d has its heading" % (case_name, i + 1), heading in flat, flat[:200])
        # Wrapping splits lines, not words: the first and last words of the
        # caption are on the page in order.
        caption = words(step.findtext("caption")).split(" ")
        start = " ".join(caption[:4])
        check("%s: page %d has its caption" % (case_name, i + 1),
              start in flat and caption[-1] in flat, start)
    again = pdf + ".again.pdf"
    run("--export=" + again, "--story", path)
    with open(pdf, "rb") as a, open(again, "rb") as b:
        check(case_name + ": the same case gives the same bytes", a.read() == b.read())


def refusals():
    out = tempfile.mkdtemp(prefix="bc-story-")
    plain = os.path.join(HERE, "..", "reader", "data", "valid", "base.bcase")
    r = run("--export=" + os.path.join(out, "x.pdf"), "--story", plain)
    check("a case without a story is refused", r.returncode == 1 and "no story" in r.stderr
          and "base.bcase" in r.stderr, r.stderr)
    check("nothing is written for it", not os.path.exists(os.path.join(out, "x.pdf")))
    r = run("--export=" + os.path.join(out, "x.png"), "--story", os.path.join(CASES, "oslo.bcase"))
    check("--story with PNG is refused", r.returncode == 2 and ".pdf" in r.stderr, r.stderr)


if sys.argv[1] == "refusals":
    refusals()
else:
    story_case(sys.argv[1])

print("1..%d" % len(results))
for n, (name, ok, detail) in enumerate(results, 1):
    print("%s %d %s" % ("ok" if ok else "not ok", n, name))
    if not ok and detail:
        for line in str(detail).splitlines():
            print("# " + line)
sys.exit(0)
