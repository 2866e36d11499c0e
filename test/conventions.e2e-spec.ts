import { aMember, aPlan, commitmentBody } from './support/factories.js';
import { ENGINE, TestApp } from './support/test-app.js';

// The conventions of DESIGN.md section 4, which every route shares.

describe(`API conventions (${ENGINE})`, () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await TestApp.start({ bodyLimitBytes: 4096 });
  });

  afterAll(() => api.close());

  const countMembers = async () =>
    Number((await api.query<{ n: string }>('SELECT count(*) AS n FROM member'))[0].n);

  describe('problem details', () => {
    it('answers malformed JSON with 400 problem+json, writing nothing', async () => {
      const before = await countMembers();
      const response = await api.request('POST', '/api/v1/members', undefined, {
        raw: '{"code": "KEN",',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: 'urn:commitment-tracker:problem:request.malformed_json',
        title: 'Invalid request',
        status: 400,
        code: 'request.malformed_json',
        detail: 'The request body is not valid JSON.',
      });
      expect(await countMembers()).toBe(before);
    });

    it('answers a body that is not JSON with 415', async () => {
      for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
        const response = await api.request('POST', '/api/v1/members', undefined, {
          raw: 'code=KEN',
          headers: { 'content-type': contentType },
        });
        expect(response.status).toBe(415);
        expect(response.body.code).toBe('request.unsupported_media_type');
      }
    });

    it('answers an oversized body with 413', async () => {
      const response = await api.post('/api/v1/members', {
        code: 'BIG',
        name: 'x'.repeat(10_000),
        type: 'NATIONAL',
        region: 'EUROPE',
      });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('request.too_large');
    });

    it('answers an unknown route and an unknown resource with 404', async () => {
      const route = await api.get('/api/v1/no-such-thing');
      expect(route.status).toBe(404);
      expect(route.body.code).toBe('route.not_found');
      const member = await api.get('/api/v1/members/ZZZ');
      expect(member.status).toBe(404);
      expect(member.body).toMatchObject({ code: 'member.not_found', detail: 'No member "ZZZ" exists.' });
      const plan = await api.get('/api/v1/action-plans/not-a-uuid');
      expect(plan.status).toBe(404);
      expect(plan.body.code).toBe('action_plan.not_found');
    });

    it('lists every invalid field, refuses unknown fields, and never echoes internals', async () => {
      const response = await api.post('/api/v1/members', {
        code: 'ke',
        type: 'EMPIRE',
        region: 'EUROPE',
        isAdmin: true,
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation.failed');
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'isAdmin', message: 'is not a known field' },
          { field: 'code', message: 'code must be three or four capital letters' },
          { field: 'name', message: expect.stringContaining('name') },
          { field: 'type', message: expect.stringContaining('NATIONAL, LOCAL') },
        ]),
      );
      expect(response.text).not.toMatch(/stack|QueryFailed|SELECT|at .*\.js/);
    });

    it('refuses a JSON body that is not an object', async () => {
      const response = await api.request('POST', '/api/v1/members', undefined, {
        raw: '[1,2]',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });

    it('maps a database constraint to a clear message without naming it', async () => {
      // Two creations racing for the same code: the database's unique key is the last word.
      const body = { code: 'RAC', name: 'Raceland', type: 'NATIONAL', region: 'EUROPE' };
      const [a, b] = await Promise.all([
        api.post('/api/v1/members', body),
        api.post('/api/v1/members', body),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const refused = a.status === 409 ? a : b;
      expect(refused.body.code).toBe('member.code_taken');
      expect(refused.text).not.toContain('uq_member_code');
    });
  });

  describe('request ids', () => {
    it('gives every answer an X-Request-Id, and puts it in problem bodies', async () => {
      const response = await api.get('/api/v1/members/ZZZ');
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    });

    it("keeps a caller's sane request id and replaces an unsafe one", async () => {
      const kept = await api.get('/api/v1/members/ZZZ', { 'x-request-id': 'trace-123.abc' });
      expect(kept.headers['x-request-id']).toBe('trace-123.abc');
      expect(kept.body.requestId).toBe('trace-123.abc');
      const replaced = await api.get('/api/v1/members/ZZZ', { 'x-request-id': 'bad id <script>' });
      expect(replaced.headers['x-request-id']).not.toContain('script');
    });
  });

  describe('versions and conditional requests', () => {
    it('sends an ETag, answers If-None-Match with 304, and a changed resource with 200', async () => {
      const member = await aMember(api);
      const url = `/api/v1/members/${member.code}`;
      const first = await api.get(url);
      expect(first.headers.etag).toBe(`"${member.version}"`);
      const unchanged = await api.get(url, { 'if-none-match': String(first.headers.etag) });
      expect(unchanged.status).toBe(304);
      expect(unchanged.text).toBe('');
      const patched = await api.patch(url, { name: 'Renamed' });
      expect(patched.status).toBe(200);
      expect(patched.headers.etag).toBe(`"${member.version + 1}"`);
      const changed = await api.get(url, { 'if-none-match': String(first.headers.etag) });
      expect(changed.status).toBe(200);
      expect(changed.body.name).toBe('Renamed');
    });

    it('requires If-Match to change a resource (428) and refuses a stale one (412), changing nothing', async () => {
      const member = await aMember(api);
      const url = `/api/v1/members/${member.code}`;
      const missing = await api.request('PATCH', url, { name: 'A' });
      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('precondition.if_match_required');
      const stale = await api.patch(url, { name: 'B' }, { 'if-match': '"99"' });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('precondition.stale_version');
      const malformed = await api.patch(url, { name: 'B' }, { 'if-match': 'yesterday' });
      expect(malformed.status).toBe(412);
      const after = await api.get(url);
      expect(after.body).toMatchObject({ name: member.name, version: member.version });
    });
  });

  describe('idempotency keys', () => {
    it('replays the first answer for the same key and body, and writes once', async () => {
      const body = { code: 'IDM', name: 'Idempotia', type: 'NATIONAL', region: 'AMERICAS' };
      const first = await api.post('/api/v1/members', body, { 'idempotency-key': 'create-idm-1' });
      expect(first.status).toBe(201);
      const again = await api.post(
        '/api/v1/members',
        { region: 'AMERICAS', type: 'NATIONAL', name: 'Idempotia', code: 'IDM' },
        { 'idempotency-key': 'create-idm-1' },
      );
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body).toEqual(first.body);
      expect(await api.query(`SELECT id FROM member WHERE code = 'IDM'`)).toHaveLength(1);
    });

    it('refuses the same key with another body (422)', async () => {
      await api.post(
        '/api/v1/members',
        { code: 'IDN', name: 'One', type: 'NATIONAL', region: 'EUROPE' },
        { 'idempotency-key': 'k-2' },
      );
      const other = await api.post(
        '/api/v1/members',
        { code: 'IDO', name: 'Two', type: 'NATIONAL', region: 'EUROPE' },
        { 'idempotency-key': 'k-2' },
      );
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency.key_reused');
      expect(await api.query(`SELECT id FROM member WHERE code = 'IDO'`)).toHaveLength(0);
    });

    it('keeps nothing for a request that failed, so the client can fix it and retry with the same key', async () => {
      const bad = await api.post(
        '/api/v1/members',
        { code: 'IDPX', name: 'Bad', type: 'NATIONAL', region: 'EUROPE' },
        { 'idempotency-key': 'k-3' },
      );
      expect(bad.status).toBe(422);
      const fixed = await api.post(
        '/api/v1/members',
        { code: 'IDP', name: 'Good', type: 'NATIONAL', region: 'EUROPE' },
        { 'idempotency-key': 'k-3' },
      );
      expect(fixed.status).toBe(201);
    });

    it('scopes keys to the route, so one key on two routes means two requests', async () => {
      const member = await aMember(api);
      const plan = await aPlan(api, member.code);
      const a = await api.post(`/api/v1/action-plans/${plan.id}/commitments`, commitmentBody(), {
        'idempotency-key': 'shared',
      });
      const b = await api.post('/api/v1/tags', { label: 'Shared Key' }, { 'idempotency-key': 'shared' });
      expect([a.status, b.status]).toEqual([201, 201]);
    });

    it('refuses a malformed key', async () => {
      const response = await api.post(
        '/api/v1/tags',
        { label: 'Whatever' },
        { 'idempotency-key': 'x'.repeat(201) },
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('idempotency.invalid_key');
    });
  });

  describe('health', () => {
    it('is alive and ready once migrations have run', async () => {
      expect((await api.get('/health')).body).toEqual({ status: 'ok' });
      const ready = await api.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ok' });
    });
  });

  describe('OpenAPI', () => {
    it('documents every route with its request and response schemas and its error answers', async () => {
      const response = await api.get('/api/openapi.json');
      expect(response.status).toBe(200);
      const doc = response.body;
      const routes = api.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
      expect(routes).toContain('commitments');
      const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(
        ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })),
      );
      expect(operations.length).toBeGreaterThanOrEqual(30);
      for (const { path, method, op } of operations) {
        const label = `${method.toUpperCase()} ${path}`;
        // A route that exists only to refuse (changing an append-only record) documents its 405.
        if (Object.keys(op.responses).join() === '405') continue;
        const success = Object.keys(op.responses).find((status) => status.startsWith('2'));
        expect({ label, success }).toEqual({ label, success: expect.any(String) });
        expect({
          label,
          // JSON, or the bytes of a document
          schema: Object.values(
            (op.responses[success as string].content ?? {}) as Record<string, { schema?: unknown }>,
          )[0]?.schema,
        }).toEqual({
          label,
          schema: expect.any(Object),
        });
        // Every write takes a body, but actions named by their path (revoke, publish).
        // Files (CSV imports) are sent as they are and checked as a whole: too large is 413.
        const csv = op.requestBody?.content?.['text/csv']?.schema;
        if (method === 'post' && csv) {
          expect({ label, problems: Object.keys(op.responses) }).toEqual({
            label,
            problems: expect.arrayContaining(['400', '413', '415']),
          });
        } else if ((method === 'post' && !/\/(revoke|publish)$/.test(path)) || method === 'patch') {
          expect({ label, body: op.requestBody?.content?.['application/json']?.schema }).toEqual({
            label,
            body: expect.any(Object),
          });
          expect({ label, problems: Object.keys(op.responses).filter((s) => s.startsWith('4')) }).toEqual({
            label,
            problems: expect.arrayContaining(['400', '422']),
          });
        }
        if (method === 'patch')
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['412', '428']));
      }
      expect(doc.paths['/api/v1/commitments'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['member', 'actionPlan', 'area', 'value', 'tag', 'q', 'limit', 'cursor']),
      );
      expect(doc.components.schemas.Problem).toBeDefined();
    });

    it('serves the interactive docs', async () => {
      const response = await api.get('/api/docs');
      expect(response.status).toBe(200);
      expect(response.text).toContain('swagger');
    });
  });
});
