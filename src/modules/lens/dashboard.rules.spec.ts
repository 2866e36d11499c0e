import type { Completion } from '../assessments/assessment.rules.js';
import type { ReportedCompletion } from '../commitments/commitment-state.rules.js';
import type { DigitalGovernanceArea, LinkType } from '../commitments/commitment.rules.js';
import type { SmartSummary } from '../commitments/smart.rules.js';
import {
  commitmentCounts,
  type DashboardCommitment,
  ecosystemCoverage,
  forumCadence,
  highestLevel,
  type LinkFact,
} from './dashboard.rules.js';

describe('forum cadence', () => {
  const plan = { startDate: '2024-01-01', endDate: '2025-12-31' };

  it('plan not started: nothing assessed, co-creation meetings counted apart', () => {
    expect(
      forumCadence(
        { startDate: '2025-01-01', endDate: '2026-12-31' },
        ['2024-10-01', '2024-12-01'],
        '2024-11-15',
      ),
    ).toEqual({
      requiredEveryMonths: 6,
      meetingsDuringPlan: 0,
      meetingsBeforePlan: 2,
      assessedUntil: null,
      metEverySixMonths: null,
      longestGapDays: null,
      gaps: [],
    });
  });

  it('met regularly: every gap within six months, longest 172 days', () => {
    const meetings = ['2025-02-20', '2024-03-15', '2025-06-01', '2024-09-01'];
    expect(forumCadence(plan, meetings, '2025-06-30')).toEqual({
      requiredEveryMonths: 6,
      meetingsDuringPlan: 4,
      meetingsBeforePlan: 0,
      assessedUntil: '2025-06-30',
      metEverySixMonths: true,
      longestGapDays: 172,
      gaps: [],
    });
  });

  it('one gap over six months in the middle, closed by a meeting', () => {
    const meetings = ['2024-02-01', '2024-12-15', '2025-05-01', '2025-10-01'];
    expect(forumCadence(plan, meetings, '2025-11-01')).toEqual({
      requiredEveryMonths: 6,
      meetingsDuringPlan: 4,
      meetingsBeforePlan: 0,
      assessedUntil: '2025-11-01',
      metEverySixMonths: false,
      longestGapDays: 318,
      gaps: [{ from: '2024-02-01', to: '2024-12-15', days: 318, open: false }],
    });
  });

  it('open gap at the end of an ongoing plan; a meeting planned after today is ignored', () => {
    const result = forumCadence(
      { startDate: '2024-07-01', endDate: '2026-06-30' },
      ['2024-09-10', '2025-01-20', '2025-10-01'],
      '2025-09-15',
    );
    expect(result).toEqual({
      requiredEveryMonths: 6,
      meetingsDuringPlan: 2,
      meetingsBeforePlan: 0,
      assessedUntil: '2025-09-15',
      metEverySixMonths: false,
      longestGapDays: 238,
      gaps: [{ from: '2025-01-20', to: '2025-09-15', days: 238, open: true }],
    });
  });

  it('the gap up to today is not yet too long exactly six months after the last meeting', () => {
    const sixMonths = forumCadence(plan, ['2024-03-15'], '2024-09-15');
    expect(sixMonths.metEverySixMonths).toBe(true);
    expect(sixMonths.gaps).toEqual([]);
    const aDayMore = forumCadence(plan, ['2024-03-15'], '2024-09-16');
    expect(aDayMore.metEverySixMonths).toBe(false);
    expect(aDayMore.gaps).toEqual([{ from: '2024-03-15', to: '2024-09-16', days: 185, open: true }]);
  });

  it('meetings before the plan are counted apart and do not close the first gap', () => {
    const meetings = ['2023-10-01', '2023-12-01', '2024-08-15', '2024-12-01'];
    expect(forumCadence(plan, meetings, '2024-12-10')).toEqual({
      requiredEveryMonths: 6,
      meetingsDuringPlan: 2,
      meetingsBeforePlan: 2,
      assessedUntil: '2024-12-10',
      metEverySixMonths: false,
      longestGapDays: 227,
      gaps: [{ from: '2024-01-01', to: '2024-08-15', days: 227, open: false }],
    });
  });

  it('a meeting on the start day, and two on the same day, are one point each but every meeting counts', () => {
    const result = forumCadence(plan, ['2024-01-01', '2024-05-01', '2024-05-01'], '2024-06-01');
    expect(result.meetingsDuringPlan).toBe(3);
    expect(result.longestGapDays).toBe(121);
    expect(result.metEverySixMonths).toBe(true);
  });

  it.each([
    { last: '2025-08-31', next: '2026-02-28', days: 181, tooLong: false },
    { last: '2025-08-31', next: '2026-03-01', days: 182, tooLong: true },
    { last: '2023-08-31', next: '2024-02-29', days: 182, tooLong: false },
    { last: '2023-08-31', next: '2024-03-01', days: 183, tooLong: true },
  ])('month-end clamping: $last to $next is too long: $tooLong', ({ last, next, days, tooLong }) => {
    const start = `${last.slice(0, 7)}-01`;
    const result = forumCadence({ startDate: start, endDate: '2027-12-31' }, [last, next], next);
    expect(result.longestGapDays).toBe(days);
    expect(result.metEverySixMonths).toBe(!tooLong);
    expect(result.gaps).toEqual(tooLong ? [{ from: last, to: next, days, open: false }] : []);
  });

  it('ended plan assessed to its end date: the last months without a meeting are an open gap', () => {
    const meetings = ['2022-03-01', '2022-08-15', '2023-02-01', '2023-05-01', '2024-02-01'];
    expect(forumCadence({ startDate: '2022-01-01', endDate: '2023-12-31' }, meetings, '2025-03-01')).toEqual({
      requiredEveryMonths: 6,
      meetingsDuringPlan: 4,
      meetingsBeforePlan: 0,
      assessedUntil: '2023-12-31',
      metEverySixMonths: false,
      longestGapDays: 244,
      gaps: [{ from: '2023-05-01', to: '2023-12-31', days: 244, open: true }],
    });
  });

  it('ended plan with a meeting on its last day: the last gap is closed', () => {
    const result = forumCadence(
      { startDate: '2022-01-01', endDate: '2023-12-31' },
      ['2022-06-30', '2023-12-31'],
      '2024-06-01',
    );
    expect(result.assessedUntil).toBe('2023-12-31');
    expect(result.meetingsDuringPlan).toBe(2);
    expect(result.gaps).toEqual([{ from: '2022-06-30', to: '2023-12-31', days: 549, open: false }]);
  });

  it('plan starting today: assessed, a single point, no gap', () => {
    expect(forumCadence(plan, [], '2024-01-01')).toEqual({
      requiredEveryMonths: 6,
      meetingsDuringPlan: 0,
      meetingsBeforePlan: 0,
      assessedUntil: '2024-01-01',
      metEverySixMonths: true,
      longestGapDays: 0,
      gaps: [],
    });
  });
});

describe('ecosystem coverage', () => {
  const link = (
    from: string,
    type: LinkType,
    to: string,
    area: DigitalGovernanceArea | null = null,
  ): LinkFact => ({ type, to, from: { code: from, title: `Title ${from}`, area } });
  const policy = { code: 'KE0001', title: 'Digital strategy' };
  const ref = (code: string, linkType: LinkType, of: string) => ({
    code,
    title: `Title ${code}`,
    link: linkType,
    of,
  });

  it('policy with CO_DESIGNS and MONITORS links is connected', () => {
    const result = ecosystemCoverage(
      [policy],
      [link('KE0002', 'CO_DESIGNS', 'KE0001'), link('KE0003', 'MONITORS', 'KE0001')],
    );
    expect(result).toEqual({
      policyCommitments: 1,
      coDesigned: 1,
      overseen: 1,
      connected: 1,
      policies: [
        {
          code: 'KE0001',
          title: 'Digital strategy',
          coDesignedBy: [ref('KE0002', 'CO_DESIGNS', 'KE0001')],
          overseenBy: [ref('KE0003', 'MONITORS', 'KE0001')],
          coDesigned: true,
          overseen: true,
          connected: true,
        },
      ],
      withoutOversight: [],
    });
  });

  it('co-design via IMPLEMENTS from a SERVICE_CO_DESIGN commitment', () => {
    const result = ecosystemCoverage([policy], [link('KE0004', 'IMPLEMENTS', 'KE0001', 'SERVICE_CO_DESIGN')]);
    expect(result.policies[0].coDesignedBy).toEqual([ref('KE0004', 'IMPLEMENTS', 'KE0001')]);
    expect(result.policies[0]).toMatchObject({ coDesigned: true, overseen: false, connected: false });
    expect(result).toMatchObject({ coDesigned: 1, overseen: 0, connected: 0 });
  });

  it('oversight via monitoring the co-design commitment', () => {
    const result = ecosystemCoverage(
      [policy],
      [
        link('KE0004', 'IMPLEMENTS', 'KE0001', 'SERVICE_CO_DESIGN'),
        link('KE0005', 'MONITORS', 'KE0004', 'OVERSIGHT_AUDIT_AND_REDRESS'),
        link('KE0006', 'MONITORS', 'KE0009'),
      ],
    );
    expect(result.policies[0].overseenBy).toEqual([ref('KE0005', 'MONITORS', 'KE0004')]);
    expect(result.policies[0]).toMatchObject({ coDesigned: true, overseen: true, connected: true });
    expect(result.connected).toBe(1);
  });

  it('oversight via IMPLEMENTS from an OVERSIGHT_AUDIT_AND_REDRESS commitment', () => {
    const result = ecosystemCoverage(
      [policy],
      [link('KE0007', 'IMPLEMENTS', 'KE0001', 'OVERSIGHT_AUDIT_AND_REDRESS')],
    );
    expect(result.policies[0].overseenBy).toEqual([ref('KE0007', 'IMPLEMENTS', 'KE0001')]);
    expect(result.policies[0]).toMatchObject({ coDesigned: false, overseen: true, connected: false });
  });

  it('IMPLEMENTS from an unrelated area (or none) counts as neither', () => {
    const result = ecosystemCoverage(
      [policy],
      [
        link('KE0008', 'IMPLEMENTS', 'KE0001', 'TECHNOLOGY_REGULATION'),
        link('KE0009', 'IMPLEMENTS', 'KE0001', null),
        link('KE0010', 'MONITORS', 'KE0008'),
      ],
    );
    expect(result.policies[0]).toMatchObject({
      coDesignedBy: [],
      overseenBy: [],
      coDesigned: false,
      overseen: false,
      connected: false,
    });
  });

  it('CONTINUES never counts, whatever the area', () => {
    const result = ecosystemCoverage(
      [policy],
      [
        link('KE0011', 'CONTINUES', 'KE0001', 'SERVICE_CO_DESIGN'),
        link('KE0012', 'CONTINUES', 'KE0001', 'OVERSIGHT_AUDIT_AND_REDRESS'),
        link('KE0013', 'MONITORS', 'KE0011'),
      ],
    );
    expect(result.policies[0]).toMatchObject({ coDesignedBy: [], overseenBy: [], connected: false });
    expect(result.withoutOversight).toEqual([policy]);
  });

  it('direction matters: the policy co-designing or monitoring another commitment does not count', () => {
    const result = ecosystemCoverage(
      [policy],
      [link('KE0001', 'CO_DESIGNS', 'KE0002'), link('KE0001', 'MONITORS', 'KE0003')],
    );
    expect(result.policies[0]).toMatchObject({ coDesignedBy: [], overseenBy: [] });
  });

  it('lists each commitment once per (code, of), sorted by code then of, explicit links kept over IMPLEMENTS', () => {
    const result = ecosystemCoverage(
      [policy],
      [
        link('KE0030', 'MONITORS', 'KE0001', 'OVERSIGHT_AUDIT_AND_REDRESS'),
        link('KE0030', 'IMPLEMENTS', 'KE0001', 'OVERSIGHT_AUDIT_AND_REDRESS'),
        link('KE0030', 'MONITORS', 'KE0021'),
        link('KE0030', 'MONITORS', 'KE0020'),
        link('KE0021', 'IMPLEMENTS', 'KE0001', 'SERVICE_CO_DESIGN'),
        link('KE0021', 'CO_DESIGNS', 'KE0001', 'SERVICE_CO_DESIGN'),
        link('KE0020', 'CO_DESIGNS', 'KE0001'),
        link('KE0025', 'MONITORS', 'KE0001'),
      ],
    );
    expect(result.policies[0].coDesignedBy).toEqual([
      ref('KE0020', 'CO_DESIGNS', 'KE0001'),
      ref('KE0021', 'CO_DESIGNS', 'KE0001'),
    ]);
    expect(result.policies[0].overseenBy).toEqual([
      ref('KE0025', 'MONITORS', 'KE0001'),
      ref('KE0030', 'MONITORS', 'KE0001'),
      ref('KE0030', 'MONITORS', 'KE0020'),
      ref('KE0030', 'MONITORS', 'KE0021'),
    ]);
  });

  it('withoutOversight lists the policies nobody oversees, in the order given, with the totals', () => {
    const policies = [
      { code: 'KE0103', title: 'Data strategy' },
      { code: 'KE0101', title: 'AI policy' },
      { code: 'KE0102', title: 'Cloud policy' },
      { code: 'KE0104', title: 'Open source policy' },
    ];
    const result = ecosystemCoverage(policies, [
      link('KE0201', 'CO_DESIGNS', 'KE0103'),
      link('KE0202', 'MONITORS', 'KE0101'),
      link('KE0203', 'IMPLEMENTS', 'KE0102', 'SERVICE_CO_DESIGN'),
      link('KE0204', 'MONITORS', 'KE0203'),
      link('KE0205', 'MONITORS', 'KE0999'),
      link('KE0206', 'CONTINUES', 'KE0104'),
    ]);
    expect(result.policies.map((p) => p.code)).toEqual(['KE0103', 'KE0101', 'KE0102', 'KE0104']);
    expect(result.policies.map((p) => [p.coDesigned, p.overseen, p.connected])).toEqual([
      [true, false, false],
      [false, true, false],
      [true, true, true],
      [false, false, false],
    ]);
    expect(result).toMatchObject({ policyCommitments: 4, coDesigned: 2, overseen: 2, connected: 1 });
    expect(result.withoutOversight).toEqual([
      { code: 'KE0103', title: 'Data strategy' },
      { code: 'KE0104', title: 'Open source policy' },
    ]);
  });

  it('no policies: all zeros', () => {
    expect(ecosystemCoverage([], [link('KE0002', 'CO_DESIGNS', 'KE0001')])).toEqual({
      policyCommitments: 0,
      coDesigned: 0,
      overseen: 0,
      connected: 0,
      policies: [],
      withoutOversight: [],
    });
  });
});

describe('commitment counts', () => {
  const smart = (overrides: Partial<SmartSummary> = {}): SmartSummary => ({
    passed: true,
    errors: 0,
    warnings: 0,
    failing: [],
    warned: [],
    specificityHint: 'NONE',
    ...overrides,
  });
  const commitment = (overrides: Partial<DashboardCommitment>): DashboardCommitment => ({
    code: 'KE0000',
    area: null,
    values: [],
    completionLevel: null,
    selfReportedCompletion: null,
    independentCompletion: null,
    agreement: 'UNVERIFIED',
    overdueMilestones: 0,
    participationLevel: null,
    smart: smart(),
    ...overrides,
  });

  const emptyCounts = {
    total: 0,
    byArea: {
      DIGITAL_STRATEGY_AND_POLICY: 0,
      SERVICE_CO_DESIGN: 0,
      TECHNOLOGY_REGULATION: 0,
      FOUNDATIONAL_TECHNOLOGY_ALIGNMENT: 0,
      OVERSIGHT_AUDIT_AND_REDRESS: 0,
      NONE: 0,
    },
    byValue: {
      ACCESS_TO_INFORMATION: 0,
      CIVIC_PARTICIPATION: 0,
      PUBLIC_ACCOUNTABILITY: 0,
      TECHNOLOGY_AND_INNOVATION: 0,
    },
    relevant: 0,
    completion: {
      derived: { NOT_STARTED: 0, LIMITED: 0, SUBSTANTIAL: 0, COMPLETE: 0, NO_MILESTONES: 0 },
      selfReported: {
        NOT_STARTED: 0,
        LIMITED: 0,
        SUBSTANTIAL: 0,
        COMPLETE: 0,
        WITHDRAWN: 0,
        NOT_REPORTED: 0,
      },
      independent: {
        NO_EVIDENCE_AVAILABLE: 0,
        NOT_STARTED: 0,
        LIMITED: 0,
        SUBSTANTIAL: 0,
        COMPLETE: 0,
        WITHDRAWN: 0,
        NOT_ASSESSED: 0,
      },
      selfReportedVsIndependent: {
        matching: 0,
        selfReportedHigher: 0,
        independentHigher: 0,
        notComparable: 0,
        notBoth: 0,
      },
    },
    agreement: { CONSISTENT: 0, DIVERGENT: 0, CONTESTED: 0, UNVERIFIED: 0 },
    overdue: { milestones: 0, commitments: 0 },
    participationLevels: {
      NO_CONSULTATION: 0,
      INFORM: 0,
      CONSULT: 0,
      INVOLVE: 0,
      COLLABORATE: 0,
      EMPOWER: 0,
      NONE: 0,
    },
    smart: {
      passing: 0,
      failing: 0,
      withWarnings: 0,
      failingByLetter: { S: 0, M: 0, A: 0, R: 0, T: 0, P: 0 },
      warnedByLetter: { S: 0, M: 0, A: 0, R: 0, T: 0, P: 0 },
      specificityHint: { NONE: 0, LOW: 0, MEDIUM: 0, HIGH: 0 },
    },
  };

  it('no commitments: every key present, all zeros', () => {
    expect(commitmentCounts([])).toEqual(emptyCounts);
  });

  it('a hand-built set of eight commitments: every count', () => {
    const commitments: DashboardCommitment[] = [
      commitment({
        code: 'KE0001',
        area: 'DIGITAL_STRATEGY_AND_POLICY',
        values: ['ACCESS_TO_INFORMATION', 'TECHNOLOGY_AND_INNOVATION'],
        completionLevel: 'SUBSTANTIAL',
        selfReportedCompletion: 'SUBSTANTIAL',
        independentCompletion: 'SUBSTANTIAL',
        agreement: 'CONSISTENT',
        participationLevel: 'COLLABORATE',
        smart: smart({ warnings: 1, warned: ['M'], specificityHint: 'HIGH' }),
      }),
      commitment({
        code: 'KE0002',
        area: 'SERVICE_CO_DESIGN',
        values: ['CIVIC_PARTICIPATION'],
        completionLevel: 'LIMITED',
        selfReportedCompletion: 'COMPLETE',
        independentCompletion: 'LIMITED',
        agreement: 'DIVERGENT',
        overdueMilestones: 2,
        participationLevel: 'INVOLVE',
        smart: smart({ passed: false, errors: 2, failing: ['S', 'M'], specificityHint: 'LOW' }),
      }),
      commitment({
        code: 'KE0003',
        area: 'OVERSIGHT_AUDIT_AND_REDRESS',
        values: ['PUBLIC_ACCOUNTABILITY', 'CIVIC_PARTICIPATION'],
        completionLevel: 'NOT_STARTED',
        selfReportedCompletion: 'NOT_STARTED',
        independentCompletion: 'LIMITED',
        agreement: 'CONTESTED',
        overdueMilestones: 1,
        smart: smart({
          passed: false,
          errors: 1,
          warnings: 2,
          failing: ['T'],
          warned: ['A', 'P'],
          specificityHint: 'MEDIUM',
        }),
      }),
      commitment({
        code: 'KE0004',
        values: ['TECHNOLOGY_AND_INNOVATION'],
        participationLevel: 'CONSULT',
      }),
      commitment({
        code: 'KE0005',
        area: 'TECHNOLOGY_REGULATION',
        completionLevel: 'COMPLETE',
        selfReportedCompletion: 'WITHDRAWN',
        independentCompletion: 'WITHDRAWN',
        agreement: 'CONSISTENT',
        participationLevel: 'INFORM',
        smart: smart({ warnings: 1, warned: ['R'], specificityHint: 'HIGH' }),
      }),
      commitment({
        code: 'KE0006',
        area: 'DIGITAL_STRATEGY_AND_POLICY',
        values: ['ACCESS_TO_INFORMATION', 'PUBLIC_ACCOUNTABILITY'],
        completionLevel: 'SUBSTANTIAL',
        selfReportedCompletion: 'COMPLETE',
        independentCompletion: 'NO_EVIDENCE_AVAILABLE',
        overdueMilestones: 3,
        participationLevel: 'COLLABORATE',
        smart: smart({
          passed: false,
          errors: 3,
          warnings: 1,
          failing: ['S', 'M', 'P'],
          warned: ['R'],
          specificityHint: 'LOW',
        }),
      }),
      commitment({
        code: 'KE0007',
        area: 'SERVICE_CO_DESIGN',
        values: ['CIVIC_PARTICIPATION', 'CIVIC_PARTICIPATION'],
        completionLevel: 'LIMITED',
        selfReportedCompletion: 'WITHDRAWN',
        independentCompletion: 'COMPLETE',
        agreement: 'DIVERGENT',
        smart: smart({ specificityHint: 'MEDIUM' }),
      }),
      commitment({
        code: 'KE0008',
        selfReportedCompletion: 'LIMITED',
        participationLevel: 'NO_CONSULTATION',
      }),
    ];

    expect(commitmentCounts(commitments)).toEqual({
      total: 8,
      byArea: {
        DIGITAL_STRATEGY_AND_POLICY: 2,
        SERVICE_CO_DESIGN: 2,
        TECHNOLOGY_REGULATION: 1,
        FOUNDATIONAL_TECHNOLOGY_ALIGNMENT: 0,
        OVERSIGHT_AUDIT_AND_REDRESS: 1,
        NONE: 2,
      },
      byValue: {
        ACCESS_TO_INFORMATION: 2,
        CIVIC_PARTICIPATION: 3,
        PUBLIC_ACCOUNTABILITY: 2,
        TECHNOLOGY_AND_INNOVATION: 2,
      },
      relevant: 5,
      completion: {
        derived: { NOT_STARTED: 1, LIMITED: 2, SUBSTANTIAL: 2, COMPLETE: 1, NO_MILESTONES: 2 },
        selfReported: {
          NOT_STARTED: 1,
          LIMITED: 1,
          SUBSTANTIAL: 1,
          COMPLETE: 2,
          WITHDRAWN: 2,
          NOT_REPORTED: 1,
        },
        independent: {
          NO_EVIDENCE_AVAILABLE: 1,
          NOT_STARTED: 0,
          LIMITED: 2,
          SUBSTANTIAL: 1,
          COMPLETE: 1,
          WITHDRAWN: 1,
          NOT_ASSESSED: 2,
        },
        selfReportedVsIndependent: {
          matching: 2,
          selfReportedHigher: 1,
          independentHigher: 1,
          notComparable: 2,
          notBoth: 2,
        },
      },
      agreement: { CONSISTENT: 2, DIVERGENT: 2, CONTESTED: 1, UNVERIFIED: 3 },
      overdue: { milestones: 6, commitments: 3 },
      participationLevels: {
        NO_CONSULTATION: 1,
        INFORM: 1,
        CONSULT: 1,
        INVOLVE: 1,
        COLLABORATE: 2,
        EMPOWER: 0,
        NONE: 2,
      },
      smart: {
        passing: 5,
        failing: 3,
        withWarnings: 4,
        failingByLetter: { S: 2, M: 2, A: 0, R: 0, T: 1, P: 1 },
        warnedByLetter: { S: 0, M: 1, A: 1, R: 2, T: 0, P: 1 },
        specificityHint: { NONE: 2, LOW: 2, MEDIUM: 2, HIGH: 2 },
      },
    });
  });

  it.each<{ selfReported: ReportedCompletion | null; independent: Completion | null; outcome: string }>([
    { selfReported: 'COMPLETE', independent: 'COMPLETE', outcome: 'matching' },
    { selfReported: 'WITHDRAWN', independent: 'WITHDRAWN', outcome: 'matching' },
    { selfReported: 'SUBSTANTIAL', independent: 'LIMITED', outcome: 'selfReportedHigher' },
    { selfReported: 'LIMITED', independent: 'NOT_STARTED', outcome: 'selfReportedHigher' },
    { selfReported: 'NOT_STARTED', independent: 'COMPLETE', outcome: 'independentHigher' },
    { selfReported: 'WITHDRAWN', independent: 'LIMITED', outcome: 'notComparable' },
    { selfReported: 'COMPLETE', independent: 'WITHDRAWN', outcome: 'notComparable' },
    { selfReported: 'NOT_STARTED', independent: 'NO_EVIDENCE_AVAILABLE', outcome: 'notComparable' },
    { selfReported: 'LIMITED', independent: null, outcome: 'notBoth' },
    { selfReported: null, independent: 'LIMITED', outcome: 'notBoth' },
    { selfReported: null, independent: null, outcome: 'notBoth' },
  ])('self-reported $selfReported against independent $independent: $outcome', (row) => {
    const counts = commitmentCounts([
      commitment({ selfReportedCompletion: row.selfReported, independentCompletion: row.independent }),
    ]);
    expect(counts.completion.selfReportedVsIndependent).toEqual({
      ...emptyCounts.completion.selfReportedVsIndependent,
      [row.outcome]: 1,
    });
  });
});

describe('highest participation level', () => {
  it.each<{ levels: Parameters<typeof highestLevel>[0]; highest: ReturnType<typeof highestLevel> }>([
    { levels: [], highest: null },
    { levels: [null, null], highest: null },
    { levels: ['NO_CONSULTATION', null], highest: 'NO_CONSULTATION' },
    { levels: ['CONSULT', 'INFORM', null, 'INVOLVE', 'CONSULT'], highest: 'INVOLVE' },
    { levels: ['EMPOWER', 'COLLABORATE'], highest: 'EMPOWER' },
    { levels: [null, 'COLLABORATE', 'INFORM'], highest: 'COLLABORATE' },
  ])('of $levels is $highest', ({ levels, highest }) => {
    expect(highestLevel(levels)).toBe(highest);
  });
});
