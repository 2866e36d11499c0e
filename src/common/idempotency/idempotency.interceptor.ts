import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, type Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { RequestWithActor } from '../auth/route-access.js';
import { canonicalJson } from '../canonical-json.js';
import { DomainError } from '../errors/domain-error.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** A key is remembered this long; after that the same key starts afresh. */
const RETENTION = '24 hours';
/** A reservation whose request never finished (the process died) is given up after this. */
const ABANDONED_AFTER = '2 minutes';
const REPLAYED_HEADERS = ['etag', 'location', 'link'] as const;

interface StoredKey {
  request_hash: string;
  status_code: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

/**
 * `Idempotency-Key` on any POST: the first request with a key runs and its answer is kept; the
 * same key with the same body replays that answer (with `Idempotent-Replayed: true`); with another
 * body it is refused with 422; while the first is still running, 409. A request that fails keeps
 * nothing, so the client can fix it and retry with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();

    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key)) {
      throw new DomainError(
        'invalid',
        'idempotency.invalid_key',
        'Idempotency-Key must be 1 to 200 printable ASCII characters.',
        [{ field: 'Idempotency-Key', message: 'must be 1 to 200 printable ASCII characters' }],
      );
    }
    // Keys belong to their caller: another caller's key must neither replay nor block this request.
    const actor = (request as RequestWithActor).actor;
    const caller = actor?.kind === 'user' ? actor.userId : (actor?.kind ?? 'anonymous');
    const scope = `${caller} ${request.method} ${request.url}`;
    // Nest sets the status after interceptors run, so read it where Nest does: @HttpCode or 201.
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const hash = createHash('sha256')
      .update(canonicalJson(request.body ?? null))
      .digest('hex');

    return from(this.reserve(scope, key, hash)).pipe(
      switchMap((stored) => {
        if (stored === undefined) {
          return next.handle().pipe(
            switchMap((body) =>
              from(this.complete(scope, key, status, reply, body)).pipe(switchMap(() => of(body))),
            ),
            catchError((error: unknown) =>
              from(this.release(scope, key)).pipe(switchMap(() => throwError(() => error))),
            ),
          );
        }
        if (stored.request_hash !== hash) {
          throw new DomainError(
            'unprocessable',
            'idempotency.key_reused',
            'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
          );
        }
        if (stored.status_code === null) {
          throw new DomainError(
            'conflict',
            'idempotency.in_progress',
            'A request with this Idempotency-Key is still being processed. Retry shortly.',
          );
        }
        for (const [name, value] of Object.entries(stored.response_headers ?? {}))
          void reply.header(name, value);
        void reply.header('idempotent-replayed', 'true');
        return of(stored.response_body === null ? undefined : JSON.parse(stored.response_body));
      }),
    );
  }

  /** Claims the key; returns what is stored if someone (maybe this client, earlier) already has it. */
  private async reserve(scope: string, key: string, hash: string): Promise<StoredKey | undefined> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE scope = $1 AND key = $2
         AND (created_at < now() - interval '${RETENTION}'
              OR (completed_at IS NULL AND created_at < now() - interval '${ABANDONED_AFTER}'))`,
      [scope, key],
    );
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (inserted.length === 1) return undefined;
    const rows: StoredKey[] = await this.dataSource.query(
      `SELECT request_hash, status_code, response_headers, response_body
         FROM idempotency_key WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    // Deleted between our insert and select (expired by a concurrent request): treat as in progress.
    return rows[0] ?? { request_hash: hash, status_code: null, response_headers: null, response_body: null };
  }

  private async complete(
    scope: string,
    key: string,
    status: number,
    reply: FastifyReply,
    body: unknown,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    await this.dataSource.query(
      `UPDATE idempotency_key SET status_code = $3, response_headers = $4, response_body = $5, completed_at = now()
        WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(headers), body === undefined ? null : JSON.stringify(body)],
    );
  }

  private async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND completed_at IS NULL`,
      [scope, key],
    );
  }
}
