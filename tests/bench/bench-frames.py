#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Frame times while the canvas pans across the 10 000-event synthetic case.

    bench-frames.py BACKCHANNEL SOURCE_ROOT [--events N | --case FILE]
                    [--frames N] [--dx PX] [--dy PX] [--runs N]

Writes the reference case with generate-case.py (10 000 events by default)
and opens it in the real window, in Xvfb at 1280x800 with
GSK_RENDERER=cairo. BACKCHANNEL_BENCH_PAN=FRAMES:DX:DY makes the canvas
pan itself by DX, DY pixels a frame for FRAMES frames from a tick callback,
and print for each frame, from the frame clock:

  work      before-paint to after-paint: the tick that pans, layout,
            snapshot and the cairo renderer drawing the window;
  interval  after-paint to the next after-paint: the frame period as
            shown, which the frame clock paces at the refresh rate.

The synthetic case is tall (its lanes hold 10 000 events) and fits the
window's width at the zoom it opens with, so the default pan is downwards,
12 px a frame: 300 frames cross 3600 px of it. Prints percentiles of both
over all runs; asserts nothing.
Use bench-frames.sh, which builds first.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "e2e"))
import bcdriver as d  # noqa: E402


def percentile(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def make_case(src, events, path):
    gen = os.path.join(src, "tests", "bench", "generate-case.py")
    if os.path.exists(gen):
        cmd = [sys.executable, gen, "--events", str(events), "--transfers", str(events // 2), "-o", path]
    else:
        cmd = [sys.executable, os.path.join(src, "tests", "bench", "bench-render-case.py"),
               "--events", str(events), "-o", path]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def one_run(exe, case, env, timeout=300):
    args = [exe, case]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True)
    frames = []
    first = None
    t0 = time.monotonic_ns() // 1000
    try:
        deadline = time.monotonic() + timeout
        for line in proc.stdout:
            parts = line.split()
            if parts[:1] == ["first-frame"]:
                first = (int(parts[1]) - t0) / 1000
            elif parts[:1] == ["frame"]:
                frames.append((float(parts[2]), float(parts[3])))
            elif parts[:1] == ["pan-done"]:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("no pan-done before the time limit")
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not frames:
        raise RuntimeError("backchannel printed no frame times:\n" + proc.stderr.read())
    return first, frames


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("exe")
    p.add_argument("src")
    p.add_argument("--events", type=int, default=10000)
    p.add_argument("--case", help="pan this case file instead of a synthetic one")
    p.add_argument("--frames", type=int, default=300)
    p.add_argument("--dx", type=float, default=0.0)
    p.add_argument("--dy", type=float, default=12.0)
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args(argv)

    tmp = tempfile.mkdtemp(prefix="bc-bench-frames.")
    if a.case:
        case = os.path.abspath(a.case)
        what = os.path.basename(case)
    else:
        case = os.path.join(tmp, "reference.bcase")
        make_case(a.src, a.events, case)
        what = f"the synthetic case of {a.events} events"
    env = d.private_env(tmp, os.path.join(a.src, "data", "cases"), extra={
        "GTK_A11Y": "none",
        "BACKCHANNEL_REPORT_FIRST_FRAME": "1",
        "BACKCHANNEL_BENCH_PAN": f"{a.frames}:{a.dx:g}:{a.dy:g}",
    })

    work, interval, firsts = [], [], []
    for _ in range(a.runs):
        first, frames = one_run(a.exe, case, env)
        firsts.append(first)
        # The first frames after the pan starts warm caches; keep them,
        # they are part of what a user sees.
        work += [w for w, _ in frames]
        interval += [i for _, i in frames]

    print(f"Panning {what} ({os.path.getsize(case) // 1024} KiB), lanes view, "
          f"({a.dx:g}, {a.dy:g}) px a frame, {a.frames} frames x {a.runs} runs")
    print(f"Xvfb 1280x800x24, window 1200x760, GSK_RENDERER=cairo, {os.cpu_count()} CPUs")
    print(f"launch to first frame with the case: " +
          ", ".join(f"{f:.0f} ms" for f in firsts if f is not None))
    for label, values in (("work (before- to after-paint)", work), ("interval (frame to frame)", interval)):
        print(f"{label:<31} p50 {percentile(values, 50):6.2f} ms  p90 {percentile(values, 90):6.2f} ms  "
              f"p99 {percentile(values, 99):6.2f} ms  max {max(values):6.2f} ms  "
              f"mean {statistics.mean(values):6.2f} ms  n={len(values)}")
    slow = sum(1 for w in work if w >= 16.0)
    print(f"frames whose work took 16 ms or more: {slow} of {len(work)}; goal: p90 < 16 ms")
    return 0


if __name__ == "__main__":
    if not d.in_session():
        sys.exit(d.rerun_in_session([os.path.abspath(__file__)] + sys.argv[1:]))
    sys.exit(main(sys.argv[1:]))
