import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ExpectedVersion, IfMatch } from '../../common/http/preconditions.js';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import {
  CreateMilestoneDto,
  ListMilestonesQuery,
  MilestonePage,
  MilestoneResponse,
  UpdateMilestoneDto,
} from './dto/milestone.dto.js';
import { MilestonesService } from './milestones.service.js';

@ApiTags('milestones')
@Controller()
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get('commitments/:commitment/milestones')
  @Public()
  @ApiOperation({ summary: "A commitment's milestones, in order." })
  @ApiOkResponse({ type: MilestonePage })
  @ApiProblems(400, 404)
  list(
    @Param('commitment') commitment: string,
    @Query() query: ListMilestonesQuery,
  ): Promise<Page<MilestoneResponse>> {
    return this.milestones.listOfCommitment(commitment, query);
  }

  @Post('commitments/:commitment/milestones')
  @RequirePermission('milestone.write')
  @ApiOperation({ summary: 'Add a milestone to a commitment.' })
  @ApiCreatedResponse({ type: MilestoneResponse })
  @ApiIdempotentCreate()
  @ApiProblems(404)
  create(
    @CurrentActor() actor: Actor,
    @Param('commitment') commitment: string,
    @Body() dto: CreateMilestoneDto,
  ): Promise<MilestoneResponse> {
    return this.milestones.create(actor, commitment, dto);
  }

  @Get('milestones/:id')
  @Public()
  @ApiOperation({ summary: 'A milestone.' })
  @ApiOkResponse({ type: MilestoneResponse })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<MilestoneResponse> {
    return this.milestones.get(id);
  }

  @Patch('milestones/:id')
  @RequirePermission('milestone.write')
  @ApiOperation({ summary: 'Change a milestone, including its status. Withdraw rather than delete.' })
  @ApiOkResponse({ type: MilestoneResponse })
  @ApiConditionalUpdate()
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateMilestoneDto,
  ): Promise<MilestoneResponse> {
    return this.milestones.update(actor, id, expected, dto);
  }
}
