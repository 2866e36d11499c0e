import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/route-access.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import {
  AssessmentExportQuery,
  CommitmentExportQuery,
  EvidenceExportQuery,
  ExportScopeQuery,
  MilestoneExportQuery,
} from './dto/export.dto.js';
import { ExportsService } from './exports.service.js';

const CSV = { 'text/csv': { schema: { type: 'string', format: 'binary' } } };
const JSON_ARRAY = { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } };

/** Open data out: every public record, as CSV (UTF-8, a header row) or a JSON array, streamed. */
@ApiTags('open data')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('commitments.csv')
  @Public()
  @ApiOperation({
    summary:
      "Commitments as CSV, filtered like GET /commitments, with the column names of OGP's IRM data export where a field has one (so the import reads it back), then the tracker's own columns.",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ content: CSV })
  @ApiProblems(400)
  commitmentsCsv(@Query() query: CommitmentExportQuery): StreamableFile {
    return this.exports.commitmentsFile(query, 'csv');
  }

  @Get('commitments.json')
  @Public()
  @ApiOperation({
    summary: 'Commitments as a JSON array of what GET /commitments/{code} gives, filtered like the list.',
  })
  @ApiOkResponse({ content: JSON_ARRAY })
  @ApiProblems(400)
  commitmentsJson(@Query() query: CommitmentExportQuery): StreamableFile {
    return this.exports.commitmentsFile(query, 'json');
  }

  @Get('milestones.csv')
  @Public()
  @ApiOperation({ summary: 'Milestones as CSV, by commitment code and ordinal.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ content: CSV })
  @ApiProblems(400)
  milestonesCsv(@Query() query: MilestoneExportQuery): StreamableFile {
    return this.exports.milestonesFile(query, 'csv');
  }

  @Get('milestones.json')
  @Public()
  @ApiOperation({ summary: 'Milestones as a JSON array, by commitment code and ordinal.' })
  @ApiOkResponse({ content: JSON_ARRAY })
  @ApiProblems(400)
  milestonesJson(@Query() query: MilestoneExportQuery): StreamableFile {
    return this.exports.milestonesFile(query, 'json');
  }

  @Get('progress-updates.csv')
  @Public()
  @ApiOperation({ summary: 'Progress updates as CSV, oldest first, without their authors.' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ content: CSV })
  @ApiProblems(400)
  progressCsv(@Query() query: ExportScopeQuery): StreamableFile {
    return this.exports.progressFile(query, 'csv');
  }

  @Get('progress-updates.json')
  @Public()
  @ApiOperation({ summary: 'Progress updates as a JSON array, oldest first, without their authors.' })
  @ApiOkResponse({ content: JSON_ARRAY })
  @ApiProblems(400)
  progressJson(@Query() query: ExportScopeQuery): StreamableFile {
    return this.exports.progressFile(query, 'json');
  }

  @Get('assessments.csv')
  @Public()
  @ApiOperation({
    summary: 'Published and superseded independent assessments as CSV (null ratings give their reason).',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ content: CSV })
  @ApiProblems(400)
  assessmentsCsv(@Query() query: AssessmentExportQuery): StreamableFile {
    return this.exports.assessmentsFile(query, 'csv');
  }

  @Get('assessments.json')
  @Public()
  @ApiOperation({ summary: 'Published and superseded independent assessments as a JSON array.' })
  @ApiOkResponse({ content: JSON_ARRAY })
  @ApiProblems(400)
  assessmentsJson(@Query() query: AssessmentExportQuery): StreamableFile {
    return this.exports.assessmentsFile(query, 'json');
  }

  @Get('evidence.csv')
  @Public()
  @ApiOperation({
    summary: 'Public oversight evidence as CSV (restricted and hidden items never), without submitters.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ content: CSV })
  @ApiProblems(400)
  evidenceCsv(@Query() query: EvidenceExportQuery): StreamableFile {
    return this.exports.evidenceFile(query, 'csv');
  }

  @Get('evidence.json')
  @Public()
  @ApiOperation({ summary: 'Public oversight evidence as a JSON array (restricted and hidden items never).' })
  @ApiOkResponse({ content: JSON_ARRAY })
  @ApiProblems(400)
  evidenceJson(@Query() query: EvidenceExportQuery): StreamableFile {
    return this.exports.evidenceFile(query, 'json');
  }
}
