import { DomainError } from '../errors/domain-error.js';

/**
 * The text of a CSV upload: routes that take a file take it as text/csv (any other type of body,
 * JSON included, is refused with 415), and an empty one is refused with 400.
 */
export function csvBody(body: unknown, contentType: string | undefined): string {
  if (!/^text\/csv\b/i.test(contentType ?? '')) {
    throw new DomainError(
      'unsupported_media_type',
      'request.unsupported_media_type',
      'Send the file as text/csv (Content-Type: text/csv; charset=utf-8).',
    );
  }
  if (typeof body !== 'string' || body.trim() === '') {
    throw new DomainError('invalid', 'import.empty', 'The file is empty: send the CSV file as the body.');
  }
  return body;
}
