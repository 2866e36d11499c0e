import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { frameworkErrorHandler } from './common/errors/problem.filter.js';
import { noneMatch } from './common/http/preconditions.js';
import { requestContext, requestIdFrom } from './common/http/request-context.js';
import { AppLogger } from './common/logging/app-logger.js';
import type { AppConfig } from './config/app-config.js';
import { openDatabase } from './database/database.js';
import { AppModule } from './app.module.js';
import { ENTITIES } from './app.entities.js';
import { API_DESCRIPTION } from './api-description.js';

export const API_PREFIX = 'api/v1';

/**
 * Builds the whole application: the one used by main.ts, by the seed command and by every
 * end-to-end test, so that tests cannot drift from production.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = new AppLogger(config.logLevel, config.logFormat);
  const database = await openDatabase(config, ENTITIES);
  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    frameworkErrors: frameworkErrorHandler,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
      requestIdFrom(request.headers['x-request-id']),
  });
  let app: NestFastifyApplication;
  try {
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database), adapter, {
      logger,
      abortOnError: false,
      // Fastify's own JSON parser only: Nest would add a urlencoded one, and this API speaks JSON.
      bodyParser: false,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  configureApp(app, config);
  await app.init();
  return app;
}

export function configureApp(app: NestFastifyApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready'] });
  const fastify = app.getHttpAdapter().getInstance();

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

  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: String(request.id) }, done);
  });

  // Security headers on every answer. The API serves JSON only, so its pages may run nothing; the
  // interactive docs need their own scripts and styles.
  fastify.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('cross-origin-opener-policy', 'same-origin');
    if (!request.url.startsWith('/api/docs')) {
      void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    return payload;
  });

  // One line per request at debug level (LOG_LEVEL=debug): the request id joins it to any other line.
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

  // Conditional GET: the ETag is set from the body (ResponseHeadersInterceptor); a client that
  // already has that version gets 304 and no body.
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

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Commitment Tracker API')
      .setDescription(API_DESCRIPTION)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token: ct_ and 43 characters.' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}
