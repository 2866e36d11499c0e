import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, from, type Observable, switchMap, throwError } from 'rxjs';
import { AccessDeniedError } from '../../common/auth/access-denied.js';
import { AuditService } from '../audit/audit.service.js';

/**
 * Records refused attempts on another member's records. The service's transaction has rolled back
 * by the time the error arrives here, so the entry is written in a transaction of its own.
 */
@Injectable()
export class AccessDeniedInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          error instanceof AccessDeniedError
            ? from(this.audit.recordDenied(error.actor, { ...error.target, reason: error.message })).pipe(
                switchMap(() => throwError(() => error)),
              )
            : throwError(() => error),
        ),
      );
  }
}
