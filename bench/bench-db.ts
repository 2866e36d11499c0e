import type { Table } from './data-set.js';

/** What insertTable needs of a connection: pg's client, or a test's query helper. */
export interface Queryable {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/** The benchmark's own database: BENCH_DATABASE_URL, or a `bench` database on the local server. */
export function benchDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/bench';
}

/** The same server's maintenance database, from which the bench database is dropped and created. */
export function maintenanceUrl(url: string): { url: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new Error(
      `BENCH_DATABASE_URL must name a database (lower-case letters, digits, _), got "${database}"`,
    );
  parsed.pathname = '/postgres';
  return { url: parsed.toString(), database };
}

const BATCH = 10_000;

/**
 * Inserts a table's rows in batches of ten thousand, one statement each: every column travels as one
 * array parameter and unnest() turns the arrays back into rows, in order.
 */
export async function insertTable(client: Queryable, table: Table): Promise<void> {
  const names = table.columns.map(([name]) => name).join(', ');
  const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO ${table.name} (${names}) SELECT * FROM unnest(${arrays})`;
  for (let from = 0; from < table.rows.length; from += BATCH) {
    const batch = table.rows.slice(from, from + BATCH);
    await client.query(
      sql,
      table.columns.map((_, i) => batch.map((row) => row[i])),
    );
  }
}
