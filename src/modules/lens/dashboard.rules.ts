import { IAP2_LEVELS, type Iap2Level } from '../action-plans/action-plan.rules.js';
import { COMPLETION, type Completion } from '../assessments/assessment.rules.js';
import { VERDICTS, type Verdict } from '../commitments/agreement.rules.js';
import {
  COMPLETION_LEVELS,
  type CompletionLevel,
  REPORTED_COMPLETIONS,
  type ReportedCompletion,
} from '../commitments/commitment-state.rules.js';
import {
  DIGITAL_GOVERNANCE_AREAS,
  type DigitalGovernanceArea,
  type LinkType,
  OGP_VALUES,
  type OgpValue,
} from '../commitments/commitment.rules.js';
import {
  SMART_LETTERS,
  SPECIFICITY_HINTS,
  type SmartLetter,
  type SmartSummary,
  type SpecificityHint,
} from '../commitments/smart.rules.js';

// The figures of a plan's dashboard, computed from plain facts: how regularly the multi-stakeholder
// forum met, whether the digital policies of the plan are connected to commitments that co-design the
// services and oversee them, and counts of the plan's commitments by every dimension the tracker keeps.

// ---------------------------------------------------------------------------------------------------
// 1. Forum cadence
// ---------------------------------------------------------------------------------------------------

/** OGP asks the multi-stakeholder forum to meet at least every six months during the plan. */
const REQUIRED_EVERY_MONTHS = 6;

export interface ForumCadence {
  requiredEveryMonths: 6;
  /** Meetings held within [plan.startDate, assessedUntil] (each meeting date given counts). */
  meetingsDuringPlan: number;
  /** Meetings held before plan.startDate (co-creation). */
  meetingsBeforePlan: number;
  /** min(plan.endDate, today); null when the plan has not started (today < startDate). */
  assessedUntil: string | null;
  /** Null when the plan has not started. */
  metEverySixMonths: boolean | null;
  /** Longest gap in days between consecutive points; 0 with a single point; null when not started. */
  longestGapDays: number | null;
  /** Only the gaps longer than six months, in date order. */
  gaps: { from: string; to: string; days: number; open: boolean }[];
}

function utcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Calendar months later; a day the month lacks clamps to its last day (2025-08-31 + 6 = 2026-02-28). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, lastDay));
}

/**
 * How regularly the forum met during the plan, up to today or the plan's end, whichever is first.
 * The points are the plan's start, every meeting date in [start, assessedUntil] (once each), and
 * assessedUntil; a gap between consecutive points is too long when the later point falls after the
 * earlier one plus six calendar months. The last gap is open when it runs to assessedUntil rather than
 * to a meeting. Meetings after assessedUntil are ignored.
 */
export function forumCadence(
  plan: { startDate: string; endDate: string },
  meetingDates: string[],
  today: string,
): ForumCadence {
  const meetingsBeforePlan = meetingDates.filter((date) => date < plan.startDate).length;
  if (today < plan.startDate) {
    return {
      requiredEveryMonths: REQUIRED_EVERY_MONTHS,
      meetingsDuringPlan: 0,
      meetingsBeforePlan,
      assessedUntil: null,
      metEverySixMonths: null,
      longestGapDays: null,
      gaps: [],
    };
  }

  const assessedUntil = plan.endDate < today ? plan.endDate : today;
  const during = meetingDates.filter((date) => date >= plan.startDate && date <= assessedUntil);
  const meetings = new Set(during);
  const points = [...new Set([plan.startDate, ...[...meetings].sort(), assessedUntil])];

  let longestGapDays = 0;
  const gaps: ForumCadence['gaps'] = [];
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    const days = daysBetween(from, to);
    longestGapDays = Math.max(longestGapDays, days);
    if (to > addMonths(from, REQUIRED_EVERY_MONTHS)) {
      const open = i === points.length - 1 && !meetings.has(to);
      gaps.push({ from, to, days, open });
    }
  }

  return {
    requiredEveryMonths: REQUIRED_EVERY_MONTHS,
    meetingsDuringPlan: during.length,
    meetingsBeforePlan,
    assessedUntil,
    metEverySixMonths: gaps.length === 0,
    longestGapDays,
    gaps,
  };
}

// ---------------------------------------------------------------------------------------------------
// 2. Ecosystem coverage
// ---------------------------------------------------------------------------------------------------

/** A directed link `from -type-> to`: "from TYPEs to" (X MONITORS P: X monitors P). */
export interface LinkFact {
  type: LinkType;
  /** The code of the target. */
  to: string;
  from: { code: string; title: string; area: DigitalGovernanceArea | null };
}

export interface EcosystemLinkRef {
  code: string;
  title: string;
  link: LinkType;
  /** The code it links to: the policy, or for oversight of a co-design commitment, that commitment. */
  of: string;
}

export interface PolicyCoverage {
  code: string;
  title: string;
  coDesignedBy: EcosystemLinkRef[];
  overseenBy: EcosystemLinkRef[];
  coDesigned: boolean;
  overseen: boolean;
  /** coDesigned && overseen. */
  connected: boolean;
}

export interface EcosystemCoverage {
  policyCommitments: number;
  coDesigned: number;
  overseen: number;
  connected: number;
  /** In the order given. */
  policies: PolicyCoverage[];
  withoutOversight: { code: string; title: string }[];
}

function isCoDesign(link: LinkFact): boolean {
  return link.type === 'CO_DESIGNS' || (link.type === 'IMPLEMENTS' && link.from.area === 'SERVICE_CO_DESIGN');
}

function isDirectOversight(link: LinkFact): boolean {
  return (
    link.type === 'MONITORS' ||
    (link.type === 'IMPLEMENTS' && link.from.area === 'OVERSIGHT_AUDIT_AND_REDRESS')
  );
}

/**
 * One reference per (code, of) pair, sorted by code then `of`. When two links give the same pair the
 * explicit one (CO_DESIGNS, MONITORS) is kept over IMPLEMENTS.
 */
function uniqueRefs(refs: EcosystemLinkRef[]): EcosystemLinkRef[] {
  const byPair = new Map<string, EcosystemLinkRef>();
  for (const ref of refs) {
    const key = `${ref.code}\u0000${ref.of}`;
    const kept = byPair.get(key);
    if (kept === undefined || (kept.link === 'IMPLEMENTS' && ref.link !== 'IMPLEMENTS')) byPair.set(key, ref);
  }
  return [...byPair.values()].sort((a, b) =>
    a.code !== b.code ? (a.code < b.code ? -1 : 1) : a.of < b.of ? -1 : a.of > b.of ? 1 : 0,
  );
}

function refOf(link: LinkFact): EcosystemLinkRef {
  return { code: link.from.code, title: link.from.title, link: link.type, of: link.to };
}

/**
 * For each commitment on digital strategy and policy, who co-designs the services and who oversees:
 *   - co-designed by X when X CO_DESIGNS P, or X IMPLEMENTS P with X in SERVICE_CO_DESIGN;
 *   - overseen by X when X MONITORS P, or X IMPLEMENTS P with X in OVERSIGHT_AUDIT_AND_REDRESS, or X
 *     MONITORS a commitment that co-designs P.
 * CONTINUES never counts; links that concern none of this are ignored.
 */
export function ecosystemCoverage(
  policies: { code: string; title: string }[],
  links: LinkFact[],
): EcosystemCoverage {
  const coverages = policies.map(({ code, title }): PolicyCoverage => {
    const coDesignedBy = uniqueRefs(links.filter((l) => l.to === code && isCoDesign(l)).map(refOf));
    const designers = new Set(coDesignedBy.map((ref) => ref.code));
    const overseenBy = uniqueRefs(
      links
        .filter(
          (l) => (l.to === code && isDirectOversight(l)) || (l.type === 'MONITORS' && designers.has(l.to)),
        )
        .map(refOf),
    );
    const coDesigned = coDesignedBy.length > 0;
    const overseen = overseenBy.length > 0;
    return {
      code,
      title,
      coDesignedBy,
      overseenBy,
      coDesigned,
      overseen,
      connected: coDesigned && overseen,
    };
  });
  return {
    policyCommitments: coverages.length,
    coDesigned: coverages.filter((p) => p.coDesigned).length,
    overseen: coverages.filter((p) => p.overseen).length,
    connected: coverages.filter((p) => p.connected).length,
    policies: coverages,
    withoutOversight: coverages.filter((p) => !p.overseen).map(({ code, title }) => ({ code, title })),
  };
}

// ---------------------------------------------------------------------------------------------------
// 3. Commitment counts
// ---------------------------------------------------------------------------------------------------

export interface DashboardCommitment {
  code: string;
  area: DigitalGovernanceArea | null;
  values: OgpValue[];
  /** Derived from milestones; null with no milestone to count. */
  completionLevel: CompletionLevel | null;
  selfReportedCompletion: ReportedCompletion | null;
  independentCompletion: Completion | null;
  agreement: Verdict;
  overdueMilestones: number;
  participationLevel: Iap2Level | null;
  smart: SmartSummary;
}

export interface CommitmentCounts {
  total: number;
  /** Every key present, zeros included. */
  byArea: Record<DigitalGovernanceArea | 'NONE', number>;
  /** A commitment counts once per value it has. */
  byValue: Record<OgpValue, number>;
  /** Has at least one of the three core values (technology alone is not enough). */
  relevant: number;
  completion: {
    derived: Record<CompletionLevel | 'NO_MILESTONES', number>;
    selfReported: Record<ReportedCompletion | 'NOT_REPORTED', number>;
    independent: Record<Completion | 'NOT_ASSESSED', number>;
    selfReportedVsIndependent: {
      matching: number;
      selfReportedHigher: number;
      independentHigher: number;
      notComparable: number;
      notBoth: number;
    };
  };
  agreement: Record<Verdict, number>;
  /** The sum of overdue milestones; the commitments with at least one. */
  overdue: { milestones: number; commitments: number };
  participationLevels: Record<Iap2Level | 'NONE', number>;
  smart: {
    passing: number;
    failing: number;
    /** warnings > 0, passing or not. */
    withWarnings: number;
    /** Commitments whose letter fails. */
    failingByLetter: Record<SmartLetter, number>;
    warnedByLetter: Record<SmartLetter, number>;
    specificityHint: Record<SpecificityHint, number>;
  };
}

const CORE_VALUES: readonly OgpValue[] = [
  'ACCESS_TO_INFORMATION',
  'CIVIC_PARTICIPATION',
  'PUBLIC_ACCOUNTABILITY',
];

/** The completion scale both sides share: NOT_STARTED < LIMITED < SUBSTANTIAL < COMPLETE. */
const COMPLETION_ORDER: readonly string[] = COMPLETION_LEVELS;

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

type Comparison = keyof CommitmentCounts['completion']['selfReportedVsIndependent'];

function compareCompletions(
  selfReported: ReportedCompletion | null,
  independent: Completion | null,
): Comparison {
  if (selfReported === null || independent === null) return 'notBoth';
  if (selfReported === independent) return 'matching';
  const self = COMPLETION_ORDER.indexOf(selfReported);
  const other = COMPLETION_ORDER.indexOf(independent);
  if (self < 0 || other < 0) return 'notComparable';
  return self > other ? 'selfReportedHigher' : 'independentHigher';
}

/** Counts of the commitments by area, value, completion, agreement, overdue milestones, participation and SMART. */
export function commitmentCounts(commitments: DashboardCommitment[]): CommitmentCounts {
  const counts: CommitmentCounts = {
    total: commitments.length,
    byArea: zeros([...DIGITAL_GOVERNANCE_AREAS, 'NONE']),
    byValue: zeros(OGP_VALUES),
    relevant: 0,
    completion: {
      derived: zeros([...COMPLETION_LEVELS, 'NO_MILESTONES']),
      selfReported: zeros([...REPORTED_COMPLETIONS, 'NOT_REPORTED']),
      independent: zeros([...COMPLETION, 'NOT_ASSESSED']),
      selfReportedVsIndependent: {
        matching: 0,
        selfReportedHigher: 0,
        independentHigher: 0,
        notComparable: 0,
        notBoth: 0,
      },
    },
    agreement: zeros(VERDICTS),
    overdue: { milestones: 0, commitments: 0 },
    participationLevels: zeros([...IAP2_LEVELS, 'NONE']),
    smart: {
      passing: 0,
      failing: 0,
      withWarnings: 0,
      failingByLetter: zeros(SMART_LETTERS),
      warnedByLetter: zeros(SMART_LETTERS),
      specificityHint: zeros(SPECIFICITY_HINTS),
    },
  };

  for (const c of commitments) {
    counts.byArea[c.area ?? 'NONE'] += 1;
    const values = new Set(c.values);
    for (const value of values) counts.byValue[value] += 1;
    if (CORE_VALUES.some((value) => values.has(value))) counts.relevant += 1;

    const { completion } = counts;
    completion.derived[c.completionLevel ?? 'NO_MILESTONES'] += 1;
    completion.selfReported[c.selfReportedCompletion ?? 'NOT_REPORTED'] += 1;
    completion.independent[c.independentCompletion ?? 'NOT_ASSESSED'] += 1;
    completion.selfReportedVsIndependent[
      compareCompletions(c.selfReportedCompletion, c.independentCompletion)
    ] += 1;

    counts.agreement[c.agreement] += 1;
    counts.overdue.milestones += c.overdueMilestones;
    if (c.overdueMilestones > 0) counts.overdue.commitments += 1;
    counts.participationLevels[c.participationLevel ?? 'NONE'] += 1;

    const { smart } = counts;
    if (c.smart.passed) smart.passing += 1;
    else smart.failing += 1;
    if (c.smart.warnings > 0) smart.withWarnings += 1;
    for (const letter of new Set<SmartLetter>(c.smart.failing)) smart.failingByLetter[letter] += 1;
    for (const letter of new Set<SmartLetter>(c.smart.warned)) smart.warnedByLetter[letter] += 1;
    smart.specificityHint[c.smart.specificityHint] += 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------
// 4. Participation levels
// ---------------------------------------------------------------------------------------------------

/** The highest level on the IAP2 spectrum (NO_CONSULTATION < ... < EMPOWER), nulls ignored; null if none. */
export function highestLevel(levels: (Iap2Level | null)[]): Iap2Level | null {
  let highest: Iap2Level | null = null;
  for (const level of levels) {
    if (level === null) continue;
    if (highest === null || IAP2_LEVELS.indexOf(level) > IAP2_LEVELS.indexOf(highest)) highest = level;
  }
  return highest;
}
