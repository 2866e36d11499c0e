import {
  commitmentState,
  completionLevel,
  isOnTime,
  isOverdue,
  type MilestoneFacts,
  progressShare,
} from './commitment-state.rules.js';

function aMilestone(overrides: Partial<MilestoneFacts> = {}): MilestoneFacts {
  return {
    weight: 1,
    status: 'NOT_STARTED',
    dueDate: '2026-06-30',
    dueDatePrecision: 'DAY',
    completedOn: null,
    ...overrides,
  };
}
const done = (overrides: Partial<MilestoneFacts> = {}) =>
  aMilestone({ status: 'COMPLETE', completedOn: '2026-05-01', ...overrides });

describe('progress', () => {
  it('is the weighted share of complete milestones', () => {
    expect(progressShare([done({ weight: 3 }), aMilestone({ weight: 1 })])).toBe(0.75);
    expect(progressShare([done(), aMilestone(), aMilestone(), aMilestone()])).toBe(0.25);
  });

  it('leaves withdrawn milestones out', () => {
    expect(progressShare([done(), aMilestone({ status: 'WITHDRAWN' })])).toBe(1);
  });

  it('is unknown with no milestone to count', () => {
    expect(progressShare([])).toBeNull();
    expect(progressShare([aMilestone({ status: 'WITHDRAWN' })])).toBeNull();
  });
});

describe('completion level', () => {
  it.each([
    [0, 'NOT_STARTED'],
    [0.01, 'LIMITED'],
    [0.499, 'LIMITED'],
    [0.5, 'SUBSTANTIAL'],
    [0.99, 'SUBSTANTIAL'],
    [1, 'COMPLETE'],
  ])('of a share of %p is %s', (share, level) => expect(completionLevel(share)).toBe(level));

  it('is unknown when progress is', () => expect(completionLevel(null)).toBeNull());
});

describe('overdue and on time', () => {
  it('counts a milestone overdue once its due period has ended, by the precision of its date', () => {
    const dueIn2026 = aMilestone({ dueDate: '2026-01-01', dueDatePrecision: 'YEAR' });
    expect(isOverdue(dueIn2026, '2026-12-31')).toBe(false);
    expect(isOverdue(dueIn2026, '2027-01-01')).toBe(true);
    const dueQ3 = aMilestone({ dueDate: '2025-07-01', dueDatePrecision: 'QUARTER', status: 'IN_PROGRESS' });
    expect(isOverdue(dueQ3, '2025-09-30')).toBe(false);
    expect(isOverdue(dueQ3, '2025-10-01')).toBe(true);
  });

  it('never counts complete or withdrawn milestones overdue', () => {
    expect(isOverdue(done({ dueDate: '2020-01-01' }), '2026-01-01')).toBe(false);
    expect(isOverdue(aMilestone({ status: 'WITHDRAWN', dueDate: '2020-01-01' }), '2026-01-01')).toBe(false);
  });

  it('is on time when nothing is overdue and everything done was done within its period', () => {
    expect(isOnTime([done(), aMilestone()], '2026-06-30')).toBe(true);
    expect(isOnTime([done(), aMilestone()], '2026-07-01')).toBe(false);
    expect(isOnTime([done({ completedOn: '2026-07-15' })], '2026-08-01')).toBe(false);
    expect(
      isOnTime(
        [done({ dueDate: '2026-07-01', dueDatePrecision: 'MONTH', completedOn: '2026-07-31' })],
        '2026-08-01',
      ),
    ).toBe(true);
    expect(isOnTime([], '2026-01-01')).toBeNull();
  });
});

describe('commitmentState', () => {
  it('puts it all together, with the latest self-reported completion', () => {
    const state = commitmentState(
      [
        done({ weight: 2 }),
        aMilestone({ dueDate: '2026-01-31' }),
        aMilestone({ status: 'WITHDRAWN', dueDate: '2020-01-01' }),
      ],
      'SUBSTANTIAL',
      '2026-11-24',
    );
    expect(state).toEqual({
      progress: 0.667,
      completionLevel: 'SUBSTANTIAL',
      overdueMilestones: 1,
      onTime: false,
      selfReportedCompletion: 'SUBSTANTIAL',
    });
  });
});
