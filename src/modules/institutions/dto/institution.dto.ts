import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { NotBlank, OptionalNotNull } from '../../../common/validation/decorators.js';
import type { Institution } from '../institution.entity.js';
import { INSTITUTION_TYPES, type InstitutionType } from '../institution.rules.js';

export class CreateInstitutionDto {
  @ApiProperty({ example: 'Ministry of Information, Communications and the Digital Economy', maxLength: 300 })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: INSTITUTION_TYPES })
  @IsIn(INSTITUTION_TYPES)
  type: InstitutionType;

  @ApiPropertyOptional({
    description: 'Code of the member it belongs to; omit for international bodies.',
    example: 'KEN',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3,4}$/, { message: 'member must be a member code of three or four capital letters' })
  member?: string;
}

export class UpdateInstitutionDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ enum: INSTITUTION_TYPES })
  @OptionalNotNull()
  @IsIn(INSTITUTION_TYPES)
  type?: InstitutionType;
}

export class ListInstitutionsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Member code.', example: 'KEN' })
  @IsOptional()
  @IsString()
  @MaxLength(4)
  member?: string;

  @ApiPropertyOptional({ enum: INSTITUTION_TYPES })
  @IsOptional()
  @IsIn(INSTITUTION_TYPES)
  type?: InstitutionType;
}

export class InstitutionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INSTITUTION_TYPES }) type: InstitutionType;
  @ApiProperty({ type: String, nullable: true, description: 'Member code, null for international bodies.' })
  member: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class InstitutionPage extends PageMeta {
  @ApiProperty({ type: [InstitutionResponse] }) items: InstitutionResponse[];
}

/** `institution.member` must be loaded. */
export function toInstitutionResponse(institution: Institution): InstitutionResponse {
  return {
    id: institution.id,
    name: institution.name,
    type: institution.type,
    member: institution.member?.code ?? null,
    version: institution.version,
    createdAt: institution.createdAt.toISOString(),
    updatedAt: institution.updatedAt.toISOString(),
  };
}
