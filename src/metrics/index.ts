export * from './kpis.js';
export * from './histogram.js';
export * from './replications.js';
