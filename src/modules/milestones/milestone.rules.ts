import type { FieldError } from '../../common/errors/domain-error.js';
import { type DatePrecision, partialDateProblems } from '../../common/dates/partial-date.rules.js';

export const MILESTONE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'WITHDRAWN'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface MilestoneShape {
  startDate: string | null;
  startDatePrecision: DatePrecision;
  dueDate: string;
  dueDatePrecision: DatePrecision;
  status: MilestoneStatus;
  completedOn: string | null;
}

/**
 * What is wrong with a milestone as a whole: its dates aligned and in order, and a completion date
 * exactly when it is complete, never in the future (`today` as YYYY-MM-DD) nor before it started.
 */
export function milestoneProblems(m: MilestoneShape, today: string): FieldError[] {
  const problems = partialDateProblems(
    {
      field: 'startDate',
      value: m.startDate ? { date: m.startDate, precision: m.startDatePrecision } : undefined,
    },
    { field: 'dueDate', value: { date: m.dueDate, precision: m.dueDatePrecision } },
  );
  if (m.status === 'COMPLETE') {
    if (m.completedOn === null)
      problems.push({ field: 'completedOn', message: 'is required when the status is COMPLETE' });
    else if (m.completedOn > today)
      problems.push({ field: 'completedOn', message: `cannot be in the future (today is ${today})` });
    else if (m.startDate && m.completedOn < m.startDate)
      problems.push({ field: 'completedOn', message: `cannot be before startDate (${m.startDate})` });
  } else if (m.completedOn !== null) {
    problems.push({
      field: 'completedOn',
      message: `only a COMPLETE milestone has a completion date; this one is ${m.status}`,
    });
  }
  return problems;
}

/**
 * The completion date a status change implies: completing without a date means today; leaving
 * COMPLETE clears the date.
 */
export function completionDateFor(
  status: MilestoneStatus,
  given: string | null | undefined,
  current: string | null,
  today: string,
): string | null {
  if (status !== 'COMPLETE') return given === undefined ? null : given;
  if (given !== undefined && given !== null) return given;
  return current ?? today;
}
