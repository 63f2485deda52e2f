import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioReference } from '../../src/scenario/docs.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

const docPath = join(import.meta.dirname, '..', '..', 'docs', 'scenario.md');

describe('docs/scenario.md', () => {
  it('is exactly what scenarioReference() generates from the schema (UPDATE_DOCS=1 rewrites it)', () => {
    const generated = scenarioReference();
    if (process.env.UPDATE_DOCS) writeFileSync(docPath, generated);
    expect(readFileSync(docPath, 'utf8')).toBe(generated);
  });

  it('documents every section and key of the file format', () => {
    const doc = scenarioReference();
    const props = scenarioJsonSchema().properties as Record<string, { properties?: Record<string, unknown> }>;
    for (const [section, value] of Object.entries(props)) {
      expect(doc).toContain(`\`${section}\``);
      for (const key of Object.keys(value.properties ?? {})) expect(doc, `${section}.${key}`).toContain(`| \`${key}\` |`);
    }
    for (const dist of ['exponential', 'lognormal', 'gamma', 'deterministic', 'uniform', 'empirical']) {
      expect(doc).toContain(`| \`${dist}\` |`);
    }
  });
});
