#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The CSV tables and Gephi's spreadsheets, read by Python's csv module
(RFC 4180), and the Kumu blueprint, read by json: one row per item, ids
as keys, every field present."""

import csv
import json
import os
import shutil
import sys
import tempfile

from caseinfo import Case, Checker, export

program, cases_dir = sys.argv[1:3]
check = Checker("tables")
tmp = tempfile.mkdtemp()


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    check.true(path + " CRLF records", raw.endswith("\r\n"))
    return list(csv.DictReader(raw.splitlines(True)))


for name in ("oslo", "camp-david", "abkhazia"):
    path = os.path.join(cases_dir, name + ".bcase")
    case = Case(path)
    folder = os.path.join(tmp, name) + "/"
    export(program, path, folder)
    events = {r["id"]: r for r in rows(folder + "events.csv")}
    check.equal(name + " events", set(events), set(case.events))
    for eid, e in case.events.items():
        r = events[eid]
        check.equal(eid + " title", r["title"], e["title"])
        check.equal(eid + " date", r["date"], e["date"])
        check.equal(eid + " end", r["end"] or None, e["end"])
        check.equal(eid + " participants", r["participants"].split(";") if r["participants"] else [],
                    e["participants"])
    actors = {r["id"]: r for r in rows(folder + "actors.csv")}
    check.equal(name + " actors", set(actors), set(case.actors))
    transfers = {r["id"]: r for r in rows(folder + "transfers.csv")}
    check.equal(name + " transfers", set(transfers), set(case.transfers))
    for tid, t in case.transfers.items():
        check.equal(tid + " direction", transfers[tid]["direction"], case.direction(t))
    check.equal(name + " sources", {r["id"] for r in rows(folder + "sources.csv")}, set(case.sources))
    check.equal(name + " links", sorted((r["from"], r["to"], r["type"]) for r in rows(folder + "links.csv")),
                sorted(case.links))

    gephi = os.path.join(tmp, name + "-gephi") + "/"
    export(program, path, gephi, "--export-type=gephi-csv")
    nodes = {r["Id"]: r for r in rows(gephi + "nodes.csv")}
    check.equal(name + " gephi nodes", set(nodes), set(case.events) | set(case.actors))
    for eid in case.events:
        first, last = case.event_span(eid)
        check.equal(eid + " time interval", nodes[eid]["Time Interval"], "<[%s, %s]>" % (first, last))
    edges = rows(gephi + "edges.csv")
    check.equal(name + " gephi edge columns", list(edges[0])[:3], ["Source", "Target", "Type"])
    check.equal(name + " gephi transfers", {r["Id"] for r in edges if r["Kind"] == "transfer"},
                set(case.transfers))

    kumu = os.path.join(tmp, name + ".kumu.json")
    export(program, path, kumu)
    blueprint = json.load(open(kumu, encoding="utf-8"))
    elements = {e["id"]: e for e in blueprint["elements"]}
    check.equal(name + " kumu elements", set(elements), set(case.events) | set(case.actors))
    for e in blueprint["connections"]:
        check.true("kumu connection ends " + e["id"], e["from"] in elements and e["to"] in elements)
    check.equal(name + " kumu transfers",
                {c["id"] for c in blueprint["connections"] if c["type"] == "transfer"}, set(case.transfers))

shutil.rmtree(tmp)
check.done()
