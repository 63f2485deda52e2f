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

// Gig workers holding k chats with stretch s: each brings k / s_k one-contact
// servers to the wait rule and k slots to the queue rule (docs/model.md,
// "Gig workers holding several chats").
describe('with gig workers holding several chats', () => {
  it('the wait rule wants servers, divided by what a worker is worth: 5 waiting, none on, 16 servers / 2.5 = 6.4 workers (7 asked)', () => {
    expect(gigWorkersWanted(5, 0, 6, 2, Infinity, 2.5, 3)).toBeCloseTo(6.4, 12);
  });

  it('the queue rule wants contacts over the trigger, divided by the slots a worker fills: 10 waiting, trigger 4, 3 slots: 7 / 3', () => {
    expect(gigWorkersWanted(10, 0, 6, Infinity, 4, 2.5, 3)).toBeCloseTo(7 / 3, 12);
  });

  it('logged-in chat workers count as their servers: 2.5 servers for one worker at 3 chats, so 1 waiting at 6 minutes (2.4 minutes) calls 0.6 of a worker (1 asked)', () => {
    // floor(6 / 2) + 1 = 4 servers bring 6 / 4 = 1.5 under 2; 4 − 2.5 = 1.5 more servers = 0.6 of a worker.
    expect(gigWorkersWanted(1, 2.5, 6, 2, Infinity, 2.5, 3)).toBeCloseTo(0.6, 12);
  });
});
