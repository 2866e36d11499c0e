import { completionDateFor, type MilestoneShape, milestoneProblems } from './milestone.rules.js';

const TODAY = '2026-11-24';

function aMilestone(overrides: Partial<MilestoneShape> = {}): MilestoneShape {
  return {
    startDate: '2025-01-01',
    startDatePrecision: 'DAY',
    dueDate: '2025-09-30',
    dueDatePrecision: 'DAY',
    status: 'IN_PROGRESS',
    completedOn: null,
    ...overrides,
  };
}

describe('milestoneProblems', () => {
  it('accepts a milestone in progress', () => expect(milestoneProblems(aMilestone(), TODAY)).toEqual([]));

  it('accepts a complete milestone with its completion date', () => {
    expect(milestoneProblems(aMilestone({ status: 'COMPLETE', completedOn: '2025-09-15' }), TODAY)).toEqual(
      [],
    );
  });

  it('requires a completion date when complete', () => {
    expect(milestoneProblems(aMilestone({ status: 'COMPLETE' }), TODAY)).toEqual([
      { field: 'completedOn', message: 'is required when the status is COMPLETE' },
    ]);
  });

  it('refuses a completion date in the future or before the start', () => {
    expect(
      milestoneProblems(aMilestone({ status: 'COMPLETE', completedOn: '2026-11-25' }), TODAY)[0].message,
    ).toMatch(/future/);
    expect(
      milestoneProblems(aMilestone({ status: 'COMPLETE', completedOn: '2024-12-31' }), TODAY)[0].message,
    ).toMatch(/before startDate/);
  });

  it('refuses a completion date on a milestone that is not complete', () => {
    expect(milestoneProblems(aMilestone({ status: 'WITHDRAWN', completedOn: '2025-05-01' }), TODAY)).toEqual([
      {
        field: 'completedOn',
        message: 'only a COMPLETE milestone has a completion date; this one is WITHDRAWN',
      },
    ]);
  });

  it('refuses a due date before the start and a misaligned due date', () => {
    expect(milestoneProblems(aMilestone({ dueDate: '2024-12-01' }), TODAY).map((p) => p.field)).toEqual([
      'dueDate',
    ]);
    expect(
      milestoneProblems(aMilestone({ dueDate: '2025-09-15', dueDatePrecision: 'MONTH' }), TODAY).map(
        (p) => p.field,
      ),
    ).toEqual(['dueDate']);
  });
});

describe('completionDateFor', () => {
  it('dates a completion today when no date is given', () =>
    expect(completionDateFor('COMPLETE', undefined, null, TODAY)).toBe(TODAY));
  it('keeps the date given', () =>
    expect(completionDateFor('COMPLETE', '2026-10-01', null, TODAY)).toBe('2026-10-01'));
  it('keeps the date already recorded', () =>
    expect(completionDateFor('COMPLETE', undefined, '2026-01-05', TODAY)).toBe('2026-01-05'));
  it('clears the date when the milestone is no longer complete', () =>
    expect(completionDateFor('IN_PROGRESS', undefined, '2026-01-05', TODAY)).toBeNull());
  it('passes a date given with another status on, for the rules to refuse', () =>
    expect(completionDateFor('WITHDRAWN', '2026-01-05', null, TODAY)).toBe('2026-01-05'));
});
