import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { NotBlank, OptionalNotNull } from '../../../common/validation/decorators.js';
import type { Member } from '../member.entity.js';
import { MEMBER_TYPES, type MemberType, REGIONS, type Region } from '../member.rules.js';

export class CreateMemberDto {
  @ApiProperty({
    description: 'ISO 3166 alpha-3 for national members, four letters for local ones.',
    example: 'KEN',
  })
  @IsString()
  @Matches(/^[A-Z]{3,4}$/, { message: 'code must be three or four capital letters' })
  code: string;

  @ApiProperty({ example: 'Kenya', maxLength: 200 })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: MEMBER_TYPES })
  @IsIn(MEMBER_TYPES)
  type: MemberType;

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region: Region;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: REGIONS })
  @OptionalNotNull()
  @IsIn(REGIONS)
  region?: Region;
}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MEMBER_TYPES })
  @IsOptional()
  @IsIn(MEMBER_TYPES)
  type?: MemberType;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KEN' }) code: string;
  @ApiProperty({ example: 'Kenya' }) name: string;
  @ApiProperty({ enum: MEMBER_TYPES }) type: MemberType;
  @ApiProperty({ enum: REGIONS }) region: Region;
  @ApiProperty({ description: 'Bumped by every change; the ETag.' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class MemberPage extends PageMeta {
  @ApiProperty({ type: [MemberResponse] }) items: MemberResponse[];
}

export function toMemberResponse(member: Member): MemberResponse {
  return {
    id: member.id,
    code: member.code,
    name: member.name,
    type: member.type,
    region: member.region,
    version: member.version,
    createdAt: member.createdAt.toISOString(),
    updatedAt: member.updatedAt.toISOString(),
  };
}
