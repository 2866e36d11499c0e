import type { FastifyInstance } from 'fastify';
import { noneMatch } from './preconditions.js';

/**
 * Conditional GET: the ETag is set from the body (ResponseHeadersInterceptor); a client that
 * already has that version gets 304 and no body.
 */
export function registerConditionalGet(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && reply.statusCode === 200) {
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string' && noneMatch(request.headers['if-none-match'], etag)) {
        void reply.code(304);
        reply.removeHeader('content-type');
        reply.removeHeader('content-length');
        return null;
      }
    }
    return payload;
  });
}
