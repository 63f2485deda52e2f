// A progress bar on stderr for runs long enough to wonder about: shown only
// on a terminal, and only once a run has taken more than a second. `done`
// may be fractional (a run counts the replications in progress by their
// simulated time): the bar and the time left move with it, the count shows
// whole units finished.

import { SingleBar, Presets } from 'cli-progress';

const SHOW_AFTER_MS = 1000;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** `unit` names what is counted (replications of a run, points of a sweep). */
export function progressBar(label: string, stream: NodeJS.WriteStream, unit = 'replications'): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let first: { done: number; at: number } | null = null;
  let bar: SingleBar | null = null;
  // Measured from the first update on: a resumed sweep starts with points
  // already done, which are no progress of this run.
  const rate = (done: number) => {
    const seconds = first ? (Date.now() - first.at) / 1000 : 0;
    const perSecond = first && seconds > 0 ? (done - first.done) / seconds : 0;
    return perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(2);
  };
  return {
    update(done, total) {
      first ??= { done, at: Date.now() };
      if (!bar) {
        if (Date.now() - started < SHOW_AFTER_MS || done >= total) return;
        bar = new SingleBar(
          { stream, format: `${label} [{bar}] {finished}/{total} ${unit} | {rate}/s | {eta_formatted} left`, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(total, done, { rate: rate(done), finished: Math.floor(done) });
      }
      bar.update(done, { rate: rate(done), finished: Math.floor(done) });
    },
    stop() {
      bar?.stop();
    },
  };
}
