#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Imports a generated CSV of 100,000 events into a new case two ways
and prints the time and peak memory (getrusage's maxrss of the child) of
each, beside Python's csv module reading the same file and parsing its
dates in the same run, and the ratios:

- the command line, "backchannel --import --into", which also writes the
  case;
- the File → Import… path, BUILD/tests/bench/bench-import-dialog: the
  dialog's worker (a BcCsvImport loaded on a GTask thread from a copy of
  the case) and then its apply on the main thread, as Import Valid Rows
  does, without the window (ninja -C BUILD tests/bench/bench-import-dialog
  builds it; left out with a note when it is missing).

A benchmark prints figures; it asserts nothing.

    tests/bench/bench-import.py BUILD/src/backchannel [ROWS]
"""

import os
import random
import sys
import tempfile
import time

program = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
tmp = tempfile.mkdtemp()
csv_path = os.path.join(tmp, "events.csv")

rng = random.Random(1993)
tracks = ["1", "1.5", "2", "3", "4", "5", "6", "7", "8", "9"]
types = ["meeting", "negotiation", "workshop", "statement", "visit"]
with open(csv_path, "w", encoding="utf-8", newline="") as f:
    f.write("id,Title,Start Date,End Date,Track,Type,Place,Notes\r\n")
    for i in range(rows):
        day = rng.randint(1, 28)
        month = rng.randint(1, 12)
        year = rng.randint(1950, 2020)
        f.write('e%d,"Meeting %d, round %d",%02d/%02d/%d,,%s,%s,Oslo,"Notes on ""round"" %d"\r\n'
                % (i, i, i % 17, day, month, year, rng.choice(tracks), rng.choice(types), i))
size = os.path.getsize(csv_path)


def run(argv):
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("%s failed" % argv)
    return elapsed, usage.ru_maxrss / 1024.0


REFERENCE = r'''
import csv, sys, datetime
n = 0
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        datetime.datetime.strptime(row["Start Date"], "%d/%m/%Y")
        n += 1
print(n)
'''

# The same, keeping every row with its parsed date, as a case keeps its
# events: the like-for-like figure for memory.
KEEPING = r'''
import csv, sys, datetime
rows = []
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        row["Start Date"] = datetime.datetime.strptime(row["Start Date"], "%d/%m/%Y").date()
        rows.append(row)
print(len(rows))
'''

case_path = os.path.join(tmp, "case.bcase")
build = os.path.dirname(os.path.dirname(os.path.abspath(program)))
dialog = os.path.join(build, "tests", "bench", "bench-import-dialog")
bc_time, bc_mem = run([program, "--import=" + csv_path, "--into=" + case_path, "--date-order=dmy"])
py_time, py_mem = run(["/usr/bin/python3", "-c", REFERENCE, csv_path])
keep_time, keep_mem = run(["/usr/bin/python3", "-c", KEEPING, csv_path])
if os.access(dialog, os.X_OK):
    dlg_time, dlg_mem = run([dialog, csv_path, "dmy"])
else:
    dlg_time = dlg_mem = None

print("import of %d rows (%.1f MiB CSV) into a new case" % (rows, size / 1048576))
print("  backchannel --import (written): %6.2f s  peak %7.1f MiB" % (bc_time, bc_mem))
if dlg_time is not None:
    print("  dialog path (worker + apply):   %6.2f s  peak %7.1f MiB" % (dlg_time, dlg_mem))
else:
    print("  dialog path: %s missing; ninja -C BUILD tests/bench/bench-import-dialog" % dialog)
print("  python3 csv + strptime:         %6.2f s  peak %7.1f MiB" % (py_time, py_mem))
print("  python3 csv, rows kept:         %6.2f s  peak %7.1f MiB" % (keep_time, keep_mem))
print("  ratio --import/python streaming: time %.2f, memory %.2f" % (bc_time / py_time, bc_mem / py_mem))
print("  ratio --import/python rows kept: time %.2f, memory %.2f" % (bc_time / keep_time, bc_mem / keep_mem))
if dlg_time is not None:
    print("  ratio dialog/python streaming:   time %.2f, memory %.2f" % (dlg_time / py_time, dlg_mem / py_mem))
    print("  ratio dialog/python rows kept:   time %.2f, memory %.2f" % (dlg_time / keep_time, dlg_mem / keep_mem))
print("  case file: %.1f MiB" % (os.path.getsize(case_path) / 1048576))
for name in os.listdir(tmp):
    os.unlink(os.path.join(tmp, name))
os.rmdir(tmp)
