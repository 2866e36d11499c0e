import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import {
  CreateProgressUpdateDto,
  ListProgressUpdatesQuery,
  ProgressUpdatePage,
  ProgressUpdateResponse,
  type TimelineEntry,
  TimelinePage,
  TimelineQuery,
} from './dto/progress.dto.js';
import { ProgressService } from './progress.service.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('progress')
@Controller()
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly timeline: TimelineService,
  ) {}

  @Get('commitments/:commitment/progress-updates')
  @Public()
  @ApiOperation({
    summary: 'What the government has reported on the commitment and its milestones, newest first.',
  })
  @ApiOkResponse({ type: ProgressUpdatePage })
  @ApiProblems(400, 404)
  list(
    @Param('commitment') commitment: string,
    @Query() query: ListProgressUpdatesQuery,
  ): Promise<Page<ProgressUpdateResponse>> {
    return this.progress.list(commitment, query);
  }

  @Post('commitments/:commitment/progress-updates')
  @RequirePermission('progress.write')
  @ApiOperation({
    summary:
      "Report progress (a point of contact of the commitment's member): on the commitment, a completion; on a milestone, its new status, which the milestone takes at once. Never edited: correct with a new update that names the old one.",
  })
  @ApiCreatedResponse({ type: ProgressUpdateResponse })
  @ApiIdempotentCreate()
  @ApiProblems(401, 403, 404)
  create(
    @CurrentActor() actor: Actor,
    @Param('commitment') commitment: string,
    @Body() dto: CreateProgressUpdateDto,
  ): Promise<ProgressUpdateResponse> {
    return this.progress.create(actor, commitment, dto);
  }

  @Get('progress-updates/:id')
  @Public()
  @ApiOperation({ summary: 'A progress update.' })
  @ApiOkResponse({ type: ProgressUpdateResponse })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<ProgressUpdateResponse> {
    return this.progress.get(id);
  }

  @Patch('progress-updates/:id')
  @Public()
  @ApiOperation({ summary: 'Refused (405): progress updates are append-only. Post a correction instead.' })
  @ApiProblems(405)
  refuseEdit(@Param('id') id: string): never {
    return this.progress.refuseChange(id);
  }

  @Delete('progress-updates/:id')
  @Public()
  @ApiOperation({ summary: 'Refused (405): progress updates are never deleted. Post a correction instead.' })
  @ApiProblems(405)
  refuseDelete(@Param('id') id: string): never {
    return this.progress.refuseChange(id);
  }

  @Get('commitments/:commitment/timeline')
  @Public()
  @ApiOperation({
    summary:
      'Everything that happened to the commitment, oldest first: progress updates, milestone status changes, published assessments.',
  })
  @ApiOkResponse({ type: TimelinePage })
  @ApiProblems(400, 404)
  getTimeline(
    @Param('commitment') commitment: string,
    @Query() query: TimelineQuery,
  ): Promise<Page<TimelineEntry>> {
    return this.timeline.of(commitment, query);
  }
}
