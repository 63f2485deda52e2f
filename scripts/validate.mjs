#!/usr/bin/env node
// npm run validate: the validation suite (src/experiment/validation.ts) on
// every core, then docs/validation.md rewritten from the results. Exit 0 when
// every case passes, 1 otherwise. Runs the compiled library: `npm run
// validate` builds first.
//
//   node scripts/validate.mjs [--jobs N] [--only TEXT] [--out FILE]
//
// --only runs the cases whose id contains TEXT (e.g. --only "M/M/c+M c=1000")
// and then writes nothing unless --out is given, so a partial run never
// replaces the full report.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});

const { validationCases } = await import('../dist/experiment/validation.js');
const { runValidationSuite, summaryText, validationMarkdown } = await import('../dist/experiment/validation-suite.js');

const cases = validationCases().filter((c) => values.only === undefined || c.id.includes(values.only));
if (cases.length === 0) {
  process.stderr.write(`validate: no case id contains "${values.only}"\n`);
  process.exit(2);
}
const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
  process.stderr.write('validate: --jobs takes a whole number of at least 1\n');
  process.exit(2);
}

const suite = await runValidationSuite(cases, {
  jobs,
  onProgress: (stage, done, total) => {
    if (done === total || done % 50 === 0) {
      process.stderr.write(`${stage === 1 ? 'pilot' : 'longer runs'}: ${done}/${total} replications\n`);
    }
  },
});
for (const r of suite.results) {
  if (r.pass) continue;
  const failed = r.checks.filter((k) => !k.pass).map((k) => `${k.kpi} ${k.verdict}`);
  if (r.little.some((l) => l.pass !== true)) failed.push("Little's law");
  process.stderr.write(`FAIL ${r.case.id}: ${failed.join(', ')}\n`);
}

const out = values.out ?? (values.only === undefined ? new URL('../docs/validation.md', import.meta.url) : undefined);
if (out !== undefined) writeFileSync(out, validationMarkdown(suite));
process.stdout.write(`${summaryText(suite)}\n`);
process.exitCode = suite.results.every((r) => r.pass) ? 0 : 1;
