import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/route-access.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { SmartReportResponse } from '../commitments/dto/smart.dto.js';
import { ComparePage, CompareQuery } from './dto/compare.dto.js';
import { PlanDashboardResponse } from './dto/dashboard.dto.js';
import { SmartCheckDto } from './dto/smart-check.dto.js';
import { type ComparisonPage, LensService } from './lens.service.js';

@ApiTags('lens')
@Controller()
export class LensController {
  constructor(private readonly lens: LensService) {}

  @Post('smart-check')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'SMART check of a draft commitment, saving nothing: the body of POST /action-plans/{id}/commitments with every field optional, plus actionPlanId and the milestones. Gives the findings the commitment will have once saved. Leave out what is not written yet.',
  })
  @ApiOkResponse({ type: SmartReportResponse })
  @ApiProblems(400, 413, 415, 422)
  smartCheck(@Body() dto: SmartCheckDto): Promise<SmartReportResponse> {
    return this.lens.checkDraft(dto);
  }

  @Get('action-plans/:id/dashboard')
  @Public()
  @ApiOperation({
    summary:
      "A plan as a whole: its commitments by area, value, completion, agreement, overdue milestones and SMART check; the forum's cadence; participation levels; and whether its digital policies are co-designed and overseen.",
  })
  @ApiOkResponse({ type: PlanDashboardResponse })
  @ApiProblems(404)
  dashboard(@Param('id') id: string): Promise<PlanDashboardResponse> {
    return this.lens.dashboard(id);
  }

  @Get('compare')
  @Public()
  @ApiOperation({
    summary:
      'Members side by side on a theme (area, tag, value or words): per member, its commitments on the theme with their completion, independent ratings and agreement. Who did it before, and how it went.',
  })
  @ApiOkResponse({ type: ComparePage })
  @ApiProblems(400)
  compare(@Query() query: CompareQuery): Promise<ComparisonPage> {
    return this.lens.compare(query);
  }
}
