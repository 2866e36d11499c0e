import { Body, Controller, Headers, Get, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, RequirePermission } from '../../common/auth/route-access.js';
import { csvBody } from '../../common/csv/csv-body.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { BulkProgressService } from './bulk-progress.service.js';

class BulkProgressResponse {
  @ApiProperty({ description: 'Rows recorded, each as a progress update with its audit entry.' })
  accepted: number;
  @ApiProperty({ description: 'Rows left blank (no new status and no narrative).' }) skipped: number;
  @ApiProperty({ type: [String], description: 'The ids of the progress updates recorded.' })
  progressUpdates: string[];
}

@ApiTags('open data')
@Controller('members/:code')
export class BulkProgressController {
  constructor(private readonly bulk: BulkProgressService) {}

  @Get('milestones.csv')
  @RequirePermission('progress.write')
  @ApiOperation({
    summary:
      "The member's milestones as a worksheet (CSV) for its point of contact: fill New Status, Narrative and, if you like, Percent Complete, Period Start, Period End and Links, then upload it to POST /members/{code}/progress-updates/import.",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(404)
  async worksheet(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.bulk.worksheet(actor, code), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${code.toUpperCase()}-milestones.csv"`,
    });
  }

  @Post('progress-updates/import')
  @RequirePermission('progress.write')
  @ApiOperation({
    summary:
      'Upload the filled worksheet (text/csv): every row checked first, then each filled row recorded as a progress update on its milestone, all or none; 422 lists every problem by line and column.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: BulkProgressResponse })
  @ApiProblems(400, 404, 413, 415, 422)
  upload(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<BulkProgressResponse> {
    return this.bulk.upload(actor, code, csvBody(body, contentType));
  }
}
