#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time from launch to the first frame with the Oslo case drawn, against
the time a bare libadwaita window takes to show its first frame.

    bench-startup.py BACKCHANNEL BARE_WINDOW SOURCE_ROOT [--runs N]

Both programs run in the same virtual display (1280x800, GSK_RENDERER=cairo)
with the same private session bus, home and settings, alternately, after
two warm-up runs each. Each prints "first-frame T" from its frame clock's
after-paint signal once the frame is painted (Backchannel once its canvas
has painted the case, with BACKCHANNEL_REPORT_FIRST_FRAME=1); T is the
monotonic clock, the one this script reads just before starting the
process, so the figure is launch to first frame, without teardown.
Prints figures; asserts nothing. Use bench-startup.sh, which builds first.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import bcdriver as d  # noqa: E402


def first_frame(cmd, env, timeout=60):
    """Microseconds from launch to the program's "first-frame" line."""
    t0 = time.monotonic_ns() // 1000
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + timeout
    try:
        for line in proc.stdout:
            if line.startswith("first-frame "):
                return int(line.split()[1]) - t0
            if time.monotonic() > deadline:
                break
        raise RuntimeError(f"{cmd[0]} printed no first-frame line (exit {proc.poll()})")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def summary(name, us):
    ms = [u / 1000 for u in us]
    return (f"{name:<26} median {statistics.median(ms):7.1f} ms   mean {statistics.mean(ms):7.1f} ms"
            f"   ± {statistics.pstdev(ms):5.1f}   min {min(ms):7.1f}   max {max(ms):7.1f}   n={len(ms)}")


def main(argv):
    runs = 15
    if "--runs" in argv:
        i = argv.index("--runs")
        runs = int(argv[i + 1])
        del argv[i:i + 2]
    exe, bare, src = (os.path.abspath(a) for a in argv[:3])
    cases = os.path.join(src, "data", "cases")
    tmp = tempfile.mkdtemp(prefix="bc-bench-startup.")
    env = d.private_env(tmp, cases, extra={
        # The accessibility bridge is measured by neither.
        "GTK_A11Y": "none",
        "BACKCHANNEL_REPORT_FIRST_FRAME": "1",
    })
    commands = {
        "bare libadwaita window": [bare],
        "backchannel oslo.bcase": [exe, os.path.join(cases, "oslo.bcase")],
    }
    times = {k: [] for k in commands}
    for k, cmd in commands.items():
        for _ in range(2):
            first_frame(cmd, env)
    for _ in range(runs):
        for k, cmd in commands.items():
            times[k].append(first_frame(cmd, env))

    print(f"Launch to first painted frame, {runs} runs each, alternating, after 2 warm-up runs;")
    print(f"Xvfb 1280x800x24, GSK_RENDERER=cairo, GTK_A11Y=none, {os.cpu_count()} CPUs")
    for k in commands:
        print(summary(k, times[k]))
    bare_t, bc_t = (times[k] for k in commands)
    print(f"ratio backchannel / bare window: {statistics.median(bc_t) / statistics.median(bare_t):.2f} (medians), "
          f"{statistics.mean(bc_t) / statistics.mean(bare_t):.2f} (means); goal <= 1.5")
    return 0


if __name__ == "__main__":
    if not d.in_session():
        sys.exit(d.rerun_in_session([os.path.abspath(__file__)] + sys.argv[1:]))
    sys.exit(main(sys.argv[1:]))
