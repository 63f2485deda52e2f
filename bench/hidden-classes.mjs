// Whether a replication starts with the code V8 optimised for the one before.
// Runs each strategy of each file twice in a child process under
// --trace-deopt and counts, during the second replication:
//
// - optimised functions V8 discards for "code dependencies" while the
//   replication's objects are built: 0 when every object keeps the hidden
//   class it was built with (src/engine/double-field.ts says why it can);
// - deoptimisations for any other reason, named by function: mostly a load,
//   store or comparison the first replication made only before V8 gave the
//   function its feedback vector, or only in its last minutes
//   (docs/performance.md, "Loads that every event makes"). A handler of the
//   event loop named here runs unoptimised until V8 compiles it again;
//   functions run once at a replication's end (paidHours, census) cost
//   nothing to speak of. Compiling runs beside the simulation, so a run can
//   name a function another does not.
//
//   node bench/hidden-classes.mjs [--json] [FILE ...]    default: the bench's scenarios, 2-day horizon
//
// Prints one line per file (JSON with --json): per strategy, the discarded
// count and the deoptimised functions.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDist, loadSimulator } from './dist.mjs';
import { eachFileInChild, perFileArgs } from './per-file.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const argv = process.argv.slice(2);

if (argv[0] === '--child') {
  const file = argv[1];
  const { simulateReplication, loadScenarioFile } = await loadSimulator(root);
  const { resolveAutoStaffing } = await loadDist(root, 'experiment/auto-staffing.js');
  for (const strategy of loadScenarioFile(file, { set: ['horizon=2d'] }).scenario.strategies) {
    const s = resolveAutoStaffing(strategy).strategy;
    simulateReplication(s, 0);
    process.stdout.write(`=== second replication of ${s.name}\n`);
    simulateReplication(s, 1);
    process.stdout.write('=== end\n');
  }
  process.exit(0);
}

const { json, files } = perFileArgs(argv, root);
const results = eachFileInChild(fileURLToPath(import.meta.url), ['--trace-deopt'], files, root, countDiscarded);

/** Per strategy, in a child's --trace-deopt output: the optimised functions discarded and the functions deoptimised in its second replication. */
function countDiscarded(stdout) {
  const counts = {};
  let strategy = null;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('=== second replication of ')) {
      strategy = line.slice('=== second replication of '.length);
      counts[strategy] = { discarded: 0, deoptimised: [] };
    } else if (line === '=== end') strategy = null;
    else if (strategy !== null && line.includes('reason: code dependencies')) counts[strategy].discarded++;
    else if (strategy !== null && line.startsWith('[bailout')) {
      // "[bailout (kind: deopt-eager, reason: R): begin. deoptimizing 0x… <JSFunction NAME (sfi = …)>, …"
      const name = /<JSFunction (\S*)/.exec(line)?.[1] || '(anonymous)';
      counts[strategy].deoptimised.push(name);
    }
  }
  return counts;
}

if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
else {
  for (const [file, counts] of Object.entries(results)) {
    const parts = Object.entries(counts).map(([s, c]) => `${s} ${c.discarded} discarded, deoptimised: ${c.deoptimised.join(' ') || 'none'}`);
    process.stdout.write(`${file}, second replication: ${parts.join('; ')}\n`);
  }
}
