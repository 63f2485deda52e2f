import { describe, expect, it } from 'vitest';
import { warningText } from '../../src/report/warnings.js';

// The sentences are the ones staffsim printed before warnings became records
// (the table, Markdown and stderr must not change).
describe('a warning record reads as its sentence', () => {
  it('one replication', () => {
    expect(warningText({ code: 'one_replication', replications: 1 })).toBe(
      'One replication: no confidence intervals. Use --replications 5 or more to compare strategies.',
    );
  });

  it('an overloaded human queue with nobody abandoning', () => {
    const text = warningText({ code: 'human_queue_overloaded', strategy: 'all-human', offered_load: 15, agents: 10, gig_capacity: 0, share: 1.5, abandonment: false });
    expect(text).toBe(
      'all-human: the human queue is overloaded: offered load 15.0 Erlangs against 10.0 agents on shift on average (150% of capacity); ' +
        'nobody abandons, so the queue grows for the whole run and its waits depend on the horizon, not on the staffing alone.',
    );
  });

  it('an overloaded human queue with no agents at all has no share, and a gig pool is named', () => {
    expect(warningText({ code: 'human_queue_overloaded', strategy: 'h', offered_load: 3, agents: 0, gig_capacity: 0, share: null, abandonment: true })).toBe(
      'h: the human queue is overloaded: offered load 3.0 Erlangs against 0.0 agents on shift on average; only abandonment holds the queue in check.',
    );
    expect(warningText({ code: 'human_queue_overloaded', strategy: 'h', offered_load: 12, agents: 5, gig_capacity: 5, share: 1.2, abandonment: true })).toContain(
      'against 5.0 agents on shift on average and at most 5.0 gig workers called in (120% of capacity)',
    );
  });

  it('the queue cap', () => {
    expect(warningText({ code: 'queue_cap_reached', strategy: 'all-human', cap: 4194304, turned_away_per_replication: 1234.4 })).toBe(
      'all-human: the human queue reached its cap of 4,194,304 waiting contacts; 1,234 later contacts per replication were turned away, counted as abandoned at once.',
    );
  });

  it('an overloaded AI line', () => {
    expect(warningText({ code: 'ai_line_overloaded', strategy: 'all-ai', offered_load: 25, capacity: 20, share: 1.25 })).toBe(
      "all-ai: the AI line is overloaded: offered load 25.0 conversations at once against ai.concurrency 20 (125% of capacity); nobody leaves the AI's line, so it grows for the whole run and its waits depend on the horizon.",
    );
  });
});
