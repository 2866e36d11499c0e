import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { SYSTEM } from '../../src/common/auth/actor.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import type { CreateUserDto } from '../../src/modules/access/dto/access.dto.js';
import { IdentitiesService } from '../../src/modules/access/identities.service.js';
import { TokensService } from '../../src/modules/access/tokens.service.js';

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
    // Test files make many writes a minute with one token; the rate-limit tests turn limits on.
    rateLimits: { writesPerToken: 0, writesPerAddress: 0, authFailuresPerAddress: 0 },
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

/**
 * The whole application, built by the same createApp() as main.ts, spoken to through HTTP. Requests
 * carry the token this view signs in with: an admin's unless `as()` says otherwise.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    /** The bearer token requests carry; null for an anonymous caller. */
    readonly token: string | null,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const config = testConfig(overrides);
    const app = await createApp(config);
    await app.getHttpAdapter().getInstance().ready();
    const root = new TestApp(app, config, null);
    const { token } = await root.createUser({
      name: 'Test Admin',
      email: 'test.admin@example.org',
      role: 'admin',
    });
    return root.as(token);
  }

  /** The same application, called with another token (null: anonymously). */
  as(token: string | null): TestApp {
    return new TestApp(this.app, this.config, token);
  }

  get anonymous(): TestApp {
    return this.as(null);
  }

  /** A new user (created as createUser does) and the application as they call it. */
  async signIn(dto: CreateUserDto): Promise<TestApp> {
    return this.as((await this.createUser(dto)).token);
  }

  /** Creates a user directly through the services (as the system) and issues them a token. */
  async createUser(
    dto: CreateUserDto,
    tokenOptions: { expiresAt?: string } = {},
  ): Promise<{ user: any; token: string; tokenId: string }> {
    const user = await this.app.get(IdentitiesService).createUser(SYSTEM, dto);
    const issued = await this.app
      .get(TokensService)
      .issue(SYSTEM, user.id, { name: 'test', ...tokenOptions });
    return { user, token: issued.token, tokenId: issued.id };
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
    const headers: Record<string, string> = {
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...(options.headers ?? {}),
    };
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
