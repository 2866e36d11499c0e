import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** One line per request at debug level (LOG_LEVEL=debug): the request id joins it to any other line. */
export function registerAccessLog(fastify: FastifyInstance): void {
  const http = new Logger('Http');
  fastify.addHook('onResponse', (request, reply, done) => {
    http.debug({
      msg: 'request',
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
    done();
  });
}
