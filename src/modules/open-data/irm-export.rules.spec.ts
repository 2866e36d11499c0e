import { formatIrmDate, irmLabel, ratingCell } from './irm-export.rules.js';
import { parseIrmDate } from './irm.rules.js';

describe('dates as the export writes them', () => {
  it.each([
    { date: '2019-03-01', precision: 'DAY', text: '2019-03-01' },
    { date: '2014-07-01', precision: 'MONTH', text: 'July 2014' },
    { date: '2021-07-01', precision: 'QUARTER', text: 'Q3 2021' },
    { date: '2021-07-01', precision: 'SEMESTER', text: 'H2 2021' },
    { date: '2013-01-01', precision: 'YEAR', text: '2013' },
  ] as const)('$precision $date is written "$text" and read back the same', ({ date, precision, text }) => {
    expect(formatIrmDate(date, precision)).toBe(text);
    expect(parseIrmDate(text)).toEqual({ date, precision });
  });
});

describe("ratings in OGP's labels", () => {
  it('writes enumeration values as OGP labels and booleans as Yes/No', () => {
    expect(irmLabel('NOT_STARTED')).toBe('Not Started');
    expect(irmLabel('DID_NOT_CHANGE')).toBe('Did Not Change');
    expect(irmLabel('NO_NOTABLE_RESULTS')).toBe('No Notable Results');
    expect(irmLabel(true)).toBe('Yes');
    expect(irmLabel(false)).toBe('No');
  });

  it('writes a missing rating as the sentinel of its reason, and nothing when there is no assessment', () => {
    expect(ratingCell(null, 'NOT_REVIEWED', true)).toBe('NR');
    expect(ratingCell(null, 'UNCLEAR', true)).toBe('Unclear');
    expect(ratingCell(null, 'NOT_APPLICABLE', true)).toBe('NA');
    expect(ratingCell(null, undefined, true)).toBe('ND');
    expect(ratingCell('MAJOR', undefined, true)).toBe('Major');
    expect(ratingCell(null, undefined, false)).toBe('');
  });
});
