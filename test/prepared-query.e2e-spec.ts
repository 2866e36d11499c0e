import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { preparedQuery } from '../src/database/prepared.js';
import { ENGINE, TestApp } from './support/test-app.js';

// The prepared-statement helper: bounded on the server, on the transaction's connection, errors as
// TypeORM's, and never outside a transaction that has ended.

describe(`preparedQuery (${ENGINE})`, () => {
  let api: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    api = await TestApp.start();
    dataSource = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('prepares at most 256 distinct texts per process: others run as plain statements', async () => {
    const counts = await dataSource.transaction(async (tx) => {
      for (let i = 0; i < 300; i += 1) {
        const [row] = await preparedQuery<{ n: number }>(tx, `SELECT $1::int + ${i} AS n`, [1]);
        expect(row.n).toBe(i + 1);
      }
      return tx.query('SELECT count(*)::int AS n FROM pg_prepared_statements');
    });
    expect(counts[0].n).toBeGreaterThan(0);
    expect(counts[0].n).toBeLessThanOrEqual(256);
  });

  it('runs in the transaction it is given: what the transaction wrote is seen, and rolled back with it', async () => {
    await expect(
      dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO policy_area_tag (slug, label) VALUES ('prepared-probe', 'Probe')`);
        const seen = await preparedQuery(tx, 'SELECT 1 FROM policy_area_tag WHERE slug = $1', [
          'prepared-probe',
        ]);
        expect(seen).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(
      await preparedQuery(dataSource.manager, 'SELECT 1 FROM policy_area_tag WHERE slug = $1', [
        'prepared-probe',
      ]),
    ).toHaveLength(0);
  });

  it('reports SQL errors as QueryFailedError, and the pool goes on serving', async () => {
    const failure = preparedQuery(dataSource.manager, 'SELECT $1::timestamptz AS t', ['not a time']);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toMatchObject({ driverError: { code: '22007' } });
    expect(await preparedQuery(dataSource.manager, 'SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
  });

  it('refuses to run on the manager of a transaction that has ended', async () => {
    let ended: EntityManager | undefined;
    await dataSource.transaction(async (tx) => {
      ended = tx;
    });
    await expect(preparedQuery(ended as EntityManager, 'SELECT 1', [])).rejects.toThrow(/already ended/);
  });
});
