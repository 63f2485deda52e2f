// The lines `--sensitivity` adds under the verdict: whether the
// recommendation holds when an uncertain input is moved, case by case.

import type { RunReport, SensitivityCase } from '../experiment/result.js';

function value(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function caseLine(c: SensitivityCase): string {
  const from = c.scenario_value === null ? '' : ` (scenario ${value(c.scenario_value)})`;
  const pick = c.recommended ?? 'no strategy';
  return `${c.key} = ${value(c.value)}${from}: ${pick} recommended${c.changed ? ' — the verdict changes' : ', as in the run'}.`;
}

/** A heading line and one line per case; none without --sensitivity. */
export function sensitivityLines(report: RunReport): string[] {
  const cases = report.sensitivity;
  if (!cases) return [];
  if (cases.length === 0) return ['Sensitivity: no input to vary (each default input is 0 in the scenario).'];
  const changed = cases.filter((c) => c.changed).length;
  const head =
    changed === 0
      ? `Sensitivity: the verdict holds in all ${cases.length} cases below (one input moved at a time, the same random streams).`
      : `Sensitivity: the verdict changes in ${changed} of ${cases.length} cases below (one input moved at a time, the same random streams).`;
  return [head, ...cases.map(caseLine)];
}
