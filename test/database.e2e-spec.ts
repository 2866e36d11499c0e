import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITIES } from '../src/app.entities.js';
import { type Database, openDatabase } from '../src/database/database.js';
import { MIGRATIONS } from '../migrations/index.js';
import { dropSchema, ENGINE, testConfig } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`database (${ENGINE})`, () => {
  const config = testConfig();
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase(config, ENTITIES);
  });

  afterAll(async () => {
    await db.close();
    await dropSchema(config);
  });

  it('runs concurrent transactions apart: a rolled-back one leaves nothing, the others keep their rows', async () => {
    const attempt = (slug: string, fail: boolean) =>
      db.dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO policy_area_tag (slug, label) VALUES ($1, 'x')`, [slug]);
        await sleep(30);
        await tx.query(`INSERT INTO policy_area_tag (slug, label) VALUES ($1, 'y')`, [`${slug}-second`]);
        if (fail) throw new Error('rolled back on purpose');
      });
    const results = await Promise.allSettled([
      attempt('kept-a', false),
      attempt('lost-b', true),
      attempt('kept-c', false),
      attempt('lost-d', true),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    const rows: { slug: string }[] = await db.dataSource.query(
      `SELECT slug FROM policy_area_tag ORDER BY slug`,
    );
    expect(rows.map((r) => r.slug)).toEqual(['kept-a', 'kept-a-second', 'kept-c', 'kept-c-second']);
  });

  it('records every migration as run', async () => {
    const rows: { name: string }[] = await db.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await db.dataSource.showMigrations()).toBe(false);
  });

  it.each([
    [
      `INSERT INTO member (code, name, type, region) VALUES ('ARBA', 'Buenos Aires', 'CITY', 'AMERICAS')`,
      /^ck_member_(type|code)$/,
    ],
    [
      `INSERT INTO member (code, name, type, region) VALUES ('KENY', 'Kenya', 'NATIONAL', 'EUROPE')`,
      /^ck_member_code$/,
    ],
    [
      `INSERT INTO member (code, name, type, region) VALUES ('KEN', 'Kenya', 'NATIONAL', 'MARS')`,
      /^ck_member_region$/,
    ],
    [`INSERT INTO policy_area_tag (slug, label) VALUES ('Not A Slug', 'x')`, /^ck_policy_area_tag_slug$/],
  ])('refuses bad data in the database itself: %s', async (sql, constraint) => {
    await expect(db.dataSource.query(sql)).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: expect.stringMatching(constraint) }),
    });
  });

  it('keeps dates aligned to their precision and in order, in the database itself', async () => {
    const [{ id: memberId }] = await db.dataSource.query(
      `INSERT INTO member (code, name, type, region) VALUES ('DBT', 'Dbtest', 'NATIONAL', 'EUROPE') RETURNING id`,
    );
    const [{ id: planId }] = await db.dataSource.query(
      `INSERT INTO action_plan (member_id, sequence_number, title, start_date, end_date) VALUES ($1, 1, 'P', '2025-01-01', '2026-12-31') RETURNING id`,
      [memberId],
    );
    let attempt = 0;
    const insert = (start: string, precision: string, end: string) => {
      attempt += 1;
      return db.dataSource.query(
        `INSERT INTO commitment (code, action_plan_id, member_id, number, title, start_date, start_date_precision, end_date)
         VALUES ($1, $2, $3, $4, 'T', $5, $6, $7)`,
        [`DB${String(1000 + attempt)}`, planId, memberId, String(attempt), start, precision, end],
      );
    };
    await expect(insert('2025-08-01', 'QUARTER', '2026-01-01')).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'ck_commitment_start_aligned' }),
    });
    await expect(insert('2026-01-01', 'YEAR', '2025-06-30')).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'ck_commitment_dates' }),
    });
    await expect(insert('2025-07-01', 'QUARTER', '2026-01-01')).resolves.toBeDefined();
    // A commitment's member must be its plan's member.
    const [{ id: otherMember }] = await db.dataSource.query(
      `INSERT INTO member (code, name, type, region) VALUES ('DBU', 'Other', 'NATIONAL', 'EUROPE') RETURNING id`,
    );
    await expect(
      db.dataSource.query(
        `INSERT INTO commitment (code, action_plan_id, member_id, number, title) VALUES ('DB0001', $1, $2, '99', 'T')`,
        [planId, otherMember],
      ),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'fk_commitment_plan' }) });
  });
});

describe(`opening the database again (${ENGINE})`, () => {
  it('finds the schema up to date and runs nothing twice, even when two processes start together', async () => {
    const dir = ENGINE === 'pglite' ? mkdtempSync(join(tmpdir(), 'ct-db-')) : undefined;
    const config = testConfig(dir ? { dataDir: dir } : {});
    try {
      if (ENGINE === 'postgres') {
        // Two processes migrating the same fresh schema at once: the advisory lock makes them take turns.
        const [a, b] = await Promise.all([openDatabase(config, ENTITIES), openDatabase(config, ENTITIES)]);
        await a.close();
        await b.close();
      } else {
        await (await openDatabase(config, ENTITIES)).close();
      }
      const again = await openDatabase(config, ENTITIES);
      try {
        const rows: { name: string }[] = await again.dataSource.query('SELECT name FROM migrations');
        expect(rows).toHaveLength(MIGRATIONS.length);
      } finally {
        await again.close();
      }
    } finally {
      await dropSchema(config);
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});
