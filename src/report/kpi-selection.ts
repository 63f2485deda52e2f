// Which KPIs a report shows (`--kpi`): every KPI of the catalogue by default,
// or the names given, in the order given. Only what is printed changes: the
// run still measures every KPI, and the verdict reads them all.

import { KPI_NAMES, KPIS, type KpiName } from '../metrics/kpis.js';
import { didYouMean } from '../scenario/suggest.js';

/** A KPI name that is not in the catalogue, or an empty one. Bad input: exit 2. */
export class UnknownKpiError extends Error {
  constructor(readonly kpi: string) {
    super(
      kpi === ''
        ? 'an empty KPI name: give names separated by commas, e.g. --kpi cost_total,csat'
        : `unknown KPI \`${kpi}\` (${didYouMean(kpi, KPI_NAMES, 'the KPIs are')})`,
    );
  }
}

/**
 * The KPIs named in `requested` (each entry a name or a comma-separated
 * list, as `--kpi` is given), in order, each once; every KPI when nothing
 * is requested.
 */
export function selectKpis(requested: readonly string[] | undefined): KpiName[] {
  const names = (requested ?? []).flatMap((entry) => entry.split(',')).map((name) => name.trim());
  if (names.length === 0) return [...KPI_NAMES];
  const chosen: KpiName[] = [];
  for (const name of names) {
    const kpi = KPI_NAMES.find((k) => k === name);
    if (kpi === undefined) throw new UnknownKpiError(name);
    if (!chosen.includes(kpi)) chosen.push(kpi);
  }
  return chosen;
}

/** The catalogue entries of `names`, in that order. */
export function kpiInfos(names: readonly KpiName[]): (typeof KPIS)[number][] {
  return names.map((name) => KPIS.find((k) => k.name === name)!);
}
