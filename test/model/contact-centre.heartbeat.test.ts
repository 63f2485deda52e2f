// The contact centre's heartbeat (engine/pulse.ts): the event loop calls its
// pulse every PULSE_EVERY steps with the simulated time, to report progress
// and to stop the run.

import { describe, expect, it } from 'vitest';
import { PULSE_EVERY, SimulationStopped } from '../../src/engine/pulse.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { strategyOf } from './build.js';

describe('the heartbeat', () => {
  // 0.7 × PULSE_EVERY arrivals, each with its end of service: one pulse.
  const scenario = () =>
    strategyOf(
      {
        seed: 4,
        horizon: 1440,
        demand: { contacts_per_day: 0.7 * PULSE_EVERY },
        ticket_types: [{ name: 'any', handle_time: '1s' }],
        staff: { employees: { headcount: 10 } },
      },
      { routing: 'human' },
    );

  it('is called once per PULSE_EVERY steps with the simulated time, and changes nothing when it lets the run go on', () => {
    const s = scenario();
    const times: number[] = [];
    const watched = simulateReplication(s, 0, (t) => {
      times.push(t);
      return false;
    });
    const plain = simulateReplication(s, 0);
    expect(watched.kpis).toEqual(plain.kpis);
    // Each contact is one step (its arrival) plus one (its end of service).
    const steps = 2 * plain.kpis.contacts;
    expect(times.length).toBe(Math.floor(steps / PULSE_EVERY));
    expect(times[0]).toBeGreaterThan(0);
    expect(times.at(-1)!).toBeLessThan(s.horizon);
  });

  it('stops the run when it returns true, saying when', () => {
    const s = scenario();
    let seen = -1;
    const stop = () => {
      try {
        simulateReplication(s, 0, (t) => {
          seen = t;
          return true;
        });
      } catch (error) {
        return error;
      }
      return null;
    };
    const error = stop();
    expect(error).toBeInstanceOf(SimulationStopped);
    expect((error as SimulationStopped).time).toBe(seen);
    expect(seen).toBeGreaterThan(0);
  });
});
