// SPDX-License-Identifier: GPL-3.0-or-later
// The CSL-JSON export, rendered by citeproc-js (npm "citeproc"): every
// source becomes one bibliography entry that shows its title, its URL and
// the year the export read from the citation.
'use strict';
const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');

const [file, cslDir] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = Object.fromEntries(items.map(i => [i.id, i]));
const sys = {
  retrieveLocale: () => fs.readFileSync(path.join(cslDir, 'locales-en-US.xml'), 'utf8'),
  retrieveItem: id => byId[id],
};
const engine = new CSL.Engine(sys, fs.readFileSync(path.join(cslDir, 'test-style.csl'), 'utf8'));
engine.updateItems(items.map(i => i.id));
const [meta, entries] = engine.makeBibliography();
let failures = 0;
const fail = msg => { failures++; console.error('citeproc: ' + msg); };

if (meta.bibliography_errors.length)
  fail('errors: ' + JSON.stringify(meta.bibliography_errors));
if (entries.length !== items.length)
  fail(`${entries.length} entries for ${items.length} sources`);
const unescape = s => s.replace(/&#38;/g, '&').replace(/&amp;/g, '&').replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&#60;/g, '<').replace(/&#62;/g, '>')
  .replace(/&#39;/g, "'").replace(/[’‘]/g, "'");
const text = entries.map(e => unescape(e.replace(/<[^>]+>/g, ''))).join('\n');
for (const item of items) {
  // citeproc-js typesets quotes and apostrophes; compare the letters.
  const title = item.title.replace(/["“”]/g, '').replace(/[’‘]/g, "'");
  if (!text.includes(title.slice(0, 30)))
    fail(`${item.id}: title “${title}” not rendered`);
  if (item.URL && !text.includes(item.URL))
    fail(`${item.id}: URL ${item.URL} not rendered`);
  if (item.issued && !text.includes(String(item.issued['date-parts'][0][0])))
    fail(`${item.id}: year not rendered`);
}
// A citation of the first source renders too.
const cited = engine.makeCitationCluster([{ id: items[0].id }]);
if (!cited.startsWith('('))
  fail('citation cluster: ' + cited);
console.log(`citeproc: ${entries.length} entries, ${failures} failures`);
process.exit(failures ? 1 : 0);
