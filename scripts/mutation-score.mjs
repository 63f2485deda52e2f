// Mutation score per file and in all from one or more StrykerJS JSON
// reports (docs/testing.md, "Mutation score"), so per-file runs combine into
// a folder's score the way Stryker computes one: (killed + timed out) /
// (killed + timed out + survived + no coverage). A file in several reports
// counts from the last one given. --survivors lists each surviving mutant.
// A directory instead of a report is the event-recorder reporter's
// (--reporters ...,event-recorder: one file per mutant as it is tested), so
// an unfinished run still gives the score of the mutants it tested.
//
//   node scripts/mutation-score.mjs reports/mutation/*.json [--survivors]
//   node scripts/mutation-score.mjs reports/mutation/events [--survivors]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const survivors = args.includes('--survivors');
const files = new Map();
for (const path of args.filter((a) => !a.startsWith('--'))) {
  if (statSync(path).isDirectory()) {
    for (const [name, file] of testedSoFar(path)) files.set(name, file);
    continue;
  }
  for (const [name, file] of Object.entries(JSON.parse(readFileSync(path, 'utf8')).files)) files.set(name, file);
}

/** The files of an event-recorder directory, as a report's: the mutants tested so far, their source read from disk. */
function testedSoFar(dir) {
  const byFile = new Map();
  for (const event of readdirSync(dir).filter((f) => f.endsWith('-onMutantTested.json'))) {
    const mutant = JSON.parse(readFileSync(join(dir, event), 'utf8'));
    const name = relative(process.cwd(), mutant.fileName);
    if (!byFile.has(name)) byFile.set(name, { source: readFileSync(mutant.fileName, 'utf8'), mutants: [] });
    byFile.get(name).mutants.push(mutant);
  }
  return byFile;
}
if (files.size === 0) {
  console.error('usage: node scripts/mutation-score.mjs REPORT.json... [--survivors]');
  process.exit(2);
}

const DETECTED = ['Killed', 'Timeout'];
const VALID = [...DETECTED, 'Survived', 'NoCoverage'];
const score = (c) => (c.valid === 0 ? 'n/a' : `${((100 * c.detected) / c.valid).toFixed(1)}%`);
const folders = new Map();
for (const [name, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const c = { detected: 0, valid: 0, survived: 0, noCoverage: 0 };
  for (const m of file.mutants) {
    if (DETECTED.includes(m.status)) c.detected++;
    if (VALID.includes(m.status)) c.valid++;
    if (m.status === 'Survived') c.survived++;
    if (m.status === 'NoCoverage') c.noCoverage++;
  }
  const folder = name.slice(0, name.lastIndexOf('/'));
  const f = folders.get(folder) ?? { detected: 0, valid: 0, survived: 0, noCoverage: 0 };
  for (const k of Object.keys(f)) f[k] += c[k];
  folders.set(folder, f);
  console.log(`${name}\t${score(c)}\t${c.detected} of ${c.valid}\tsurvived ${c.survived}\tno coverage ${c.noCoverage}`);
  if (survivors) {
    const lines = file.source.split('\n');
    for (const m of file.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
      const line = m.location.start.line;
      console.log(`  ${line}\t${m.mutatorName}\t${JSON.stringify(m.replacement ?? '').slice(0, 60)}\t${lines[line - 1].trim().slice(0, 80)}`);
    }
  }
}
for (const [folder, f] of folders) console.log(`${folder}/\t${score(f)}\t${f.detected} of ${f.valid}\tsurvived ${f.survived}\tno coverage ${f.noCoverage}`);
