import { randomUUID } from 'node:crypto';
import { countRows, expectProblem, fieldsOf, nextLinkOf, walk } from './support/assertions.js';
import { ENGINE, TestApp } from './support/test-app.js';
import { aMember, memberCode } from './support/factories.js';

// Members are the national and local governments of OGP: KEN, PNG for national members, ARBA, GBSC
// for local ones. Their code and type are fixed once registered; the name and region may change.

const validMember = (overrides: Record<string, unknown> = {}) => ({
  code: memberCode(),
  name: 'Testland',
  type: 'NATIONAL',
  region: 'EUROPE',
  ...overrides,
});

describe(`members (${ENGINE})`, () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(() => api.close());

  describe('registering', () => {
    it('registers a national member with its three-letter code, stores it and records it in the audit log', async () => {
      const res = await api.post('/api/v1/members', {
        code: 'KEN',
        name: '  Kenya  ',
        type: 'NATIONAL',
        region: 'AFRICA_AND_THE_MIDDLE_EAST',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        code: 'KEN',
        name: 'Kenya',
        type: 'NATIONAL',
        region: 'AFRICA_AND_THE_MIDDLE_EAST',
        version: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      expect(res.headers.etag).toBe('"1"');

      const rows = await api.query(`SELECT code, name, type, region, version FROM member WHERE id = $1`, [
        res.body.id,
      ]);
      expect(rows).toEqual([
        { code: 'KEN', name: 'Kenya', type: 'NATIONAL', region: 'AFRICA_AND_THE_MIDDLE_EAST', version: 1 },
      ]);

      const audit = await api.query<any>(
        `SELECT action, request_id, before, after FROM audit_log WHERE resource_type = 'member' AND resource_id = $1 ORDER BY id`,
        [res.body.id],
      );
      expect(audit).toEqual([
        { action: 'CREATE', request_id: res.headers['x-request-id'], before: null, after: res.body },
      ]);
    });

    it('registers a local member with a four-letter code', async () => {
      const res = await api.post('/api/v1/members', {
        code: 'ARBA',
        name: 'Buenos Aires',
        type: 'LOCAL',
        region: 'AMERICAS',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        code: 'ARBA',
        name: 'Buenos Aires',
        type: 'LOCAL',
        region: 'AMERICAS',
        version: 1,
      });
      expect(await countRows(api, 'member', `code = 'ARBA'`)).toBe(1);
    });

    it.each([
      ['a national member with four letters', { code: 'KENY', type: 'NATIONAL' }, /three capital letters/],
      ['a local member with three letters', { code: 'GBS', type: 'LOCAL' }, /four capital letters/],
    ])('refuses %s with 422 naming the code, and stores nothing', async (_, overrides, message) => {
      const members = await countRows(api, 'member');
      const audit = await countRows(api, 'audit_log');
      const res = await api.post('/api/v1/members', validMember(overrides));
      expectProblem(res, 422, 'member.invalid_code');
      expect(res.body.errors).toEqual([{ field: 'code', message: expect.stringMatching(message) }]);
      expect(await countRows(api, 'member')).toBe(members);
      expect(await countRows(api, 'audit_log')).toBe(audit);
    });

    it.each([
      ['a lower-case code', 'ken'],
      ['a mixed-case code', 'Ken'],
      ['a code with a digit', 'K3N'],
      ['a five-letter code', 'KENYA'],
      ['a two-letter code', 'KE'],
      ['an empty code', ''],
      ['a number', 123],
      ['null', null],
    ])('refuses %s with 400 naming the code', async (_, code) => {
      const members = await countRows(api, 'member');
      const res = await api.post('/api/v1/members', validMember({ code }));
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual(['code']);
      expect(await countRows(api, 'member')).toBe(members);
    });

    it('refuses a second member with the same code with 409 member.code_taken, and keeps the first unchanged', async () => {
      const first = await aMember(api, { name: 'First' });
      const members = await countRows(api, 'member');
      const audit = await countRows(api, 'audit_log');
      const res = await api.post(
        '/api/v1/members',
        validMember({ code: first.code, name: 'Second', region: 'AMERICAS' }),
      );
      expectProblem(res, 409, 'member.code_taken');
      expect(fieldsOf(res)).toEqual(['code']);
      expect(await countRows(api, 'member')).toBe(members);
      expect(await countRows(api, 'audit_log')).toBe(audit);
      expect((await api.get(`/api/v1/members/${first.code}`)).body).toEqual(first);
    });

    it('lets exactly one of several simultaneous registrations of a code through; the others get 409', async () => {
      const code = memberCode();
      const results = await Promise.all(
        [1, 2, 3, 4].map((i) => api.post('/api/v1/members', validMember({ code, name: `Racer ${i}` }))),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const res of results.filter((r) => r.status === 409)) {
        expectProblem(res, 409, 'member.code_taken');
        expect(fieldsOf(res)).toEqual(['code']);
      }
      expect(await countRows(api, 'member', 'code = $1', [code])).toBe(1);
      expect(
        await countRows(api, 'audit_log', `resource_type = 'member' AND after->>'code' = $1`, [code]),
      ).toBe(1);
    });

    it('refuses an empty body with 400 listing each missing field', async () => {
      const members = await countRows(api, 'member');
      const res = await api.post('/api/v1/members', {});
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res).sort()).toEqual(['code', 'name', 'region', 'type']);
      expect(res.body.detail).toMatch(/4 invalid fields/);
      expect(await countRows(api, 'member')).toBe(members);
    });

    it('refuses a body missing the name and region, naming just those two', async () => {
      const res = await api.post('/api/v1/members', { code: memberCode(), type: 'NATIONAL' });
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res).sort()).toEqual(['name', 'region']);
    });

    it('refuses an unknown field with 400 "is not a known field" rather than ignoring it', async () => {
      const members = await countRows(api, 'member');
      const res = await api.post('/api/v1/members', validMember({ capital: 'Nairobi' }));
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors).toEqual([{ field: 'capital', message: 'is not a known field' }]);
      expect(await countRows(api, 'member')).toBe(members);
    });

    it('refuses a client-chosen id or version as unknown fields', async () => {
      const res = await api.post('/api/v1/members', validMember({ id: randomUUID(), version: 7 }));
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'id', message: 'is not a known field' },
          { field: 'version', message: 'is not a known field' },
        ]),
      );
    });

    it.each([
      ['an unknown type', { type: 'CITY' }, 'type'],
      ['an unknown region', { region: 'MARS' }, 'region'],
      ['a lower-case region', { region: 'europe' }, 'region'],
      ['an empty name', { name: '' }, 'name'],
      ['a name of 201 characters', { name: 'x'.repeat(201) }, 'name'],
      ['a name that is a number', { name: 42 }, 'name'],
    ])('refuses %s with 400 naming the field', async (_, overrides, field) => {
      const members = await countRows(api, 'member');
      const res = await api.post('/api/v1/members', validMember(overrides));
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await countRows(api, 'member')).toBe(members);
    });

    it('accepts a name of exactly 200 characters', async () => {
      const res = await api.post('/api/v1/members', validMember({ name: 'x'.repeat(200) }));
      expect(res.status).toBe(201);
      expect(res.body.name).toHaveLength(200);
    });

    it('refuses a name of blanks like an empty name: a 4xx problem naming the name', async () => {
      const members = await countRows(api, 'member');
      const res = await api.post('/api/v1/members', validMember({ name: '   ' }));
      expect([400, 422]).toContain(res.status);
      expectProblem(res, res.status);
      expect(fieldsOf(res)).toEqual(['name']);
      expect(await countRows(api, 'member')).toBe(members);
    });

    it('answers malformed JSON with 400 and a non-JSON body with 415', async () => {
      const malformed = await api.request('POST', '/api/v1/members', undefined, {
        raw: '{"code": "KEN", ',
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(malformed, 400, 'request.malformed_json');
      const text = await api.request('POST', '/api/v1/members', undefined, {
        raw: 'code=KEN',
        headers: { 'content-type': 'text/plain' },
      });
      expectProblem(text, 415);
    });

    it('replays the first answer for a retried request with the same Idempotency-Key, and creates one member', async () => {
      const body = validMember({ name: 'Retryland' });
      const key = `members-${randomUUID()}`;
      const first = await api.post('/api/v1/members', body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const again = await api.post('/api/v1/members', body, { 'idempotency-key': key });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await countRows(api, 'member', 'code = $1', [body.code])).toBe(1);

      const other = await api.post(
        '/api/v1/members',
        { ...body, name: 'Otherland' },
        { 'idempotency-key': key },
      );
      expectProblem(other, 422, 'idempotency.key_reused');
      expect((await api.get(`/api/v1/members/${body.code as string}`)).body.name).toBe('Retryland');
    });
  });

  describe('reading one', () => {
    let member: any;
    beforeAll(async () => {
      member = await aMember(api, { name: 'Readland', region: 'EUROPE' });
    });

    it('finds a member by its code, with an ETag of its version', async () => {
      const res = await api.get(`/api/v1/members/${member.code}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(member);
      expect(res.headers.etag).toBe(`"${member.version}"`);
    });

    it('finds a member by its code in lower case', async () => {
      const res = await api.get(`/api/v1/members/${member.code.toLowerCase()}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(member);
    });

    it('finds a member by its id', async () => {
      const res = await api.get(`/api/v1/members/${member.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(member);
    });

    it('answers a conditional GET with the current ETag with 304 and no body', async () => {
      const res = await api.get(`/api/v1/members/${member.code}`, { 'if-none-match': `"${member.version}"` });
      expect(res.status).toBe(304);
      expect(res.text).toBe('');
      const stale = await api.get(`/api/v1/members/${member.code}`, { 'if-none-match': '"999"' });
      expect(stale.status).toBe(200);
    });

    it.each([
      ['an unknown code', 'ZZZ'],
      ['an unknown four-letter code', 'ZZZZ'],
      ['an unknown id', randomUUID()],
      ['something that is neither', 'not-a-member-code'],
    ])('answers 404 member.not_found for %s', async (_, key) => {
      const res = await api.get(`/api/v1/members/${key}`);
      expectProblem(res, 404, 'member.not_found');
    });
  });

  describe('listing', () => {
    // Only this block registers members in Asia and the Pacific, so that the filters can be checked exactly.
    const asia = { national: ['KHM', 'IDN', 'MNG', 'PHL', 'KOR'], local: ['PHQC', 'IDSE'] };

    beforeAll(async () => {
      for (const code of asia.national) await aMember(api, { code, region: 'ASIA_AND_THE_PACIFIC' });
      for (const code of asia.local)
        await aMember(api, { code, type: 'LOCAL', region: 'ASIA_AND_THE_PACIFIC' });
    });

    it('lists every member by code, ascending', async () => {
      const { items } = await walk(api, '/api/v1/members?limit=200');
      const codes = items.map((m) => m.code);
      expect(codes).toEqual([...codes].sort());
      expect(codes).toEqual(expect.arrayContaining([...asia.national, ...asia.local, 'KEN', 'ARBA']));
      expect(items).toHaveLength(await countRows(api, 'member'));
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('filters by region', async () => {
      const res = await api.get('/api/v1/members?region=ASIA_AND_THE_PACIFIC');
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: any) => m.code)).toEqual([...asia.national, ...asia.local].sort());
      expect(res.body.nextCursor).toBeNull();
      expect(res.headers.link).toBeUndefined();
    });

    it('filters by type and region together', async () => {
      const local = await api.get('/api/v1/members?type=LOCAL&region=ASIA_AND_THE_PACIFIC');
      expect(local.body.items.map((m: any) => m.code)).toEqual(['IDSE', 'PHQC']);
      const national = await api.get('/api/v1/members?region=ASIA_AND_THE_PACIFIC&type=NATIONAL');
      expect(national.body.items.map((m: any) => m.code)).toEqual(['IDN', 'KHM', 'KOR', 'MNG', 'PHL']);
    });

    it('filters by type alone', async () => {
      const { items } = await walk(api, '/api/v1/members?type=LOCAL');
      expect(items.every((m) => m.type === 'LOCAL')).toBe(true);
      expect(items.map((m) => m.code)).toEqual(expect.arrayContaining(['ARBA', 'IDSE', 'PHQC']));
      expect(items).toHaveLength(await countRows(api, 'member', `type = 'LOCAL'`));
    });

    it('pages with a cursor and an RFC 8288 Link header that keeps the filters, without gaps or repeats', async () => {
      const first = await api.get('/api/v1/members?region=ASIA_AND_THE_PACIFIC&limit=3');
      expect(first.status).toBe(200);
      expect(first.body.items.map((m: any) => m.code)).toEqual(['IDN', 'IDSE', 'KHM']);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = nextLinkOf(first) as string;
      const url = new URL(next, 'http://x');
      expect(url.pathname).toBe('/api/v1/members');
      expect(url.searchParams.get('region')).toBe('ASIA_AND_THE_PACIFIC');
      expect(url.searchParams.get('limit')).toBe('3');

      const second = await api.get(
        `/api/v1/members?region=ASIA_AND_THE_PACIFIC&limit=3&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.items.map((m: any) => m.code)).toEqual(['KOR', 'MNG', 'PHL']);

      const { items, pages } = await walk(api, '/api/v1/members?region=ASIA_AND_THE_PACIFIC&limit=3');
      expect(pages).toBe(3);
      expect(items.map((m) => m.code)).toEqual(['IDN', 'IDSE', 'KHM', 'KOR', 'MNG', 'PHL', 'PHQC']);
    });

    it('ends exactly on a full last page: no next link when nothing follows', async () => {
      const res = await api.get('/api/v1/members?type=LOCAL&region=ASIA_AND_THE_PACIFIC&limit=2');
      expect(res.body.items).toHaveLength(2);
      expect(res.body.nextCursor).toBeNull();
      expect(res.headers.link).toBeUndefined();
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['type=CITY', 'type'],
      ['region=MARS', 'region'],
      ['sort=name', 'sort'],
    ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
      const res = await api.get(`/api/v1/members?${query}`);
      expectProblem(res, 400);
      expect(fieldsOf(res)).toEqual([field]);
    });

    it.each([
      'garbage',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ])('refuses a cursor the list never gave out (%s) with 400', async (cursor) => {
      const res = await api.get(`/api/v1/members?cursor=${cursor}`);
      expectProblem(res, 400, 'pagination.invalid_cursor');
      expect(fieldsOf(res)).toEqual(['cursor']);
    });
  });

  describe('changing', () => {
    let member: any;
    beforeEach(async () => {
      member = await aMember(api, { name: 'Oldland', region: 'EUROPE' });
    });

    const stored = async (id: string) =>
      (await api.query(`SELECT code, name, type, region, version FROM member WHERE id = $1`, [id]))[0];
    const auditOf = (id: string) =>
      api.query<any>(
        `SELECT action, before, after FROM audit_log WHERE resource_type = 'member' AND resource_id = $1 ORDER BY id`,
        [id],
      );

    it('refuses a change without If-Match with 428, and changes nothing', async () => {
      const res = await api.request('PATCH', `/api/v1/members/${member.code}`, { name: 'Newland' });
      expectProblem(res, 428, 'precondition.if_match_required');
      expect(await stored(member.id)).toMatchObject({ name: 'Oldland', version: 1 });
      expect(await auditOf(member.id)).toHaveLength(1);
    });

    it('refuses a change with a stale If-Match with 412, and changes nothing', async () => {
      const res = await api.patch(
        `/api/v1/members/${member.code}`,
        { name: 'Newland' },
        { 'if-match': '"7"' },
      );
      expectProblem(res, 412, 'precondition.stale_version');
      expect(await stored(member.id)).toMatchObject({ name: 'Oldland', version: 1 });
      expect(await auditOf(member.id)).toHaveLength(1);
    });

    it('refuses the second of two changes made from the same read (lost update) with 412', async () => {
      const first = await api.patch(
        `/api/v1/members/${member.code}`,
        { name: 'First edit' },
        { 'if-match': '"1"' },
      );
      expect(first.status).toBe(200);
      const second = await api.patch(
        `/api/v1/members/${member.code}`,
        { region: 'AMERICAS' },
        { 'if-match': '"1"' },
      );
      expectProblem(second, 412, 'precondition.stale_version');
      expect(await stored(member.id)).toMatchObject({ name: 'First edit', region: 'EUROPE', version: 2 });
    });

    it('changes the name and region with the current If-Match: version + 1, ETag, stored, audited with before and after', async () => {
      const res = await api.patch(
        `/api/v1/members/${member.code}`,
        { name: '  Newland ', region: 'AMERICAS' },
        { 'if-match': '"1"' },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: member.id,
        code: member.code,
        type: 'NATIONAL',
        name: 'Newland',
        region: 'AMERICAS',
        version: 2,
      });
      expect(res.headers.etag).toBe('"2"');
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      expect(await stored(member.id)).toEqual({
        code: member.code,
        name: 'Newland',
        type: 'NATIONAL',
        region: 'AMERICAS',
        version: 2,
      });
      expect((await api.get(`/api/v1/members/${member.code}`)).body).toEqual(res.body);

      const audit = await auditOf(member.id);
      expect(audit).toEqual([
        { action: 'CREATE', before: null, after: member },
        { action: 'UPDATE', before: member, after: res.body },
      ]);
    });

    it('accepts a change by id and by lower-case code', async () => {
      const byId = await api.patch(`/api/v1/members/${member.id}`, { region: 'AMERICAS' });
      expect(byId.status).toBe(200);
      expect(byId.body.version).toBe(2);
      const byLowerCode = await api.patch(`/api/v1/members/${member.code.toLowerCase()}`, {
        name: 'Lowland',
      });
      expect(byLowerCode.status).toBe(200);
      expect(byLowerCode.body).toMatchObject({ name: 'Lowland', region: 'AMERICAS', version: 3 });
      expect(byLowerCode.headers.etag).toBe('"3"');
    });

    it('keeps the version when nothing changes, and writes no audit entry', async () => {
      const res = await api.patch(`/api/v1/members/${member.code}`, { name: 'Oldland', region: 'EUROPE' });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(1);
      expect(res.headers.etag).toBe('"1"');
      expect(await auditOf(member.id)).toHaveLength(1);
    });

    it.each([
      ['the code', { code: 'ZZZ' }, 'code'],
      ['the type', { type: 'LOCAL' }, 'type'],
      ['the id', { id: randomUUID() }, 'id'],
      ['the version', { version: 5 }, 'version'],
    ])(
      'refuses to change %s with 400 "is not a known field", and changes nothing',
      async (_, body, field) => {
        const audit = await countRows(api, 'audit_log');
        const res = await api.patch(`/api/v1/members/${member.code}`, { ...body, name: 'Sneakyland' });
        expectProblem(res, 400, 'validation.failed');
        expect(res.body.errors).toEqual([{ field, message: 'is not a known field' }]);
        expect(await stored(member.id)).toEqual({
          code: member.code,
          name: 'Oldland',
          type: 'NATIONAL',
          region: 'EUROPE',
          version: 1,
        });
        expect(await countRows(api, 'audit_log')).toBe(audit);
      },
    );

    it.each([
      ['a null name', { name: null }, 'name'],
      ['an empty name', { name: '' }, 'name'],
      ['a null region', { region: null }, 'region'],
      ['an unknown region', { region: 'ATLANTIS' }, 'region'],
    ])('refuses %s with 400 naming the field, and changes nothing', async (_, body, field) => {
      const res = await api.patch(`/api/v1/members/${member.code}`, body);
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await stored(member.id)).toMatchObject({ name: 'Oldland', region: 'EUROPE', version: 1 });
    });

    it('refuses a name of blanks like an empty name: a 4xx problem naming the name, and changes nothing', async () => {
      const res = await api.patch(`/api/v1/members/${member.code}`, { name: '  ' });
      expect([400, 422]).toContain(res.status);
      expectProblem(res, res.status);
      expect(fieldsOf(res)).toEqual(['name']);
      expect(await stored(member.id)).toMatchObject({ name: 'Oldland', version: 1 });
    });

    it('answers 404 for a member that does not exist', async () => {
      const res = await api.patch('/api/v1/members/ZZQ', { name: 'Nowhere' }, { 'if-match': '"1"' });
      expectProblem(res, 404, 'member.not_found');
    });
  });
});
