// "Did you mean" suggestions by edit distance.

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => {
    const row = new Array<number>(m + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible
 * typo (case, `-`/`_` and spaces ignored; distance at most a third of the
 * length, and at most 3), else undefined.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const w = norm(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = norm(candidate);
    let distance = editDistance(w, c);
    // A key written as part of a longer one (or the reverse) is a likely slip too.
    if (distance > 0 && w.length >= 3 && (c.startsWith(w) || w.startsWith(c))) distance = Math.min(distance, 1.5);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(Math.max(w.length, 3) / 3)));
  return bestDistance <= limit ? best : undefined;
}

/** Backticked, comma-separated list. */
export function listNames(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** `did you mean \`x\`? valid keys: a, b, c` (or only the list when nothing is close). */
export function didYouMean(word: string, candidates: readonly string[], noun = 'valid keys here'): string {
  const best = closest(word, candidates);
  const list = candidates.length > 0 ? `${noun}: ${listNames(candidates)}` : 'no keys are allowed here';
  return best !== undefined ? `did you mean \`${best}\`? ${list}` : list;
}
