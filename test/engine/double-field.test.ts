import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DOUBLE_ONE, DOUBLE_ZERO } from '../../src/engine/double-field.js';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('double-field', () => {
  it('holds plain 0 and 1: +0, not -0, so a sum that starts there prints as the literal would', () => {
    expect(DOUBLE_ZERO).toBe(0);
    expect(Object.is(DOUBLE_ZERO, 0)).toBe(true);
    expect(1 / DOUBLE_ZERO).toBe(Infinity);
    expect(DOUBLE_ONE).toBe(1);
    expect(String(DOUBLE_ZERO + 0)).toBe('0');
  });

  it('is a heap number in V8, not a small integer: a field given it first is laid out for doubles', () => {
    // V8's own test of the representation, in a process of its own (the flag
    // cannot be turned on in a running one); the built module is what worker
    // threads and the command line load (test/support/fresh-dist.ts keeps it fresh).
    const script = `
      const { DOUBLE_ZERO, DOUBLE_ONE } = await import('${ROOT}dist/engine/double-field.js');
      class Laid { x = DOUBLE_ZERO; }
      class Small { x = 0; }
      const a = new Laid(), b = new Laid(), c = new Small(), d = new Small();
      a.x = 1.5; c.x = 1.5;
      console.log(JSON.stringify([%IsSmi(DOUBLE_ZERO), %IsSmi(DOUBLE_ONE), %IsSmi(0), %HaveSameMap(a, b), %HaveSameMap(c, d)]));`;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    // The last two: storing a fraction keeps a DOUBLE_ZERO field's hidden class, and changes a literal-0 one's (the check can fail).
    expect(JSON.parse(out)).toEqual([false, false, true, true, false]);
  });
});
