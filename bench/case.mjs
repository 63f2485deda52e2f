// One benchmark case in a process of its own, so its peak memory is its own.
// Prints one JSON line. Usage: node bench/case.mjs FILE [--set k=v ...] [--warm]
// --warm simulates each strategy once untimed first and times the second
// replication: the speed every replication after a worker's first runs at,
// once V8 has compiled the model (docs/performance.md, "Cold and warm").

import { simulateReplication } from '../dist/model/contact-centre.js';
import { loadScenarioFile } from '../dist/scenario/load.js';

const [file, ...rest] = process.argv.slice(2);
const set = [];
let warm = false;
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--set') set.push(rest[++i]);
  else if (rest[i] === '--warm') warm = true;
}
const { scenario } = loadScenarioFile(file, { set });

let contacts = 0;
let seconds = 0;
const kpis = {};
for (const strategy of scenario.strategies) {
  if (warm) simulateReplication(strategy, 0);
  const started = process.hrtime.bigint();
  const { kpis: k, observations } = simulateReplication(strategy, 0);
  seconds += Number(process.hrtime.bigint() - started) / 1e9;
  // Every contact simulated, warm-up included: the work done, not the work measured.
  contacts += observations.contacts;
  kpis[strategy.name] = k;
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ contacts, seconds, contacts_per_s: contacts / seconds, peak_rss_mb: peakRssMb, kpis })}\n`);
