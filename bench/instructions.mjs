// Instructions, not seconds: the reference workload's cold and warm
// replication counted by valgrind's callgrind, which the machine's load does
// not move (two runs of one build agree within 0.2%), for before/after
// figures on a busy machine. Needs valgrind (not a dependency of staffsim).
//
//   node bench/instructions.mjs [DIR ...] [--horizon MINUTES]    default: this checkout, 20000 (200k contacts)
//
// For each DIR (a checkout with dist/ built) runs `node --single-threaded`
// under callgrind three times, simulating 0, 1 and 2 replications of
// bench/erlang-a.yaml: cold is the first replication's count (1 less 0:
// loading left out), warm the second's (2 less 1). --single-threaded puts
// TurboFan's compiling on the main thread, so it is counted and repeats.
// Instructions are not time (memory behaviour differs between builds):
// docs/performance.md, "Loads that every event makes".

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSimulator } from './dist.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);

if (argv[0] === '--child') {
  const [, dir, horizon, replications] = argv;
  const { simulateReplication, loadScenarioFile } = await loadSimulator(dir);
  const { scenario } = loadScenarioFile(join(here, 'erlang-a.yaml'), { set: [`horizon=${horizon}`] });
  for (let r = 0; r < Number(replications); r++) simulateReplication(scenario.strategies[0], 0);
  process.exit(0);
}

let horizon = '20000';
const dirs = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--horizon') horizon = argv[++i];
  else dirs.push(resolve(argv[i]));
}
if (dirs.length === 0) dirs.push(join(here, '..'));

function instructions(dir, replications) {
  const child = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', fileURLToPath(import.meta.url), '--child', dir, horizon, String(replications)],
    { encoding: 'utf8' },
  );
  if (child.error) throw new Error(`bench/instructions.mjs: valgrind did not run (${child.error.message})`);
  const collected = /Collected\s*:\s*(\d+)/.exec(child.stderr);
  if (child.status !== 0 || collected === null) throw new Error(`bench/instructions.mjs: ${dir} failed:\n${child.stderr.slice(-2000)}`);
  return Number(collected[1]);
}

const millions = (n) => `${Math.round(n / 1e6).toLocaleString('en-US')} M`;
for (const dir of dirs) {
  const [none, one, two] = [0, 1, 2].map((r) => instructions(dir, r));
  process.stdout.write(`${dir}: cold ${millions(one - none)}, warm ${millions(two - one)} instructions (horizon ${horizon})\n`);
}
