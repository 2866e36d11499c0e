import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { HTTP_URL, IsCalendarDate, NotBlank } from '../../../common/validation/decorators.js';
import { REPORTED_COMPLETIONS, type ReportedCompletion } from '../../commitments/commitment-state.rules.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../../milestones/milestone.rules.js';

export class DocumentLinkDto {
  @ApiProperty({ example: 'https://example.org/reports/q3-2025.pdf' })
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;
}

export class CreateProgressUpdateDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The milestone this update is about; leave out for the commitment as a whole.',
  })
  @IsOptional()
  @IsUUID()
  milestoneId?: string;

  @ApiPropertyOptional({
    enum: REPORTED_COMPLETIONS,
    description: 'For an update on the commitment: its completion as the government sees it.',
  })
  @IsOptional()
  @IsIn(REPORTED_COMPLETIONS)
  reportedCompletion?: ReportedCompletion;

  @ApiPropertyOptional({
    enum: MILESTONE_STATUSES,
    description: "For an update on a milestone: its new status (the milestone's status moves with it).",
  })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES)
  milestoneStatus?: MilestoneStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete?: number;

  @ApiProperty({ description: 'What was done, in words.', maxLength: 20000 })
  @IsString()
  @NotBlank()
  @MaxLength(20_000)
  narrative: string;

  @ApiPropertyOptional({ type: [DocumentLinkDto], description: 'Supporting documents.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DocumentLinkDto)
  links?: DocumentLinkDto[];

  @ApiPropertyOptional({ format: 'date', description: 'First day of the period the update covers.' })
  @IsOptional()
  @IsCalendarDate()
  periodStart?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the period the update covers.' })
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The update this one corrects. Both stay visible.' })
  @IsOptional()
  @IsUUID()
  corrects?: string;
}

export class ListProgressUpdatesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only updates on this milestone.' })
  @IsOptional()
  @IsUUID()
  milestone?: string;
}

class MilestoneRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ordinal: number;
  @ApiProperty() title: string;
}

class AuthorRef {
  @ApiProperty({ description: 'The role of who posted it; people are not named.' }) role: string;
  @ApiProperty({ type: String, nullable: true, description: 'The member a point of contact acts for.' })
  member: string | null;
}

class DocumentLinkResponse {
  @ApiProperty() url: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
}

export class ProgressUpdateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KE0037' }) commitment: string;
  @ApiProperty({ type: MilestoneRef, nullable: true }) milestone: MilestoneRef | null;
  @ApiProperty({ enum: REPORTED_COMPLETIONS, nullable: true }) reportedCompletion: ReportedCompletion | null;
  @ApiProperty({ enum: MILESTONE_STATUSES, nullable: true }) milestoneStatus: MilestoneStatus | null;
  @ApiProperty({ type: Number, nullable: true }) percentComplete: number | null;
  @ApiProperty() narrative: string;
  @ApiProperty({ type: [DocumentLinkResponse] }) links: DocumentLinkResponse[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodStart: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodEnd: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) corrects: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The update that corrects this one, if any.',
  })
  correctedBy: string | null;
  @ApiProperty({ type: AuthorRef }) author: AuthorRef;
  @ApiProperty() createdAt: string;
}

export class ProgressUpdatePage extends PageMeta {
  @ApiProperty({ type: [ProgressUpdateResponse] }) items: ProgressUpdateResponse[];
}

export class TimelineQuery extends PageQuery {}

export class TimelineEntry {
  @ApiProperty({ enum: ['PROGRESS_UPDATE', 'MILESTONE_STATUS', 'ASSESSMENT', 'EVIDENCE', 'EVIDENCE_REPLY'] })
  kind: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: AuthorRef }) author: AuthorRef;
  @ApiProperty({ description: 'The id of the update, milestone or assessment.' }) subjectId: string;
  @ApiProperty({ description: 'What happened, in words.' }) summary: string;
  @ApiProperty({ type: Object, description: 'The facts of the entry (status, completion, report, ...).' })
  details: Record<string, unknown>;
}

export class TimelinePage extends PageMeta {
  @ApiProperty({ type: [TimelineEntry] }) items: TimelineEntry[];
}
