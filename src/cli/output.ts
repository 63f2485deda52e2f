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
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(file, error);
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

// Errors of the file system that the user can fix (a path, a permission) are
// usage errors; anything else (a full disk...) stays an error of its own.
const USER_FIXABLE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS']);

function cannotWrite(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || !USER_FIXABLE.has(code)) return error;
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code;
  return new UsageError(`cannot write ${file}: ${reason}`);
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
