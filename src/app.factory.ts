import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { frameworkErrorHandler } from './common/errors/problem.filter.js';
import { registerBodyParsers } from './common/http/body-parsers.js';
import { registerConditionalGet } from './common/http/conditional-get.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { registerAccessLog } from './common/logging/access-log.js';
import { buildOpenApiDocument, serveOpenApi } from './common/openapi/openapi-document.js';
import { requestContext, requestIdFrom } from './common/http/request-context.js';
import { AppLogger } from './common/logging/app-logger.js';
import type { AppConfig } from './config/app-config.js';
import { openDatabase } from './database/database.js';
import { AppModule } from './app.module.js';
import { ENTITIES } from './app.entities.js';

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

  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    requestContext.run({ requestId: String(request.id) }, done);
  });
  registerBodyParsers(fastify, config);
  registerSecurityHeaders(fastify);
  registerAccessLog(fastify);
  registerConditionalGet(fastify);
  serveOpenApi(app, buildOpenApiDocument(app));
}
