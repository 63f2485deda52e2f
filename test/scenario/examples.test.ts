import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, loadScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import { starterScenario } from '../../src/scenario/starter.js';

const STARTER_SCENARIO = starterScenario('scenario.yaml');
import type { Scenario } from '../../src/scenario/types.js';

const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');

const routings = (s: Scenario) => Object.fromEntries(s.strategies.map((x) => [x.name, x.routing]));
const sensitiveShare = (s: Scenario) => s.ticket_types.filter((t) => t.sensitive).reduce((a, t) => a + t.share, 0);

describe('the shipped scenarios validate', () => {
  it('ecommerce-shop: a small, order-status heavy shop with all three strategies', () => {
    const { scenario } = loadScenarioFile(join(scenarios, 'ecommerce-shop.yaml'));
    expect(routings(scenario)).toEqual({ 'all-human': 'human', 'all-ai': 'ai', hybrid: 'ai-first' });
    expect(scenario.demand.contacts_per_day).toBeGreaterThanOrEqual(600);
    expect(scenario.demand.contacts_per_day).toBeLessThanOrEqual(1000);
    const biggest = [...scenario.ticket_types].sort((a, b) => b.share - a.share)[0];
    expect(biggest.name).toBe('order_status');
    expect(biggest.ai_resolution).toBeGreaterThanOrEqual(0.8);
    expect(Math.max(...scenario.staff.groups[0].schedule)).toBeLessThanOrEqual(12);
  });

  it('bank-sensitive: many sensitive types, sent to humans in the hybrid, valuable customers', () => {
    const { scenario } = loadScenarioFile(join(scenarios, 'bank-sensitive.yaml'));
    expect(routings(scenario)).toEqual({ 'all-human': 'human', 'all-ai': 'ai', hybrid: 'ai-first' });
    expect(sensitiveShare(scenario)).toBeGreaterThanOrEqual(0.3);
    const hybrid = scenario.strategies.find((s) => s.name === 'hybrid')!;
    expect(hybrid.sensitive_to_human).toBe(true);
    const shop = loadScenarioFile(join(scenarios, 'ecommerce-shop.yaml')).scenario;
    expect(scenario.customers.lifetime_value).toBeGreaterThan(shop.customers.lifetime_value);
    expect(scenario.customers.churn.ai_failed_sensitive).toBeGreaterThan(shop.customers.churn.ai_failed_sensitive);
  });

  it('the all-ai strategies have no employees and the others do', () => {
    for (const name of ['ecommerce-shop.yaml', 'bank-sensitive.yaml']) {
      const { scenario } = loadScenarioFile(join(scenarios, name));
      for (const strategy of scenario.strategies) {
        const staffed = strategy.staff.groups[0].schedule.some((n) => n > 0);
        expect(staffed, `${name} ${strategy.name}`).toBe(strategy.routing !== 'ai');
      }
    }
  });

  it('the default scenario validates (when present)', () => {
    if (!existsSync(DEFAULT_SCENARIO)) return;
    const { scenario } = loadScenarioFile(DEFAULT_SCENARIO);
    expect(scenario.strategies.length).toBeGreaterThanOrEqual(1);
  });

  it('the starter file validates and uses all three routings', () => {
    const { scenario } = parseScenarioText(STARTER_SCENARIO, 'scenario.yaml');
    expect(new Set(scenario.strategies.map((s) => s.routing))).toEqual(new Set(['human', 'ai', 'ai-first']));
    expect(scenario.ticket_types.length).toBeGreaterThanOrEqual(2);
    expect(scenario.customers.patience).not.toBeNull();
  });

  it('the starter file comments every key at its first use', () => {
    const lines = STARTER_SCENARIO.split('\n');
    const explained = new Set<string>();
    const unexplained: string[] = [];
    lines.forEach((line, i) => {
      const key = /^[\s-]*([a-z_]+):/.exec(line)?.[1];
      if (!key) return;
      const commented = line.includes('#') || /^\s*#/.test(lines[i - 1] ?? '') || /:\s*$/.test(line);
      if (commented) explained.add(key);
      else if (!explained.has(key)) unexplained.push(line.trim());
    });
    expect(unexplained).toEqual([]);
  });
});
