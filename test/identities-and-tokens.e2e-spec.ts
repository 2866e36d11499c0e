import { createHash, randomUUID } from 'node:crypto';
import { UUID, countRows, expectProblem, fieldsOf, walk } from './support/assertions.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';
import { aMember } from './support/factories.js';

// Identities (organisations, users bound to one role) and API tokens: random, shown once, stored
// only as a SHA-256, can expire and be revoked. Only admins manage them; a token's owner sees and
// revokes their own. Writes and failed sign-ins are rate-limited per token and per address.

const TOKEN_FORMAT = /^ct_[A-Za-z0-9_-]{43}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN_UUID = '3f9d1c2a-6b7e-4d8f-9a0b-1c2d3e4f5a6b';
const TOKEN_FIELDS = ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'userId'];

let sequence = 0;
/** A unique e-mail address. */
function anEmail(tag = 'user'): string {
  sequence += 1;
  return `${tag}.${sequence}.${randomUUID().slice(0, 8)}@example.org`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Row counts of everything an identity or token write touches, to show that a refusal wrote nothing. */
async function storedCounts(api: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['organisation', 'app_user', 'assessor_assignment', 'api_token', 'audit_log'])
    out[table] = await countRows(api, table);
  return out;
}

function expectAuthChallenge(res: Response): void {
  expect(String(res.headers['www-authenticate'])).toMatch(/^Bearer\b/);
}

/** Fixed one-minute windows: start a rate-limit scenario well inside one, so that it cannot straddle two. */
async function awayFromMinuteBoundary(): Promise<void> {
  const intoMinute = (Date.now() / 1000) % 60;
  if (intoMinute > 45) await new Promise((resolve) => setTimeout(resolve, (60 - intoMinute + 0.5) * 1000));
}

describe(`identities and tokens (${ENGINE})`, () => {
  let api: TestApp;
  let adminId: string;
  let civicOrg: any;
  let poc: { user: any; token: string; tokenId: string };
  let civic: { user: any; token: string; tokenId: string };
  let assessor: { user: any; token: string; tokenId: string };

  // Members used throughout: only the user listing block binds anyone to GHA.
  const [KEN, URY, PHL, GHA] = ['KEN', 'URY', 'PHL', 'GHA'];

  beforeAll(async () => {
    api = await TestApp.start();
    adminId = (await api.get('/api/v1/me')).body.id;
    for (const code of [KEN, URY, PHL, GHA]) await aMember(api, { code, name: `Member ${code}` });
    const org = await api.post('/api/v1/organisations', { name: 'Open Data Watch', type: 'CIVIL_SOCIETY' });
    expect(org.status).toBe(201);
    civicOrg = org.body;
    poc = await api.createUser({
      name: 'Kenya Poc',
      email: anEmail('poc'),
      role: 'government_poc',
      member: KEN,
    });
    civic = await api.createUser({
      name: 'Civic Watcher',
      email: anEmail('civic'),
      role: 'civil_society',
      organisation: civicOrg.id,
    });
    assessor = await api.createUser({
      name: 'Independent Reviewer',
      email: anEmail('assessor'),
      role: 'assessor',
      assignedMembers: [KEN],
    });
  });
  afterAll(() => api.close());

  describe('organisations', () => {
    const stored = async (id: string) =>
      (
        await api.query(
          `SELECT o.name, o.type, m.code AS member, o.version FROM organisation o LEFT JOIN member m ON m.id = o.member_id WHERE o.id = $1`,
          [id],
        )
      )[0];

    it('registers a government body of a member (admin): 201, stored, ETag, audited', async () => {
      const res = await api.post('/api/v1/organisations', {
        name: '  Ministry of ICT Kenya ',
        type: 'GOVERNMENT',
        member: KEN,
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'Ministry of ICT Kenya',
        type: 'GOVERNMENT',
        member: KEN,
        version: 1,
        createdAt: expect.stringMatching(TIMESTAMP),
        updatedAt: expect.stringMatching(TIMESTAMP),
      });
      expect(res.headers.etag).toBe('"1"');
      expect(await stored(res.body.id)).toEqual({
        name: 'Ministry of ICT Kenya',
        type: 'GOVERNMENT',
        member: KEN,
        version: 1,
      });
      const audit = await api.query<any>(
        `SELECT action, actor_id, actor_role, before, after FROM audit_log WHERE resource_type = 'organisation' AND resource_id = $1`,
        [res.body.id],
      );
      expect(audit).toEqual([
        { action: 'CREATE', actor_id: adminId, actor_role: 'admin', before: null, after: res.body },
      ]);
    });

    it('registers a civil-society organisation, which belongs to no member', async () => {
      const res = await api.post('/api/v1/organisations', {
        name: 'Transparency Forum',
        type: 'CIVIL_SOCIETY',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'Transparency Forum', type: 'CIVIL_SOCIETY', member: null });
      expect(await stored(res.body.id)).toMatchObject({ member: null, type: 'CIVIL_SOCIETY' });
    });

    it.each([
      ['the same name in upper case', (name: string) => name.toUpperCase()],
      ['the same name in lower case with blanks around it', (name: string) => `  ${name.toLowerCase()} `],
    ])(
      'refuses a second organisation with %s with 409 organisation.name_taken, and stores nothing',
      async (_, variant) => {
        const name = `Open Government Network ${randomUUID().slice(0, 6)}`;
        const first = await api.post('/api/v1/organisations', { name, type: 'CIVIL_SOCIETY' });
        expect(first.status).toBe(201);
        const counts = await storedCounts(api);
        const res = await api.post('/api/v1/organisations', { name: variant(name), type: 'GOVERNMENT' });
        expectProblem(res, 409, 'organisation.name_taken', 'name');
        expect(await storedCounts(api)).toEqual(counts);
        expect((await api.get(`/api/v1/organisations/${first.body.id}`)).body).toEqual(first.body);
      },
    );

    it.each(['CIVIL_SOCIETY', 'ASSESSOR'])(
      'refuses a member for a %s organisation with 422 naming the member, and stores nothing',
      async (type) => {
        const counts = await storedCounts(api);
        const res = await api.post('/api/v1/organisations', {
          name: `Not Government ${type}`,
          type,
          member: KEN,
        });
        expectProblem(res, 422, undefined, 'member');
        expect(fieldsOf(res)).toEqual(['member']);
        expect(await storedCounts(api)).toEqual(counts);
      },
    );

    it('answers 404 member.not_found for a government body of an unknown member, and stores nothing', async () => {
      const counts = await storedCounts(api);
      const res = await api.post('/api/v1/organisations', {
        name: 'Ministry of Nowhere',
        type: 'GOVERNMENT',
        member: 'ZZZ',
      });
      expectProblem(res, 404, 'member.not_found');
      expect(await storedCounts(api)).toEqual(counts);
    });

    it.each([
      ['an unknown type', { name: 'Odd Body', type: 'COMPANY' }, 'type'],
      ['an empty name', { name: '', type: 'CIVIL_SOCIETY' }, 'name'],
      [
        'an unknown field',
        { name: 'Odd Body', type: 'CIVIL_SOCIETY', website: 'https://x.example' },
        'website',
      ],
    ])('refuses %s with 400 naming the field', async (_, body, field) => {
      const counts = await storedCounts(api);
      const res = await api.post('/api/v1/organisations', body);
      expectProblem(res, 400, 'validation.failed', field);
      expect(fieldsOf(res)).toEqual([field]);
      expect(await storedCounts(api)).toEqual(counts);
    });

    describe('listing', () => {
      // Only this block registers ASSESSOR organisations, so that the type filter can be checked exactly.
      const names = [
        'Reviewers Echo',
        'Reviewers Alpha',
        'Reviewers Delta',
        'Reviewers Bravo',
        'Reviewers Charlie',
      ];
      beforeAll(async () => {
        for (const name of names) {
          const res = await api.post('/api/v1/organisations', { name, type: 'ASSESSOR' });
          expect(res.status).toBe(201);
        }
      });

      it('filters by type, ordered by name', async () => {
        const res = await api.get('/api/v1/organisations?type=ASSESSOR');
        expect(res.status).toBe(200);
        expect(res.body.items.map((o: any) => o.name)).toEqual([...names].sort());
        expect(res.body.items.every((o: any) => o.type === 'ASSESSOR' && o.member === null)).toBe(true);
        expect(res.body.nextCursor).toBeNull();
        expect(res.headers.link).toBeUndefined();
      });

      it('pages with a cursor and Link header, without gaps or repeats, keeping the filter', async () => {
        const first = await api.get('/api/v1/organisations?type=ASSESSOR&limit=2');
        expect(first.body.items.map((o: any) => o.name)).toEqual(['Reviewers Alpha', 'Reviewers Bravo']);
        expect(first.body.nextCursor).toEqual(expect.any(String));
        const { items, pages } = await walk(api, '/api/v1/organisations?type=ASSESSOR&limit=2');
        expect(pages).toBe(3);
        expect(items.map((o) => o.name)).toEqual([...names].sort());
      });

      it('lists every organisation, each once', async () => {
        const { items } = await walk(api, '/api/v1/organisations?limit=3');
        expect(items).toHaveLength(await countRows(api, 'organisation'));
        expect(new Set(items.map((o) => o.id)).size).toBe(items.length);
        const governments = await walk(api, '/api/v1/organisations?type=GOVERNMENT');
        expect(governments.items.every((o) => o.type === 'GOVERNMENT')).toBe(true);
        expect(governments.items).toHaveLength(await countRows(api, 'organisation', `type = 'GOVERNMENT'`));
      });

      it.each([
        ['type=COMPANY', 'type'],
        ['limit=0', 'limit'],
        ['cursor=garbage', 'cursor'],
      ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
        const res = await api.get(`/api/v1/organisations?${query}`);
        expectProblem(res, 400, undefined, field);
      });
    });

    describe('reading and renaming one', () => {
      let org: any;
      beforeEach(async () => {
        const res = await api.post('/api/v1/organisations', {
          name: `Digital Rights Lab ${randomUUID().slice(0, 6)}`,
          type: 'CIVIL_SOCIETY',
        });
        expect(res.status).toBe(201);
        org = res.body;
      });

      it('reads an organisation by id, with its ETag', async () => {
        const res = await api.get(`/api/v1/organisations/${org.id}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(org);
        expect(res.headers.etag).toBe('"1"');
      });

      it.each([UNKNOWN_UUID, 'not-an-id'])('answers 404 organisation.not_found for %s', async (id) => {
        expectProblem(await api.get(`/api/v1/organisations/${id}`), 404, 'organisation.not_found');
      });

      it('refuses a rename without If-Match with 428, and changes nothing', async () => {
        const res = await api.request('PATCH', `/api/v1/organisations/${org.id}`, { name: 'Renamed Lab' });
        expectProblem(res, 428, 'precondition.if_match_required');
        expect(await stored(org.id)).toMatchObject({ name: org.name, version: 1 });
      });

      it('refuses a rename with a stale If-Match with 412, and changes nothing', async () => {
        const audit = await countRows(api, 'audit_log');
        const res = await api.patch(
          `/api/v1/organisations/${org.id}`,
          { name: 'Renamed Lab' },
          { 'if-match': '"5"' },
        );
        expectProblem(res, 412, 'precondition.stale_version');
        expect(await stored(org.id)).toMatchObject({ name: org.name, version: 1 });
        expect(await countRows(api, 'audit_log')).toBe(audit);
      });

      it('renames with the current If-Match: version + 1, ETag, stored, audited with before and after', async () => {
        const name = `Renamed Lab ${randomUUID().slice(0, 6)}`;
        const res = await api.patch(
          `/api/v1/organisations/${org.id}`,
          { name: ` ${name} ` },
          { 'if-match': '"1"' },
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: org.id, name, type: 'CIVIL_SOCIETY', version: 2 });
        expect(res.headers.etag).toBe('"2"');
        expect(await stored(org.id)).toMatchObject({ name, version: 2 });
        const audit = await api.query<any>(
          `SELECT action, before, after FROM audit_log WHERE resource_type = 'organisation' AND resource_id = $1 ORDER BY id`,
          [org.id],
        );
        expect(audit).toEqual([
          { action: 'CREATE', before: null, after: org },
          { action: 'UPDATE', before: org, after: res.body },
        ]);
      });

      it("refuses a rename to another organisation's name (any case) with 409, and changes nothing", async () => {
        const res = await api.patch(`/api/v1/organisations/${org.id}`, { name: civicOrg.name.toUpperCase() });
        expectProblem(res, 409, 'organisation.name_taken', 'name');
        expect(await stored(org.id)).toMatchObject({ name: org.name, version: 1 });
      });

      it('refuses to change the type with 400: it is not a known field', async () => {
        const res = await api.patch(`/api/v1/organisations/${org.id}`, { type: 'GOVERNMENT' });
        expectProblem(res, 400, 'validation.failed');
        expect(res.body.errors).toEqual([{ field: 'type', message: 'is not a known field' }]);
        expect(await stored(org.id)).toMatchObject({ type: 'CIVIL_SOCIETY', version: 1 });
      });
    });

    it('refuses every organisation route to non-admins with 403 and to anonymous callers with 401, writing nothing', async () => {
      const counts = await storedCounts(api);
      for (const token of [poc.token, civic.token, assessor.token]) {
        const as = api.as(token);
        expectProblem(await as.get('/api/v1/organisations'), 403, 'access.forbidden');
        expectProblem(await as.get(`/api/v1/organisations/${civicOrg.id}`), 403, 'access.forbidden');
        expectProblem(
          await as.post('/api/v1/organisations', { name: 'Sneaky Org', type: 'CIVIL_SOCIETY' }),
          403,
          'access.forbidden',
        );
        expectProblem(
          await as.request(
            'PATCH',
            `/api/v1/organisations/${civicOrg.id}`,
            { name: 'Sneaky' },
            { headers: { 'if-match': '"1"' } },
          ),
          403,
          'access.forbidden',
        );
      }
      const anonymous = await api.anonymous.post('/api/v1/organisations', {
        name: 'Sneaky Org',
        type: 'CIVIL_SOCIETY',
      });
      expectProblem(anonymous, 401, 'auth.required');
      expectAuthChallenge(anonymous);
      expectProblem(await api.anonymous.get('/api/v1/organisations'), 401, 'auth.required');
      expect(await storedCounts(api)).toEqual(counts);
      expect(await stored(civicOrg.id)).toMatchObject({ name: civicOrg.name, version: civicOrg.version });
    });
  });

  describe('users', () => {
    const storedUser = async (id: string) =>
      (
        await api.query<any>(
          `SELECT u.name, u.email, u.role, m.code AS member, u.organisation_id, u.active, u.version,
                  (SELECT coalesce(array_agg(am.code ORDER BY am.code), '{}') FROM assessor_assignment a JOIN member am ON am.id = a.member_id WHERE a.user_id = u.id) AS assigned
             FROM app_user u LEFT JOIN member m ON m.id = u.member_id WHERE u.id = $1`,
          [id],
        )
      )[0];

    describe('creating', () => {
      it.each([
        ['an admin', () => ({ role: 'admin' }), { member: null, organisation: null, assignedMembers: [] }],
        [
          'a government point of contact of one member',
          () => ({ role: 'government_poc', member: URY }),
          { member: URY, organisation: null, assignedMembers: [] },
        ],
        [
          'a civil-society user of an organisation',
          () => ({ role: 'civil_society', organisation: civicOrg.id }),
          () => ({
            member: null,
            organisation: { id: civicOrg.id, name: civicOrg.name },
            assignedMembers: [],
          }),
        ],
        [
          'an assessor assigned to members',
          () => ({ role: 'assessor', assignedMembers: [URY, KEN] }),
          { member: null, organisation: null, assignedMembers: [KEN, URY] },
        ],
      ])('creates %s: 201, stored with its binding, audited', async (_, binding, expected) => {
        const email = anEmail('new');
        const body = { name: '  New Person ', email, ...binding() };
        const res = await api.post('/api/v1/users', body);
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.stringMatching(UUID),
          name: 'New Person',
          email,
          role: body.role,
          ...(typeof expected === 'function' ? expected() : expected),
          active: true,
          version: 1,
          createdAt: expect.stringMatching(TIMESTAMP),
          updatedAt: expect.stringMatching(TIMESTAMP),
        });
        expect(res.headers.etag).toBe('"1"');
        const row = await storedUser(res.body.id);
        expect(row).toMatchObject({
          name: 'New Person',
          email,
          role: body.role,
          member: res.body.member,
          organisation_id: res.body.organisation?.id ?? null,
          active: true,
          version: 1,
        });
        expect(row.assigned).toEqual(res.body.assignedMembers);
        expect((await api.get(`/api/v1/users/${res.body.id}`)).body).toEqual(res.body);
        const audit = await api.query<any>(
          `SELECT action, actor_id, before, after FROM audit_log WHERE resource_type = 'user' AND resource_id = $1`,
          [res.body.id],
        );
        expect(audit).toEqual([{ action: 'CREATE', actor_id: adminId, before: null, after: res.body }]);
        // No token comes with a new user: an admin issues one.
        expect(await countRows(api, 'api_token', 'user_id = $1', [res.body.id])).toBe(0);
      });

      it.each([
        ['a government_poc without a member', () => ({ role: 'government_poc' }), 'member'],
        ['a member on an admin', () => ({ role: 'admin', member: KEN }), 'member'],
        ['a member on an assessor', () => ({ role: 'assessor', member: KEN }), 'member'],
        [
          'a member on a civil_society user',
          () => ({ role: 'civil_society', organisation: civicOrg.id, member: KEN }),
          'member',
        ],
        ['a civil_society user without an organisation', () => ({ role: 'civil_society' }), 'organisation'],
        [
          'assignedMembers on a government_poc',
          () => ({ role: 'government_poc', member: KEN, assignedMembers: [URY] }),
          'assignedMembers',
        ],
        [
          'assignedMembers on a civil_society user',
          () => ({ role: 'civil_society', organisation: civicOrg.id, assignedMembers: [URY] }),
          'assignedMembers',
        ],
        ['assignedMembers on an admin', () => ({ role: 'admin', assignedMembers: [URY] }), 'assignedMembers'],
      ])(
        'refuses %s with 422 user.invalid_role_binding naming the field, and stores nothing',
        async (_, binding, field) => {
          const counts = await storedCounts(api);
          const email = anEmail('bad');
          const res = await api.post('/api/v1/users', { name: 'Bad Binding', email, ...binding() });
          expectProblem(res, 422, 'user.invalid_role_binding', field);
          expect(await storedCounts(api)).toEqual(counts);
          expect(await countRows(api, 'app_user', 'email = $1', [email])).toBe(0);
        },
      );

      it('answers 404 member.not_found for a point of contact of an unknown member, and stores nothing', async () => {
        const counts = await storedCounts(api);
        const res = await api.post('/api/v1/users', {
          name: 'Poc Of Nowhere',
          email: anEmail(),
          role: 'government_poc',
          member: 'ZZZ',
        });
        expectProblem(res, 404, 'member.not_found');
        expect(await storedCounts(api)).toEqual(counts);
      });

      it('refuses an assessor assigned to an unknown member, and stores nothing', async () => {
        const counts = await storedCounts(api);
        const res = await api.post('/api/v1/users', {
          name: 'Reviewer Of Nowhere',
          email: anEmail(),
          role: 'assessor',
          assignedMembers: [KEN, 'ZZZ'],
        });
        expect([404, 422]).toContain(res.status);
        expectProblem(res, res.status, 'member.not_found');
        expect(await storedCounts(api)).toEqual(counts);
      });

      it('refuses an unknown organisation with 422 naming the organisation, and stores nothing', async () => {
        const counts = await storedCounts(api);
        const res = await api.post('/api/v1/users', {
          name: 'Member Of Nothing',
          email: anEmail(),
          role: 'civil_society',
          organisation: UNKNOWN_UUID,
        });
        expectProblem(res, 422, 'organisation.not_found', 'organisation');
        expect(await storedCounts(api)).toEqual(counts);
      });

      it.each([
        ['an unknown role', { role: 'superuser' }, 'role'],
        ['a malformed e-mail', { email: 'not-an-email' }, 'email'],
        ['a malformed organisation id', { role: 'civil_society', organisation: 'org-1' }, 'organisation'],
        ['a client-chosen id', { id: randomUUID() }, 'id'],
      ])('refuses %s with 400 naming the field', async (_, overrides, field) => {
        const counts = await storedCounts(api);
        const res = await api.post('/api/v1/users', {
          name: 'Bad Input',
          email: anEmail(),
          role: 'admin',
          ...overrides,
        });
        expectProblem(res, 400, 'validation.failed', field);
        expect(await storedCounts(api)).toEqual(counts);
      });

      it('refuses a second user with the same e-mail in another case with 409 user.email_taken, and stores nothing', async () => {
        const email = anEmail('twin');
        const first = await api.post('/api/v1/users', { name: 'First Twin', email, role: 'admin' });
        expect(first.status).toBe(201);
        const counts = await storedCounts(api);
        const res = await api.post('/api/v1/users', {
          name: 'Second Twin',
          email: email.toUpperCase(),
          role: 'civil_society',
          organisation: civicOrg.id,
        });
        expectProblem(res, 409, 'user.email_taken', 'email');
        expect(await storedCounts(api)).toEqual(counts);
      });
    });

    describe('changing', () => {
      let user: any;
      beforeEach(async () => {
        const res = await api.post('/api/v1/users', {
          name: 'Changing Reviewer',
          email: anEmail('changing'),
          role: 'assessor',
          assignedMembers: [KEN, URY],
        });
        expect(res.status).toBe(201);
        user = res.body;
      });

      it.each([
        ['the role', { role: 'admin' }, 'role'],
        ['the member', { member: KEN }, 'member'],
        ['the organisation', { organisation: UNKNOWN_UUID }, 'organisation'],
      ])(
        'refuses to change %s with 400 "is not a known field": the role is fixed',
        async (_, body, field) => {
          const audit = await countRows(api, 'audit_log');
          const res = await api.patch(`/api/v1/users/${user.id}`, { ...body, name: 'Sneaky' });
          expectProblem(res, 400, 'validation.failed');
          expect(res.body.errors).toEqual([{ field, message: 'is not a known field' }]);
          expect(await storedUser(user.id)).toMatchObject({
            name: 'Changing Reviewer',
            role: 'assessor',
            member: null,
            organisation_id: null,
            version: 1,
            assigned: [KEN, URY],
          });
          expect(await countRows(api, 'audit_log')).toBe(audit);
        },
      );

      it("replaces an assessor's assignments, moves the version and audits before and after", async () => {
        const res = await api.patch(
          `/api/v1/users/${user.id}`,
          { assignedMembers: [PHL] },
          { 'if-match': '"1"' },
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: user.id, assignedMembers: [PHL], version: 2 });
        expect(res.headers.etag).toBe('"2"');
        expect((await storedUser(user.id)).assigned).toEqual([PHL]);
        expect(await countRows(api, 'assessor_assignment', 'user_id = $1', [user.id])).toBe(1);
        const audit = await api.query<any>(
          `SELECT action, before, after FROM audit_log WHERE resource_type = 'user' AND resource_id = $1 ORDER BY id`,
          [user.id],
        );
        expect(audit).toEqual([
          { action: 'CREATE', before: null, after: user },
          { action: 'UPDATE', before: user, after: res.body },
        ]);

        const cleared = await api.patch(`/api/v1/users/${user.id}`, { assignedMembers: [] });
        expect(cleared.status).toBe(200);
        expect(cleared.body).toMatchObject({ assignedMembers: [], version: 3 });
        expect(await countRows(api, 'assessor_assignment', 'user_id = $1', [user.id])).toBe(0);
      });

      it('refuses assignments for a point of contact with 422, and changes nothing', async () => {
        const before = await storedUser(poc.user.id);
        const res = await api.patch(`/api/v1/users/${poc.user.id}`, { assignedMembers: [URY] });
        expectProblem(res, 422, 'user.invalid_role_binding', 'assignedMembers');
        expect(await storedUser(poc.user.id)).toEqual(before);
      });

      it('refuses an assignment to an unknown member, and keeps the assignments', async () => {
        const res = await api.patch(`/api/v1/users/${user.id}`, { assignedMembers: [PHL, 'ZZZ'] });
        expect([404, 422]).toContain(res.status);
        expectProblem(res, res.status, 'member.not_found');
        expect(await storedUser(user.id)).toMatchObject({ version: 1, assigned: [KEN, URY] });
      });

      it('refuses a change without If-Match with 428 and with a stale one with 412, changing nothing', async () => {
        expectProblem(
          await api.request('PATCH', `/api/v1/users/${user.id}`, { name: 'Renamed' }),
          428,
          'precondition.if_match_required',
        );
        expectProblem(
          await api.patch(`/api/v1/users/${user.id}`, { name: 'Renamed' }, { 'if-match': '"9"' }),
          412,
          'precondition.stale_version',
        );
        expect(await storedUser(user.id)).toMatchObject({ name: 'Changing Reviewer', version: 1 });
      });

      it("refuses another user's e-mail in another case with 409, and changes nothing", async () => {
        const res = await api.patch(`/api/v1/users/${user.id}`, { email: civic.user.email.toUpperCase() });
        expectProblem(res, 409, 'user.email_taken', 'email');
        expect(await storedUser(user.id)).toMatchObject({ email: user.email, version: 1 });
      });

      it('answers 404 user.not_found for a user that does not exist', async () => {
        expectProblem(await api.get(`/api/v1/users/${UNKNOWN_UUID}`), 404, 'user.not_found');
        expectProblem(
          await api.patch(`/api/v1/users/${UNKNOWN_UUID}`, { name: 'Nobody' }, { 'if-match': '"1"' }),
          404,
          'user.not_found',
        );
      });
    });

    it('deactivating a user stops their tokens (401 auth.inactive_user); reactivating lets them work again', async () => {
      const someone = await api.createUser({
        name: 'Soon Inactive',
        email: anEmail('inactive'),
        role: 'government_poc',
        member: URY,
      });
      const theirs = api.as(someone.token);
      expect((await theirs.get('/api/v1/me')).status).toBe(200);

      const off = await api.patch(`/api/v1/users/${someone.user.id}`, { active: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ active: false, version: someone.user.version + 1 });
      expect((await storedUser(someone.user.id)).active).toBe(false);

      const refused = await theirs.get('/api/v1/me');
      expectProblem(refused, 401, 'auth.inactive_user');
      expectAuthChallenge(refused);
      const members = await countRows(api, 'member');
      expectProblem(
        await theirs.post('/api/v1/members', {
          code: 'ZQX',
          name: 'Sneaky',
          type: 'NATIONAL',
          region: 'EUROPE',
        }),
        401,
        'auth.inactive_user',
      );
      expect(await countRows(api, 'member')).toBe(members);
      // The token itself is not revoked: reactivating the user brings it back.
      expect(await countRows(api, 'api_token', 'id = $1 AND revoked_at IS NULL', [someone.tokenId])).toBe(1);

      const on = await api.patch(`/api/v1/users/${someone.user.id}`, { active: true });
      expect(on.status).toBe(200);
      expect(on.body.active).toBe(true);
      const again = await theirs.get('/api/v1/me');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: someone.user.id, active: true });
    });

    describe('listing', () => {
      // Only this block binds users to GHA.
      const names = ['Ghana Poc Charlie', 'Ghana Poc Alpha', 'Ghana Poc Bravo'];
      beforeAll(async () => {
        for (const name of names)
          await api.createUser({ name, email: anEmail('gha'), role: 'government_poc', member: GHA });
      });

      it('filters by member, ordered by name', async () => {
        const res = await api.get(`/api/v1/users?member=${GHA}`);
        expect(res.status).toBe(200);
        expect(res.body.items.map((u: any) => u.name)).toEqual([...names].sort());
        expect(res.body.items.every((u: any) => u.member === GHA && u.role === 'government_poc')).toBe(true);
        expect(res.body.nextCursor).toBeNull();
      });

      it('filters by role and member together, and pages without gaps or repeats', async () => {
        const { items, pages } = await walk(api, `/api/v1/users?role=government_poc&member=${GHA}&limit=2`);
        expect(pages).toBe(2);
        expect(items.map((u) => u.name)).toEqual([...names].sort());
        const none = await api.get(`/api/v1/users?role=assessor&member=${GHA}`);
        expect(none.body.items).toEqual([]);
      });

      it('filters by role', async () => {
        for (const role of ['admin', 'government_poc', 'civil_society', 'assessor']) {
          const { items } = await walk(api, `/api/v1/users?role=${role}&limit=5`);
          expect(items.every((u) => u.role === role)).toBe(true);
          expect(items).toHaveLength(await countRows(api, 'app_user', 'role = $1', [role]));
        }
        const assessors = await walk(api, '/api/v1/users?role=assessor');
        expect(assessors.items.map((u) => u.id)).toContain(assessor.user.id);
      });

      it('lists every user once', async () => {
        const { items } = await walk(api, '/api/v1/users?limit=7');
        expect(items).toHaveLength(await countRows(api, 'app_user'));
        expect(new Set(items.map((u) => u.id)).size).toBe(items.length);
      });

      it.each([
        ['role=superuser', 'role'],
        ['member=ken', 'member'],
        ['limit=500', 'limit'],
      ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
        expectProblem(await api.get(`/api/v1/users?${query}`), 400, undefined, field);
      });
    });

    it('refuses the user routes to non-admins (403) and anonymous callers (401), and their answers name no e-mail', async () => {
      const counts = await storedCounts(api);
      for (const token of [poc.token, civic.token, assessor.token]) {
        const as = api.as(token);
        for (const res of [
          await as.get('/api/v1/users'),
          await as.get(`/api/v1/users/${civic.user.id}`),
          await as.post('/api/v1/users', { name: 'Sneaky Admin', email: anEmail('sneaky'), role: 'admin' }),
          await as.request(
            'PATCH',
            `/api/v1/users/${poc.user.id}`,
            { active: false },
            { headers: { 'if-match': '"1"' } },
          ),
        ]) {
          expectProblem(res, 403, 'access.forbidden');
          expect(res.text).not.toMatch(/@/);
        }
      }
      for (const res of [
        await api.anonymous.get('/api/v1/users'),
        await api.anonymous.get(`/api/v1/users/${civic.user.id}`),
        await api.anonymous.post('/api/v1/users', {
          name: 'Sneaky Admin',
          email: anEmail('sneaky'),
          role: 'admin',
        }),
      ]) {
        expectProblem(res, 401, 'auth.required');
        expectAuthChallenge(res);
        expect(res.text).not.toMatch(/@/);
      }
      expect(await storedCounts(api)).toEqual(counts);
      expect((await storedUser(poc.user.id)).active).toBe(true);
    });

    it("never shows a user's e-mail to anonymous callers, wherever they look", async () => {
      const emails = (await api.query<{ email: string }>('SELECT email FROM app_user')).map((r) =>
        r.email.toLowerCase(),
      );
      expect(emails.length).toBeGreaterThan(5);
      for (const url of [
        '/api/v1/users',
        `/api/v1/users?role=civil_society`,
        `/api/v1/users/${civic.user.id}`,
        `/api/v1/users/${civic.user.id}/tokens`,
        '/api/v1/me',
        '/api/v1/me/tokens',
        '/api/v1/organisations',
        `/api/v1/organisations/${civicOrg.id}`,
        '/api/v1/audit',
        `/api/v1/audit?resourceType=user`,
        '/api/v1/members',
        `/api/v1/members/${KEN}`,
        '/api/v1/commitments',
        '/api/openapi.json',
      ]) {
        const res = await api.anonymous.get(url);
        expect(res.status).toBeLessThan(500);
        const text = res.text.toLowerCase();
        for (const email of emails)
          expect({ url, leaked: text.includes(email) }).toEqual({ url, leaked: false });
      }
    });
  });

  describe('tokens', () => {
    let holder: { user: any; token: string; tokenId: string };
    beforeAll(async () => {
      holder = await api.createUser({
        name: 'Token Holder',
        email: anEmail('holder'),
        role: 'civil_society',
        organisation: civicOrg.id,
      });
    });

    const issue = (userId: string, body: Record<string, unknown> = { name: 'Open-data portal sync' }) =>
      api.post(`/api/v1/users/${userId}/tokens`, body);
    const revoke = (as: TestApp, tokenId: string) => as.request('POST', `/api/v1/tokens/${tokenId}/revoke`);

    it('issues a token (admin): shown once in the answer, well formed, with its prefix', async () => {
      const res = await issue(holder.user.id);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        userId: holder.user.id,
        name: 'Open-data portal sync',
        prefix: expect.any(String),
        token: expect.stringMatching(TOKEN_FORMAT),
        createdAt: expect.stringMatching(TIMESTAMP),
        expiresAt: null,
        revokedAt: null,
        lastUsedAt: null,
      });
      const { token, prefix } = res.body;
      expect(token.startsWith(prefix)).toBe(true);
      expect(prefix.length).toBeGreaterThanOrEqual(4);
      expect(prefix.length).toBeLessThanOrEqual(12);
      const again = await issue(holder.user.id);
      expect(again.body.token).not.toBe(token);
    });

    it('stores only the SHA-256 of the token: no column and no audit entry holds the token', async () => {
      const res = await issue(holder.user.id, { name: 'Hash check' });
      expect(res.status).toBe(201);
      const { token, id } = res.body;
      const secret = token.slice(res.body.prefix.length);
      const [row] = await api.query<any>(
        'SELECT token_hash, prefix, row_to_json(t)::text AS everything FROM api_token t WHERE id = $1',
        [id],
      );
      expect(row.token_hash).toBe(sha256(token));
      expect(row.prefix).toBe(res.body.prefix);
      expect(row.everything).not.toContain(token);
      expect(row.everything).not.toContain(secret);
      const audit = await api.query<any>(
        `SELECT action, actor_id, after, row_to_json(l)::text AS everything FROM audit_log l WHERE resource_type = 'token' AND resource_id = $1`,
        [id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'CREATE', actor_id: adminId });
      expect(Object.keys(audit[0].after).sort()).toEqual(TOKEN_FIELDS);
      expect(audit[0].everything).not.toContain(secret);
      expect(audit[0].everything).not.toContain(row.token_hash);
      expect(
        await countRows(api, 'audit_log', 'position($1 in row_to_json(audit_log)::text) > 0', [secret]),
      ).toBe(0);
    });

    it('never lists the token or its hash', async () => {
      const res = await issue(holder.user.id, { name: 'Listed' });
      const { token } = res.body;
      const secret = token.slice(res.body.prefix.length);
      for (const list of [
        await api.get(`/api/v1/users/${holder.user.id}/tokens`),
        await api.as(holder.token).get('/api/v1/me/tokens'),
      ]) {
        expect(list.status).toBe(200);
        const listed = list.body.items.find((t: any) => t.id === res.body.id);
        expect(listed).toEqual({ ...res.body, token: undefined, lastUsedAt: null });
        for (const item of list.body.items) expect(Object.keys(item).sort()).toEqual(TOKEN_FIELDS);
        expect(list.text).not.toContain(secret);
        expect(list.text).not.toContain(sha256(token));
      }
      expect((await api.get(`/api/v1/users/${holder.user.id}`)).text).not.toContain(secret);
    });

    it('a new token works at once: GET /me answers its user', async () => {
      const res = await issue(holder.user.id, { name: 'Works' });
      const me = await api.as(res.body.token).get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: holder.user.id, role: 'civil_society', email: holder.user.email });
    });

    it('issues a token that expires, and refuses an expiry in the past with 422 naming expiresAt', async () => {
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const future = await issue(holder.user.id, { name: 'Expiring', expiresAt });
      expect(future.status).toBe(201);
      expect(future.body.expiresAt).toBe(expiresAt);
      const [row] = await api.query<any>('SELECT expires_at FROM api_token WHERE id = $1', [future.body.id]);
      expect(new Date(row.expires_at).toISOString()).toBe(expiresAt);

      const counts = await storedCounts(api);
      const past = await issue(holder.user.id, {
        name: 'Already expired',
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expectProblem(past, 422, undefined, 'expiresAt');
      const malformed = await issue(holder.user.id, { name: 'Odd expiry', expiresAt: 'next tuesday' });
      expectProblem(malformed, 400, 'validation.failed', 'expiresAt');
      expect(await storedCounts(api)).toEqual(counts);
    });

    it('refuses an expired token with 401 auth.expired_token', async () => {
      const res = await issue(holder.user.id, { name: 'Will expire' });
      const as = api.as(res.body.token);
      expect((await as.get('/api/v1/me')).status).toBe(200);
      await api.query(`UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        res.body.id,
      ]);
      const refused = await as.get('/api/v1/me');
      expectProblem(refused, 401, 'auth.expired_token');
      expectAuthChallenge(refused);
      // Even on a public route: a bad token is refused, not taken for an anonymous caller.
      expectProblem(await as.get('/api/v1/members'), 401, 'auth.expired_token');
    });

    it('records when a token was last used', async () => {
      const res = await issue(holder.user.id, { name: 'Usage' });
      const lastUsed = async () =>
        (await api.query<any>('SELECT last_used_at FROM api_token WHERE id = $1', [res.body.id]))[0]
          .last_used_at;
      expect(await lastUsed()).toBeNull();
      const startedAt = Date.now();
      expect((await api.as(res.body.token).get('/api/v1/members')).status).toBe(200);
      const used = await lastUsed();
      expect(used).not.toBeNull();
      expect(new Date(used).getTime()).toBeGreaterThan(startedAt - 5_000);
      const listed = (await api.get(`/api/v1/users/${holder.user.id}/tokens?limit=200`)).body.items.find(
        (t: any) => t.id === res.body.id,
      );
      expect(listed.lastUsedAt).toBe(new Date(used).toISOString());
    });

    it('GET /me/tokens lists the caller their own tokens only, and pages', async () => {
      const other = await api.createUser({ name: 'Other Holder', email: anEmail('other'), role: 'assessor' });
      await issue(other.user.id, { name: 'Not yours' });
      const own = await api.query<{ id: string }>('SELECT id FROM api_token WHERE user_id = $1', [
        holder.user.id,
      ]);
      const { items } = await walk(api.as(holder.token), '/api/v1/me/tokens?limit=2');
      expect(items.map((t) => t.id).sort()).toEqual(own.map((t) => t.id).sort());
      expect(items.every((t) => t.userId === holder.user.id)).toBe(true);

      const theirs = await api.as(other.token).get('/api/v1/me/tokens');
      expect(theirs.body.items.map((t: any) => t.userId)).toEqual([other.user.id, other.user.id]);
      expectProblem(await api.anonymous.get('/api/v1/me/tokens'), 401, 'auth.required');
    });

    it("lets a token's owner revoke it: 200 with revokedAt, then 401 auth.revoked_token; revoking again changes nothing", async () => {
      const owner = await api.createUser({
        name: 'Revoking Owner',
        email: anEmail('owner'),
        role: 'assessor',
      });
      const second = await issue(owner.user.id, { name: 'To revoke' });
      const target = api.as(second.body.token);
      expect((await target.get('/api/v1/me')).status).toBe(200);

      const res = await revoke(api.as(owner.token), second.body.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: second.body.id,
        userId: owner.user.id,
        revokedAt: expect.stringMatching(TIMESTAMP),
      });
      expect(res.body.token).toBeUndefined();
      const [row] = await api.query<any>('SELECT revoked_at FROM api_token WHERE id = $1', [second.body.id]);
      expect(new Date(row.revoked_at).toISOString()).toBe(res.body.revokedAt);

      const refused = await target.get('/api/v1/me');
      expectProblem(refused, 401, 'auth.revoked_token');
      expectAuthChallenge(refused);

      const again = await revoke(api.as(owner.token), second.body.id);
      expect(again.status).toBe(200);
      expect(again.body.revokedAt).toBe(res.body.revokedAt);
      const audit = await api.query<any>(
        `SELECT action, actor_id, actor_role, before, after FROM audit_log WHERE resource_type = 'token' AND resource_id = $1 AND action = 'REVOKE'`,
        [second.body.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: owner.user.id, actor_role: 'assessor' });
      expect(audit[0].before.revokedAt).toBeNull();
      expect(audit[0].after.revokedAt).toBe(res.body.revokedAt);
      // The owner's other token still works.
      expect((await api.as(owner.token).get('/api/v1/me')).status).toBe(200);
    });

    it("answers 404 token.not_found to a non-admin revoking someone else's token, which keeps working", async () => {
      const victim = await issue(holder.user.id, { name: 'Not theirs' });
      const audit = await countRows(api, 'audit_log');
      for (const token of [poc.token, civic.token, assessor.token]) {
        expectProblem(await revoke(api.as(token), victim.body.id), 404, 'token.not_found');
      }
      expectProblem(await revoke(api.as(civic.token), UNKNOWN_UUID), 404, 'token.not_found');
      expectProblem(await revoke(api.anonymous, victim.body.id), 401, 'auth.required');
      expect(await countRows(api, 'api_token', 'id = $1 AND revoked_at IS NULL', [victim.body.id])).toBe(1);
      expect(await countRows(api, 'audit_log')).toBe(audit);
      expect((await api.as(victim.body.token).get('/api/v1/me')).status).toBe(200);
    });

    it("lets an admin revoke anyone's token", async () => {
      const victim = await issue(holder.user.id, { name: 'Admin revokes' });
      const res = await revoke(api, victim.body.id);
      expect(res.status).toBe(200);
      expect(res.body.revokedAt).toEqual(expect.stringMatching(TIMESTAMP));
      expectProblem(await api.as(victim.body.token).get('/api/v1/me'), 401, 'auth.revoked_token');
      const [entry] = await api.query<any>(
        `SELECT actor_id FROM audit_log WHERE resource_type = 'token' AND resource_id = $1 AND action = 'REVOKE'`,
        [victim.body.id],
      );
      expect(entry.actor_id).toBe(adminId);
    });

    it('refuses to issue a token to a deactivated user with 422, and to an unknown user with 404', async () => {
      const inactive = await api.createUser({ name: 'Gone Away', email: anEmail('gone'), role: 'admin' });
      const off = await api.patch(`/api/v1/users/${inactive.user.id}`, { active: false });
      expect(off.status).toBe(200);
      const counts = await storedCounts(api);
      expectProblem(await issue(inactive.user.id), 422, 'user.inactive');
      expectProblem(await issue(UNKNOWN_UUID), 404, 'user.not_found');
      expect(await storedCounts(api)).toEqual(counts);
    });

    it('refuses to issue tokens to non-admins, even for themselves (403)', async () => {
      const counts = await storedCounts(api);
      expectProblem(
        await api.as(holder.token).post(`/api/v1/users/${holder.user.id}/tokens`, { name: 'Mine' }),
        403,
        'access.forbidden',
      );
      expectProblem(
        await api.as(poc.token).get(`/api/v1/users/${holder.user.id}/tokens`),
        403,
        'access.forbidden',
      );
      expect(await storedCounts(api)).toEqual(counts);
    });

    it.each([
      ['a token that is not one of ours', 'Bearer not-a-token'],
      ['a token one character short', `Bearer ct_${'a'.repeat(42)}`],
      ['Basic credentials', `Basic ${Buffer.from('admin:secret').toString('base64')}`],
      ['a token without the Bearer scheme', `ct_${'a'.repeat(43)}`],
      ['two tokens', `Bearer ct_${'a'.repeat(43)} ct_${'b'.repeat(43)}`],
      ['an empty header', ''],
    ])('refuses %s with 401 auth.malformed_token and a WWW-Authenticate challenge', async (_, header) => {
      const res = await api.anonymous.get('/api/v1/members', { authorization: header });
      expectProblem(res, 401, 'auth.malformed_token');
      expectAuthChallenge(res);
    });

    it('refuses a well-formed token that was never issued with 401 auth.unknown_token', async () => {
      const res = await api.anonymous.get('/api/v1/me', { authorization: `Bearer ct_${'Z'.repeat(43)}` });
      expectProblem(res, 401, 'auth.unknown_token');
      expectAuthChallenge(res);
    });
  });

  describe('security headers', () => {
    // Suspected bug when failing: no answer carries X-Content-Type-Options: nosniff.
    it.each([
      ['a JSON answer', '/api/v1/members', 200],
      ['a problem answer', '/api/v1/members/ZZZ', 404],
      ['a refusal to sign in', '/api/v1/users', 401],
    ])('sends X-Content-Type-Options: nosniff on %s', async (_, url, status) => {
      const res = await api.anonymous.get(url);
      expect(res.status).toBe(status);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});

describe(`rate limits (${ENGINE})`, () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await TestApp.start({
      rateLimits: { writesPerToken: 3, writesPerAddress: 0, authFailuresPerAddress: 2 },
    });
  });
  afterAll(() => limited.close());

  const aMemberBody = (code: string) => ({
    code,
    name: `Limited ${code}`,
    type: 'NATIONAL',
    region: 'EUROPE',
  });

  it('refuses more than writesPerToken writes a minute with one token: 429 with Retry-After, nothing written', async () => {
    await awayFromMinuteBoundary();
    const writer = await limited.createUser({ name: 'Busy Writer', email: anEmail('busy'), role: 'admin' });
    const as = limited.as(writer.token);
    for (const code of ['RLA', 'RLB', 'RLC'])
      expect((await as.post('/api/v1/members', aMemberBody(code))).status).toBe(201);

    const members = await countRows(limited, 'member');
    const audit = await countRows(limited, 'audit_log');
    const res = await as.post('/api/v1/members', aMemberBody('RLD'));
    expectProblem(res, 429, 'request.rate_limited');
    const retryAfter = String(res.headers['retry-after']);
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(await countRows(limited, 'member')).toBe(members);
    expect(await countRows(limited, 'member', `code = 'RLD'`)).toBe(0);
    expect(await countRows(limited, 'audit_log')).toBe(audit);

    // A PATCH is a write too.
    const patch = await as.patch('/api/v1/members/RLA', { name: 'Renamed' });
    expectProblem(patch, 429, 'request.rate_limited');
    expect((await limited.get('/api/v1/members/RLA')).body.name).toBe('Limited RLA');

    // Reads are not limited.
    for (let i = 0; i < 6; i += 1) expect((await as.get('/api/v1/members/RLA')).status).toBe(200);
    expect((await as.get('/api/v1/me')).status).toBe(200);

    // The limit is per token: another token still writes.
    expect((await limited.post('/api/v1/members', aMemberBody('RLE'))).status).toBe(201);
  });

  // Last in this block: it locks 127.0.0.1 out of signing in for the rest of the minute.
  it('after authFailuresPerAddress failed sign-ins, refuses even a good token from that address with 429', async () => {
    await awayFromMinuteBoundary();
    const good = limited.as(limited.token);
    expect((await good.get('/api/v1/me')).status).toBe(200);

    const bad = limited.anonymous;
    expectProblem(
      await bad.get('/api/v1/me', { authorization: `Bearer ct_${'x'.repeat(43)}` }),
      401,
      'auth.unknown_token',
    );
    expectProblem(
      await bad.get('/api/v1/me', { authorization: 'Bearer garbage' }),
      401,
      'auth.malformed_token',
    );

    const refused = await good.get('/api/v1/me');
    expectProblem(refused, 429, 'request.rate_limited');
    expect(String(refused.headers['retry-after'])).toMatch(/^\d+$/);
    const members = await countRows(limited, 'member');
    expectProblem(await good.post('/api/v1/members', aMemberBody('RLF')), 429, 'request.rate_limited');
    expect(await countRows(limited, 'member')).toBe(members);
    expectProblem(
      await bad.get('/api/v1/me', { authorization: `Bearer ct_${'y'.repeat(43)}` }),
      429,
      'request.rate_limited',
    );

    // Another address is not locked out.
    const elsewhere = await limited.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${limited.token}` },
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
