import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/route-access.js';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ExpectedVersion, IfMatch } from '../../common/http/preconditions.js';
import { ApiConditionalUpdate, ApiIdempotentCreate, ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import {
  CreateInstitutionDto,
  InstitutionPage,
  InstitutionResponse,
  ListInstitutionsQuery,
  UpdateInstitutionDto,
} from './dto/institution.dto.js';
import { InstitutionsService } from './institutions.service.js';

@ApiTags('institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List institutions that lead or support commitments, by name.' })
  @ApiOkResponse({ type: InstitutionPage })
  @ApiProblems(400)
  list(@Query() query: ListInstitutionsQuery): Promise<Page<InstitutionResponse>> {
    return this.institutions.list(query);
  }

  @Post()
  @RequirePermission('institution.write')
  @ApiOperation({
    summary: 'Register an institution (agency, parliament, court, CSO, company, university, multilateral).',
  })
  @ApiCreatedResponse({ type: InstitutionResponse })
  @ApiIdempotentCreate()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateInstitutionDto): Promise<InstitutionResponse> {
    return this.institutions.create(actor, dto);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An institution.' })
  @ApiOkResponse({ type: InstitutionResponse })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<InstitutionResponse> {
    return this.institutions.get(id);
  }

  @Patch(':id')
  @RequirePermission('institution.write')
  @ApiOperation({ summary: 'Rename an institution or change its type.' })
  @ApiOkResponse({ type: InstitutionResponse })
  @ApiConditionalUpdate()
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateInstitutionDto,
  ): Promise<InstitutionResponse> {
    return this.institutions.update(actor, id, expected, dto);
  }
}
