import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';

const WINDOW_SECONDS = 60;

/**
 * Fixed one-minute windows counted in the database, so that every process of the service sees the
 * same counts. A bucket names what is limited: `write:token:<id>`, `auth-failure:address:<ip>`.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one more event in the bucket; refuses with 429 and Retry-After beyond `limit` a minute. */
  async consume(bucket: string, limit: number, message: string): Promise<void> {
    if (limit <= 0) return;
    const window = currentWindow();
    const [row]: { count: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit (bucket, window_start, count) VALUES ($1, to_timestamp($2), 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limit.count + 1
       RETURNING count`,
      [bucket, window.start],
    );
    if (Math.random() < 0.01) await this.forgetOldWindows();
    if (row.count > limit) throw tooMany(message, window.retryAfter);
  }

  /** Refuses with 429 when the bucket has already reached `limit` this minute, counting nothing. */
  async assertUnder(bucket: string, limit: number, message: string): Promise<void> {
    if (limit <= 0) return;
    const window = currentWindow();
    const rows: { count: number }[] = await this.dataSource.query(
      'SELECT count FROM rate_limit WHERE bucket = $1 AND window_start = to_timestamp($2)',
      [bucket, window.start],
    );
    if (rows.length > 0 && rows[0].count >= limit) throw tooMany(message, window.retryAfter);
  }

  private async forgetOldWindows(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit WHERE window_start < now() - interval '10 minutes'`);
  }
}

function currentWindow(): { start: number; retryAfter: number } {
  const now = Date.now() / 1000;
  const start = Math.floor(now / WINDOW_SECONDS) * WINDOW_SECONDS;
  return { start, retryAfter: Math.max(1, Math.ceil(start + WINDOW_SECONDS - now)) };
}

function tooMany(message: string, retryAfter: number): DomainError {
  return new DomainError(
    'rate_limited',
    'request.rate_limited',
    `${message} Try again in ${retryAfter} s.`,
    [],
    {
      'retry-after': String(retryAfter),
    },
  );
}
