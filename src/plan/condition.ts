// A rule's condition, `when: 'csat < 4.0 and service_level < 0.8'`: figures
// of the month just simulated compared with numbers, joined by `and` or
// `or` (`and` binds tighter; no parentheses). Parsed when the scenario is
// validated, so a typo is a bad-input message naming the rule's line.

import { KPI_NAMES } from '../metrics/kpis.js';
import { PLAN_FIGURE_NAMES } from './figures.js';

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Test {
  figure: string;
  op: Comparison;
  value: number;
}

/** Alternatives (`or`) of conjunctions (`and`) of tests. */
export type Condition = Test[][];

/** The names a condition may compare: the plan's figures, then every KPI of `run`. */
export const CONDITION_NAMES: readonly string[] = [...new Set<string>([...PLAN_FIGURE_NAMES, ...KPI_NAMES])];

export class ConditionError extends Error {}

const TEST_RE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\s*$/;

/** Parses a condition; throws ConditionError with what is wrong. */
export function parseCondition(text: string): Condition {
  if (text.trim() === '') throw new ConditionError('the condition is empty');
  return text.split(/\s+or\s+/).map((part) =>
    part.split(/\s+and\s+/).map((test) => {
      const m = TEST_RE.exec(test);
      if (!m) throw new ConditionError(`cannot read \`${test.trim()}\`: write a figure, a comparison and a number, e.g. csat < 4.0`);
      const [, figure, op, value] = m;
      if (!CONDITION_NAMES.includes(figure)) throw new ConditionError(`unknown figure \`${figure}\``);
      return { figure, op: op as Comparison, value: Number(value) };
    }),
  );
}

/** Whether the condition holds for a month's figures (every name is present: parseCondition checked it). */
export function holds(condition: Condition, figures: Readonly<Record<string, number>>): boolean {
  return condition.some((all) => all.every((t) => compare(figures[t.figure], t.op, t.value)));
}

function compare(x: number, op: Comparison, y: number): boolean {
  switch (op) {
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    case '==': return x === y;
    case '!=': return x !== y;
  }
}
