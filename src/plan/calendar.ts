// Months of a plan: `YYYY-MM` labels, their order and their lengths.

export const MONTH_RE = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 of a `YYYY-MM` label (an ordinal for sorting and interpolation). */
export function monthOrdinal(label: string): number {
  const m = MONTH_RE.exec(label);
  if (!m) throw new RangeError(`not a month: ${label}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The label of a month ordinal. */
export function monthLabel(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  const month = (ordinal % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Days in the month of an ordinal (Gregorian calendar). */
export function daysInMonth(ordinal: number): number {
  const year = Math.floor(ordinal / 12);
  const month = ordinal % 12; // 0 = January
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}
