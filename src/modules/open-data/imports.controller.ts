import { Body, Controller, Headers, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, RequirePermission } from '../../common/auth/route-access.js';
import { csvBody } from '../../common/csv/csv-body.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import { ImportJobPage, ImportJobResponse, ImportQuery, ListImportJobsQuery } from './dto/import.dto.js';
import { ImportJobsService } from './import-jobs.service.js';

@ApiTags('open data')
@Controller('imports')
export class ImportsController {
  constructor(private readonly jobs: ImportJobsService) {}

  @Post('irm')
  @RequirePermission('data.import')
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Import OGP's IRM data export (CSV, one row per commitment, as text/csv): members, action plans, commitments and their published assessments, keyed by the commitment code; all or nothing. Answers at once with a job: follow GET /imports/{id} for its status and report.",
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: ImportJobResponse })
  @ApiProblems(400, 413, 415)
  startIrm(
    @CurrentActor() actor: Actor,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<ImportJobResponse> {
    return this.jobs.startIrm(actor, csvBody(body, contentType), query.dryRun ?? false);
  }

  @Get()
  @RequirePermission('data.import')
  @ApiOperation({ summary: 'Import jobs, newest first.' })
  @ApiOkResponse({ type: ImportJobPage })
  @ApiProblems(400)
  list(@Query() query: ListImportJobsQuery): Promise<Page<ImportJobResponse>> {
    return this.jobs.list(query);
  }

  @Get(':id')
  @RequirePermission('data.import')
  @ApiOperation({
    summary: 'An import job: RUNNING, then SUCCEEDED or FAILED with its report (row, column, value, reason).',
  })
  @ApiOkResponse({ type: ImportJobResponse })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<ImportJobResponse> {
    return this.jobs.get(id);
  }
}
