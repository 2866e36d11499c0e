import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ExpectedVersion, IfMatch } from '../../common/http/preconditions.js';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import { ActionPlansService } from './action-plans.service.js';
import {
  ActionPlanPage,
  ActionPlanResponse,
  CreateActionPlanDto,
  CreateForumMeetingDto,
  ForumMeetingPage,
  ForumMeetingResponse,
  ListActionPlansQuery,
  ListForumMeetingsQuery,
  ListMemberActionPlansQuery,
  UpdateActionPlanDto,
  UpdateForumMeetingDto,
} from './dto/action-plan.dto.js';

@ApiTags('action plans')
@Controller()
export class ActionPlansController {
  constructor(private readonly plans: ActionPlansService) {}

  @Get('action-plans')
  @Public()
  @ApiOperation({ summary: 'List action plans, by start date.' })
  @ApiOkResponse({ type: ActionPlanPage })
  @ApiProblems(400)
  list(@Query() query: ListActionPlansQuery): Promise<Page<ActionPlanResponse>> {
    return this.plans.list(query);
  }

  @Get('members/:member/action-plans')
  @Public()
  @ApiOperation({ summary: "A member's action plans, by start date." })
  @ApiOkResponse({ type: ActionPlanPage })
  @ApiProblems(400, 404)
  listOfMember(
    @Param('member') member: string,
    @Query() query: ListMemberActionPlansQuery,
  ): Promise<Page<ActionPlanResponse>> {
    return this.plans.listOfMember(member, query);
  }

  @Post('members/:member/action-plans')
  @RequirePermission('action_plan.write')
  @ApiOperation({ summary: 'Register an action plan of a member (past plans may be registered as ENDED).' })
  @ApiCreatedResponse({ type: ActionPlanResponse })
  @ApiIdempotentCreate()
  @ApiProblems(404)
  create(
    @CurrentActor() actor: Actor,
    @Param('member') member: string,
    @Body() dto: CreateActionPlanDto,
  ): Promise<ActionPlanResponse> {
    return this.plans.create(actor, member, dto);
  }

  @Get('action-plans/:id')
  @Public()
  @ApiOperation({ summary: 'An action plan, with warnings where it departs from OGP guidance.' })
  @ApiOkResponse({ type: ActionPlanResponse })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<ActionPlanResponse> {
    return this.plans.get(id);
  }

  @Patch('action-plans/:id')
  @RequirePermission('action_plan.write')
  @ApiOperation({ summary: 'Change an action plan, including moving it through its statuses.' })
  @ApiOkResponse({ type: ActionPlanResponse })
  @ApiConditionalUpdate()
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateActionPlanDto,
  ): Promise<ActionPlanResponse> {
    return this.plans.update(actor, id, expected, dto);
  }

  @Get('action-plans/:id/forum-meetings')
  @Public()
  @ApiOperation({ summary: "Meetings of the plan's multi-stakeholder forum, by date." })
  @ApiOkResponse({ type: ForumMeetingPage })
  @ApiProblems(400, 404)
  listMeetings(
    @Param('id') id: string,
    @Query() query: ListForumMeetingsQuery,
  ): Promise<Page<ForumMeetingResponse>> {
    return this.plans.listMeetings(id, query);
  }

  @Post('action-plans/:id/forum-meetings')
  @RequirePermission('action_plan.write')
  @ApiOperation({ summary: 'Record a meeting of the multi-stakeholder forum.' })
  @ApiCreatedResponse({ type: ForumMeetingResponse })
  @ApiIdempotentCreate()
  @ApiProblems(404)
  addMeeting(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: CreateForumMeetingDto,
  ): Promise<ForumMeetingResponse> {
    return this.plans.addMeeting(actor, id, dto);
  }

  @Get('action-plans/:id/forum-meetings/:meetingId')
  @Public()
  @ApiOperation({ summary: 'A forum meeting record.' })
  @ApiOkResponse({ type: ForumMeetingResponse })
  @ApiProblems(404)
  getMeeting(@Param('id') id: string, @Param('meetingId') meetingId: string): Promise<ForumMeetingResponse> {
    return this.plans.getMeeting(id, meetingId);
  }

  @Patch('action-plans/:id/forum-meetings/:meetingId')
  @RequirePermission('action_plan.write')
  @ApiOperation({ summary: 'Correct a forum meeting record.' })
  @ApiOkResponse({ type: ForumMeetingResponse })
  @ApiConditionalUpdate()
  updateMeeting(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('meetingId') meetingId: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateForumMeetingDto,
  ): Promise<ForumMeetingResponse> {
    return this.plans.updateMeeting(actor, id, meetingId, expected, dto);
  }
}
