import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { MIGRATIONS } from '../../migrations/index.js';

// Dates stay the strings PostgreSQL sends (YYYY-MM-DD): a JS Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export type DatabaseEngine = 'postgres' | 'pglite';

/** An open database: the TypeORM data source and how to close everything behind it. */
export interface Database {
  engine: DatabaseEngine;
  dataSource: DataSource;
  close(): Promise<void>;
}

// Any constant will do, as long as every process of this service uses the same one.
const MIGRATION_LOCK_KEY = 4_127_301_988;

type EntityList = NonNullable<DataSourceOptions['entities']>;

function baseOptions(
  entities: EntityList,
): Pick<
  DataSourceOptions & { type: 'postgres' },
  'type' | 'entities' | 'migrations' | 'synchronize' | 'migrationsRun' | 'installExtensions' | 'logging'
> {
  return {
    type: 'postgres',
    entities,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // The schema comes from migrations only; PGlite has no extensions unless created with them.
    installExtensions: false,
    // Failed queries reach ProblemFilter, which maps or logs them; TypeORM would print their values.
    logging: false,
  };
}

async function openPostgres(config: AppConfig, entities: EntityList): Promise<Database> {
  const schema = config.databaseSchema;
  const dataSource = new DataSource({
    ...baseOptions(entities),
    url: config.databaseUrl,
    schema,
    extra: {
      max: config.databasePoolSize,
      connectionTimeoutMillis: 10_000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    },
  });
  await dataSource.initialize();
  return { engine: 'postgres', dataSource, close: () => destroy(dataSource) };
}

async function openPglite(config: AppConfig, entities: EntityList): Promise<Database> {
  const inMemory = config.dataDir.startsWith('memory://');
  const dataDir = inMemory ? config.dataDir : resolve(config.dataDir, 'pglite');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  // PGlite is a single session: one pooled connection makes transactions queue instead of
  // interleaving on that session. The connection timeout bounds how long a request waits its turn.
  const dataSource = new DataSource({
    ...baseOptions(entities),
    extra: { ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0, connectionTimeoutMillis: 30_000 },
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return {
    engine: 'pglite',
    dataSource,
    close: async () => {
      await destroy(dataSource);
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function destroy(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}

/** Opens PostgreSQL (DATABASE_URL) or the embedded PGlite (DATA_DIR) and brings the schema up to date. */
export async function openDatabase(config: AppConfig, entities: EntityList): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres(config, entities)
    : await openPglite(config, entities);
  try {
    await migrate(database, config.databaseSchema);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * Runs pending migrations. On PostgreSQL, several processes may start at once: an advisory lock
 * makes them take turns, and those that come later find nothing left to run.
 */
async function migrate(database: Database, schema: string | undefined): Promise<void> {
  const { dataSource } = database;
  if (database.engine === 'pglite') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    if (schema) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** True when a migration exists in code but has not run on this database (for readiness). */
export async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
