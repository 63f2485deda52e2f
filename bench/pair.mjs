// Before and after: two built checkouts of staffsim on the reference
// workload, paired round by round against the yardstick, by CPU time (on a
// shared machine the steadier figure). Each round runs the yardstick, A, B
// and the yardstick again, each in a fresh process; A and B swap places
// every other round. Prints each round and the medians of A and B over the
// yardstick and of B over A.
//
//   node bench/pair.mjs DIR_A DIR_B [--rounds N] [--warm] [--file SCENARIO]
//
// DIR is a checkout with dist/ built (npm run build); its own
// dist/model/contact-centre.js and dist/scenario/load.js are loaded, so an
// older checkout without this script can be measured. --warm times a
// second replication in each process (and the yardstick's second run):
// docs/performance.md, "Cold and warm".

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadSimulator } from './dist.mjs';
import { dirname, join, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);

if (argv[0] === '--child') {
  // One checkout's replication, timed by CPU: --child DIR FILE WARM
  const [, dir, file, warm] = argv;
  const { simulateReplication, loadScenarioFile } = await loadSimulator(dir);
  const { scenario } = loadScenarioFile(file, { set: [] });
  let contacts = 0;
  let cpuSeconds = 0;
  for (const strategy of scenario.strategies) {
    if (warm === '1') simulateReplication(strategy, 0);
    const started = process.cpuUsage();
    contacts += simulateReplication(strategy, 0).observations.contacts;
    const used = process.cpuUsage(started);
    cpuSeconds += (used.user + used.system) / 1e6;
  }
  process.stdout.write(`${JSON.stringify({ contacts_per_cpu_s: contacts / cpuSeconds })}\n`);
  process.exit(0);
}

const dirs = [];
let rounds = 7;
let warm = false;
let file = join(here, 'erlang-a.yaml');
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--rounds') rounds = Number(argv[++i]);
  else if (argv[i] === '--warm') warm = true;
  else if (argv[i] === '--file') file = resolve(argv[++i]);
  else dirs.push(resolve(argv[i]));
}
if (dirs.length !== 2 || !(Number.isInteger(rounds) && rounds > 0)) {
  process.stderr.write('usage: node bench/pair.mjs DIR_A DIR_B [--rounds N] [--warm] [--file SCENARIO]\n');
  process.exit(2);
}

function rate(args) {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()).contacts_per_cpu_s;
}
const yardstick = () => rate([join(here, 'yardstick.mjs'), '2000000', '1', ...(warm ? ['--warm'] : [])]);
const checkout = (dir) => rate([fileURLToPath(import.meta.url), '--child', dir, file, warm ? '1' : '0']);

const aOverY = [];
const bOverY = [];
const bOverA = [];
const m = (x) => `${(x / 1e6).toFixed(2)} M`;
for (let r = 0; r < rounds; r++) {
  const before = yardstick();
  let a;
  let b;
  if (r % 2 === 0) {
    a = checkout(dirs[0]);
    b = checkout(dirs[1]);
  } else {
    b = checkout(dirs[1]);
    a = checkout(dirs[0]);
  }
  const y = (before + yardstick()) / 2;
  aOverY.push(a / y);
  bOverY.push(b / y);
  bOverA.push(b / a);
  process.stdout.write(`round ${r + 1}: yardstick ${m(y)}  A ${m(a)} (${(a / y).toFixed(3)})  B ${m(b)} (${(b / y).toFixed(3)})  B/A ${(b / a).toFixed(3)}\n`);
}
const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
process.stdout.write(
  `${warm ? 'warm' : 'cold'}, ${rounds} rounds, CPU time: A/yardstick ${median(aOverY).toFixed(3)}, B/yardstick ${median(bOverY).toFixed(3)}, B/A ${median(bOverA).toFixed(3)} (range ${Math.min(...bOverA).toFixed(3)}-${Math.max(...bOverA).toFixed(3)})\n`,
);
