import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';

/** The ETag of a resource is its version: any change to what its representation says bumps it. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** `null` means `If-Match: *` (any current version). */
export type ExpectedVersion = number | null;

export function parseIfMatch(header: string | undefined): ExpectedVersion {
  if (header === undefined || header.trim() === '') {
    throw new DomainError(
      'precondition_required',
      'precondition.if_match_required',
      "Send the ETag of the version you are changing in an If-Match header, so that no one else's change is lost.",
    );
  }
  const value = header.trim();
  if (value === '*') return null;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  if (!match) {
    throw new DomainError(
      'precondition_failed',
      'precondition.if_match_malformed',
      `If-Match ${value} is not an ETag of this API.`,
    );
  }
  return Number(match[1]);
}

/** Route parameter: the version the client says it is changing (from If-Match). */
export const IfMatch = createParamDecorator((_: unknown, context: ExecutionContext): ExpectedVersion => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return parseIfMatch(request.headers['if-match']);
});

export function assertVersion(expected: ExpectedVersion, actual: number, resource: string): void {
  if (expected !== null && expected !== actual) {
    throw new DomainError(
      'precondition_failed',
      'precondition.stale_version',
      `The ${resource} has changed since you read it (you sent version ${expected}, it is now at ${actual}). Read it again and reapply your change.`,
    );
  }
}

/** Route parameter: the ETags the client already has (If-None-Match), for a conditional GET. */
export const IfNoneMatch = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().headers['if-none-match'],
);

/**
 * Thrown by a read that found, before doing the work of the answer, that the client's copy is
 * current: ProblemFilter answers 304 with the ETag and no body. Not an Error (no stack to capture):
 * an answer that leaves the handler early.
 */
export class NotModified {
  constructor(readonly etag: string) {}
}

/** Does an If-None-Match header name this ETag? (RFC 9110: weak comparison, `*` matches anything.) */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}
