import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { seedDemoRegisterIfEmpty } from './seed/seed.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const started = Date.now();
  const app = await createApp(config);
  app.enableShutdownHooks();
  const logger = new Logger('Main');
  if (config.seedDemoData) {
    const loaded = await seedDemoRegisterIfEmpty(app, { demoIdentities: !config.databaseUrl });
    if (loaded) {
      const users = loaded.users > 0 ? `, ${loaded.users} demo users (their tokens are in the README)` : '';
      logger.log(
        `Loaded the demo register: ${loaded.members} members, ${loaded.commitments} commitments${users}`,
      );
    }
  }
  await app.listen({ port: config.port, host: config.host });
  const engine = config.databaseUrl ? 'PostgreSQL' : `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  logger.log(
    `Listening on http://localhost:${config.port} with ${engine}, ready in ${Date.now() - started} ms; docs at /api/docs`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The service could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
