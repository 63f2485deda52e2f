// A rule's changes, applied from the month after its condition held: an
// absolute value replaces the key's value; `+10%` / `-5%` scale it, `+20` /
// `-20` add to it. Relative changes act on the value the month would
// otherwise have (its by_month staffing, its auto staffing), after the
// changes of earlier firings, so two firings of +10% give +21%. A number
// list (an hourly schedule) changes level by level.

export type Change = { kind: 'set'; value: unknown } | { kind: 'scale'; factor: number } | { kind: 'add'; amount: number };

export function parseChange(value: unknown): Change {
  if (typeof value !== 'string') return { kind: 'set', value };
  const text = value.replace(/\s+/g, '');
  if (text.endsWith('%')) return { kind: 'scale', factor: 1 + Number(text.slice(0, -1)) / 100 };
  return { kind: 'add', amount: Number(text) };
}

/** The value after the change; null when a relative change meets a value that is not a number or a list of numbers. */
export function applyChange(current: unknown, change: Change): unknown {
  if (change.kind === 'set') return change.value;
  const one = (x: number) => Math.max(0, change.kind === 'scale' ? x * change.factor : x + change.amount);
  if (typeof current === 'number') return one(current);
  if (Array.isArray(current) && current.every((x) => typeof x === 'number')) return current.map(one);
  return null;
}

/** Whole numbers stay whole (a headcount, a pool): rounded after a relative change. */
export function keepWhole(before: unknown, after: unknown): unknown {
  if (typeof before === 'number' && Number.isInteger(before) && typeof after === 'number') return Math.round(after);
  return after;
}
