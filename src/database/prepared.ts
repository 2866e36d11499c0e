import { createHash } from 'node:crypto';
import type pg from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * Runs a statement as a named prepared statement on the connection that runs it (the transaction's,
 * or one from the pool): PostgreSQL parses and plans it once per connection and then reuses the plan,
 * where `manager.query()` would plan it again on every call. For the hot, fixed-shape statements
 * (a commitment with its related lists costs ~5 ms to plan and ~1 ms to run). The name is a hash of
 * the text, so a text always has the same name and the number of names is the number of texts: give
 * it texts built from a bounded set of parts, never values. Errors come back as TypeORM's
 * QueryFailedError, as from `manager.query()`.
 */
export async function preparedQuery<T>(db: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  const runner = db.queryRunner as unknown as
    { isReleased: boolean; connect(): Promise<pg.PoolClient> } | undefined;
  const client: Pick<pg.Pool, 'query'> =
    runner && !runner.isReleased
      ? await runner.connect()
      : (db.connection.driver as unknown as { master: pg.Pool }).master;
  try {
    const result = await client.query<T & pg.QueryResultRow>({ name, text, values });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
