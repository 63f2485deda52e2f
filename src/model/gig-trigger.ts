// When and how many gig workers to call (docs/model.md, "The gig pool").
//
// Checked each time a contact joins the human queue; `waiting` counts that
// contact. The expected wait of a contact joining now is taken as
// waiting × mean handle time / agents logged in (a dispatcher's rule of
// thumb). A call brings it strictly under trigger.wait, and the queue
// strictly under trigger.queue: with T the trigger, it needs more than
// waiting × h / T agents, i.e. floor(waiting × h / T) + 1, and a queue of
// trigger.queue − 1 at most.
//
// `servers` counts one-contact servers: an agent or gig worker holding up to
// k chats with stretch s counts k / s_k (human-load.ts, serverEquivalent).
// A gig worker called brings `perWorker` such servers to the wait rule and
// takes up to `slots` waiting contacts off the queue, so the servers and
// contacts wanted are divided by those.

/**
 * Gig workers to call now (0 or more), before counting those already logging
 * in. It may be fractional (with concurrency): the call asks until at least
 * that many have accepted, i.e. rounds it up.
 */
export function gigWorkersWanted(
  waiting: number,
  servers: number,
  meanHandle: number,
  triggerWait: number,
  triggerQueue: number,
  perWorker = 1,
  slots = 1,
): number {
  let wanted = waiting >= triggerQueue ? (waiting - triggerQueue + 1) / slots : 0;
  const work = waiting * meanHandle;
  // servers × triggerWait ≤ work is "expected wait ≥ trigger" without dividing by 0 servers.
  if (triggerWait < Infinity && work >= servers * triggerWait) wanted = Math.max(wanted, (Math.floor(work / triggerWait) + 1 - servers) / perWorker);
  return wanted;
}
