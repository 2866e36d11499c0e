import { createHash } from 'node:crypto';
import type pg from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * How many distinct statement texts a process prepares. Each is kept by every connection that ran it
 * for the connection's life, so their number must be bounded: a list whose text follows the filters
 * given can take thousands of shapes. The first texts seen (the hot ones, in practice) are prepared;
 * any other runs as a plain statement.
 */
const MAX_PREPARED = 256;
const prepared = new Set<string>();

/**
 * Runs a statement as a named prepared statement on the connection that runs it (the transaction's,
 * or one from the pool): PostgreSQL parses and plans it once per connection and then reuses the plan,
 * where `manager.query()` would plan it again on every call. For the hot, fixed-shape statements
 * (a commitment with its related lists costs ~5 ms to plan and ~1 ms to run). The name is a hash of
 * the text, so a text always has the same name; texts must carry no values (parameters only).
 * Errors come back as TypeORM's QueryFailedError, as from `manager.query()`.
 */
export async function preparedQuery<T>(db: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  if (!prepared.has(name) && prepared.size < MAX_PREPARED) prepared.add(name);
  const query = prepared.has(name) ? { name, text, values } : { text, values };
  const runner = db.queryRunner as unknown as
    { isReleased: boolean; connect(): Promise<pg.PoolClient> } | undefined;
  // A transaction's manager runs on the transaction's connection, and never elsewhere once it is over.
  if (runner && runner.isReleased) throw new Error('preparedQuery: the transaction has already ended');
  const client = runner
    ? await runner.connect()
    : await (db.connection.driver as unknown as { master: pg.Pool }).master.connect();
  try {
    const result = await client.query<T & pg.QueryResultRow>(query);
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  } finally {
    // A pooled connection goes back to the pool whatever happened (an SQL error leaves it usable);
    // a transaction's stays with its transaction.
    if (!runner) (client as pg.PoolClient).release();
  }
}
