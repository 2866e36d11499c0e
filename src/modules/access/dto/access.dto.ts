import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '../../../common/auth/actor.js';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import { NotBlank, OptionalNotNull } from '../../../common/validation/decorators.js';
import { ORGANISATION_TYPES, type OrganisationType } from '../access.entities.js';

const MEMBER_CODE = /^[A-Z]{3,4}$/;

export class CreateOrganisationDto {
  @ApiProperty({ maxLength: 300 }) @IsString() @NotBlank() @MaxLength(300) name: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) @IsIn(ORGANISATION_TYPES) type: OrganisationType;
  @ApiPropertyOptional({ description: 'Member code, for a government body.' })
  @IsOptional()
  @Matches(MEMBER_CODE, { message: 'member must be a member code such as KEN' })
  member?: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(300)
  name?: string;
}

export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;
}

export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type: OrganisationType;
  @ApiProperty({ type: String, nullable: true }) member: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class OrganisationPage extends PageMeta {
  @ApiProperty({ type: [OrganisationResponse] }) items: OrganisationResponse[];
}

export class CreateUserDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @NotBlank() @MaxLength(200) name: string;
  @ApiProperty({ maxLength: 320 }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ description: 'Member code: required for, and only for, a government_poc.' })
  @IsOptional()
  @Matches(MEMBER_CODE, { message: 'member must be a member code such as KEN' })
  member?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a civil_society user.' })
  @IsOptional()
  @IsUUID()
  organisation?: string;
  @ApiPropertyOptional({ type: [String], description: 'Member codes an assessor is assigned to.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(MEMBER_CODE, { each: true, message: 'each assigned member must be a member code such as KEN' })
  assignedMembers?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ maxLength: 320 }) @OptionalNotNull() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ description: 'false deactivates the user: their tokens stop working.' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Replaces the members an assessor is assigned to.' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(300)
  @Matches(MEMBER_CODE, { each: true, message: 'each assigned member must be a member code such as KEN' })
  assignedMembers?: string[];
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'Member code.' }) @IsOptional() @Matches(MEMBER_CODE) member?: string;
}

class OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) member: string | null;
  @ApiProperty({ type: OrganisationRef, nullable: true }) organisation: OrganisationRef | null;
  @ApiProperty({ type: [String] }) assignedMembers: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class UserPage extends PageMeta {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
}

export class CreateTokenDto {
  @ApiProperty({ maxLength: 200, example: 'Open-data portal sync' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the token stops working; never if left out.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class ListTokensQuery extends PageQuery {}

export class TokenResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters of the token, to tell tokens apart.' }) prefix: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt: string | null;
}

export class CreatedTokenResponse extends TokenResponse {
  @ApiProperty({ description: 'The token itself. It is shown this once and never stored: keep it safe.' })
  token: string;
}

export class TokenPage extends PageMeta {
  @ApiProperty({ type: [TokenResponse] }) items: TokenResponse[];
}
