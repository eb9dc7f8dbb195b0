#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A synthetic case for bench-render.sh, used only when generate-case.py
(owned with bench-load.sh) is not there: EVENTS events over ten years on
all tracks, TRANSFERS transfers between them, fixed seed.

  bench-render-case.py EVENTS TRANSFERS OUT.bcase
"""
import random
import sys
from xml.sax.saxutils import escape

n_events, n_transfers, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(42)
tracks = ["1", "1.5", "2", "3", "4", "5", "6", "7", "8", "9"]
types = ["meeting", "negotiation", "workshop", "agreement", "signing", "statement",
         "publication", "visit", "appointment", "other"]
mechs = ["briefing", "memorandum", "draft-text", "participant-crossover",
         "back-channel-message", "facilitation", "public-statement",
         "public-consultation", "workshop-outcome", "other"]
words = "channel talks draft envoy meeting round paper summit dialogue visit memo".split()
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<case version="1" id="synthetic" xml:lang="en">\n')
    f.write(f"  <title>Synthetic case: {n_events} events, {n_transfers} transfers</title>\n")
    f.write('  <period start="1990" end="1999"/>\n  <actors>\n')
    for a in range(60):
        f.write(f'    <actor id="a{a}" track="{tracks[a % 10]}" type="person"><name>Actor {a}</name></actor>\n')
    f.write("  </actors>\n  <events>\n")
    track_of = []
    for e in range(n_events):
        y, m, d = 1990 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28)
        date = f"{y}-{m:02d}-{d:02d}" if rng.random() > 0.15 else f"{y}-{m:02d}"
        title = " ".join(rng.choice(words) for _ in range(3)).capitalize() + f" {e}"
        track_of.append(rng.choice(tracks))
        f.write(f'    <event id="e{e}" track="{track_of[e]}" type="{rng.choice(types)}" date="{date}">\n')
        f.write(f"      <title>{escape(title)}</title>\n")
        f.write(f'      <participant ref="a{rng.randrange(60)}"/>\n    </event>\n')
    f.write("  </events>\n  <transfers>\n")
    for t in range(n_transfers):
        a, b = rng.randrange(n_events), rng.randrange(n_events)
        # A transfer crosses from one track to another.
        while track_of[a] == track_of[b]:
            b = rng.randrange(n_events)
        f.write(f'    <transfer id="t{t}" from="e{a}" to="e{b}" mechanism="{rng.choice(mechs)}">'
                f'<title>Transfer {t}</title></transfer>\n')
    f.write("  </transfers>\n</case>\n")
