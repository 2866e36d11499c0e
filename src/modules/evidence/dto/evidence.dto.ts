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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { HTTP_URL, IsCalendarDate, NotBlank } from '../../../common/validation/decorators.js';
import { IAP2_LEVELS, type Iap2Level } from '../../action-plans/action-plan.rules.js';
import { STANCES, type Stance, VERDICTS, type Verdict } from '../../commitments/agreement.rules.js';
import { REPORTED_COMPLETIONS, type ReportedCompletion } from '../../commitments/commitment-state.rules.js';
import { DOCUMENT_REFERENCE } from '../document.rules.js';
import { EVIDENCE_TYPES, type EvidenceType, VISIBILITIES, type Visibility } from '../evidence.entities.js';

export class EvidenceLinkDto {
  @ApiProperty() @IsUrl(HTTP_URL) @MaxLength(2000) url: string;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) title?: string;
}

/** A document named within the evidence item: by URL (with its hash and size, so anyone can check a copy), or uploaded later. */
export class DocumentReferenceDto {
  @ApiProperty({
    example: 'shadow-report-2025.pdf',
    description: 'A name for the document within this evidence item.',
  })
  @Matches(DOCUMENT_REFERENCE, {
    message: 'reference must be letters, digits, dots, dashes or underscores (up to 120)',
  })
  reference: string;

  @ApiPropertyOptional({ description: 'Where the document is published.' })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({
    description: 'SHA-256 of the document, hex: an upload under this reference must match it.',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256?: string;

  @ApiPropertyOptional({ description: 'Size in bytes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  sizeBytes?: number;
}

export class CreateEvidenceDto {
  @ApiProperty({ enum: EVIDENCE_TYPES }) @IsIn(EVIDENCE_TYPES) type: EvidenceType;
  @ApiProperty({ maxLength: 300 }) @IsString() @NotBlank() @MaxLength(300) title: string;
  @ApiProperty({ maxLength: 20000, description: 'What was found.' })
  @IsString()
  @NotBlank()
  @MaxLength(20_000)
  summary: string;
  @ApiProperty({ enum: STANCES, description: 'What the evidence says about the claim.' })
  @IsIn(STANCES)
  stance: Stance;
  @ApiPropertyOptional({
    enum: REPORTED_COMPLETIONS,
    description: 'The completion the evidence supports, if it says.',
  })
  @IsOptional()
  @IsIn(REPORTED_COMPLETIONS)
  supportedCompletion?: ReportedCompletion;
  @ApiPropertyOptional({ format: 'uuid', description: 'The milestone the evidence is about.' })
  @IsOptional()
  @IsUUID()
  milestoneId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The progress update whose claim the evidence checks.',
  })
  @IsOptional()
  @IsUUID()
  progressUpdateId?: string;
  @ApiPropertyOptional({ format: 'date', description: 'When the audit, hearing or survey took place.' })
  @IsOptional()
  @IsCalendarDate()
  activityDate?: string;
  @ApiPropertyOptional({
    enum: IAP2_LEVELS,
    description: 'The level of public influence of the process that produced it.',
  })
  @IsOptional()
  @IsIn(IAP2_LEVELS)
  iap2Level?: Iap2Level;
  @ApiPropertyOptional({
    enum: VISIBILITIES,
    default: 'PUBLIC',
    description: 'RESTRICTED: only its organisation and admins see it.',
  })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;
  @ApiPropertyOptional({ type: [EvidenceLinkDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  links?: EvidenceLinkDto[];
  @ApiPropertyOptional({ type: [DocumentReferenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DocumentReferenceDto)
  documents?: DocumentReferenceDto[];
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Admins only, on behalf of a registered organisation.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({
    maxLength: 300,
    description: 'Admins only, on behalf of a group without an account.',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  organisationName?: string;
}

export class CreateReplyDto {
  @ApiProperty({ maxLength: 20000 }) @IsString() @NotBlank() @MaxLength(20_000) body: string;
}

export class HideDto {
  @ApiProperty({ maxLength: 2000, description: 'Shown to everyone: spam, personal data, abuse...' })
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  reason: string;
}

export class ListEvidenceQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STANCES }) @IsOptional() @IsIn(STANCES) stance?: Stance;
}

class OrganisationRef {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id: string | null;
  @ApiProperty() name: string;
}

class AuthorRef {
  @ApiProperty({ description: 'The role of who wrote it; people are not named.' }) role: string;
  @ApiProperty({ type: String, nullable: true }) member: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
}

class HiddenRef {
  @ApiProperty() at: string;
  @ApiProperty() reason: string;
}

export class DocumentResponse {
  @ApiProperty() reference: string;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex): check any copy against it.' })
  sha256: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'As detected from the content.' }) mediaType:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where to download the uploaded copy.' })
  download: string | null;
}

export class ReplyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: AuthorRef }) author: AuthorRef;
  @ApiProperty({ description: 'Empty when moderators hid the reply.' }) body: string;
  @ApiProperty({ type: HiddenRef, nullable: true }) hidden: HiddenRef | null;
  @ApiProperty() createdAt: string;
}

export class EvidenceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KE0037' }) commitment: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) milestoneId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) progressUpdateId: string | null;
  @ApiProperty({ enum: EVIDENCE_TYPES }) type: EvidenceType;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: OrganisationRef }) organisation: OrganisationRef;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) activityDate: string | null;
  @ApiProperty({ type: [EvidenceLinkDto] }) links: { url: string; title: string | null }[];
  @ApiProperty({ enum: IAP2_LEVELS, nullable: true }) iap2Level: Iap2Level | null;
  @ApiProperty({ enum: STANCES }) stance: Stance;
  @ApiProperty({ enum: REPORTED_COMPLETIONS, nullable: true }) supportedCompletion: ReportedCompletion | null;
  @ApiProperty({ enum: VISIBILITIES }) visibility: Visibility;
  @ApiProperty({ type: [DocumentResponse] }) documents: DocumentResponse[];
  @ApiProperty({ type: [ReplyResponse], description: 'The right-of-reply thread, oldest first.' })
  replies: ReplyResponse[];
  @ApiProperty({ description: 'The role of who submitted it.' }) submittedBy: string;
  @ApiProperty({
    type: HiddenRef,
    nullable: true,
    description: 'Set when moderators hid it (admins only see hidden items).',
  })
  hidden: HiddenRef | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

export class EvidencePage extends PageMeta {
  @ApiProperty({ type: [EvidenceResponse] }) items: EvidenceResponse[];
}

class EvidenceCounts {
  @ApiProperty() confirms: number;
  @ApiProperty() contradicts: number;
  @ApiProperty() mixed: number;
  @ApiProperty() context: number;
}

class SelfReported {
  @ApiProperty({ enum: REPORTED_COMPLETIONS, nullable: true }) completion: ReportedCompletion | null;
}

class Independent {
  @ApiProperty({ type: String, nullable: true }) completion: string | null;
}

class CivicSide {
  @ApiProperty({ type: EvidenceCounts }) counts: EvidenceCounts;
  @ApiProperty({ type: [EvidenceResponse], description: 'The latest public items, newest first.' })
  latest: EvidenceResponse[];
}

export class AgreementResponse {
  @ApiProperty() commitment: string;
  @ApiProperty({
    type: SelfReported,
    description: 'What the latest progress update on the commitment reported.',
  })
  selfReported: SelfReported;
  @ApiProperty({ type: Independent, description: 'The latest published independent (IRM) completion.' })
  independent: Independent;
  @ApiProperty({ type: CivicSide, description: 'Public, unhidden civic evidence.' }) civic: CivicSide;
  @ApiProperty({ enum: VERDICTS }) verdict: Verdict;
  @ApiProperty({ type: [String], description: 'Why, in words.' }) reasons: string[];
}
