import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_PRECISIONS, type DatePrecision } from '../../../common/dates/partial-date.rules.js';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { IsCalendarDate, NotBlank, OptionalNotNull } from '../../../common/validation/decorators.js';
import type { Milestone } from '../milestone.entity.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../milestone.rules.js';

export class MilestoneTargetDto {
  @ApiProperty({ example: 'Public services co-designed with users', maxLength: 300 })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  indicator: string;

  @ApiProperty({ example: 12 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  value: number;

  @ApiProperty({ example: 'services', maxLength: 50 })
  @IsString()
  @MaxLength(50)
  unit: string;
}

/** The optional fields a milestone is written with; shared by create and update. */
class MilestoneFields {
  @ApiPropertyOptional({
    type: MilestoneTargetDto,
    nullable: true,
    description: 'A measurable target, where there is one.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MilestoneTargetDto)
  target?: MilestoneTargetDto | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ enum: DATE_PRECISIONS, default: 'DAY' })
  @OptionalNotNull()
  @IsIn(DATE_PRECISIONS)
  startDatePrecision?: DatePrecision;

  @ApiPropertyOptional({ enum: DATE_PRECISIONS, default: 'DAY' })
  @OptionalNotNull()
  @IsIn(DATE_PRECISIONS)
  dueDatePrecision?: DatePrecision;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  responsibleInstitutionId?: string | null;

  @ApiPropertyOptional({
    description: 'Relative weight in the commitment’s progress.',
    default: 1,
    minimum: 0.01,
    maximum: 1000,
  })
  @OptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1000)
  weight?: number;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES, default: 'NOT_STARTED' })
  @OptionalNotNull()
  @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'When it was completed; today if COMPLETE and left out.',
  })
  @IsOptional()
  @IsCalendarDate()
  completedOn?: string | null;

  @ApiPropertyOptional({
    description: 'Position among the commitment’s milestones; the next free one if left out.',
    minimum: 1,
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1000)
  ordinal?: number;
}

export class CreateMilestoneDto extends MilestoneFields {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @NotBlank()
  @MaxLength(500)
  title: string;

  @ApiProperty({ description: 'The verifiable output.', maxLength: 5000 })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  deliverable: string;

  @ApiProperty({
    format: 'date',
    description: 'First day of the period at dueDatePrecision: due "Q3 2025" is 2025-07-01 with QUARTER.',
  })
  @IsCalendarDate()
  dueDate: string;
}

export class UpdateMilestoneDto extends MilestoneFields {
  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  deliverable?: string;

  @ApiPropertyOptional({ format: 'date' })
  @OptionalNotNull()
  @IsCalendarDate()
  dueDate?: string;
}

export class ListMilestonesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES)
  status?: MilestoneStatus;
}

class TargetResponse {
  @ApiProperty() indicator: string;
  @ApiProperty() value: number;
  @ApiProperty() unit: string;
}

class InstitutionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
}

export class MilestoneResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Code of the commitment.', example: 'KE0037' }) commitment: string;
  @ApiProperty() ordinal: number;
  @ApiProperty() title: string;
  @ApiProperty() deliverable: string;
  @ApiProperty({ type: TargetResponse, nullable: true }) target: TargetResponse | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate: string | null;
  @ApiProperty({ enum: DATE_PRECISIONS }) startDatePrecision: DatePrecision;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: DATE_PRECISIONS }) dueDatePrecision: DatePrecision;
  @ApiProperty({ type: InstitutionRef, nullable: true }) responsibleInstitution: InstitutionRef | null;
  @ApiProperty() weight: number;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status: MilestoneStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedOn: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class MilestonePage extends PageMeta {
  @ApiProperty({ type: [MilestoneResponse] }) items: MilestoneResponse[];
}

/** `milestone.commitment` and `milestone.responsibleInstitution` must be loaded. */
export function toMilestoneResponse(milestone: Milestone): MilestoneResponse {
  const institution = milestone.responsibleInstitution;
  return {
    id: milestone.id,
    commitment: milestone.commitment?.code ?? '',
    ordinal: milestone.ordinal,
    title: milestone.title,
    deliverable: milestone.deliverable,
    target:
      milestone.targetIndicator === null || milestone.targetValue === null
        ? null
        : {
            indicator: milestone.targetIndicator,
            value: Number(milestone.targetValue),
            unit: milestone.targetUnit ?? '',
          },
    startDate: milestone.startDate,
    startDatePrecision: milestone.startDatePrecision,
    dueDate: milestone.dueDate,
    dueDatePrecision: milestone.dueDatePrecision,
    responsibleInstitution: institution
      ? { id: institution.id, name: institution.name, type: institution.type }
      : null,
    weight: Number(milestone.weight),
    status: milestone.status,
    completedOn: milestone.completedOn,
    version: milestone.version,
    createdAt: milestone.createdAt.toISOString(),
    updatedAt: milestone.updatedAt.toISOString(),
  };
}
