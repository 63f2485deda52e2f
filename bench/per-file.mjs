// The frame of the per-file diagnostics (hidden-classes.mjs, allocation.mjs):
// the command line `[--json] [FILE ...]`, and each file run in a fresh Node
// process of its own, so that what V8 compiled for one file does not carry
// into the next.

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The bench's scenarios, relative to the checkout. */
const DEFAULT_FILES = ['bench/erlang-a.yaml', 'bench/chat-3.yaml', 'scenarios/klarna-2024.yaml'];

/** Whether --json was given, and the files named (absolute), by default the bench's scenarios. */
export function perFileArgs(argv, root) {
  const named = argv.filter((a) => a !== '--json');
  return {
    json: argv.includes('--json'),
    files: named.length > 0 ? named.map((f) => resolve(f)) : DEFAULT_FILES.map((f) => join(root, f)),
  };
}

/**
 * Runs `node NODE_FLAGS SCRIPT --child FILE` for each file and returns
 * parse(stdout) keyed by the file (relative to the checkout when inside it).
 * A child that fails ends this process with its error output and exit 1.
 */
export function eachFileInChild(script, nodeFlags, files, root, parse) {
  const results = {};
  for (const file of files) {
    const child = spawnSync(process.execPath, [...nodeFlags, script, '--child', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (child.status !== 0) {
      process.stderr.write(`${script}: ${file} failed:\n${child.stderr}`);
      process.exit(1);
    }
    results[file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file] = parse(child.stdout);
  }
  return results;
}
