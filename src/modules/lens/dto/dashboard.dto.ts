import { ApiProperty } from '@nestjs/swagger';
import { IAP2_LEVELS, type Iap2Level, PARTICIPATION_OPENNESS } from '../../action-plans/action-plan.rules.js';
import type { ParticipationOpenness } from '../../action-plans/action-plan.rules.js';
import { ActionPlanResponse } from '../../action-plans/dto/action-plan.dto.js';
import { LINK_TYPES, type LinkType } from '../../commitments/commitment.rules.js';
import { SMART_NOTE } from '../../commitments/dto/smart.dto.js';

/** A count per key of an enumeration: every key present, zeros included. */
function Counts(keys: readonly string[], description?: string): PropertyDecorator {
  return ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `${description ? `${description} ` : ''}Keys: ${keys.join(', ')}.`,
    example: Object.fromEntries(keys.map((k) => [k, 0])),
  });
}

class CompletionComparisonResponse {
  @ApiProperty({ description: 'Self-reported and independent completion are the same.' }) matching: number;
  @ApiProperty({ description: 'The government reports more than the independent reviewer found.' })
  selfReportedHigher: number;
  @ApiProperty({ description: 'The independent reviewer found more than the government reports.' })
  independentHigher: number;
  @ApiProperty({ description: 'Both known but not on one scale (withdrawn, no evidence available).' })
  notComparable: number;
  @ApiProperty({ description: 'One or both missing.' }) notBoth: number;
}

class CompletionCountsResponse {
  @Counts(
    ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NO_MILESTONES'],
    'Derived from the milestones.',
  )
  derived: Record<string, number>;
  @Counts(
    ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'WITHDRAWN', 'NOT_REPORTED'],
    'The latest progress update.',
  )
  selfReported: Record<string, number>;
  @Counts(
    [
      'NOT_STARTED',
      'LIMITED',
      'SUBSTANTIAL',
      'COMPLETE',
      'WITHDRAWN',
      'NO_EVIDENCE_AVAILABLE',
      'NOT_ASSESSED',
    ],
    'The latest published independent (IRM) assessment.',
  )
  independent: Record<string, number>;
  @ApiProperty({ type: CompletionComparisonResponse })
  selfReportedVsIndependent: CompletionComparisonResponse;
}

class OverdueCountsResponse {
  @ApiProperty({ description: 'Milestones past their due period, neither complete nor withdrawn.' })
  milestones: number;
  @ApiProperty({ description: 'Commitments with at least one of them.' }) commitments: number;
}

class SmartCountsResponse {
  @ApiProperty({ description: 'Commitments with no SMART failure.' }) passing: number;
  @ApiProperty({ description: 'Commitments with at least one SMART failure.' }) failing: number;
  @ApiProperty({ description: 'Commitments with at least one warning.' }) withWarnings: number;
  @Counts(['S', 'M', 'A', 'R', 'T', 'P'], 'Commitments failing each letter.') failingByLetter: Record<
    string,
    number
  >;
  @Counts(['S', 'M', 'A', 'R', 'T', 'P'], 'Commitments warned on each letter.') warnedByLetter: Record<
    string,
    number
  >;
  @Counts(['NONE', 'LOW', 'MEDIUM', 'HIGH'], 'The specificity hint (not an IRM rating).')
  specificityHint: Record<string, number>;
}

class CommitmentCountsResponse {
  @ApiProperty() total: number;
  @Counts(
    [
      'DIGITAL_STRATEGY_AND_POLICY',
      'SERVICE_CO_DESIGN',
      'TECHNOLOGY_REGULATION',
      'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
      'OVERSIGHT_AUDIT_AND_REDRESS',
      'NONE',
    ],
    'By participatory digital governance area.',
  )
  byArea: Record<string, number>;
  @Counts(
    ['ACCESS_TO_INFORMATION', 'CIVIC_PARTICIPATION', 'PUBLIC_ACCOUNTABILITY', 'TECHNOLOGY_AND_INNOVATION'],
    'By OGP value (a commitment counts once per value it claims).',
  )
  byValue: Record<string, number>;
  @ApiProperty({
    description: 'Claiming access to information, civic participation or public accountability.',
  })
  relevant: number;
  @ApiProperty({ type: CompletionCountsResponse }) completion: CompletionCountsResponse;
  @Counts(['CONSISTENT', 'DIVERGENT', 'CONTESTED', 'UNVERIFIED'], 'By agreement verdict.')
  agreement: Record<string, number>;
  @ApiProperty({ type: OverdueCountsResponse }) overdue: OverdueCountsResponse;
  @Counts([...IAP2_LEVELS, 'NONE'], 'By planned participation level (IAP2).')
  participationLevels: Record<string, number>;
  @ApiProperty({ type: SmartCountsResponse, description: SMART_NOTE }) smart: SmartCountsResponse;
}

class ForumGapResponse {
  @ApiProperty({ format: 'date', description: 'The plan start or the meeting the gap follows.' })
  from: string;
  @ApiProperty({ format: 'date', description: 'The meeting that ends the gap, or the date assessed until.' })
  to: string;
  @ApiProperty() days: number;
  @ApiProperty({ description: 'No meeting has ended this gap yet.' }) open: boolean;
}

class ForumCadenceResponse {
  @ApiProperty({ example: 6 }) requiredEveryMonths: number;
  @ApiProperty() meetingsDuringPlan: number;
  @ApiProperty({ description: 'Held before the plan started (co-creation).' }) meetingsBeforePlan: number;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The end of the plan or today, whichever comes first; null before the plan starts.',
  })
  assessedUntil: string | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Did the forum meet at least every six months during the plan? Null before it starts.',
  })
  metEverySixMonths: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) longestGapDays: number | null;
  @ApiProperty({ type: [ForumGapResponse], description: 'Gaps longer than six months.' })
  gaps: ForumGapResponse[];
}

class ParticipationResponse {
  @ApiProperty({ enum: IAP2_LEVELS, nullable: true, description: 'Reached during co-creation.' })
  coCreationLevel: Iap2Level | null;
  @ApiProperty({ enum: IAP2_LEVELS, nullable: true, description: 'Reached during implementation.' })
  implementationLevel: Iap2Level | null;
  @ApiProperty({ enum: PARTICIPATION_OPENNESS, nullable: true })
  participationOpenness: ParticipationOpenness | null;
  @ApiProperty({
    enum: IAP2_LEVELS,
    nullable: true,
    description: 'The highest participation level any commitment plans.',
  })
  highestCommitmentLevel: Iap2Level | null;
}

class EcosystemLinkRefResponse {
  @ApiProperty({ example: 'KE0038' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: LINK_TYPES }) link: LinkType;
  @ApiProperty({ description: 'The commitment it links to: the policy, or a service co-designed for it.' })
  of: string;
}

class PolicyCoverageResponse {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({
    type: [EcosystemLinkRefResponse],
    description: 'Commitments that co-design it, or co-design services implementing it.',
  })
  coDesignedBy: EcosystemLinkRefResponse[];
  @ApiProperty({
    type: [EcosystemLinkRefResponse],
    description:
      'Commitments that monitor it or the services co-designed for it, or implement its oversight.',
  })
  overseenBy: EcosystemLinkRefResponse[];
  @ApiProperty() coDesigned: boolean;
  @ApiProperty() overseen: boolean;
  @ApiProperty({ description: 'Both co-designed and overseen.' }) connected: boolean;
}

class CommitmentRefResponse {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

class EcosystemCoverageResponse {
  @ApiProperty({ description: 'Commitments of the plan on digital strategy and policy.' })
  policyCommitments: number;
  @ApiProperty() coDesigned: number;
  @ApiProperty() overseen: number;
  @ApiProperty() connected: number;
  @ApiProperty({ type: [PolicyCoverageResponse] }) policies: PolicyCoverageResponse[];
  @ApiProperty({ type: [CommitmentRefResponse], description: 'Policy commitments nothing oversees.' })
  withoutOversight: CommitmentRefResponse[];
}

export class PlanDashboardResponse {
  @ApiProperty({ type: ActionPlanResponse }) actionPlan: ActionPlanResponse;
  @ApiProperty({
    format: 'date',
    description: 'Derived views (overdue, forum cadence) as of this day (UTC).',
  })
  asOf: string;
  @ApiProperty({ type: CommitmentCountsResponse }) commitments: CommitmentCountsResponse;
  @ApiProperty({ type: ForumCadenceResponse }) forum: ForumCadenceResponse;
  @ApiProperty({ type: ParticipationResponse }) participation: ParticipationResponse;
  @ApiProperty({
    type: EcosystemCoverageResponse,
    description:
      'For the digital strategy and policy commitments: do linked commitments co-design the services and oversee them?',
  })
  ecosystem: EcosystemCoverageResponse;
}
