import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import {
  type AssessmentIndicators,
  COMPLETION,
  type Completion,
  type DerivedFacts,
  DID_IT_OPEN_GOVERNMENT,
  type DidItOpenGovernment,
  EARLY_RESULTS,
  type EarlyResults,
  type Framework,
  FRAMEWORKS,
  NULL_REASONS,
  type NullReason,
  POTENTIAL_FOR_RESULTS,
  POTENTIAL_IMPACT,
  type PotentialForResults,
  type PotentialImpact,
  type Product,
  PRODUCTS,
  SPECIFICITY,
  type Specificity,
} from '../assessment.rules.js';

const NULLABLE = {
  nullable: true,
  description: 'null with a reason in nullReasons when not reviewed, no data, not applicable or unclear.',
};

/** The ratings; which of them a report may carry depends on its framework and product. */
export class IndicatorsDto implements AssessmentIndicators {
  @ApiPropertyOptional({ enum: SPECIFICITY, ...NULLABLE })
  @IsOptional()
  @IsIn(SPECIFICITY)
  specificity?: Specificity | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE })
  @IsOptional()
  @IsBoolean()
  relevanceAccessToInformation?: boolean | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE })
  @IsOptional()
  @IsBoolean()
  relevanceCivicParticipation?: boolean | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE })
  @IsOptional()
  @IsBoolean()
  relevancePublicAccountability?: boolean | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE }) @IsOptional() @IsBoolean() relevanceTechnology?:
    boolean | null;
  @ApiPropertyOptional({ enum: POTENTIAL_IMPACT, ...NULLABLE })
  @IsOptional()
  @IsIn(POTENTIAL_IMPACT)
  potentialImpact?: PotentialImpact | null;
  @ApiPropertyOptional({ enum: COMPLETION, ...NULLABLE })
  @IsOptional()
  @IsIn(COMPLETION)
  completion?: Completion | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE }) @IsOptional() @IsBoolean() onTime?: boolean | null;
  @ApiPropertyOptional({ enum: DID_IT_OPEN_GOVERNMENT, ...NULLABLE })
  @IsOptional()
  @IsIn(DID_IT_OPEN_GOVERNMENT)
  didItOpenGovernment?: DidItOpenGovernment | null;
  @ApiPropertyOptional({ enum: DID_IT_OPEN_GOVERNMENT, ...NULLABLE })
  @IsOptional()
  @IsIn(DID_IT_OPEN_GOVERNMENT)
  didItOpenGovernmentAccessToInformation?: DidItOpenGovernment | null;
  @ApiPropertyOptional({ enum: DID_IT_OPEN_GOVERNMENT, ...NULLABLE })
  @IsOptional()
  @IsIn(DID_IT_OPEN_GOVERNMENT)
  didItOpenGovernmentCivicParticipation?: DidItOpenGovernment | null;
  @ApiPropertyOptional({ enum: DID_IT_OPEN_GOVERNMENT, ...NULLABLE })
  @IsOptional()
  @IsIn(DID_IT_OPEN_GOVERNMENT)
  didItOpenGovernmentPublicAccountability?: DidItOpenGovernment | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE }) @IsOptional() @IsBoolean() verifiable?: boolean | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE }) @IsOptional() @IsBoolean() openGovernmentLens?:
    boolean | null;
  @ApiPropertyOptional({ enum: POTENTIAL_FOR_RESULTS, ...NULLABLE })
  @IsOptional()
  @IsIn(POTENTIAL_FOR_RESULTS)
  potentialForResults?: PotentialForResults | null;
  @ApiPropertyOptional({ type: Boolean, ...NULLABLE }) @IsOptional() @IsBoolean() promising?: boolean | null;
  @ApiPropertyOptional({ enum: EARLY_RESULTS, ...NULLABLE })
  @IsOptional()
  @IsIn(EARLY_RESULTS)
  earlyResults?: EarlyResults | null;
}

/** Why an indicator is null: one of OGP's "not reviewed", "no data", "not applicable", "unclear". */
export class NullReasonsDto {
  @ApiPropertyOptional({ enum: NULL_REASONS }) @IsOptional() @IsIn(NULL_REASONS) specificity?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  relevanceAccessToInformation?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  relevanceCivicParticipation?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  relevancePublicAccountability?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  relevanceTechnology?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS }) @IsOptional() @IsIn(NULL_REASONS) potentialImpact?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS }) @IsOptional() @IsIn(NULL_REASONS) completion?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS }) @IsOptional() @IsIn(NULL_REASONS) onTime?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  didItOpenGovernment?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  didItOpenGovernmentAccessToInformation?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  didItOpenGovernmentCivicParticipation?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  didItOpenGovernmentPublicAccountability?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS }) @IsOptional() @IsIn(NULL_REASONS) verifiable?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  openGovernmentLens?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS })
  @IsOptional()
  @IsIn(NULL_REASONS)
  potentialForResults?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS }) @IsOptional() @IsIn(NULL_REASONS) promising?: NullReason;
  @ApiPropertyOptional({ enum: NULL_REASONS }) @IsOptional() @IsIn(NULL_REASONS) earlyResults?: NullReason;
}

export class CreateAssessmentDto {
  @ApiProperty({ enum: FRAMEWORKS }) @IsIn(FRAMEWORKS) framework: Framework;
  @ApiProperty({
    enum: PRODUCTS,
    description:
      'IRM_LEGACY: PROGRESS_REPORT, END_OF_TERM_REPORT; IRM_2021: ACTION_PLAN_REVIEW, MIDTERM_REVIEW, RESULTS_REPORT.',
  })
  @IsIn(PRODUCTS)
  product: Product;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The published assessment of the same report that this one replaces once published.',
  })
  @IsOptional()
  @IsUUID()
  supersedes?: string;
  @ApiPropertyOptional({ maxLength: 20000 }) @IsOptional() @IsString() @MaxLength(20_000) summary?: string;
  @ApiPropertyOptional({ type: IndicatorsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IndicatorsDto)
  indicators?: IndicatorsDto;
  @ApiPropertyOptional({ type: NullReasonsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => NullReasonsDto)
  nullReasons?: NullReasonsDto;
}

/** A draft's ratings, summary and reasons; indicators given replace those stored, one by one. */
export class UpdateAssessmentDto {
  @ApiPropertyOptional({ maxLength: 20000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  summary?: string | null;
  @ApiPropertyOptional({ type: IndicatorsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IndicatorsDto)
  indicators?: IndicatorsDto;
  @ApiPropertyOptional({ type: NullReasonsDto, description: 'Replaces all the null reasons.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NullReasonsDto)
  nullReasons?: NullReasonsDto;
}

export class ListAssessmentsQuery extends PageQuery {}

class StarredResponse {
  @ApiProperty({ type: Boolean, nullable: true }) starred: boolean | null;
  @ApiProperty({ enum: ['CURRENT', '2015'] }) formula: string;
  @ApiProperty() reason: string;
}

class StarredPair {
  @ApiProperty({ type: StarredResponse }) current: StarredResponse;
  @ApiProperty({ type: StarredResponse }) formula2015: StarredResponse;
}

class DerivedFactsResponse implements DerivedFacts {
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Access to information, civic participation or public accountability; technology alone is not.',
  })
  relevant: boolean | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Legacy: specificity MEDIUM or HIGH; 2021: the verifiable indicator.',
  })
  verifiable: boolean | null;
  @ApiProperty({
    type: StarredPair,
    description:
      'Current formula: verifiable, relevant, potential impact TRANSFORMATIVE and completion SUBSTANTIAL or COMPLETE. 2015 formula: impact MODERATE or TRANSFORMATIVE. Legacy reports only.',
  })
  starred: DerivedFacts['starred'];
  @ApiProperty({ type: Boolean, nullable: true, description: 'Completion SUBSTANTIAL or COMPLETE.' })
  highCompletion: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Did it open government MAJOR or OUTSTANDING.' })
  strongEarlyResults: boolean | null;
}

export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KE0037' }) commitment: string;
  @ApiProperty({ enum: FRAMEWORKS }) framework: Framework;
  @ApiProperty({ enum: PRODUCTS }) product: Product;
  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED', 'SUPERSEDED'] }) status: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supersedes: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supersededBy: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: IndicatorsDto }) indicators: Required<AssessmentIndicators>;
  @ApiProperty({ type: NullReasonsDto }) nullReasons: Record<string, NullReason>;
  @ApiProperty({ type: DerivedFactsResponse, description: 'Derived by the IRM rules, never typed in.' })
  derived: DerivedFacts;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AssessmentPage extends PageMeta {
  @ApiProperty({ type: [AssessmentResponse] }) items: AssessmentResponse[];
}
