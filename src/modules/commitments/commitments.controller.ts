import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ExpectedVersion, IfMatch, IfNoneMatch } from '../../common/http/preconditions.js';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import { HistoryPage, HistoryQuery, type PublicHistoryEntry } from '../audit/dto/audit.dto.js';
import { CommitmentsService } from './commitments.service.js';
import {
  CommitmentPage,
  CommitmentResponse,
  CreateCommitmentDto,
  ListCommitmentsQuery,
  PlanCommitmentsQuery,
  UpdateCommitmentDto,
} from './dto/commitment.dto.js';
import { SmartReportResponse } from './dto/smart.dto.js';

@ApiTags('commitments')
@Controller()
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get('commitments')
  @Public()
  @ApiOperation({
    summary: 'List commitments by code, filtered by member, plan, area, OGP value, tag or words.',
  })
  @ApiOkResponse({ type: CommitmentPage })
  @ApiProblems(400)
  list(@Query() query: ListCommitmentsQuery): Promise<Page<CommitmentResponse>> {
    return this.commitments.list(query);
  }

  @Get('commitments/:commitment')
  @Public()
  @ApiOperation({
    summary: 'A commitment, by code (KE0037) or id. Signed-in callers also get its contact person.',
  })
  @ApiOkResponse({ type: CommitmentResponse })
  @ApiProblems(404)
  get(
    @CurrentActor() actor: Actor,
    @Param('commitment') key: string,
    @IfNoneMatch() ifNoneMatch: string | undefined,
  ): Promise<CommitmentResponse> {
    return this.commitments.get(actor, key, ifNoneMatch);
  }

  @Get('commitments/:commitment/smart')
  @Public()
  @ApiOperation({
    summary:
      'SMART check of a commitment: per letter (Specific, Measurable, Assignable, Relevant, Time-bound, Participatory) the failures and warnings, with a specificity hint. Authoring hints, not an IRM rating.',
  })
  @ApiOkResponse({ type: SmartReportResponse })
  @ApiProblems(404)
  smart(@Param('commitment') key: string): Promise<SmartReportResponse> {
    return this.commitments.smart(key);
  }

  @Get('commitments/:commitment/history')
  @Public()
  @ApiOperation({
    summary:
      'Every change to the commitment and its milestones, newest first: what changed, when, and the role of who changed it.',
  })
  @ApiOkResponse({ type: HistoryPage })
  @ApiProblems(400, 404)
  history(@Param('commitment') key: string, @Query() query: HistoryQuery): Promise<Page<PublicHistoryEntry>> {
    return this.commitments.history(key, query);
  }

  @Patch('commitments/:commitment')
  @RequirePermission('commitment.write')
  @ApiOperation({
    summary:
      'Change a commitment. Lists given (values, tags, links, supporting institutions) replace the current ones.',
  })
  @ApiOkResponse({ type: CommitmentResponse })
  @ApiConditionalUpdate()
  update(
    @CurrentActor() actor: Actor,
    @Param('commitment') key: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.update(actor, key, expected, dto);
  }

  @Get('action-plans/:id/commitments')
  @Public()
  @ApiOperation({ summary: "An action plan's commitments, by code." })
  @ApiOkResponse({ type: CommitmentPage })
  @ApiProblems(400, 404)
  listOfPlan(
    @Param('id') id: string,
    @Query() query: PlanCommitmentsQuery,
  ): Promise<Page<CommitmentResponse>> {
    return this.commitments.listOfPlan(id, query);
  }

  @Post('action-plans/:id/commitments')
  @RequirePermission('commitment.write')
  @ApiOperation({ summary: 'Add a commitment to an action plan.' })
  @ApiCreatedResponse({ type: CommitmentResponse })
  @ApiIdempotentCreate()
  @ApiProblems(404)
  create(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() dto: CreateCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.create(actor, id, dto);
  }
}
