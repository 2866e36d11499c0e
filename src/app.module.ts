import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemFilter } from './common/errors/problem.filter.js';
import { ResponseHeadersInterceptor } from './common/http/response-headers.interceptor.js';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor.js';
import { createValidationPipe } from './common/validation/validation.js';
import { APP_CONFIG } from './config/app-config.provider.js';
import type { AppConfig } from './config/app-config.js';
import type { Database } from './database/database.js';
import { AccessModule } from './modules/access/access.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { ActionPlansModule } from './modules/action-plans/action-plans.module.js';
import { CommitmentsModule } from './modules/commitments/commitments.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { InstitutionsModule } from './modules/institutions/institutions.module.js';
import { MembersModule } from './modules/members/members.module.js';
import { AssessmentsModule } from './modules/assessments/assessments.module.js';
import { EvidenceModule } from './modules/evidence/evidence.module.js';
import { ProgressModule } from './modules/progress/progress.module.js';
import { MilestonesModule } from './modules/milestones/milestones.module.js';
import { TagsModule } from './modules/tags/tags.module.js';
import { LensModule } from './modules/lens/lens.module.js';
import { OpenDataModule } from './modules/open-data/open-data.module.js';

const DATABASE = Symbol('DATABASE');

/** Closes the database (and PGlite behind it) when the application shuts down. */
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

@Module({})
export class AppModule {
  /** The application over an already opened and migrated database. */
  static forRoot(config: AppConfig, database: Database): DynamicModule {
    return {
      module: AppModule,
      // The configuration is read everywhere (rate limits, demo tokens): provided once, globally.
      global: true,
      exports: [APP_CONFIG],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres' }),
          dataSourceFactory: async () => database.dataSource,
        }),
        HealthModule,
        AuditModule,
        AccessModule,
        MembersModule,
        InstitutionsModule,
        TagsModule,
        ActionPlansModule,
        CommitmentsModule,
        MilestonesModule,
        ProgressModule,
        AssessmentsModule,
        EvidenceModule,
        LensModule,
        OpenDataModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE, useValue: database },
        DatabaseCloser,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Order matters: idempotency wraps everything, so a replay carries the headers first set.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ResponseHeadersInterceptor },
      ],
    };
  }
}
