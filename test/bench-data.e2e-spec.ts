import { insertTable } from '../bench/bench-db.js';
import { buildDataSet, type Scale } from '../bench/data-set.js';
import { ENGINE, TestApp } from './support/test-app.js';

// The benchmark's data set, at a small scale: deterministic, and accepted row for row by the schema
// the migrations build, reading through the API as if it had been written through it.

const SMALL: Scale = {
  members: 3,
  plansPerMember: 3,
  commitmentsPerPlan: 5,
  milestonesPerCommitment: 5,
  updatesPerCommitment: 20,
  evidencePerCommitment: 4,
};

const rowsOf = (data: ReturnType<typeof buildDataSet>, table: string) =>
  data.tables.find((t) => t.name === table)?.rows ?? [];

describe('the benchmark data set', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const once = buildDataSet(7, SMALL);
    expect(buildDataSet(7, SMALL)).toEqual(once);
    expect(rowsOf(buildDataSet(8, SMALL), 'commitment')).not.toEqual(rowsOf(once, 'commitment'));
  });

  it('has the sizes the scale asks for', () => {
    const data = buildDataSet(7, SMALL);
    const counts = Object.fromEntries(data.tables.map((t) => [t.name, t.rows.length]));
    expect(counts).toMatchObject({
      member: 3,
      action_plan: 9,
      commitment: 45,
      milestone: 225,
      progress_update: 900,
      assessment: 90,
      evidence: 180,
      evidence_reply: 90,
    });
    // One audit entry per member, institution, organisation, plan, commitment, milestone, update,
    // assessment, evidence and reply.
    expect(counts.audit_log).toBe(
      3 + counts.institution + counts.organisation + 9 + 45 + 225 + 900 + 90 + 180 + 90,
    );
  });
});

describe(`the benchmark data set in the service's database (${ENGINE})`, () => {
  let api: TestApp;
  let data: ReturnType<typeof buildDataSet>;
  beforeAll(async () => {
    api = await TestApp.start();
    const [head] = await api.query<{ last_hash: string | null }>('SELECT last_hash FROM audit_head');
    data = buildDataSet(7, SMALL, head.last_hash);
    for (const table of data.tables)
      await insertTable({ query: (text, values) => api.query(text, values) }, table);
    const audit = rowsOf(data, 'audit_log');
    await api.query(
      'UPDATE audit_head SET last_id = (SELECT max(id) FROM audit_log), last_hash = $1 WHERE id = 1',
      [audit[audit.length - 1][9]],
    );
  });
  afterAll(() => api.close());

  it('keeps the audit chain whole', async () => {
    const res = await api.get('/api/v1/audit/verify');
    expect(res.body).toMatchObject({ valid: true, firstBrokenEntry: null });
    expect(res.body.entriesChecked).toBeGreaterThan(rowsOf(data, 'audit_log').length);
  });

  it('lists each member with its fifteen commitments, their milestones and independent view', async () => {
    const [member] = await api.query<{ code: string }>('SELECT code FROM member ORDER BY code LIMIT 1');
    const res = await api.anonymous.get(`/api/v1/commitments?member=${member.code}&limit=50`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(15);
    for (const c of res.body.items) {
      expect(c.milestones.total).toBe(5);
      expect(c.independent.completion).not.toBeNull();
      expect(c.state.selfReportedCompletion).not.toBeNull();
    }
  });

  it('keeps the agreement verdict the service itself would reach', async () => {
    const commitments = await api.query<{ code: string; agreement: string }>(
      'SELECT code, agreement FROM commitment ORDER BY code',
    );
    for (const c of commitments) {
      const res = await api.anonymous.get(`/api/v1/commitments/${c.code}/agreement`);
      expect({ code: c.code, verdict: res.body.verdict }).toEqual({ code: c.code, verdict: c.agreement });
    }
  });

  it('answers the overdue and starred filters from what the rows say', async () => {
    const overdue = await api.anonymous.get('/api/v1/commitments?overdue=true&limit=100');
    expect(overdue.body.items.length).toBeGreaterThan(0);
    expect(overdue.body.items.every((c: any) => c.state.overdueMilestones > 0)).toBe(true);
    const starred = await api.anonymous.get('/api/v1/commitments?starred=true&limit=100');
    const stored = await api.query('SELECT 1 FROM commitment WHERE irm_starred');
    expect(stored.length).toBeGreaterThan(0);
    expect(starred.body.items).toHaveLength(stored.length);
    expect(starred.body.items.every((c: any) => c.independent.starred === true)).toBe(true);
  });
});
