import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimiter } from '../../common/http/rate-limiter.js';
import { AuditModule } from '../audit/audit.module.js';
import { MembersModule } from '../members/members.module.js';
import { AccessDeniedInterceptor } from './access-denied.interceptor.js';
import { AccessController } from './access.controller.js';
import { ACCESS_ENTITIES } from './access.entities.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { IdentitiesService } from './identities.service.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(ACCESS_ENTITIES), MembersModule, AuditModule],
  controllers: [AccessController],
  providers: [
    AuthService,
    IdentitiesService,
    TokensService,
    RateLimiter,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AccessDeniedInterceptor },
  ],
  exports: [IdentitiesService, TokensService],
})
export class AccessModule {}
