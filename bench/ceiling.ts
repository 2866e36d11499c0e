import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { benchDatabaseUrl } from './bench-db.js';

// The ceilings the service is measured against, on the same machine and data:
//   node dist/bench/ceiling.js pg PORT     bare node:http answering the benchmark's reads with
//                                          hand-written SQL through pg (prepared statements, JSON
//                                          built by PostgreSQL and written as it comes);
//   node dist/bench/ceiling.js fixed PORT  the same server with no database: one fixed body, and
//                                          304 when the client already has it.
// Neither has routing, validation, authentication, error bodies or derived views: that is the point.

const COMMITMENT_JSON = `json_build_object(
  'id', c.id, 'code', c.code,
  'member', json_build_object('code', m.code, 'name', m.name),
  'actionPlan', json_build_object('id', p.id, 'sequenceNumber', p.sequence_number, 'title', p.title),
  'number', c.number, 'title', c.title, 'problem', c.problem, 'causes', c.causes, 'priorActions', c.prior_actions,
  'solution', c.solution, 'expectedResults', c.expected_results,
  'startDate', c.start_date, 'startDatePrecision', c.start_date_precision,
  'endDate', c.end_date, 'endDatePrecision', c.end_date_precision,
  'leadInstitution', (SELECT json_build_object('id', i.id, 'name', i.name, 'type', i.type) FROM institution i WHERE i.id = c.lead_institution_id),
  'supportingInstitutions', (SELECT coalesce(json_agg(json_build_object('id', i.id, 'name', i.name, 'type', i.type) ORDER BY i.name), '[]')
                               FROM commitment_supporting_institution s JOIN institution i ON i.id = s.institution_id WHERE s.commitment_id = c.id),
  'values', (SELECT coalesce(json_agg(json_build_object('value', v.value, 'justification', v.justification) ORDER BY v.value), '[]')
               FROM commitment_value v WHERE v.commitment_id = c.id),
  'tags', (SELECT coalesce(json_agg(t.slug ORDER BY t.slug), '[]') FROM commitment_tag ct JOIN policy_area_tag t ON t.id = ct.tag_id WHERE ct.commitment_id = c.id),
  'area', c.area, 'participationMechanism', c.participation_mechanism, 'participationLevel', c.participation_level,
  'links', (SELECT coalesce(json_agg(json_build_object('type', l.type, 'target', tc.code) ORDER BY l.type, tc.code), '[]')
              FROM commitment_link l JOIN commitment tc ON tc.id = l.to_commitment_id WHERE l.from_commitment_id = c.id),
  'contactOnFile', coalesce((SELECT true FROM commitment_contact cc WHERE cc.commitment_id = c.id), false),
  'milestones', (SELECT json_build_object(
                   'total', count(*), 'notStarted', count(*) FILTER (WHERE ms.status = 'NOT_STARTED'),
                   'inProgress', count(*) FILTER (WHERE ms.status = 'IN_PROGRESS'),
                   'complete', count(*) FILTER (WHERE ms.status = 'COMPLETE'),
                   'withdrawn', count(*) FILTER (WHERE ms.status = 'WITHDRAWN'),
                   'overdue', count(*) FILTER (WHERE ms.status IN ('NOT_STARTED', 'IN_PROGRESS') AND ms.due_by < current_date),
                   'share', sum(ms.weight) FILTER (WHERE ms.status = 'COMPLETE') / nullif(sum(ms.weight) FILTER (WHERE ms.status <> 'WITHDRAWN'), 0))
                   FROM milestone ms WHERE ms.commitment_id = c.id),
  'selfReportedCompletion', c.self_reported_completion, 'agreement', c.agreement,
  'independent', json_build_object('completion', c.irm_completion, 'potentialImpact', c.irm_potential_impact,
    'potentialForResults', c.irm_potential_for_results, 'earlyResults', c.irm_early_results,
    'didItOpenGovernment', c.irm_did_it_open_government, 'starred', c.irm_starred),
  'version', c.version, 'createdAt', c.created_at, 'updatedAt', c.updated_at)`;

const FROM_COMMITMENT = `FROM commitment c JOIN member m ON m.id = c.member_id JOIN action_plan p ON p.id = c.action_plan_id`;
const OVERDUE = `EXISTS (SELECT 1 FROM milestone od WHERE od.commitment_id = c.id
                   AND od.status IN ('NOT_STARTED', 'IN_PROGRESS') AND od.due_by < current_date)`;

/** A page of commitments in code order, filtered; the page as one JSON text. */
function listStatement(name: string, where: string): { name: string; text: string } {
  return {
    name,
    text: `SELECT coalesce(json_agg(x.body ORDER BY x.code), '[]')::text AS body
             FROM (SELECT c.code, ${COMMITMENT_JSON} AS body ${FROM_COMMITMENT}
                    WHERE ${where} ORDER BY c.code LIMIT $2) x`,
  };
}

const STATEMENTS = {
  member: listStatement('member', `c.member_id = (SELECT id FROM member WHERE code = $1)`),
  starred: listStatement('starred', `c.irm_starred = $1::boolean`),
  overdue: listStatement('overdue', `${OVERDUE} AND $1::boolean`),
  q: listStatement('q', `c.search @@ websearch_to_tsquery('english', $1)`),
  detail: {
    name: 'detail',
    text: `SELECT ${COMMITMENT_JSON}::text AS body ${FROM_COMMITMENT} WHERE c.code = $1`,
  },
  agreement: {
    name: 'agreement',
    text: `SELECT json_build_object(
             'commitment', c.code,
             'selfReported', json_build_object('completion', c.self_reported_completion),
             'independent', json_build_object('completion', c.irm_completion),
             'civic', json_build_object(
               'counts', (SELECT json_build_object('confirms', count(*) FILTER (WHERE e.stance = 'CONFIRMS'),
                                                   'contradicts', count(*) FILTER (WHERE e.stance = 'CONTRADICTS'),
                                                   'mixed', count(*) FILTER (WHERE e.stance = 'MIXED'),
                                                   'context', count(*) FILTER (WHERE e.stance = 'CONTEXT'))
                            FROM evidence e WHERE e.commitment_id = c.id AND e.visibility = 'PUBLIC' AND e.hidden_at IS NULL),
               'latest', (SELECT coalesce(json_agg(json_build_object('id', l.id, 'type', l.type, 'title', l.title, 'summary', l.summary,
                                                                    'organisation', l.organisation, 'stance', l.stance,
                                                                    'supportedCompletion', l.supported_completion,
                                                                    'activityDate', l.activity_date, 'links', l.links,
                                                                    'createdAt', l.created_at) ORDER BY l.created_at DESC, l.id DESC), '[]')
                            FROM (SELECT e.*, coalesce(o.name, e.organisation_name) AS organisation
                                    FROM evidence e LEFT JOIN organisation o ON o.id = e.organisation_id
                                   WHERE e.commitment_id = c.id AND e.visibility = 'PUBLIC' AND e.hidden_at IS NULL
                                   ORDER BY e.created_at DESC, e.id DESC LIMIT 5) l)),
             'verdict', c.agreement)::text AS body
           FROM commitment c WHERE c.code = $1`,
  },
  dashboard: {
    name: 'dashboard',
    text: `WITH pc AS (SELECT * FROM commitment WHERE action_plan_id = $1)
           SELECT json_build_object(
             'plan', (SELECT json_build_object('id', p.id, 'title', p.title, 'startDate', p.start_date, 'endDate', p.end_date, 'status', p.status)
                        FROM action_plan p WHERE p.id = $1),
             'commitments', (SELECT count(*) FROM pc),
             'byArea', (SELECT json_object_agg(coalesce(area, 'NONE'), n) FROM (SELECT area, count(*) n FROM pc GROUP BY area) a),
             'byValue', (SELECT json_object_agg(value, n) FROM (SELECT v.value, count(*) n FROM commitment_value v JOIN pc ON pc.id = v.commitment_id GROUP BY v.value) v),
             'selfReported', (SELECT json_object_agg(coalesce(k, 'NONE'), n) FROM (SELECT self_reported_completion k, count(*) n FROM pc GROUP BY 1) s),
             'independent', (SELECT json_object_agg(coalesce(k, 'NONE'), n) FROM (SELECT irm_completion k, count(*) n FROM pc GROUP BY 1) s),
             'selfHigher', (SELECT count(*) FROM pc WHERE self_reported_completion > irm_completion),
             'agreement', (SELECT json_object_agg(agreement, n) FROM (SELECT agreement, count(*) n FROM pc GROUP BY 1) s),
             'participation', (SELECT json_object_agg(coalesce(k, 'NONE'), n) FROM (SELECT participation_level k, count(*) n FROM pc GROUP BY 1) s),
             'overdueMilestones', (SELECT count(*) FROM milestone ms JOIN pc ON pc.id = ms.commitment_id
                                    WHERE ms.status IN ('NOT_STARTED', 'IN_PROGRESS') AND ms.due_by < current_date),
             'forum', (SELECT coalesce(json_agg(held_on ORDER BY held_on), '[]') FROM forum_meeting WHERE action_plan_id = $1),
             'ecosystem', (SELECT coalesce(json_agg(json_build_object('from', pc.code, 'type', l.type, 'to', tc.code) ORDER BY pc.code), '[]')
                             FROM commitment_link l JOIN pc ON pc.id = l.from_commitment_id JOIN commitment tc ON tc.id = l.to_commitment_id))::text AS body`,
  },
} as const;

type Route = { statement: keyof typeof STATEMENTS; values: unknown[]; page: boolean };

/** The benchmark's read requests, by path; anything else is a 404. */
function route(req: IncomingMessage): Route | undefined {
  const url = new URL(req.url ?? '/', 'http://ceiling');
  const parts = url.pathname.split('/').filter(Boolean); // api v1 ...
  const limit = Number(url.searchParams.get('limit') ?? 50);
  if (parts[2] === 'commitments' && parts.length === 3) {
    const query = url.searchParams;
    if (query.get('member'))
      return { statement: 'member', values: [query.get('member'), limit + 1], page: true };
    if (query.get('starred'))
      return { statement: 'starred', values: [query.get('starred') === 'true', limit + 1], page: true };
    if (query.get('overdue'))
      return { statement: 'overdue', values: [query.get('overdue') === 'true', limit + 1], page: true };
    if (query.get('q')) return { statement: 'q', values: [query.get('q'), limit + 1], page: true };
  }
  if (parts[2] === 'commitments' && parts.length === 4)
    return { statement: 'detail', values: [parts[3]], page: false };
  if (parts[2] === 'commitments' && parts[4] === 'agreement')
    return { statement: 'agreement', values: [parts[3]], page: false };
  if (parts[2] === 'action-plans' && parts[4] === 'dashboard')
    return { statement: 'dashboard', values: [parts[3]], page: false };
  return undefined;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

function pgCeiling(port: number): void {
  const pool = new pg.Pool({
    connectionString: benchDatabaseUrl(),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  createServer((req, res) => {
    const found = route(req);
    if (!found) return send(res, 404, '{"title":"Not Found"}');
    const statement = STATEMENTS[found.statement];
    pool
      .query<{ body: string | null }>({ name: statement.name, text: statement.text, values: found.values })
      .then(({ rows }) => {
        const body = rows[0]?.body;
        if (body === null || body === undefined) return send(res, 404, '{"title":"Not Found"}');
        send(res, 200, found.page ? `{"items":${body}}` : body);
      })
      .catch((error: Error) => send(res, 500, JSON.stringify({ title: error.message })));
  }).listen(port, '127.0.0.1');
}

function fixedCeiling(port: number): void {
  const body = JSON.stringify({
    code: 'BAA0001',
    title: 'A fixed body of the size of a commitment',
    padding: 'x'.repeat(2500),
  });
  const etag = '"fixed-1"';
  createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    send(res, 200, body, { etag });
  }).listen(port, '127.0.0.1');
}

const [mode, port] = process.argv.slice(2);
if (mode === 'pg') pgCeiling(Number(port));
else if (mode === 'fixed') fixedCeiling(Number(port));
else {
  process.stderr.write('Usage: node dist/bench/ceiling.js pg|fixed PORT\n');
  process.exit(64);
}
