import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';

/** Which request bodies the service reads, and how large each may be. */
export function registerBodyParsers(fastify: FastifyInstance, config: AppConfig): void {
  // JSON only: a text/plain body is refused with 415 rather than handed to validation as a string.
  fastify.removeContentTypeParser('text/plain');
  // Documents of evidence are uploaded as raw bytes (their type is checked by content, not by this header).
  fastify.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: config.documentMaxBytes },
    (_request, body, done) => done(null, body),
  );
  // Spreadsheets are imported as CSV text (UTF-8).
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: config.importMaxBytes },
    (_request, body, done) => done(null, body),
  );
}
