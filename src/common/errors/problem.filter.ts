import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { NotModified } from '../http/preconditions.js';
import { constraintMessage } from './constraint-messages.js';
import { DomainError, type ErrorKind, type FieldError } from './domain-error.js';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  not_found: 404,
  not_allowed: 405,
  gone: 410,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  precondition_required: 428,
  unsupported_media_type: 415,
  unavailable: 503,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'request.invalid',
  404: 'route.not_found',
  405: 'request.method_not_allowed',
  406: 'request.not_acceptable',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
};

interface PgError {
  code?: string;
  constraint?: string;
}

/**
 * The one place where errors become HTTP answers: RFC 9457 problem details for everything, and no
 * stack trace, SQL or internal name ever reaches the client. Unexpected errors are logged with the
 * request id that the client is given.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (error instanceof NotModified) {
      void reply.status(304).header('etag', error.etag).send();
      return;
    }
    const body = this.toProblem(error, String(request.id));
    if (error instanceof DomainError)
      for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
    if (body.status >= 500 && body.status !== 503) {
      this.logger.error(
        { msg: 'request failed', method: request.method, url: request.url, requestId: body.requestId },
        error instanceof Error ? error.stack : String(error),
      );
    }
    void reply
      .status(body.status)
      .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
      .send(body);
  }

  toProblem(error: unknown, requestId: string): Problem {
    if (error instanceof DomainError) {
      return problem(STATUS_OF_KIND[error.kind], error.code, error.message, requestId, error.errors);
    }
    if (error instanceof QueryFailedError) {
      const mapped = this.fromDatabase(error.driverError as PgError, requestId);
      if (mapped) return mapped;
    }
    // Nest wraps Fastify's own errors (body parsing, size, media type) in an HttpException.
    const fastify = fastifyClientError(error instanceof HttpException ? error.cause : error);
    if (fastify) return problem(fastify.status, fastify.code, fastify.detail, requestId);
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status < 500) {
        return problem(status, CODE_OF_STATUS[status] ?? 'request.invalid', httpDetail(error), requestId);
      }
    }
    return problem(
      500,
      'internal',
      `Something went wrong on our side. Quote request ${requestId} if you report it.`,
      requestId,
    );
  }

  private fromDatabase(driverError: PgError, requestId: string): Problem | undefined {
    const known = constraintMessage(driverError.constraint);
    if (known) {
      const errors: FieldError[] = known.field ? [{ field: known.field, message: known.message }] : [];
      return problem(STATUS_OF_KIND[known.kind], known.code, known.message, requestId, errors);
    }
    switch (driverError.code) {
      case '23505':
        return problem(
          409,
          'conflict.duplicate',
          'A record with the same identifying values already exists.',
          requestId,
        );
      case '23503':
        return problem(
          409,
          'conflict.reference',
          'The request refers to a record that does not exist, or a record still in use.',
          requestId,
        );
      case '23514':
      case '23502':
        return problem(
          422,
          'unprocessable.constraint',
          'The request breaks a rule of the register.',
          requestId,
        );
      case '22001':
      case '22003':
      case '22007':
      case '22008':
      case '22P02':
        return problem(
          400,
          'request.invalid_value',
          'A value in the request is out of range or malformed.',
          requestId,
        );
      default:
        return undefined;
    }
  }
}

/**
 * Fastify refuses some requests before routing (a malformed URL, a path parameter over its length
 * limit): give them problem details too. Pass as Fastify's `frameworkErrors` option.
 */
export function frameworkErrorHandler(
  error: { code?: string; statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? problem(
          414,
          'request.uri_too_long',
          'A part of the path is longer than any identifier of this API.',
          String(request.id),
        )
      : problem(400, 'request.bad_url', 'The URL could not be read.', String(request.id));
  // Routing failed, so the onRequest hook that sets this header never ran.
  void reply.header('x-request-id', String(request.id));
  void reply.status(body.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(body);
}

function httpDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return error.message;
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
};

/** Errors Fastify raises itself before a route runs (body parsing, size, content type). */
function fastifyClientError(error: unknown): { status: number; code: string; detail: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, code, message } = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  const detail =
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ? 'The request body is not valid JSON.'
      : code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'The request body is larger than this API accepts.'
        : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Send request bodies as application/json.'
          : typeof message === 'string'
            ? message
            : 'The request could not be read.';
  return {
    status: statusCode,
    code: FASTIFY_CODES[code] ?? CODE_OF_STATUS[statusCode] ?? 'request.invalid',
    detail,
  };
}
