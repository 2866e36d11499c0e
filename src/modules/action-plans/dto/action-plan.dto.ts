import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import {
  HTTP_URL,
  IsCalendarDate,
  NotBlank,
  OptionalNotNull,
} from '../../../common/validation/decorators.js';
import type { ActionPlan, ForumMeeting } from '../action-plan.entity.js';
import {
  ACTION_PLAN_STATUSES,
  type ActionPlanStatus,
  IAP2_LEVELS,
  type Iap2Level,
  PARTICIPATION_OPENNESS,
  type ParticipationOpenness,
  planDurationMonths,
  type PlanWarning,
  planWarnings,
} from '../action-plan.rules.js';

export class CreateActionPlanDto {
  @ApiProperty({ description: "1 for the member's first plan, 2 for its second, ...", minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  sequenceNumber: number;

  @ApiProperty({ example: "Kenya's Fifth National Action Plan 2023-2027", maxLength: 300 })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  title: string;

  @ApiProperty({ format: 'date', example: '2023-01-01' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ format: 'date', example: '2024-12-31' })
  @IsCalendarDate()
  endDate: string;

  @ApiPropertyOptional({ enum: ACTION_PLAN_STATUSES, default: 'CO_CREATION' })
  @IsOptional()
  @IsIn(ACTION_PLAN_STATUSES)
  status?: ActionPlanStatus;

  @ApiPropertyOptional({
    enum: IAP2_LEVELS,
    description: 'Level of public influence reached during co-creation.',
  })
  @IsOptional()
  @IsIn(IAP2_LEVELS)
  coCreationLevel?: Iap2Level;

  @ApiPropertyOptional({
    enum: IAP2_LEVELS,
    description: 'Level of public influence reached during implementation.',
  })
  @IsOptional()
  @IsIn(IAP2_LEVELS)
  implementationLevel?: Iap2Level;

  @ApiPropertyOptional({ enum: PARTICIPATION_OPENNESS })
  @IsOptional()
  @IsIn(PARTICIPATION_OPENNESS)
  participationOpenness?: ParticipationOpenness;
}

export class UpdateActionPlanDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @OptionalNotNull()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ format: 'date' })
  @OptionalNotNull()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({
    enum: ACTION_PLAN_STATUSES,
    description:
      'CO_CREATION → SUBMITTED → IMPLEMENTING (→ MIDTERM_REVIEW → IMPLEMENTING, four-year plans) → ENDED; SUBMITTED may go back to CO_CREATION.',
  })
  @OptionalNotNull()
  @IsIn(ACTION_PLAN_STATUSES)
  status?: ActionPlanStatus;

  @ApiPropertyOptional({ enum: IAP2_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(IAP2_LEVELS)
  coCreationLevel?: Iap2Level | null;

  @ApiPropertyOptional({ enum: IAP2_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(IAP2_LEVELS)
  implementationLevel?: Iap2Level | null;

  @ApiPropertyOptional({ enum: PARTICIPATION_OPENNESS, nullable: true })
  @IsOptional()
  @IsIn(PARTICIPATION_OPENNESS)
  participationOpenness?: ParticipationOpenness | null;
}

export class ListActionPlansQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Member code.', example: 'KEN' })
  @IsOptional()
  @IsString()
  @MaxLength(4)
  member?: string;

  @ApiPropertyOptional({ enum: ACTION_PLAN_STATUSES })
  @IsOptional()
  @IsIn(ACTION_PLAN_STATUSES)
  status?: ActionPlanStatus;
}

/** The same list, nested under a member: no member filter. */
export class ListMemberActionPlansQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTION_PLAN_STATUSES })
  @IsOptional()
  @IsIn(ACTION_PLAN_STATUSES)
  status?: ActionPlanStatus;
}

class PlanWarningResponse implements PlanWarning {
  @ApiProperty({ example: 'plan.shorter_than_20_months' }) code: string;
  @ApiProperty() message: string;
}

class MemberRef {
  @ApiProperty({ example: 'KEN' }) code: string;
  @ApiProperty({ example: 'Kenya' }) name: string;
}

export class ActionPlanResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MemberRef }) member: MemberRef;
  @ApiProperty() sequenceNumber: number;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ description: 'Whole months the plan runs.' }) durationMonths: number;
  @ApiProperty({ enum: ACTION_PLAN_STATUSES }) status: ActionPlanStatus;
  @ApiProperty({ enum: IAP2_LEVELS, nullable: true }) coCreationLevel: Iap2Level | null;
  @ApiProperty({ enum: IAP2_LEVELS, nullable: true }) implementationLevel: Iap2Level | null;
  @ApiProperty({ enum: PARTICIPATION_OPENNESS, nullable: true })
  participationOpenness: ParticipationOpenness | null;
  @ApiProperty({
    type: [PlanWarningResponse],
    description: 'Departures from OGP guidance (e.g. length), shown, never refused.',
  })
  warnings: PlanWarning[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ActionPlanPage extends PageMeta {
  @ApiProperty({ type: [ActionPlanResponse] }) items: ActionPlanResponse[];
}

/** `plan.member` must be loaded. */
export function toActionPlanResponse(plan: ActionPlan): ActionPlanResponse {
  return {
    id: plan.id,
    member: { code: plan.member?.code ?? '', name: plan.member?.name ?? '' },
    sequenceNumber: plan.sequenceNumber,
    title: plan.title,
    startDate: plan.startDate,
    endDate: plan.endDate,
    durationMonths: planDurationMonths(plan.startDate, plan.endDate),
    status: plan.status,
    coCreationLevel: plan.coCreationLevel,
    implementationLevel: plan.implementationLevel,
    participationOpenness: plan.participationOpenness,
    warnings: planWarnings(plan.startDate, plan.endDate),
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export class CreateForumMeetingDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  heldOn: string;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  governmentAttendees: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  civilSocietyAttendees: number;

  @ApiPropertyOptional({ description: 'Link to the published minutes.' })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  minutesUrl?: string;
}

export class UpdateForumMeetingDto {
  @ApiPropertyOptional({ format: 'date' })
  @OptionalNotNull()
  @IsCalendarDate()
  heldOn?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  governmentAttendees?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  civilSocietyAttendees?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  minutesUrl?: string | null;
}

export class ListForumMeetingsQuery extends PageQuery {}

export class ForumMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) actionPlanId: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() governmentAttendees: number;
  @ApiProperty() civilSocietyAttendees: number;
  @ApiProperty({ type: String, nullable: true }) minutesUrl: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ForumMeetingPage extends PageMeta {
  @ApiProperty({ type: [ForumMeetingResponse] }) items: ForumMeetingResponse[];
}

export function toForumMeetingResponse(meeting: ForumMeeting): ForumMeetingResponse {
  return {
    id: meeting.id,
    actionPlanId: meeting.actionPlanId,
    heldOn: meeting.heldOn,
    governmentAttendees: meeting.governmentAttendees,
    civilSocietyAttendees: meeting.civilSocietyAttendees,
    minutesUrl: meeting.minutesUrl,
    version: meeting.version,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
