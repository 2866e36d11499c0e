import { COMMITMENT_CODE, type CommitmentShape, commitmentProblems } from './commitment.rules.js';

function aCommitment(overrides: Partial<CommitmentShape> = {}): CommitmentShape {
  return {
    code: 'KE0037',
    startDate: '2023-01-01',
    startDatePrecision: 'DAY',
    endDate: '2024-12-31',
    endDatePrecision: 'DAY',
    ...overrides,
  };
}

describe('commitment codes', () => {
  it.each(['KE0037', 'PNG0006', 'BUE0009', 'AL0002'])('accepts %s', (code) =>
    expect(COMMITMENT_CODE.test(code)).toBe(true),
  );
  it.each(['K0037', 'KENY0037', 'KE037', 'KE00371', 'ke0037', 'KE-0037'])('refuses %s', (code) =>
    expect(COMMITMENT_CODE.test(code)).toBe(false),
  );
});

describe('commitmentProblems', () => {
  it('finds nothing wrong with a well-formed commitment', () => {
    expect(commitmentProblems(aCommitment())).toEqual([]);
  });

  it('accepts dates at a coarser precision when they are the first day of their period', () => {
    expect(
      commitmentProblems(
        aCommitment({
          startDate: '2025-07-01',
          startDatePrecision: 'QUARTER',
          endDate: '2026-01-01',
          endDatePrecision: 'YEAR',
        }),
      ),
    ).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(commitmentProblems(aCommitment({ startDate: '2025-01-01', endDate: '2024-12-31' }))).toEqual([
      { field: 'endDate', message: 'must not be before startDate (2025-01-01), got 2024-12-31' },
    ]);
  });

  it('refuses a quarter date that is not the first day of a quarter', () => {
    const problems = commitmentProblems(
      aCommitment({ startDate: '2025-08-01', startDatePrecision: 'QUARTER' }),
    );
    expect(problems.map((p) => p.field)).toEqual(['startDate']);
  });

  it('refuses repeated values, tags, institutions and links', () => {
    const problems = commitmentProblems(
      aCommitment({
        values: [{ value: 'CIVIC_PARTICIPATION' }, { value: 'CIVIC_PARTICIPATION' }],
        tags: ['open-data', 'open-data'],
        supportingInstitutionIds: ['a', 'a'],
        links: [
          { type: 'MONITORS', target: 'KE0040' },
          { type: 'MONITORS', target: 'KE0040' },
        ],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'values[1].value',
      'tags[1]',
      'supportingInstitutionIds[1]',
      'links[1]',
    ]);
  });

  it('refuses a link to itself', () => {
    expect(commitmentProblems(aCommitment({ links: [{ type: 'CONTINUES', target: 'KE0037' }] }))).toEqual([
      { field: 'links[0].target', message: 'a commitment cannot link to itself' },
    ]);
  });

  it('refuses the lead institution among the supporting ones', () => {
    expect(
      commitmentProblems(aCommitment({ leadInstitutionId: 'x', supportingInstitutionIds: ['y', 'x'] })),
    ).toEqual([{ field: 'supportingInstitutionIds[1]', message: 'is already the lead institution' }]);
  });
});
