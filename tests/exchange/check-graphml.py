#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The GraphML export, read by networkx (python3-networkx), validated by
xmllint against schemas/graphml-local/graphml.xsd and checked here for
what no XSD 1.0 can say. No copy of the published GraphML XSD set
(graphml.xsd redefines graphml-structure.xsd and imports xlink.xsd) could
be stored in the tree; graphml-local is a schema written here from the
GraphML specification (see schemas/README.md): keys declared before the
graph, ids that are NMTOKENs, attr.type among the six, edgedefault,
every data naming a declared key, edges between declared nodes. The
checks here add that each data names a key of its own domain. A broken
document must fail both, or the test fails."""

import os
import re
import subprocess
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx

from caseinfo import Case, Checker, export

program, cases_dir, schemas = sys.argv[1:4]
XSD = os.path.join(schemas, "graphml-local", "graphml.xsd")
check = Checker("graphml")
tmp = tempfile.mkdtemp()
NS = "{http://graphml.graphdrawing.org/xmlns}"
NMTOKEN = re.compile(r"^[\w.:-]+$")


def xmllint(path):
    """xmllint's verdict on @path against the schema: (status, last words)."""
    lint = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", XSD, path],
                          capture_output=True, text=True)
    return lint.returncode, lint.stderr.strip()[-300:]


def domain_problems(path):
    """What the schema cannot say: every data names a key of its own domain."""
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("for") for k in root.findall(NS + "key")}
    problems = []
    for el in root.find(NS + "graph"):
        domain = el.tag[len(NS):]
        for d in el.findall(NS + "data"):
            if keys.get(d.get("key")) not in (domain, "all"):
                problems.append("%s %s: data key %s" % (domain, el.get("id"), d.get("key")))
    return problems

for name in ("oslo", "camp-david", "abkhazia"):
    path = os.path.join(cases_dir, name + ".bcase")
    case = Case(path)
    out = os.path.join(tmp, name + ".graphml")
    export(program, path, out)

    status, said = xmllint(out)
    check.equal(name + " valid against graphml-local: " + said, status, 0)
    check.equal(name + " data in their keys' domains", domain_problems(out), [])

    # The same document broken three ways must fail validation: an edge
    # to no node, an undeclared key, a type not among the six.
    text = open(out, encoding="utf-8").read()
    for what, broken in (
            ("edge to no node", re.sub(r'target="[^"]*"', 'target="no-such-node"', text, count=1)),
            ("undeclared key", text.replace('<data key="label">', '<data key="no-such-key">', 1)),
            ("attr.type", text.replace('attr.type="int"', 'attr.type="integer"', 1)),
            ("edgedefault", text.replace('edgedefault="directed"', 'edgedefault="sideways"', 1))):
        check.true(name + " broken document differs: " + what, broken != text)
        bad = os.path.join(tmp, name + "-broken.graphml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(broken)
        check.true(name + " broken document refused: " + what, xmllint(bad)[0] != 0)
    bad = os.path.join(tmp, name + "-domain.graphml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(re.sub(r'(<edge [^>]*>\s*)<data key="[^"]*"', r'\1<data key="label"', text, count=1))
    check.true(name + " node key on an edge refused", domain_problems(bad) != [])

    root = ET.parse(out).getroot()
    check.equal(name + " root", root.tag, NS + "graphml")
    children = [c.tag for c in root]
    check.equal(name + " desc, keys, graph in order", children,
                [NS + "desc"] + [NS + "key"] * (len(children) - 2) + [NS + "graph"])
    keys = {}
    for k in root.findall(NS + "key"):
        check.true("key id NMTOKEN " + k.get("id"), NMTOKEN.match(k.get("id")))
        check.true("attr.type " + k.get("attr.type"),
                   k.get("attr.type") in ("boolean", "int", "long", "float", "double", "string"))
        keys[k.get("id")] = k.get("for")
    graph = root.find(NS + "graph")
    check.equal(name + " edgedefault", graph.get("edgedefault"), "directed")
    node_ids = set()
    for el in graph:
        check.true("id NMTOKEN " + el.get("id"), NMTOKEN.match(el.get("id")))
        domain = el.tag[len(NS):]
        if domain == "node":
            node_ids.add(el.get("id"))
        for d in el.findall(NS + "data"):
            check.equal("data key %s for %s" % (d.get("key"), domain), keys.get(d.get("key")), domain)
    for e in graph.findall(NS + "edge"):
        check.true("edge ends declared " + e.get("id"),
                   e.get("source") in node_ids and e.get("target") in node_ids)

    g = nx.read_graphml(out)
    nodes = dict(g.nodes(data=True))
    check.equal(name + " node ids", set(nodes), set(case.events) | set(case.actors))
    for eid, e in case.events.items():
        n = nodes[eid]
        check.equal(eid + " label", n.get("label"), e["title"])
        check.equal(eid + " track", n.get("track"), e["track"])
        check.equal(eid + " type", n.get("type"), e["type"])
        check.equal(eid + " date", n.get("date"), e["date"])
        check.equal(eid + " span", (n.get("first-day"), n.get("last-day")), case.event_span(eid))
        check.equal(eid + " participants (int)", n.get("participants"), len(e["participants"]))
    for aid, a in case.actors.items():
        check.equal(aid + " name", nodes[aid].get("label"), a["name"])
        check.equal(aid + " type", nodes[aid].get("type"), a["type"])
    if g.is_multigraph():
        edges = {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
    else:
        edges = {d["id"]: (u, v, d) for u, v, d in g.edges(data=True)}
    n_participants = sum(len(e["participants"]) for e in case.events.values())
    n_members = sum(len(a["member_of"]) for a in case.actors.values())
    check.equal(name + " edge count", g.number_of_edges(),
                len(case.transfers) + len(case.links) + n_participants + n_members)
    for tid, t in case.transfers.items():
        u, v, d = edges[tid]
        check.equal(tid + " ends", (u, v), (t["from"], t["to"]))
        check.equal(tid + " mechanism", d.get("mechanism"), t["mechanism"])
        check.equal(tid + " status", d.get("status"), t["status"])
        check.equal(tid + " direction", d.get("direction"), case.direction(t))
        check.equal(tid + " crosses (boolean)", d.get("crosses-tracks"), case.direction(t) != "across")

shutil.rmtree(tmp)
check.done()
