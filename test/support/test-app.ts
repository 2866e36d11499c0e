import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';

/** The engine under test: PostgreSQL when TEST_DATABASE_URL is set, otherwise PGlite in memory. */
export const ENGINE = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * Configuration for one test file: its own database (a new in-memory PGlite, or a new schema on
 * PostgreSQL), so that test files never see each other's rows.
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = loadConfig({ LOG_LEVEL: 'error', SEED_DEMO_DATA: 'false' });
  const url = process.env.TEST_DATABASE_URL;
  return {
    ...base,
    ...(url
      ? { databaseUrl: url, databaseSchema: `test_${randomBytes(6).toString('hex')}`, databasePoolSize: 5 }
      : { dataDir: 'memory://' }),
    ...overrides,
  };
}

export async function dropSchema(config: AppConfig): Promise<void> {
  if (!config.databaseUrl || !config.databaseSchema) return;
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${config.databaseSchema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A raw payload, sent as is (for malformed bodies). */
  raw?: string;
}

/** The whole application, built by the same createApp() as main.ts, spoken to through HTTP. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const config = testConfig(overrides);
    const app = await createApp(config);
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, config);
  }

  async close(): Promise<void> {
    await this.app.close();
    await dropSchema(this.config);
  }

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'HEAD',
    url: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, payload });
    let parsed: unknown = undefined;
    if (response.body.length > 0 && String(response.headers['content-type'] ?? '').includes('json'))
      parsed = JSON.parse(response.body);
    return { status: response.statusCode, headers: response.headers, body: parsed, text: response.body };
  }

  get(url: string, headers?: Record<string, string>): Promise<Response> {
    return this.request('GET', url, undefined, { headers });
  }

  post(url: string, body: unknown, headers?: Record<string, string>): Promise<Response> {
    return this.request('POST', url, body, { headers });
  }

  /** PATCH with the resource's current ETag unless headers say otherwise. */
  async patch(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const sent = { ...headers };
    if (!('if-match' in sent)) sent['if-match'] = String((await this.get(url)).headers.etag);
    return this.request('PATCH', url, body, { headers: sent });
  }

  /** Runs SQL directly against the test database, to check what is stored. */
  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }
}
