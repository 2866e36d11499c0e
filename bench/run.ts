import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { generateToken, hashToken, tokenPrefix } from '../src/modules/access/tokens.js';
import { benchDatabaseUrl } from './bench-db.js';

// `npm run bench`: the built service in production mode against its ceilings, on the bench data
// (`npm run bench:data` first). Each scenario: a warm-up, then BENCH_DURATION seconds at 1 and at 64
// connections, on the service and on its ceiling, one after the other. Prints the results table and
// keeps it in bench/last-run.md (and .json).

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/bench
const ROOT = resolve(HERE, '../..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,64').split(',').map(Number);
const ONLY = process.env.BENCH_ONLY?.split(',');
const PORTS = { service: 3100, pg: 3101, fixed: 3102 } as const;
const say = (line: string) => process.stdout.write(`${line}\n`);

type Target = keyof typeof PORTS;

interface Scenario {
  name: string;
  ceiling: Exclude<Target, 'service'> | null;
  /** The nth request of the run, on the service (and on the ceiling, which gets the same paths). */
  request: (n: number) => {
    path: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
  };
  expect: number;
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  bytesPerRequest: number;
  peakRssMb?: number;
}

interface Row {
  scenario: string;
  connections: number;
  service: Measure;
  ceiling: (Measure & { name: Target }) | null;
}

// ---- processes -----------------------------------------------------------------------------------

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));
process.on('SIGINT', () => process.exit(130));

function start(name: string, args: string[], env: Record<string, string | undefined>): ChildProcess {
  const log = createWriteStream(resolve(HERE, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on('exit', (code) => {
    if (code !== null && code !== 0) say(`${name} exited with ${code}: see ${resolve(HERE, `${name}.log`)}`);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** Resident memory of a process, now and at its highest so far (Linux), in MB. */
function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(/(\d+) kB/.exec(status.split('\n').find((l) => l.startsWith(field)) ?? '')?.[1] ?? 0);
    return { rss: kb('VmRSS:') / 1024, peak: kb('VmHWM:') / 1024 };
  } catch {
    return undefined;
  }
}

// ---- load ----------------------------------------------------------------------------------------

async function load(
  target: Target,
  scenario: Scenario,
  connections: number,
  seconds: number,
  pid?: number,
): Promise<Measure> {
  let n = 0;
  let peakRss = 0;
  const sampler = pid
    ? setInterval(() => {
        peakRss = Math.max(peakRss, memoryOf(pid)?.rss ?? 0);
      }, 100)
    : undefined;
  const first = scenario.request(0);
  const result = await autocannon({
    url: `http://127.0.0.1:${PORTS[target]}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: first.method ?? 'GET',
        path: first.path,
        setupRequest: (request) => {
          const next = scenario.request(n++);
          return {
            ...request,
            method: next.method ?? 'GET',
            path: next.path,
            headers: { ...(next.body ? { 'content-type': 'application/json' } : {}), ...next.headers },
            body: next.body,
          };
        },
      },
    ],
  });
  if (sampler) clearInterval(sampler);
  const codes = result.statusCodeStats ?? {};
  const unexpected = Object.entries(codes)
    .filter(([code]) => Number(code) !== scenario.expect)
    .reduce((sum, [, stat]) => sum + (stat.count ?? 0), 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
    requests: result.requests.total,
    bytesPerRequest:
      result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    ...(pid ? { peakRssMb: Math.round(peakRss) } : {}),
  };
}

// ---- the run -------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM commitment')).rows;
  if (count === 0) throw new Error('the bench database is empty: run `npm run bench:data` first');

  // What the requests address: members, commitments and plans spread over the data set.
  const members: string[] = (await db.query(`SELECT code FROM member ORDER BY code`)).rows
    .map((r) => r.code)
    .filter((_, i) => i % 5 === 0);
  const commitments: string[] = (await db.query(`SELECT code FROM commitment ORDER BY code`)).rows
    .map((r) => r.code)
    .filter((_, i) => i % 29 === 0);
  const plans: string[] = (await db.query(`SELECT id FROM action_plan ORDER BY id`)).rows
    .map((r) => r.id)
    .filter((_, i) => i % 4 === 0);

  // Writers: the points of contact of eight members, each with a token, posting to their own commitments.
  await db.query(`DELETE FROM api_token WHERE name = 'bench'`);
  const writers: { token: string; commitments: string[] }[] = [];
  const pocs = (
    await db.query(`SELECT u.id, m.id AS member_id FROM app_user u JOIN member m ON m.id = u.member_id
                     WHERE u.role = 'government_poc' ORDER BY m.code LIMIT 8`)
  ).rows;
  const issue = async (userId: string) => {
    const token = generateToken();
    await db.query(`INSERT INTO api_token (user_id, name, prefix, token_hash) VALUES ($1, 'bench', $2, $3)`, [
      userId,
      tokenPrefix(token),
      hashToken(token),
    ]);
    return token;
  };
  for (const poc of pocs) {
    const own = (
      await db.query(`SELECT code FROM commitment WHERE member_id = $1 ORDER BY code`, [poc.member_id])
    ).rows;
    writers.push({ token: await issue(poc.id), commitments: own.map((r) => r.code) });
  }
  const [adminUser] = (await db.query(`SELECT id FROM app_user WHERE role = 'admin' ORDER BY id LIMIT 1`))
    .rows;
  const adminToken = await issue(adminUser.id);
  const updatesBefore = (await db.query('SELECT count(*)::int AS n FROM progress_update')).rows[0].n;

  const env = { ...process.env };
  delete env.LOG_LEVEL;
  delete env.LOG_FORMAT;
  const service = start('service', ['dist/src/main.js'], {
    ...env,
    NODE_ENV: 'production',
    // As `npm run start:prod` starts it (a heap cap, so that V8 collects before it grows past it);
    // BENCH_SERVICE_NODE_OPTIONS replaces these options for the service alone.
    NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS ?? '--max-old-space-size=192',
    DATABASE_URL: url,
    PORT: String(PORTS.service),
    HOST: '127.0.0.1',
    SEED_DEMO_DATA: 'false',
    // One client address and a few tokens send thousands of writes a minute: the limits would refuse them.
    RATE_LIMIT_WRITES_PER_TOKEN: '0',
    RATE_LIMIT_WRITES_PER_ADDRESS: '0',
  });
  start('ceiling-pg', ['dist/bench/ceiling.js', 'pg', String(PORTS.pg)], { ...env, BENCH_DATABASE_URL: url });
  start('ceiling-fixed', ['dist/bench/ceiling.js', 'fixed', String(PORTS.fixed)], env);
  await waitFor(`http://127.0.0.1:${PORTS.service}/health`);
  await waitFor(`http://127.0.0.1:${PORTS.pg}/`);
  await waitFor(`http://127.0.0.1:${PORTS.fixed}/`);

  const cached = commitments[0];
  const etag = (await fetch(`http://127.0.0.1:${PORTS.service}/api/v1/commitments/${cached}`)).headers.get(
    'etag',
  );
  if (!etag) throw new Error(`GET /commitments/${cached} gave no ETag`);
  const at = <T>(list: T[], n: number) => list[n % list.length];
  const all: Scenario[] = [
    {
      name: 'list ?member=&limit=50',
      ceiling: 'pg',
      expect: 200,
      request: (n) => ({ path: `/api/v1/commitments?member=${at(members, n)}&limit=50` }),
    },
    {
      name: 'list ?starred=true',
      ceiling: 'pg',
      expect: 200,
      request: () => ({ path: `/api/v1/commitments?starred=true&limit=50` }),
    },
    {
      name: 'list ?overdue=true',
      ceiling: 'pg',
      expect: 200,
      request: () => ({ path: `/api/v1/commitments?overdue=true&limit=50` }),
    },
    {
      name: 'list ?q=digital identity',
      ceiling: 'pg',
      expect: 200,
      request: () => ({ path: `/api/v1/commitments?q=digital%20identity&limit=50` }),
    },
    {
      name: 'detail /commitments/{code}',
      ceiling: 'pg',
      expect: 200,
      request: (n) => ({ path: `/api/v1/commitments/${at(commitments, n)}` }),
    },
    {
      name: 'agreement view',
      ceiling: 'pg',
      expect: 200,
      request: (n) => ({ path: `/api/v1/commitments/${at(commitments, n)}/agreement` }),
    },
    {
      name: 'plan dashboard',
      ceiling: 'pg',
      expect: 200,
      request: (n) => ({ path: `/api/v1/action-plans/${at(plans, n)}/dashboard` }),
    },
    {
      name: 'conditional GET → 304',
      ceiling: 'fixed',
      expect: 304,
      request: () => ({ path: `/api/v1/commitments/${cached}`, headers: { 'if-none-match': etag } }),
    },
    {
      name: 'write: progress update',
      ceiling: null,
      expect: 201,
      request: (n) => {
        const writer = at(writers, n);
        const code = at(writer.commitments, Math.floor(n / writers.length));
        return {
          method: 'POST',
          path: `/api/v1/commitments/${code}/progress-updates`,
          headers: { authorization: `Bearer ${writer.token}` },
          body: JSON.stringify({
            reportedCompletion: 'SUBSTANTIAL',
            percentComplete: 60,
            narrative: `Benchmark report ${n}: the second milestone's user research is published.`,
          }),
        };
      },
    },
  ];
  const scenarios = all.filter((s) => !ONLY || ONLY.some((word) => s.name.includes(word)));

  const rows: Row[] = [];
  for (const scenario of scenarios) {
    for (const connections of CONNECTIONS) {
      const targets: Target[] = ['service', ...(scenario.ceiling ? [scenario.ceiling] : [])];
      const measured: Partial<Record<Target, Measure>> = {};
      for (const target of targets) {
        if (WARMUP > 0) await load(target, scenario, connections, WARMUP);
        measured[target] = await load(
          target,
          scenario,
          connections,
          DURATION,
          target === 'service' ? service.pid : undefined,
        );
      }
      const row: Row = {
        scenario: scenario.name,
        connections,
        service: measured.service as Measure,
        ceiling: scenario.ceiling
          ? { name: scenario.ceiling, ...(measured[scenario.ceiling] as Measure) }
          : null,
      };
      rows.push(row);
      say(line(row));
    }
  }

  const updatesAfter = (await db.query('SELECT count(*)::int AS n FROM progress_update')).rows[0].n;
  const verification = (await (
    await fetch(`http://127.0.0.1:${PORTS.service}/api/v1/audit/verify`, {
      headers: { authorization: `Bearer ${adminToken}` },
    })
  ).json()) as { valid: boolean; entriesChecked: number };
  const memory = service.pid ? memoryOf(service.pid) : undefined;
  await db.query(`DELETE FROM api_token WHERE name = 'bench'`);
  await db.end();

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const report = [
    `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${DURATION} s per measure after ${WARMUP} s of warm-up.`,
    '',
    '| scenario | conns | service rps | p50 ms | p99 ms | errors | ceiling | ceiling rps | p50 ms | p99 ms | service / ceiling |',
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
    ...rows.map(tableRow),
    '',
    `Service memory: peak resident ${memory ? Math.round(memory.peak) : '?'} MB over the whole run (VmHWM).`,
    `Writes: ${updatesAfter - updatesBefore} progress updates stored; audit chain ${verification.valid ? 'intact' : 'BROKEN'} (${verification.entriesChecked} entries checked).`,
  ].join('\n');
  writeFileSync(resolve(ROOT, 'bench/last-run.md'), `${report}\n`);
  writeFileSync(
    resolve(ROOT, 'bench/last-run.json'),
    JSON.stringify({ machine, rows, memory, verification }, null, 2),
  );
  say(`\n${report}`);
  process.exit(0);
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

function line(row: Row): string {
  const s = row.service;
  const c = row.ceiling;
  return `${row.scenario.padEnd(28)} ${String(row.connections).padStart(3)} conns  service ${fmt(s.rps).padStart(6)} rps p50 ${s.p50} p99 ${s.p99} err ${s.errors} rss ${s.peakRssMb} MB${c ? `  | ${c.name} ${fmt(c.rps)} rps p99 ${c.p99}  ratio ${fmt(s.rps / c.rps, 2)}` : ''}`;
}

function tableRow(row: Row): string {
  const s = row.service;
  const c = row.ceiling;
  return `| ${row.scenario} | ${row.connections} | ${fmt(s.rps)} | ${s.p50} | ${s.p99} | ${s.errors} | ${c ? c.name : '—'} | ${c ? fmt(c.rps) : '—'} | ${c ? c.p50 : '—'} | ${c ? c.p99 : '—'} | ${c ? fmt(s.rps / c.rps, 2) : '—'} |`;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
