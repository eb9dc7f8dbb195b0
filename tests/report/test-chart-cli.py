#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""backchannel --chart on the command line, on the small case whose
measures are worked out by hand in test-measures.c: each chart as SVG
(valid XML, one filled shape per bar), PNG and PDF; --documented-only
draws fewer bars; a chart name that does not exist is refused with a
message that names the ones that do."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

exe, small = sys.argv[1], sys.argv[2]
env = dict(os.environ, LC_ALL="C.UTF-8")
SVG = "{http://www.w3.org/2000/svg}"


def run(*args):
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True)


def bars(path):
    """The bars: one titled group of class "bar" each."""
    root = ET.parse(path).getroot()
    return sum(1 for e in root.iter(SVG + "g") if e.get("class") == "bar")


def texts(path):
    """The labels, as real <text> elements (not glyph outlines)."""
    root = ET.parse(path).getroot()
    return ["".join(e.itertext()) for e in root.iter(SVG + "text")]


expected = {"mechanisms": 4, "lags": 3, "activity": 4}
documented = {"mechanisms": 2, "lags": 1, "activity": 4}

with tempfile.TemporaryDirectory() as tmp:
    for chart, n in expected.items():
        svg = os.path.join(tmp, chart + ".svg")
        r = run("--chart=" + chart, "--export=" + svg, small)
        assert r.returncode == 0, r.stderr
        if shutil.which("xmllint"):
            x = subprocess.run(["xmllint", "--noout", svg], capture_output=True, text=True)
            assert x.returncode == 0, x.stderr
        assert bars(svg) == n, (chart, bars(svg), n)
        if chart == "mechanisms":
            for name in ("Confidential briefing", "Memorandum", "Draft text", "Facilitation"):
                assert name in texts(svg), (name, texts(svg))

        d = os.path.join(tmp, chart + "-documented.svg")
        r = run("--chart=" + chart, "--documented-only", "--export=" + d, small)
        assert r.returncode == 0, r.stderr
        assert bars(d) == documented[chart], (chart, bars(d))

        png = os.path.join(tmp, chart + ".png")
        r = run("--chart=" + chart, "--export=" + png, "--scale=2", small)
        assert r.returncode == 0, r.stderr
        assert open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"

        pdf = os.path.join(tmp, chart + ".pdf")
        r = run("--chart=" + chart, "--export=" + pdf, small)
        assert r.returncode == 0, r.stderr
        assert open(pdf, "rb").read(5) == b"%PDF-"
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
            assert info.returncode == 0 and re.search(r"^Pages:\s+1$", info.stdout, re.M), info.stdout

    bogus = run("--chart=bogus", "--export=" + os.path.join(tmp, "x.svg"), small)
    assert bogus.returncode == 2, bogus.returncode
    assert "bogus" in bogus.stderr and "mechanisms, lags or activity" in bogus.stderr, bogus.stderr
    assert not os.path.exists(os.path.join(tmp, "x.svg"))

    wrong = run("--chart=lags", "--export=" + os.path.join(tmp, "x.csv"), small)
    assert wrong.returncode == 2 and ".svg" in wrong.stderr, wrong.stderr

    alone = run("--chart=lags", small)
    assert alone.returncode == 2 and "--export" in alone.stderr, alone.stderr

print("PASS")
