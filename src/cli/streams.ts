// Where the command line writes: process.stdout and process.stderr, or the
// streams a caller of main() hands in, so tests run the CLI in-process and
// read what it printed and its exit code without starting a Node process.

export interface CliStreams {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

let current: CliStreams | null = null;

/** The streams of the command running now. */
export function streams(): CliStreams {
  return current ?? { stdout: process.stdout, stderr: process.stderr };
}

/** Runs `body` with its output going to `io`; the process streams again after it. */
export async function withStreams<T>(io: CliStreams | null, body: () => Promise<T>): Promise<T> {
  const before = current;
  current = io;
  try {
    return await body();
  } finally {
    current = before;
  }
}
