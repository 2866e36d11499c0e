export const ACTION_PLAN_STATUSES = [
  'CO_CREATION',
  'SUBMITTED',
  'IMPLEMENTING',
  'MIDTERM_REVIEW',
  'ENDED',
] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

/** The IAP2 spectrum of public participation, from none to decisions in the public's hands. */
export const IAP2_LEVELS = [
  'NO_CONSULTATION',
  'INFORM',
  'CONSULT',
  'INVOLVE',
  'COLLABORATE',
  'EMPOWER',
] as const;
export type Iap2Level = (typeof IAP2_LEVELS)[number];

export const PARTICIPATION_OPENNESS = ['OPEN', 'INVITATION_ONLY'] as const;
export type ParticipationOpenness = (typeof PARTICIPATION_OPENNESS)[number];

/** Whole months a plan runs, counting its last day: 2023-01-01 .. 2024-12-31 is 24 months. */
export function planDurationMonths(startDate: string, endDate: string): number {
  const [sy, sm, sd] = startDate.split('-').map(Number);
  const end = new Date(`${endDate}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const [ey, em, ed] = [end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate()];
  return (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0);
}

/** Four-year plans have a midterm review; anything over three years counts as one. */
export function isFourYearPlan(durationMonths: number): boolean {
  return durationMonths > 36;
}

export interface PlanWarning {
  code: string;
  message: string;
}

/**
 * OGP now asks for two- or four-year plans of at least 20 months, but older plans ran one to three
 * years: these are warnings to show, never reasons to refuse real data.
 */
export function planWarnings(startDate: string, endDate: string): PlanWarning[] {
  const months = planDurationMonths(startDate, endDate);
  const warnings: PlanWarning[] = [];
  if (months < 20) {
    warnings.push({
      code: 'plan.shorter_than_20_months',
      message: `The plan runs ${months} months; OGP asks for at least 20.`,
    });
  }
  if (Math.abs(months - 24) > 3 && Math.abs(months - 48) > 3) {
    warnings.push({
      code: 'plan.not_two_or_four_years',
      message: `The plan runs ${months} months; OGP plans now run two or four years.`,
    });
  }
  return warnings;
}

const NEXT: Record<ActionPlanStatus, ActionPlanStatus[]> = {
  CO_CREATION: ['SUBMITTED'],
  SUBMITTED: ['CO_CREATION', 'IMPLEMENTING'],
  IMPLEMENTING: ['MIDTERM_REVIEW', 'ENDED'],
  MIDTERM_REVIEW: ['IMPLEMENTING', 'ENDED'],
  ENDED: [],
};

/**
 * Why a plan may not move from one status to another, or undefined when it may. Plans go
 * CO_CREATION → SUBMITTED → IMPLEMENTING → ENDED; a submitted plan can go back to co-creation; only
 * four-year plans have a MIDTERM_REVIEW, after which implementation resumes.
 */
export function statusChangeProblem(
  from: ActionPlanStatus,
  to: ActionPlanStatus,
  durationMonths: number,
): string | undefined {
  if (from === to) return undefined;
  if (to === 'MIDTERM_REVIEW' && !isFourYearPlan(durationMonths)) {
    return `only four-year plans have a midterm review; this plan runs ${durationMonths} months`;
  }
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from];
    return allowed.length === 0
      ? `cannot change: the plan has ${from === 'ENDED' ? 'ended' : from}`
      : `cannot go from ${from} to ${to}; from ${from} a plan goes to ${allowed.join(' or ')}`;
  }
  return undefined;
}

/** Whether a plan of this length can be in this status: at registration, or after its dates change. */
export function statusFitProblem(status: ActionPlanStatus, durationMonths: number): string | undefined {
  if (status === 'MIDTERM_REVIEW' && !isFourYearPlan(durationMonths)) {
    return `only four-year plans have a midterm review; this plan runs ${durationMonths} months`;
  }
  return undefined;
}
