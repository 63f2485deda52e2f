// The human queue hour of day by hour of day (`by_hour` in the JSON report):
// the catalogue of its figures and their estimates across replications. The
// model collects them (model/hourly-observations.ts); every report format
// reads their names, labels and units from here.

import { UNIT_RANGES, type Estimate, type KpiUnit } from './kpis.js';
import { estimate } from './replications.js';

export const HOURS_A_DAY = 24;

export interface HourlyKpiInfo {
  name: string;
  label: string;
  unit: KpiUnit;
  better: 'lower' | 'higher' | null;
  description: string;
}

export const HOURLY_KPIS = [
  { name: 'offered', label: 'Offered', unit: 'count', better: null,
    description: 'Contacts offered to humans in this hour of day, over the whole measured window (all days together): the hours add up to offered_to_humans.' },
  { name: 'abandoned', label: 'Abandoned', unit: 'count', better: null,
    description: 'Of those, contacts that abandoned (or were turned away at the queue cap).' },
  { name: 'abandon_rate', label: 'Abandoned (share)', unit: 'share', better: 'lower',
    description: 'abandoned / offered in this hour.' },
  { name: 'service_level', label: 'Service level', unit: 'share', better: 'higher',
    description: 'Contacts offered in this hour answered within answer_within / offered in this hour.' },
  { name: 'wait_mean', label: 'Mean wait', unit: 'minutes', better: 'lower',
    description: 'Mean minutes in queue of the contacts offered in this hour, abandoned ones included.' },
  { name: 'asa', label: 'ASA', unit: 'minutes', better: 'lower',
    description: 'Mean wait of the answered contacts offered in this hour, minutes.' },
  { name: 'agents_on_shift', label: 'Agents on shift', unit: 'count', better: null,
    description: 'Employees on shift in this hour on average, net of shrinkage, as simulated (an agent finishing a last contact after the shift counts).' },
  { name: 'utilization', label: 'Employee utilisation', unit: 'share', better: null,
    description: "Employees' busy time / their time on shift in this hour of day." },
] as const satisfies readonly HourlyKpiInfo[];

export type HourlyKpiName = (typeof HOURLY_KPIS)[number]['name'];
export const HOURLY_KPI_NAMES: readonly HourlyKpiName[] = HOURLY_KPIS.map((k) => k.name);

/** One replication's figures for one hour of day. */
export type HourlyValues = Record<HourlyKpiName, number>;

/** One hour of day across replications: its hour (0-23) and each figure's estimate. */
export type HourEstimate = { hour: number } & Record<HourlyKpiName, Estimate>;

/** The 24 hours' estimates from each replication's 24 hours (as estimateKpis does for the run's KPIs). */
export function estimateHours(replications: readonly (readonly HourlyValues[])[]): HourEstimate[] {
  return Array.from({ length: HOURS_A_DAY }, (_, hour) => {
    const out = { hour } as HourEstimate;
    for (const info of HOURLY_KPIS) {
      try {
        out[info.name] = estimate(replications.map((r) => r[hour][info.name]), UNIT_RANGES[info.unit]);
      } catch (err) {
        throw new RangeError(`by_hour ${hour} ${info.name}: ${(err as Error).message}`);
      }
    }
    return out;
  });
}
