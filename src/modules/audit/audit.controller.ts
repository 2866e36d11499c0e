import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/route-access.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import type { Page } from '../../common/pagination/pagination.js';
import { AuditService } from './audit.service.js';
import { type AuditEntryResponse, AuditPage, AuditVerification, ListAuditQuery } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({
    summary:
      'The audit log, newest first: every write and every refused attempt on another member’s records.',
  })
  @ApiOkResponse({ type: AuditPage })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    return this.audit.list(query);
  }

  @Get('verify')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary:
      'Walks the hash chain and names the first entry that was changed, or that follows a deleted one.',
  })
  @ApiOkResponse({ type: AuditVerification })
  @ApiProblems(401, 403)
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
