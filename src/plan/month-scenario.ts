// A plan month's strategy scenario, built through the file's own override
// machinery: the month's values (the stretch's horizon, the customer base's
// demand, the AI's resolution, the strategy's staffing) are `--set`
// overrides of the scenario document, validated and resolved like any
// `--set`, so every key a strategy patch can name (a group's headcount too)
// can be planned. Only the strategy the month runs is resolved.

import YAML from 'yaml';
import { ScenarioError } from '../scenario/errors.js';
import { groupKey } from '../scenario/schema.js';
import { MAX_ALIAS_COUNT, type LoadedScenario } from '../scenario/load.js';
import { resolveRaw } from '../scenario/resolve.js';
import { applySetOverrides, parseSetOverride, type SetOverride } from '../scenario/set.js';
import type { StrategyScenario } from '../scenario/types.js';
import { isPlainObject } from '../scenario/walk.js';

/** One override: a dotted key path (from the document's root) and its value. */
export type Override = readonly [key: string, value: unknown];

export class MonthScenarios {
  /** The document with the user's --set overrides applied. */
  private readonly raw: Record<string, unknown>;

  constructor(private readonly loaded: LoadedScenario) {
    const raw = YAML.parse(loaded.text, { maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
    applySetOverrides(raw, loaded.overrides.map((text) => parseSetOverride(text, loaded.file)), loaded.file);
    delete raw.sweep;
    delete raw.plan;
    this.raw = raw;
  }

  /**
   * The scenario strategy `strategy` with `overrides` applied, resolved.
   * `where` names the month and plan strategy in messages: an override a
   * month makes can break a limit the file alone does not.
   */
  strategy(strategy: string, overrides: readonly Override[], where: string): StrategyScenario {
    const raw = structuredClone(this.raw);
    const strategies = raw.strategies as Record<string, unknown>;
    raw.strategies = { [strategy]: strategies[strategy] };
    const sets: SetOverride[] = overrides.map(([key, value]) => ({ text: `${key}=${JSON.stringify(value)}`, keys: key.split('.'), value }));
    try {
      const origins = applySetOverrides(raw, sets, this.loaded.file);
      const resolved = resolveRaw(raw, { file: this.loaded.file, sets: origins });
      return resolved.strategies[0];
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      // The override is the plan's, not the command line's: say which month made it.
      throw new ScenarioError(
        error.issues.map(({ source, ...issue }) => ({
          ...issue,
          message: `${where}${source === undefined ? '' : `, which sets ${source}`}: ${issue.message}`,
        })),
      );
    }
  }
}

/**
 * The value at a strategy key path (as for --set below strategies.NAME) in a
 * resolved strategy, and the path that holds it there: a `headcount` is held
 * as its 24-hour `schedule`, a ticket type is found by name. Null when the
 * resolved strategy has no such value.
 */
export function resolvedValue(strategy: StrategyScenario, key: string): { path: string; value: unknown } | null {
  const segments = key.split('.');
  let node: unknown = strategy;
  const path: string[] = [];
  // `staff.employees` is the one-group shorthand: the resolved strategy holds it as its only group.
  if (segments[0] === 'staff' && segments[1] === 'employees' && segments.length > 2) {
    if (groupKey(strategy.staff, 0) !== 'staff.employees') return null;
    node = strategy.staff.groups[0];
    path.push('staff', 'employees');
    segments.splice(0, 2);
  }
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    if (Array.isArray(node)) {
      const index = /^[0-9]+$/.test(segment) ? Number(segment) : node.findIndex((item) => isPlainObject(item) && item.name === segment);
      if (index < 0 || index >= node.length) return null;
      path.push(segment);
      node = node[index];
    } else if (isPlainObject(node)) {
      if (last && segment === 'headcount' && !(segment in node) && Array.isArray(node.schedule)) {
        path.push('schedule');
        node = node.schedule;
      } else {
        if (!(segment in node)) return null;
        path.push(segment);
        node = node[segment];
      }
    } else return null;
  }
  return { path: path.join('.'), value: node };
}
