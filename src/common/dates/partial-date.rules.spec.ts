import {
  describePartialDate,
  isAligned,
  isIsoDate,
  partialDateProblems,
  periodEnd,
  periodStart,
} from './partial-date.rules.js';

describe('partial dates', () => {
  it.each(['2025-02-28', '2024-02-29', '2026-12-31'])('accepts the real date %s', (d) =>
    expect(isIsoDate(d)).toBe(true),
  );
  it.each(['2025-02-29', '2025-13-01', '2025-1-01', '25-01-01', '2025-04-31', ''])('refuses %p', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );

  it.each([
    ['2025-08-17', 'MONTH', '2025-08-01'],
    ['2025-08-17', 'QUARTER', '2025-07-01'],
    ['2025-03-31', 'QUARTER', '2025-01-01'],
    ['2025-08-17', 'SEMESTER', '2025-07-01'],
    ['2025-06-30', 'SEMESTER', '2025-01-01'],
    ['2025-08-17', 'YEAR', '2025-01-01'],
    ['2025-08-17', 'DAY', '2025-08-17'],
  ] as const)('the period of %s at %s starts on %s', (date, precision, start) => {
    expect(periodStart(date, precision)).toBe(start);
  });

  it.each([
    ['2026-01-01', 'YEAR', '2026-12-31'],
    ['2025-07-01', 'QUARTER', '2025-09-30'],
    ['2024-02-01', 'MONTH', '2024-02-29'],
    ['2025-07-01', 'SEMESTER', '2025-12-31'],
    ['2025-05-09', 'DAY', '2025-05-09'],
  ] as const)('a period starting %s at %s ends on %s', (date, precision, end) => {
    expect(periodEnd(date, precision)).toBe(end);
  });

  it('says whether a date is stored aligned to its precision', () => {
    expect(isAligned('2025-07-01', 'QUARTER')).toBe(true);
    expect(isAligned('2025-08-01', 'QUARTER')).toBe(false);
    expect(isAligned('2025-01-01', 'YEAR')).toBe(true);
    expect(isAligned('2025-02-01', 'YEAR')).toBe(false);
    expect(isAligned('2025-02-30', 'DAY')).toBe(false);
  });

  it('describes dates as plans write them', () => {
    expect(describePartialDate({ date: '2025-07-01', precision: 'QUARTER' })).toBe('Q3 2025');
    expect(describePartialDate({ date: '2026-01-01', precision: 'YEAR' })).toBe('2026');
    expect(describePartialDate({ date: '2025-07-01', precision: 'SEMESTER' })).toBe('H2 2025');
  });

  describe('partialDateProblems', () => {
    const field = (
      f: string,
      date: string,
      precision: 'DAY' | 'MONTH' | 'QUARTER' | 'SEMESTER' | 'YEAR' = 'DAY',
    ) => ({
      field: f,
      value: { date, precision },
    });

    it('accepts a start before the end, and the same day', () => {
      expect(partialDateProblems(field('startDate', '2025-01-01'), field('endDate', '2026-06-30'))).toEqual(
        [],
      );
      expect(partialDateProblems(field('startDate', '2025-01-01'), field('endDate', '2025-01-01'))).toEqual(
        [],
      );
    });

    it('refuses an end before the start, naming the end', () => {
      expect(
        partialDateProblems(
          field('startDate', '2026-01-01', 'YEAR'),
          field('endDate', '2025-07-01', 'QUARTER'),
        ),
      ).toEqual([{ field: 'endDate', message: 'must not be before startDate (2026), got Q3 2025' }]);
    });

    it('refuses a date not aligned to its precision and says the aligned one', () => {
      const problems = partialDateProblems(field('startDate', '2025-08-15', 'QUARTER'), {
        field: 'endDate',
        value: undefined,
      });
      expect(problems).toEqual([
        {
          field: 'startDate',
          message: 'with precision QUARTER must be the first day of its period (2025-07-01), got 2025-08-15',
        },
      ]);
    });

    it('has nothing to say when dates are missing', () => {
      expect(
        partialDateProblems({ field: 'startDate', value: undefined }, { field: 'endDate', value: undefined }),
      ).toEqual([]);
    });
  });
});
