import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ExpectedVersion, IfMatch } from '../../common/http/preconditions.js';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import { CommitmentsService } from './commitments.service.js';
import {
  CommitmentPage,
  CommitmentResponse,
  CreateCommitmentDto,
  ListCommitmentsQuery,
  PlanCommitmentsQuery,
  UpdateCommitmentDto,
} from './dto/commitment.dto.js';

@ApiTags('commitments')
@Controller()
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get('commitments')
  @ApiOperation({
    summary: 'List commitments by code, filtered by member, plan, area, OGP value, tag or words.',
  })
  @ApiOkResponse({ type: CommitmentPage })
  @ApiProblems(400)
  list(@Query() query: ListCommitmentsQuery): Promise<Page<CommitmentResponse>> {
    return this.commitments.list(query);
  }

  @Get('commitments/:commitment')
  @ApiOperation({ summary: 'A commitment, by code (KE0037) or id.' })
  @ApiOkResponse({ type: CommitmentResponse })
  @ApiProblems(404)
  get(@Param('commitment') key: string): Promise<CommitmentResponse> {
    return this.commitments.get(key);
  }

  @Patch('commitments/:commitment')
  @ApiOperation({
    summary:
      'Change a commitment. Lists given (values, tags, links, supporting institutions) replace the current ones.',
  })
  @ApiOkResponse({ type: CommitmentResponse })
  @ApiConditionalUpdate()
  update(
    @Param('commitment') key: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.commitments.update(key, expected, dto);
  }

  @Get('action-plans/:id/commitments')
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
  @ApiOperation({ summary: 'Add a commitment to an action plan.' })
  @ApiCreatedResponse({ type: CommitmentResponse })
  @ApiIdempotentCreate()
  @ApiProblems(404)
  create(@Param('id') id: string, @Body() dto: CreateCommitmentDto): Promise<CommitmentResponse> {
    return this.commitments.create(id, dto);
  }
}
