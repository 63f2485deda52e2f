// Progress inside one replication and stopping it: the pulse every
// PULSE_EVERY events (engine/pulse.ts) and the shared buffer behind it
// (experiment/run-control.ts). Needs `npm run build` (a worker thread).

import { describe, expect, it } from 'vitest';
import { PULSE_EVERY, SimulationStopped } from '../../src/engine/pulse.js';
import { RunControl } from '../../src/experiment/run-control.js';
import { runScenarioAsync } from '../../src/experiment/run.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { resolveScenario } from '../../src/scenario/load.js';
import { queueScenario } from '../model/build.js';

describe('the pulse of a replication', () => {
  const s = queueScenario({ perMinute: 10, aht: 5, agents: 55, patience: 3, horizonMinutes: 30_000 });

  it('comes every PULSE_EVERY events with the simulated time, rising, inside the horizon', () => {
    const times: number[] = [];
    const result = simulateReplication(s, 0, (t) => {
      times.push(t);
      return false;
    });
    // Each contact is an arrival plus an end of service or an abandonment (and a
    // cancelled timer that never pops): about 2 steps per contact, 600,000 steps.
    const steps = 2 * result.kpis.contacts;
    expect(times.length).toBeGreaterThanOrEqual(Math.floor((0.95 * steps) / PULSE_EVERY));
    expect(times.length).toBeLessThanOrEqual(Math.ceil((1.05 * steps) / PULSE_EVERY));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
    expect(times.at(-1)!).toBeLessThan(30_000);
    // Watching changes nothing.
    expect(result.kpis).toEqual(simulateReplication(s, 0).kpis);
  });

  it('stops the replication when it says so', () => {
    let calls = 0;
    expect(() => simulateReplication(s, 0, () => ++calls === 3)).toThrow(SimulationStopped);
    expect(calls).toBe(3);
  });
});

describe('RunControl', () => {
  it('adds up the replications done and the simulated share of those running, and stops every pulse', () => {
    const control = RunControl.forTasks(3);
    const first = control.pulse(0, 1000);
    const second = control.pulse(1, 2000);
    expect(first(250)).toBe(false);
    expect(second(500)).toBe(false);
    expect(control.done()).toBe(0.5);
    control.finished(0);
    expect(control.done()).toBe(1.25);
    control.stop();
    expect(second(600)).toBe(true);
    // Another thread sees the same buffer.
    expect(new RunControl(control.buffer).stopped).toBe(true);
  });
});

describe('one long replication with one job', () => {
  // 10 million contacts a day for a year: hours of simulation, unless stopped.
  const scenario = resolveScenario({
    name: 'long',
    seed: 1,
    horizon: '365d',
    replications: 1,
    demand: { contacts_per_day: 10_000_000 },
    ticket_types: [{ name: 'any', handle_time: '5m' }],
    customers: { patience: { dist: 'exponential', mean: '3m' } },
    staff: { employees: { headcount: 40_000, hourly_cost: 30 } },
    strategies: { human: { routing: 'human' } },
  });

  it('reports progress inside the replication and stops once aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runScenarioAsync(scenario, 'x', {
      jobs: 1,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        // Stop at the first sign of progress inside the one replication.
        if (done > 0) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
    const inside = seen.filter((d) => d > 0);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside[0]).toBeLessThan(1);
  }, 60_000);
});
