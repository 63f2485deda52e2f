// The baseline of a run (--baseline) and its copy staffed to just meet the
// target (`<baseline>@target`): what the verdict compares against.

import { describe, expect, it } from 'vitest';
import { resolveAutoStaffing } from '../../src/experiment/auto-staffing.js';
import { BaselineError, runScenario } from '../../src/experiment/run.js';
import { defaultInputs, parseSensitivityInput, planSensitivity, runSensitivity, SensitivityError } from '../../src/experiment/sensitivity.js';
import { verdict, recommended } from '../../src/report/verdict.js';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/load.js';

const MINIMAL = 'test/fixtures/minimal.yaml';

// minimal.yaml plus an AI-only strategy whose unresolved contacts cost churn.
const TWO = `
name: two
horizon: 1d
warmup: 2h
replications: 3
demand: { contacts_per_day: 1440 }
ticket_types:
  - { name: general, handle_time: { dist: exponential, mean: 5m }, ai_resolution: 0.5 }
customers:
  lifetime_value: 100
  churn: { base: 0, unresolved: 0.1 }
staff: { employees: { headcount: 8, hourly_cost: 38 } }
ai: { cost_per_conversation: 0.5 }
strategies:
  all-human: { routing: human }
  all-ai: { routing: ai, staff: { employees: { headcount: 0 } } }
`;

describe('the baseline at target staffing', () => {
  it('runs beside the baseline, staffed exactly as `headcount: auto` in the file would staff it', () => {
    const { scenario, sha256 } = loadScenarioFile(MINIMAL, { set: ['replications=2'] });
    const report = runScenario(scenario, sha256, { atTarget: true });
    expect(report.baseline).toBe('all-human');
    expect(report.strategies.map((s) => s.name)).toEqual(['all-human', 'all-human@target']);
    const fair = report.strategies[1];
    expect(fair.at_target_of).toBe('all-human');
    const byFile = loadScenarioFile(MINIMAL, { set: ['staff.employees.headcount=auto'] }).scenario.strategies[0];
    expect(fair.staffing?.schedule).toEqual(resolveAutoStaffing(byFile).staffing?.schedule);
  });

  it('runs on the same random streams: staffed as the target needs, the baseline and its copy give the same figures', () => {
    const probe = loadScenarioFile(MINIMAL, { set: ['staff.employees.headcount=auto'] }).scenario.strategies[0];
    const level = resolveAutoStaffing(probe).strategy.staff.groups[0].schedule[0];
    const { scenario, sha256 } = loadScenarioFile(MINIMAL, { set: ['replications=2', `staff.employees.headcount=${level}`] });
    const [asStaffed, fair] = runScenario(scenario, sha256, { atTarget: true }).strategies;
    expect(fair.per_replication).toEqual(asStaffed.per_replication);
  });

  it('is left out when asked (--as-staffed) and for a baseline with no human queue', () => {
    const loaded = parseScenarioText(TWO, null);
    expect(runScenario(loaded.scenario, loaded.sha256).strategies.map((s) => s.name)).toEqual(['all-human', 'all-ai']);
    const aiFirst = runScenario(loaded.scenario, loaded.sha256, { atTarget: true, baseline: 'all-ai' });
    expect(aiFirst.strategies.map((s) => s.name)).toEqual(['all-human', 'all-ai']);
    expect(aiFirst.baseline).toBe('all-ai');
  });

  it('refuses a baseline that names no strategy run', () => {
    const loaded = parseScenarioText(TWO, null);
    expect(() => runScenario(loaded.scenario, loaded.sha256, { baseline: 'all-humna' })).toThrow(BaselineError);
    expect(() => runScenario(loaded.scenario, loaded.sha256, { baseline: 'all-humna' })).toThrow(/unknown strategy `all-humna` \(did you mean `all-human`\?/);
    expect(() => runScenario(loaded.scenario, loaded.sha256, { baseline: 'all-ai', strategies: ['all-human'] })).toThrow(
      '--baseline all-ai: `all-ai` is not among the strategies run (add --strategy all-ai)',
    );
  });

  it('names the baseline in the verdict and counts its payroll', () => {
    const loaded = parseScenarioText(TWO, null);
    const report = runScenario(loaded.scenario, loaded.sha256, { baseline: 'all-ai' });
    // 8 agents on shift around the clock take 8 × 4.2 = 33.6, so 34 people.
    expect(report.strategies[0].payroll_headcount).toBe(34);
    expect(verdict(report)).toContain('It is the baseline, all-ai: nothing to move to.');
    expect(verdict(runScenario(loaded.scenario, loaded.sha256))).toContain('Against the baseline all-human, as staffed:');
  });
});

describe('--sensitivity', () => {
  it('moves churn after an unresolved episode and lifetime value to half and twice their values by default', () => {
    const loaded = parseScenarioText(TWO, null);
    expect(defaultInputs(loaded)).toEqual([
      { key: 'customers.churn.unresolved', low: 0.05, high: 0.2 },
      { key: 'customers.lifetime_value', low: 50, high: 200 },
    ]);
    // Churn stays a probability; an input at 0 has no range.
    const high = parseScenarioText(TWO, null, { set: ['customers.churn.unresolved=0.7', 'customers.lifetime_value=0'] });
    expect(defaultInputs(high)).toEqual([{ key: 'customers.churn.unresolved', low: 0.35, high: 1 }]);
  });

  it('parses KEY=LOW,HIGH and refuses anything else', () => {
    expect(parseSensitivityInput('customers.lifetime_value=45,180')).toEqual({ key: 'customers.lifetime_value', low: 45, high: 180 });
    expect(() => parseSensitivityInput('customers.lifetime_value=45')).toThrow(SensitivityError);
    expect(() => parseSensitivityInput('customers.lifetime_value=a,b')).toThrow(/KEY=LOW,HIGH/);
  });

  it('says where the verdict changes: dear customers make the AI alone too costly', () => {
    // A day of 1,440 first contacts: all-human pays 8 × 24 × $38 = $7,296; all-ai pays ~$0.5 a contact,
    // but half its episodes end unresolved and 10% of those customers leave: ~72 a day. At $1 each
    // all-ai is far cheaper; at $10,000 each ($720,000) all-human is.
    const loaded = parseScenarioText(TWO, null);
    const pick = (r: Parameters<typeof recommended>[0]) => recommended(r)?.name ?? null;
    const run = runScenario(loaded.scenario, loaded.sha256);
    expect(pick(run)).toBe('all-ai');
    return runSensitivity(planSensitivity(loaded, [{ key: 'customers.lifetime_value', low: 1, high: 10_000 }]), { jobs: 1 }, pick, pick(run)).then((cases) => {
      expect(cases).toEqual([
        { key: 'customers.lifetime_value', value: 1, scenario_value: 100, recommended: 'all-ai', changed: false },
        { key: 'customers.lifetime_value', value: 10_000, scenario_value: 100, recommended: 'all-human', changed: true },
      ]);
    });
  });
});
