import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DATE_PRECISIONS, type DatePrecision } from '../../../common/dates/partial-date.rules.js';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import {
  BooleanQuery,
  IsCalendarDate,
  NotBlank,
  OptionalNotNull,
} from '../../../common/validation/decorators.js';
import { IAP2_LEVELS, type Iap2Level } from '../../action-plans/action-plan.rules.js';
import {
  COMPLETION,
  type Completion,
  DID_IT_OPEN_GOVERNMENT,
  type DidItOpenGovernment,
  EARLY_RESULTS,
  type EarlyResults,
  POTENTIAL_FOR_RESULTS,
  POTENTIAL_IMPACT,
  type PotentialForResults,
  type PotentialImpact,
} from '../../assessments/assessment.rules.js';
import {
  COMPLETION_LEVELS,
  type CompletionLevel,
  REPORTED_COMPLETIONS,
  type ReportedCompletion,
} from '../commitment-state.rules.js';
import { VERDICTS, type Verdict } from '../agreement.rules.js';
import { TAG_SLUG } from '../../tags/tag.rules.js';
import { SmartSummaryResponse } from './smart.dto.js';
import {
  COMMITMENT_CODE,
  DIGITAL_GOVERNANCE_AREAS,
  type DigitalGovernanceArea,
  LINK_TYPES,
  type LinkType,
  OGP_VALUES,
  type OgpValue,
} from '../commitment.rules.js';

const TEXT_MAX = 20_000;

export class CommitmentValueDto {
  @ApiProperty({ enum: OGP_VALUES })
  @IsIn(OGP_VALUES)
  value: OgpValue;

  @ApiProperty({ description: 'Why the commitment is relevant to this value.', maxLength: 5000 })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  justification: string;
}

export class CommitmentLinkDto {
  @ApiProperty({
    enum: LINK_TYPES,
    description: 'What this commitment does to the target: implements, monitors, co-designs or continues it.',
  })
  @IsIn(LINK_TYPES)
  type: LinkType;

  @ApiProperty({ description: 'Code of the linked commitment.', example: 'KE0031' })
  @IsString()
  @Matches(COMMITMENT_CODE, { message: 'target must be a commitment code such as KE0037' })
  target: string;
}

export class ContactPersonDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 320 })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @Matches(/^[+0-9 ()./-]{3,50}$/, { message: 'phone must be digits, spaces and + ( ) . / -' })
  phone?: string;
}

/** The optional fields a commitment is written with; shared by create and update. */
class CommitmentFields {
  @ApiPropertyOptional({ nullable: true, description: 'The problem the commitment addresses.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  problem?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Causes of the problem.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  causes?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'What has been done so far.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  priorActions?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The solution: what the commitment will do.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  solution?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Results expected when it is done.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  expectedResults?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'First day of the period at startDatePrecision.',
  })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ enum: DATE_PRECISIONS, default: 'DAY' })
  @OptionalNotNull()
  @IsIn(DATE_PRECISIONS)
  startDatePrecision?: DatePrecision;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'First day of the period at endDatePrecision.',
  })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ enum: DATE_PRECISIONS, default: 'DAY' })
  @OptionalNotNull()
  @IsIn(DATE_PRECISIONS)
  endDatePrecision?: DatePrecision;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  leadInstitutionId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  supportingInstitutionIds?: string[];

  @ApiPropertyOptional({ type: [CommitmentValueDto], description: 'OGP values with their justification.' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => CommitmentValueDto)
  values?: CommitmentValueDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Policy-area tag slugs (GET /api/v1/tags).',
    example: ['open-data'],
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(TAG_SLUG, { each: true, message: 'each tag must be a tag slug such as open-data' })
  tags?: string[];

  @ApiPropertyOptional({ enum: DIGITAL_GOVERNANCE_AREAS, nullable: true })
  @IsOptional()
  @IsIn(DIGITAL_GOVERNANCE_AREAS)
  area?: DigitalGovernanceArea | null;

  @ApiPropertyOptional({ nullable: true, description: 'The planned public-participation mechanism.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  participationMechanism?: string | null;

  @ApiPropertyOptional({
    enum: IAP2_LEVELS,
    nullable: true,
    description: 'IAP2 level of the planned participation.',
  })
  @IsOptional()
  @IsIn(IAP2_LEVELS)
  participationLevel?: Iap2Level | null;

  @ApiPropertyOptional({ type: [CommitmentLinkDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CommitmentLinkDto)
  links?: CommitmentLinkDto[];

  @ApiPropertyOptional({
    type: ContactPersonDto,
    nullable: true,
    description: 'Personal data: stored apart, never shown publicly.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactPersonDto)
  contact?: ContactPersonDto | null;
}

export class CreateCommitmentDto extends CommitmentFields {
  @ApiProperty({
    description: "OGP's identifier: two or three capital letters and four digits.",
    example: 'KE0037',
  })
  @IsString()
  @Matches(COMMITMENT_CODE, {
    message: 'code must be two or three capital letters and four digits, such as KE0037',
  })
  code: string;

  @ApiProperty({ description: 'As the plan numbers it: 3, 1.1, II.4.', maxLength: 20 })
  @IsString()
  @NotBlank()
  @MaxLength(20)
  number: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @NotBlank()
  @MaxLength(500)
  title: string;
}

/** Every field optional; lists (values, tags, links, supporting institutions) replace the whole list. */
export class UpdateCommitmentDto extends CommitmentFields {
  @ApiPropertyOptional({ maxLength: 20 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(20)
  number?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(500)
  title?: string;
}

export class ListCommitmentsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Member code.', example: 'KEN' })
  @IsOptional()
  @IsString()
  @MaxLength(4)
  member?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actionPlan?: string;

  @ApiPropertyOptional({ enum: DIGITAL_GOVERNANCE_AREAS })
  @IsOptional()
  @IsIn(DIGITAL_GOVERNANCE_AREAS)
  area?: DigitalGovernanceArea;

  @ApiPropertyOptional({ enum: OGP_VALUES })
  @IsOptional()
  @IsIn(OGP_VALUES)
  value?: OgpValue;

  @ApiPropertyOptional({ description: 'Policy-area tag slug.', example: 'open-data' })
  @IsOptional()
  @Matches(TAG_SLUG, { message: 'tag must be a tag slug such as open-data' })
  tag?: string;

  @ApiPropertyOptional({
    description:
      'Words to find in the code, title, problem, solution or expected results (web search syntax).',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Starred (legacy IRM, current formula).' })
  @IsOptional()
  @BooleanQuery()
  starred?: boolean;

  @ApiPropertyOptional({ enum: COMPLETION, description: 'Independent (IRM) completion.' })
  @IsOptional()
  @IsIn(COMPLETION)
  completion?: Completion;

  @ApiPropertyOptional({
    enum: REPORTED_COMPLETIONS,
    description: 'Completion as the latest progress update reported it.',
  })
  @IsOptional()
  @IsIn(REPORTED_COMPLETIONS)
  selfReportedCompletion?: ReportedCompletion;

  @ApiPropertyOptional({ enum: POTENTIAL_IMPACT })
  @IsOptional()
  @IsIn(POTENTIAL_IMPACT)
  potentialImpact?: PotentialImpact;

  @ApiPropertyOptional({ enum: POTENTIAL_FOR_RESULTS })
  @IsOptional()
  @IsIn(POTENTIAL_FOR_RESULTS)
  potentialForResults?: PotentialForResults;

  @ApiPropertyOptional({ enum: EARLY_RESULTS })
  @IsOptional()
  @IsIn(EARLY_RESULTS)
  earlyResults?: EarlyResults;

  @ApiPropertyOptional({ enum: DID_IT_OPEN_GOVERNMENT, description: 'Did it open government (overall).' })
  @IsOptional()
  @IsIn(DID_IT_OPEN_GOVERNMENT)
  didItOpenGovernment?: DidItOpenGovernment;

  @ApiPropertyOptional({
    description: 'Has (true) or has no (false) milestone past its due period and not complete.',
  })
  @IsOptional()
  @BooleanQuery()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: VERDICTS,
    description: 'The agreement verdict, e.g. CONTESTED: claims civil society disputes.',
  })
  @IsOptional()
  @IsIn(VERDICTS)
  agreement?: Verdict;
}

export class PlanCommitmentsQuery extends PageQuery {}

class InstitutionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
}

class ActionPlanRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sequenceNumber: number;
  @ApiProperty() title: string;
}

class MemberRef {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

class ValueResponse {
  @ApiProperty({ enum: OGP_VALUES }) value: OgpValue;
  @ApiProperty() justification: string;
}

class LinkResponse {
  @ApiProperty({ enum: LINK_TYPES }) type: LinkType;
  @ApiProperty({ example: 'KE0031' }) target: string;
}

class MilestoneCounts {
  @ApiProperty() total: number;
  @ApiProperty() notStarted: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() complete: number;
  @ApiProperty() withdrawn: number;
}

class ContactPersonResponse {
  @ApiProperty({ type: String, nullable: true, description: 'Null when only imported details are known.' })
  name: string | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'E-mail addresses and phone numbers taken out of the public text of imported data.',
  })
  importedDetails: string | null;
}

class CommitmentStateResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Weighted share (0 to 1) of complete milestones; withdrawn ones left out.',
  })
  progress: number | null;
  @ApiProperty({
    enum: COMPLETION_LEVELS,
    nullable: true,
    description:
      'From progress: 0 → NOT_STARTED, under 0.5 → LIMITED, 0.5 or more → SUBSTANTIAL, 1 → COMPLETE.',
  })
  completionLevel: CompletionLevel | null;
  @ApiProperty({
    description:
      'Milestones past the end of their due period (by its precision), neither complete nor withdrawn.',
  })
  overdueMilestones: number;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Nothing overdue and everything complete was completed within its due period.',
  })
  onTime: boolean | null;
  @ApiProperty({
    enum: REPORTED_COMPLETIONS,
    nullable: true,
    description: 'What the latest progress update on the commitment reported.',
  })
  selfReportedCompletion: ReportedCompletion | null;
}

export class IndependentViewResponse {
  @ApiProperty({ enum: COMPLETION, nullable: true }) completion: Completion | null;
  @ApiProperty({ enum: POTENTIAL_IMPACT, nullable: true }) potentialImpact: PotentialImpact | null;
  @ApiProperty({ enum: POTENTIAL_FOR_RESULTS, nullable: true })
  potentialForResults: PotentialForResults | null;
  @ApiProperty({ enum: EARLY_RESULTS, nullable: true }) earlyResults: EarlyResults | null;
  @ApiProperty({ enum: DID_IT_OPEN_GOVERNMENT, nullable: true })
  didItOpenGovernment: DidItOpenGovernment | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Starred under the current formula (legacy IRM reports only).',
  })
  starred: boolean | null;
}

export class CommitmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KE0037' }) code: string;
  @ApiProperty({ type: MemberRef }) member: MemberRef;
  @ApiProperty({ type: ActionPlanRef }) actionPlan: ActionPlanRef;
  @ApiProperty() number: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) problem: string | null;
  @ApiProperty({ type: String, nullable: true }) causes: string | null;
  @ApiProperty({ type: String, nullable: true }) priorActions: string | null;
  @ApiProperty({ type: String, nullable: true }) solution: string | null;
  @ApiProperty({ type: String, nullable: true }) expectedResults: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ enum: DATE_PRECISIONS }) startDatePrecision: DatePrecision;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ enum: DATE_PRECISIONS }) endDatePrecision: DatePrecision;
  @ApiProperty({ type: InstitutionRef, nullable: true }) leadInstitution: InstitutionRef | null;
  @ApiProperty({ type: [InstitutionRef] }) supportingInstitutions: InstitutionRef[];
  @ApiProperty({ type: [ValueResponse] }) values: ValueResponse[];
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: DIGITAL_GOVERNANCE_AREAS, nullable: true }) area: DigitalGovernanceArea | null;
  @ApiProperty({ type: String, nullable: true }) participationMechanism: string | null;
  @ApiProperty({ enum: IAP2_LEVELS, nullable: true }) participationLevel: Iap2Level | null;
  @ApiProperty({ type: [LinkResponse], description: 'Links from this commitment to others.' })
  links: LinkResponse[];
  @ApiProperty({ description: 'Whether a contact person is on file.' })
  contactOnFile: boolean;
  @ApiPropertyOptional({
    type: () => ContactPersonResponse,
    nullable: true,
    description:
      'The contact person: personal data, in the answer to signed-in callers only, on the single-commitment route.',
  })
  contact?: ContactPersonResponse | null;
  @ApiProperty({ type: MilestoneCounts }) milestones: MilestoneCounts;
  @ApiProperty({
    type: CommitmentStateResponse,
    description: 'Derived from the milestones and progress updates, as of today (UTC).',
  })
  state: CommitmentStateResponse;
  @ApiProperty({
    type: IndependentViewResponse,
    description:
      'What published independent (IRM) assessments say: for each indicator, the latest published rating.',
  })
  independent: IndependentViewResponse;
  @ApiProperty({
    enum: VERDICTS,
    description:
      'Do self-reported progress, the independent assessment and civic evidence agree? GET /commitments/{code}/agreement says why.',
  })
  agreement: Verdict;
  @ApiProperty({
    type: SmartSummaryResponse,
    description:
      'SMART authoring hints in brief (not an IRM rating); GET /commitments/{code}/smart gives every finding.',
  })
  smart: SmartSummaryResponse;
  @ApiProperty({ description: 'Moves with every change to the commitment or its milestones; the ETag.' })
  version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CommitmentPage extends PageMeta {
  @ApiProperty({ type: [CommitmentResponse] }) items: CommitmentResponse[];
}
