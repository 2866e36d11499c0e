import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import { IfMatch, type ExpectedVersion } from '../../common/http/preconditions.js';
import type { Page } from '../../common/pagination/pagination.js';
import {
  CreateMemberDto,
  ListMembersQuery,
  MemberPage,
  MemberResponse,
  UpdateMemberDto,
} from './dto/member.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List members (national and local governments), by code.' })
  @ApiOkResponse({ type: MemberPage })
  @ApiProblems(400)
  list(@Query() query: ListMembersQuery): Promise<Page<MemberResponse>> {
    return this.members.list(query);
  }

  @Post()
  @RequirePermission('member.write')
  @ApiOperation({ summary: 'Register a member.' })
  @ApiCreatedResponse({ type: MemberResponse })
  @ApiIdempotentCreate()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMemberDto): Promise<MemberResponse> {
    return this.members.create(actor, dto);
  }

  @Get(':member')
  @Public()
  @ApiOperation({ summary: 'A member, by code (KEN) or id.' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiProblems(404)
  get(@Param('member') key: string): Promise<MemberResponse> {
    return this.members.get(key);
  }

  @Patch(':member')
  @RequirePermission('member.write')
  @ApiOperation({ summary: "Change a member's name or region. The code and type are fixed." })
  @ApiOkResponse({ type: MemberResponse })
  @ApiConditionalUpdate()
  update(
    @CurrentActor() actor: Actor,
    @Param('member') key: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberResponse> {
    return this.members.update(actor, key, expected, dto);
  }
}
