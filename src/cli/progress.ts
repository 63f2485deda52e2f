// A progress bar on stderr for runs long enough to wonder about: shown only
// on a terminal, and only once a run has taken more than a second.

import { SingleBar, Presets } from 'cli-progress';

const SHOW_AFTER_MS = 1000;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let bar: SingleBar | null = null;
  return {
    update(done, total) {
      if (!bar) {
        if (Date.now() - started < SHOW_AFTER_MS || done >= total) return;
        bar = new SingleBar(
          { stream, format: `${label} [{bar}] {value}/{total} replications | {eta_formatted} left`, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
