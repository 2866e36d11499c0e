import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Problem } from '../errors/problem.js';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON, unknown or invalid fields (each listed in `errors`).',
  404: 'No such resource.',
  409: 'Conflicts with the current state (e.g. a duplicate code).',
  412: 'If-Match names a version that is no longer current.',
  413: 'Body too large.',
  415: 'Body is not application/json.',
  422: 'Well-formed, but breaks a rule of the register (each field in `errors`).',
  428: 'If-Match is required to change this resource.',
};

/** Documents the problem-details answers a route can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(Problem),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
}

/** For POST routes: the Idempotency-Key header and the answers it can give. */
export function ApiIdempotentCreate(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Retry safely: the same key with the same body replays the first answer (Idempotent-Replayed: true); with another body, 422. Keys are kept 24 hours.',
    }),
    ApiProblems(400, 409, 413, 415, 422),
  );
}

/** For PATCH routes: the If-Match header and the answers it can give. */
export function ApiConditionalUpdate(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the version being changed.' }),
    ApiProblems(400, 404, 409, 412, 413, 415, 422, 428),
  );
}
