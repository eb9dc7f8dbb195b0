#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes data/invalid/*.bcase: data/valid/base.bcase with one change each.

Every file breaks one rule of the case format (five-errors.bcase breaks
five), so test-reader.c can expect the exact line and column of its
diagnostic. Run it after changing base.bcase or the table below, and
update the expected positions in test-reader.c.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
VALID = os.path.join(HERE, "data", "valid")
INVALID = os.path.join(HERE, "data", "invalid")

BASE = '''<?xml version="1.0" encoding="UTF-8"?>
<case version="1" id="t" xml:lang="en">
  <title>Test case</title>
  <period start="1993-01" end="1993-12"/>
  <actors>
    <actor id="a1" track="1" type="person">
      <name>First actor</name>
      <position track="1" from="1993-01" to="1993-06"/>
    </actor>
    <actor id="a2" track="2" type="organisation">
      <name>Second actor</name>
      <member-of ref="a1"/>
    </actor>
  </actors>
  <events>
    <event id="e1" track="1" type="meeting" date="1993-01-20" end="1993-01-22">
      <title>First event</title>
      <participant ref="a1"/>
      <source ref="s1"/>
    </event>
    <event id="e2" track="2" type="meeting" date="1993-02-20">
      <title>Second event</title>
    </event>
    <event id="e3" track="2" type="meeting" date="1993-03">
      <title>Third event</title>
    </event>
  </events>
  <links>
    <link from="e1" to="e2" type="leads-to"/>
  </links>
  <transfers>
    <transfer id="t1" from="e1" to="e2" mechanism="briefing" status="documented">
      <title>A transfer</title>
      <carrier ref="a1"/>
      <annotation author="A. Analyst" created="2026-11-24T10:00:00Z">Note.</annotation>
    </transfer>
  </transfers>
  <sources>
    <source id="s1" type="book">
      <citation>A book.</citation>
      <url>https://example.org/book</url>
    </source>
  </sources>
  <annotations>
    <annotation author="A. Analyst" created="2026-11-24T10:00:00Z" about="e1">Case note.</annotation>
  </annotations>
</case>
'''
CHANGES = {
 "duplicate-id": [('  </events>', '    <event id="a1" track="3" type="other" date="1993-04">\n      <title>Reuses an actor id</title>\n    </event>\n  </events>')],
 "id-syntax": [('<actor id="a2"', '<actor id="2nd actor"')],
 "id-too-long": [('  </actors>', '    <actor id="a' + '0123456789'*6 + 'abcd" track="3" type="group">\n      <name>Long id</name>\n    </actor>\n  </actors>')],
 "dangling-participant": [('<participant ref="a1"/>', '<participant ref="nobody"/>')],
 "dangling-carrier": [('<carrier ref="a1"/>', '<carrier ref="nobody"/>')],
 "dangling-member-of": [('<member-of ref="a1"/>', '<member-of ref="nobody"/>')],
 "dangling-source": [('<source ref="s1"/>', '<source ref="nothing"/>')],
 "dangling-link-from": [('<link from="e1"', '<link from="nothing"')],
 "dangling-link-to": [('to="e2" type="leads-to"', 'to="nothing" type="leads-to"')],
 "dangling-transfer-from": [('<transfer id="t1" from="e1"', '<transfer id="t1" from="nothing"')],
 "dangling-transfer-to": [('from="e1" to="e2" mechanism', 'from="e1" to="nothing" mechanism')],
 "dangling-about": [('about="e1"', 'about="nothing"')],
 "wrong-kind-participant": [('<participant ref="a1"/>', '<participant ref="e2"/>')],
 "wrong-kind-source": [('<source ref="s1"/>', '<source ref="a1"/>')],
 "wrong-kind-link-end": [('to="e2" type="leads-to"', 'to="s1" type="leads-to"')],
 "date-no-such-day": [('date="1993-02-20"', 'date="1993-02-30"')],
 "date-no-such-month": [('date="1993-03"', 'date="1993-13"')],
 "date-year-before-1000": [('date="1993-03"', 'date="0999"')],
 "end-before-date-event": [('end="1993-01-22"', 'end="1993-01-19"')],
 "end-before-start-period": [('<period start="1993-01" end="1993-12"/>', '<period start="1993-06" end="1993-05-31"/>')],
 "end-before-from-position": [('from="1993-01" to="1993-06"', 'from="1993-06" to="1993-01"')],
 "transfer-same-track": [('<transfer id="t1" from="e1" to="e2"', '<transfer id="t1" from="e3" to="e2"')],
 "url-javascript": [('https://example.org/book', 'javascript:alert(1)')],
 "url-file": [('https://example.org/book', 'file:///etc/passwd')],
 "url-ftp": [('https://example.org/book', 'ftp://example.org/book')],
 "version-missing": [('<case version="1" id="t"', '<case id="t"')],
 "version-2": [('<case version="1"', '<case version="2"')],
 "version-bad": [('<case version="1"', '<case version="one"')],
 "wrong-root": [('<case version="1" id="t" xml:lang="en">', '<timeline version="1" id="t" xml:lang="en">'), ('</case>', '</timeline>')],
 "bad-track": [('<event id="e2" track="2"', '<event id="e2" track="10"')],
 "bad-actor-type": [('type="organisation"', 'type="company"')],
 "bad-event-type": [('<event id="e2" track="2" type="meeting"', '<event id="e2" track="2" type="party"')],
 "bad-mechanism": [('mechanism="briefing"', 'mechanism="telepathy"')],
 "bad-status": [('status="documented"', 'status="rumoured"')],
 "bad-certainty": [('end="1993-01-22"', 'end="1993-01-22" certainty="likely"')],
 "bad-link-type": [('type="leads-to"', 'type="causes"')],
 "bad-source-type": [('<source id="s1" type="book"', '<source id="s1" type="tweet"')],
 "element-order": [('      <title>First event</title>\n      <participant ref="a1"/>', '      <participant ref="a1"/>\n      <title>First event</title>')],
 "unknown-element": [('      <title>Second event</title>\n', '      <title>Second event</title>\n      <colour>red</colour>\n')],
 "missing-title": [('  <title>Test case</title>\n', '')],
 "annotation-created-not-utc": [('created="2026-11-24T10:00:00Z" about', 'created="2026-11-24T11:00:00+01:00" about')],
 "annotation-about-on-transfer": [('created="2026-11-24T10:00:00Z">Note.', 'created="2026-11-24T10:00:00Z" about="e1">Note.')],
 "five-errors": [('  </events>', '    <event id="a1" track="3" type="other" date="1993-04">\n      <title>Reuses an actor id</title>\n    </event>\n  </events>'),
                 ('date="1993-03"', 'date="1993-02-30"'),
                 ('<carrier ref="a1"/>', '<carrier ref="nobody"/>'),
                 ('https://example.org/book', 'ftp://example.org/book'),
                 ('type="leads-to"', 'type="causes"')],
}


def main():
    os.makedirs(INVALID, exist_ok=True)
    with open(os.path.join(VALID, "base.bcase"), "w", encoding="utf-8") as f:
        f.write(BASE)
    for name, changes in CHANGES.items():
        text = BASE
        for old, new in changes:
            assert text.count(old) == 1, (name, old)
            text = text.replace(old, new)
        with open(os.path.join(INVALID, name + ".bcase"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
