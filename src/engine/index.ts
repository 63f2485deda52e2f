// Generic discrete-event simulation kernel: future-event list (whose `time`
// is the clock), named random streams and distributions. Nothing in here
// knows what is being simulated.

export { EventQueue } from './event-queue.js';
export { NO_PULSE, PULSE_EVERY, SimulationStopped, type Pulse } from './pulse.js';
export { RandomStream, cumulativeWeights } from './random.js';
export { sampler, scaleDist, distMean, type DistSpec, type Sampler } from './distributions.js';
