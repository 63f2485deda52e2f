// The schema's sections built on first use (onFirstUse in schema.ts): a file
// that does not use them does not build them, and the `optin` each has pinned
// (so that a missing section does not build it) is the one zod gives its
// schema once built. Nothing here times anything: what is held is which
// schemas exist, which is what start-up pays for. The files of this project
// share their modules (vitest.config.ts), and another file may have built
// the sections already, so the schema modules are loaded afresh here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type * as Load from '../../src/scenario/load.js';
import { defOf } from '../../src/scenario/walk.js';

interface LazyInternals {
  def: { _cachedInner?: z.ZodType };
  optin?: string;
  innerType: z.ZodType;
}

const internals = (schema: z.ZodType) => (schema as unknown as { _zod: LazyInternals })._zod;

/** Every lazy schema reachable from `schema` without building one, by dotted path. */
function lazies(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): Array<[string, z.ZodType]> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  if (def.type === 'lazy') return [[path, schema]];
  const children: Array<[string, z.ZodType | undefined]> = [
    [path, def.innerType],
    [path, def.in],
    [path, def.out],
    [`${path}[]`, def.element],
    [`${path}.*`, def.valueType],
    ...(def.options ?? []).map((o): [string, z.ZodType] => [path, o]),
    ...Object.entries(def.shape ?? {}).map(([k, v]): [string, z.ZodType] => [path ? `${path}.${k}` : k, v]),
  ];
  return children.flatMap(([p, child]) => (child ? lazies(child, p, seen) : []));
}

const minimal = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'minimal.yaml'), 'utf8');
const sweep = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sweep.yaml'), 'utf8');

describe('the sections built on first use', () => {
  let parseScenarioText: typeof Load.parseScenarioText;
  let found: Array<[string, z.ZodType]>;

  beforeAll(async () => {
    vi.resetModules();
    ({ parseScenarioText } = await import('../../src/scenario/load.js'));
    const { ScenarioFileSchema } = await import('../../src/scenario/schema.js');
    found = lazies(ScenarioFileSchema);
  });

  it('are the strategy patches, sweep, optimize and plan', () => {
    expect(found.map(([path]) => path).sort()).toEqual(
      [
        'optimize',
        'plan',
        'strategies.*.ai',
        'strategies.*.customers',
        'strategies.*.demand',
        'strategies.*.service_level',
        'strategies.*.staff',
        'strategies.*.ticket_types',
        'strategies.*.transition',
        'sweep',
      ].sort(),
    );
  });

  it('are not built by a file that uses none of them', () => {
    const loaded = parseScenarioText(minimal, 'minimal.yaml');
    expect(loaded.scenario.strategies.map((s) => s.name)).toEqual(['all-human']);
    expect(found.filter(([, lazy]) => internals(lazy).def._cachedInner !== undefined).map(([path]) => path)).toEqual([]);
  });

  it('are built by a file that uses one, and only that one', () => {
    const loaded = parseScenarioText(sweep, 'sweep.yaml');
    expect(loaded.sweep).not.toBeNull();
    const built = found.filter(([, lazy]) => internals(lazy).def._cachedInner !== undefined).map(([path]) => path);
    expect(built).toContain('sweep');
    expect(built).not.toContain('plan');
  });

  it('pin the optin zod gives each built schema: none of them has a default at its top', () => {
    for (const [path, lazy] of found) {
      const own = internals(lazy);
      expect(own.optin, path).toBeUndefined();
      expect(internals(own.innerType).optin, path).toBeUndefined();
    }
  });
});
