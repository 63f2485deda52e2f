// The commented starter scenario that `staffsim init` writes. A test checks
// that it validates.

/**
 * A file name as the user would type it in a shell, quoted when it needs to
 * be; a name with a line break (which would end the comment) as a placeholder.
 */
function shellWord(file: string): string {
  if (/[\r\n]/.test(file)) return 'FILE';
  return /^[A-Za-z0-9._\/+:@%=-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

/** The starter scenario, its header naming the file it is written to. */
export function starterScenario(file: string): string {
  const name = shellWord(file);
  return `# A staffsim scenario, written by \`staffsim init\`: a mid-sized chat centre.
# Edit the figures, then:
#   staffsim validate ${name}
#   staffsim run ${name}
${STARTER_BODY}`;
}

const STARTER_BODY = `#
# Durations are a number with a unit (30s, 5m, 1.5h, 14d) or a plain number
# of minutes (answer_within needs its unit). Distributions are
# {dist: exponential, mean: 5m}, {dist: lognormal, mean: 6m, cv: 0.8},
# {dist: gamma, mean, cv}, {dist: uniform, min, max},
# {dist: empirical, values, weights} or a bare duration (always that long). Every key, its unit and default:
# docs/scenario.md, or \`staffsim schema\` for your editor.
# Money is in one currency of your choice throughout.

name: my-chat-centre      # shown in reports
description: >            # free text about the scenario
  A chat centre open around the clock with ~6,000 chats a day, comparing
  all-human, all-AI and AI-first staffing.

seed: 42                  # random seed: the same seed gives the same results
horizon: 8d               # simulated time per replication, warm-up included
warmup: 1d                # left out of the statistics while the queue fills up
replications: 10          # independent runs per strategy (for confidence intervals)

service_level:
  answer_within: 60s      # a chat answered within this counts as on time
  target: 0.8             # goal: 80% of chats offered to humans answered on time

demand:
  contacts_per_day: 6000  # first contacts per day, on average (retries and repeats come on top)
  # Arrival-rate multipliers for the 24 hours from midnight; normalised to mean 1.
  intraday: [0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.3, 1.6, 1.7, 1.7,
             1.6, 1.6, 1.6, 1.5, 1.5, 1.4, 1.3, 1.2, 1.1, 0.9, 0.6, 0.4]
  # Multipliers for the 7 days, the first day of the horizon first; normalised to mean 1.
  weekly: [1.15, 1.05, 1.0, 1.0, 1.0, 0.85, 0.95]
  # One-off surges: \`at\` from the start of the horizon, for \`duration\`, times \`multiplier\`.
  surges:
    - { at: 105h, duration: 3h, multiplier: 2 }   # e.g. a payment outage on day 5 at 09:00

# The reasons customers get in touch. Shares sum to 1. handle_time is agent
# time per chat (divide a chat's length by the chats an agent runs at once).
ticket_types:
  - name: order_status                                     # a short name: letters, digits, _ and -
    share: 0.5                                             # share of all contacts
    handle_time: { dist: lognormal, mean: 5m, cv: 0.7 }        # human handle time
    ai_resolution: 0.8                                         # probability the AI resolves it
    ai_handle_time: { dist: lognormal, mean: 1.5m, cv: 0.6 }   # length of the AI conversation
    ai_false_resolution: 0.05                                  # AI "resolved" it, but the customer comes back
    fcr: 0.9                                                   # probability a human resolves it first time
  - name: billing
    share: 0.3
    handle_time: { dist: lognormal, mean: 8m, cv: 0.8 }
    ai_resolution: 0.5
    ai_false_resolution: 0.08
    fcr: 0.8
  - name: complaint
    share: 0.2
    handle_time: { dist: gamma, mean: 12m, cv: 0.9 }
    ai_resolution: 0.2
    fcr: 0.7
    sensitive: true       # with sensitive_to_human, ai-first sends it straight to people

customers:
  patience: { dist: exponential, mean: 4m }   # time in the human queue before abandoning; omit: nobody abandons
  retry:
    probability: 0.4                          # share of abandoning customers who try again
    delay: { dist: exponential, mean: 15m }   # time until they do
  repeat_delay: { dist: exponential, mean: 6h }   # time until a customer with an unsolved problem comes back
  repeat_probability: 0.8                     # share of those who come back at all
  max_contacts: 3                             # contacts before a customer gives up for good
  lifetime_value: 150                         # value lost when a customer leaves (currency)
  churn:                                      # probability a customer leaves after an episode
    base: 0.002                               # after a perfect episode
    unresolved: 0.1                           # added when the problem stayed unsolved
    per_extra_contact: 0.02                   # added per contact beyond the first
    per_wait_minute: 0.005                    # added per minute spent waiting in the queue
    ai_failed_sensitive: 0.05                 # added when the AI failed a sensitive ticket
  csat:                                       # satisfaction per episode, 1-5
    resolved_by_human: 4.5                    # solved by a person first time, no wait
    resolved_by_ai: 4.3                       # solved by the AI first time
    unresolved: 1.5                           # never solved
    per_wait_minute: 0.1                      # points lost per minute of waiting
    per_extra_contact: 0.5                    # points lost per extra contact
    ai_failed_sensitive: 0.5                  # points lost when the AI failed a sensitive ticket

staff:
  employees:
    # Agents on shift per hour from midnight (before shrinkage); or a flat \`headcount: N\`.
    schedule: [12, 9, 6, 6, 6, 12, 24, 47, 77, 94, 100, 100,
               94, 94, 94, 88, 88, 82, 77, 71, 65, 53, 36, 24]
    shrinkage: 0.3        # share of shift time away from chats: breaks, training, absence
    hourly_cost: 32       # fully loaded cost per scheduled agent-hour (currency)
  gig:
    pool: 0               # on-demand remote agents; 0 = none (the hybrid strategy adds some)
    trigger: { wait: 2m } # call them when the expected wait passes 2 minutes (or {queue: N})
    accept_probability: 0.6                   # share of called workers who accept
    login_delay: { dist: uniform, min: 2m, max: 8m }   # time from accepting to taking chats
    pay: { mode: hourly, hourly_rate: 26, min_block: 30m }   # or {mode: per_ticket, rate: 2.5}
    idle_timeout: 10m     # a worker idle this long logs off (once the paid block is over)
    handle_time_multiplier: 1.15   # gig workers take 15% longer
    resolution_multiplier: 0.95    # and resolve a little less often

ai:
  cost_per_conversation: 0.5      # per AI conversation, resolved or not (currency)
  platform_cost_per_day: 300      # licences, integration, oversight (currency per day)
  handoff: 30s                    # time to pass a chat from the AI to the human queue
  ask_for_human: 0.05             # share of customers who ask for a person after the AI answered
  concurrency: null               # most simultaneous AI chats; null = unlimited

transition:
  baseline_payroll_headcount: 238 # people on the payroll today, not agents on shift: the schedule's
                                  # average of 56.6 on shift × people_per_seat (4.2, a 40-hour week)
  severance_per_head: 6000        # one-off cost per person fewer on the payroll than today
  hiring_per_head: 3000           # one-off cost per person more than today
  training_per_head: 2000         # one-off training cost per person hired

# The strategies to compare: a routing plus any changes to the sections above.
strategies:
  all-human:
    routing: human                # every chat to the human queue
    description: today's set-up, people only
    ai: { platform_cost_per_day: 0 }   # no AI platform to pay for
  all-ai:
    routing: ai                   # the AI alone; what it cannot solve stays unsolved
    description: the AI assistant alone
    staff: { employees: { headcount: 0 } }   # nobody behind it
  hybrid:
    routing: ai-first             # the AI first, people behind it
    description: AI first, 60% of the team, gig workers for the peaks
    sensitive_to_human: true      # complaints go straight to people
    handoff_priority: true        # chats handed over by the AI are answered first
    staff:
      employees:          # 60% of today's agents on shift, hour by hour
        schedule: [7, 5, 4, 4, 4, 7, 14, 28, 46, 56, 60, 60,
                   56, 56, 56, 53, 53, 49, 46, 43, 39, 32, 22, 14]
      gig: { pool: 30 }   # up to 30 gig workers on call for the peaks
`;
