#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the TimelineJS check expects of a case, from its XML."""

import json
import sys

from caseinfo import Case

TRACK = {"1": "Track 1", "1.5": "Track 1.5"}
case = Case(sys.argv[1])
print(json.dumps({"events": [{"id": i, "date": e["date"], "end": e["end"],
                              "group": TRACK.get(e["track"], "Track " + e["track"])}
                             for i, e in case.events.items()]}))
