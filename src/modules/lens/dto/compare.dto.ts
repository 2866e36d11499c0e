import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { NotBlank } from '../../../common/validation/decorators.js';
import { VERDICTS, type Verdict } from '../../commitments/agreement.rules.js';
import { REPORTED_COMPLETIONS, type ReportedCompletion } from '../../commitments/commitment-state.rules.js';
import {
  DIGITAL_GOVERNANCE_AREAS,
  type DigitalGovernanceArea,
  OGP_VALUES,
  type OgpValue,
} from '../../commitments/commitment.rules.js';
import { IndependentViewResponse } from '../../commitments/dto/commitment.dto.js';
import { MEMBER_TYPES, REGIONS } from '../../members/member.rules.js';
import { TAG_SLUG } from '../../tags/tag.rules.js';
import { COMPARE_COMMITMENTS_PER_MEMBER } from '../lens.queries.js';

/** A theme: at least one of area, tag, value or words. */
export class CompareQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DIGITAL_GOVERNANCE_AREAS })
  @IsOptional()
  @IsIn(DIGITAL_GOVERNANCE_AREAS)
  area?: DigitalGovernanceArea;

  @ApiPropertyOptional({ description: 'Policy-area tag slug.', example: 'digital-id' })
  @IsOptional()
  @Matches(TAG_SLUG, { message: 'tag must be a tag slug such as open-data' })
  tag?: string;

  @ApiPropertyOptional({ enum: OGP_VALUES })
  @IsOptional()
  @IsIn(OGP_VALUES)
  value?: OgpValue;

  @ApiPropertyOptional({ description: 'Words to find in the commitments (web search syntax).' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  q?: string;
}

class ThemeResponse {
  @ApiProperty({ enum: DIGITAL_GOVERNANCE_AREAS, nullable: true }) area: DigitalGovernanceArea | null;
  @ApiProperty({ type: String, nullable: true }) tag: string | null;
  @ApiProperty({ enum: OGP_VALUES, nullable: true }) value: OgpValue | null;
  @ApiProperty({ type: String, nullable: true }) q: string | null;
}

class CompareMemberRef {
  @ApiProperty({ example: 'KEN' }) code: string;
  @ApiProperty({ example: 'Kenya' }) name: string;
  @ApiProperty({ enum: MEMBER_TYPES }) type: string;
  @ApiProperty({ enum: REGIONS }) region: string;
}

class AgreementCounts {
  @ApiProperty() CONSISTENT: number;
  @ApiProperty() DIVERGENT: number;
  @ApiProperty() CONTESTED: number;
  @ApiProperty() UNVERIFIED: number;
}

class MemberThemeSummary {
  @ApiProperty({ description: 'Commitments of the member on the theme, in all its plans.' })
  commitments: number;
  @ApiProperty({ description: 'With an independent (IRM) completion.' }) independentlyAssessed: number;
  @ApiProperty({ description: 'Independent completion SUBSTANTIAL or COMPLETE.' }) highCompletion: number;
  @ApiProperty({ description: 'Starred (legacy IRM, current formula).' }) starred: number;
  @ApiProperty({
    description:
      'Did it open government MAJOR or OUTSTANDING (legacy IRM), or early results SIGNIFICANT or OUTSTANDING (IRM 2021).',
  })
  strongResults: number;
  @ApiProperty({ description: 'Reported COMPLETE by the government.' }) selfReportedComplete: number;
  @ApiProperty({ type: AgreementCounts }) agreement: AgreementCounts;
}

class ComparePlanRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sequenceNumber: number;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
}

class CompareCommitment {
  @ApiProperty({ example: 'KE0037' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: DIGITAL_GOVERNANCE_AREAS, nullable: true }) area: DigitalGovernanceArea | null;
  @ApiProperty({ type: ComparePlanRef }) actionPlan: ComparePlanRef;
  @ApiProperty({ enum: REPORTED_COMPLETIONS, nullable: true })
  selfReportedCompletion: ReportedCompletion | null;
  @ApiProperty({ type: IndependentViewResponse }) independent: IndependentViewResponse;
  @ApiProperty({ enum: VERDICTS }) agreement: Verdict;
}

export class CompareMember {
  @ApiProperty({ type: CompareMemberRef }) member: CompareMemberRef;
  @ApiProperty({ type: MemberThemeSummary, description: 'Over all its commitments on the theme.' })
  summary: MemberThemeSummary;
  @ApiProperty({
    type: [CompareCommitment],
    description: `Its commitments on the theme, most recent plan first, at most ${COMPARE_COMMITMENTS_PER_MEMBER}; the rest through commitmentsUrl.`,
  })
  commitments: CompareCommitment[];
  @ApiProperty({
    description: 'The list of all its commitments on the theme.',
    example: '/api/v1/commitments?member=KEN&area=SERVICE_CO_DESIGN',
  })
  commitmentsUrl: string;
}

export class ComparePage extends PageMeta {
  @ApiProperty({ type: ThemeResponse }) theme: ThemeResponse;
  @ApiProperty({ type: [CompareMember], description: 'Members with commitments on the theme, by code.' })
  items: CompareMember[];
}
