// The speed yardstick `npm run bench` measures staffsim against: the Erlang-A
// reference workload (M/M/c+M: arrivals 10/min, exponential handle time
// 5 min, 52 agents, exponential patience 3 min, FIFO) simulated by the
// smallest event loop plain JavaScript allows. One binary-heap future-event
// list on typed arrays, nothing allocated per event, sums only: no
// statistics, no named streams, no model. Its contacts per second are a
// ceiling to quote staffsim's speed against (bench/README.md), measured in
// the same session because absolute figures drift on shared machines.
//
//   node bench/yardstick.mjs [ARRIVALS] [SEED] [--warm]   prints one JSON line
//
// Exact Erlang-A values for this workload (docs/validation.md): P(abandon)
// 0.045188, mean wait over all offered 0.135563 min, P(wait) 0.360270,
// utilisation 0.918089. The line printed carries the yardstick's estimates
// of them, so a fast answer can be seen to be a right one too.

const ARRIVALS_PER_MINUTE = 10;
const MEAN_HANDLE = 5;
const AGENTS = 52;
const MEAN_PATIENCE = 3;

const args = process.argv.slice(2).filter((a) => a !== '--warm');
const warm = args.length < process.argv.length - 2;
const arrivals = Number(args[0] ?? 2_000_000);
const seed = Number(args[1] ?? 1) >>> 0;
if (!(Number.isInteger(arrivals) && arrivals > 0 && arrivals < 2 ** 29)) {
  console.error('usage: node bench/yardstick.mjs [ARRIVALS (a whole number below 2^29)] [SEED] [--warm]');
  process.exit(2);
}

// Random numbers: xoshiro128** seeded by splitmix32, two draws per 53-bit
// uniform. Module-level state, not an object: the loop reads it directly.
let s0 = 0, s1 = 0, s2 = 0, s3 = 0, splitState = 0;

function splitmix32() {
  splitState = (splitState + 0x9e3779b9) | 0;
  let z = splitState;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

function seedRandom(value) {
  splitState = value | 0;
  s0 = splitmix32();
  s1 = splitmix32();
  s2 = splitmix32();
  s3 = splitmix32();
}

function next32() {
  const x = Math.imul(s1, 5);
  const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  return result;
}

/** An exponential draw with the given mean (the uniform never 0 or 1). */
function exponential(mean) {
  const high = next32() >>> 5;
  const low = next32() >>> 6;
  return -mean * Math.log((high * 67108864 + low + 0.5) * (1 / 9007199254740992));
}

// Waiting contacts: a ring buffer indexed by a running sequence number
// (seq & mask), grown by doubling. `abandoned` marks a contact whose patience
// ran out, so the agent who frees up next skips it.
let mask = 1023;
let head = 0;
let tail = 0;
let queuedAt = new Float64Array(mask + 1);
let abandoned = new Uint8Array(mask + 1);

function growQueue() {
  const nextMask = (mask + 1) * 2 - 1;
  const at = new Float64Array(nextMask + 1);
  const gone = new Uint8Array(nextMask + 1);
  for (let k = head; k < tail; k++) {
    at[k & nextMask] = queuedAt[k & mask];
    gone[k & nextMask] = abandoned[k & mask];
  }
  queuedAt = at;
  abandoned = gone;
  mask = nextMask;
}

function enqueue(time) {
  if (tail - head > mask) growQueue();
  const k = tail++;
  queuedAt[k & mask] = time;
  abandoned[k & mask] = 0;
  return k;
}

// The future-event list: a binary min-heap of (time, event) in two parallel
// typed arrays of fixed size, in const bindings (measurably faster in V8 than
// growable arrays). An event is its kind in the low two bits and, for an
// abandonment, the contact's queue sequence number above them. It holds at
// most the agents, one arrival and the waiting contacts' timers: a few hundred.
const ARRIVAL = 0;
const DEPARTURE = 1;
const ABANDON = 2;
const CAPACITY = 1 << 16;
const heapTime = new Float64Array(CAPACITY);
const heapEvent = new Int32Array(CAPACITY);
let size = 0;

function schedule(time, event) {
  if (size === CAPACITY) throw new Error('the future-event list is full');
  let i = size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heapTime[parent] <= time) break;
    heapTime[i] = heapTime[parent];
    heapEvent[i] = heapEvent[parent];
    i = parent;
  }
  heapTime[i] = time;
  heapEvent[i] = event;
}

/** Removes the earliest event; the caller has read heapTime[0] and heapEvent[0]. */
function removeFirst() {
  const n = --size;
  const lastTime = heapTime[n];
  const lastEvent = heapEvent[n];
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const child = left + 1 < n && heapTime[left + 1] < heapTime[left] ? left + 1 : left;
    if (heapTime[child] >= lastTime) break;
    heapTime[i] = heapTime[child];
    heapEvent[i] = heapEvent[child];
    i = child;
  }
  if (n > 0) {
    heapTime[i] = lastTime;
    heapEvent[i] = lastEvent;
  }
}

function simulate() {
  let arrived = 0, busy = 0, abandons = 0, waited = 0, waitSum = 0, busySum = 0, end = 0;
  const meanGap = 1 / ARRIVALS_PER_MINUTE;
  schedule(exponential(meanGap), ARRIVAL);
  while (size > 0) {
    const time = heapTime[0];
    const event = heapEvent[0];
    removeFirst();
    const kind = event & 3;
    if (kind === ARRIVAL) {
      arrived++;
      if (arrived < arrivals) schedule(time + exponential(meanGap), ARRIVAL);
      if (busy < AGENTS) {
        const handle = exponential(MEAN_HANDLE);
        busy++;
        busySum += handle;
        schedule(time + handle, DEPARTURE);
      } else {
        const k = enqueue(time);
        waited++;
        schedule(time + exponential(MEAN_PATIENCE), ABANDON | (k << 2));
      }
    } else if (kind === DEPARTURE) {
      busy--;
      if (time > end) end = time;
      while (head < tail) {
        const k = head++;
        if (abandoned[k & mask] !== 0) continue;
        const handle = exponential(MEAN_HANDLE);
        waitSum += time - queuedAt[k & mask];
        busy++;
        busySum += handle;
        schedule(time + handle, DEPARTURE);
        break;
      }
    } else {
      const k = event >>> 2;
      // Answered before its patience ran out: the timer is left in the heap and ignored here.
      if (k < head) continue;
      abandoned[k & mask] = 1;
      abandons++;
      waitSum += time - queuedAt[k & mask];
      if (time > end) end = time;
    }
  }
  return { abandons, waited, waitSum, busySum, end };
}

// --warm: simulate once untimed, then time a second identical run, so the
// figure is the loop's speed once V8 has compiled it (the warm figure
// bench.mjs compares staffsim's second replication in a process against).
if (warm) {
  seedRandom(seed);
  simulate();
  size = 0;
  head = 0;
  tail = 0;
}
seedRandom(seed);
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const totals = simulate();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const six = (x) => Number(x.toFixed(6));
console.log(
  JSON.stringify({
    arrivals,
    seed,
    node: process.versions.node,
    warm,
    wall_s: Number(seconds.toFixed(4)),
    contacts_per_s: Number((arrivals / seconds).toFixed(1)),
    // CPU time is steadier than wall time on a shared machine (bench/pair.mjs uses it).
    contacts_per_cpu_s: Number((arrivals / cpuSeconds).toFixed(1)),
    abandon_rate: six(totals.abandons / arrivals),
    wait_mean: six(totals.waitSum / arrivals),
    p_wait: six(totals.waited / arrivals),
    utilization: six(totals.busySum / (AGENTS * totals.end)),
  }),
);
