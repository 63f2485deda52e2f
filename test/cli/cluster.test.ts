// The cluster recipes of docs/cluster.md, run on this machine exactly as
// written: the Slurm array script once per index, the Kubernetes Indexed
// Job's container command once per completion index (each a separate
// process, with the variable the batch system sets), then each recipe's
// merge. Both must give the bytes of one uninterrupted sweep.

import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { BIN, REPO_ROOT, scratch } from '../support/cli.js';

const doc = readFileSync(join(REPO_ROOT, 'docs/cluster.md'), 'utf8');
const blocks = [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));

function block(lang: string, marker: string): string {
  const found = blocks.filter((b) => b.lang === lang && b.text.includes(marker));
  expect(found, `one ${lang} block with ${marker}`).toHaveLength(1);
  return found[0].text;
}

/** A working directory holding my-centre.yaml (the sweep fixture) and a `staffsim` on the PATH. */
function workDir(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = scratch();
  copyFileSync(join(REPO_ROOT, 'test/fixtures/sweep.yaml'), join(dir, 'my-centre.yaml'));
  mkdirSync(join(dir, 'bin'));
  const shim = join(dir, 'bin', 'staffsim');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(shim, 0o755);
  return { dir, env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' } };
}

function sh(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The one uninterrupted sweep both recipes must equal: the same file and
// flags, so it is run once (as a process, like the parts) and shared.
let reference: Promise<string> | undefined;
function single(): Promise<string> {
  return (reference ??= (async () => {
    const { dir, env } = workDir();
    const whole = await sh('staffsim', ['sweep', 'my-centre.yaml'], dir, env);
    expect(whole.stderr).toBe('');
    expect(whole.code).toBe(0);
    return whole.stdout;
  })());
}

describe('docs/cluster.md', () => {
  it('Slurm: the job-array script per index, then the dependent merge, equal one sweep', async () => {
    const { dir, env } = workDir();
    const script = block('bash', '#SBATCH');
    writeFileSync(join(dir, 'sweep.sbatch'), script);
    const array = /#SBATCH --array=(\d+)-(\d+)/.exec(script);
    expect(array).not.toBeNull();
    const indices = Array.from({ length: Number(array![2]) - Number(array![1]) + 1 }, (_, i) => Number(array![1]) + i);
    expect(indices).toEqual([0, 1, 2, 3]);

    const tasks = await Promise.all(
      indices.map((k) => sh('bash', ['sweep.sbatch'], dir, { ...env, SLURM_ARRAY_TASK_ID: String(k), SLURM_CPUS_PER_TASK: '1' })),
    );
    for (const t of tasks) expect(t.stderr).toBe('');
    expect(tasks.map((t) => t.code)).toEqual([0, 0, 0, 0]);

    const wrap = /--wrap '([^']+)'/.exec(block('bash', 'sbatch --parsable'));
    expect(wrap).not.toBeNull();
    const merge = await sh('sh', ['-c', wrap![1]], dir, env);
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8')).toBe(await single());
  });

  it('Kubernetes: the Indexed Job command per completion index, then the merge, equal one sweep', async () => {
    const { dir, env } = workDir();
    const job = YAML.parse(block('yaml', 'kind: Job'));
    expect(job.spec.completionMode).toBe('Indexed');
    const container = job.spec.template.spec.containers[0];
    expect(container.workingDir).toBe('/work'); // this test's directory stands in for the volume
    const [program, ...programArgs] = [...container.command, ...container.args] as string[];

    const pods = await Promise.all(
      Array.from({ length: job.spec.completions }, (_, k) => sh(program, programArgs, dir, { ...env, JOB_COMPLETION_INDEX: String(k) })),
    );
    for (const p of pods) expect(p.stderr).toBe('');
    expect(pods.map((p) => p.code)).toEqual([0, 0, 0, 0]);
    // Each pod wrote its own part, a shard of 4.
    expect(readFileSync(join(dir, 'parts/part-2.csv'), 'utf8').split('\n')[0]).toContain('"shard":"2/4"');

    const mergeLine = block('bash', 'kubectl wait')
      .split('\n')
      .find((l) => l.startsWith('staffsim merge'));
    expect(mergeLine).toBeDefined();
    const merge = await sh('sh', ['-c', mergeLine!], dir, env);
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8')).toBe(await single());
  });
});
