// Where a command's output goes: stdout, or a file written atomically (a
// temporary file beside it, then a rename) so a killed run never leaves a
// half-written report behind.

import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './usage-error.js';
import { streams } from './streams.js';

export function writeOutput(text: string, outFile: string | undefined): void {
  if (!outFile) {
    streams().stdout.write(text);
    return;
  }
  writeFileAtomic(outFile, text);
}

export function writeFileAtomic(file: string, text: string): void {
  checkOutputPath(file);
  // A device or a pipe (/dev/stdout, /dev/full, a FIFO) is written in place: a rename would replace it.
  if (!isRegularOrMissing(file)) {
    writingTo(file, () => writeFileSync(file, text));
    return;
  }
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writingTo(file, () => {
      writeFileSync(temporary, text);
      renameSync(temporary, file);
    });
  } finally {
    rmSync(temporary, { force: true });
  }
}

function isRegularOrMissing(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return true;
  }
}

/**
 * Refuses an output path that cannot be written (its directory missing, or a
 * directory given as the file) as a usage error, exit 2. Commands that run
 * for long call it before they start, so a typo does not cost the run.
 */
export function checkOutputPath(file: string): void {
  const dir = dirname(file);
  const kind = (path: string) => {
    try {
      return statSync(path).isDirectory() ? 'directory' : 'file';
    } catch {
      return 'missing';
    }
  };
  const dirKind = kind(dir);
  if (dirKind === 'missing') throw new UsageError(`cannot write ${file}: the directory ${dir} does not exist`);
  if (dirKind === 'file') throw new UsageError(`cannot write ${file}: ${dir} is a file, not a directory`);
  if (kind(file) === 'directory') throw new UsageError(`cannot write ${file}: it is a directory`);
}

// Errors of the file system that the user can fix (a path, a permission, a
// full disk) are bad input, exit 2, for every output of every command; any
// other error stays an error of its own. The one place for this rule.
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for the file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
};

/** `error` as the user should read it: "cannot write FILE: no space left on device" (a UsageError), or itself. */
export function cannotWrite(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  return reason === undefined ? error : new UsageError(`cannot write ${file}: ${reason}`);
}

/** Runs `write` (any writes to `file`), turning the file system's refusals into usage errors. */
export function writingTo<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw cannotWrite(file, error);
  }
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
