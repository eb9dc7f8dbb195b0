#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large, valid, synthetic Backchannel case for benchmarks.

The same arguments always give the same bytes (the generator is seeded),
and the output is written the way the program writes, so reading it and
writing it back changes nothing. Every rule of the format holds: unique
ids, references of the right kind, real dates, end not before date,
transfers between two different tracks.

    generate-case.py [--events N] [--actors N] [--transfers N] [-o FILE]
"""

import argparse
import datetime
import random
import sys

TRACKS = ["1", "1.5", "2", "3", "4", "5", "6", "7", "8", "9"]
ACTOR_TYPES = ["person", "organisation", "state", "intergovernmental", "group"]
EVENT_TYPES = ["meeting", "negotiation", "workshop", "agreement", "signing", "statement",
               "publication", "visit", "appointment", "violence", "other"]
CERTAINTIES = ["approximate", "disputed"]
LINK_TYPES = ["leads-to", "responds-to", "parallel-to"]
MECHANISMS = ["briefing", "memorandum", "draft-text", "participant-crossover",
              "back-channel-message", "facilitation", "public-statement",
              "public-consultation", "workshop-outcome", "other"]
STATUSES = ["inferred", "disputed"]
SOURCE_TYPES = ["book", "chapter", "article", "report", "document", "web", "interview", "other"]

# Words in several scripts, so the text is not all ASCII.
WORDS = ("talks channel draft secret envoy ceasefire mediator memorandum border "
         "refugees security guarantee settlement text round delegation track "
         "Oslo Genève Zürich Tbilisi Sukhumi Москва القدس ירושלים Rød-Larsen "
         "Qurei Beilin Ħal naïve façade").split()
PLACES = ["Oslo, Norway", "Sarpsborg, Norway", "Genève, Switzerland", "Camp David, USA",
          "Tbilisi, Georgia", "Sukhumi", "Vienna, Austria", "Stockholm, Sweden"]
FIRST = 1950
LAST = 2020


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(name, value):
    return ' %s="%s"' % (name, escape(value).replace('"', "&quot;"))


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.first_day = datetime.date(FIRST, 1, 1).toordinal()
        self.last_day = datetime.date(LAST, 12, 31).toordinal()

    def words(self, lo, hi):
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi)))

    def sentence(self):
        s = self.words(4, 14)
        return s[0].upper() + s[1:] + "."

    def date(self):
        """A date of day, month or year precision, and its first and last day."""
        d = datetime.date.fromordinal(self.rng.randint(self.first_day, self.last_day))
        p = self.rng.random()
        if p < 0.8:
            return d.isoformat(), d, d
        if p < 0.95:
            first = d.replace(day=1)
            nxt = (first + datetime.timedelta(days=32)).replace(day=1)
            return "%04d-%02d" % (d.year, d.month), first, nxt - datetime.timedelta(days=1)
        return "%04d" % d.year, datetime.date(d.year, 1, 1), datetime.date(d.year, 12, 31)

    def date_after(self, last):
        """A day-precision date on or after @last."""
        d = last + datetime.timedelta(days=self.rng.randint(0, 400))
        d = min(d, datetime.date(9999, 12, 31))
        return d.isoformat(), d

    def sample(self, items, lo, hi):
        n = min(self.rng.randint(lo, hi), len(items))
        return self.rng.sample(items, n)


def generate(n_events, n_actors, n_transfers, n_sources, n_links, seed, out):
    g = Generator(seed)
    rng = g.rng
    w = out.write

    actors = ["actor-%05d" % i for i in range(n_actors)]
    events = ["event-%05d" % i for i in range(n_events)]
    sources = ["source-%04d" % i for i in range(n_sources)]
    organisations = []

    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<case version="1" id="synthetic-%d" xml:lang="en">\n' % n_events)
    w("  <title>Synthetic case: %d events, %d actors, %d transfers</title>\n"
      % (n_events, n_actors, n_transfers))
    w("  <summary>%s\n\n%s</summary>\n" % (escape(g.sentence()), escape(g.sentence())))
    w('  <period start="%04d" end="%04d"/>\n' % (FIRST, LAST))
    w("  <region>Nowhere in particular</region>\n")
    w("  <author>generate-case.py, seed %d</author>\n" % seed)
    w("  <license>CC0-1.0</license>\n")

    def source_refs(indent):
        for ref in g.sample(sources, 0, 2):
            w("%s<source%s" % (indent, attr("ref", ref)))
            if rng.random() < 0.4:
                w(attr("pages", "%d-%d" % (rng.randint(1, 200), rng.randint(201, 400))))
            w("/>\n")

    w("  <actors>\n")
    for i, actor in enumerate(actors):
        kind = rng.choice(ACTOR_TYPES)
        w("    <actor%s%s%s>\n" % (attr("id", actor), attr("track", rng.choice(TRACKS)),
                                   attr("type", kind)))
        w("      <name>%s</name>\n" % escape(g.words(2, 4).title()))
        if rng.random() < 0.5:
            w("      <role>%s</role>\n" % escape(g.words(3, 8)))
        if organisations and rng.random() < 0.3:
            for org in g.sample(organisations, 1, 2):
                w("      <member-of%s/>\n" % attr("ref", org))
        if rng.random() < 0.2:
            text, first, last = g.date()
            frm, frm_last = text, last
            for _ in range(rng.randint(1, 2)):
                to, to_day = g.date_after(frm_last)
                w("      <position%s%s%s>\n" % (attr("track", rng.choice(TRACKS)),
                                               attr("from", frm), attr("to", to)))
                w("        <role>%s</role>\n" % escape(g.words(2, 6)))
                w("      </position>\n")
                frm, frm_last = g.date_after(to_day)
        if rng.random() < 0.3:
            w("      <description>%s</description>\n" % escape(g.sentence()))
        source_refs("      ")
        w("    </actor>\n")
        if kind in ("organisation", "state", "intergovernmental", "group"):
            organisations.append(actor)
    w("  </actors>\n")

    tracks = {}
    w("  <events>\n")
    for event in events:
        track = rng.choice(TRACKS)
        tracks[event] = track
        text, first, last = g.date()
        w("    <event%s%s%s%s" % (attr("id", event), attr("track", track),
                                  attr("type", rng.choice(EVENT_TYPES)), attr("date", text)))
        if rng.random() < 0.2:
            end, _ = g.date_after(last)
            w(attr("end", end))
        if rng.random() < 0.15:
            w(attr("certainty", rng.choice(CERTAINTIES)))
        if rng.random() < 0.1:
            disclosed, _ = g.date_after(last)
            w(attr("disclosed", disclosed))
        w(">\n")
        w("      <title>%s</title>\n" % escape(g.words(3, 9).capitalize()))
        if rng.random() < 0.5:
            w("      <place>%s</place>\n" % escape(rng.choice(PLACES)))
        for actor in g.sample(actors, 0, 4):
            w("      <participant%s/>\n" % attr("ref", actor))
        if rng.random() < 0.4:
            w("      <description>%s %s</description>\n" % (escape(g.sentence()), escape(g.sentence())))
        source_refs("      ")
        w("    </event>\n")
    w("  </events>\n")

    w("  <links>\n")
    for _ in range(n_links):
        a, b = rng.sample(events, 2)
        w("    <link%s%s%s/>\n" % (attr("from", a), attr("to", b), attr("type", rng.choice(LINK_TYPES))))
    w("  </links>\n")

    if len(set(tracks.values())) < 2 and n_transfers > 0:
        sys.exit("generate-case.py: transfers need events on two tracks; add events")

    w("  <transfers>\n")
    for i in range(n_transfers):
        a = rng.choice(events)
        b = rng.choice(events)
        while tracks[b] == tracks[a]:
            b = rng.choice(events)
        w("    <transfer%s%s%s%s" % (attr("id", "transfer-%05d" % i), attr("from", a), attr("to", b),
                                     attr("mechanism", rng.choice(MECHANISMS))))
        if rng.random() < 0.2:
            w(attr("status", rng.choice(STATUSES)))
        if rng.random() < 0.1:
            w(attr("disclosed", "%04d-%02d" % (rng.randint(FIRST, LAST), rng.randint(1, 12))))
        w(">\n")
        w("      <title>%s</title>\n" % escape(g.words(3, 8).capitalize()))
        if rng.random() < 0.5:
            w("      <description>%s</description>\n" % escape(g.sentence()))
        for actor in g.sample(actors, 0, 2):
            w("      <carrier%s/>\n" % attr("ref", actor))
        source_refs("      ")
        if rng.random() < 0.05:
            w("      <annotation%s%s>%s</annotation>\n"
              % (attr("author", "A. Analyst"), attr("created", "2026-11-24T10:00:00Z"),
                 escape(g.sentence())))
        w("    </transfer>\n")
    w("  </transfers>\n")

    w("  <sources>\n")
    for source in sources:
        kind = rng.choice(SOURCE_TYPES)
        w("    <source%s%s>\n" % (attr("id", source), attr("type", kind)))
        w("      <citation>%s</citation>\n" % escape(g.sentence()))
        if kind == "web" or rng.random() < 0.2:
            w("      <url>https://example.org/%s</url>\n" % source)
        w("    </source>\n")
    w("  </sources>\n")

    w("  <annotations>\n")
    for _ in range(max(1, n_events // 100)):
        about = rng.choice(events + actors)
        w("    <annotation%s%s%s>%s</annotation>\n"
          % (attr("author", "A. Analyst"), attr("created", "2026-11-24T10:00:00Z"),
             attr("about", about), escape(g.sentence())))
    w("  </annotations>\n")
    w("</case>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--transfers", type=int, default=5000)
    parser.add_argument("--sources", type=int, default=None, help="default: events / 20")
    parser.add_argument("--links", type=int, default=None, help="default: events / 2")
    parser.add_argument("--seed", type=int, default=1993)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()

    n_sources = args.sources if args.sources is not None else max(1, args.events // 20)
    n_links = args.links if args.links is not None else args.events // 2
    if args.events < 2 and (args.transfers or n_links):
        parser.error("links and transfers need at least two events")

    if args.output == "-":
        out = sys.stdout
    else:
        out = open(args.output, "w", encoding="utf-8", newline="\n")
    with out:
        generate(args.events, args.actors, args.transfers, n_sources, n_links, args.seed, out)


if __name__ == "__main__":
    main()
