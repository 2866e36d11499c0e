import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { type ExpectedVersion, IfMatch } from '../../common/http/preconditions.js';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import { AssessmentsService } from './assessments.service.js';
import {
  AssessmentPage,
  AssessmentResponse,
  CreateAssessmentDto,
  ListAssessmentsQuery,
  UpdateAssessmentDto,
} from './dto/assessment.dto.js';

@ApiTags('assessments')
@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get('commitments/:commitment/assessments')
  @Public()
  @ApiOperation({
    summary:
      "Independent (IRM) assessments of the commitment, oldest first; drafts only for admins and the member's assessors.",
  })
  @ApiOkResponse({ type: AssessmentPage })
  @ApiProblems(400, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('commitment') commitment: string,
    @Query() query: ListAssessmentsQuery,
  ): Promise<Page<AssessmentResponse>> {
    return this.assessments.list(actor, commitment, query);
  }

  @Post('commitments/:commitment/assessments')
  @RequirePermission('assessment.write')
  @ApiOperation({
    summary:
      "Draft an assessment for one IRM report (an assessor assigned to the commitment's member). Only the indicators of that framework and product are accepted; a null indicator needs its reason in nullReasons.",
  })
  @ApiCreatedResponse({ type: AssessmentResponse })
  @ApiIdempotentCreate()
  @ApiProblems(401, 403, 404)
  create(
    @CurrentActor() actor: Actor,
    @Param('commitment') commitment: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.create(actor, commitment, dto);
  }

  @Get('assessments/:id')
  @Public()
  @ApiOperation({
    summary:
      'An assessment, with the facts the IRM rules derive from it (relevant, verifiable, starred, ...).',
  })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiProblems(404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AssessmentResponse> {
    return this.assessments.get(actor, id);
  }

  @Patch('assessments/:id')
  @RequirePermission('assessment.write')
  @ApiOperation({
    summary: 'Change a draft. A published assessment never changes (409): supersede it with a new one.',
  })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiConditionalUpdate()
  @ApiProblems(401, 403)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.update(actor, id, expected, dto);
  }

  @Post('assessments/:id/publish')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('assessment.write')
  @ApiOperation({
    summary:
      'Publish a draft: every indicator of its report rated or given a reason. One published assessment per commitment and report: a draft that names the one it supersedes replaces it.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the draft being published.' })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiProblems(401, 403, 404, 409, 412, 422, 428)
  publish(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
  ): Promise<AssessmentResponse> {
    return this.assessments.publish(actor, id, expected);
  }
}
