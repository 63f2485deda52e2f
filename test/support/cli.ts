// Running the command line as a user does: the built bin/staffsim.js over
// dist/ in a child process, without colour (for what only a process shows:
// signals, exit codes, closed pipes), or in this process through main() with
// injected streams (everything else: no Node start-up per case).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CliStreams } from '../../src/cli/streams.js';

export const BIN = new URL('../../bin/staffsim.js', import.meta.url).pathname;
export const REPO_ROOT = new URL('../..', import.meta.url).pathname;

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' };

export interface CliResult {
  /** Exit code; null when the process was killed by a signal. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `staffsim ...args` from the repository root and waits for it. */
export function staffsim(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV, cwd: REPO_ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts `staffsim ...args` (with `nodeArgs` for Node itself); `done` settles when it exits;
 * `stderrHas(text)` when its stderr holds `text` (rejected if it exits first).
 */
export function startStaffsim(
  args: string[],
  nodeArgs: string[] = [],
): { pid: number; kill(signal: NodeJS.Signals): void; done: Promise<CliResult>; stderrHas(text: string): Promise<void> } {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { env: ENV, cwd: REPO_ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const stderrHas = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const look = () => {
        if (!stderr.includes(text)) return;
        child.stderr.off('data', look);
        resolve();
      };
      child.stderr.on('data', look);
      look();
      done.then((r) => reject(new Error(`staffsim exited (code ${r.code}) before its stderr said ${JSON.stringify(text)}: ${r.stderr}`)), reject);
    });
  return { pid: child.pid!, kill: (signal) => child.kill(signal), done, stderrHas };
}

/** Runs many command lines, a few at a time (each is a Node start-up, mostly CPU). */
export async function staffsimMany(argsList: readonly string[][], concurrency = 4): Promise<CliResult[]> {
  const results: CliResult[] = new Array(argsList.length);
  let next = 0;
  const worker = async () => {
    while (next < argsList.length) {
      const i = next++;
      results[i] = await startStaffsim(argsList[i]).done;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, argsList.length) }, worker));
  return results;
}

/** A fresh temporary directory. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'staffsim-cli-'));
}

/** A stream that keeps what is written to it, and is no terminal (no colour, no progress bar). */
function collector(): { stream: NodeJS.WriteStream; text(): string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream: Object.assign(sink, { isTTY: false }) as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

/**
 * Runs `staffsim ...args` in this process, through the CLI's main() with its
 * own streams: what a process would print and its exit code, without the
 * cost of starting Node. Imports src/: no build needed for what it tests.
 */
export async function staffsimInProcess(...args: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  return inProcess(main, args);
}

/**
 * As staffsimInProcess, through the command line of the scenario commands
 * alone (src/cli/scenario-main.ts), which the entry point loads for
 * validate, schema and init.
 */
export async function staffsimScenarioInProcess(...args: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli/scenario-main.js');
  return inProcess(main, args);
}

async function inProcess(main: (argv: string[], io: CliStreams) => Promise<number>, args: string[]): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const code = await main([process.execPath, BIN, ...args], { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
