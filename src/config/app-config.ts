// Configuration is read once from the environment and validated; a wrong value stops the service
// with a message that names the variable.

export type LogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A PostgreSQL schema to work in instead of the search path's default (tests use one per file). */
  databaseSchema: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  logLevel: LogLevel;
  logFormat: 'json' | 'text';
  seedDemoData: boolean;
  bodyLimitBytes: number;
  /** Largest document accepted as an upload to evidence. */
  documentMaxBytes: number;
  /** Largest CSV file accepted by the import routes. */
  importMaxBytes: number;
  /** Writes a minute allowed per API token, per client address, and failed sign-ins per address (0: no limit). */
  rateLimits: { writesPerToken: number; writesPerAddress: number; authFailuresPerAddress: number };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function databaseUrl(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a postgres:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must be a postgres:// URL, got the scheme "${url.protocol}"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const logLevel = (value(env, 'LOG_LEVEL') ?? 'log') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const logFormat = value(env, 'LOG_FORMAT') ?? (production ? 'json' : 'text');
  if (logFormat !== 'json' && logFormat !== 'text') {
    throw new ConfigError('LOG_FORMAT', `must be json or text, got "${logFormat}"`);
  }
  const url = databaseUrl(env, 'DATABASE_URL');
  const schema = value(env, 'DATABASE_SCHEMA');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError('DATABASE_SCHEMA', `must be a lower-case SQL identifier, got "${schema}"`);
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: value(env, 'HOST') ?? '0.0.0.0',
    databaseUrl: url,
    databaseSchema: schema,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    dataDir: value(env, 'DATA_DIR') ?? './data',
    logLevel,
    logFormat,
    // The embedded database is for trying the service out: give it the demo register on first start.
    seedDemoData: boolean(env, 'SEED_DEMO_DATA', url === undefined),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    documentMaxBytes: integer(env, 'DOCUMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    importMaxBytes: integer(env, 'IMPORT_MAX_BYTES', 50 * 1024 * 1024, 1024, 500 * 1024 * 1024),
    rateLimits: {
      writesPerToken: integer(env, 'RATE_LIMIT_WRITES_PER_TOKEN', 600, 0, 1_000_000),
      writesPerAddress: integer(env, 'RATE_LIMIT_WRITES_PER_ADDRESS', 1200, 0, 1_000_000),
      authFailuresPerAddress: integer(env, 'RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS', 20, 0, 1_000_000),
    },
  };
}
