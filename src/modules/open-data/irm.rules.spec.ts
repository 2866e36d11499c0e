import { csvLine } from '../../common/csv/csv.js';
import { type Indicator, publishProblems } from '../assessments/assessment.rules.js';
import {
  IRM_COLUMNS,
  type IrmAssessment,
  type IrmFile,
  type IrmRecord,
  parseIrmDate,
  readIrmFile,
  REQUIRED_IRM_COLUMNS,
} from './irm.rules.js';

type Row = Record<string, string>;

/** A legacy-era Kenyan commitment with no ratings: every test row starts from it. */
const BASE: Row = {
  'Commitment Unique Identifier': 'KE0001',
  'Country/Locality': 'Kenya',
  Code: 'KEN',
  Region: 'Africa and the Middle East',
  'National Or Local': 'National',
  'Action Plan ID': 'KEN-AP2',
  'Action Plan Number': '2',
  'Commitment Number': '1',
  'Year Of Submission': '2014',
  'Action Plan End Year': '2016',
  'Action Plan Duration (Years)': '2',
  'Commitment Title': 'Open contracting',
};

/** A CSV file of these rows; the header is every key in order of first appearance unless given. */
function csvOf(rows: Row[], header?: string[]): string {
  const columns = header ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return csvLine(columns) + rows.map((row) => csvLine(columns.map((column) => row[column] ?? ''))).join('');
}

function read(...rows: Row[]): IrmFile {
  return readIrmFile(csvOf(rows.map((row) => ({ ...BASE, ...row }))));
}

/** The record of one row that must read without errors. */
function recordOf(row: Row): IrmRecord {
  const file = read(row);
  expect(file.errors).toEqual([]);
  expect(file.records).toHaveLength(1);
  return file.records[0];
}

function assessmentsOf(row: Row): IrmAssessment[] {
  return recordOf(row).assessments;
}

function productOf(row: Row, product: IrmAssessment['product']): IrmAssessment {
  const found = assessmentsOf(row).find((a) => a.product === product);
  if (!found) throw new Error(`no ${product} in the row`);
  return found;
}

/** The single error of a one-row file. */
function errorOf(row: Row) {
  const file = read(row);
  expect(file.errors).toHaveLength(1);
  expect(file.records).toEqual([]);
  return file.errors[0];
}

const STARRED_ROW: Row = {
  Specificity: 'High',
  'OGP Value Access To Information': '1',
  'OGP Value Civic Participation': '0',
  'OGP Value Public Accountability': '0',
  'OGP Value Technology': '0',
  'Potential Impact': 'Transformative',
  'Completion (Progress Report)': 'Substantial',
  'Starred (Current Formula) Progress Report': 'Yes',
};

describe('a clean row', () => {
  it('reads the member, the plan and the commitment', () => {
    const record = recordOf({
      'Short Title': 'Contracts',
      'Full Text': 'Publish all contracts.',
      'Start Date': '7/1/2014',
      'End Date': 'June 2016',
      'Lead Institution': 'National Treasury',
      'Supporting Institution(s)': 'Public Procurement Oversight Authority',
      'Carried Forward': 'No',
      URL: 'https://www.opengovpartnership.org/members/kenya/commitments/KE0001/',
    });
    expect(record).toEqual({
      line: 2,
      member: { code: 'KEN', name: 'Kenya', type: 'NATIONAL', region: 'AFRICA_AND_THE_MIDDLE_EAST' },
      plan: { irmId: 'KEN-AP2', sequenceNumber: 2, yearOfSubmission: 2014, endYear: 2016, durationYears: 2 },
      commitment: {
        code: 'KE0001',
        number: '1',
        title: 'Open contracting',
        shortTitle: 'Contracts',
        fullText: 'Publish all contracts.',
        startDate: { date: '2014-07-01', precision: 'DAY' },
        startDateText: '7/1/2014',
        endDate: { date: '2016-06-01', precision: 'MONTH' },
        endDateText: 'June 2016',
        leadInstitution: 'National Treasury',
        supportingInstitutions: ['Public Procurement Oversight Authority'],
        tags: [],
        carriedForward: false,
        url: 'https://www.opengovpartnership.org/members/kenya/commitments/KE0001/',
      },
      contact: null,
      assessments: [],
    });
  });

  it('gives nulls for the optional columns left empty or left out', () => {
    const record = recordOf({ 'Action Plan ID': '', 'Year Of Submission': '', 'Action Plan End Year': 'ND' });
    expect(record.plan).toEqual({
      irmId: null,
      sequenceNumber: 2,
      yearOfSubmission: null,
      endYear: null,
      durationYears: 2,
    });
    expect(record.commitment).toMatchObject({
      shortTitle: null,
      fullText: null,
      startDate: null,
      startDateText: null,
      endDate: null,
      endDateText: null,
      leadInstitution: null,
      supportingInstitutions: [],
      carriedForward: null,
      url: null,
    });
    const file = read({});
    expect(file.warnings).toEqual([]);
    expect(file.ignoredColumns).toEqual([]);
    expect(file.starDisagreements).toEqual([]);
  });

  it('matches the header case-insensitively, ignoring surrounding spaces', () => {
    const header = Object.keys(BASE).map((name) => `  ${name.toUpperCase()} `);
    const file = readIrmFile(csvLine(header) + csvLine(Object.values(BASE)));
    expect(file.errors).toEqual([]);
    expect(file.records[0].commitment.code).toBe('KE0001');
  });

  it('trims the spaces around every cell', () => {
    const record = recordOf({
      'Commitment Title': '  Open contracting   ',
      Code: ' KEN ',
      Specificity: ' High ',
    });
    expect(record.commitment.title).toBe('Open contracting');
    expect(record.member.code).toBe('KEN');
    expect(record.assessments[0].indicators.specificity).toBe('HIGH');
  });

  it('reads cells guarded against formula injection as they were', () => {
    const record = recordOf({ 'Commitment Title': '=Open contracting', 'Lead Institution': '-' });
    expect(record.commitment.title).toBe('=Open contracting');
    expect(record.commitment.leadInstitution).toBeNull();
  });

  it('reads rows on the CSV lines they start on', () => {
    const file = read(
      { 'Full Text': 'one\ntwo\nthree' },
      { 'Commitment Unique Identifier': 'KE0002', 'Commitment Number': '2' },
    );
    expect(file.records.map((r) => r.line)).toEqual([2, 5]);
  });
});

describe('sentinels', () => {
  it.each([
    { cell: '', reason: 'NO_DATA' },
    { cell: 'ND', reason: 'NO_DATA' },
    { cell: 'nd', reason: 'NO_DATA' },
    { cell: ' NR ', reason: 'NOT_REVIEWED' },
    { cell: 'NA', reason: 'NOT_APPLICABLE' },
    { cell: 'N/A', reason: 'NOT_APPLICABLE' },
    { cell: 'n/a', reason: 'NOT_APPLICABLE' },
    { cell: 'Unclear', reason: 'UNCLEAR' },
    { cell: 'UNCLEAR', reason: 'UNCLEAR' },
  ])('"$cell" is a null with reason $reason, never a value', ({ cell, reason }) => {
    const { indicators, nullReasons } = productOf(
      {
        Specificity: cell,
        'OGP Value Civic Participation': cell,
        'Potential Impact': 'Minor',
        'Completion (End Of Term)': cell,
        'Did It Open Government (Overall)': 'Major',
        'Did It Open Government (Access To Information)': cell,
      },
      'END_OF_TERM_REPORT',
    );
    for (const indicator of [
      'specificity',
      'relevanceCivicParticipation',
      'completion',
      'didItOpenGovernmentAccessToInformation',
    ] as const) {
      expect(indicators[indicator]).toBeNull();
      expect(nullReasons[indicator]).toBe(reason);
    }
  });

  it('applies to the 2021 indicators and the flags too', () => {
    const record = recordOf({
      'Potential for Results': 'Modest',
      Verifiable: 'NR',
      'Early Results': 'NA',
      'Completion (End Of Term)': 'Substantial',
      'Carried Forward': 'ND',
    });
    expect(record.commitment.carriedForward).toBeNull();
    const [review, results] = record.assessments;
    expect(review.indicators.verifiable).toBeNull();
    expect(review.nullReasons.verifiable).toBe('NOT_REVIEWED');
    expect(results.indicators.earlyResults).toBeNull();
    expect(results.nullReasons.earlyResults).toBe('NOT_APPLICABLE');
  });
});

describe('label drift', () => {
  const legacy = (column: string, cell: string): Row => ({ 'Potential Impact': 'Minor', [column]: cell });
  const endOfTerm = (column: string, cell: string): Row => ({
    'Did It Open Government (Overall)': 'Major',
    [column]: cell,
  });
  const results = (column: string, cell: string): Row => ({ 'Early Results': 'Moderate', [column]: cell });
  const review = (column: string, cell: string): Row => ({
    'Potential for Results': 'Modest',
    [column]: cell,
  });

  it.each([
    { column: 'Specificity', cell: 'None', indicator: 'specificity', value: 'NONE' },
    { column: 'Specificity', cell: 'low', indicator: 'specificity', value: 'LOW' },
    { column: 'Specificity', cell: 'MEDIUM', indicator: 'specificity', value: 'MEDIUM' },
    { column: 'Specificity', cell: 'High', indicator: 'specificity', value: 'HIGH' },
    {
      column: 'OGP Value Access To Information',
      cell: 'Yes',
      indicator: 'relevanceAccessToInformation',
      value: true,
    },
    {
      column: 'OGP Value Access To Information',
      cell: 'y',
      indicator: 'relevanceAccessToInformation',
      value: true,
    },
    {
      column: 'OGP Value Civic Participation',
      cell: 'TRUE',
      indicator: 'relevanceCivicParticipation',
      value: true,
    },
    {
      column: 'OGP Value Public Accountability',
      cell: '1',
      indicator: 'relevancePublicAccountability',
      value: true,
    },
    { column: 'OGP Value Technology', cell: 'No', indicator: 'relevanceTechnology', value: false },
    { column: 'OGP Value Technology', cell: 'n', indicator: 'relevanceTechnology', value: false },
    { column: 'OGP Value Technology', cell: 'False', indicator: 'relevanceTechnology', value: false },
    { column: 'OGP Value Technology', cell: '0', indicator: 'relevanceTechnology', value: false },
    { column: 'Potential Impact', cell: 'None', indicator: 'potentialImpact', value: 'NONE' },
    { column: 'Potential Impact', cell: 'minor', indicator: 'potentialImpact', value: 'MINOR' },
    { column: 'Potential Impact', cell: 'Moderate', indicator: 'potentialImpact', value: 'MODERATE' },
    {
      column: 'Potential Impact',
      cell: 'Transformative',
      indicator: 'potentialImpact',
      value: 'TRANSFORMATIVE',
    },
    {
      column: 'Potential Impact',
      cell: 'Transformational',
      indicator: 'potentialImpact',
      value: 'TRANSFORMATIVE',
    },
    {
      column: 'Completion (Progress Report)',
      cell: 'Not Started',
      indicator: 'completion',
      value: 'NOT_STARTED',
    },
    {
      column: 'Completion (Progress Report)',
      cell: 'not started',
      indicator: 'completion',
      value: 'NOT_STARTED',
    },
    {
      column: 'Completion (Progress Report)',
      cell: 'Not started',
      indicator: 'completion',
      value: 'NOT_STARTED',
    },
    {
      column: 'Completion (Progress Report)',
      cell: 'Not-Started',
      indicator: 'completion',
      value: 'NOT_STARTED',
    },
    {
      column: 'Completion (Progress Report)',
      cell: 'NOT_STARTED',
      indicator: 'completion',
      value: 'NOT_STARTED',
    },
    {
      column: 'Completion (Progress Report)',
      cell: 'Not   started',
      indicator: 'completion',
      value: 'NOT_STARTED',
    },
    { column: 'Completion (Progress Report)', cell: 'Limited', indicator: 'completion', value: 'LIMITED' },
    {
      column: 'Completion (Progress Report)',
      cell: 'Substantial',
      indicator: 'completion',
      value: 'SUBSTANTIAL',
    },
    { column: 'Completion (Progress Report)', cell: 'Complete', indicator: 'completion', value: 'COMPLETE' },
    { column: 'Completion (Progress Report)', cell: 'Completed', indicator: 'completion', value: 'COMPLETE' },
    {
      column: 'Completion (Progress Report)',
      cell: 'Withdrawn',
      indicator: 'completion',
      value: 'WITHDRAWN',
    },
  ] as const)('legacy $column "$cell" is $value', ({ column, cell, indicator, value }) => {
    expect(productOf(legacy(column, cell), 'PROGRESS_REPORT').indicators[indicator]).toBe(value);
  });

  it.each([
    { cell: 'Worsened', value: 'WORSENED' },
    { cell: 'Worsens', value: 'WORSENED' },
    { cell: 'Did Not Change', value: 'DID_NOT_CHANGE' },
    { cell: "Didn't change", value: 'DID_NOT_CHANGE' },
    { cell: 'Didn’t Change', value: 'DID_NOT_CHANGE' },
    { cell: 'did_not_change', value: 'DID_NOT_CHANGE' },
    { cell: 'Marginal', value: 'MARGINAL' },
    { cell: 'major', value: 'MAJOR' },
    { cell: 'Outstanding', value: 'OUTSTANDING' },
  ] as const)('did it open government "$cell" is $value, in each of its four columns', ({ cell, value }) => {
    const columns: [string, Indicator][] = [
      ['Did It Open Government (Overall)', 'didItOpenGovernment'],
      ['Did It Open Government (Access To Information)', 'didItOpenGovernmentAccessToInformation'],
      ['Did It Open Government (Civic Participation)', 'didItOpenGovernmentCivicParticipation'],
      ['Did It Open Government: Public Accountability', 'didItOpenGovernmentPublicAccountability'],
    ];
    for (const [column, indicator] of columns)
      expect(productOf(endOfTerm(column, cell), 'END_OF_TERM_REPORT').indicators[indicator]).toBe(value);
  });

  it.each([
    { cell: 'No Evidence Available', value: 'NO_EVIDENCE_AVAILABLE' },
    { cell: 'Not Started', value: 'NOT_STARTED' },
    { cell: 'limited', value: 'LIMITED' },
    { cell: 'Substantial', value: 'SUBSTANTIAL' },
    { cell: 'Complete', value: 'COMPLETE' },
    { cell: 'Completed', value: 'COMPLETE' },
  ] as const)('2021 completion "$cell" is $value', ({ cell, value }) => {
    const { indicators } = productOf(results('Completion (End Of Term)', cell), 'RESULTS_REPORT');
    expect(indicators.completion).toBe(value);
  });

  it.each([
    { cell: 'Unclear', value: 'UNCLEAR' },
    { cell: 'UNCLEAR', value: 'UNCLEAR' },
    { cell: 'Modest', value: 'MODEST' },
    { cell: 'substantial', value: 'SUBSTANTIAL' },
  ] as const)('potential for results "$cell" is the value $value', ({ cell, value }) => {
    const { indicators, nullReasons } = productOf(
      review('Potential for Results', cell),
      'ACTION_PLAN_REVIEW',
    );
    expect(indicators.potentialForResults).toBe(value);
    expect(nullReasons.potentialForResults).toBeUndefined();
  });

  it.each([
    { cell: 'No Notable Results', value: 'NO_NOTABLE_RESULTS' },
    { cell: 'No early results to report yet', value: 'NO_NOTABLE_RESULTS' },
    { cell: 'Moderate', value: 'MODERATE' },
    { cell: 'significant', value: 'SIGNIFICANT' },
    { cell: 'Outstanding', value: 'OUTSTANDING' },
  ] as const)('early results "$cell" is $value', ({ cell, value }) => {
    expect(productOf(results('Early Results', cell), 'RESULTS_REPORT').indicators.earlyResults).toBe(value);
  });

  it.each([
    { column: 'Specificity', cell: 'Very high', shown: 'None, Low, Medium, High' },
    { column: 'Specificity', cell: '2', shown: 'None, Low, Medium, High' },
    { column: 'Verifiable', cell: 'Maybe', shown: 'Yes, No' },
    { column: 'Potential Impact', cell: 'Huge', shown: 'None, Minor, Moderate, Transformative' },
    { column: 'Completion (Progress Report)', cell: 'No Evidence Available', shown: 'Not Started, Limited' },
    { column: 'Did It Open Government (Overall)', cell: 'Somewhat', shown: 'Worsened, Did Not Change' },
    { column: 'Carried Forward', cell: 'Partly', shown: 'Yes, No' },
    { column: 'Starred (Current Formula) Progress Report', cell: 'Star', shown: 'Yes, No' },
  ])('legacy $column "$cell" is an error', ({ column, cell, shown }) => {
    const error = errorOf({ 'Potential Impact': 'Minor', [column]: cell });
    expect(error).toMatchObject({ line: 2, column, value: cell });
    expect(error.reason).toContain(`is not one of: ${shown}`);
  });

  it.each([
    { column: 'Completion (End Of Term)', cell: 'Withdrawn', shown: 'No Evidence Available, Not Started' },
    {
      column: 'Early Results',
      cell: 'Some',
      shown: 'No Notable Results, Moderate, Significant, Outstanding',
    },
    { column: 'Potential for Results', cell: 'High', shown: 'Unclear, Modest, Substantial' },
  ])('2021 $column "$cell" is an error', ({ column, cell, shown }) => {
    const error = errorOf({ 'Early Results': 'Moderate', [column]: cell });
    expect(error).toMatchObject({ line: 2, column, value: cell });
    expect(error.reason).toContain(`is not one of: ${shown}`);
  });
});

describe('parseIrmDate', () => {
  it.each([
    { text: '3/1/2019', date: '2019-03-01', precision: 'DAY' },
    { text: '12/31/2019', date: '2019-12-31', precision: 'DAY' },
    { text: '3/1/19', date: '2019-03-01', precision: 'DAY' },
    { text: '6/30/69', date: '2069-06-30', precision: 'DAY' },
    { text: '6/30/98', date: '1998-06-30', precision: 'DAY' },
    { text: '31/12/2019', date: '2019-12-31', precision: 'DAY' },
    { text: '4/5/2019', date: '2019-04-05', precision: 'DAY' },
    { text: '2019-03-01', date: '2019-03-01', precision: 'DAY' },
    { text: '2019-3-1', date: '2019-03-01', precision: 'DAY' },
    { text: '2019-03-01 00:00:00', date: '2019-03-01', precision: 'DAY' },
    { text: '2019-03-01T00:00:00Z', date: '2019-03-01', precision: 'DAY' },
    { text: '1 July 2014', date: '2014-07-01', precision: 'DAY' },
    { text: 'July 15, 2014', date: '2014-07-15', precision: 'DAY' },
    { text: 'July 2014', date: '2014-07-01', precision: 'MONTH' },
    { text: 'Jul 2014', date: '2014-07-01', precision: 'MONTH' },
    { text: 'July, 2014', date: '2014-07-01', precision: 'MONTH' },
    { text: 'SEPT. 2014', date: '2014-09-01', precision: 'MONTH' },
    { text: 'december 2020', date: '2020-12-01', precision: 'MONTH' },
    { text: '2013', date: '2013-01-01', precision: 'YEAR' },
    { text: 'I quarter of 2021', date: '2021-01-01', precision: 'QUARTER' },
    { text: 'IV quarter of 2021', date: '2021-10-01', precision: 'QUARTER' },
    { text: 'Q1 2021', date: '2021-01-01', precision: 'QUARTER' },
    { text: 'Q3 2021', date: '2021-07-01', precision: 'QUARTER' },
    { text: 'q2-2021', date: '2021-04-01', precision: 'QUARTER' },
    { text: '2021 Q4', date: '2021-10-01', precision: 'QUARTER' },
    { text: '1st quarter 2021', date: '2021-01-01', precision: 'QUARTER' },
    { text: '3rd Quarter of 2021', date: '2021-07-01', precision: 'QUARTER' },
    { text: 'Second quarter 2021', date: '2021-04-01', precision: 'QUARTER' },
    { text: 'Quarter 3, 2021', date: '2021-07-01', precision: 'QUARTER' },
    { text: 'Quarter II 2021', date: '2021-04-01', precision: 'QUARTER' },
    { text: 'H1 2021', date: '2021-01-01', precision: 'SEMESTER' },
    { text: 'H2 2021', date: '2021-07-01', precision: 'SEMESTER' },
    { text: 'first half of 2021', date: '2021-01-01', precision: 'SEMESTER' },
    { text: 'Second half 2021', date: '2021-07-01', precision: 'SEMESTER' },
    { text: 'I semester 2021', date: '2021-01-01', precision: 'SEMESTER' },
    { text: 'II semester of 2021', date: '2021-07-01', precision: 'SEMESTER' },
    { text: '43525', date: '2019-03-01', precision: 'DAY' },
    { text: '25569', date: '1970-01-01', precision: 'DAY' },
    { text: '43525.75', date: '2019-03-01', precision: 'DAY' },
    { text: '  July   2014 ', date: '2014-07-01', precision: 'MONTH' },
  ] as const)('reads "$text" as $precision $date', ({ text, date, precision }) => {
    expect(parseIrmDate(text)).toEqual({ date, precision });
  });

  it.each([
    { text: '' },
    { text: 'Underway' },
    { text: 'Not Specified' },
    { text: 'Ongoing' },
    { text: 'Continuous' },
    { text: 'ND' },
    { text: '2/30/2019' },
    { text: '13/13/2019' },
    { text: '2019-02-30' },
    { text: '2019-13-01' },
    { text: '1/1/219' },
    { text: 'Smarch 2014' },
    { text: 'July' },
    { text: 'Q5 2021' },
    { text: 'III semester 2021' },
    { text: 'H3 2021' },
    { text: '19999' },
    { text: '80001' },
    { text: '12345' },
    { text: '2016-2018' },
    { text: 'June 2016 - June 2018' },
    { text: '0999' },
  ])('leaves "$text" unparsed', ({ text }) => {
    expect(parseIrmDate(text)).toBeNull();
  });

  it('keeps the text of every date and warns of the ones it cannot read', () => {
    const file = read({ 'Start Date': 'Underway', 'End Date': 'Q2 2016' });
    expect(file.errors).toEqual([]);
    expect(file.records[0].commitment).toMatchObject({
      startDate: null,
      startDateText: 'Underway',
      endDate: { date: '2016-04-01', precision: 'QUARTER' },
      endDateText: 'Q2 2016',
    });
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toMatchObject({ line: 2, column: 'Start Date', value: 'Underway' });
    expect(file.warnings[0].reason).toMatch(/^kept as text: not a date/);
  });
});

describe('contact details in the full text', () => {
  it('keeps the full text public without the contact details and keeps them apart, with a warning', () => {
    const file = read({
      'Full Text':
        'Lead: jane@treasury.go.ke, +254 20 2252299, 0722 123 456. Budget 250000000 for 2016-2018.',
    });
    expect(file.errors).toEqual([]);
    const record = file.records[0];
    expect(record.commitment.fullText).toBe(
      'Lead: [e-mail removed], [phone removed], [phone removed]. Budget 250000000 for 2016-2018.',
    );
    expect(record.contact).toEqual({
      emails: ['jane@treasury.go.ke'],
      phones: ['+254 20 2252299', '0722 123 456'],
    });
    expect(file.warnings).toEqual([
      {
        line: 2,
        column: 'Full Text',
        value: '1 e-mail address, 2 phone numbers',
        reason: expect.stringContaining('contact details moved out of the public text'),
      },
    ]);
  });

  it('gives no contact and no warning when the full text has none', () => {
    const file = read({ 'Full Text': 'Publish contracts from 2016-2018 with a budget of 250000000.' });
    expect(file.records[0].contact).toBeNull();
    expect(file.warnings).toEqual([]);
  });
});

describe('tag columns', () => {
  it('are the unknown columns holding only 0 and 1; other unknown columns are ignored', () => {
    const file = read(
      {
        'Open Data': '1',
        'Anti-Corruption': '0',
        Notes: 'x',
        Score: '2',
        Empty: '',
        'Fiscal Openness': ' 1 ',
      },
      {
        'Commitment Unique Identifier': 'KE0002',
        'Open Data': '0',
        'Anti-Corruption': '',
        Notes: '',
        Score: '1',
        Empty: '',
        'Fiscal Openness': '1',
      },
    );
    expect(file.errors).toEqual([]);
    expect(file.tags).toEqual([
      { slug: 'open-data', label: 'Open Data', column: 'Open Data' },
      { slug: 'anti-corruption', label: 'Anti-Corruption', column: 'Anti-Corruption' },
      { slug: 'fiscal-openness', label: 'Fiscal Openness', column: 'Fiscal Openness' },
    ]);
    expect(file.ignoredColumns).toEqual(['Notes', 'Score', 'Empty']);
    expect(file.records.map((r) => r.commitment.tags)).toEqual([
      ['open-data', 'fiscal-openness'],
      ['fiscal-openness'],
    ]);
  });

  it('are none in a file without rows', () => {
    const file = readIrmFile(csvLine([...Object.keys(BASE), 'Open Data']));
    expect(file).toEqual({
      tags: [],
      ignoredColumns: ['Open Data'],
      records: [],
      errors: [],
      warnings: [],
      starDisagreements: [],
    });
  });

  it('give one tag when two labels make the same slug', () => {
    const file = read({ 'Data & Privacy': '1', 'Data and Privacy': '1' });
    expect(file.tags).toEqual([
      { slug: 'data-and-privacy', label: 'Data & Privacy', column: 'Data & Privacy' },
    ]);
    expect(file.records[0].commitment.tags).toEqual(['data-and-privacy']);
  });
});

describe('institutions', () => {
  it('splits the supporting institutions on ; | and line breaks, not on commas', () => {
    const record = recordOf({
      'Supporting Institution(s)':
        'Ministry of Finance; Kenya Revenue Authority | Office of the President, Cabinet Affairs\r\n' +
        'None Specified;  ; N/A|-\nministry of  finance\nNone',
    });
    expect(record.commitment.supportingInstitutions).toEqual([
      'Ministry of Finance',
      'Kenya Revenue Authority',
      'Office of the President, Cabinet Affairs',
    ]);
  });

  it.each([
    { cell: 'None Specified' },
    { cell: 'not specified' },
    { cell: 'N/A' },
    { cell: 'NA' },
    { cell: 'None' },
    { cell: '-' },
    { cell: '' },
  ])('reads the lead institution "$cell" as none', ({ cell }) => {
    expect(recordOf({ 'Lead Institution': cell }).commitment.leadInstitution).toBeNull();
  });

  it('keeps a lead institution trimmed', () => {
    expect(recordOf({ 'Lead Institution': '  National Treasury ' }).commitment.leadInstitution).toBe(
      'National Treasury',
    );
  });
});

describe('members', () => {
  it.each([
    { cell: 'Europe', region: 'EUROPE' },
    { cell: 'asia and the pacific', region: 'ASIA_AND_THE_PACIFIC' },
    { cell: 'Asia & the Pacific', region: 'ASIA_AND_THE_PACIFIC' },
    { cell: 'Africa and the Middle East', region: 'AFRICA_AND_THE_MIDDLE_EAST' },
    { cell: 'AMERICAS', region: 'AMERICAS' },
    { cell: 'AFRICA_AND_THE_MIDDLE_EAST', region: 'AFRICA_AND_THE_MIDDLE_EAST' },
  ])('reads the region "$cell" as $region', ({ cell, region }) => {
    expect(recordOf({ Region: cell }).member.region).toBe(region);
  });

  it('refuses an unknown region', () => {
    expect(errorOf({ Region: 'Antarctica' })).toMatchObject({ column: 'Region', value: 'Antarctica' });
  });

  it.each([
    { cell: 'National', code: 'KEN', type: 'NATIONAL' },
    { cell: 'NATIONAL', code: 'KEN', type: 'NATIONAL' },
    { cell: 'Local', code: 'ARBA', type: 'LOCAL' },
    { cell: 'subnational', code: 'ARBA', type: 'LOCAL' },
    { cell: 'Sub-national', code: 'ARBA', type: 'LOCAL' },
  ])('reads "$cell" as $type', ({ cell, code, type }) => {
    expect(recordOf({ 'National Or Local': cell, Code: code }).member.type).toBe(type);
  });

  it('refuses an unknown member type', () => {
    expect(errorOf({ 'National Or Local': 'Regional' })).toMatchObject({
      column: 'National Or Local',
      value: 'Regional',
    });
  });

  it('upper-cases the member code and checks it against the member type', () => {
    expect(recordOf({ Code: 'ken' }).member.code).toBe('KEN');
    const error = errorOf({ Code: 'ARBA' });
    expect(error).toMatchObject({ line: 2, column: 'Code', value: 'ARBA' });
    expect(error.reason).toContain('national member');
    expect(errorOf({ Code: 'KEN', 'National Or Local': 'Local' }).reason).toContain('local member');
  });

  it('requires the member columns to be filled', () => {
    const file = read({ 'Country/Locality': '', Code: '', Region: '', 'National Or Local': '' });
    expect(file.records).toEqual([]);
    expect(file.errors.map((e) => [e.column, e.reason])).toEqual([
      ['Country/Locality', 'is required'],
      ['National Or Local', 'is required'],
      ['Region', 'is required'],
      ['Code', 'is required'],
    ]);
  });
});

describe('commitments and plans', () => {
  it('upper-cases the commitment code and checks its form', () => {
    expect(recordOf({ 'Commitment Unique Identifier': 'ke0001' }).commitment.code).toBe('KE0001');
    expect(errorOf({ 'Commitment Unique Identifier': 'KEN-1' })).toMatchObject({
      column: 'Commitment Unique Identifier',
      value: 'KEN-1',
    });
  });

  it.each([
    { column: 'Commitment Unique Identifier' },
    { column: 'Commitment Number' },
    { column: 'Commitment Title' },
    { column: 'Action Plan Number' },
  ])('requires $column', ({ column }) => {
    expect(errorOf({ [column]: '  ' })).toEqual({ line: 2, column, value: '', reason: 'is required' });
  });

  it('reads whole numbers written with a decimal zero', () => {
    expect(
      recordOf({ 'Action Plan Number': '3.0', 'Action Plan Duration (Years)': '4.00' }).plan,
    ).toMatchObject({
      sequenceNumber: 3,
      durationYears: 4,
    });
  });

  it.each([
    { column: 'Action Plan Number', cell: '0' },
    { column: 'Action Plan Number', cell: 'two' },
    { column: 'Action Plan Number', cell: '2.5' },
    { column: 'Action Plan Number', cell: '-1' },
    { column: 'Year Of Submission', cell: '1989' },
    { column: 'Year Of Submission', cell: '2101' },
    { column: 'Action Plan End Year', cell: 'soon' },
    { column: 'Action Plan Duration (Years)', cell: '0' },
    { column: 'Action Plan Duration (Years)', cell: '11' },
  ])('refuses $column "$cell"', ({ column, cell }) => {
    const error = errorOf({ [column]: cell });
    expect(error).toMatchObject({ line: 2, column, value: cell });
    expect(error.reason).toMatch(/^must be a whole number from \d+ to \d+$/);
  });

  it('reads the optional years and duration given as sentinels as none', () => {
    expect(
      recordOf({
        'Year Of Submission': 'NA',
        'Action Plan End Year': 'nd',
        'Action Plan Duration (Years)': '',
      }).plan,
    ).toMatchObject({ yearOfSubmission: null, endYear: null, durationYears: null });
  });

  it('refuses an Action Plan ID longer than its column', () => {
    expect(errorOf({ 'Action Plan ID': 'X'.repeat(41) }).reason).toContain('longer than 40');
  });

  it.each([
    { cell: 'Yes', value: true },
    { cell: 'y', value: true },
    { cell: '0', value: false },
    { cell: '', value: null },
    { cell: 'NA', value: null },
  ])('reads Carried Forward "$cell" as $value', ({ cell, value }) => {
    expect(recordOf({ 'Carried Forward': cell }).commitment.carriedForward).toBe(value);
  });

  it('keeps an http(s) URL and drops anything else with a warning', () => {
    expect(recordOf({ URL: 'http://example.org/a?b=c' }).commitment.url).toBe('http://example.org/a?b=c');
    for (const cell of ['www.example.org', 'ftp://example.org/file', 'see website', 'javascript:alert(1)']) {
      const file = read({ URL: cell });
      expect(file.errors).toEqual([]);
      expect(file.records[0].commitment.url).toBeNull();
      expect(file.warnings).toEqual([
        { line: 2, column: 'URL', value: cell, reason: 'dropped: not an http(s) URL' },
      ]);
    }
  });
});

describe('assessments', () => {
  it('are none for a row without ratings', () => {
    expect(assessmentsOf({ Verifiable: 'Yes', 'OGP Value Technology': '1' })).toEqual([]);
  });

  it('are a legacy progress report when Specificity, Potential Impact or Completion (Progress Report) is real', () => {
    for (const row of [
      { Specificity: 'Low' },
      { 'Potential Impact': 'Minor' },
      { 'Completion (Progress Report)': 'Limited' },
    ] as Row[])
      expect(assessmentsOf(row).map((a) => [a.framework, a.product])).toEqual([
        ['IRM_LEGACY', 'PROGRESS_REPORT'],
      ]);
  });

  it('rate every indicator of a legacy progress report, onTime with no data', () => {
    expect(
      productOf(
        {
          Specificity: 'Medium',
          Verifiable: 'No',
          'OGP Value Access To Information': 'Yes',
          'OGP Value Civic Participation': 'No',
          'OGP Value Public Accountability': 'NR',
          'OGP Value Technology': '0',
          'Potential Impact': 'Moderate',
          'Completion (Progress Report)': 'Limited',
          'Completion (End Of Term)': '',
        },
        'PROGRESS_REPORT',
      ),
    ).toEqual({
      framework: 'IRM_LEGACY',
      product: 'PROGRESS_REPORT',
      indicators: {
        specificity: 'MEDIUM',
        relevanceAccessToInformation: true,
        relevanceCivicParticipation: false,
        relevancePublicAccountability: null,
        relevanceTechnology: false,
        potentialImpact: 'MODERATE',
        completion: 'LIMITED',
        onTime: null,
      },
      nullReasons: { relevancePublicAccountability: 'NOT_REVIEWED', onTime: 'NO_DATA' },
    });
  });

  it('take Verifiable on legacy reports only where Specificity is not real', () => {
    const without = productOf(
      { Specificity: 'ND', Verifiable: 'Yes', 'Potential Impact': 'Minor' },
      'PROGRESS_REPORT',
    );
    expect(without.indicators.verifiable).toBe(true);
    expect(without.indicators.specificity).toBeNull();
    const withSpecificity = productOf({ Specificity: 'Low', Verifiable: 'Yes' }, 'PROGRESS_REPORT');
    expect(withSpecificity.indicators).not.toHaveProperty('verifiable');
    const unrated = productOf({ Verifiable: 'NR', 'Potential Impact': 'Minor' }, 'PROGRESS_REPORT');
    expect(unrated.indicators).not.toHaveProperty('verifiable');
  });

  it('are a legacy end-of-term report when Completion (End Of Term) or Did It Open Government is real', () => {
    for (const row of [
      { 'Completion (End Of Term)': 'Complete' },
      { 'Did It Open Government (Overall)': 'Marginal' },
    ] as Row[])
      expect(assessmentsOf(row).map((a) => [a.framework, a.product])).toEqual([
        ['IRM_LEGACY', 'END_OF_TERM_REPORT'],
      ]);
  });

  it('rate every indicator of a legacy end-of-term report', () => {
    expect(
      productOf(
        {
          Specificity: 'High',
          'OGP Value Access To Information': '1',
          'OGP Value Civic Participation': '0',
          'OGP Value Public Accountability': '0',
          'OGP Value Technology': '1',
          'Potential Impact': 'Transformative',
          'Completion (Progress Report)': 'Limited',
          'Completion (End Of Term)': 'Completed',
          'Did It Open Government (Overall)': 'Major',
          'Did It Open Government (Access To Information)': 'Outstanding',
          'Did It Open Government (Civic Participation)': 'Did not change',
          'Did It Open Government: Public Accountability': 'NA',
        },
        'END_OF_TERM_REPORT',
      ),
    ).toEqual({
      framework: 'IRM_LEGACY',
      product: 'END_OF_TERM_REPORT',
      indicators: {
        specificity: 'HIGH',
        relevanceAccessToInformation: true,
        relevanceCivicParticipation: false,
        relevancePublicAccountability: false,
        relevanceTechnology: true,
        potentialImpact: 'TRANSFORMATIVE',
        completion: 'COMPLETE',
        onTime: null,
        didItOpenGovernment: 'MAJOR',
        didItOpenGovernmentAccessToInformation: 'OUTSTANDING',
        didItOpenGovernmentCivicParticipation: 'DID_NOT_CHANGE',
        didItOpenGovernmentPublicAccountability: null,
      },
      nullReasons: { onTime: 'NO_DATA', didItOpenGovernmentPublicAccountability: 'NOT_APPLICABLE' },
    });
  });

  it('are both legacy reports, progress first, when both have real ratings', () => {
    const assessments = assessmentsOf({
      'Potential Impact': 'Minor',
      'Completion (Progress Report)': 'Limited',
      'Completion (End Of Term)': 'Substantial',
    });
    expect(assessments.map((a) => [a.product, a.indicators.completion])).toEqual([
      ['PROGRESS_REPORT', 'LIMITED'],
      ['END_OF_TERM_REPORT', 'SUBSTANTIAL'],
    ]);
  });

  it('are of the 2021 framework when Potential for Results or Early Results is real', () => {
    expect(
      assessmentsOf({ 'Potential for Results': 'Unclear' }).map((a) => [a.framework, a.product]),
    ).toEqual([['IRM_2021', 'ACTION_PLAN_REVIEW']]);
    expect(assessmentsOf({ 'Early Results': 'Significant' }).map((a) => [a.framework, a.product])).toEqual([
      ['IRM_2021', 'RESULTS_REPORT'],
    ]);
    expect(
      assessmentsOf({
        'Potential for Results': 'NR',
        'Early Results': 'ND',
        'Completion (End Of Term)': 'Limited',
      }).map((a) => [a.framework, a.product]),
    ).toEqual([['IRM_LEGACY', 'END_OF_TERM_REPORT']]);
  });

  it('rate every indicator of an action plan review, the ones without a column with no data', () => {
    expect(
      assessmentsOf({ Verifiable: 'Yes', 'Potential for Results': 'Substantial', Specificity: 'High' }),
    ).toEqual([
      {
        framework: 'IRM_2021',
        product: 'ACTION_PLAN_REVIEW',
        indicators: {
          verifiable: true,
          openGovernmentLens: null,
          potentialForResults: 'SUBSTANTIAL',
          promising: null,
        },
        nullReasons: { openGovernmentLens: 'NO_DATA', promising: 'NO_DATA' },
      },
    ]);
  });

  it('give a 2021 action plan review when only Verifiable is real, with a results report', () => {
    expect(
      assessmentsOf({ Verifiable: 'No', 'Early Results': 'No Notable Results' }).map((a) => a.product),
    ).toEqual(['ACTION_PLAN_REVIEW', 'RESULTS_REPORT']);
  });

  it('rate every indicator of a results report, completion on the 2021 scale', () => {
    expect(
      assessmentsOf({ 'Completion (End Of Term)': 'No Evidence Available', 'Early Results': 'Moderate' }),
    ).toEqual([
      {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'NO_EVIDENCE_AVAILABLE', earlyResults: 'MODERATE' },
        nullReasons: {},
      },
    ]);
  });

  it('refuses a 2021 completion level on a legacy row', () => {
    expect(errorOf({ 'Completion (End Of Term)': 'No Evidence Available' }).column).toBe(
      'Completion (End Of Term)',
    );
  });

  it('can all be published: every indicator is rated or has a null reason', () => {
    const rows: Row[] = [
      { Specificity: 'Low' },
      { Verifiable: 'Yes', 'Potential Impact': 'Minor' },
      { 'Completion (End Of Term)': 'Withdrawn', 'Did It Open Government (Overall)': 'Unclear' },
      { 'Potential for Results': 'Modest' },
      { 'Early Results': 'Outstanding', Verifiable: 'Yes' },
      { ...STARRED_ROW, 'Completion (End Of Term)': 'Complete' },
    ];
    for (const row of rows)
      for (const a of assessmentsOf(row))
        expect(publishProblems(a.framework, a.product, a.indicators, a.nullReasons)).toEqual([]);
  });
});

describe('starred', () => {
  it.each([
    { specificity: 'High', completion: 'Substantial' },
    { specificity: 'Medium', completion: 'Complete' },
  ])('agrees with OGP on a star: $specificity, $completion', ({ specificity, completion }) => {
    const file = read({
      ...STARRED_ROW,
      Specificity: specificity,
      'Completion (Progress Report)': completion,
    });
    expect(file.errors).toEqual([]);
    expect(file.records[0].assessments).toHaveLength(1);
    expect(file.starDisagreements).toEqual([]);
  });

  it('agrees with OGP on no star', () => {
    const file = read({
      ...STARRED_ROW,
      'Potential Impact': 'Minor',
      'Starred (Current Formula) Progress Report': 'No',
    });
    expect(file.starDisagreements).toEqual([]);
  });

  it('reports OGP starring what our rule does not', () => {
    const file = read({ ...STARRED_ROW, 'Potential Impact': 'Moderate' });
    expect(file.starDisagreements).toEqual([
      {
        line: 2,
        code: 'KE0001',
        product: 'PROGRESS_REPORT',
        ogp: true,
        ours: false,
        reason: expect.stringContaining('potential impact is MODERATE'),
      },
    ]);
    expect(file.errors).toEqual([]);
  });

  it('reports OGP starring what our rule cannot tell', () => {
    const file = read({ ...STARRED_ROW, 'OGP Value Access To Information': 'ND' });
    expect(file.starDisagreements).toEqual([
      expect.objectContaining({ product: 'PROGRESS_REPORT', ogp: true, ours: null }),
    ]);
    expect(file.starDisagreements[0].reason).toContain('cannot tell');
  });

  it('reports our rule starring what OGP does not', () => {
    const file = read({ ...STARRED_ROW, 'Starred (Current Formula) Progress Report': 'No' });
    expect(file.starDisagreements).toEqual([
      expect.objectContaining({ product: 'PROGRESS_REPORT', ogp: false, ours: true }),
    ]);
  });

  it('does not count our "cannot tell" against OGP\'s no star, nor a flag that is not a real yes or no', () => {
    expect(
      read({
        ...STARRED_ROW,
        'OGP Value Access To Information': 'ND',
        'Starred (Current Formula) Progress Report': 'No',
      }).starDisagreements,
    ).toEqual([]);
    for (const flag of ['', 'NA', 'ND', 'Unclear'])
      expect(
        read({
          ...STARRED_ROW,
          'Potential Impact': 'Minor',
          'Starred (Current Formula) Progress Report': flag,
        }).starDisagreements,
      ).toEqual([]);
  });

  it('checks the end-of-term flag against the end-of-term report', () => {
    const file = read({
      ...STARRED_ROW,
      'Completion (End Of Term)': 'Limited',
      'Starred (Current Formula) End of Term': 'Yes',
    });
    expect(file.starDisagreements).toEqual([
      expect.objectContaining({ product: 'END_OF_TERM_REPORT', ogp: true, ours: false }),
    ]);
  });

  it('ignores a flag for a report the row does not have', () => {
    expect(read({ 'Starred (Current Formula) End of Term': 'Yes' }).starDisagreements).toEqual([]);
  });
});

describe('file-level errors', () => {
  it('reports a CSV syntax error on its line, for the file', () => {
    const file = readIrmFile(csvOf([BASE]) + 'KE0002,"Kenya\n');
    expect(file.errors).toEqual([
      { line: 3, column: '', value: '', reason: expect.stringContaining('line 3') },
    ]);
    expect(file.records).toEqual([]);
  });

  it('reports each missing required column on line 1, and reads no row', () => {
    const rest = Object.fromEntries(
      Object.entries(BASE).filter(([column]) => column !== 'Commitment Title' && column !== 'Code'),
    );
    const file = readIrmFile(csvOf([rest]));
    expect(file.errors).toEqual([
      { line: 1, column: 'Code', value: '', reason: 'required column is missing' },
      { line: 1, column: 'Commitment Title', value: '', reason: 'required column is missing' },
    ]);
    expect(file.records).toEqual([]);
  });

  it('reports every required column missing from an empty file', () => {
    const file = readIrmFile('');
    expect(file.errors.map((e) => e.column)).toEqual(REQUIRED_IRM_COLUMNS.map((field) => IRM_COLUMNS[field]));
    expect(file.errors.every((e) => e.line === 1 && e.value === '')).toBe(true);
  });

  it('gives nothing and no error for a header without rows', () => {
    const file = readIrmFile(csvLine(Object.keys(BASE)));
    expect(file.errors).toEqual([]);
    expect(file.records).toEqual([]);
  });

  it('reports a column named twice in the header', () => {
    const header = [...Object.keys(BASE), 'commitment title ', 'Notes', 'NOTES'];
    const file = readIrmFile(csvLine(header) + csvLine([...Object.values(BASE), 'Other', 'a', 'b']));
    expect(file.errors).toEqual([
      {
        line: 1,
        column: 'commitment title',
        value: '',
        reason: 'is in the header twice (columns 12 and 13)',
      },
      { line: 1, column: 'NOTES', value: '', reason: 'is in the header twice (columns 14 and 15)' },
    ]);
    expect(file.ignoredColumns).toEqual(['Notes']);
  });

  it('reports a row whose cell count differs from the header', () => {
    const text =
      csvLine(Object.keys(BASE)) +
      csvLine([...Object.values(BASE), 'extra']) +
      csvLine(Object.values(BASE).slice(0, 3)) +
      csvLine(Object.values(BASE));
    const file = readIrmFile(text);
    expect(file.errors).toEqual([
      { line: 2, column: '', value: '', reason: 'has 13 cells; the header has 12' },
      { line: 3, column: '', value: '', reason: 'has 3 cells; the header has 12' },
    ]);
    expect(file.records.map((r) => r.line)).toEqual([4]);
  });

  it('reports the second occurrence of a commitment code, naming the first line', () => {
    const file = read({}, { 'Commitment Number': '2' }, { 'Commitment Unique Identifier': 'ke0001' });
    expect(file.errors).toEqual([
      {
        line: 3,
        column: 'Commitment Unique Identifier',
        value: 'KE0001',
        reason: 'is the same commitment as on line 2',
      },
      {
        line: 4,
        column: 'Commitment Unique Identifier',
        value: 'ke0001',
        reason: 'is the same commitment as on line 2',
      },
    ]);
    expect(file.records.map((r) => r.line)).toEqual([2]);
  });

  it('reports a member code given with another name, type or region', () => {
    const file = read(
      {},
      { 'Commitment Unique Identifier': 'KE0002', 'Country/Locality': 'Republic of Kenya' },
      { 'Commitment Unique Identifier': 'KE0003', Region: 'Europe' },
      {
        'Commitment Unique Identifier': 'KE0004',
        'Country/Locality': 'Kenya ',
        Region: 'africa & the middle east',
      },
    );
    expect(file.errors).toEqual([
      {
        line: 3,
        column: 'Country/Locality',
        value: 'Republic of Kenya',
        reason: 'member KEN has Kenya on line 2',
      },
      {
        line: 4,
        column: 'Region',
        value: 'Europe',
        reason: 'member KEN has AFRICA_AND_THE_MIDDLE_EAST on line 2',
      },
    ]);
    expect(file.records.map((r) => r.line)).toEqual([2, 5]);
  });

  it('takes Local and Subnational as the same member type', () => {
    const file = read(
      { Code: 'ARBA', 'National Or Local': 'Local', 'Commitment Unique Identifier': 'BUE0001' },
      { Code: 'ARBA', 'National Or Local': 'Subnational', 'Commitment Unique Identifier': 'BUE0002' },
    );
    expect(file.errors).toEqual([]);
    expect(file.records.map((r) => r.member.type)).toEqual(['LOCAL', 'LOCAL']);
  });

  it('reports the same plan of a member with another Action Plan ID', () => {
    const file = read(
      {},
      { 'Commitment Unique Identifier': 'KE0002', 'Action Plan ID': 'KEN-AP2' },
      { 'Commitment Unique Identifier': 'KE0003', 'Action Plan ID': 'KEN-OTHER' },
      { 'Commitment Unique Identifier': 'KE0004', 'Action Plan ID': '' },
      { 'Commitment Unique Identifier': 'KE0005', 'Action Plan Number': '3', 'Action Plan ID': 'KEN-AP3' },
    );
    expect(file.errors).toEqual([
      {
        line: 4,
        column: 'Action Plan ID',
        value: 'KEN-OTHER',
        reason: 'plan 2 of KEN has the Action Plan ID KEN-AP2 on line 2',
      },
      {
        line: 5,
        column: 'Action Plan ID',
        value: '',
        reason: 'plan 2 of KEN has the Action Plan ID KEN-AP2 on line 2',
      },
    ]);
  });

  it('reports one Action Plan ID given to two plans', () => {
    const file = read(
      {},
      { 'Commitment Unique Identifier': 'KE0002', 'Action Plan Number': '3' },
      {
        'Commitment Unique Identifier': 'UY0001',
        Code: 'URY',
        'Country/Locality': 'Uruguay',
        Region: 'Americas',
      },
    );
    expect(file.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [3, 'Action Plan ID', 'is the Action Plan ID of plan 2 of KEN on line 2'],
      [4, 'Action Plan ID', 'is the Action Plan ID of plan 2 of KEN on line 2'],
    ]);
  });

  it('gives records only for the rows without errors, and all the errors of a row', () => {
    const file = read(
      { Specificity: 'Great', Region: 'Mars' },
      { 'Commitment Unique Identifier': 'KE0002', Code: 'UGA', 'Country/Locality': 'Uganda' },
    );
    expect(file.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Region'],
      [2, 'Specificity'],
    ]);
    expect(file.records.map((r) => r.commitment.code)).toEqual(['KE0002']);
  });
});
