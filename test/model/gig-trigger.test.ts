import { describe, expect, it } from 'vitest';
import { gigWorkersWanted } from '../../src/model/gig-trigger.js';

// Hand-worked: handle time 6 minutes, trigger.wait 2 minutes. A contact
// joining a queue of `waiting` expects waiting × 6 / agents minutes.
describe('the gig trigger brings the expected wait strictly under trigger.wait', () => {
  const wanted = (waiting: number, servers: number) => gigWorkersWanted(waiting, servers, 6, 2, Infinity);

  it('3 agents and 1 waiting: 6 / 3 = 2 minutes, at the trigger, so 1 more agent (6 / 4 = 1.5 < 2)', () => {
    expect(wanted(1, 3)).toBe(1);
  });

  it('4 agents and 1 waiting: 1.5 minutes, under the trigger, so nobody', () => {
    expect(wanted(1, 4)).toBe(0);
  });

  it('3 agents and 2 waiting: 12 / 3 = 4 minutes; 12 / 6 = 2 is not under, 12 / 7 is: 4 more', () => {
    expect(wanted(2, 3)).toBe(4);
  });

  it('no agent logged in: as many as bring 5 × 6 / n under 2, n = 16', () => {
    expect(wanted(5, 0)).toBe(16);
  });

  it('a trigger under a minute: 2 waiting, 1-minute handle time, trigger.wait 30 s, 4 agents: 2 / 4 = 0.5 min, at the trigger, so 1 more (2 / 5 = 0.4)', () => {
    expect(gigWorkersWanted(2, 4, 1, 0.5, Infinity)).toBe(1);
    expect(gigWorkersWanted(2, 5, 1, 0.5, Infinity)).toBe(0);
  });

  it('never fires without a wait trigger', () => {
    expect(gigWorkersWanted(5, 0, 6, Infinity, Infinity)).toBe(0);
  });
});

describe('the queue trigger brings the queue strictly under trigger.queue', () => {
  it('a queue of 5 with trigger.queue 3: 3 workers (the queue of 5 − 3 = 2 is under 3)', () => {
    expect(gigWorkersWanted(5, 10, 1, Infinity, 3)).toBe(3);
  });

  it('a queue of exactly trigger.queue is not under it: 1 worker', () => {
    expect(gigWorkersWanted(3, 10, 1, Infinity, 3)).toBe(1);
  });

  it('a queue of 2 with trigger.queue 3: nobody', () => {
    expect(gigWorkersWanted(2, 10, 1, Infinity, 3)).toBe(0);
  });

  it('with both triggers, the larger call', () => {
    // Queue trigger: 5 − 3 + 1 = 3. Wait trigger: 5 × 6 / 10 = 3 ≥ 2, floor(30 / 2) + 1 − 10 = 6.
    expect(gigWorkersWanted(5, 10, 6, 2, 3)).toBe(6);
  });
});
