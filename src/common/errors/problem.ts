import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from './domain-error.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class ProblemFieldError implements FieldError {
  @ApiProperty({ example: 'milestones[0].dueDate' })
  field: string;

  @ApiProperty({ example: 'must be a date as YYYY-MM-DD' })
  message: string;
}

/** RFC 9457 problem details, as every error of this API is answered. */
export class Problem {
  @ApiProperty({ example: 'urn:commitment-tracker:problem:validation.failed' })
  type: string;

  @ApiProperty({ example: 'Invalid request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request has 2 invalid fields: see errors.' })
  detail: string;

  @ApiProperty({ description: 'Stable machine-readable code.', example: 'validation.failed' })
  code: string;

  @ApiProperty({ description: 'Quote it when reporting a problem.', example: '5f0c8a1e-...' })
  requestId: string;

  @ApiPropertyOptional({ type: [ProblemFieldError] })
  errors?: ProblemFieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Request too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function problem(
  status: number,
  code: string,
  detail: string,
  requestId: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `urn:commitment-tracker:problem:${code}`,
    title: TITLES[status] ?? (status >= 500 ? 'Internal error' : 'Invalid request'),
    status,
    detail,
    code,
    requestId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
