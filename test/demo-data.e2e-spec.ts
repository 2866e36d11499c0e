import { DEMO_IDENTITIES } from '../src/modules/access/demo-identities.js';
import { countRows, nextLinkOf } from './support/assertions.js';
import { ENGINE, TestApp } from './support/test-app.js';
import { seedDemoRegisterIfEmpty, type SeedResult } from '../src/seed/seed.js';

// The demo register a newcomer finds: loaded through the services, readable through the API, and
// loaded once only.

const AREAS = [
  'DIGITAL_STRATEGY_AND_POLICY',
  'SERVICE_CO_DESIGN',
  'TECHNOLOGY_REGULATION',
  'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
  'OVERSIGHT_AUDIT_AND_REDRESS',
] as const;

const TABLES = [
  'member',
  'institution',
  'policy_area_tag',
  'action_plan',
  'forum_meeting',
  'commitment',
  'commitment_link',
  'milestone',
  'audit_log',
] as const;

/** Every item of a list, following its Link headers. */
async function all(api: TestApp, firstUrl: string): Promise<any[]> {
  const items: any[] = [];
  let url: string | undefined = firstUrl;
  for (let pages = 0; url !== undefined; pages += 1) {
    if (pages > 100) throw new Error('the list does not end');
    const res = await api.get(url);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    url = nextLinkOf(res);
  }
  return items;
}

async function counts(api: TestApp): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ n }] = await api.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = n;
  }
  return result;
}

describe(`demo register (${ENGINE})`, () => {
  let api: TestApp;
  let seeded: SeedResult | undefined;
  beforeAll(async () => {
    api = await TestApp.start();
    seeded = await seedDemoRegisterIfEmpty(api.app, { demoIdentities: true });
  });
  afterAll(() => api.close());

  it('reports what it loaded, matching what is stored', async () => {
    expect(seeded).toBeDefined();
    const stored = await counts(api);
    expect(seeded).toEqual({
      users: DEMO_IDENTITIES.length,
      progressUpdates: await countRows(api, 'progress_update'),
      assessments: await countRows(api, 'assessment', "status = 'PUBLISHED'"),
      evidence: await countRows(api, 'evidence'),
      members: stored.member,
      actionPlans: stored.action_plan,
      commitments: stored.commitment,
      milestones: stored.milestone,
    });
  });

  it('gives one demo user of each role, whose published token works on the embedded database only', async () => {
    expect(new Set(DEMO_IDENTITIES.map((d) => d.role))).toEqual(
      new Set(['admin', 'government_poc', 'civil_society', 'assessor']),
    );
    for (const identity of DEMO_IDENTITIES) {
      const me = await api.as(identity.token).get('/api/v1/me');
      if (ENGINE === 'postgres') {
        // The tokens are published in the README: with DATABASE_URL set they open nothing.
        expect(me.status).toBe(401);
        expect(me.body.code).toBe('auth.unknown_token');
      } else {
        expect(me.status).toBe(200);
        expect(me.body).toMatchObject({ role: identity.role, email: identity.email });
      }
    }
    if (ENGINE === 'pglite')
      expect((await api.as(DEMO_IDENTITIES[1].token).get('/api/v1/me')).body.member).toBe('KEN');
  });

  it('shows the three sources side by side, with claims civil society contests', async () => {
    const contested = await api.get('/api/v1/commitments?agreement=CONTESTED');
    expect(contested.body.items.map((c: any) => c.code)).toContain('KE0041');
    const agreement = await api.anonymous.get('/api/v1/commitments/KE0041/agreement');
    expect(agreement.body).toMatchObject({
      verdict: 'CONTESTED',
      selfReported: { completion: 'SUBSTANTIAL' },
    });
    expect((await api.anonymous.get('/api/v1/commitments/KE0031/agreement')).body.verdict).toBe('CONSISTENT');
  });

  it('has at least four members, national and local, each readable by its code', async () => {
    const members = await all(api, '/api/v1/members?limit=2');
    expect(members.length).toBeGreaterThanOrEqual(4);
    expect(members.some((m) => m.type === 'LOCAL')).toBe(true);
    expect(members.some((m) => m.type === 'NATIONAL')).toBe(true);
    const local = await all(api, '/api/v1/members?type=LOCAL');
    expect(local.length).toBeGreaterThanOrEqual(1);
    for (const m of local) expect(m.code).toMatch(/^[A-Z]{4}$/);
    for (const m of members) {
      const res = await api.get(`/api/v1/members/${m.code}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(m);
    }
  });

  it('has about thirty commitments, each of a member and one of its plans', async () => {
    const commitments = await all(api, '/api/v1/commitments?limit=10');
    expect(commitments.length).toBeGreaterThanOrEqual(28);
    expect(new Set(commitments.map((c) => c.code)).size).toBe(commitments.length);
    const plans = new Map((await all(api, '/api/v1/action-plans?limit=200')).map((p) => [p.id, p]));
    for (const c of commitments) {
      expect(c.code).toMatch(/^[A-Z]{2,3}\d{4}$/);
      const plan = plans.get(c.actionPlan.id);
      expect(plan).toBeDefined();
      expect(plan.member.code).toBe(c.member.code);
    }
  });

  it.each(AREAS)('has at least four commitments in the area %s', async (area) => {
    const commitments = await all(api, `/api/v1/commitments?area=${area}&limit=200`);
    expect(commitments.length).toBeGreaterThanOrEqual(4);
    expect(commitments.every((c) => c.area === area)).toBe(true);
  });

  it('has milestones in every status', async () => {
    const rows = await api.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM milestone GROUP BY status ORDER BY status`,
    );
    expect(rows.map((r) => r.status)).toEqual(['COMPLETE', 'IN_PROGRESS', 'NOT_STARTED', 'WITHDRAWN']);
    for (const r of rows) expect(r.n).toBeGreaterThan(0);
  });

  it('has at least one four-year plan, and plans that have ended and are running', async () => {
    const plans = await all(api, '/api/v1/action-plans?limit=200');
    expect(plans.some((p) => p.durationMonths >= 45 && p.durationMonths <= 51)).toBe(true);
    expect(plans.some((p) => p.status === 'ENDED')).toBe(true);
    expect(plans.some((p) => ['IMPLEMENTING', 'MIDTERM_REVIEW'].includes(p.status))).toBe(true);
    // A plan in midterm review must be a four-year plan.
    for (const p of plans.filter((q) => q.status === 'MIDTERM_REVIEW'))
      expect(p.durationMonths).toBeGreaterThan(36);
  });

  it('has links between commitments, each to a commitment that exists', async () => {
    const commitments = await all(api, '/api/v1/commitments?limit=200');
    const linked = commitments.filter((c) => c.links.length > 0);
    expect(linked.length).toBeGreaterThan(0);
    const codes = new Set(commitments.map((c) => c.code));
    for (const c of linked) {
      for (const link of c.links) {
        expect(['IMPLEMENTS', 'MONITORS', 'CO_DESIGNS', 'CONTINUES']).toContain(link.type);
        expect(codes.has(link.target)).toBe(true);
        expect(link.target).not.toBe(c.code);
      }
    }
  });

  it('has forum meetings for the plans', async () => {
    const plans = await all(api, '/api/v1/action-plans?limit=200');
    let meetings = 0;
    for (const p of plans) meetings += (await all(api, `/api/v1/action-plans/${p.id}/forum-meetings`)).length;
    expect(meetings).toBeGreaterThan(0);
  });

  it('shows the lens on every plan: a forum that missed six months, connected policies, SMART feedback', async () => {
    const plans = await all(api, '/api/v1/action-plans?limit=200');
    const dashboards = [];
    for (const p of plans) {
      const res = await api.get(`/api/v1/action-plans/${p.id}/dashboard`);
      expect(res.status).toBe(200);
      expect(res.body.commitments.total).toBe(
        (await all(api, `/api/v1/action-plans/${p.id}/commitments`)).length,
      );
      dashboards.push(res.body);
    }
    const buenosAires = dashboards.find((d) => d.actionPlan.member.code === 'ARBA');
    expect(buenosAires.forum.metEverySixMonths).toBe(false);
    expect(buenosAires.forum.gaps.length).toBeGreaterThan(0);
    const kenya = dashboards.find((d) =>
      d.ecosystem.policies.some((x: { code: string }) => x.code === 'KE0041'),
    );
    expect(kenya.ecosystem.policies.find((x: { code: string }) => x.code === 'KE0041')).toMatchObject({
      coDesigned: true,
      overseen: true,
      connected: true,
    });
    const commitments = await all(api, '/api/v1/commitments?limit=200');
    expect(commitments.some((c) => !c.smart.passed)).toBe(true);
    expect(commitments.some((c) => c.smart.passed)).toBe(true);
    const compared = await api.get('/api/v1/compare?area=SERVICE_CO_DESIGN');
    expect(compared.status).toBe(200);
    expect(compared.body.items.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves the same audit trail as any client: one CREATE per member, plan and commitment', async () => {
    const stored = await counts(api);
    const rows = await api.query<{ resource_type: string; n: number }>(
      `SELECT resource_type, count(*)::int AS n FROM audit_log WHERE action = 'CREATE' GROUP BY resource_type`,
    );
    const created = Object.fromEntries(rows.map((r) => [r.resource_type, r.n]));
    expect(created.member).toBe(stored.member);
    expect(created.action_plan).toBe(stored.action_plan);
    expect(created.commitment).toBe(stored.commitment);
  });

  it('does nothing the second time: answers undefined and changes no count', async () => {
    const before = await counts(api);
    expect(await seedDemoRegisterIfEmpty(api.app, { demoIdentities: true })).toBeUndefined();
    expect(await counts(api)).toEqual(before);
  });
});
