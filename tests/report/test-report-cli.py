#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""backchannel --report on the command line: one case or two side by side,
as Markdown, CSV and JSON, read back by Python's own parsers; a report
limited to documented transfers counts only those; a wrong extension is
a usage error."""
import csv
import json
import os
import subprocess
import sys
import tempfile

exe, cases = sys.argv[1], sys.argv[2]
env = dict(os.environ, BACKCHANNEL_CASES_DIR=cases, LC_ALL="C.UTF-8")


def run(*args):
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "both.json")
    r = run("--report=" + out, "oslo", "camp-david")
    assert r.returncode == 0, r.stderr
    data = json.load(open(out, encoding="utf-8"))
    assert [c["id"] for c in data["cases"]] == ["oslo-1993", "camp-david-1978"], data["cases"]
    for c in data["cases"]:
        # Every transfer is counted once by mechanism, direction and status.
        for key in ("by_mechanism", "by_direction", "by_status"):
            assert sum(x["count"] for x in c[key]) == c["transfers"], (c["id"], key)
            assert sum(len(x["items"]) for x in c[key]) == c["transfers"]
        assert c["uptake_summary"][0]["key"] == "all"
        assert c["uptake_summary"][0]["n"] == len(c["uptake_lags"])
        assert c["carriers"], c["id"]

    documented = os.path.join(tmp, "documented.json")
    r = run("--report=" + documented, "--documented-only", "oslo")
    assert r.returncode == 0, r.stderr
    d = json.load(open(documented, encoding="utf-8"))["cases"][0]
    statuses = {x["key"]: x["count"] for x in d["by_status"]}
    assert statuses["inferred"] == 0 and statuses["disputed"] == 0, statuses
    assert d["transfers"] == statuses["documented"] < data["cases"][0]["transfers"]

    table = os.path.join(tmp, "abkhazia.csv")
    r = run("--report=" + table, "abkhazia")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(open(table, encoding="utf-8", newline="")))
    assert rows and len({row["case"] for row in rows}) == 1 and rows[0]["case"], rows[:1]
    assert any(row["measure"] == "carrier-betweenness" for row in rows)

    md = run("--report=-", "oslo")
    assert md.returncode == 0 and md.stdout.startswith("# "), md.stderr

    bad = run("--report=" + os.path.join(tmp, "out.txt"), "oslo")
    assert bad.returncode == 2, bad.returncode

print("PASS")
