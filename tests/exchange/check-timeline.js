// SPDX-License-Identifier: GPL-3.0-or-later
// The TimelineJS export, loaded by TimelineJS itself (npm
// "@knight-lab/timelinejs", its browser bundle) in a jsdom window: the
// timeline must build without errors, with one slide per event, each at
// its date and of the right precision, in its track's group, and the
// case's period as an era.
'use strict';
const fs = require('fs');
const { JSDOM } = require('jsdom');

const [file, caseJson] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(file, 'utf8'));
const expected = JSON.parse(fs.readFileSync(caseJson, 'utf8'));
const dom = new JSDOM('<!DOCTYPE html><div id="timeline"></div>',
                      { runScripts: 'outside-only', pretendToBeVisual: true });
const w = dom.window;
w.eval(fs.readFileSync(require.resolve('@knight-lab/timelinejs/dist/js/timeline.js'), 'utf8'));

let failures = 0;
const fail = msg => { failures++; console.error('timeline: ' + msg); };
const timeline = new w.TL.Timeline('timeline', JSON.parse(JSON.stringify(data)), {});

timeline.on('loaded', () => {
  const config = timeline.config;
  if (!config.isValid())
    fail('invalid: ' + config.getErrors('; '));
  if (config.events.length !== expected.events.length)
    fail(`${config.events.length} slides for ${expected.events.length} events`);
  const slides = Object.fromEntries(config.events.map(e => [e.unique_id, e]));
  const precision = { 1: 'year', 2: 'month', 3: 'full' };
  for (const e of expected.events) {
    const slide = slides[e.id];
    if (!slide) { fail(`${e.id}: no slide`); continue; }
    const parts = e.date.split('-').map(Number);
    const d = slide.start_date.data.date_obj;
    if (d.getUTCFullYear() !== parts[0] || (parts[1] && d.getUTCMonth() + 1 !== parts[1]) ||
        (parts[2] && d.getUTCDate() !== parts[2]))
      fail(`${e.id}: starts ${d.toISOString()}, not ${e.date}`);
    if (slide.start_date.findBestFormat() !== precision[parts.length])
      fail(`${e.id}: precision ${slide.start_date.findBestFormat()} for ${e.date}`);
    if (e.end && !slide.end_date)
      fail(`${e.id}: end ${e.end} lost`);
    if (slide.group !== e.group)
      fail(`${e.id}: group ${slide.group}, not ${e.group}`);
  }
  if (config.eras.length !== 1)
    fail(`${config.eras.length} eras`);
  const rendered = w.document.querySelectorAll('.tl-slide').length;
  if (rendered !== expected.events.length + 1)
    fail(`${rendered} slides drawn for ${expected.events.length} events and the title`);
  console.log(`timeline: ${config.events.length} slides, ${failures} failures`);
  process.exit(failures ? 1 : 0);
});
setTimeout(() => { fail('never loaded'); process.exit(1); }, 20000).unref();
