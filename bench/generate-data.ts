import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ENTITIES } from '../src/app.entities.js';
import { loadConfig } from '../src/config/app-config.js';
import { openDatabase } from '../src/database/database.js';
import { benchDatabaseUrl, insertTable, maintenanceUrl } from './bench-db.js';
import { buildDataSet, FULL_SCALE } from './data-set.js';

// `npm run bench:data [-- --seed N]`: (re)creates the bench database, brings it up to date with the
// service's own migrations and loads the data set in bulk. Everything in that database is replaced.

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: 'string', default: '20261124' } } });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  const url = benchDatabaseUrl();
  const started = performance.now();

  const maintenance = maintenanceUrl(url);
  const admin = new pg.Client({ connectionString: maintenance.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${maintenance.database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${maintenance.database}`);
  await admin.end();

  const database = await openDatabase(
    { ...loadConfig({ DATABASE_URL: url }), seedDemoData: false },
    ENTITIES,
  );
  await database.close();
  say(`database ${maintenance.database} created and migrated (${seconds(started)})`);

  let step = performance.now();
  const data = buildDataSet(seed, FULL_SCALE);
  say(`data set built from seed ${seed} (${seconds(step)})`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const table of data.tables) {
      step = performance.now();
      await insertTable(client, table);
      say(`  ${table.name.padEnd(34)} ${String(table.rows.length).padStart(8)} rows  ${seconds(step)}`);
    }
    const audit = data.tables.find((t) => t.name === 'audit_log');
    const lastHash = audit?.rows[audit.rows.length - 1]?.[9] ?? null;
    await client.query(
      `UPDATE audit_head SET last_id = (SELECT max(id) FROM audit_log), last_hash = $1 WHERE id = 1`,
      [lastHash],
    );
    await client.query('COMMIT');
    step = performance.now();
    await client.query('VACUUM ANALYZE');
    say(`vacuum analyze (${seconds(step)})`);
  } finally {
    await client.end();
  }
  say(`bench data ready in ${seconds(started)}: ${url.replace(/\/\/[^@/]*@/, '//')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
