import { randomUUID } from 'node:crypto';
import { countRows, expectProblem, walk } from './support/assertions.js';
import { ENGINE, TestApp } from './support/test-app.js';
import { aCommitment, aMember, aMilestone, aPlan, memberCode } from './support/factories.js';
import { contentHash, linkHash } from '../src/modules/audit/audit-chain.rules.js';

// The audit log: every write appends one entry (who, when, what, before and after), chained to the
// entry before it by a SHA-256, in a table the database refuses to rewrite. An endpoint walks the
// chain and names the first entry that does not hold; a commitment's history is public, without
// naming people.

const HASH = /^[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HISTORY_FIELDS = [
  'action',
  'actorRole',
  'after',
  'before',
  'id',
  'occurredAt',
  'resourceId',
  'resourceType',
];

interface Entry {
  id: string;
  occurred_at: Date;
  request_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  commitment_id: string | null;
  before: any;
  after: any;
  prev_hash: string | null;
  hash: string | null;
  hash_scheme: number;
}

/** The whole log as stored, oldest first. */
function entries(api: TestApp): Promise<Entry[]> {
  return api.query<Entry>(
    `SELECT id::text AS id, occurred_at, request_id, actor_id, actor_role, action, resource_type, resource_id,
            commitment_id, before, after, prev_hash, hash, hash_scheme
       FROM audit_log l ORDER BY l.id`,
  );
}

/** An entry as GET /audit answers it. */
function asListed(e: Entry): Record<string, unknown> {
  return {
    id: e.id,
    occurredAt: new Date(e.occurred_at).toISOString(),
    requestId: e.request_id,
    actorId: e.actor_id,
    actorRole: e.actor_role,
    action: e.action,
    resourceType: e.resource_type,
    resourceId: e.resource_id,
    commitmentId: e.commitment_id,
    before: e.before,
    after: e.after,
    prevHash: e.prev_hash,
    hash: e.hash,
    hashScheme: e.hash_scheme,
  };
}

/** One line: the first entry starts the chain, each other names the hash of the one before it. */
function expectLinear(rows: Entry[]): void {
  expect(rows.length).toBeGreaterThan(0);
  expect(rows[0].prev_hash).toBeNull();
  expect(rows.slice(1).map((r) => r.prev_hash)).toEqual(rows.slice(0, -1).map((r) => r.hash));
  expect(rows.every((r) => HASH.test(String(r.hash)))).toBe(true);
  expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
  const ids = rows.map((r) => Number(r.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  // Linked by the database at commit: each hash is sha256(previous hash || hash of the entry's content).
  expect(rows.every((r) => r.hash_scheme === 2)).toBe(true);
  for (const r of rows) {
    const content = contentHash({
      occurredAt: new Date(r.occurred_at).toISOString(),
      requestId: r.request_id,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      commitmentId: r.commitment_id,
      before: r.before,
      after: r.after,
    });
    expect(r.hash).toBe(linkHash(r.prev_hash, content));
  }
}

/** GET /audit/verify says the whole chain holds. */
async function expectChainHolds(api: TestApp): Promise<void> {
  const rows = await entries(api);
  const res = await api.get('/api/v1/audit/verify');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    valid: true,
    entriesChecked: rows.length,
    firstBrokenEntry: null,
    lastHash: rows[rows.length - 1].hash,
  });
}

const memberBody = (overrides: Record<string, unknown> = {}) => ({
  code: memberCode(),
  name: 'Auditland',
  type: 'NATIONAL',
  region: 'EUROPE',
  ...overrides,
});

let emailSequence = 0;
function anEmail(tag: string): string {
  emailSequence += 1;
  return `${tag}.${emailSequence}.${randomUUID().slice(0, 8)}@example.org`;
}

describe(`audit log (${ENGINE})`, () => {
  let api: TestApp;
  let adminId: string;

  beforeAll(async () => {
    api = await TestApp.start();
    adminId = (await api.get('/api/v1/me')).body.id;
  });
  afterAll(() => api.close());

  describe('recording', () => {
    it('appends one entry per write: actor, action, resource, before/after, request id, chained by hash', async () => {
      const start = await entries(api);
      const startedAt = Date.now();
      const created = await api.post('/api/v1/members', memberBody({ name: 'Chainland' }));
      expect(created.status).toBe(201);
      const afterCreate = await entries(api);
      expect(afterCreate).toHaveLength(start.length + 1);
      const createEntry = afterCreate[afterCreate.length - 1];
      expect(createEntry).toEqual({
        id: expect.any(String),
        occurred_at: expect.any(Date),
        request_id: created.headers['x-request-id'],
        actor_id: adminId,
        actor_role: 'admin',
        action: 'CREATE',
        resource_type: 'member',
        resource_id: created.body.id,
        commitment_id: null,
        before: null,
        after: created.body,
        prev_hash: start[start.length - 1].hash,
        hash: expect.stringMatching(HASH),
        hash_scheme: 2,
      });
      expect(new Date(createEntry.occurred_at).getTime()).toBeGreaterThanOrEqual(startedAt - 5_000);
      expect(new Date(createEntry.occurred_at).getTime()).toBeLessThanOrEqual(Date.now() + 5_000);

      const updated = await api.patch(`/api/v1/members/${created.body.code}`, { name: 'Rechainland' });
      expect(updated.status).toBe(200);
      const afterUpdate = await entries(api);
      expect(afterUpdate).toHaveLength(start.length + 2);
      expect(afterUpdate[afterUpdate.length - 1]).toMatchObject({
        request_id: updated.headers['x-request-id'],
        actor_id: adminId,
        actor_role: 'admin',
        action: 'UPDATE',
        resource_type: 'member',
        resource_id: created.body.id,
        before: created.body,
        after: updated.body,
        prev_hash: createEntry.hash,
        hash: expect.stringMatching(HASH),
      });
      expectLinear(afterUpdate);
    });

    it('appends exactly one chained entry for each kind of write, by the admin who made it', async () => {
      const member = await aMember(api);
      const writes: [string, () => Promise<{ res: any; resourceId: string }>, string, string][] = [
        [
          'an organisation',
          async () => {
            const res = await api.post('/api/v1/organisations', {
              name: `Audit Org ${randomUUID().slice(0, 6)}`,
              type: 'CIVIL_SOCIETY',
            });
            return { res, resourceId: res.body.id };
          },
          'CREATE',
          'organisation',
        ],
        [
          'a user',
          async () => {
            const res = await api.post('/api/v1/users', {
              name: 'Audited Person',
              email: anEmail('audited'),
              role: 'government_poc',
              member: member.code,
            });
            return { res, resourceId: res.body.id };
          },
          'CREATE',
          'user',
        ],
        [
          'a token',
          async () => {
            const [user] = await api.query<{ id: string }>(
              `SELECT id FROM app_user WHERE name = 'Audited Person' ORDER BY created_at DESC LIMIT 1`,
            );
            const res = await api.post(`/api/v1/users/${user.id}/tokens`, { name: 'Audited token' });
            return { res, resourceId: res.body.id };
          },
          'CREATE',
          'token',
        ],
        [
          'a revocation',
          async () => {
            const [token] = await api.query<{ id: string }>(
              `SELECT id FROM api_token WHERE name = 'Audited token' AND revoked_at IS NULL LIMIT 1`,
            );
            const res = await api.request('POST', `/api/v1/tokens/${token.id}/revoke`);
            return { res, resourceId: token.id };
          },
          'REVOKE',
          'token',
        ],
        [
          'an action plan',
          async () => {
            const res = await api.post(`/api/v1/members/${member.code}/action-plans`, {
              sequenceNumber: 1,
              title: 'First Action Plan',
              startDate: '2025-01-01',
              endDate: '2026-12-31',
              status: 'IMPLEMENTING',
            });
            return { res, resourceId: res.body.id };
          },
          'CREATE',
          'action_plan',
        ],
      ];
      for (const [what, write, action, resourceType] of writes) {
        const before = await entries(api);
        const { res, resourceId } = await write();
        expect({ what, ok: res.status >= 200 && res.status < 300 }).toEqual({ what, ok: true });
        const after = await entries(api);
        expect({ what, appended: after.length - before.length }).toEqual({ what, appended: 1 });
        expect(after[after.length - 1]).toMatchObject({
          actor_id: adminId,
          actor_role: 'admin',
          action,
          resource_type: resourceType,
          resource_id: resourceId,
          request_id: res.headers['x-request-id'],
          prev_hash: before[before.length - 1].hash,
          hash: expect.stringMatching(HASH),
        });
      }
      expectLinear(await entries(api));
    });

    it("keeps the caller's X-Request-Id in the entry, so that traces join up", async () => {
      const requestId = `trace-${randomUUID()}`;
      const res = await api.post('/api/v1/members', memberBody(), { 'x-request-id': requestId });
      expect(res.status).toBe(201);
      expect(res.headers['x-request-id']).toBe(requestId);
      const [entry] = await api.query<any>(
        `SELECT request_id FROM audit_log WHERE resource_type = 'member' AND resource_id = $1`,
        [res.body.id],
      );
      expect(entry.request_id).toBe(requestId);
    });

    it('appends nothing for a refused or empty write', async () => {
      const member = await aMember(api);
      const count = await countRows(api, 'audit_log');
      expect((await api.post('/api/v1/members', memberBody({ code: member.code }))).status).toBe(409);
      expect((await api.post('/api/v1/members', memberBody({ code: 'nope' }))).status).toBe(400);
      expect(
        (await api.patch(`/api/v1/members/${member.code}`, { name: 'Stale' }, { 'if-match': '"9"' })).status,
      ).toBe(412);
      expect((await api.patch(`/api/v1/members/${member.code}`, { name: member.name })).status).toBe(200);
      expect(await countRows(api, 'audit_log')).toBe(count);
    });
  });

  describe('reading the log', () => {
    let other: { user: any; token: string };
    let member: any;
    beforeAll(async () => {
      member = await aMember(api, { name: 'Listland' });
      expect((await api.patch(`/api/v1/members/${member.code}`, { region: 'AMERICAS' })).status).toBe(200);
      // A second admin whose writes the actor filter must tell apart.
      other = await api.createUser({ name: 'Second Admin', email: anEmail('second.admin'), role: 'admin' });
      const as = api.as(other.token);
      for (let i = 0; i < 3; i += 1)
        expect((await as.post('/api/v1/members', memberBody())).status).toBe(201);
    });

    it('lists every entry newest first, as stored', async () => {
      const stored = await entries(api);
      const first = await api.get('/api/v1/audit?limit=5');
      expect(first.status).toBe(200);
      expect(first.body.items).toEqual(stored.slice(-5).reverse().map(asListed));
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(first.body.items[0].occurredAt).toMatch(TIMESTAMP);

      const { items, pages } = await walk(api, '/api/v1/audit?limit=4');
      expect(pages).toBe(Math.ceil(stored.length / 4));
      expect(items.map((e) => e.id)).toEqual(stored.map((e) => e.id).reverse());
    });

    it('filters by resource type and resource id', async () => {
      const { items } = await walk(api, '/api/v1/audit?resourceType=member&limit=3');
      expect(items.every((e) => e.resourceType === 'member')).toBe(true);
      expect(items).toHaveLength(await countRows(api, 'audit_log', `resource_type = 'member'`));
      const ids = items.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));

      const one = await api.get(`/api/v1/audit?resourceType=member&resourceId=${member.id}`);
      expect(one.body.items.map((e: any) => e.action)).toEqual(['UPDATE', 'CREATE']);
      expect(one.body.items[0]).toMatchObject({
        resourceId: member.id,
        before: member,
        after: { ...member, region: 'AMERICAS', version: 2, updatedAt: expect.any(String) },
      });
      expect(one.body.nextCursor).toBeNull();
    });

    it('filters by actor', async () => {
      const res = await api.get(`/api/v1/audit?actor=${other.user.id}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(3);
      expect(res.body.items.every((e: any) => e.actorId === other.user.id && e.actorRole === 'admin')).toBe(
        true,
      );
      const mine = await walk(api, `/api/v1/audit?actor=${adminId}&limit=50`);
      expect(mine.items.every((e) => e.actorId === adminId)).toBe(true);
      expect(mine.items).toHaveLength(await countRows(api, 'audit_log', 'actor_id = $1', [adminId]));
    });

    it('filters by action, and by several filters together', async () => {
      const updates = await walk(api, '/api/v1/audit?action=UPDATE');
      expect(updates.items.length).toBeGreaterThan(0);
      expect(updates.items.every((e) => e.action === 'UPDATE')).toBe(true);
      expect(updates.items).toHaveLength(await countRows(api, 'audit_log', `action = 'UPDATE'`));

      const combined = await walk(
        api,
        `/api/v1/audit?resourceType=member&action=CREATE&actor=${other.user.id}&limit=2`,
      );
      expect(combined.pages).toBe(2);
      expect(combined.items).toHaveLength(3);
      expect(
        combined.items.every(
          (e) => e.resourceType === 'member' && e.action === 'CREATE' && e.actorId === other.user.id,
        ),
      ).toBe(true);
      const none = await api.get(`/api/v1/audit?resourceId=${member.id}&action=REVOKE`);
      expect(none.body.items).toEqual([]);
    });

    it('refuses an unknown ?action with 400 naming the parameter', async () => {
      // Not expectProblem: the message rightly lists the actions, UPDATE among them, which its
      // no-SQL check would take for a leaked statement.
      const res = await api.get('/api/v1/audit?action=DROP');
      expect(res.status).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'validation.failed' });
      expect(res.body.errors).toEqual([{ field: 'action', message: expect.any(String) }]);
    });

    it.each([
      ['actor=not-a-uuid', 'actor'],
      ['limit=201', 'limit'],
      ['cursor=garbage', 'cursor'],
      ['hash=abc', 'hash'],
    ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
      expectProblem(await api.get(`/api/v1/audit?${query}`), 400, undefined, field);
    });

    it('is for admins only: 403 for every other role, 401 for anonymous callers', async () => {
      const member = await aMember(api);
      const users = [
        await api.createUser({
          name: 'Audit Poc',
          email: anEmail('poc'),
          role: 'government_poc',
          member: member.code,
        }),
        await api.createUser({ name: 'Audit Assessor', email: anEmail('assessor'), role: 'assessor' }),
      ];
      const org = await api.post('/api/v1/organisations', { name: 'Audit Watchers', type: 'CIVIL_SOCIETY' });
      users.push(
        await api.createUser({
          name: 'Audit Watcher',
          email: anEmail('watcher'),
          role: 'civil_society',
          organisation: org.body.id,
        }),
      );
      for (const { token } of users) {
        expectProblem(await api.as(token).get('/api/v1/audit'), 403, 'access.forbidden');
        expectProblem(await api.as(token).get('/api/v1/audit/verify'), 403, 'access.forbidden');
      }
      for (const url of ['/api/v1/audit', '/api/v1/audit/verify', '/api/v1/audit?action=DENIED']) {
        const res = await api.anonymous.get(url);
        expectProblem(res, 401, 'auth.required');
        expect(res.text).not.toMatch(/[0-9a-f]{64}/);
      }
    });
  });

  describe('verifying the chain', () => {
    it('holds after many writes', async () => {
      for (let i = 0; i < 5; i += 1) {
        const m = await aMember(api);
        expect((await api.patch(`/api/v1/members/${m.code}`, { name: `Verified ${i}` })).status).toBe(200);
      }
      expectLinear(await entries(api));
      await expectChainHolds(api);
    });

    it('stays one line when ten creates arrive at once', async () => {
      const before = await countRows(api, 'audit_log');
      const bodies = Array.from({ length: 10 }, (_, i) => memberBody({ name: `Racer ${i}` }));
      const results = await Promise.all(bodies.map((body) => api.post('/api/v1/members', body)));
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      const rows = await entries(api);
      expect(rows).toHaveLength(before + 10);
      expectLinear(rows);
      for (const res of results) {
        const entry = rows.find((r) => r.resource_type === 'member' && r.resource_id === res.body.id);
        expect(entry).toMatchObject({
          action: 'CREATE',
          request_id: res.headers['x-request-id'],
          after: res.body,
        });
      }
      await expectChainHolds(api);
    });

    it('stays one line when different kinds of write arrive at once', async () => {
      const members = await Promise.all([aMember(api), aMember(api), aMember(api)]);
      const before = await countRows(api, 'audit_log');
      const results = await Promise.all([
        ...members.map((m, i) =>
          api.request(
            'PATCH',
            `/api/v1/members/${m.code}`,
            { name: `Concurrent ${i}` },
            { headers: { 'if-match': '"1"' } },
          ),
        ),
        ...[1, 2, 3].map((i) =>
          api.post('/api/v1/organisations', {
            name: `Concurrent Org ${i} ${randomUUID().slice(0, 6)}`,
            type: 'CIVIL_SOCIETY',
          }),
        ),
        ...[1, 2, 3].map(() =>
          api.post('/api/v1/users', {
            name: 'Concurrent Admin',
            email: anEmail('concurrent'),
            role: 'admin',
          }),
        ),
        ...[1, 2].map(() => api.post('/api/v1/members', memberBody())),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 201, 201, 201, 201, 201, 201, 201, 201]);
      const rows = await entries(api);
      expect(rows).toHaveLength(before + 11);
      expectLinear(rows);
      await expectChainHolds(api);
    });
  });

  describe('append-only in the database', () => {
    beforeAll(async () => {
      await aMember(api);
    });

    it.each([
      [
        'an UPDATE of one entry',
        `UPDATE audit_log SET after = '{"name":"Forged"}' WHERE id = (SELECT max(id) FROM audit_log)`,
      ],
      [
        'an UPDATE of its hash',
        `UPDATE audit_log SET hash = repeat('0', 64) WHERE id = (SELECT min(id) FROM audit_log)`,
      ],
      ['an UPDATE of every entry', `UPDATE audit_log SET actor_role = 'system'`],
      ['a DELETE of one entry', `DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`],
      ['a DELETE of every entry', 'DELETE FROM audit_log'],
      ['a TRUNCATE', 'TRUNCATE audit_log'],
    ])('refuses %s, and nothing changes', async (_, sql) => {
      const before = await entries(api);
      await expect(api.query(sql)).rejects.toThrow(/cannot be changed/);
      expect(await entries(api)).toEqual(before);
      expectLinear(before);
    });
  });

  describe('public history of a commitment', () => {
    const contact = {
      name: 'Amina Odhiambo',
      title: 'Director of e-Government',
      email: 'amina.odhiambo@ict.example.go.ke',
      phone: '+254 700 123 456',
    };
    const newContact = {
      name: 'Amina Odhiambo',
      email: 'a.odhiambo@egov.example.go.ke',
      phone: '+254 711 987 654',
    };
    let commitment: any;
    let milestones: any[];
    let pocA: { user: any; token: string };
    let pocB: { user: any; token: string };

    beforeAll(async () => {
      const [memberA, memberB] = [await aMember(api, { name: 'Historyland' }), await aMember(api)];
      const plan = await aPlan(api, memberA.code, { sequenceNumber: 1 });
      pocA = await api.createUser({
        name: 'History Poc A',
        email: anEmail('poc.a'),
        role: 'government_poc',
        member: memberA.code,
      });
      pocB = await api.createUser({
        name: 'History Poc B',
        email: anEmail('poc.b'),
        role: 'government_poc',
        member: memberB.code,
      });
      commitment = await aCommitment(api, plan.id, { contact });
      const unrelated = await aCommitment(api, plan.id);
      const url = `/api/v1/commitments/${commitment.code}`;
      milestones = [
        await aMilestone(api, commitment.code, { title: 'Draft published for comment' }),
        await aMilestone(api.as(pocA.token), commitment.code, { title: 'Public hearings held' }),
      ];
      expect(
        (await api.as(pocA.token).patch(url, { title: 'Co-design the digital ID law in the open' })).status,
      ).toBe(200);
      expect((await api.patch(url, { contact: newContact })).status).toBe(200);
      expect(
        (
          await api
            .as(pocA.token)
            .patch(`/api/v1/milestones/${milestones[0].id}`, { title: 'Draft published' })
        ).status,
      ).toBe(200);
      const denied = await api.as(pocB.token).patch(url, { title: 'Hijacked' });
      expect(denied.status).toBe(403);
      expect(
        (await api.patch(`/api/v1/commitments/${unrelated.code}`, { title: 'Not in this history' })).status,
      ).toBe(200);
    });

    const historyUrl = () => `/api/v1/commitments/${commitment.code}/history`;

    it("shows anyone the commitment's and its milestones' changes, newest first, by role", async () => {
      const res = await api.anonymous.get(historyUrl());
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((e: any) => ({
          action: e.action,
          resourceType: e.resourceType,
          resourceId: e.resourceId,
          actorRole: e.actorRole,
        })),
      ).toEqual([
        {
          action: 'UPDATE',
          resourceType: 'milestone',
          resourceId: milestones[0].id,
          actorRole: 'government_poc',
        },
        { action: 'UPDATE', resourceType: 'commitment', resourceId: commitment.id, actorRole: 'admin' },
        {
          action: 'UPDATE',
          resourceType: 'commitment',
          resourceId: commitment.id,
          actorRole: 'government_poc',
        },
        {
          action: 'CREATE',
          resourceType: 'milestone',
          resourceId: milestones[1].id,
          actorRole: 'government_poc',
        },
        { action: 'CREATE', resourceType: 'milestone', resourceId: milestones[0].id, actorRole: 'admin' },
        { action: 'CREATE', resourceType: 'commitment', resourceId: commitment.id, actorRole: 'admin' },
      ]);
      const ids = res.body.items.map((e: any) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(res.body.nextCursor).toBeNull();
      for (const item of res.body.items) {
        expect(Object.keys(item).sort()).toEqual(HISTORY_FIELDS);
        expect(item.occurredAt).toMatch(TIMESTAMP);
      }
      const titleChange = res.body.items[2];
      expect(titleChange.before.title).toBe(commitment.title);
      expect(titleChange.after.title).toBe('Co-design the digital ID law in the open');
      expect(res.body.items[5].after).toMatchObject({ code: commitment.code, contactOnFile: true });

      // Signed in or not, the history is the same public view.
      const signedIn = await api.get(historyUrl());
      expect(signedIn.body).toEqual(res.body);
      const byId = await api.anonymous.get(`/api/v1/commitments/${commitment.id}/history`);
      expect(byId.body).toEqual(res.body);
    });

    it('names no one: no actor id, no request id, no contact details, no e-mail', async () => {
      const res = await api.anonymous.get(historyUrl());
      const stored = await api.query<Entry>(
        `SELECT id::text AS id, actor_id, request_id FROM audit_log WHERE commitment_id = $1`,
        [commitment.id],
      );
      const secrets = [
        contact.email,
        contact.phone,
        newContact.email,
        newContact.phone,
        contact.name,
        pocA.user.email,
        pocA.user.id,
        pocB.user.id,
        adminId,
        'test.admin@example.org',
        ...stored.map((e) => e.request_id).filter((r): r is string => r !== null),
      ];
      for (const secret of secrets)
        expect({ secret, shown: res.text.includes(secret) }).toEqual({ secret, shown: false });
      expect(res.text).not.toMatch(/"actorId"|"requestId"|"email"|"phone"/);
      // The change of contact person is told, not what it says.
      expect(res.body.items[1].after.contactChanged).toBe(true);
    });

    it('leaves out refused attempts', async () => {
      const res = await api.anonymous.get(historyUrl());
      expect(res.body.items.map((e: any) => e.action)).not.toContain('DENIED');
      const deniedRows = await countRows(api, 'audit_log', `commitment_id = $1 AND action = 'DENIED'`, [
        commitment.id,
      ]);
      expect(deniedRows).toBe(1);
      expect(res.body.items).toHaveLength(
        await countRows(api, 'audit_log', `commitment_id = $1 AND action <> 'DENIED'`, [commitment.id]),
      );
    });

    it('pages with a cursor and a Link header, without gaps or repeats', async () => {
      const all = (await api.anonymous.get(historyUrl())).body.items;
      const { items, pages } = await walk(api.anonymous, `${historyUrl()}?limit=4`);
      expect(pages).toBe(2);
      expect(items).toEqual(all);
      const first = await api.anonymous.get(`${historyUrl()}?limit=4`);
      expect(first.body.items).toEqual(all.slice(0, 4));
      expectProblem(
        await api.anonymous.get(`${historyUrl()}?cursor=garbage`),
        400,
        'pagination.invalid_cursor',
      );
    });

    it('answers 404 commitment.not_found for an unknown commitment', async () => {
      expectProblem(
        await api.anonymous.get('/api/v1/commitments/ZZ9999/history'),
        404,
        'commitment.not_found',
      );
      expectProblem(
        await api.anonymous.get(`/api/v1/commitments/${randomUUID()}/history`),
        404,
        'commitment.not_found',
      );
    });
  });

  describe("refused attempts on another member's records", () => {
    let memberA: any;
    let plan: any;
    let pocA: { user: any; token: string };
    let pocB: { user: any; token: string };
    beforeAll(async () => {
      memberA = await aMember(api, { name: 'Ownland' });
      const memberB = await aMember(api, { name: 'Otherland' });
      plan = await aPlan(api, memberA.code, { sequenceNumber: 1 });
      pocA = await api.createUser({
        name: 'Own Poc',
        email: anEmail('own.poc'),
        role: 'government_poc',
        member: memberA.code,
      });
      pocB = await api.createUser({
        name: 'Other Poc',
        email: anEmail('other.poc'),
        role: 'government_poc',
        member: memberB.code,
      });
    });

    it("refuses a POC of member B changing member A's commitment with 403 access.denied, records DENIED, changes nothing", async () => {
      const commitment = await aCommitment(api, plan.id);
      const url = `/api/v1/commitments/${commitment.code}`;
      const shown = (await api.get(url)).body;
      const storedRow = async () =>
        (
          await api.query('SELECT title, version, updated_at FROM commitment WHERE id = $1', [commitment.id])
        )[0];
      const before = await storedRow();
      const start = await entries(api);

      const res = await api.as(pocB.token).patch(url, { title: 'Hijacked by another member' });
      expectProblem(res, 403, 'access.denied');

      expect(await storedRow()).toEqual(before);
      expect((await api.get(url)).body).toEqual(shown);
      const rows = await entries(api);
      expect(rows).toHaveLength(start.length + 1);
      const entry = rows[rows.length - 1];
      expect(entry).toMatchObject({
        action: 'DENIED',
        actor_id: pocB.user.id,
        actor_role: 'government_poc',
        resource_type: 'commitment',
        resource_id: commitment.id,
        commitment_id: commitment.id,
        request_id: res.headers['x-request-id'],
        before: null,
        prev_hash: start[start.length - 1].hash,
        hash: expect.stringMatching(HASH),
      });
      expect(entry.after).toEqual({ reason: expect.any(String) });

      const listed = await api.get('/api/v1/audit?action=DENIED');
      expect(listed.status).toBe(200);
      expect(listed.body.items[0]).toEqual(asListed(entry));
      const byActor = await api.get(
        `/api/v1/audit?action=DENIED&actor=${pocB.user.id}&resourceId=${commitment.id}`,
      );
      expect(byActor.body.items.map((e: any) => e.id)).toEqual([entry.id]);

      const history = await api.anonymous.get(`${url}/history`);
      expect(history.body.items.map((e: any) => e.action)).toEqual(['CREATE']);
      await expectChainHolds(api);
    });

    it("records DENIED for a POC of member B adding a milestone to member A's commitment, and stores no milestone", async () => {
      const commitment = await aCommitment(api, plan.id);
      const milestones = await countRows(api, 'milestone', 'commitment_id = $1', [commitment.id]);
      const res = await api.as(pocB.token).post(`/api/v1/commitments/${commitment.code}/milestones`, {
        title: 'Sneaked in',
        deliverable: 'Nothing',
        dueDate: '2025-09-30',
      });
      expectProblem(res, 403, 'access.denied');
      expect(await countRows(api, 'milestone', 'commitment_id = $1', [commitment.id])).toBe(milestones);
      const [entry] = await api.query<Entry>(
        `SELECT actor_id, action, resource_type, commitment_id, request_id FROM audit_log ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toMatchObject({
        action: 'DENIED',
        actor_id: pocB.user.id,
        resource_type: 'milestone',
        commitment_id: commitment.id,
        request_id: res.headers['x-request-id'],
      });
      await expectChainHolds(api);
    });

    it("lets the member's own POC make the same change, recorded as an UPDATE by them", async () => {
      const commitment = await aCommitment(api, plan.id);
      const res = await api
        .as(pocA.token)
        .patch(`/api/v1/commitments/${commitment.code}`, { title: 'Our own change' });
      expect(res.status).toBe(200);
      const [entry] = await api.query<Entry>(
        `SELECT actor_id, actor_role, action FROM audit_log ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toEqual({ actor_id: pocA.user.id, actor_role: 'government_poc', action: 'UPDATE' });
    });
  });
});

/** A fresh service with a few entries, tampered with as a database superuser would. */
function tamperingCase(
  name: string,
  tamper: (api: TestApp, rows: Entry[]) => Promise<{ id: string; reason: RegExp; intactBefore: number }>,
): void {
  describe(`tampering: ${name} (${ENGINE})`, () => {
    let api: TestApp;
    let expected: { id: string; reason: RegExp; intactBefore: number };
    beforeAll(async () => {
      api = await TestApp.start();
      for (let i = 0; i < 3; i += 1) {
        const member = await aMember(api, { name: `Tamperland ${i}` });
        expect((await api.patch(`/api/v1/members/${member.code}`, { region: 'AMERICAS' })).status).toBe(200);
      }
      const rows = await entries(api);
      expect(rows).toHaveLength(8);
      await expectChainHolds(api);
      await api.query('ALTER TABLE audit_log DISABLE TRIGGER tr_audit_log_append_only');
      try {
        expected = await tamper(api, rows);
      } finally {
        await api.query('ALTER TABLE audit_log ENABLE TRIGGER tr_audit_log_append_only');
      }
    });
    afterAll(() => api.close());

    it('GET /audit/verify says the chain is broken and names the entry', async () => {
      const res = await api.get('/api/v1/audit/verify');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        valid: false,
        firstBrokenEntry: { id: expected.id, reason: expect.stringMatching(expected.reason) },
        lastHash: null,
      });
    });

    it('counts the entries found intact before the break', async () => {
      const res = await api.get('/api/v1/audit/verify');
      expect(res.body.entriesChecked).toBe(expected.intactBefore);
    });

    it('the database refuses changes again once the trigger is back', async () => {
      await expect(api.query('DELETE FROM audit_log')).rejects.toThrow(/cannot be changed/);
    });
  });
}

tamperingCase('an entry edited after it was written', async (api, rows) => {
  const target = rows[3];
  expect(target.after).toEqual(expect.objectContaining({ name: expect.any(String) }));
  await api.query(
    `UPDATE audit_log SET after = jsonb_set(after, '{name}', '"Forged name"') WHERE id = $1::bigint`,
    [target.id],
  );
  return { id: target.id, reason: /changed/, intactBefore: 3 };
});

tamperingCase('the resource of an entry changed', async (api, rows) => {
  const target = rows[2];
  await api.query('UPDATE audit_log SET resource_id = $2 WHERE id = $1::bigint', [target.id, randomUUID()]);
  return { id: target.id, reason: /changed/, intactBefore: 2 };
});

tamperingCase('an entry deleted from the middle', async (api, rows) => {
  await api.query('DELETE FROM audit_log WHERE id = $1::bigint', [rows[3].id]);
  return { id: rows[4].id, reason: /deleted/, intactBefore: 3 };
});

tamperingCase('the last entry deleted', async (api, rows) => {
  const last = rows[rows.length - 1];
  await api.query('DELETE FROM audit_log WHERE id = $1::bigint', [last.id]);
  return { id: last.id, reason: /missing/, intactBefore: rows.length - 1 };
});

describe(`public history past the tenth entry of the log (${ENGINE})`, () => {
  // Entry ids grow past one digit here: the history must still come newest first, and page by id.
  let api: TestApp;
  let commitment: any;
  beforeAll(async () => {
    api = await TestApp.start();
    const member = await aMember(api);
    const plan = await aPlan(api, member.code, { sequenceNumber: 1 });
    commitment = await aCommitment(api, plan.id);
    for (let i = 1; i <= 8; i += 1) {
      const res = await api.patch(`/api/v1/commitments/${commitment.code}`, { title: `Revision ${i}` });
      expect(res.status).toBe(200);
    }
    expect(
      Number((await api.query<{ n: string }>('SELECT max(id)::text AS n FROM audit_log'))[0].n),
    ).toBeGreaterThan(10);
  });
  afterAll(() => api.close());

  it('lists the changes newest first by their position in the log', async () => {
    const stored = await api.query<{ id: string }>(
      'SELECT l.id::text AS id FROM audit_log l WHERE l.commitment_id = $1 ORDER BY l.id DESC',
      [commitment.id],
    );
    expect(stored).toHaveLength(9);
    const res = await api.anonymous.get(`/api/v1/commitments/${commitment.code}/history`);
    expect(res.body.items.map((e: any) => e.id)).toEqual(stored.map((e) => e.id));
    expect(res.body.items[0].after.title).toBe('Revision 8');
    expect(res.body.items[8].action).toBe('CREATE');
  });

  it('pages through every change without losing any', async () => {
    const { items } = await walk(api.anonymous, `/api/v1/commitments/${commitment.code}/history?limit=3`);
    expect(items.map((e) => e.after.title)).toEqual([
      'Revision 8',
      'Revision 7',
      'Revision 6',
      'Revision 5',
      'Revision 4',
      'Revision 3',
      'Revision 2',
      'Revision 1',
      commitment.title,
    ]);
  });

  it('GET /audit lists the log newest first and /audit/verify finds the chain whole', async () => {
    const stored = await entries(api);
    const { items } = await walk(api, '/api/v1/audit?limit=5');
    expect(items.map((e) => e.id)).toEqual(stored.map((e) => e.id).reverse());
    await expectChainHolds(api);
  });
});

describe(`entries are linked as their transaction commits (${ENGINE})`, () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(() => api.close());

  it('leaves nothing staged once a write has committed, and links the entry to the head', async () => {
    const member = await aMember(api, { name: 'Commitland' });
    expect(await api.query('SELECT * FROM audit_pending')).toEqual([]);
    const [head] = await api.query<{ last_id: string; last_hash: string }>(
      'SELECT last_id::text AS last_id, last_hash FROM audit_head',
    );
    const [last] = await api.query<Entry>(
      `SELECT id::text AS id, resource_id, hash, hash_scheme FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(last).toMatchObject({
      id: head.last_id,
      hash: head.last_hash,
      resource_id: member.id,
      hash_scheme: 2,
    });
  });

  it('stages nothing for a write that is refused, and the chain still holds', async () => {
    const taken = await aMember(api);
    const before = await entries(api);
    const res = await api.post('/api/v1/members', {
      code: taken.code,
      name: 'Elsewhere',
      type: 'NATIONAL',
      region: 'EUROPE',
    });
    expect(res.status).toBe(409);
    expect(await entries(api)).toHaveLength(before.length);
    expect(await api.query('SELECT * FROM audit_pending')).toEqual([]);
    await expectChainHolds(api);
  });
});

describe(`verifying while others write (${ENGINE})`, () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(() => api.close());

  it('never reports a break that is only a write committing during the walk', async () => {
    const member = await aMember(api, { name: 'Busyland' });
    const writes = Array.from({ length: 40 }, (_, i) =>
      api.patch(`/api/v1/members/${member.code}`, { name: `Busyland ${i}` }, { 'if-match': '*' }),
    );
    const checks = Array.from({ length: 8 }, () => api.get('/api/v1/audit/verify'));
    const [written, verified] = await Promise.all([Promise.all(writes), Promise.all(checks)]);
    expect(written.every((r) => r.status === 200)).toBe(true);
    for (const res of verified) expect(res.body).toMatchObject({ valid: true, firstBrokenEntry: null });
  });
});
