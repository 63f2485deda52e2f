import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every property of every object schema, with its dotted path. */
function properties(node: unknown, path = ''): Array<[string, Json]> {
  if (!isObject(node)) return [];
  const out: Array<[string, Json]> = [];
  if (isObject(node.properties)) {
    for (const [key, value] of Object.entries(node.properties)) {
      const here = path ? `${path}.${key}` : key;
      if (isObject(value)) out.push([here, value], ...properties(value, here));
    }
  }
  for (const key of ['items', 'additionalProperties']) {
    if (isObject(node[key])) out.push(...properties(node[key], `${path}[]`));
  }
  for (const key of ['anyOf', 'oneOf']) {
    if (Array.isArray(node[key])) for (const option of node[key] as unknown[]) out.push(...properties(option, path));
  }
  return out;
}

describe('the JSON Schema of scenario files', () => {
  const schema = scenarioJsonSchema() as Json;

  it('is draft 2020-12 JSON that survives a round trip', () => {
    const text = JSON.stringify(schema);
    expect(JSON.parse(text)).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes every top-level key and requires the essential ones', () => {
    const props = schema.properties as Record<string, Json>;
    expect(Object.keys(props)).toEqual([
      'name',
      'description',
      'seed',
      'horizon',
      'warmup',
      'replications',
      'service_level',
      'demand',
      'ticket_types',
      'customers',
      'staff',
      'ai',
      'transition',
      'strategies',
      'sweep',
      'optimize',
      'plan',
    ]);
    for (const [key, value] of Object.entries(props)) {
      expect(typeof value.description, key).toBe('string');
      expect((value.description as string).length, key).toBeGreaterThan(15);
    }
    expect(schema.required).toEqual(['name', 'horizon', 'demand', 'ticket_types', 'strategies']);
  });

  it('has a description on every key at every depth', () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(([, value]) => typeof value.description !== 'string').map(([path]) => path)).toEqual([]);
  });

  it('shows defaults in file units and strict objects everywhere', () => {
    const props = schema.properties as Record<string, Json>;
    const serviceLevel = (props.service_level.properties as Record<string, Json>).answer_within;
    expect(serviceLevel.default).toBe('60s');
    const objects = properties(schema).filter(([, v]) => v.type === 'object' && isObject(v.properties));
    for (const [path, value] of objects) expect(value.additionalProperties, path).toBe(false);
  });
});
