import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';

const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'REVOKE', 'DENIED'] as const;

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'commitment' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  resourceType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resourceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Id of the user who acted.' })
  @IsOptional()
  @IsUUID()
  actor?: string;

  @ApiPropertyOptional({ enum: ACTIONS })
  @IsOptional()
  @IsIn(ACTIONS)
  action?: (typeof ACTIONS)[number];
}

export class HistoryQuery extends PageQuery {}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Position in the log.' }) id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'admin, government_poc, civil_society, assessor, anonymous or system.',
  })
  actorRole: string | null;
  @ApiProperty({ enum: ACTIONS }) action: string;
  @ApiProperty() resourceType: string;
  @ApiProperty() resourceId: string;
  @ApiProperty({ type: String, nullable: true }) commitmentId: string | null;
  @ApiProperty({ type: Object, nullable: true }) before: unknown;
  @ApiProperty({ type: Object, nullable: true }) after: unknown;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the entry before.' }) prevHash:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Scheme 1: SHA-256 of the canonical JSON of this entry with prevHash in it. Scheme 2: SHA-256 of prevHash (or nothing) followed by the SHA-256 of the canonical JSON of this entry without prevHash.',
  })
  hash: string | null;
  @ApiProperty({ enum: [1, 2], description: 'How hash was computed (see hash).' }) hashScheme: 1 | 2;
}

export class AuditPage extends PageMeta {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
}

export class PublicHistoryEntry {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: ACTIONS }) action: string;
  @ApiProperty({ example: 'milestone' }) resourceType: string;
  @ApiProperty() resourceId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The role of who acted; people are not named.' })
  actorRole: string | null;
  @ApiProperty({ type: Object, nullable: true }) before: unknown;
  @ApiProperty({ type: Object, nullable: true }) after: unknown;
}

export class HistoryPage extends PageMeta {
  @ApiProperty({ type: [PublicHistoryEntry] }) items: PublicHistoryEntry[];
}

class ChainBreakResponse {
  @ApiProperty({ description: 'Id of the first entry that does not hold.' }) id: string;
  @ApiProperty() reason: string;
}

export class AuditVerification {
  @ApiProperty() valid: boolean;
  @ApiProperty({ description: 'Entries found intact before the first break (all of them when valid).' })
  entriesChecked: number;
  @ApiProperty({ type: ChainBreakResponse, nullable: true }) firstBrokenEntry: ChainBreakResponse | null;
  @ApiProperty({ type: String, nullable: true, description: 'Hash of the last entry, when the chain holds.' })
  lastHash: string | null;
}
