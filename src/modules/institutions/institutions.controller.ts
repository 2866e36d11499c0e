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
  @ApiOperation({ summary: 'List institutions that lead or support commitments, by name.' })
  @ApiOkResponse({ type: InstitutionPage })
  @ApiProblems(400)
  list(@Query() query: ListInstitutionsQuery): Promise<Page<InstitutionResponse>> {
    return this.institutions.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Register an institution (agency, parliament, court, CSO, company, university, multilateral).',
  })
  @ApiCreatedResponse({ type: InstitutionResponse })
  @ApiIdempotentCreate()
  create(@Body() dto: CreateInstitutionDto): Promise<InstitutionResponse> {
    return this.institutions.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An institution.' })
  @ApiOkResponse({ type: InstitutionResponse })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<InstitutionResponse> {
    return this.institutions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename an institution or change its type.' })
  @ApiOkResponse({ type: InstitutionResponse })
  @ApiConditionalUpdate()
  update(
    @Param('id') id: string,
    @IfMatch() expected: ExpectedVersion,
    @Body() dto: UpdateInstitutionDto,
  ): Promise<InstitutionResponse> {
    return this.institutions.update(id, expected, dto);
  }
}
