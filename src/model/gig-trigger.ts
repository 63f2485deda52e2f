// When and how many gig workers to call (docs/model.md, "The gig pool").
//
// Checked each time a contact joins the human queue; `waiting` counts that
// contact. The expected wait of a contact joining now is taken as
// waiting × mean handle time / agents logged in (a dispatcher's rule of
// thumb). A call brings it strictly under trigger.wait, and the queue
// strictly under trigger.queue: with T the trigger, it needs more than
// waiting × h / T agents, i.e. floor(waiting × h / T) + 1, and a queue of
// trigger.queue − 1 at most.

/** Gig workers to call now (0 or more), before counting those already logging in. */
export function gigWorkersWanted(waiting: number, servers: number, meanHandle: number, triggerWait: number, triggerQueue: number): number {
  let wanted = waiting >= triggerQueue ? waiting - triggerQueue + 1 : 0;
  const work = waiting * meanHandle;
  // servers × triggerWait ≤ work is "expected wait ≥ trigger" without dividing by 0 servers.
  if (triggerWait < Infinity && work >= servers * triggerWait) wanted = Math.max(wanted, Math.floor(work / triggerWait) + 1 - servers);
  return wanted;
}
