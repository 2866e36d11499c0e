import { UUID, countRows, expectProblem, nextLinkOf } from './support/assertions.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';
import { aCommitment, aMember, anInstitution, aPlan, aTag, commitmentBody } from './support/factories.js';

const UNKNOWN_UUID = '7d8c2f1e-0b4a-4c3e-9f6d-2a1b3c4d5e6f';

/** Row counts of everything a commitment write touches, to show that a refusal wrote nothing. */
async function storedCounts(api: TestApp): Promise<Record<string, number>> {
  const tables = [
    'commitment',
    'commitment_value',
    'commitment_tag',
    'commitment_link',
    'commitment_supporting_institution',
    'commitment_contact',
    'audit_log',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await countRows(api, table);
  return out;
}

let planSequence = 0;
/** A plan of the member; sequence numbers stay small (the API allows 1 to 100). */
function newPlan(api: TestApp, memberCode: string, overrides: Record<string, unknown> = {}): Promise<any> {
  planSequence += 1;
  return aPlan(api, memberCode, { sequenceNumber: planSequence, ...overrides });
}

/** Walks a list with `limit` through nextCursor, checking the Link header on every page. */
async function walk(api: TestApp, url: string): Promise<{ pages: string[][]; codes: string[] }> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const separator = url.includes('?') ? '&' : '?';
    const response = await api.get(
      cursor === null ? url : `${url}${separator}cursor=${encodeURIComponent(cursor)}`,
    );
    expect(response.status).toBe(200);
    pages.push(response.body.items.map((c: any) => c.code));
    cursor = response.body.nextCursor;
    const link = nextLinkOf(response);
    if (cursor === null) {
      expect(link).toBeUndefined();
      break;
    }
    expect(link).toBeDefined();
    const linked = new URL(link as string, 'http://x');
    expect(linked.searchParams.get('cursor')).toBe(cursor);
    // Following the Link header gives the same page as passing the cursor.
    const viaLink = await api.get(link as string);
    expect(viaLink.status).toBe(200);
    const viaCursor = await api.get(`${url}${separator}cursor=${encodeURIComponent(cursor)}`);
    expect(viaLink.body).toEqual(viaCursor.body);
  }
  return { pages, codes: pages.flat() };
}

describe(`commitments (${ENGINE})`, () => {
  let api: TestApp;
  let member: any;
  let plan: any;

  beforeAll(async () => {
    api = await TestApp.start();
    member = await aMember(api, { name: 'Kenya' });
    plan = await newPlan(api, member.code, { title: 'Fifth National Action Plan' });
  });
  afterAll(() => api.close());

  describe('create', () => {
    it('creates a commitment under a plan, with everything it was given, and records it in the audit log', async () => {
      const [lead, supportA, supportB] = [
        await anInstitution(api, { name: 'Ministry of ICT' }),
        await anInstitution(api, { name: 'Open Institute', type: 'CIVIL_SOCIETY_ORGANISATION' }),
        await anInstitution(api, { name: 'Data Protection Office' }),
      ];
      const [tagA, tagB] = [await aTag(api, 'Digital Identity'), await aTag(api, 'Open Data')];
      const target = await aCommitment(api, plan.id);
      const email = 'wanjiru.kamau@ict.example.go.ke';
      const body = commitmentBody({
        code: 'KE0037',
        number: '3.1',
        title: 'Open the digital ID register to public scrutiny',
        problem: 'The register was built without consultation.',
        causes: 'No legal duty to consult.',
        priorActions: 'A draft bill exists.',
        solution: 'Hold public hearings on the bill.',
        expectedResults: 'A law shaped by the public.',
        startDate: '2025-07-01',
        startDatePrecision: 'QUARTER',
        endDate: '2026-01-01',
        endDatePrecision: 'YEAR',
        values: [
          { value: 'PUBLIC_ACCOUNTABILITY', justification: 'Oversight of the register.' },
          { value: 'ACCESS_TO_INFORMATION', justification: 'The register is published.' },
        ],
        tags: [tagB.slug, tagA.slug],
        area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
        leadInstitutionId: lead.id,
        supportingInstitutionIds: [supportA.id, supportB.id],
        participationMechanism: 'County hearings',
        participationLevel: 'COLLABORATE',
        links: [{ type: 'IMPLEMENTS', target: target.code }],
        contact: { name: 'Wanjiru Kamau', title: 'Director', email, phone: '+254 20 123 4567' },
      });
      const auditBefore = await countRows(api, 'audit_log');

      const response = await api.post(`/api/v1/action-plans/${plan.id}/commitments`, body);

      expect(response.status).toBe(201);
      const created = response.body;
      expect(created).toMatchObject({
        id: expect.stringMatching(UUID),
        code: 'KE0037',
        member: { code: member.code, name: 'Kenya' },
        actionPlan: { id: plan.id, sequenceNumber: plan.sequenceNumber, title: 'Fifth National Action Plan' },
        number: '3.1',
        title: 'Open the digital ID register to public scrutiny',
        problem: 'The register was built without consultation.',
        causes: 'No legal duty to consult.',
        priorActions: 'A draft bill exists.',
        solution: 'Hold public hearings on the bill.',
        expectedResults: 'A law shaped by the public.',
        startDate: '2025-07-01',
        startDatePrecision: 'QUARTER',
        endDate: '2026-01-01',
        endDatePrecision: 'YEAR',
        area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
        participationMechanism: 'County hearings',
        participationLevel: 'COLLABORATE',
        leadInstitution: { id: lead.id, name: 'Ministry of ICT', type: 'GOVERNMENT_AGENCY' },
        links: [{ type: 'IMPLEMENTS', target: target.code }],
        contactOnFile: true,
        milestones: { total: 0, notStarted: 0, inProgress: 0, complete: 0, withdrawn: 0 },
        version: expect.any(Number),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect([...created.tags].sort()).toEqual(['digital-identity', 'open-data']);
      expect([...created.values].sort((a: any, b: any) => a.value.localeCompare(b.value))).toEqual([
        { value: 'ACCESS_TO_INFORMATION', justification: 'The register is published.' },
        { value: 'PUBLIC_ACCOUNTABILITY', justification: 'Oversight of the register.' },
      ]);
      expect(created.supportingInstitutions).toHaveLength(2);
      expect(created.supportingInstitutions).toEqual(
        expect.arrayContaining([
          { id: supportA.id, name: 'Open Institute', type: 'CIVIL_SOCIETY_ORGANISATION' },
          { id: supportB.id, name: 'Data Protection Office', type: 'GOVERNMENT_AGENCY' },
        ]),
      );
      expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
      expect(response.headers.etag).toBe(`"${created.version}"`);

      // The contact person is personal data: stored apart, shown to signed-in users, never to the public.
      expect(created.contact).toEqual({
        name: 'Wanjiru Kamau',
        title: 'Director',
        email,
        phone: '+254 20 123 4567',
        importedDetails: null,
      });
      const [contact] = await api.query<any>(
        'SELECT name, email, phone FROM commitment_contact WHERE commitment_id = $1',
        [created.id],
      );
      expect(contact).toEqual({ name: 'Wanjiru Kamau', email, phone: '+254 20 123 4567' });
      for (const url of [
        `/api/v1/commitments/KE0037`,
        `/api/v1/commitments?member=${member.code}&limit=200`,
        `/api/v1/action-plans/${plan.id}/commitments`,
      ]) {
        const read = await api.anonymous.get(url);
        expect(read.status).toBe(200);
        expect(read.text).not.toContain(email);
        expect(read.text).not.toContain('Wanjiru');
        expect(read.text).not.toContain('123 4567');
      }

      expect(await countRows(api, 'audit_log')).toBe(auditBefore + 1);
      const audit = await api.query<any>(
        `SELECT action, resource_type, resource_id, after FROM audit_log WHERE resource_type = 'commitment' AND resource_id = $1`,
        [created.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'CREATE',
        resource_type: 'commitment',
        resource_id: created.id,
      });
      expect(audit[0].after).toMatchObject({ code: 'KE0037', title: created.title });
      expect(JSON.stringify(audit[0].after)).not.toContain(email);
    });

    it('applies defaults: DAY precision, empty lists, no contact, no lead institution', async () => {
      const response = await api.post(`/api/v1/action-plans/${plan.id}/commitments`, {
        code: 'DEF0001',
        number: 'II.4',
        title: '  Publish procurement data  ',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        code: 'DEF0001',
        number: 'II.4',
        title: 'Publish procurement data',
        problem: null,
        startDate: null,
        startDatePrecision: 'DAY',
        endDate: null,
        endDatePrecision: 'DAY',
        leadInstitution: null,
        supportingInstitutions: [],
        values: [],
        tags: [],
        links: [],
        area: null,
        participationLevel: null,
        contactOnFile: false,
        milestones: { total: 0, notStarted: 0, inProgress: 0, complete: 0, withdrawn: 0 },
      });
      const [row] = await api.query<any>('SELECT title, number FROM commitment WHERE code = $1', ['DEF0001']);
      expect(row).toEqual({ title: 'Publish procurement data', number: 'II.4' });
    });

    it('accepts two- and three-letter prefixes and every date precision when aligned', async () => {
      for (const [code, startDate, startDatePrecision, endDate, endDatePrecision] of [
        ['PNG0006', '2025-01-01', 'SEMESTER', '2025-07-01', 'SEMESTER'],
        ['BUE0009', '2025-03-01', 'MONTH', '2026-10-01', 'QUARTER'],
        ['GB0101', '2025-01-01', 'YEAR', '2026-01-01', 'YEAR'],
      ]) {
        const response = await api.post(
          `/api/v1/action-plans/${plan.id}/commitments`,
          commitmentBody({ code, startDate, startDatePrecision, endDate, endDatePrecision }),
        );
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({
          code,
          startDate,
          startDatePrecision,
          endDate,
          endDatePrecision,
        });
      }
    });

    describe('refusals, each leaving nothing behind', () => {
      let existing: any;
      let institution: any;
      let tag: any;

      beforeAll(async () => {
        existing = await aCommitment(api, plan.id, { code: 'EX0001', number: 'EX-7' });
        institution = await anInstitution(api);
        tag = await aTag(api, 'Refusal Tag');
      });

      const cases: [string, () => Record<string, unknown>, number, string | undefined, string | undefined][] =
        [
          [
            'a code of the wrong format',
            () => commitmentBody({ code: 'KE37' }),
            400,
            'validation.failed',
            'code',
          ],
          [
            'a code with too many letters',
            () => commitmentBody({ code: 'KENY0037' }),
            400,
            'validation.failed',
            'code',
          ],
          ['a lower-case code', () => commitmentBody({ code: 'ke0038' }), 400, 'validation.failed', 'code'],
          [
            'a code already taken',
            () => commitmentBody({ code: existing.code }),
            409,
            'commitment.code_taken',
            'code',
          ],
          [
            'a number already used in the plan',
            () => commitmentBody({ number: existing.number }),
            409,
            'commitment.number_taken',
            'number',
          ],
          [
            'a number already used in the plan, padded with spaces',
            () => commitmentBody({ number: ` ${existing.number} ` }),
            409,
            'commitment.number_taken',
            'number',
          ],
          [
            'an end before the start',
            () => commitmentBody({ startDate: '2026-01-01', endDate: '2025-12-31' }),
            422,
            'commitment.invalid',
            'endDate',
          ],
          [
            'a QUARTER start that is not the first day of a quarter',
            () => commitmentBody({ startDate: '2025-02-01', startDatePrecision: 'QUARTER' }),
            422,
            'commitment.invalid',
            'startDate',
          ],
          [
            'a YEAR end that is not the first of January',
            () => commitmentBody({ endDate: '2026-06-30', endDatePrecision: 'YEAR' }),
            422,
            'commitment.invalid',
            'endDate',
          ],
          [
            'a date that does not exist',
            () => commitmentBody({ startDate: '2025-02-30' }),
            400,
            'validation.failed',
            'startDate',
          ],
          [
            'a date in another format',
            () => commitmentBody({ endDate: '30/06/2026' }),
            400,
            'validation.failed',
            'endDate',
          ],
          [
            'an unknown precision',
            () => commitmentBody({ startDatePrecision: 'WEEK' }),
            400,
            'validation.failed',
            'startDatePrecision',
          ],
          [
            'an unknown tag',
            () => commitmentBody({ tags: ['no-such-tag'] }),
            422,
            'tag.not_found',
            'tags[0]',
          ],
          [
            'an unknown tag after a known one',
            () => commitmentBody({ tags: [tag.slug, 'no-such-tag'] }),
            422,
            'tag.not_found',
            'tags[1]',
          ],
          [
            'a tag that is not a slug',
            () => commitmentBody({ tags: ['Open Data'] }),
            400,
            'validation.failed',
            'tags',
          ],
          [
            'an unknown lead institution',
            () => commitmentBody({ leadInstitutionId: UNKNOWN_UUID }),
            422,
            'institution.not_found',
            'leadInstitutionId',
          ],
          [
            'an unknown supporting institution',
            () => commitmentBody({ supportingInstitutionIds: [institution.id, UNKNOWN_UUID] }),
            422,
            'institution.not_found',
            'supportingInstitutionIds[1]',
          ],
          [
            'a supporting institution that is not a uuid',
            () => commitmentBody({ supportingInstitutionIds: ['ministry'] }),
            400,
            'validation.failed',
            'supportingInstitutionIds',
          ],
          [
            'the lead institution also as a supporting one',
            () =>
              commitmentBody({
                leadInstitutionId: institution.id,
                supportingInstitutionIds: [institution.id],
              }),
            422,
            'commitment.invalid',
            'supportingInstitutionIds[0]',
          ],
          [
            'the same supporting institution twice',
            () => commitmentBody({ supportingInstitutionIds: [institution.id, institution.id] }),
            422,
            'commitment.invalid',
            'supportingInstitutionIds[1]',
          ],
          [
            'a link to a commitment that does not exist',
            () => commitmentBody({ links: [{ type: 'MONITORS', target: 'ZZ9999' }] }),
            422,
            'commitment.link_target_not_found',
            'links[0].target',
          ],
          [
            'a link to itself',
            () => commitmentBody({ code: 'SLF0001', links: [{ type: 'MONITORS', target: 'SLF0001' }] }),
            422,
            'commitment.invalid',
            'links[0].target',
          ],
          [
            'the same link twice',
            () =>
              commitmentBody({
                links: [
                  { type: 'MONITORS', target: existing.code },
                  { type: 'MONITORS', target: existing.code },
                ],
              }),
            422,
            'commitment.invalid',
            'links[1]',
          ],
          [
            'an unknown link type',
            () => commitmentBody({ links: [{ type: 'FUNDS', target: existing.code }] }),
            400,
            'validation.failed',
            'links[0].type',
          ],
          [
            'a link target that is not a code',
            () => commitmentBody({ links: [{ type: 'MONITORS', target: 'the other one' }] }),
            400,
            'validation.failed',
            'links[0].target',
          ],
          [
            'a value given twice',
            () =>
              commitmentBody({
                values: [
                  { value: 'CIVIC_PARTICIPATION', justification: 'a' },
                  { value: 'CIVIC_PARTICIPATION', justification: 'b' },
                ],
              }),
            422,
            'commitment.invalid',
            'values[1].value',
          ],
          [
            'an unknown OGP value',
            () => commitmentBody({ values: [{ value: 'HAPPINESS', justification: 'a' }] }),
            400,
            'validation.failed',
            'values[0].value',
          ],
          [
            'a value without a justification',
            () => commitmentBody({ values: [{ value: 'CIVIC_PARTICIPATION' }] }),
            400,
            'validation.failed',
            'values[0].justification',
          ],
          [
            'an unknown field inside a value',
            () =>
              commitmentBody({ values: [{ value: 'CIVIC_PARTICIPATION', justification: 'a', score: 3 }] }),
            400,
            'validation.failed',
            'values[0].score',
          ],
          ['an unknown area', () => commitmentBody({ area: 'BLOCKCHAIN' }), 400, 'validation.failed', 'area'],
          [
            'an unknown participation level',
            () => commitmentBody({ participationLevel: 'SHOUT' }),
            400,
            'validation.failed',
            'participationLevel',
          ],
          ['an unknown field', () => commitmentBody({ colour: 'blue' }), 400, 'validation.failed', 'colour'],
          [
            'a status, which commitments do not have',
            () => commitmentBody({ status: 'ACTIVE' }),
            400,
            'validation.failed',
            'status',
          ],
          ['no title', () => commitmentBody({ title: undefined }), 400, 'validation.failed', 'title'],
          ['an empty title', () => commitmentBody({ title: '' }), 400, 'validation.failed', 'title'],
          [
            'a title that is not text',
            () => commitmentBody({ title: 42 }),
            400,
            'validation.failed',
            'title',
          ],
          [
            'a title of 501 characters',
            () => commitmentBody({ title: 'x'.repeat(501) }),
            400,
            'validation.failed',
            'title',
          ],
          ['no number', () => commitmentBody({ number: undefined }), 400, 'validation.failed', 'number'],
          [
            'a number of 21 characters',
            () => commitmentBody({ number: '1'.repeat(21) }),
            400,
            'validation.failed',
            'number',
          ],
          [
            'a contact with a malformed e-mail',
            () => commitmentBody({ contact: { name: 'A. Person', email: 'not-an-email' } }),
            400,
            'validation.failed',
            'contact.email',
          ],
          [
            'a contact without a name',
            () => commitmentBody({ contact: { email: 'a@example.org' } }),
            400,
            'validation.failed',
            'contact.name',
          ],
          [
            'a contact with an unknown field',
            () => commitmentBody({ contact: { name: 'A. Person', nationalId: '12345678' } }),
            400,
            'validation.failed',
            'contact.nationalId',
          ],
          [
            'more than four values',
            () =>
              commitmentBody({
                values: [
                  'ACCESS_TO_INFORMATION',
                  'CIVIC_PARTICIPATION',
                  'PUBLIC_ACCOUNTABILITY',
                  'TECHNOLOGY_AND_INNOVATION',
                  'CIVIC_PARTICIPATION',
                ].map((value) => ({ value, justification: 'x' })),
              }),
            400,
            'validation.failed',
            'values',
          ],
        ];

      it.each(cases)('refuses %s', async (_name, makeBody, status, code, field) => {
        const body = makeBody();
        const before = await storedCounts(api);
        const response = await api.post(`/api/v1/action-plans/${plan.id}/commitments`, body);
        expectProblem(response, status, code, field);
        expect(await storedCounts(api)).toEqual(before);
        if (typeof body.code === 'string' && body.code !== existing.code) {
          expect(await countRows(api, 'commitment', 'upper(code) = upper($1)', [body.code])).toBe(0);
          expect((await api.get(`/api/v1/commitments/${body.code}`)).status).toBe(404);
        }
      });

      it('refuses a title of only spaces, naming the field', async () => {
        const before = await storedCounts(api);
        const response = await api.post(
          `/api/v1/action-plans/${plan.id}/commitments`,
          commitmentBody({ title: '   ' }),
        );
        expect([400, 422]).toContain(response.status);
        expectProblem(response, response.status, undefined, 'title');
        expect(await storedCounts(api)).toEqual(before);
      });

      it('refuses a number of only spaces, naming the field', async () => {
        const before = await storedCounts(api);
        const response = await api.post(
          `/api/v1/action-plans/${plan.id}/commitments`,
          commitmentBody({ number: '  ' }),
        );
        expect([400, 422]).toContain(response.status);
        expectProblem(response, response.status, undefined, 'number');
        expect(await storedCounts(api)).toEqual(before);
      });

      it.each([
        ['an unknown plan', () => `/api/v1/action-plans/${UNKNOWN_UUID}/commitments`],
        ['a malformed plan id', () => `/api/v1/action-plans/not-a-plan/commitments`],
      ])('answers 404 for %s, writing nothing', async (_name, url) => {
        const before = await storedCounts(api);
        const body = commitmentBody();
        const response = await api.post(url(), body);
        expectProblem(response, 404, 'action_plan.not_found');
        expect(await storedCounts(api)).toEqual(before);
        expect((await api.get(`/api/v1/commitments/${body.code}`)).status).toBe(404);
      });

      it.each([
        ['malformed JSON', '{"code": "MJ0001", "title": ', 'application/json', 400],
        ['an empty JSON body', '', 'application/json', 400],
        ['a JSON array', '[{"code": "MJ0002"}]', 'application/json', 400],
        ['a JSON string', '"MJ0003"', 'application/json', 400],
        ['plain text', 'code=MJ0004', 'text/plain', 415],
      ])('refuses %s with a problem and writes nothing', async (_name, raw, contentType, status) => {
        const before = await storedCounts(api);
        const response = await api.request('POST', `/api/v1/action-plans/${plan.id}/commitments`, undefined, {
          raw,
          headers: { 'content-type': contentType },
        });
        expectProblem(response, status);
        expect(await storedCounts(api)).toEqual(before);
      });

      it('refuses a body larger than the limit with 413, writing nothing', async () => {
        const before = await storedCounts(api);
        const response = await api.post(
          `/api/v1/action-plans/${plan.id}/commitments`,
          commitmentBody({ problem: 'p'.repeat(1024 * 1024 + 10) }),
        );
        expectProblem(response, 413);
        expect(await storedCounts(api)).toEqual(before);
      });

      it('refuses a problem text over 20,000 characters with 400', async () => {
        const before = await storedCounts(api);
        const response = await api.post(
          `/api/v1/action-plans/${plan.id}/commitments`,
          commitmentBody({ problem: 'p'.repeat(20_001) }),
        );
        expectProblem(response, 400, 'validation.failed', 'problem');
        expect(await storedCounts(api)).toEqual(before);
      });

      it('reports every invalid field at once', async () => {
        const response = await api.post(`/api/v1/action-plans/${plan.id}/commitments`, {
          code: 'bad',
          number: '',
          title: 7,
          area: 'NOPE',
        });
        expectProblem(response, 400, 'validation.failed');
        expect(response.body.errors.map((e: any) => e.field).sort()).toEqual([
          'area',
          'code',
          'number',
          'title',
        ]);
      });
    });

    it('gives one commitment to two concurrent creates with the same code, and 409 to the other', async () => {
      const before = await countRows(api, 'commitment');
      const responses = await Promise.all([
        api.post(`/api/v1/action-plans/${plan.id}/commitments`, commitmentBody({ code: 'RAC0001' })),
        api.post(`/api/v1/action-plans/${plan.id}/commitments`, commitmentBody({ code: 'RAC0001' })),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = responses.find((r) => r.status === 409) as Response;
      expectProblem(refused, 409, 'commitment.code_taken', 'code');
      expect(await countRows(api, 'commitment')).toBe(before + 1);
      expect(await countRows(api, 'commitment', 'code = $1', ['RAC0001'])).toBe(1);
    });
  });

  describe('reading one', () => {
    let commitment: any;

    beforeAll(async () => {
      commitment = await aCommitment(api, plan.id, { code: 'RD0042' });
    });

    it('finds a commitment by code, by id and by code in any case, the same each time', async () => {
      const byCode = await api.get('/api/v1/commitments/RD0042');
      expect(byCode.status).toBe(200);
      expect(byCode.body).toEqual(commitment);
      expect(byCode.headers.etag).toBe(`"${commitment.version}"`);
      expect(String(byCode.headers['content-type'])).toContain('application/json');

      const byId = await api.get(`/api/v1/commitments/${commitment.id}`);
      expect(byId.status).toBe(200);
      expect(byId.body).toEqual(commitment);

      const byIdUpper = await api.get(`/api/v1/commitments/${commitment.id.toUpperCase()}`);
      expect(byIdUpper.status).toBe(200);
      expect(byIdUpper.body.id).toBe(commitment.id);

      for (const key of ['rd0042', 'Rd0042']) {
        const response = await api.get(`/api/v1/commitments/${key}`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual(commitment);
      }
    });

    it.each([
      ['an unknown code', 'ZZ9999'],
      ['an unknown id', UNKNOWN_UUID],
      ['a malformed id', 'not-a-commitment'],
      ['a malformed id with SQL in it', "x'%20OR%20'1'='1"],
    ])('answers 404 with a problem for %s', async (_name, key) => {
      const response = await api.get(`/api/v1/commitments/${key}`);
      expectProblem(response, 404, 'commitment.not_found');
    });

    it('offers no way to delete a commitment: DELETE gets a 4xx problem and the commitment stays', async () => {
      const response = await api.request('DELETE', '/api/v1/commitments/RD0042', undefined, {
        headers: { 'if-match': '*' },
      });
      expect([404, 405]).toContain(response.status);
      expectProblem(response, response.status);
      expect((await api.get('/api/v1/commitments/RD0042')).status).toBe(200);
    });

    it('answers a very long key with a 4xx problem, not a framework error', async () => {
      const response = await api.get(`/api/v1/commitments/${'K'.repeat(300)}`);
      expect([404, 414]).toContain(response.status);
      expectProblem(response, response.status);
    });
  });

  describe('listing with filters', () => {
    let memberA: any;
    let memberB: any;
    let planA1: any;
    let planA2: any;
    let planB: any;
    let alpha: any;
    let beta: any;

    const codes = (response: Response): string[] => response.body.items.map((c: any) => c.code);

    beforeAll(async () => {
      memberA = await aMember(api, { name: 'Filterland' });
      memberB = await aMember(api, { name: 'Otherland' });
      planA1 = await newPlan(api, memberA.code);
      planA2 = await newPlan(api, memberA.code);
      planB = await newPlan(api, memberB.code);
      alpha = await aTag(api, 'Filter Alpha');
      beta = await aTag(api, 'Filter Beta');
      await aCommitment(api, planA1.id, {
        code: 'FLT0001',
        title: 'Open the quokka registry',
        area: 'DIGITAL_STRATEGY_AND_POLICY',
        values: [{ value: 'ACCESS_TO_INFORMATION', justification: 'Published.' }],
        tags: [alpha.slug],
      });
      await aCommitment(api, planA2.id, {
        code: 'FLT0002',
        title: 'Co-design benefit services',
        problem: 'Platypus farmers cannot apply online.',
        area: 'SERVICE_CO_DESIGN',
        values: [
          { value: 'CIVIC_PARTICIPATION', justification: 'Co-design.' },
          { value: 'PUBLIC_ACCOUNTABILITY', justification: 'Audits.' },
        ],
        tags: [alpha.slug, beta.slug],
      });
      await aCommitment(api, planB.id, {
        code: 'FLT0003',
        title: 'Regulate algorithms',
        problem: 'Nobody audits the quokka scoring algorithm.',
        area: 'DIGITAL_STRATEGY_AND_POLICY',
        values: [{ value: 'PUBLIC_ACCOUNTABILITY', justification: 'Audits.' }],
        tags: [beta.slug],
      });
      await aCommitment(api, planB.id, {
        code: 'FLT0004',
        title: 'Something else entirely',
        area: null,
        values: [],
        tags: [],
      });
    });

    it('filters by member (in any case) and by action plan', async () => {
      expect(codes(await api.get(`/api/v1/commitments?member=${memberA.code}`))).toEqual([
        'FLT0001',
        'FLT0002',
      ]);
      expect(codes(await api.get(`/api/v1/commitments?member=${memberA.code.toLowerCase()}`))).toEqual([
        'FLT0001',
        'FLT0002',
      ]);
      expect(codes(await api.get(`/api/v1/commitments?member=${memberB.code}`))).toEqual([
        'FLT0003',
        'FLT0004',
      ]);
      expect(codes(await api.get(`/api/v1/commitments?actionPlan=${planA2.id}`))).toEqual(['FLT0002']);
      expect(codes(await api.get(`/api/v1/commitments?actionPlan=${planB.id}`))).toEqual([
        'FLT0003',
        'FLT0004',
      ]);
      const unknownMember = await api.get('/api/v1/commitments?member=QQQ');
      expect(unknownMember.status).toBe(200);
      expect(unknownMember.body).toEqual({ items: [], nextCursor: null });
      expect((await api.get(`/api/v1/commitments?actionPlan=${UNKNOWN_UUID}`)).body.items).toEqual([]);
    });

    it('filters by area, OGP value and tag', async () => {
      const byArea = await api.get('/api/v1/commitments?area=DIGITAL_STRATEGY_AND_POLICY&limit=200');
      expect(byArea.status).toBe(200);
      expect(codes(byArea)).toEqual(expect.arrayContaining(['FLT0001', 'FLT0003']));
      expect(codes(byArea)).not.toContain('FLT0002');
      expect(codes(byArea)).not.toContain('FLT0004');
      expect(byArea.body.items.every((c: any) => c.area === 'DIGITAL_STRATEGY_AND_POLICY')).toBe(true);

      const byValue = await api.get('/api/v1/commitments?value=PUBLIC_ACCOUNTABILITY&limit=200');
      expect(codes(byValue)).toEqual(expect.arrayContaining(['FLT0002', 'FLT0003']));
      expect(codes(byValue)).not.toContain('FLT0001');
      expect(
        byValue.body.items.every((c: any) => c.values.some((v: any) => v.value === 'PUBLIC_ACCOUNTABILITY')),
      ).toBe(true);

      expect(codes(await api.get(`/api/v1/commitments?tag=${alpha.slug}`))).toEqual(['FLT0001', 'FLT0002']);
      expect(codes(await api.get(`/api/v1/commitments?tag=${beta.slug}`))).toEqual(['FLT0002', 'FLT0003']);
      expect((await api.get('/api/v1/commitments?tag=no-such-tag')).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('finds words in the title or the problem, stemmed and in any case', async () => {
      expect(codes(await api.get('/api/v1/commitments?q=quokka'))).toEqual(['FLT0001', 'FLT0003']);
      expect(codes(await api.get('/api/v1/commitments?q=Quokkas'))).toEqual(['FLT0001', 'FLT0003']);
      expect(codes(await api.get('/api/v1/commitments?q=platypus'))).toEqual(['FLT0002']);
      expect(codes(await api.get(`/api/v1/commitments?q=${encodeURIComponent('quokka scoring')}`))).toEqual([
        'FLT0003',
      ]);
      expect(
        codes(await api.get(`/api/v1/commitments?q=${encodeURIComponent('quokka -algorithm')}`)),
      ).toEqual(['FLT0001']);
      expect(codes(await api.get(`/api/v1/commitments?q=${encodeURIComponent('"unmatched quote')}`))).toEqual(
        [],
      );
      expect(codes(await api.get('/api/v1/commitments?q=wombat'))).toEqual([]);
    });

    it('combines filters', async () => {
      expect(
        codes(await api.get(`/api/v1/commitments?member=${memberA.code}&area=DIGITAL_STRATEGY_AND_POLICY`)),
      ).toEqual(['FLT0001']);
      expect(
        codes(await api.get(`/api/v1/commitments?member=${memberB.code}&area=DIGITAL_STRATEGY_AND_POLICY`)),
      ).toEqual(['FLT0003']);
      expect(
        codes(await api.get(`/api/v1/commitments?member=${memberA.code}&value=PUBLIC_ACCOUNTABILITY`)),
      ).toEqual(['FLT0002']);
      expect(
        codes(await api.get(`/api/v1/commitments?tag=${beta.slug}&value=PUBLIC_ACCOUNTABILITY&q=quokka`)),
      ).toEqual(['FLT0003']);
      expect(codes(await api.get(`/api/v1/commitments?actionPlan=${planA1.id}&tag=${beta.slug}`))).toEqual(
        [],
      );
      expect(
        codes(await api.get(`/api/v1/commitments?member=${memberB.code}&actionPlan=${planA1.id}`)),
      ).toEqual([]);
    });

    it.each([
      ['an unknown filter', 'colour=blue', 'colour'],
      ['a status filter, which commitments do not have', 'status=ACTIVE', 'status'],
      ['an unknown area', 'area=BLOCKCHAIN', 'area'],
      ['an area in lower case', 'area=service_co_design', 'area'],
      ['an unknown OGP value', 'value=HAPPINESS', 'value'],
      ['a plan that is not a uuid', 'actionPlan=42', 'actionPlan'],
      ['a member code too long', 'member=KENYA', 'member'],
      ['a tag that is not a slug', 'tag=Open%20Data', 'tag'],
      ['an empty search', 'q=', 'q'],
      ['a search of 201 characters', `q=${'a'.repeat(201)}`, 'q'],
      ['a member given twice', 'member=KEN&member=PNG', 'member'],
    ])('refuses %s with 400', async (_name, query, field) => {
      const response = await api.get(`/api/v1/commitments?${query}`);
      expectProblem(response, 400, 'validation.failed', field);
      expect(response.body.errors[0].field).toBe(field);
    });
  });

  describe('pagination', () => {
    let pagedPlan: any;
    const CODES = ['PGE0005', 'PGA0001', 'PGD0004', 'PGB0002', 'PGC0003'];

    beforeAll(async () => {
      const pagedMember = await aMember(api);
      pagedPlan = await newPlan(api, pagedMember.code);
      for (const code of CODES) await aCommitment(api, pagedPlan.id, { code });
    });

    it('walks every page with limit=2 in code order, with no repeat or gap, and a Link header except on the last', async () => {
      const { pages, codes } = await walk(api, `/api/v1/commitments?actionPlan=${pagedPlan.id}&limit=2`);
      expect(pages).toEqual([['PGA0001', 'PGB0002'], ['PGC0003', 'PGD0004'], ['PGE0005']]);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('walks the whole register without repeats or gaps', async () => {
      const all = await api.get('/api/v1/commitments?limit=200');
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.headers.link).toBeUndefined();
      const expected = all.body.items.map((c: any) => c.code);
      expect(expected).toEqual([...expected].sort());
      expect(expected.length).toBe(await countRows(api, 'commitment'));
      const { codes } = await walk(api, '/api/v1/commitments?limit=3');
      expect(codes).toEqual(expected);
    });

    it('walks the pages of the nested list of a plan the same way', async () => {
      const { pages } = await walk(api, `/api/v1/action-plans/${pagedPlan.id}/commitments?limit=2`);
      expect(pages).toEqual([['PGA0001', 'PGB0002'], ['PGC0003', 'PGD0004'], ['PGE0005']]);
    });

    it('has no next page when the last page is exactly full', async () => {
      const response = await api.get(`/api/v1/commitments?actionPlan=${pagedPlan.id}&limit=5`);
      expect(response.body.items).toHaveLength(5);
      expect(response.body.nextCursor).toBeNull();
      expect(response.headers.link).toBeUndefined();
    });

    it.each([
      ['garbage', 'not-a-cursor!!'],
      ['base64 of something that is not a cursor', Buffer.from('{"a":1}').toString('base64url')],
      ['a cursor with two keys', Buffer.from('["PGA0001","x"]').toString('base64url')],
      ['a cursor holding an object', Buffer.from('[{"code":"PGA0001"}]').toString('base64url')],
    ])('refuses an invalid cursor (%s) with 400 pagination.invalid_cursor', async (_name, cursor) => {
      const response = await api.get(`/api/v1/commitments?limit=2&cursor=${encodeURIComponent(cursor)}`);
      expectProblem(response, 400, 'pagination.invalid_cursor', 'cursor');
    });

    it.each(['0', '201', '-1', '1.5', 'ten', ''])('refuses limit=%s', async (limit) => {
      const response = await api.get(`/api/v1/commitments?limit=${limit}`);
      expectProblem(response, 400, 'validation.failed', 'limit');
    });

    it('accepts limit=1 and limit=200', async () => {
      const one = await api.get(`/api/v1/commitments?actionPlan=${pagedPlan.id}&limit=1`);
      expect(one.status).toBe(200);
      expect(one.body.items.map((c: any) => c.code)).toEqual(['PGA0001']);
      expect(one.body.nextCursor).toEqual(expect.any(String));
      expect((await api.get('/api/v1/commitments?limit=200')).status).toBe(200);
    });
  });

  describe('the nested list of a plan', () => {
    it("lists only that plan's commitments, in code order", async () => {
      const nestedMember = await aMember(api);
      const planOne = await newPlan(api, nestedMember.code);
      const planTwo = await newPlan(api, nestedMember.code);
      await aCommitment(api, planOne.id, { code: 'NST0002' });
      await aCommitment(api, planOne.id, { code: 'NST0001' });
      await aCommitment(api, planTwo.id, { code: 'NST0003' });
      const response = await api.get(`/api/v1/action-plans/${planOne.id}/commitments`);
      expect(response.status).toBe(200);
      expect(response.body.items.map((c: any) => c.code)).toEqual(['NST0001', 'NST0002']);
      expect(response.body.items.every((c: any) => c.actionPlan.id === planOne.id)).toBe(true);
      expect(response.body.nextCursor).toBeNull();
      const empty = await newPlan(api, nestedMember.code);
      expect((await api.get(`/api/v1/action-plans/${empty.id}/commitments`)).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it.each([
      ['an unknown plan', UNKNOWN_UUID],
      ['a malformed plan id', 'plan-one'],
    ])('answers 404 for %s', async (_name, id) => {
      expectProblem(await api.get(`/api/v1/action-plans/${id}/commitments`), 404, 'action_plan.not_found');
    });

    it('refuses filters of the flat list and bad paging', async () => {
      expectProblem(
        await api.get(`/api/v1/action-plans/${plan.id}/commitments?member=KEN`),
        400,
        'validation.failed',
        'member',
      );
      expectProblem(
        await api.get(`/api/v1/action-plans/${plan.id}/commitments?limit=0`),
        400,
        'validation.failed',
        'limit',
      );
      expectProblem(await api.get(`/api/v1/action-plans/${plan.id}/commitments?cursor=%%%`), 400);
    });
  });

  describe('PATCH', () => {
    let tagOne: any;
    let tagTwo: any;
    let institutionOne: any;
    let institutionTwo: any;
    let targetOne: any;
    let targetTwo: any;

    beforeAll(async () => {
      tagOne = await aTag(api, 'Patch One');
      tagTwo = await aTag(api, 'Patch Two');
      institutionOne = await anInstitution(api, { name: 'Patch Agency One' });
      institutionTwo = await anInstitution(api, { name: 'Patch Agency Two' });
      targetOne = await aCommitment(api, plan.id);
      targetTwo = await aCommitment(api, plan.id);
    });

    const url = (c: any) => `/api/v1/commitments/${c.code}`;

    /** The commitment as stored and shown, and the audit log size: what a refusal must not change. */
    async function state(c: any): Promise<{ body: any; audit: number; counts: Record<string, number> }> {
      const response = await api.get(url(c));
      return {
        body: response.body,
        audit: await countRows(api, 'audit_log'),
        counts: await storedCounts(api),
      };
    }

    it('requires If-Match: 428, nothing changed', async () => {
      const c = await aCommitment(api, plan.id);
      const before = await state(c);
      const response = await api.request('PATCH', url(c), { title: 'Changed without reading' });
      expectProblem(response, 428, 'precondition.if_match_required');
      expect(await state(c)).toEqual(before);
    });

    it('refuses a stale If-Match with 412, nothing changed', async () => {
      const c = await aCommitment(api, plan.id);
      const first = await api.patch(url(c), { title: 'First edit' });
      expect(first.status).toBe(200);
      const before = await state(c);
      const response = await api.patch(url(c), { title: 'Lost update' }, { 'if-match': `"${c.version}"` });
      expectProblem(response, 412, 'precondition.stale_version');
      expect(await state(c)).toEqual(before);
      expect(before.body.title).toBe('First edit');
    });

    it.each(['abc', '"v1"', '1', '"-1"'])(
      'refuses a malformed If-Match (%s), nothing changed',
      async (ifMatch) => {
        const c = await aCommitment(api, plan.id);
        const before = await state(c);
        const response = await api.patch(
          url(c),
          { title: 'Malformed precondition' },
          { 'if-match': ifMatch },
        );
        expect([400, 412]).toContain(response.status);
        expectProblem(response, response.status);
        expect(await state(c)).toEqual(before);
      },
    );

    it('changes fields, bumps the version and the ETag, and records before and after', async () => {
      const c = await aCommitment(api, plan.id, { title: 'Before the change' });
      const auditBefore = await countRows(api, 'audit_log');
      const response = await api.patch(url(c), {
        title: 'After the change',
        problem: null,
        area: 'TECHNOLOGY_REGULATION',
        endDate: '2026-07-01',
        endDatePrecision: 'SEMESTER',
        leadInstitutionId: institutionOne.id,
        participationLevel: 'INVOLVE',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: c.id,
        code: c.code,
        title: 'After the change',
        problem: null,
        area: 'TECHNOLOGY_REGULATION',
        startDate: c.startDate,
        endDate: '2026-07-01',
        endDatePrecision: 'SEMESTER',
        leadInstitution: { id: institutionOne.id, name: 'Patch Agency One', type: 'GOVERNMENT_AGENCY' },
        participationLevel: 'INVOLVE',
        values: c.values,
        version: c.version + 1,
      });
      expect(response.headers.etag).toBe(`"${c.version + 1}"`);
      expect(response.body.updatedAt >= c.updatedAt).toBe(true);
      expect(response.body.createdAt).toBe(c.createdAt);
      expect((await api.get(url(c))).body).toEqual(response.body);
      expect(await countRows(api, 'audit_log')).toBe(auditBefore + 1);
      const [audit] = await api.query<any>(
        `SELECT action, before, after FROM audit_log WHERE resource_type = 'commitment' AND resource_id = $1 ORDER BY id DESC LIMIT 1`,
        [c.id],
      );
      expect(audit.action).toBe('UPDATE');
      expect(audit.before).toMatchObject({ title: 'Before the change', version: c.version });
      expect(audit.after).toMatchObject({ title: 'After the change', version: c.version + 1 });

      // The lead institution can be removed again.
      const cleared = await api.patch(url(c), { leadInstitutionId: null, area: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ leadInstitution: null, area: null, version: c.version + 2 });
    });

    it('replaces the lists given (tags, values, links, supporting institutions) and leaves the others alone', async () => {
      const c = await aCommitment(api, plan.id, {
        tags: [tagOne.slug],
        values: [{ value: 'CIVIC_PARTICIPATION', justification: 'Hearings.' }],
        links: [{ type: 'IMPLEMENTS', target: targetOne.code }],
        supportingInstitutionIds: [institutionOne.id],
      });
      const tagsOnly = await api.patch(url(c), { tags: [tagTwo.slug] });
      expect(tagsOnly.status).toBe(200);
      expect(tagsOnly.body).toMatchObject({
        tags: [tagTwo.slug],
        values: [{ value: 'CIVIC_PARTICIPATION', justification: 'Hearings.' }],
        links: [{ type: 'IMPLEMENTS', target: targetOne.code }],
        supportingInstitutions: [{ id: institutionOne.id }],
        version: c.version + 1,
      });

      const rest = await api.patch(url(c), {
        values: [
          { value: 'ACCESS_TO_INFORMATION', justification: 'Open data.' },
          { value: 'TECHNOLOGY_AND_INNOVATION', justification: 'New platform.' },
        ],
        links: [
          { type: 'MONITORS', target: targetTwo.code },
          { type: 'CONTINUES', target: targetOne.code },
        ],
        supportingInstitutionIds: [institutionTwo.id],
      });
      expect(rest.status).toBe(200);
      expect(rest.body.values).toEqual([
        { value: 'ACCESS_TO_INFORMATION', justification: 'Open data.' },
        { value: 'TECHNOLOGY_AND_INNOVATION', justification: 'New platform.' },
      ]);
      expect(rest.body.links).toHaveLength(2);
      expect(rest.body.links).toEqual(
        expect.arrayContaining([
          { type: 'MONITORS', target: targetTwo.code },
          { type: 'CONTINUES', target: targetOne.code },
        ]),
      );
      expect(rest.body.supportingInstitutions).toEqual([
        { id: institutionTwo.id, name: 'Patch Agency Two', type: 'GOVERNMENT_AGENCY' },
      ]);
      expect(rest.body.tags).toEqual([tagTwo.slug]);
      expect(rest.body.version).toBe(c.version + 2);

      expect(await countRows(api, 'commitment_value', 'commitment_id = $1', [c.id])).toBe(2);
      expect(await countRows(api, 'commitment_tag', 'commitment_id = $1', [c.id])).toBe(1);
      expect(await countRows(api, 'commitment_link', 'from_commitment_id = $1', [c.id])).toBe(2);
      expect(await countRows(api, 'commitment_supporting_institution', 'commitment_id = $1', [c.id])).toBe(1);

      const emptied = await api.patch(url(c), {
        tags: [],
        values: [],
        links: [],
        supportingInstitutionIds: [],
      });
      expect(emptied.status).toBe(200);
      expect(emptied.body).toMatchObject({
        tags: [],
        values: [],
        links: [],
        supportingInstitutions: [],
        version: c.version + 3,
      });
      expect(await countRows(api, 'commitment_value', 'commitment_id = $1', [c.id])).toBe(0);
      expect(await countRows(api, 'commitment_link', 'from_commitment_id = $1', [c.id])).toBe(0);
    });

    it('removes the contact person with contact: null, and sets one again, shown to signed-in users only', async () => {
      const email = 'poc.person@example.gov';
      const c = await aCommitment(api, plan.id, { contact: { name: 'Poc Person', email } });
      expect(c.contactOnFile).toBe(true);
      const removed = await api.patch(url(c), { contact: null });
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ contactOnFile: false, version: c.version + 1 });
      expect(await countRows(api, 'commitment_contact', 'commitment_id = $1', [c.id])).toBe(0);
      expect((await api.get(url(c))).body.contactOnFile).toBe(false);

      const other = 'new.poc@example.gov';
      const set = await api.patch(url(c), {
        contact: { name: 'New Poc', email: other, phone: '+1 (555) 010-2030' },
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ contactOnFile: true, version: c.version + 2 });
      expect(set.body.contact).toMatchObject({ name: 'New Poc', email: other });
      const anonymous = await api.anonymous.get(url(c));
      expect(anonymous.body.contactOnFile).toBe(true);
      expect(anonymous.text).not.toContain(other);
      expect(anonymous.text).not.toContain('New Poc');
      const [row] = await api.query<any>(
        'SELECT name, email FROM commitment_contact WHERE commitment_id = $1',
        [c.id],
      );
      expect(row).toEqual({ name: 'New Poc', email: other });
      const audit = await api.query<any>(`SELECT before, after FROM audit_log WHERE resource_id = $1`, [
        c.id,
      ]);
      expect(JSON.stringify(audit)).not.toContain(other);
      expect(JSON.stringify(audit)).not.toContain(email);
    });

    it('keeps the version, the ETag and the audit log when nothing actually changes', async () => {
      const c = await aCommitment(api, plan.id, {
        tags: [tagOne.slug, tagTwo.slug],
        values: [{ value: 'CIVIC_PARTICIPATION', justification: 'Hearings.' }],
      });
      const auditBefore = await countRows(api, 'audit_log');
      const response = await api.patch(url(c), {
        title: c.title,
        number: c.number,
        area: c.area,
        startDate: c.startDate,
        tags: [tagTwo.slug, tagOne.slug],
        values: [{ value: 'CIVIC_PARTICIPATION', justification: 'Hearings.' }],
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual(c);
      expect(response.headers.etag).toBe(`"${c.version}"`);
      expect((await api.patch(url(c), {})).body.version).toBe(c.version);
      expect((await api.get(url(c))).body).toEqual(c);
      expect(await countRows(api, 'audit_log')).toBe(auditBefore);
    });

    it('keeps the version when removing a contact that was never there', async () => {
      const c = await aCommitment(api, plan.id);
      expect(c.contactOnFile).toBe(false);
      const auditBefore = await countRows(api, 'audit_log');
      const response = await api.patch(url(c), { contact: null });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(c.version);
      expect(response.headers.etag).toBe(`"${c.version}"`);
      expect(await countRows(api, 'audit_log')).toBe(auditBefore);
    });

    it('accepts If-Match: * and a weak ETag', async () => {
      const c = await aCommitment(api, plan.id);
      const star = await api.patch(url(c), { title: 'Any version' }, { 'if-match': '*' });
      expect(star.status).toBe(200);
      const weak = await api.patch(
        url(c),
        { title: 'Weak match' },
        { 'if-match': `W/"${star.body.version}"` },
      );
      expect(weak.status).toBe(200);
      expect(weak.body.version).toBe(c.version + 2);
    });

    const refusals: [string, (c: any) => Record<string, unknown>, number, string, string | undefined][] = [
      ['title: null', () => ({ title: null }), 400, 'validation.failed', 'title'],
      ['number: null', () => ({ number: null }), 400, 'validation.failed', 'number'],
      ['an empty title', () => ({ title: '' }), 400, 'validation.failed', 'title'],
      ['a change of code', () => ({ code: 'NEW0001' }), 400, 'validation.failed', 'code'],
      ['a change of plan', () => ({ actionPlanId: UNKNOWN_UUID }), 400, 'validation.failed', 'actionPlanId'],
      ['a version in the body', (c) => ({ version: c.version + 5 }), 400, 'validation.failed', 'version'],
      ['tags: null', () => ({ tags: null }), 400, 'validation.failed', 'tags'],
      [
        'startDatePrecision: null',
        () => ({ startDatePrecision: null }),
        400,
        'validation.failed',
        'startDatePrecision',
      ],
      [
        'an end before the stored start',
        () => ({ endDate: '2024-12-01' }),
        422,
        'commitment.invalid',
        'endDate',
      ],
      [
        'a precision the stored start is not aligned to',
        () => ({ startDatePrecision: 'YEAR', startDate: '2025-03-01' }),
        422,
        'commitment.invalid',
        'startDate',
      ],
      ['an unknown tag', () => ({ tags: ['no-such-tag'] }), 422, 'tag.not_found', 'tags[0]'],
      [
        'a link to itself',
        (c) => ({ links: [{ type: 'MONITORS', target: c.code }] }),
        422,
        'commitment.invalid',
        'links[0].target',
      ],
      [
        'a link to an unknown commitment',
        () => ({ links: [{ type: 'MONITORS', target: 'ZZ9998' }] }),
        422,
        'commitment.link_target_not_found',
        'links[0].target',
      ],
      [
        'an unknown lead institution',
        () => ({ leadInstitutionId: UNKNOWN_UUID }),
        422,
        'institution.not_found',
        'leadInstitutionId',
      ],
      [
        'a repeated value',
        () => ({
          values: [
            { value: 'ACCESS_TO_INFORMATION', justification: 'a' },
            { value: 'ACCESS_TO_INFORMATION', justification: 'b' },
          ],
        }),
        422,
        'commitment.invalid',
        'values[1].value',
      ],
      ['a number taken in the plan', () => ({ number: 'TAKEN-1' }), 409, 'commitment.number_taken', 'number'],
    ];

    it.each(refusals)('refuses %s and changes nothing', async (_name, makeBody, status, code, field) => {
      if ((await countRows(api, 'commitment', `number = 'TAKEN-1'`)) === 0)
        await aCommitment(api, plan.id, { number: 'TAKEN-1' });
      const c = await aCommitment(api, plan.id, {
        tags: [tagOne.slug],
        startDate: '2025-01-01',
        endDate: '2026-06-30',
      });
      const before = await state(c);
      const response = await api.patch(url(c), makeBody(c));
      expectProblem(response, status, code, field);
      expect(await state(c)).toEqual(before);
    });

    it('answers 404 for an unknown commitment, given a version', async () => {
      const response = await api.patch('/api/v1/commitments/ZZ9997', { title: 'x' }, { 'if-match': '"1"' });
      expectProblem(response, 404, 'commitment.not_found');
    });

    it('lets one of two concurrent changes from the same version win, and refuses the other with 412', async () => {
      const c = await aCommitment(api, plan.id);
      const ifMatch = { 'if-match': `"${c.version}"` };
      const responses = await Promise.all([
        api.patch(url(c), { title: 'Edit from tab one' }, ifMatch),
        api.patch(url(c), { title: 'Edit from tab two' }, ifMatch),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = responses.find((r) => r.status === 200) as Response;
      const stored = await api.get(url(c));
      expect(stored.body.title).toBe(winner.body.title);
      expect(stored.body.version).toBe(c.version + 1);
    });
  });

  describe('conditional GET', () => {
    it('answers 304 with an empty body to a client that has the current version, and 200 after a change', async () => {
      const c = await aCommitment(api, plan.id);
      const url = `/api/v1/commitments/${c.code}`;
      const first = await api.get(url);
      const etag = String(first.headers.etag);
      expect(etag).toBe(`"${c.version}"`);

      const notModified = await api.get(url, { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.body).toBeUndefined();

      expect((await api.get(url, { 'if-none-match': `W/${etag}` })).status).toBe(304);
      expect((await api.get(url, { 'if-none-match': `"999", ${etag}` })).status).toBe(304);
      expect((await api.get(`/api/v1/commitments/${c.id}`, { 'if-none-match': etag })).status).toBe(304);
      const other = await api.get(url, { 'if-none-match': '"999"' });
      expect(other.status).toBe(200);
      expect(other.body).toEqual(first.body);

      const patched = await api.patch(url, { title: 'Changed since you read it' });
      expect(patched.status).toBe(200);
      const stale = await api.get(url, { 'if-none-match': etag });
      expect(stale.status).toBe(200);
      expect(stale.body.title).toBe('Changed since you read it');
      expect(stale.headers.etag).toBe(`"${c.version + 1}"`);
      expect((await api.get(url, { 'if-none-match': String(stale.headers.etag) })).status).toBe(304);
    });

    it('never answers 304 to an error', async () => {
      const response = await api.get('/api/v1/commitments/ZZ9996', { 'if-none-match': '*' });
      expectProblem(response, 404, 'commitment.not_found');
    });
  });

  describe('Idempotency-Key on create', () => {
    const createUrl = () => `/api/v1/action-plans/${plan.id}/commitments`;

    it('replays the first answer to the same key and body, and keeps one commitment', async () => {
      const body = commitmentBody({ code: 'IDM0001' });
      const headers = { 'idempotency-key': 'create-IDM0001-attempt' };
      const first = await api.post(createUrl(), body, headers);
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const auditAfterFirst = await countRows(api, 'audit_log');

      const again = await api.post(createUrl(), body, headers);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers.etag).toBe(first.headers.etag);

      // The same body with its keys in another order is the same request.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const third = await api.post(createUrl(), reordered, headers);
      expect(third.status).toBe(201);
      expect(third.body.id).toBe(first.body.id);

      expect(await countRows(api, 'commitment', 'code = $1', ['IDM0001'])).toBe(1);
      expect(await countRows(api, 'audit_log')).toBe(auditAfterFirst);
    });

    it('refuses the same key with another body with 422 idempotency.key_reused, writing nothing', async () => {
      const headers = { 'idempotency-key': 'create-IDM0002-attempt' };
      const first = await api.post(createUrl(), commitmentBody({ code: 'IDM0002' }), headers);
      expect(first.status).toBe(201);
      const before = await storedCounts(api);
      const other = await api.post(createUrl(), commitmentBody({ code: 'IDM0003' }), headers);
      expectProblem(other, 422, 'idempotency.key_reused');
      expect(await storedCounts(api)).toEqual(before);
      expect(await countRows(api, 'commitment', 'code = $1', ['IDM0003'])).toBe(0);
    });

    it('lets a client fix a refused request and retry it with the same key', async () => {
      const headers = { 'idempotency-key': 'create-IDM0004-attempt' };
      const refused = await api.post(
        createUrl(),
        commitmentBody({ code: 'IDM0004', tags: ['not-yet-a-tag'] }),
        headers,
      );
      expectProblem(refused, 422, 'tag.not_found', 'tags[0]');
      const fixed = await api.post(createUrl(), commitmentBody({ code: 'IDM0004' }), headers);
      expect(fixed.status).toBe(201);
      expect(fixed.headers['idempotent-replayed']).toBeUndefined();
      expect(await countRows(api, 'commitment', 'code = $1', ['IDM0004'])).toBe(1);
    });

    it('creates one commitment when the same request is sent twice at once', async () => {
      const body = commitmentBody({ code: 'IDM0007' });
      const headers = { 'idempotency-key': 'create-IDM0007-twice' };
      const responses = await Promise.all([
        api.post(createUrl(), body, headers),
        api.post(createUrl(), body, headers),
      ]);
      for (const response of responses) {
        expect([201, 409]).toContain(response.status);
        if (response.status === 409) expectProblem(response, 409, 'idempotency.in_progress');
      }
      expect(responses.some((r) => r.status === 201)).toBe(true);
      expect(await countRows(api, 'commitment', 'code = $1', ['IDM0007'])).toBe(1);
      const retried = await api.post(createUrl(), body, headers);
      expect(retried.status).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(await countRows(api, 'commitment', 'code = $1', ['IDM0007'])).toBe(1);
    });

    it('does not mix up the same key used on different plans', async () => {
      const otherPlan = await newPlan(api, member.code);
      const headers = { 'idempotency-key': 'shared-key' };
      const one = await api.post(createUrl(), commitmentBody({ code: 'IDM0005', number: 'x1' }), headers);
      const two = await api.post(
        `/api/v1/action-plans/${otherPlan.id}/commitments`,
        commitmentBody({ code: 'IDM0006', number: 'x1' }),
        headers,
      );
      expect([one.status, two.status]).toEqual([201, 201]);
      expect(two.body.id).not.toBe(one.body.id);
    });

    it.each([
      ['too long', 'k'.repeat(201)],
      ['with a non-ASCII character', 'clé-1'],
    ])('refuses a key %s with 400, writing nothing', async (_name, key) => {
      const before = await storedCounts(api);
      const response = await api.post(createUrl(), commitmentBody(), { 'idempotency-key': key });
      expectProblem(response, 400, 'idempotency.invalid_key');
      expect(await storedCounts(api)).toEqual(before);
    });
  });
});
