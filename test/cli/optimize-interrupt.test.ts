// Ctrl-C during `staffsim optimize`, in a real process (only a process
// receives signals): what was found so far is printed and written to --out,
// and staffsim exits with the shell's code for the signal (130 for SIGINT,
// docs/optimize.md). The signal is sent once a batch of candidates has
// finished, which the child shows by drawing its progress bar: stderr is made
// to claim a terminal (a preloaded line setting isTTY), so the bar is drawn,
// and it is drawn only after a batch (src/cli/progress.ts). No timing is
// asserted but an upper bound far above the work left to do.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, scratch } from '../support/cli.js';

// A search of about a minute of simulation on two threads (100 days a
// replication, 4 to 16 replications for each of ten or so candidates): still
// under way when the first batch has finished.
const SEARCH = [
  'optimize', 'test/fixtures/erlang-a-queue.yaml', '--set', 'horizon=100d', '--strategy', 'staffed',
  '--constraint', 'service_level >= 0.8', '--decide', 'staff.employees.headcount=1:30', '--jobs', '2', '--format', 'json',
];
const CLAIM_A_TERMINAL = 'data:text/javascript,Object.defineProperty(process.stderr,"isTTY",{value:true})';

describe('an interrupted optimisation', () => {
  it('prints and writes the best found so far on Ctrl-C, says so, and exits 130', async () => {
    const out = join(scratch(), 'best.yaml');
    const child = spawn(process.execPath, ['--import', CLAIM_A_TERMINAL, BIN, ...SEARCH, '--out', out], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      // The bar names its unit: a batch is done.
      if (!sent && stderr.includes(' candidates |')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(sent, stderr).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('staffsim: interrupted by SIGINT; the best found so far is above\n');
    const json = JSON.parse(stdout);
    expect(json.stopped).toBe('interrupted');
    expect(json.candidates.length).toBeGreaterThanOrEqual(1);
    expect(json.verdict).toContain('The search was interrupted before it converged; this is the best of the');
    // The start (Erlang A's 6 agents) was in the first batch; what is kept is whole candidates with their replications.
    expect(json.candidates.map((c: { values: object }) => c.values)).toContainEqual({ 'staff.employees.headcount': 6 });
    for (const c of json.candidates) expect(c.replications).toBeGreaterThanOrEqual(4);
    // The patch of the best (or closest) so far is written, headed by what it is.
    expect(existsSync(out)).toBe(true);
    const patch = readFileSync(out, 'utf8');
    const chosen = json.best ?? json.candidates[0];
    expect(YAML.parse(patch)).toEqual({ strategies: { staffed: { staff: { employees: { headcount: chosen.values['staff.employees.headcount'] } } } } });
    expect(patch).toMatch(/^# staffsim optimize: erlang-a-queue, strategy staffed, minimise cost_total; /);
  }, 180_000);
});
