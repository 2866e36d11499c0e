import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import { CreateTagDto, ListTagsQuery, TagPage, TagResponse } from './dto/tag.dto.js';
import { TagsService } from './tags.service.js';

@ApiTags('tags')
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List the policy-area tags, by slug.' })
  @ApiOkResponse({ type: TagPage })
  @ApiProblems(400)
  list(@Query() query: ListTagsQuery): Promise<Page<TagResponse>> {
    return this.tags.list(query);
  }

  @Post()
  @RequirePermission('tag.write')
  @ApiOperation({ summary: 'Add a policy-area tag.' })
  @ApiCreatedResponse({ type: TagResponse })
  @ApiIdempotentCreate()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTagDto): Promise<TagResponse> {
    return this.tags.create(actor, dto);
  }

  @Get(':slug')
  @Public()
  @ApiOperation({ summary: 'A policy-area tag.' })
  @ApiOkResponse({ type: TagResponse })
  @ApiProblems(404)
  get(@Param('slug') slug: string): Promise<TagResponse> {
    return this.tags.get(slug);
  }
}
