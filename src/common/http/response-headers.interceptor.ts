import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { nextLink, Page } from '../pagination/pagination.js';
import { etagOf } from './preconditions.js';

/**
 * Headers that follow from the body, set in one place: the ETag of a versioned resource and the
 * RFC 8288 Link to the next page of a list. (Conditional GETs are answered in an onSend hook.)
 */
@Injectable()
export class ResponseHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (body instanceof Page) {
          if (body.nextCursor) void reply.header('link', nextLink(request.url, body.nextCursor));
        } else if (isVersioned(body)) {
          void reply.header('etag', etagOf(body.version));
        }
        return body;
      }),
    );
  }
}

function isVersioned(body: unknown): body is { version: number } {
  return (
    typeof body === 'object' && body !== null && typeof (body as { version?: unknown }).version === 'number'
  );
}
