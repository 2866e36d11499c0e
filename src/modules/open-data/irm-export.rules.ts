import type { DatePrecision } from '../../common/dates/partial-date.rules.js';
import type { NullReason } from '../assessments/assessment.rules.js';

// What the register writes into the columns of OGP's IRM data export, so that an export reads back
// through the importer unchanged: OGP's own labels for the ratings and sentinels, and dates in a form
// the importer parses to the same date and precision.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as the export writes it: 2019-03-01, July 2014, Q3 2021, H1 2021, 2013. */
export function formatIrmDate(date: string, precision: DatePrecision): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (precision) {
    case 'DAY':
      return date;
    case 'MONTH':
      return `${MONTHS[month - 1]} ${year}`;
    case 'QUARTER':
      return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
    case 'SEMESTER':
      return `H${month <= 6 ? 1 : 2} ${year}`;
    case 'YEAR':
      return year;
  }
}

/** OGP's sentinels for a rating that is not there, by the reason it is not. */
export const SENTINEL: Record<NullReason, string> = {
  NO_DATA: 'ND',
  NOT_REVIEWED: 'NR',
  NOT_APPLICABLE: 'NA',
  UNCLEAR: 'Unclear',
};

/** OGP's label of a rating stored as an enumeration value (NOT_STARTED -> Not Started, DID_NOT_CHANGE -> Did Not Change). */
export function irmLabel(value: string | boolean): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** A rating as a cell: its label, the sentinel of its reason when it is null, or empty when not assessed. */
export function ratingCell(
  value: string | boolean | null | undefined,
  reason: NullReason | undefined,
  assessed: boolean,
): string {
  if (!assessed) return '';
  if (value === null || value === undefined) return reason ? SENTINEL[reason] : 'ND';
  return irmLabel(value);
}
