import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CreateCommitmentDto } from '../../commitments/dto/commitment.dto.js';
import { CreateMilestoneDto } from '../../milestones/dto/milestone.dto.js';

/** A milestone as it would be created, every field optional: a draft may not be finished. */
export class DraftMilestoneDto extends PartialType(CreateMilestoneDto) {}

/**
 * A commitment as it would be created (POST /action-plans/{id}/commitments), every field optional,
 * with its milestones: an authoring tool can send the body it is about to save.
 */
export class SmartCheckDto extends PartialType(CreateCommitmentDto) {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The action plan the commitment is for: its period is checked against the dates.',
  })
  @IsOptional()
  @IsUUID()
  actionPlanId?: string;

  @ApiPropertyOptional({
    type: [DraftMilestoneDto],
    description:
      'The milestones, in order (as they would be created with POST /commitments/{code}/milestones).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DraftMilestoneDto)
  milestones?: DraftMilestoneDto[];
}
