// Faults a long run meets: Ctrl-C or a batch system's SIGTERM in the middle
// of `staffsim run`, and a human queue that can never catch up. The run must
// stop promptly with the shell's code for the signal, leave an earlier --out
// file as it was and no temporary file behind; an unstable queue must still
// end, with a warning that gives the offered load.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, staffsimInProcess, startStaffsim } from '../support/cli.js';

// Long enough to be still running when the signal comes: the default
// scenario (14 days) for hundreds of replications would take many minutes.
const LONG_RUN = ['run', '--replications', '500', '--format', 'json'];
// The signal must come once the command listens for it (before, Node's
// default kills the process): the child says when, from a module imported
// before the CLI that watches for the CLI's SIGINT listener. After that the
// command loads the scenario and starts its worker threads, a fraction of a
// second on a quiet machine; the signal comes a while later, so it finds the
// replications running, while the children spend little CPU waiting for it
// (a fixed wait from the start burned both cores for 5 s a test).
const LISTENING = 'staffsim-test: listening for SIGINT\n';
const SAY_WHEN_LISTENING = [
  '--import',
  `data:text/javascript,process.on("newListener",(e)=>{if(e==="SIGINT")process.stderr.write(${JSON.stringify(LISTENING)})})`,
];
const SIGNAL_AFTER_LISTENING_MS = 1500;
// Prompt means within a replication or two, not after the run: the run is
// many minutes of work, so a bound far above a replication's time (well
// under a second on a quiet machine) still tells the two apart under load.
const PROMPT_MS = 20_000;

/** Starts `args` and sends `signal` once the run listens for it and has had time to start its replications. */
async function startThenSignal(args: string[], signal: NodeJS.Signals) {
  const child = startStaffsim(args, SAY_WHEN_LISTENING);
  try {
    await child.stderrHas(LISTENING);
    await new Promise((resolve) => setTimeout(resolve, SIGNAL_AFTER_LISTENING_MS));
    const sent = Date.now();
    child.kill(signal);
    const result = await child.done;
    // The marker is the test's, not the command's: what the command wrote is the rest.
    expect(result.stderr.startsWith(LISTENING)).toBe(true);
    return { result: { ...result, stderr: result.stderr.slice(LISTENING.length) }, elapsed: Date.now() - sent };
  } finally {
    child.kill('SIGKILL'); // a no-op once it has exited; else it must not outlive the test
  }
}

async function interrupt(signal: NodeJS.Signals) {
  const dir = scratch();
  const out = join(dir, 'results.json');
  writeFileSync(out, 'the report of an earlier run\n');
  const { result, elapsed } = await startThenSignal([...LONG_RUN, '--out', out], signal);
  return { result, elapsed, dir, out };
}

describe('an interrupted run', () => {
  it('stops promptly on Ctrl-C (SIGINT) with code 130, keeping the earlier --out file and no temporary file', async () => {
    const { result, elapsed, dir, out } = await interrupt('SIGINT');
    expect(result.code).toBe(130);
    expect(elapsed).toBeLessThan(PROMPT_MS);
    expect(result.stderr).toBe('staffsim: interrupted by SIGINT; nothing was written\n');
    expect(readFileSync(out, 'utf8')).toBe('the report of an earlier run\n');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('stops on SIGTERM with code 143', async () => {
    const { result, elapsed, dir } = await interrupt('SIGTERM');
    expect(result.code).toBe(143);
    expect(elapsed).toBeLessThan(PROMPT_MS);
    expect(result.stderr).toContain('interrupted by SIGTERM');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });
});

describe('one long replication with --jobs 1 (the default on a one-core machine)', () => {
  // The default scenario for 400 days is minutes of simulation per strategy:
  // a run that did not stop on the signal would outlive this test's timeout.
  // Before, the replication ran on the main thread, where no signal handler
  // can run while the event loop spins, so even a second Ctrl-C did nothing.
  it('stops on Ctrl-C with code 130 and nothing written', async () => {
    const { result } = await startThenSignal(['run', '--set', 'horizon=400d', '--replications', '1', '--jobs', '1', '--format', 'json'], 'SIGINT');
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('staffsim: interrupted by SIGINT; nothing was written\n');
  }, 30_000);
});

describe('an unstable queue (load 1.5 times the agents, nobody abandons)', () => {
  const file = 'test/fixtures/unstable-no-patience.yaml';
  const WARNING =
    'all-human: the human queue is overloaded: offered load 15.0 Erlangs against 10.0 agents on shift on average (150% of capacity); nobody abandons';

  // In-process (main() with its own streams): no signal or exit code of a process is tested here.
  it('still ends, and the table warns with the offered load', async () => {
    const { code, stdout, stderr } = await staffsimInProcess('run', file);
    expect(code).toBe(0);
    expect(stdout).toContain(`Warning: ${WARNING}`);
    // The table shows the warning: it is not said twice.
    expect(stderr).toBe('');
  });

  it('warns on stderr when the report goes to a program (json), and in the report', async () => {
    const { code, stdout, stderr } = await staffsimInProcess('run', file, '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toContain(`staffsim: warning: ${WARNING}`);
    expect(JSON.parse(stdout).warnings[0]).toEqual({
      code: 'human_queue_overloaded', strategy: 'all-human', offered_load: 15, agents: 10, gig_capacity: 0, share: 1.5, abandonment: false,
    });
    expect(JSON.parse(stdout).strategies[0].unstable).toEqual(['human']);
  });

});

describe('a queue past the model\'s cap on waiting contacts', () => {
  // 1,000 contacts a minute for one agent: the line passes the cap (2^22
  // waiting) after about 70 hours. Both horizons pass it; without the cap the
  // longer would hold twice as many contacts.
  const OVERLOAD = ['--set', 'demand.contacts_per_day=1440000', '--set', 'staff.employees.headcount=1', '--replications', '1', '--format', 'csv'];
  // The child reports its own peak resident memory as it exits.
  const REPORT_PEAK = ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\\n`))'];

  async function peak(horizon: string) {
    const result = await startStaffsim(['run', 'test/fixtures/unstable-no-patience.yaml', ...OVERLOAD, '--set', `horizon=${horizon}`], REPORT_PEAK).done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('all-human: the human queue reached its cap of 4,194,304 waiting contacts;');
    return Number(/peak-rss-kb (\d+)/.exec(result.stderr)?.[1]);
  }

  it('ends, says how many contacts were turned away, and twice the horizon takes no more memory', async () => {
    const short = await peak('75h');
    const long = await peak('150h');
    expect(short).toBeGreaterThan(0);
    expect(long).toBeLessThan(short * 1.2);
  });
});
