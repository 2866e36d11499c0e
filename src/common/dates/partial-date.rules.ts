// Dates in action plans come at several precisions ("Q3 2025", "2026", "June 2025"). A date is stored
// as the first day of its period together with its precision; these functions reason about them.

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'QUARTER', 'SEMESTER', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface PartialDate {
  date: string; // YYYY-MM-DD, the first day of the period
  precision: DatePrecision;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A real calendar date written as YYYY-MM-DD (no 2025-02-30). */
export function isIsoDate(date: string): boolean {
  const p = parts(date);
  if (!p) return false;
  const [y, m, d] = p;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1900 &&
    y <= 2200 &&
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === m - 1 &&
    probe.getUTCDate() === d
  );
}

/** The first day of the period of this precision that contains `date`. */
export function periodStart(date: string, precision: DatePrecision): string {
  const [y, m] = parts(date) ?? [0, 1, 1];
  switch (precision) {
    case 'DAY':
      return date;
    case 'MONTH':
      return iso(y, m, 1);
    case 'QUARTER':
      return iso(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case 'SEMESTER':
      return iso(y, m <= 6 ? 1 : 7, 1);
    case 'YEAR':
      return iso(y, 1, 1);
  }
}

/** Is `date` the first day of a period of its precision, as it must be stored? */
export function isAligned(date: string, precision: DatePrecision): boolean {
  return isIsoDate(date) && periodStart(date, precision) === date;
}

const MONTHS_IN: Record<DatePrecision, number> = { DAY: 0, MONTH: 1, QUARTER: 3, SEMESTER: 6, YEAR: 12 };

/** The last day of the period that starts at `date`: a milestone due "2026" is due on 2026-12-31. */
export function periodEnd(date: string, precision: DatePrecision): string {
  if (precision === 'DAY') return date;
  const [y, m] = parts(date) ?? [0, 1, 1];
  const next = new Date(Date.UTC(y, m - 1 + MONTHS_IN[precision], 1));
  next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Human words for an aligned date: "Q3 2025", "2026", "2025-06". For messages. */
export function describePartialDate({ date, precision }: PartialDate): string {
  const [y, m] = parts(date) ?? [0, 1, 1];
  switch (precision) {
    case 'DAY':
      return date;
    case 'MONTH':
      return date.slice(0, 7);
    case 'QUARTER':
      return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
    case 'SEMESTER':
      return `H${m <= 6 ? 1 : 2} ${y}`;
    case 'YEAR':
      return String(y);
  }
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface DateField {
  field: string;
  value: PartialDate | undefined;
}

/**
 * Checks a start/end pair: each aligned to its precision, and the start not after the end.
 * Returns the problems, one per field, in words a person understands.
 */
export function partialDateProblems(start: DateField, end: DateField): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const { field, value } of [start, end]) {
    if (value && !isAligned(value.date, value.precision)) {
      problems.push({
        field,
        message: `with precision ${value.precision} must be the first day of its period (${periodStart(value.date, value.precision)}), got ${value.date}`,
      });
    }
  }
  if (problems.length === 0 && start.value && end.value && start.value.date > end.value.date) {
    problems.push({
      field: end.field,
      message: `must not be before ${start.field} (${describePartialDate(start.value)}), got ${describePartialDate(end.value)}`,
    });
  }
  return problems;
}
