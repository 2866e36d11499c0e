import {
  statusFitProblem,
  planDurationMonths,
  planWarnings,
  statusChangeProblem,
} from './action-plan.rules.js';

describe('action plan rules', () => {
  it.each([
    ['2023-01-01', '2024-12-31', 24],
    ['2024-09-01', '2028-08-31', 48],
    ['2022-07-01', '2023-06-30', 12],
    ['2023-01-15', '2024-01-14', 12],
    ['2023-01-15', '2024-01-13', 11],
  ])('a plan from %s to %s runs %i months', (start, end, months) => {
    expect(planDurationMonths(start, end)).toBe(months);
  });

  it('has no warning for two- and four-year plans', () => {
    expect(planWarnings('2023-01-01', '2024-12-31')).toEqual([]);
    expect(planWarnings('2024-09-01', '2028-08-31')).toEqual([]);
  });

  it('warns about short plans and odd lengths, without refusing them', () => {
    expect(planWarnings('2022-07-01', '2023-06-30').map((w) => w.code)).toEqual([
      'plan.shorter_than_20_months',
      'plan.not_two_or_four_years',
    ]);
    expect(planWarnings('2021-01-01', '2023-12-31').map((w) => w.code)).toEqual([
      'plan.not_two_or_four_years',
    ]);
  });

  describe('status changes', () => {
    it.each([
      ['CO_CREATION', 'SUBMITTED', 24],
      ['SUBMITTED', 'IMPLEMENTING', 24],
      ['SUBMITTED', 'CO_CREATION', 24],
      ['IMPLEMENTING', 'ENDED', 24],
      ['IMPLEMENTING', 'MIDTERM_REVIEW', 48],
      ['MIDTERM_REVIEW', 'IMPLEMENTING', 48],
      ['MIDTERM_REVIEW', 'ENDED', 48],
      ['ENDED', 'ENDED', 24],
    ] as const)('allows %s → %s (%i months)', (from, to, months) => {
      expect(statusChangeProblem(from, to, months)).toBeUndefined();
    });

    it.each([
      ['CO_CREATION', 'IMPLEMENTING', 24, /from CO_CREATION a plan goes to SUBMITTED/],
      ['IMPLEMENTING', 'MIDTERM_REVIEW', 24, /only four-year plans/],
      ['ENDED', 'IMPLEMENTING', 24, /ended/],
      ['IMPLEMENTING', 'CO_CREATION', 24, /cannot go from IMPLEMENTING/],
    ] as const)('refuses %s → %s (%i months)', (from, to, months, reason) => {
      expect(statusChangeProblem(from, to, months)).toMatch(reason);
    });

    it('refuses to register a two-year plan in midterm review', () => {
      expect(statusFitProblem('MIDTERM_REVIEW', 24)).toMatch(/four-year/);
      expect(statusFitProblem('MIDTERM_REVIEW', 48)).toBeUndefined();
      expect(statusFitProblem('ENDED', 24)).toBeUndefined();
    });
  });
});
