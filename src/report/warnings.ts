// The sentence each warning record reads as (experiment/result.ts defines
// the records). Table, Markdown and stderr print these sentences; the JSON
// report carries the records themselves.

import type { Warning } from '../experiment/result.js';

export function warningText(w: Warning): string {
  switch (w.code) {
    case 'one_replication':
      return 'One replication: no confidence intervals. Use --replications 5 or more to compare strategies.';
    case 'human_queue_overloaded': {
      // Say how far over capacity, in the units a planner staffs by (Erlangs against agents).
      const chat = w.agent_capacity !== undefined ? ` (${w.agent_capacity.toFixed(1)} one-contact servers at full load, with concurrency)` : '';
      const gig = w.gig_capacity > 0 ? ` and at most ${w.gig_capacity.toFixed(1)} gig workers called in` : '';
      const share = w.share !== null ? ` (${Math.round(100 * w.share)}% of capacity)` : '';
      const fate = w.abandonment
        ? 'only abandonment holds the queue in check'
        : 'nobody abandons, so the queue grows for the whole run and its waits depend on the horizon, not on the staffing alone';
      return (
        `${w.strategy}: the human queue is overloaded: offered load ${w.offered_load.toFixed(1)} Erlangs against ` +
        `${w.agents.toFixed(1)} agents on shift on average${chat}${gig}${share}; ${fate}.`
      );
    }
    case 'ai_line_overloaded':
      return (
        `${w.strategy}: the AI line is overloaded: offered load ${w.offered_load.toFixed(1)} conversations at once against ` +
        `ai.concurrency ${w.capacity.toLocaleString('en-US')} (${Math.round(100 * w.share)}% of capacity); nobody leaves the AI's line, ` +
        'so it grows for the whole run and its waits depend on the horizon.'
      );
    case 'baseline_transition': {
      const n = (x: number) => x.toLocaleString('en-US');
      return (
        `${w.strategy} (the baseline) pays a one-off transition of $${n(Math.round(w.cost))} to move to itself: ` +
        `transition.baseline_payroll_headcount is ${n(w.stated)} people, but its staffing needs ${n(w.needed)} ` +
        `(${n(Number(w.on_shift.toFixed(1)))} agents on shift on average × people_per_seat ${Number(w.people_per_seat.toFixed(3))}); ` +
        `if ${w.strategy} is today's set-up, set baseline_payroll_headcount to ${n(w.needed)}.`
      );
    }
    case 'queue_cap_reached':
      return (
        `${w.strategy}: the human queue reached its cap of ${w.cap.toLocaleString('en-US')} waiting contacts; ` +
        `${Math.round(w.turned_away_per_replication).toLocaleString('en-US')} later contacts per replication were turned away, counted as abandoned at once.`
      );
  }
}
