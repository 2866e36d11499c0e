import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NotBlank } from '../../../common/validation/decorators.js';
import { PageMeta, PageQuery } from '../../../common/pagination/pagination.js';
import type { PolicyAreaTag } from '../policy-area-tag.entity.js';
import { TAG_SLUG, TAG_SLUG_MAX } from '../tag.rules.js';

export class CreateTagDto {
  @ApiProperty({ example: 'Data Stewardship and Privacy', maxLength: 200 })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  label: string;

  @ApiPropertyOptional({
    description: 'Derived from the label when omitted.',
    example: 'data-stewardship-and-privacy',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TAG_SLUG_MAX)
  @Matches(TAG_SLUG, { message: 'slug must be lower-case words joined by hyphens' })
  slug?: string;
}

export class ListTagsQuery extends PageQuery {}

export class TagResponse {
  @ApiProperty({ example: 'open-data' }) slug: string;
  @ApiProperty({ example: 'Open Data' }) label: string;
}

export class TagPage extends PageMeta {
  @ApiProperty({ type: [TagResponse] }) items: TagResponse[];
}

export function toTagResponse(tag: PolicyAreaTag): TagResponse {
  return { slug: tag.slug, label: tag.label };
}
