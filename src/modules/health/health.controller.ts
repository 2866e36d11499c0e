import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/route-access.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiProblems } from '../../common/openapi/api-problems.js';
import { hasPendingMigrations } from '../../database/database.js';

class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ type: HealthResponse })
  live(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: the database answers and every migration has run (503 otherwise).' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiProblems(503)
  async ready(): Promise<HealthResponse> {
    let pending: boolean;
    try {
      pending = await hasPendingMigrations(this.dataSource);
    } catch {
      throw new DomainError('unavailable', 'health.database_unreachable', 'The database does not answer.');
    }
    if (pending)
      throw new DomainError(
        'unavailable',
        'health.migrations_pending',
        'The database schema is not up to date.',
      );
    return { status: 'ok' };
  }
}
