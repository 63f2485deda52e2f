// What a replication allocates once V8 has compiled it: the style rule is
// that hot paths allocate nothing per event, and a number V8 cannot keep
// unboxed (a fraction crossing a call it did not inline, or a conditional
// that yields a fraction or a small integer) is a heap number allocated on
// every pass (docs/performance.md, "Boxed numbers").
//
// Each file runs in a child process: a first replication per strategy
// untimed, then a second under V8's sampling heap profiler, counting objects
// the young-generation collector has already freed (they are nearly all of
// it). The figure is the sampled bytes over the contacts the second
// replication counted, and the functions that allocated most. Sampling
// makes it an estimate (a sample about every 1 KB allocated), and which
// calls V8 inlines depends on when its compiler ran, so two runs can differ:
// a figure near 0 is the aim.
//
//   node bench/allocation.mjs [--json] [FILE ...]    default: the bench's scenarios, 7-day horizon
//
// Prints one line per file and strategy (JSON with --json).

import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDist, loadSimulator } from './dist.mjs';
import { eachFileInChild, perFileArgs } from './per-file.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const argv = process.argv.slice(2);
const SAMPLING_BYTES = 1024;

if (argv[0] === '--child') {
  const { simulateReplication, loadScenarioFile } = await loadSimulator(root);
  const { resolveAutoStaffing } = await loadDist(root, 'experiment/auto-staffing.js');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  const out = {};
  for (const strategy of loadScenarioFile(argv[1], { set: ['horizon=7d'] }).scenario.strategies) {
    const s = resolveAutoStaffing(strategy).strategy;
    simulateReplication(s, 0);
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: SAMPLING_BYTES,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    const contacts = simulateReplication(s, 1).observations.contacts;
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const byFunction = new Map();
    const walk = (node) => {
      if (node.selfSize > 0) {
        const name = node.callFrame.functionName || '(anonymous)';
        byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      }
      for (const child of node.children) walk(child);
    };
    walk(profile.head);
    const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
    const perContact = (bytes) => Math.round((bytes / Math.max(contacts, 1)) * 10) / 10;
    out[s.name] = {
      contacts,
      bytes_per_contact: perContact(total),
      top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, bytes]) => ({ function: name, bytes_per_contact: perContact(bytes) })),
    };
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

const { json, files } = perFileArgs(argv, root);
const results = eachFileInChild(fileURLToPath(import.meta.url), [], files, root, (stdout) => JSON.parse(stdout));

if (json) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  for (const [file, strategies] of Object.entries(results)) {
    for (const [name, r] of Object.entries(strategies)) {
      const top = r.top.map((t) => `${t.function} ${t.bytes_per_contact}`).join(', ');
      process.stdout.write(`${file} ${name}: ${r.bytes_per_contact} bytes a contact (${top})\n`);
    }
  }
}
