import { CsvSyntaxError, parseCsv, type CsvRow, unescapeCell } from '../../common/csv/csv.js';
import {
  type DatePrecision,
  isAligned,
  isIsoDate,
  type PartialDate,
} from '../../common/dates/partial-date.rules.js';
import {
  type AssessmentIndicators,
  type Completion,
  type DidItOpenGovernment,
  type EarlyResults,
  type Framework,
  type Indicator,
  INDICATORS_OF,
  type NullReason,
  type NullReasons,
  type PotentialForResults,
  type PotentialImpact,
  type Product,
  type Specificity,
  starred,
} from '../assessments/assessment.rules.js';
import { COMMITMENT_CODE } from '../commitments/commitment.rules.js';
import { memberCodeProblem, type MemberType, type Region } from '../members/member.rules.js';
import { slugOf } from '../tags/tag.rules.js';
import { redactContacts } from '../../domain/personal-data.rules.js';

// OGP's IRM data export: a CSV file with one row per commitment, giving the member, the action plan,
// the commitment and the IRM's ratings of it. `readIrmFile` turns it into plain records and reports
// every problem with its line, column, value and reason; applying the records is the service's work.
//
// The export is hand-kept and has drifted over the years: labels change case and spelling, empty
// ratings are written in several ways (ND, NR, N/A, Unclear), dates come in any form people type, and
// the full text of a commitment sometimes carries a contact person's e-mail address or phone number,
// which must not be published: those move to the restricted contact record.

export const IRM_COLUMNS = {
  code: 'Commitment Unique Identifier',
  memberName: 'Country/Locality',
  memberCode: 'Code',
  region: 'Region',
  nationalOrLocal: 'National Or Local',
  planId: 'Action Plan ID',
  planNumber: 'Action Plan Number',
  number: 'Commitment Number',
  yearOfSubmission: 'Year Of Submission',
  planEndYear: 'Action Plan End Year',
  planDuration: 'Action Plan Duration (Years)',
  title: 'Commitment Title',
  shortTitle: 'Short Title',
  fullText: 'Full Text',
  startDate: 'Start Date',
  endDate: 'End Date',
  leadInstitution: 'Lead Institution',
  supportingInstitutions: 'Supporting Institution(s)',
  specificity: 'Specificity',
  verifiable: 'Verifiable',
  valueAccessToInformation: 'OGP Value Access To Information',
  valueCivicParticipation: 'OGP Value Civic Participation',
  valuePublicAccountability: 'OGP Value Public Accountability',
  valueTechnology: 'OGP Value Technology',
  potentialImpact: 'Potential Impact',
  completionProgressReport: 'Completion (Progress Report)',
  starredProgressReport: 'Starred (Current Formula) Progress Report',
  potentialForResults: 'Potential for Results',
  completionEndOfTerm: 'Completion (End Of Term)',
  earlyResults: 'Early Results',
  didItOpenGovernment: 'Did It Open Government (Overall)',
  didItOpenGovernmentAccessToInformation: 'Did It Open Government (Access To Information)',
  didItOpenGovernmentCivicParticipation: 'Did It Open Government (Civic Participation)',
  didItOpenGovernmentPublicAccountability: 'Did It Open Government: Public Accountability',
  starredEndOfTerm: 'Starred (Current Formula) End of Term',
  carriedForward: 'Carried Forward',
  url: 'URL',
} as const;
export type IrmField = keyof typeof IRM_COLUMNS;

export const REQUIRED_IRM_COLUMNS: IrmField[] = [
  'code',
  'memberName',
  'memberCode',
  'region',
  'nationalOrLocal',
  'planNumber',
  'number',
  'title',
];

export interface IrmProblem {
  /** The CSV line of the row (1 for the header). */
  line: number;
  /** The header text of the column; '' for the file or the row as a whole. */
  column: string;
  value: string;
  reason: string;
}

export interface IrmAssessment {
  framework: Framework;
  product: Product;
  indicators: AssessmentIndicators;
  nullReasons: NullReasons;
}

export interface IrmRecord {
  line: number;
  member: { code: string; name: string; type: MemberType; region: Region };
  plan: {
    irmId: string | null;
    sequenceNumber: number;
    yearOfSubmission: number | null;
    endYear: number | null;
    durationYears: number | null;
  };
  commitment: {
    code: string;
    number: string;
    title: string;
    shortTitle: string | null;
    fullText: string | null;
    startDate: PartialDate | null;
    startDateText: string | null;
    endDate: PartialDate | null;
    endDateText: string | null;
    leadInstitution: string | null;
    supportingInstitutions: string[];
    /** Slugs of the tag columns with 1. */
    tags: string[];
    carriedForward: boolean | null;
    url: string | null;
  };
  /** What was taken out of the full text, null when nothing was. */
  contact: { emails: string[]; phones: string[] } | null;
  assessments: IrmAssessment[];
}

export interface StarDisagreement {
  line: number;
  code: string;
  product: Product;
  ogp: boolean;
  ours: boolean | null;
  reason: string;
}

export interface IrmFile {
  tags: { slug: string; label: string; column: string }[];
  ignoredColumns: string[];
  /** The rows without errors. */
  records: IrmRecord[];
  /** Any error: the file must not be applied. */
  errors: IrmProblem[];
  /** Unparsed dates, redacted contact details, URLs dropped. */
  warnings: IrmProblem[];
  starDisagreements: StarDisagreement[];
}

/** The length of the column the Action Plan ID is stored in. */
const PLAN_ID_MAX = 40;

// ---------------------------------------------------------------------------------------------------
// Ratings: sentinels and labels

const SENTINELS: ReadonlyMap<string, NullReason> = new Map([
  ['', 'NO_DATA'],
  ['nd', 'NO_DATA'],
  ['nr', 'NOT_REVIEWED'],
  ['na', 'NOT_APPLICABLE'],
  ['n/a', 'NOT_APPLICABLE'],
  ['unclear', 'UNCLEAR'],
]);

/** Labels compare case-insensitively, with - and _ as spaces and runs of spaces as one. */
function normalizeLabel(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Scale<T> {
  labels: ReadonlyMap<string, T>;
  /** The canonical labels, for messages. */
  shown: string;
}

function scaleOf<T>(entries: readonly (readonly [T, readonly string[]])[]): Scale<T> {
  const labels = new Map<string, T>();
  for (const [value, words] of entries) for (const word of words) labels.set(normalizeLabel(word), value);
  return { labels, shown: entries.map(([, words]) => words[0]).join(', ') };
}

const YES_NO = scaleOf<boolean>([
  [true, ['Yes', 'Y', 'True', '1']],
  [false, ['No', 'N', 'False', '0']],
]);
const SPECIFICITY_LABELS = scaleOf<Specificity>([
  ['NONE', ['None']],
  ['LOW', ['Low']],
  ['MEDIUM', ['Medium']],
  ['HIGH', ['High']],
]);
const POTENTIAL_IMPACT_LABELS = scaleOf<PotentialImpact>([
  ['NONE', ['None']],
  ['MINOR', ['Minor']],
  ['MODERATE', ['Moderate']],
  ['TRANSFORMATIVE', ['Transformative', 'Transformational']],
]);
const LEGACY_COMPLETION_LABELS = scaleOf<Completion>([
  ['NOT_STARTED', ['Not Started']],
  ['LIMITED', ['Limited']],
  ['SUBSTANTIAL', ['Substantial']],
  ['COMPLETE', ['Complete', 'Completed']],
  ['WITHDRAWN', ['Withdrawn']],
]);
const COMPLETION_2021_LABELS = scaleOf<Completion>([
  ['NO_EVIDENCE_AVAILABLE', ['No Evidence Available']],
  ['NOT_STARTED', ['Not Started']],
  ['LIMITED', ['Limited']],
  ['SUBSTANTIAL', ['Substantial']],
  ['COMPLETE', ['Complete', 'Completed']],
]);
const DID_IT_OPEN_GOVERNMENT_LABELS = scaleOf<DidItOpenGovernment>([
  ['WORSENED', ['Worsened', 'Worsens']],
  ['DID_NOT_CHANGE', ['Did Not Change', "Didn't Change"]],
  ['MARGINAL', ['Marginal']],
  ['MAJOR', ['Major']],
  ['OUTSTANDING', ['Outstanding']],
]);
const POTENTIAL_FOR_RESULTS_LABELS = scaleOf<PotentialForResults>([
  ['UNCLEAR', ['Unclear']],
  ['MODEST', ['Modest']],
  ['SUBSTANTIAL', ['Substantial']],
]);
const EARLY_RESULTS_LABELS = scaleOf<EarlyResults>([
  ['NO_NOTABLE_RESULTS', ['No Notable Results', 'No early results to report yet']],
  ['MODERATE', ['Moderate']],
  ['SIGNIFICANT', ['Significant']],
  ['OUTSTANDING', ['Outstanding']],
]);

/** A rating read from a cell: a value, a null with its reason, or something unreadable (an error). */
interface Rating<T> {
  value: T | null;
  reason?: NullReason;
  invalid?: boolean;
}

/** Not a sentinel: a value, or an attempt at one. */
function isReal(rating: Rating<unknown>): boolean {
  return rating.value !== null || rating.invalid === true;
}

function rate<T>(raw: string, scale: Scale<T>, unclearIsValue: boolean): Rating<T> {
  const word = raw.trim().toLowerCase();
  const reason = unclearIsValue && word === 'unclear' ? undefined : SENTINELS.get(word);
  if (reason !== undefined) return { value: null, reason };
  const value = scale.labels.get(normalizeLabel(raw));
  return value === undefined ? { value: null, invalid: true } : { value };
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1..12 for a month name or its abbreviation of three letters or more (Jul, Sept), else undefined. */
function monthOf(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(w));
  return index < 0 ? undefined : index + 1;
}

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['1', 1],
  ['2', 2],
  ['3', 3],
  ['4', 4],
  ['i', 1],
  ['ii', 2],
  ['iii', 3],
  ['iv', 4],
  ['1st', 1],
  ['2nd', 2],
  ['3rd', 3],
  ['4th', 4],
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
]);
const ORDINAL = '(1st|2nd|3rd|4th|first|second|third|fourth|iii|iv|ii|i|[1-4])';
const YEAR = '(\\d{4})';

const QUARTER_FORMS: readonly { pattern: RegExp; year: number; ordinal: number }[] = [
  { pattern: new RegExp(`^q ?([1-4])[ ,/-]*${YEAR}$`), ordinal: 1, year: 2 },
  { pattern: new RegExp(`^${YEAR}[ ,/-]*q ?([1-4])$`), ordinal: 2, year: 1 },
  { pattern: new RegExp(`^${ORDINAL} quarter(?: of)?,? ${YEAR}$`), ordinal: 1, year: 2 },
  { pattern: new RegExp(`^quarter ${ORDINAL},?(?: of)? ${YEAR}$`), ordinal: 1, year: 2 },
];
const SEMESTER_FORMS: readonly { pattern: RegExp; year: number; ordinal: number }[] = [
  { pattern: new RegExp(`^[hs] ?([12])[ ,/-]*${YEAR}$`), ordinal: 1, year: 2 },
  { pattern: new RegExp(`^${YEAR}[ ,/-]*[hs] ?([12])$`), ordinal: 2, year: 1 },
  { pattern: new RegExp(`^${ORDINAL} (?:half|semester)(?: of)?,? ${YEAR}$`), ordinal: 1, year: 2 },
  { pattern: new RegExp(`^(?:half|semester) ${ORDINAL},?(?: of)? ${YEAR}$`), ordinal: 1, year: 2 },
];

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function partial(y: number, m: number, d: number, precision: DatePrecision): PartialDate | null {
  const date = iso(y, m, d);
  return isIsoDate(date) && isAligned(date, precision) ? { date, precision } : null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The date a cell of the export means, as the first day of its period with its precision, or null when
 * it is not a date (words such as "Ongoing", impossible dates such as 2/30/2019).
 */
export function parseIrmDate(raw: string): { date: string; precision: DatePrecision } | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;

  // m/d/yyyy, m/d/yy, and d/m/yyyy when the first number cannot be a month.
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    let year = Number(m[3]);
    if (m[3].length === 2) year += year < 70 ? 2000 : 1900;
    return a > 12 ? partial(year, b, a, 'DAY') : partial(year, a, b, 'DAY');
  }
  // ISO, possibly with a time of day as spreadsheets write it.
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(text)))
    return partial(Number(m[1]), Number(m[2]), Number(m[3]), 'DAY');
  // July 2014, Jul 2014, July, 2014.
  if ((m = /^([a-z]+)\.?,? ?(\d{4})$/.exec(text))) {
    const month = monthOf(m[1]);
    if (month !== undefined) return partial(Number(m[2]), month, 1, 'MONTH');
  }
  // 1 July 2014, July 1, 2014 (not "1st quarter 2021" nor "Quarter 3, 2021": those are read below).
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/.exec(text))) {
    const month = monthOf(m[2]);
    if (month !== undefined) return partial(Number(m[3]), month, Number(m[1]), 'DAY');
  }
  if ((m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text))) {
    const month = monthOf(m[1]);
    if (month !== undefined) return partial(Number(m[3]), month, Number(m[2]), 'DAY');
  }
  if ((m = /^(\d{4})$/.exec(text))) return partial(Number(m[1]), 1, 1, 'YEAR');
  for (const form of QUARTER_FORMS) {
    if ((m = form.pattern.exec(text))) {
      const quarter = ORDINALS.get(m[form.ordinal]) ?? 0;
      return partial(Number(m[form.year]), (quarter - 1) * 3 + 1, 1, 'QUARTER');
    }
  }
  for (const form of SEMESTER_FORMS) {
    if ((m = form.pattern.exec(text))) {
      const semester = ORDINALS.get(m[form.ordinal]) ?? 0;
      return semester === 1 || semester === 2
        ? partial(Number(m[form.year]), semester === 1 ? 1 : 7, 1, 'SEMESTER')
        : null;
    }
  }
  // Excel serial numbers (1900 date system), as a spreadsheet writes a date cell it does not format.
  if ((m = /^(\d{5})(?:\.\d+)?$/.exec(text))) {
    const serial = Number(m[1]);
    if (serial < 20000 || serial > 80000) return null;
    return { date: new Date(EXCEL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10), precision: 'DAY' };
  }
  return null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------------
// Other values

const PLACEHOLDERS = new Set(['', '-', 'none', 'none specified', 'not specified', 'n/a', 'na']);

function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.toLowerCase().replace(/\s+/g, ' ').trim());
}

function institutionsIn(raw: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of raw.split(/[;|\r\n]/)) {
    const name = part.trim();
    const key = name.toLowerCase().replace(/\s+/g, ' ');
    if (isPlaceholder(name) || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

const REGIONS_BY_LABEL: ReadonlyMap<string, Region> = new Map([
  ['europe', 'EUROPE'],
  ['asia and the pacific', 'ASIA_AND_THE_PACIFIC'],
  ['africa and the middle east', 'AFRICA_AND_THE_MIDDLE_EAST'],
  ['americas', 'AMERICAS'],
]);

const MEMBER_TYPES_BY_LABEL: ReadonlyMap<string, MemberType> = new Map([
  ['national', 'NATIONAL'],
  ['local', 'LOCAL'],
  ['subnational', 'LOCAL'],
  ['sub national', 'LOCAL'],
]);

const WHOLE_NUMBER = /^\d+(\.0+)?$/;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const DATE_FORMS =
  'kept as text: not a date this import reads (such as 3/1/2019, 2019-03-01, March 2019, Q1 2019, H1 2019 or 2019)';

// ---------------------------------------------------------------------------------------------------
// The file

function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, ' ');
}

const FIELD_BY_KEY: ReadonlyMap<string, IrmField> = new Map(
  (Object.entries(IRM_COLUMNS) as [IrmField, string][]).map(([field, header]) => [headerKey(header), field]),
);

interface Columns {
  /** The index of each known column in the header (its first occurrence). */
  index: Map<IrmField, number>;
  header: string[];
  tags: { slug: string; label: string; column: string; index: number }[];
}

class RowReader {
  readonly errors: IrmProblem[] = [];
  readonly warnings: IrmProblem[] = [];

  constructor(
    private readonly row: CsvRow,
    private readonly columns: Columns,
  ) {}

  get line(): number {
    return this.row.line;
  }

  column(field: IrmField): string {
    const index = this.columns.index.get(field);
    return index === undefined ? IRM_COLUMNS[field] : this.columns.header[index];
  }

  text(field: IrmField): string {
    const index = this.columns.index.get(field);
    return index === undefined ? '' : (this.row.cells[index] ?? '').trim();
  }

  optional(field: IrmField): string | null {
    const text = this.text(field);
    return text === '' ? null : text;
  }

  required(field: IrmField): string | undefined {
    const text = this.text(field);
    if (text !== '') return text;
    this.error(field, text, 'is required');
    return undefined;
  }

  error(field: IrmField, value: string, reason: string): void {
    this.errors.push({ line: this.line, column: this.column(field), value, reason });
  }

  warn(field: IrmField, value: string, reason: string): void {
    this.warnings.push({ line: this.line, column: this.column(field), value, reason });
  }

  rating<T>(field: IrmField, scale: Scale<T>, unclearIsValue = false): Rating<T> {
    const raw = this.text(field);
    const rating = rate(raw, scale, unclearIsValue);
    if (rating.invalid) {
      const sentinels = unclearIsValue ? 'ND, NR, NA, N/A' : 'ND, NR, NA, N/A, Unclear';
      this.error(field, raw, `is not one of: ${scale.shown} (or empty, ${sentinels} for no rating)`);
    }
    return rating;
  }

  /** A whole number within bounds, or undefined (an error); empty is an error too. */
  wholeNumber(field: IrmField, min: number, max: number): number | undefined {
    const raw = this.text(field);
    if (raw === '') {
      this.error(field, raw, 'is required');
      return undefined;
    }
    const n = WHOLE_NUMBER.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(n) || n < min || n > max) {
      this.error(field, raw, `must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return n;
  }

  /** A whole number within bounds, null when empty or a sentinel (ND, NA, ...), undefined on an error. */
  optionalWholeNumber(field: IrmField, min: number, max: number): number | null | undefined {
    return SENTINELS.has(this.text(field).toLowerCase()) ? null : this.wholeNumber(field, min, max);
  }

  date(field: 'startDate' | 'endDate'): { date: PartialDate | null; text: string | null } {
    const text = this.optional(field);
    if (text === null) return { date: null, text: null };
    const date = parseIrmDate(text);
    if (date === null) this.warn(field, text, DATE_FORMS);
    return { date, text };
  }
}

/** Reads the header: the known columns, duplicates, missing required columns, tag and ignored columns. */
function readColumns(
  header: string[],
  rows: CsvRow[],
  errors: IrmProblem[],
): { columns: Columns; ignoredColumns: string[] } {
  const index = new Map<IrmField, number>();
  const firstOf = new Map<string, number>();
  const unknown: number[] = [];
  header.forEach((name, i) => {
    if (name === '') return;
    const key = headerKey(name);
    const first = firstOf.get(key);
    if (first !== undefined) {
      errors.push({
        line: 1,
        column: name,
        value: '',
        reason: `is in the header twice (columns ${first + 1} and ${i + 1})`,
      });
      return;
    }
    firstOf.set(key, i);
    const field = FIELD_BY_KEY.get(key);
    if (field === undefined) unknown.push(i);
    else index.set(field, i);
  });
  for (const field of REQUIRED_IRM_COLUMNS)
    if (!index.has(field))
      errors.push({ line: 1, column: IRM_COLUMNS[field], value: '', reason: 'required column is missing' });

  const complete = rows.filter((row) => row.cells.length === header.length);
  const tags: Columns['tags'] = [];
  const ignoredColumns: string[] = [];
  for (const i of unknown) {
    const cells = complete.map((row) => row.cells[i].trim()).filter((cell) => cell !== '');
    const slug = slugOf(header[i]);
    if (slug !== '' && cells.length > 0 && cells.every((cell) => cell === '0' || cell === '1'))
      tags.push({ slug, label: header[i], column: header[i], index: i });
    else ignoredColumns.push(header[i]);
  }
  return { columns: { index, header, tags }, ignoredColumns };
}

interface Seen {
  codes: Map<string, number>;
  members: Map<string, { line: number; name: string; type: MemberType; region: Region }>;
  plans: Map<string, { line: number; irmId: string | null }>;
  planIds: Map<string, { line: number; member: string; sequenceNumber: number }>;
}

function readMember(r: RowReader, seen: Seen): IrmRecord['member'] | undefined {
  const name = r.required('memberName');
  const typeText = r.required('nationalOrLocal');
  const type = typeText === undefined ? undefined : MEMBER_TYPES_BY_LABEL.get(normalizeLabel(typeText));
  if (typeText !== undefined && type === undefined)
    r.error('nationalOrLocal', typeText, 'is not one of: National, Local (or Subnational)');
  const regionText = r.required('region');
  const region =
    regionText === undefined
      ? undefined
      : REGIONS_BY_LABEL.get(normalizeLabel(regionText).replace(/&/g, 'and').replace(/\s+/g, ' '));
  if (regionText !== undefined && region === undefined)
    r.error(
      'region',
      regionText,
      'is not one of: Europe, Asia and the Pacific, Africa and the Middle East, Americas',
    );
  const codeText = r.required('memberCode');
  const code = codeText?.toUpperCase();
  const codeProblem = code !== undefined && type !== undefined ? memberCodeProblem(code, type) : undefined;
  if (codeProblem !== undefined) r.error('memberCode', codeText ?? '', `the code ${codeProblem}`);
  if (
    name === undefined ||
    type === undefined ||
    region === undefined ||
    code === undefined ||
    codeProblem !== undefined
  )
    return undefined;

  const first = seen.members.get(code);
  if (first === undefined) {
    seen.members.set(code, { line: r.line, name, type, region });
  } else {
    const differs = (field: IrmField, value: string, ours: string, theirs: string) => {
      if (ours !== theirs) r.error(field, value, `member ${code} has ${theirs} on line ${first.line}`);
    };
    differs('memberName', name, name, first.name);
    differs('nationalOrLocal', typeText ?? '', type, first.type);
    differs('region', regionText ?? '', region, first.region);
  }
  return { code, name, type, region };
}

function readPlan(r: RowReader, memberCode: string | undefined, seen: Seen): IrmRecord['plan'] | undefined {
  const irmId = r.optional('planId');
  if (irmId !== null && irmId.length > PLAN_ID_MAX)
    r.error('planId', irmId, `is longer than ${PLAN_ID_MAX} characters`);
  const sequenceNumber = r.wholeNumber('planNumber', 1, 1000);
  const yearOfSubmission = r.optionalWholeNumber('yearOfSubmission', 1990, 2100);
  const endYear = r.optionalWholeNumber('planEndYear', 1990, 2100);
  const durationYears = r.optionalWholeNumber('planDuration', 1, 10);
  if (
    sequenceNumber === undefined ||
    yearOfSubmission === undefined ||
    endYear === undefined ||
    durationYears === undefined
  )
    return undefined;

  if (memberCode !== undefined) {
    const key = `${memberCode} ${sequenceNumber}`;
    const first = seen.plans.get(key);
    if (first === undefined) seen.plans.set(key, { line: r.line, irmId });
    else if (first.irmId !== irmId)
      r.error(
        'planId',
        irmId ?? '',
        `plan ${sequenceNumber} of ${memberCode} has the Action Plan ID ${first.irmId ?? '(none)'} on line ${first.line}`,
      );
    if (irmId !== null) {
      const other = seen.planIds.get(irmId);
      if (other === undefined) seen.planIds.set(irmId, { line: r.line, member: memberCode, sequenceNumber });
      else if (other.member !== memberCode || other.sequenceNumber !== sequenceNumber)
        r.error(
          'planId',
          irmId,
          `is the Action Plan ID of plan ${other.sequenceNumber} of ${other.member} on line ${other.line}`,
        );
    }
  }
  return { irmId, sequenceNumber, yearOfSubmission, endYear, durationYears };
}

function readCommitment(
  r: RowReader,
  columns: Columns,
  cells: string[],
  seen: Seen,
): { commitment: IrmRecord['commitment']; contact: IrmRecord['contact'] } | undefined {
  const codeText = r.required('code');
  const code = codeText?.toUpperCase();
  let codeOk = code !== undefined;
  if (code !== undefined && !COMMITMENT_CODE.test(code)) {
    r.error(
      'code',
      codeText ?? '',
      'is not a commitment code: two or three letters and four digits (KE0037)',
    );
    codeOk = false;
  }
  if (code !== undefined && codeOk) {
    const first = seen.codes.get(code);
    if (first === undefined) seen.codes.set(code, r.line);
    else {
      r.error('code', codeText ?? '', `is the same commitment as on line ${first}`);
      codeOk = false;
    }
  }
  const number = r.required('number');
  const title = r.required('title');
  const shortTitle = r.optional('shortTitle');

  let fullText = r.optional('fullText');
  let contact: IrmRecord['contact'] = null;
  if (fullText !== null) {
    const redacted = redactContacts(fullText);
    if (redacted.emails.length > 0 || redacted.phones.length > 0) {
      fullText = redacted.text;
      contact = { emails: redacted.emails, phones: redacted.phones };
      const counted = [
        ...(redacted.emails.length > 0
          ? [`${redacted.emails.length} e-mail address${redacted.emails.length === 1 ? '' : 'es'}`]
          : []),
        ...(redacted.phones.length > 0
          ? [`${redacted.phones.length} phone number${redacted.phones.length === 1 ? '' : 's'}`]
          : []),
      ].join(', ');
      r.warn('fullText', counted, 'contact details moved out of the public text into the restricted contact');
    }
  }

  const start = r.date('startDate');
  const end = r.date('endDate');
  const lead = r.text('leadInstitution');
  const supporting = institutionsIn(r.text('supportingInstitutions'));

  const carried = r.rating('carriedForward', YES_NO);
  let url = r.optional('url');
  if (url !== null && !isHttpUrl(url)) {
    r.warn('url', url, 'dropped: not an http(s) URL');
    url = null;
  }

  const tags = unique(columns.tags.filter((tag) => cells[tag.index].trim() === '1').map((tag) => tag.slug));
  if (code === undefined || !codeOk || number === undefined || title === undefined) return undefined;
  return {
    commitment: {
      code,
      number,
      title,
      shortTitle,
      fullText,
      startDate: start.date,
      startDateText: start.text,
      endDate: end.date,
      endDateText: end.text,
      leadInstitution: isPlaceholder(lead) ? null : lead,
      supportingInstitutions: supporting,
      tags,
      carriedForward: carried.value,
      url,
    },
    contact,
  };
}

const NO_DATA: Rating<never> = { value: null, reason: 'NO_DATA' };

function assessmentOf(
  framework: Framework,
  product: Product,
  ratings: Partial<Record<Indicator, Rating<unknown>>>,
): IrmAssessment {
  const indicators: Record<string, unknown> = {};
  const nullReasons: NullReasons = {};
  const put = (indicator: Indicator, rating: Rating<unknown>) => {
    indicators[indicator] = rating.value;
    if (rating.value === null) nullReasons[indicator] = rating.reason ?? 'NO_DATA';
  };
  for (const indicator of INDICATORS_OF(framework, product)) put(indicator, ratings[indicator] ?? NO_DATA);
  // Legacy data has a Verifiable column where specificity is not recorded: it stands in for it.
  const verifiable = ratings.verifiable;
  if (framework === 'IRM_LEGACY' && verifiable !== undefined && verifiable.value !== null)
    put('verifiable', verifiable);
  return { framework, product, indicators: indicators as AssessmentIndicators, nullReasons };
}

function readAssessments(r: RowReader): {
  assessments: IrmAssessment[];
  ogpStars: Partial<Record<Product, Rating<boolean>>>;
} {
  const specificity = r.rating('specificity', SPECIFICITY_LABELS);
  const verifiable = r.rating('verifiable', YES_NO);
  const relevance = {
    relevanceAccessToInformation: r.rating('valueAccessToInformation', YES_NO),
    relevanceCivicParticipation: r.rating('valueCivicParticipation', YES_NO),
    relevancePublicAccountability: r.rating('valuePublicAccountability', YES_NO),
    relevanceTechnology: r.rating('valueTechnology', YES_NO),
  };
  const potentialImpact = r.rating('potentialImpact', POTENTIAL_IMPACT_LABELS);
  const completionProgressReport = r.rating('completionProgressReport', LEGACY_COMPLETION_LABELS);
  const starredProgressReport = r.rating('starredProgressReport', YES_NO);
  const potentialForResults = r.rating('potentialForResults', POTENTIAL_FOR_RESULTS_LABELS, true);
  const earlyResults = r.rating('earlyResults', EARLY_RESULTS_LABELS);
  const didItOpenGovernment = {
    didItOpenGovernment: r.rating('didItOpenGovernment', DID_IT_OPEN_GOVERNMENT_LABELS),
    didItOpenGovernmentAccessToInformation: r.rating(
      'didItOpenGovernmentAccessToInformation',
      DID_IT_OPEN_GOVERNMENT_LABELS,
    ),
    didItOpenGovernmentCivicParticipation: r.rating(
      'didItOpenGovernmentCivicParticipation',
      DID_IT_OPEN_GOVERNMENT_LABELS,
    ),
    didItOpenGovernmentPublicAccountability: r.rating(
      'didItOpenGovernmentPublicAccountability',
      DID_IT_OPEN_GOVERNMENT_LABELS,
    ),
  };
  const starredEndOfTerm = r.rating('starredEndOfTerm', YES_NO);

  const assessments: IrmAssessment[] = [];
  const ogpStars: Partial<Record<Product, Rating<boolean>>> = {};

  if (isReal(potentialForResults) || isReal(earlyResults)) {
    const completion = r.rating('completionEndOfTerm', COMPLETION_2021_LABELS);
    if (isReal(verifiable) || isReal(potentialForResults))
      assessments.push(assessmentOf('IRM_2021', 'ACTION_PLAN_REVIEW', { verifiable, potentialForResults }));
    if (isReal(completion) || isReal(earlyResults))
      assessments.push(assessmentOf('IRM_2021', 'RESULTS_REPORT', { completion, earlyResults }));
    return { assessments, ogpStars };
  }

  const completionEndOfTerm = r.rating('completionEndOfTerm', LEGACY_COMPLETION_LABELS);
  const design = {
    specificity,
    ...relevance,
    potentialImpact,
    ...(isReal(specificity) ? {} : { verifiable }),
  };
  if (isReal(specificity) || isReal(potentialImpact) || isReal(completionProgressReport)) {
    assessments.push(
      assessmentOf('IRM_LEGACY', 'PROGRESS_REPORT', { ...design, completion: completionProgressReport }),
    );
    ogpStars.PROGRESS_REPORT = starredProgressReport;
  }
  if (isReal(completionEndOfTerm) || isReal(didItOpenGovernment.didItOpenGovernment)) {
    assessments.push(
      assessmentOf('IRM_LEGACY', 'END_OF_TERM_REPORT', {
        ...design,
        completion: completionEndOfTerm,
        ...didItOpenGovernment,
      }),
    );
    ogpStars.END_OF_TERM_REPORT = starredEndOfTerm;
  }
  return { assessments, ogpStars };
}

function starDisagreements(
  line: number,
  code: string,
  assessments: IrmAssessment[],
  ogpStars: Partial<Record<Product, Rating<boolean>>>,
): StarDisagreement[] {
  const found: StarDisagreement[] = [];
  for (const assessment of assessments) {
    const ogp = ogpStars[assessment.product]?.value;
    if (typeof ogp !== 'boolean') continue;
    const ours = starred(assessment.framework, assessment.indicators, 'CURRENT');
    // Our "cannot tell" disagrees with OGP's star, not with OGP's "not starred".
    const disagrees = ogp ? ours.starred !== true : ours.starred === true;
    if (disagrees)
      found.push({ line, code, product: assessment.product, ogp, ours: ours.starred, reason: ours.reason });
  }
  return found;
}

/**
 * Reads OGP's IRM data export (or a file in its format). Records are given for the rows without errors;
 * any error means the file must not be applied.
 */
export function readIrmFile(text: string): IrmFile {
  const file: IrmFile = {
    tags: [],
    ignoredColumns: [],
    records: [],
    errors: [],
    warnings: [],
    starDisagreements: [],
  };
  let parsed: { header: string[]; rows: CsvRow[] };
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    file.errors.push({ line: error.line, column: '', value: '', reason: error.message });
    return file;
  }
  // A cell guarded against formula injection (our own export) is read as it was.
  const header = parsed.header;
  const rows = parsed.rows.map((row) => ({ line: row.line, cells: row.cells.map(unescapeCell) }));
  const { columns, ignoredColumns } = readColumns(header, rows, file.errors);
  file.ignoredColumns = ignoredColumns;
  const slugs = new Set<string>();
  for (const { slug, label, column } of columns.tags) {
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    file.tags.push({ slug, label, column });
  }
  if (REQUIRED_IRM_COLUMNS.some((field) => !columns.index.has(field))) return file;

  const seen: Seen = { codes: new Map(), members: new Map(), plans: new Map(), planIds: new Map() };
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      file.errors.push({
        line: row.line,
        column: '',
        value: '',
        reason: `has ${row.cells.length} cells; the header has ${header.length}`,
      });
      continue;
    }
    const r = new RowReader(row, columns);
    const member = readMember(r, seen);
    const plan = readPlan(r, member?.code, seen);
    const commitment = readCommitment(r, columns, row.cells, seen);
    const { assessments, ogpStars } = readAssessments(r);
    file.errors.push(...r.errors);
    file.warnings.push(...r.warnings);
    if (r.errors.length > 0 || !member || !plan || !commitment) continue;
    file.records.push({
      line: row.line,
      member,
      plan,
      commitment: commitment.commitment,
      contact: commitment.contact,
      assessments,
    });
    file.starDisagreements.push(
      ...starDisagreements(row.line, commitment.commitment.code, assessments, ogpStars),
    );
  }
  return file;
}
