#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports through the real command line, checked with the tools users have.

  test-export.py export CASE VIEW FORMAT
  test-export.py right-to-left | bad-options | scale | known-on

Prints TAP. A missing tool (xmllint, rsvg-convert, pdfinfo) skips its check.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

BACKCHANNEL = os.environ.get("BACKCHANNEL", "backchannel")
results = []


def ok(cond, name):
    results.append((bool(cond), name))


def skip(name, why):
    results.append((None, f"{name} # SKIP {why}"))


def finish():
    print(f"1..{len(results)}")
    failed = False
    for i, (cond, name) in enumerate(results, 1):
        if cond is None:
            print(f"ok {i} {name}")
        elif cond:
            print(f"ok {i} - {name}")
        else:
            failed = True
            print(f"not ok {i} - {name}")
    sys.exit(1 if failed else 0)


def run(*args):
    return subprocess.run([BACKCHANNEL, *args], capture_output=True, text=True)


def png_info(data):
    """Width, height and how many distinct scanlines: a blank picture
    has one."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4, 0: 1, 4: 2}.get(colour, 4)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    row = width * channels + 1
    rows = {raw[i * row + 1:(i + 1) * row] for i in range(height)}
    return width, height, len(rows)


def export(case, view, fmt, directory, *extra):
    out = os.path.join(directory, f"{case}-{view}.{fmt}")
    r = run(f"--export={out}", f"--view={view}", *extra, case)
    return r, out


def check_export(case, view, fmt):
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        r1, out1 = export(case, view, fmt, a)
        ok(r1.returncode == 0, f"{case} {view} {fmt}: exit 0 ({r1.stderr.strip()})")
        if r1.returncode != 0:
            return
        r2, out2 = export(case, view, fmt, b)
        data1 = open(out1, "rb").read()
        data2 = open(out2, "rb").read()
        ok(r2.returncode == 0 and data1 == data2,
           f"{case} {view} {fmt}: two exports in two processes are byte-identical")

        if fmt == "png":
            w, h, distinct = png_info(data1)
            ok(w > 500 and h > 300, f"png is {w}x{h}")
            ok(distinct > 50, f"png is not blank ({distinct} distinct rows)")
        elif fmt == "svg":
            ok(data1.startswith(b"<?xml"), "svg starts as XML")
            if shutil.which("xmllint"):
                r = subprocess.run(["xmllint", "--noout", out1], capture_output=True)
                ok(r.returncode == 0, "xmllint --noout accepts the svg")
            else:
                skip("xmllint", "xmllint not installed")
            if shutil.which("rsvg-convert"):
                png = os.path.join(a, "from-svg.png")
                r = subprocess.run(["rsvg-convert", "-o", png, out1], capture_output=True)
                ok(r.returncode == 0 and os.path.getsize(png) > 1000, "rsvg-convert renders the svg")
                if r.returncode == 0:
                    w, h, distinct = png_info(open(png, "rb").read())
                    ok(distinct > 50, "the svg rendered by rsvg-convert is not blank")
            else:
                skip("rsvg-convert", "rsvg-convert not installed")
        elif fmt == "pdf":
            ok(data1.startswith(b"%PDF-"), "pdf header")
            if shutil.which("pdfinfo"):
                r = subprocess.run(["pdfinfo", out1], capture_output=True, text=True)
                ok(r.returncode == 0, "pdfinfo opens the pdf")
                title = [l for l in r.stdout.splitlines() if l.startswith("Title:")]
                ok(title and len(title[0]) > 10, f"pdf has a title: {title}")
                ok("Author:" in r.stdout, "pdf has an author")
            else:
                skip("pdfinfo", "pdfinfo not installed")


RTL_CASE = """<?xml version="1.0" encoding="UTF-8"?>
<case version="1" id="rtl-test" xml:lang="ar">
  <title>قناة أوسلو: من المحادثات السرية إلى إعلان المبادئ</title>
  <period start="1993-01" end="1993-09"/>
  <actors>
    <actor id="qurei" track="1" type="person"><name>أحمد قريع</name></actor>
    <actor id="pundak" track="2" type="person"><name>רון פונדק</name></actor>
    <actor id="geo" track="2" type="person"><name>ნინო ბურჯანაძე</name></actor>
  </actors>
  <events>
    <event id="sarpsborg" track="2" type="meeting" date="1993-01-20">
      <title>الاجتماع الأول في النرويج</title>
      <participant ref="pundak"/>
      <participant ref="geo"/>
    </event>
    <event id="signing" track="1" type="signing" date="1993-09-13">
      <title>חתימה על הצהרת העקרונות</title>
      <participant ref="qurei"/>
    </event>
  </events>
  <transfers>
    <transfer id="draft" from="sarpsborg" to="signing" mechanism="draft-text">
      <title>مسودة</title>
    </transfer>
  </transfers>
</case>
"""


def check_rtl():
    with tempfile.TemporaryDirectory() as d:
        case = os.path.join(d, "rtl.bcase")
        with open(case, "w", encoding="utf-8") as f:
            f.write(RTL_CASE)
        for view in ("lanes", "wheel"):
            out = os.path.join(d, f"rtl-{view}.png")
            r = run(f"--export={out}", f"--view={view}", case)
            ok(r.returncode == 0, f"right-to-left case exports ({view}) {r.stderr.strip()}")
            if r.returncode == 0:
                w, h, distinct = png_info(open(out, "rb").read())
                ok(distinct > 30, f"right-to-left picture is not blank ({view})")
        out = os.path.join(d, "rtl.pdf")
        r = run(f"--export={out}", case)
        ok(r.returncode == 0, "right-to-left case exports to pdf")
        if shutil.which("pdfinfo") and r.returncode == 0:
            info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
            ok("قناة أوسلو" in info, "pdf title keeps the Arabic text")


def check_bad_options():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "x.png")
        for args in (["--view=spiral"], ["--scale=0"], ["--scale=100"], ["--time-scale=log"],
                     ["--theme=blue"], ["--as-known-on=yesterday"], ["--tracks=10"],
                     ["--highlight=telepathy"], ["--export-type=gif"], ["--from=1978-13"],
                     ["--from=1978-09-17", "--to=1978-09-05"]):
            r = run(f"--export={out}", *args, "oslo")
            ok(r.returncode == 2 and r.stderr.strip() != "" and not os.path.exists(out),
               f"{' '.join(args)} is refused with exit 2: {r.stderr.strip()[:80]}")
        r = run(f"--export={os.path.join(d, 'x.gif')}", "oslo")
        ok(r.returncode == 2, "an unknown extension is refused with exit 2")
        r = run(f"--export={os.path.join(d, 'copy.bcase')}", "oslo")
        ok(r.returncode == 0, "--export to .bcase still works")
        r = run("--validate", "oslo")
        ok(r.returncode == 0, "--validate still works")


def check_scale():
    with tempfile.TemporaryDirectory() as d:
        r1, one = export("camp-david", "lanes", "png", d)
        os.rename(one, one + ".1")
        r2, two = export("camp-david", "lanes", "png", d, "--scale=2")
        w1, h1, _ = png_info(open(one + ".1", "rb").read())
        w2, h2, _ = png_info(open(two, "rb").read())
        ok(r1.returncode == 0 and r2.returncode == 0, "both scales export")
        ok((w2, h2) == (2 * w1, 2 * h1), f"--scale=2 doubles the pixels: {w1}x{h1} → {w2}x{h2}")
        r3, dark = export("camp-david", "lanes", "svg", d, "--theme=dark", "--time-scale=sequence")
        ok(r3.returncode == 0, "dark theme, sequence scale exports")


def check_time_scales():
    """The balanced scale is the default and says so on the picture; the
    calendar's is one option away and says nothing."""
    with tempfile.TemporaryDirectory() as d:
        r1, balanced = export("oslo", "lanes", "svg", d)
        os.rename(balanced, balanced + ".balanced")
        r2, calendar = export("oslo", "lanes", "svg", d, "--time-scale=proportional")
        os.rename(calendar, calendar + ".calendar")
        r3, named = export("oslo", "lanes", "svg", d, "--time-scale=balanced")
        ok(r1.returncode == 0 and r2.returncode == 0 and r3.returncode == 0,
           "balanced and proportional scales export")
        default = open(balanced + ".balanced", encoding="utf-8").read()
        ok(default == open(named, encoding="utf-8").read(), "balanced is the default time scale")
        ok("Time widened where events crowd" in default, "the balanced picture says how time runs")
        ok("Time widened" not in open(calendar + ".calendar", encoding="utf-8").read(),
           "the calendar's picture does not")


def check_known_on():
    with tempfile.TemporaryDirectory() as d:
        r1, full = export("camp-david", "lanes", "svg", d)
        os.rename(full, full + ".all")
        r2, then = export("camp-david", "lanes", "svg", d, "--as-known-on=1977-12-31")
        ok(r1.returncode == 0 and r2.returncode == 0, "as-known-on exports")
        ok(open(full + ".all", "rb").read() != open(then, "rb").read(),
           "as-known-on changes the picture")
        r3, summit = export("camp-david", "lanes", "svg", d, "--from=1978-09-05", "--to=1978-09-17")
        text = open(summit, encoding="utf-8").read() if r3.returncode == 0 else ""
        ok(r3.returncode == 0 and open(full + ".all", "rb").read() != text.encode(),
           "--from/--to narrows the picture to the summit")


def check_actor_paths():
    """--actor-paths and --focus, as the View menu's Actor Paths and Focus
    on Selection: whose storylines are drawn, and what is faded."""
    def storylines(path):
        text = open(path, encoding="utf-8").read()
        return re.findall(r'<g id="actor-([^"]+)" class="[^"]*\bstoryline\b', text), text

    with tempfile.TemporaryDirectory() as d:
        r, out = export("oslo", "lanes", "svg", d)
        every, _ = storylines(out) if r.returncode == 0 else ([], "")
        ok(r.returncode == 0 and "holst" in every and len(every) >= 2,
           f"all paths by default: {len(every)} storylines, Holst's among them")

        r, out = export("oslo", "lanes", "svg", d, "--actor-paths=none")
        none, _ = storylines(out) if r.returncode == 0 else (["?"], "")
        ok(r.returncode == 0 and none == [], f"--actor-paths=none draws no storyline ({none})")

        r, out = export("oslo", "lanes", "svg", d, "--actor-paths=selected", "--focus=holst")
        one, _ = storylines(out) if r.returncode == 0 else ([], "")
        ok(r.returncode == 0 and one == ["holst"],
           f"--actor-paths=selected --focus=holst draws Holst's path alone ({one})")

        r, out = export("oslo", "lanes", "svg", d, "--focus=holst")
        text = open(out, encoding="utf-8").read() if r.returncode == 0 else ""
        faded = re.findall(r'<g id="(event-[^"]+)" class="[^"]*\bfaded\b', text)
        lit = re.findall(r'<g id="(event-[^"]+)" class="(?![^"]*\bfaded\b)', text)
        ok(r.returncode == 0 and faded and lit,
           f"--focus=holst fades {len(faded)} events and keeps {len(lit)} in light")
        ok("event-holst-tunis-1" in lit and "event-larsen-arafat-tunis" not in lit,
           "Holst's first visit to Arafat in Tunis stays in light, Larsen's of 1992 is faded")

        # Several items in focus, as a story step has: what stays for
        # either stays, and each one's path is drawn.
        def lit_events(*args):
            r, out = export("oslo", "lanes", "svg", d, *args)
            text = open(out, encoding="utf-8").read() if r.returncode == 0 else ""
            return set(re.findall(r'<g id="(event-[^"]+)" class="(?![^"]*\bfaded\b)', text))

        holst, beilin = lit_events("--focus=holst"), lit_events("--focus=beilin")
        both = lit_events("--focus=holst,beilin")
        ok(both == holst | beilin and both != holst and both != beilin,
           f"--focus=holst,beilin keeps in light what either took part in "
           f"({len(holst)} + {len(beilin)} → {len(both)} events)")
        r, out = export("oslo", "lanes", "svg", d, "--actor-paths=selected", "--focus=holst,beilin")
        two, _ = storylines(out) if r.returncode == 0 else ([], "")
        # A path drawn in two pieces has its id twice, the second "-2".
        ok({re.sub(r"-[0-9]+$", "", a) for a in two} == {"beilin", "holst"},
           f"--actor-paths=selected draws both paths ({two})")
        r = run("--export=" + os.path.join(d, "x.svg"), "--focus=holst,nobody", "oslo")
        ok(r.returncode == 2 and "nobody" in r.stderr,
           f"an unknown id in --focus is refused by name ({r.stderr.strip()})")

        r = run("--export=" + os.path.join(d, "x.svg"), "--actor-paths=some", "oslo")
        ok(r.returncode != 0 and "--actor-paths" in r.stderr,
           f"an unknown --actor-paths is refused by name ({r.stderr.strip()})")


mode = sys.argv[1]
if mode == "export":
    check_export(*sys.argv[2:5])
elif mode == "right-to-left":
    check_rtl()
elif mode == "bad-options":
    check_bad_options()
elif mode == "scale":
    check_scale()
    check_time_scales()
elif mode == "known-on":
    check_known_on()
elif mode == "actor-paths":
    check_actor_paths()
else:
    sys.exit(f"unknown mode {mode}")
finish()
