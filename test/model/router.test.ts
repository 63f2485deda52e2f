// The router's choices (src/model/router.ts) against the rules of
// docs/model.md "Agent groups and skills-based routing", on small set-ups
// worked by hand: which server a contact reaching people gets, which waiting
// contact a server that becomes free takes, what the gig trigger counts, and
// each pool's handle-time and resolution factors.

import { describe, expect, it } from 'vitest';
import { sampler } from '../../src/engine/distributions.js';
import { EventQueue } from '../../src/engine/event-queue.js';
import { RandomStream } from '../../src/engine/random.js';
import { EmployeePool } from '../../src/model/employees.js';
import { GigPool } from '../../src/model/gig-pool.js';
import { NO_SERVER, Router } from '../../src/model/router.js';
import type { StrategyScenario } from '../../src/scenario/types.js';
import { strategyOf } from './build.js';

const X = 0;
const Y = 1;

interface Setup {
  groups: unknown[];
  /** The gig pool's section, or none. */
  gig?: Record<string, unknown>;
  strategy?: Record<string, unknown>;
  types?: unknown[];
  ai?: Record<string, unknown>;
}

/** The router of a two-type strategy (x, y) with every employee group's agents on shift and idle, and every gig worker logged in and idle. */
function routerOf(setup: Setup) {
  const s: StrategyScenario = strategyOf(
    {
      horizon: 600,
      demand: { contacts_per_day: 100 },
      ticket_types: setup.types ?? [
        { name: 'x', share: 0.5, handle_time: '4m' },
        { name: 'y', share: 0.5, handle_time: '4m' },
      ],
      ...(setup.ai ? { ai: setup.ai } : {}),
      staff: { groups: setup.groups, ...(setup.gig ? { gig: setup.gig } : {}) },
    },
    setup.strategy ?? { routing: 'human' },
  );
  const pools = s.staff.groups.map((g) => new EmployeePool(g, 0, s.horizon));
  for (const p of pools) p.setLevel(0, p.levelAt(0));
  let gig: GigPool | null = null;
  if (setup.gig) {
    const events = new EventQueue(16);
    gig = new GigPool(s.staff.gig, events, { loggedIn: 1, idleOver: 2, chatDone: 3 }, new RandomStream(1, 0, 'gig'), sampler(s.staff.gig.login_delay), 0, s.horizon);
    gig.call(0, s.staff.gig.pool);
    while (events.pop()) {
      if (events.kind !== 1) continue;
      gig.loggedIn(events.data, events.time);
      gig.becomeIdle(events.data, events.time);
    }
  }
  const router = new Router(s, pools, gig);
  router.queue.grow(16); // room for episode ids 0 .. 15
  return { s, pools, gig, router, queue: router.queue };
}

/** A gig pool of `pool` workers who always accept and log in at once. */
function gigSection(pool: number, extra: Record<string, unknown> = {}) {
  return { pool, max_active: pool, trigger: { wait: '1m' }, accept_probability: 1, login_delay: '0s', ...extra };
}

/** A server code's employee group (-1 - g), as the router hands it out. */
const agentOf = (group: number) => -1 - group;

describe('a contact reaching people', () => {
  it('goes to the best priority level for its type, then file order, then the gig pool', () => {
    const { router, pools, gig } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: { x: 2 } },
        { name: 'b', headcount: 1, skills: { x: 1 } },
        { name: 'c', headcount: 1, skills: { x: 1, y: 1 } },
      ],
      gig: gigSection(1),
    });
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(1));
    pools[1].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(2));
    pools[2].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(0));
    pools[0].startWork(0, 10);
    // Every employee busy: the gig worker (number 0) is taken off the idle line.
    expect(router.takeServer(X, 0, 0)).toBe(0);
    expect(gig!.idle).toBe(0);
    expect(router.takeServer(X, 0, 0)).toBe(NO_SERVER);
  });

  it('only the groups listing its type may answer it', () => {
    const { router, pools } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: ['x'] },
        { name: 'b', headcount: 1, skills: ['y'] },
      ],
    });
    expect(router.takeServer(Y, 0, 0)).toBe(agentOf(1));
    pools[1].startWork(0, 10);
    expect(router.takeServer(Y, 0, 0)).toBe(NO_SERVER);
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(0));
  });

  it('is eligible for a group with overflow_after only once it has waited that long', () => {
    const { router } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: { x: { priority: 1, overflow_after: '2m' } } },
        { name: 'b', headcount: 1, skills: { x: 2, y: 1 } },
      ],
    });
    expect(router.takeServer(X, 10, 10)).toBe(agentOf(1));
    expect(router.takeServer(X, 10, 11.9)).toBe(agentOf(1));
    expect(router.takeServer(X, 10, 12)).toBe(agentOf(0));
  });

  it("gets its type's distinct overflow delays in ascending order, to re-try the search at each", () => {
    const { router } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: { x: { priority: 1, overflow_after: '2m' } } },
        { name: 'b', headcount: 1, skills: { x: { priority: 1, overflow_after: '1m' }, y: 1 } },
        { name: 'c', headcount: 1, skills: { x: { priority: 2, overflow_after: '2m' } } },
      ],
    });
    const delays = (type: number) => [...router.overflowDelays.subarray(router.overflowStart[type], router.overflowStart[type + 1])];
    expect(delays(X)).toEqual([1, 2]);
    expect(delays(Y)).toEqual([]);
  });

  it('the gig pool comes after every employee group, however low their level', () => {
    const { router, pools } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: { x: 3, y: 1 } },
        { name: 'b', headcount: 1, skills: { x: 2 } },
      ],
      gig: gigSection(1),
    });
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(1));
    pools[1].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(0));
    pools[0].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(0);
  });

  it('with one type and two groups: the better level first, whatever the file order', () => {
    const { router, pools } = routerOf({
      types: [{ name: 'x', handle_time: '4m' }],
      groups: [
        { name: 'a', headcount: 1, skills: { x: 2 } },
        { name: 'b', headcount: 1, skills: { x: 1 } },
      ],
    });
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(1));
    pools[1].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(0));
  });

  it("with one type, one group and an overflow_after: the gig pool answers at once, the group only after the delay", () => {
    const { router, queue } = routerOf({
      types: [{ name: 'x', handle_time: '4m' }],
      groups: [{ name: 'a', headcount: 1, skills: { x: { priority: 1, overflow_after: '2m' } } }],
      gig: gigSection(1),
    });
    expect(router.takeServer(X, 0, 1)).toBe(0); // the gig worker, number 0
    expect(router.takeServer(X, 0, 1)).toBe(NO_SERVER);
    queue.push(router.lineFor(X, false), 3, 0);
    expect(router.nextContact(0, 1)).toBe(-1);
    expect(router.nextContact(0, 2)).toBe(3);
  });

  it('with one type and one group: an idle agent, else the gig pool, else nobody', () => {
    const { router, pools, gig } = routerOf({
      types: [{ name: 'x', handle_time: '4m' }],
      groups: [{ name: 'a', headcount: 1, skills: ['x'] }],
      gig: gigSection(1),
    });
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(0));
    pools[0].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(0);
    expect(gig!.idle).toBe(0);
    expect(router.takeServer(X, 0, 0)).toBe(NO_SERVER);
  });

  it('with one type and one group and no gig pool: nobody once the agents are busy', () => {
    const { router, pools } = routerOf({ types: [{ name: 'x', handle_time: '4m' }], groups: [{ name: 'a', headcount: 2, skills: ['x'] }] });
    pools[0].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(agentOf(0));
    pools[0].startWork(0, 10);
    expect(router.takeServer(X, 0, 0)).toBe(NO_SERVER);
  });

  it('a gig pool serving only some types is not offered the others', () => {
    const { router, pools } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      gig: gigSection(1, { skills: ['x'] }),
    });
    pools[0].startWork(0, 10);
    expect(router.takeServer(Y, 0, 0)).toBe(NO_SERVER);
    expect(router.takeServer(X, 0, 0)).toBe(0);
  });
});

describe('a server that becomes free', () => {
  it('takes the best priority level holding a waiting contact, whoever joined first', () => {
    const { router, queue } = routerOf({ groups: [{ name: 'a', headcount: 1, skills: { x: 1, y: 2 } }] });
    queue.push(router.lineFor(Y, false), 7, 0);
    queue.push(router.lineFor(X, false), 8, 5);
    expect(router.nextContact(0, 6)).toBe(8);
    expect(router.nextContact(0, 6)).toBe(7);
    expect(router.nextContact(0, 6)).toBe(-1);
    expect(queue.waiting).toBe(0);
  });

  it('looks at its skills by level, not by the order the file lists them', () => {
    const { router, queue } = routerOf({ groups: [{ name: 'a', headcount: 1, skills: { y: 2, x: 1 } }] });
    queue.push(router.lineFor(Y, false), 1, 0);
    queue.push(router.lineFor(X, false), 2, 3);
    expect(router.nextContact(0, 4)).toBe(2);
    expect(router.nextContact(0, 4)).toBe(1);
  });

  it('takes episode 0 like any other', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(X, true), 0, 0);
    queue.push(router.lineFor(Y, false), 5, 1);
    queue.push(router.lineFor(Y, false), 6, 2);
    expect(router.nextContact(0, 3)).toBe(0);
    queue.push(router.lineFor(X, false), 0, 0.5); // episode 0's next contact, fresh this time
    expect([router.nextContact(0, 3), router.nextContact(0, 3), router.nextContact(0, 3)]).toEqual([0, 5, 6]);
  });

  it('on one level, takes the contact that joined first across types', () => {
    const { router, queue } = routerOf({ groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }] });
    queue.push(router.lineFor(X, false), 1, 2);
    queue.push(router.lineFor(Y, false), 2, 1);
    queue.push(router.lineFor(X, false), 3, 3);
    expect([router.nextContact(0, 4), router.nextContact(0, 4), router.nextContact(0, 4)]).toEqual([2, 1, 3]);
  });

  it('on equal join times, takes the type listed first in its skills', () => {
    for (const [skills, first] of [
      [['y', 'x'], 2],
      [['x', 'y'], 1],
    ] as const) {
      const { router, queue } = routerOf({ groups: [{ name: 'a', headcount: 1, skills }] });
      queue.push(router.lineFor(X, false), 1, 3);
      queue.push(router.lineFor(Y, false), 2, 3);
      expect(router.nextContact(0, 3), skills.join()).toBe(first);
    }
  });

  it('leaves waiting the types it does not serve', () => {
    const { router, queue } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: ['x'] },
        { name: 'b', headcount: 1, skills: ['y'] },
      ],
    });
    queue.push(router.lineFor(Y, false), 4, 0);
    expect(router.nextContact(0, 1)).toBe(-1);
    expect(queue.waiting).toBe(1);
    expect(router.nextContact(1, 1)).toBe(4);
  });

  it('does not take a contact before its overflow_after, nor anyone behind it in its line', () => {
    const { router, queue } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: { x: { priority: 1, overflow_after: '2m' } } },
        { name: 'b', headcount: 1, skills: ['x', 'y'] },
      ],
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(X, false), 2, 0.5);
    expect(router.nextContact(0, 1.9)).toBe(-1);
    expect(queue.waiting).toBe(2);
    expect(router.nextContact(0, 2)).toBe(1);
    expect(router.nextContact(0, 2)).toBe(-1); // 2 has waited 1.5 min
    expect(router.nextContact(0, 2.5)).toBe(2);
  });

  it('passes over a level whose contacts are not yet eligible to the next level', () => {
    const { router, queue } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: { x: { priority: 1, overflow_after: '5m' }, y: 2 } },
        { name: 'b', headcount: 1, skills: ['x'] },
      ],
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(Y, false), 2, 1);
    expect(router.nextContact(0, 2)).toBe(2);
    expect(router.nextContact(0, 5)).toBe(1);
  });

  it('under handoff_priority, takes hand-offs first (the earliest of them), then fresh contacts', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(X, true), 2, 5);
    queue.push(router.lineFor(Y, true), 3, 3);
    queue.push(router.lineFor(Y, false), 4, 1);
    const order = [1, 2, 3, 4].map(() => router.nextContact(0, 6));
    expect(order).toEqual([3, 2, 1, 4]);
  });

  it('under handoff_priority, of hand-offs at one level the earliest, on equal times the type listed first', () => {
    for (const [times, first] of [
      [[1, 3], 1],
      [[3, 1], 2],
      [[2, 2], 1],
    ] as const) {
      const { router, queue } = routerOf({
        groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
        strategy: { routing: 'ai-first', handoff_priority: true },
      });
      queue.push(router.lineFor(X, true), 1, times[0]);
      queue.push(router.lineFor(Y, true), 2, times[1]);
      expect(router.nextContact(0, 4), `hand-offs joined at ${times.join(', ')}`).toBe(first);
    }
  });

  it('under handoff_priority, a hand-off of the type listed second passes an earlier fresh contact of the first', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(Y, true), 2, 3);
    expect(router.nextContact(0, 4)).toBe(2);
    expect(router.nextContact(0, 4)).toBe(1);
  });

  it('under handoff_priority with one type and one group, the hand-off still goes first', () => {
    const { router, queue } = routerOf({
      types: [{ name: 'x', handle_time: '4m' }],
      groups: [{ name: 'a', headcount: 1, skills: ['x'] }],
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(X, true), 2, 1);
    expect([router.nextContact(0, 2), router.nextContact(0, 2)]).toEqual([2, 1]);
  });

  it('under handoff_priority, a hand-off at a lower level does not pass a fresh contact at a better one', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: { x: 1, y: 2 } }],
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(Y, true), 1, 0);
    queue.push(router.lineFor(X, false), 2, 4);
    expect(router.nextContact(0, 5)).toBe(2);
    expect(router.nextContact(0, 5)).toBe(1);
  });

  it('under handoff_priority, a hand-off not yet eligible leaves the fresh contacts of its type to be taken', () => {
    const { router, queue } = routerOf({
      groups: [
        { name: 'a', headcount: 1, skills: { x: { priority: 1, overflow_after: '3m' } } },
        { name: 'b', headcount: 1, skills: ['x', 'y'] },
      ],
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(X, true), 2, 2);
    expect(router.nextContact(0, 4)).toBe(1);
    expect(router.nextContact(0, 4)).toBe(-1);
    expect(router.nextContact(0, 5)).toBe(2);
  });

  it('without handoff_priority, hand-offs and fresh contacts share one line in join order', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      strategy: { routing: 'ai-first' },
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(X, true), 2, 5);
    queue.push(router.lineFor(Y, true), 3, 3);
    expect([router.nextContact(0, 6), router.nextContact(0, 6), router.nextContact(0, 6)]).toEqual([1, 3, 2]);
  });

  it('a gig worker takes the types the gig pool serves, in join order', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      gig: gigSection(1, { skills: ['y'] }),
    });
    const gigPool = router.groupCount;
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(Y, false), 2, 1);
    queue.push(router.lineFor(Y, false), 3, 2);
    expect([router.nextContact(gigPool, 3), router.nextContact(gigPool, 3), router.nextContact(gigPool, 3)]).toEqual([2, 3, -1]);
    expect(router.nextContact(0, 3)).toBe(1);
  });
});

describe('the gig trigger', () => {
  it('counts the contacts waiting in the lines the gig pool serves, hand-offs included', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      gig: gigSection(1, { skills: ['x'] }),
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(X, true), 2, 0);
    queue.push(router.lineFor(Y, false), 3, 0);
    queue.push(router.lineFor(Y, true), 4, 0);
    queue.push(router.lineFor(Y, true), 5, 0);
    expect(router.gigWaiting()).toBe(2);
  });

  it('counts both lines of the one type it serves, the second type in the file', () => {
    const { router, queue } = routerOf({
      groups: [{ name: 'a', headcount: 1, skills: ['x', 'y'] }],
      gig: gigSection(1, { skills: ['y'] }),
      strategy: { routing: 'ai-first', handoff_priority: true },
    });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(Y, false), 2, 0);
    queue.push(router.lineFor(Y, true), 3, 0);
    queue.push(router.lineFor(Y, true), 4, 0);
    expect(router.gigWaiting()).toBe(3);
  });

  it('counts the whole queue when the gig pool serves every type', () => {
    const { router, queue } = routerOf({ groups: [{ name: 'a', headcount: 1, skills: ['x'] }], gig: gigSection(1) });
    queue.push(router.lineFor(X, false), 1, 0);
    queue.push(router.lineFor(Y, false), 2, 0);
    queue.push(router.lineFor(Y, false), 3, 0);
    expect(router.gigWaiting()).toBe(3);
  });
});

describe("each pool's factors", () => {
  it("handle time: the group's multiplier times the skill's; the gig pool's own; resolution: the skill's, the gig pool's", () => {
    const { router } = routerOf({
      groups: [
        { name: 'a', headcount: 1, handle_time_multiplier: 2, skills: { x: { priority: 1, handle_time_multiplier: 1.5, fcr_multiplier: 0.5 }, y: 1 } },
        { name: 'b', headcount: 1, skills: { y: { priority: 1, fcr_multiplier: 0.8 } } },
      ],
      gig: gigSection(1, { handle_time_multiplier: 1.25, resolution_multiplier: 0.9 }),
    });
    const T = router.typeCount;
    const handle = (pool: number, type: number) => router.handleFactor[pool * T + type];
    const fcr = (pool: number, type: number) => router.fcrFactor[pool * T + type];
    expect([handle(0, X), handle(0, Y), handle(1, Y), handle(2, X), handle(2, Y)]).toEqual([3, 2, 1, 1.25, 1.25]);
    expect([fcr(0, X), fcr(0, Y), fcr(1, Y), fcr(2, X), fcr(2, Y)]).toEqual([0.5, 1, 0.8, 0.9, 0.9]);
  });
});

describe('routing', () => {
  const types = [
    { name: 'x', share: 0.5, handle_time: '4m' },
    { name: 's', share: 0.5, handle_time: '4m', sensitive: true },
  ];
  const groups = [{ name: 'a', headcount: 1, skills: ['x', 's'] }];
  const ai = { ask_for_human: 0.25 };

  it('human: no type starts with the AI', () => {
    const { router } = routerOf({ types, groups, ai, strategy: { routing: 'human' } });
    expect([...router.startsWithAi]).toEqual([0, 0]);
    expect(router.escalates).toBe(false);
    expect(router.askForHuman).toBe(0);
  });

  it('ai: every type starts with the AI and nobody takes over; nobody to ask for', () => {
    const { router } = routerOf({ types, groups, ai, strategy: { routing: 'ai' } });
    expect([...router.startsWithAi]).toEqual([1, 1]);
    expect(router.escalates).toBe(false);
    expect(router.askForHuman).toBe(0);
  });

  it('ai-first: the AI first, people behind it, ask_for_human; sensitive types straight to people under sensitive_to_human', () => {
    const plain = routerOf({ types, groups, ai, strategy: { routing: 'ai-first' } }).router;
    expect([...plain.startsWithAi]).toEqual([1, 1]);
    expect(plain.escalates).toBe(true);
    expect(plain.askForHuman).toBe(0.25);
    const sensitive = routerOf({ types, groups, ai, strategy: { routing: 'ai-first', sensitive_to_human: true } }).router;
    expect([...sensitive.startsWithAi]).toEqual([1, 0]);
  });
});
