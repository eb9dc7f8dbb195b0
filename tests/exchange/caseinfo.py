# SPDX-License-Identifier: GPL-3.0-or-later
"""What a case file holds, read straight from its XML with the standard
library: the oracle that each exported format is compared with, so that
a check never trusts the program it checks."""

import calendar
import subprocess
import sys
import xml.etree.ElementTree as ET

TRACK_LEVEL = {"1": 0, "1.5": 1, "2": 2, "3": 2, "4": 2, "5": 2, "6": 2, "7": 2, "8": 2, "9": 2}


def first_day(date):
    parts = [int(p) for p in date.split("-")]
    return "%04d-%02d-%02d" % (parts[0], parts[1] if len(parts) > 1 else 1,
                               parts[2] if len(parts) > 2 else 1)


def last_day(date):
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return "%04d-%02d-%02d" % (year, month, day)


class Case:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.id = root.get("id")
        self.title = root.findtext("title")
        period = root.find("period")
        self.period = (period.get("start"), period.get("end")) if period is not None else (None, None)
        self.events = {}
        for e in root.iter("event"):
            self.events[e.get("id")] = {
                "track": e.get("track"), "type": e.get("type"), "date": e.get("date"),
                "end": e.get("end"), "certainty": e.get("certainty", "exact"),
                "title": e.findtext("title"), "place": e.findtext("place"),
                "participants": [p.get("ref") for p in e.findall("participant")],
                "sources": [(s.get("ref"), s.get("pages")) for s in e.findall("source")],
            }
        self.actors = {}
        for a in root.iter("actor"):
            self.actors[a.get("id")] = {
                "track": a.get("track"), "type": a.get("type"), "name": a.findtext("name"),
                "member_of": [m.get("ref") for m in a.findall("member-of")],
                "positions": [(p.get("track"), p.get("from"), p.get("to")) for p in a.findall("position")],
                "sources": [(s.get("ref"), s.get("pages")) for s in a.findall("source")],
            }
        self.transfers = {}
        for t in root.iter("transfer"):
            self.transfers[t.get("id")] = {
                "from": t.get("from"), "to": t.get("to"), "mechanism": t.get("mechanism"),
                "status": t.get("status", "documented"), "title": t.findtext("title"),
                "sources": [(s.get("ref"), s.get("pages")) for s in t.findall("source")],
            }
        self.links = [(l.get("from"), l.get("to"), l.get("type")) for l in root.iter("link")]
        self.sources = {}
        for s in root.iter("source"):
            if s.get("id") is None:
                continue
            self.sources[s.get("id")] = {"type": s.get("type"), "citation": s.findtext("citation"),
                                         "url": s.findtext("url")}

    def direction(self, transfer):
        a = TRACK_LEVEL[self.events[transfer["from"]]["track"]]
        b = TRACK_LEVEL[self.events[transfer["to"]]["track"]]
        return "upward" if b < a else "downward" if b > a else "across"

    def event_span(self, eid):
        e = self.events[eid]
        return first_day(e["date"]), last_day(e["end"] or e["date"])


def export(program, case, out, *extra):
    subprocess.run([program, "--export=" + out, *extra, case], check=True)


class Checker:
    def __init__(self, name):
        self.name = name
        self.failures = 0
        self.checks = 0

    def equal(self, what, got, expected):
        self.checks += 1
        if got != expected:
            self.failures += 1
            print("%s: %s: got %r, expected %r" % (self.name, what, got, expected), file=sys.stderr)

    def true(self, what, value):
        self.equal(what, bool(value), True)

    def done(self):
        print("%s: %d checks, %d failed" % (self.name, self.checks, self.failures))
        sys.exit(1 if self.failures else 0)
