import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { FRAMEWORKS, PRODUCTS } from '../../assessments/assessment.rules.js';
import { STANCES } from '../../commitments/agreement.rules.js';
import { COMMITMENT_CODE } from '../../commitments/commitment.rules.js';
import { ListCommitmentsQuery } from '../../commitments/dto/commitment.dto.js';
import { EVIDENCE_TYPES } from '../../evidence/evidence.entities.js';
import { MILESTONE_STATUSES } from '../../milestones/milestone.rules.js';

/** The commitment list's filters, without its paging: an export is the whole list. */
export class CommitmentExportQuery extends OmitType(ListCommitmentsQuery, ['limit', 'cursor']) {}

export class ExportScopeQuery {
  @ApiPropertyOptional({ description: 'Member code.', example: 'KEN' })
  @IsOptional()
  @IsString()
  @MaxLength(4)
  member?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actionPlan?: string;

  @ApiPropertyOptional({ description: 'Commitment code.', example: 'KE0041' })
  @IsOptional()
  @Matches(COMMITMENT_CODE, { message: 'commitment must be a commitment code such as KE0037' })
  commitment?: string;
}

export class MilestoneExportQuery extends ExportScopeQuery {
  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES)
  status?: string;
}

export class AssessmentExportQuery extends ExportScopeQuery {
  @ApiPropertyOptional({ enum: FRAMEWORKS })
  @IsOptional()
  @IsIn(FRAMEWORKS)
  framework?: string;

  @ApiPropertyOptional({ enum: PRODUCTS })
  @IsOptional()
  @IsIn(PRODUCTS)
  product?: string;
}

export class EvidenceExportQuery extends ExportScopeQuery {
  @ApiPropertyOptional({ enum: EVIDENCE_TYPES })
  @IsOptional()
  @IsIn(EVIDENCE_TYPES)
  type?: string;

  @ApiPropertyOptional({ enum: STANCES })
  @IsOptional()
  @IsIn(STANCES)
  stance?: string;
}
