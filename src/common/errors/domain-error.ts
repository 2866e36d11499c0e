// Services throw these; one global filter turns them into RFC 9457 problem details.
// `code` is stable (clients may branch on it); `message` is for people.

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'not_found'
  | 'not_allowed'
  | 'gone'
  | 'conflict'
  | 'unprocessable'
  | 'precondition_required'
  | 'precondition_failed'
  | 'unsupported_media_type'
  | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    /** Headers the answer must carry (WWW-Authenticate, Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(resource: string, key: string): DomainError {
  return new DomainError(
    'not_found',
    `${resource}.not_found`,
    `No ${resource.replace(/_/g, ' ')} "${key}" exists.`,
  );
}

/** One or more fields of an otherwise well-formed request break a rule of the domain. */
export function invalidFields(code: string, errors: FieldError[]): DomainError {
  const detail = errors.length === 1 ? errors[0].message : `${errors.length} fields are invalid: see errors.`;
  return new DomainError('unprocessable', code, detail, errors);
}
