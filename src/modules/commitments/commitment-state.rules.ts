import { type DatePrecision, periodEnd } from '../../common/dates/partial-date.rules.js';

// A commitment's state as its milestones say it is: derived, never typed in.

export const COMPLETION_LEVELS = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'] as const;
export type CompletionLevel = (typeof COMPLETION_LEVELS)[number];

/** A self-reported completion (what a point of contact says), as OGP's completion scale has it. */
export const REPORTED_COMPLETIONS = [
  'NOT_STARTED',
  'LIMITED',
  'SUBSTANTIAL',
  'COMPLETE',
  'WITHDRAWN',
] as const;
export type ReportedCompletion = (typeof REPORTED_COMPLETIONS)[number];

/** The thresholds, as stated in the API description: the share of weight of complete milestones. */
export const COMPLETION_THRESHOLDS = { limitedAbove: 0, substantialFrom: 0.5, complete: 1 } as const;

export interface MilestoneFacts {
  weight: number;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'WITHDRAWN';
  dueDate: string;
  dueDatePrecision: DatePrecision;
  completedOn: string | null;
}

/** Weighted share (0..1) of complete milestones; withdrawn ones are left out. Null with nothing to count. */
export function progressShare(milestones: MilestoneFacts[]): number | null {
  const counted = milestones.filter((m) => m.status !== 'WITHDRAWN');
  const total = counted.reduce((sum, m) => sum + m.weight, 0);
  if (counted.length === 0 || total <= 0) return null;
  const complete = counted.filter((m) => m.status === 'COMPLETE').reduce((sum, m) => sum + m.weight, 0);
  return complete / total;
}

/** 0 → NOT_STARTED, under half → LIMITED, half or more → SUBSTANTIAL, all → COMPLETE. */
export function completionLevel(share: number | null): CompletionLevel | null {
  if (share === null) return null;
  if (share >= COMPLETION_THRESHOLDS.complete) return 'COMPLETE';
  if (share >= COMPLETION_THRESHOLDS.substantialFrom) return 'SUBSTANTIAL';
  if (share > COMPLETION_THRESHOLDS.limitedAbove) return 'LIMITED';
  return 'NOT_STARTED';
}

/**
 * Is a milestone overdue on `today` (YYYY-MM-DD)? Its due period has ended and it is neither complete
 * nor withdrawn. The period follows the date's precision: a milestone due "2026" is overdue from
 * 2027-01-01, one due "Q3 2025" from 2025-10-01.
 */
export function isOverdue(milestone: MilestoneFacts, today: string): boolean {
  if (milestone.status === 'COMPLETE' || milestone.status === 'WITHDRAWN') return false;
  return periodEnd(milestone.dueDate, milestone.dueDatePrecision) < today;
}

/**
 * On time: nothing overdue, and every complete milestone completed within its due period. Null
 * when there is nothing to judge (no milestones, or all withdrawn).
 */
export function isOnTime(milestones: MilestoneFacts[], today: string): boolean | null {
  const counted = milestones.filter((m) => m.status !== 'WITHDRAWN');
  if (counted.length === 0) return null;
  return counted.every((m) =>
    m.status === 'COMPLETE'
      ? m.completedOn !== null && m.completedOn <= periodEnd(m.dueDate, m.dueDatePrecision)
      : !isOverdue(m, today),
  );
}

export interface CommitmentState {
  /** Weighted share of complete milestones, 0 to 1 (rounded to 3 places); null without milestones. */
  progress: number | null;
  completionLevel: CompletionLevel | null;
  overdueMilestones: number;
  onTime: boolean | null;
  /** The completion the latest progress update on the commitment reported. */
  selfReportedCompletion: ReportedCompletion | null;
}

export function commitmentState(
  milestones: MilestoneFacts[],
  selfReported: ReportedCompletion | null,
  today: string,
): CommitmentState {
  const share = progressShare(milestones);
  return {
    progress: share === null ? null : Math.round(share * 1000) / 1000,
    completionLevel: completionLevel(share),
    overdueMilestones: milestones.filter((m) => isOverdue(m, today)).length,
    onTime: isOnTime(milestones, today),
    selfReportedCompletion: selfReported,
  };
}
