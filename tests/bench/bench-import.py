#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Imports a generated CSV of 100,000 events into a new case with
"backchannel --import --into" and prints its time and peak memory
(getrusage's maxrss of the child), beside Python's csv module reading the
same file and parsing its dates in the same run, and the ratio. A
benchmark prints figures; it asserts nothing.

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

case_path = os.path.join(tmp, "case.bcase")
bc_time, bc_mem = run([program, "--import=" + csv_path, "--into=" + case_path, "--date-order=dmy"])
py_time, py_mem = run(["/usr/bin/python3", "-c", REFERENCE, csv_path])

print("import of %d rows (%.1f MiB CSV) into a new case, written" % (rows, size / 1048576))
print("  backchannel --import:      %6.2f s  peak %7.1f MiB" % (bc_time, bc_mem))
print("  python3 csv + strptime:    %6.2f s  peak %7.1f MiB" % (py_time, py_mem))
print("  ratio (backchannel/python): time %.2f, memory %.2f" % (bc_time / py_time, bc_mem / py_mem))
print("  case file: %.1f MiB" % (os.path.getsize(case_path) / 1048576))
for name in os.listdir(tmp):
    os.unlink(os.path.join(tmp, name))
os.rmdir(tmp)
