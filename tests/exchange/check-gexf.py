#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GEXF export, read by networkx (Debian's python3-networkx 2.8: GEXF
1.2draft with spells) and validated by xmllint against the published
GEXF 1.2 schema (schemas/gexf-1.2, whose namespace is 1.2's: the file is
checked with its 1.2draft namespace rewritten to 1.2, the only difference
between the two)."""

import os
import shutil
import subprocess
import sys
import tempfile

import networkx as nx

from caseinfo import Case, Checker, export, first_day, last_day

program, cases_dir, schemas = sys.argv[1:4]
check = Checker("gexf")
tmp = tempfile.mkdtemp()

for name in ("oslo", "camp-david", "abkhazia"):
    path = os.path.join(cases_dir, name + ".bcase")
    case = Case(path)
    out = os.path.join(tmp, name + ".gexf")
    export(program, path, out)

    # Deterministic: the same case, the same bytes.
    again = os.path.join(tmp, name + "-again.gexf")
    export(program, path, again)
    check.equal(name + " deterministic", open(out, "rb").read(), open(again, "rb").read())

    text = open(out, encoding="utf-8").read()
    as_12 = os.path.join(tmp, name + "-1.2.gexf")
    with open(as_12, "w", encoding="utf-8") as f:
        f.write(text.replace('xmlns="http://www.gexf.net/1.2draft"', 'xmlns="http://www.gexf.net/1.2"', 1))
    lint = subprocess.run(["xmllint", "--noout", "--nonet", "--schema",
                           os.path.join(schemas, "gexf-1.2", "gexf.xsd"), as_12],
                          capture_output=True, text=True)
    check.equal(name + " valid GEXF 1.2: " + lint.stderr.strip()[-300:], lint.returncode, 0)
    # The check can fail: the same file with an edge that lost its
    # target, and with a node without its id, is refused by the schema.
    for what, old, new in (("edge without target", " target=\"", " to=\""),
                           ("node without id", "<node id=\"", "<node name=\"")):
        broken = os.path.join(tmp, name + "-broken.gexf")
        bad_text = open(as_12, encoding="utf-8").read().replace(old, new, 1)
        check.true(name + " broken: " + what, old in open(as_12, encoding="utf-8").read())
        with open(broken, "w", encoding="utf-8") as f:
            f.write(bad_text)
        bad = subprocess.run(["xmllint", "--noout", "--nonet", "--schema",
                              os.path.join(schemas, "gexf-1.2", "gexf.xsd"), broken],
                             capture_output=True, text=True)
        check.true(name + " broken document refused: " + what, bad.returncode != 0)

    g = nx.read_gexf(out)
    nodes = dict(g.nodes(data=True))
    check.equal(name + " node count", len(nodes), len(case.events) + len(case.actors))
    check.equal(name + " node ids", set(nodes), set(case.events) | set(case.actors))
    for eid, e in case.events.items():
        n = nodes[eid]
        check.equal(eid + " label", n.get("label"), e["title"])
        check.equal(eid + " kind", n.get("kind"), "event")
        check.equal(eid + " track", n.get("track"), e["track"])
        check.equal(eid + " type", n.get("type"), e["type"])
        check.equal(eid + " date", n.get("date"), e["date"])
        check.equal(eid + " end", n.get("end"), e["end"])
        check.equal(eid + " certainty", n.get("certainty"), e["certainty"])
        check.equal(eid + " spell", n.get("spells"), [case.event_span(eid)])
        check.equal(eid + " participants", n.get("participants"), len(e["participants"]))
    for aid, a in case.actors.items():
        n = nodes[aid]
        check.equal(aid + " label", n.get("label"), a["name"])
        check.equal(aid + " kind", n.get("kind"), "actor")
        check.equal(aid + " track", n.get("track"), a["track"])
        check.equal(aid + " type", n.get("type"), a["type"])
        tracks = [v for v, _, _ in n.get("position-track", [])]
        check.equal(aid + " positions", tracks, [p[0] for p in a["positions"]])
        for (v, start, end), (track, frm, to) in zip(n.get("position-track", []), a["positions"]):
            if frm:
                check.equal(aid + " position start", start, first_day(frm))
            if to:
                check.equal(aid + " position end", end, last_day(to))

    edges = {d["id"]: (u, v, d) for u, v, d in g.edges(data=True)}
    n_participants = sum(len(e["participants"]) for e in case.events.values())
    n_members = sum(len(a["member_of"]) for a in case.actors.values())
    check.equal(name + " edge count", g.number_of_edges(),
                len(case.transfers) + len(case.links) + n_participants + n_members)
    for tid, t in case.transfers.items():
        u, v, d = edges[tid]
        check.equal(tid + " ends", (u, v), (t["from"], t["to"]))
        check.equal(tid + " kind", d.get("kind"), "transfer")
        check.equal(tid + " mechanism", d.get("mechanism"), t["mechanism"])
        check.equal(tid + " status", d.get("status"), t["status"])
        check.equal(tid + " direction", d.get("direction"), case.direction(t))
        check.equal(tid + " label", d.get("label"), t["title"])
    links = sorted((u, v, d["relation"]) for u, v, d in g.edges(data=True) if d.get("kind") == "link")
    check.equal(name + " links", links, sorted(case.links))

shutil.rmtree(tmp)
check.done()
