#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sources as BibTeX, parsed by bibtexparser (python3-bibtexparser),
and as CSL-JSON, validated by jsonschema (python3-jsonschema) against
the CSL data schema (schemas/csl-data.json). Every source is an entry
with its id, URL and year; every page a transfer, event or actor cites
is kept."""

import json
import os
import shutil
import sys
import tempfile

import bibtexparser
import bibtexparser.bparser
import jsonschema

from caseinfo import Case, Checker, export

program, cases_dir, schemas = sys.argv[1:4]
check = Checker("citations")
tmp = tempfile.mkdtemp()
schema = json.load(open(os.path.join(schemas, "csl-data.json"), encoding="utf-8"))

for name in ("oslo", "camp-david", "abkhazia"):
    path = os.path.join(cases_dir, name + ".bcase")
    case = Case(path)
    cited = {}
    for kind in (case.actors, case.events, case.transfers):
        for item_id, item in kind.items():
            for ref, pages in item["sources"]:
                cited.setdefault(ref, []).append((item_id, pages))

    bib = os.path.join(tmp, name + ".bib")
    export(program, path, bib)
    with open(bib, encoding="utf-8") as f:
        # The standard month macros (jan … dec), as BibTeX styles define.
        db = bibtexparser.load(f, parser=bibtexparser.bparser.BibTexParser(common_strings=True))
    entries = {e["ID"]: e for e in db.entries}
    check.equal(name + " BibTeX entries", set(entries), set(case.sources))
    for sid, s in case.sources.items():
        e = entries[sid]
        check.true(sid + " title", e.get("title"))
        if s["url"]:
            check.equal(sid + " url", e.get("url"), s["url"])
        for item_id, pages in cited.get(sid, []):
            check.true(sid + " cites " + item_id, item_id in e.get("note", ""))
            if pages:
                check.true(sid + " pages " + pages, pages in e.get("note", ""))

    csl = os.path.join(tmp, name + ".csl.json")
    export(program, path, csl)
    data = json.load(open(csl, encoding="utf-8"))
    try:
        jsonschema.validate(data, schema)
        check.true(name + " CSL-JSON valid", True)
    except jsonschema.ValidationError as error:
        check.equal(name + " CSL-JSON valid", error.message, None)
    items = {i["id"]: i for i in data}
    check.equal(name + " CSL entries", set(items), set(case.sources))
    for sid, s in case.sources.items():
        i = items[sid]
        check.equal(sid + " URL", i.get("URL"), s["url"])
        check.equal(sid + " citation kept", i["custom"]["citation"], s["citation"])
        check.equal(sid + " cited", [(c["item"], c.get("pages")) for c in i["custom"]["cited"]],
                    cited.get(sid, []))

# What the citation parser reads, on the forms the cases use.
oslo = {i["id"]: i for i in json.load(open(os.path.join(tmp, "oslo.csl.json"), encoding="utf-8"))}
corbin = oslo["corbin-1994"]
check.equal("corbin author", corbin.get("author"), [{"family": "Corbin", "given": "Jane"}])
check.equal("corbin title", corbin.get("title"),
            "Gaza First: The Secret Norway Channel to Peace between Israel and the PLO")
check.equal("corbin publisher", (corbin.get("publisher"), corbin.get("publisher-place")),
            ("Bloomsbury", "London"))
check.equal("corbin issued", corbin.get("issued"), {"date-parts": [[1994]]})

shutil.rmtree(tmp)
check.done()
