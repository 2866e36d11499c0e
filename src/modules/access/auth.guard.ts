import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  type Permission,
  PUBLIC_ROUTE,
  type RequestWithActor,
  ROUTE_PERMISSION,
} from '../../common/auth/route-access.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { RateLimiter } from '../../common/http/rate-limiter.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/app-config.provider.js';
import { hasPermission } from './access.rules.js';
import { AuthenticationError, AuthService } from './auth.service.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default: a route runs only if it declares @Public() or @RequirePermission(), and the
 * caller holds that permission. Also where writes and failed sign-ins are rate-limited.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ROUTE_PERMISSION, targets);
    if (!isPublic && permission === undefined) {
      // A route that forgot to say who may call it is closed, and the mistake is loud.
      throw new Error(
        `${context.getClass().name}.${context.getHandler().name} declares neither @Public() nor @RequirePermission()`,
      );
    }
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const address = request.ip;
    const limits = this.config.rateLimits;
    const failures = `auth-failure:address:${address}`;
    const header = request.headers.authorization;
    if (header !== undefined)
      await this.limiter.assertUnder(
        failures,
        limits.authFailuresPerAddress,
        'Too many failed sign-ins from this address.',
      );
    let actor;
    try {
      actor = await this.auth.authenticate(header);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        await this.limiter.consume(
          failures,
          limits.authFailuresPerAddress,
          'Too many failed sign-ins from this address.',
        );
      }
      throw error;
    }
    request.actor = actor;
    if (permission !== undefined) {
      if (actor.kind !== 'user') {
        throw new AuthenticationError(
          'auth.required',
          'Sign in: send an API token as "Authorization: Bearer ct_...".',
        );
      }
      if (!hasPermission(actor.role, permission)) {
        throw new DomainError('forbidden', 'access.forbidden', `A ${actor.role} may not do this.`);
      }
    }
    if (!READS.has(request.method) && actor.kind === 'user') {
      await this.limiter.consume(
        `write:token:${actor.tokenId}`,
        limits.writesPerToken,
        'Too many writes with this token.',
      );
      await this.limiter.consume(
        `write:address:${address}`,
        limits.writesPerAddress,
        'Too many writes from this address.',
      );
    }
    return true;
  }
}
