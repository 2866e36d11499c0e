import { createHash } from 'node:crypto';
import { UUID, countRows, expectProblem, walk } from './support/assertions.js';
import { aCommitment, aMember, aMilestone, aPlan } from './support/factories.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';

const UNKNOWN_UUID = '3b9d6a4e-5c1f-4e2a-8d7b-9f0e1a2b3c4d';

/** Lets the clock move on, so that records posted one after the other never share a millisecond. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// Small documents of each kind, told apart by their content.
const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const OTHER_PDF = Buffer.from('%PDF-1.7\n% the revised shadow report, with the annex\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  Buffer.from('IHDR'),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]),
]);
const CSV = Buffer.from('county,hearings_held,attendance\nNairobi,3,412\nMombasa,0,0\n');
const TEXT = Buffer.from('Notes of the forum meeting: 40 people attended, minutes to follow.\n');
/** A Windows executable, whatever its name says. */
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
  Buffer.from('This program cannot be run in DOS mode.'),
]);

/** A request with a raw body, and the raw bytes of the answer. */
async function raw(
  as: TestApp,
  method: 'GET' | 'PUT',
  url: string,
  payload?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Response & { bytes: Buffer }> {
  const response = await as.app.inject({
    method,
    url,
    headers: { ...(as.token ? { authorization: `Bearer ${as.token}` } : {}), ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    headers: response.headers,
    body: type.includes('json') && response.body.length > 0 ? JSON.parse(response.body) : undefined,
    text: response.body,
    bytes: response.rawPayload,
  };
}

const evidenceUrl = (c: any) => `/api/v1/commitments/${c.code}/evidence`;
const itemUrl = (id: string) => `/api/v1/evidence/${id}`;
const documentUrl = (id: string, reference: string) => `/api/v1/evidence/${id}/documents/${reference}`;
const repliesUrl = (id: string) => `/api/v1/evidence/${id}/replies`;
const hideUrl = (id: string) => `/api/v1/evidence/${id}/hide`;
const hideReplyUrl = (id: string) => `/api/v1/evidence-replies/${id}/hide`;
const agreementUrl = (c: any) => `/api/v1/commitments/${c.code}/agreement`;

function upload(
  as: TestApp,
  id: string,
  reference: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
): Promise<Response & { bytes: Buffer }> {
  return raw(as, 'PUT', documentUrl(id, reference), bytes, {
    'content-type': 'application/octet-stream',
    ...headers,
  });
}

function download(as: TestApp, id: string, reference: string, headers: Record<string, string> = {}) {
  return raw(as, 'GET', documentUrl(id, reference), undefined, headers);
}

const evidenceBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'SOCIAL_AUDIT',
  title: 'Social audit of the county hearings',
  summary: 'Volunteers attended the hearings and compared attendance with the official report.',
  stance: 'CONFIRMS',
  ...overrides,
});

/** Submits evidence (the caller's rules apply) and waits a tick so that the next one is newer. */
async function submit(as: TestApp, c: any, overrides: Record<string, unknown> = {}): Promise<any> {
  const response = await as.post(evidenceUrl(c), evidenceBody(overrides));
  if (response.status !== 201) throw new Error(`evidence: ${response.status} ${response.text}`);
  await tick();
  return response.body;
}

/** Replies and returns the new reply (the answer is the whole evidence item with its thread). */
async function reply(as: TestApp, evidence: any, body: string): Promise<any> {
  const response = await as.post(repliesUrl(evidence.id), { body });
  if (response.status !== 201) throw new Error(`reply: ${response.status} ${response.text}`);
  await tick();
  return response.body.replies[response.body.replies.length - 1];
}

describe(`oversight evidence (${ENGINE})`, () => {
  let api: TestApp;
  let memberA: any;
  let memberB: any;
  let planA: any;
  let orgA: any;
  let orgB: any;
  let pocA: TestApp;
  let pocAUser: any;
  let pocB: TestApp;
  let pocBUser: any;
  let civilA: TestApp;
  let civilAUser: any;
  let civilA2: TestApp;
  let civilB: TestApp;
  let civilBUser: any;
  let assessorA: TestApp;

  beforeAll(async () => {
    api = await TestApp.start();
    memberA = await aMember(api, { name: 'Kenya' });
    memberB = await aMember(api, { name: 'Papua New Guinea' });
    planA = await aPlan(api, memberA.code);
    const a = await api.post('/api/v1/organisations', {
      name: 'Open Budget Coalition',
      type: 'CIVIL_SOCIETY',
    });
    expect(a.status).toBe(201);
    orgA = a.body;
    const b = await api.post('/api/v1/organisations', {
      name: 'Digital Rights Watch',
      type: 'CIVIL_SOCIETY',
    });
    expect(b.status).toBe(201);
    orgB = b.body;

    const pa = await api.createUser({
      name: 'POC of A',
      email: 'poc.a@example.org',
      role: 'government_poc',
      member: memberA.code,
    });
    pocA = api.as(pa.token);
    pocAUser = pa.user;
    const pb = await api.createUser({
      name: 'POC of B',
      email: 'poc.b@example.org',
      role: 'government_poc',
      member: memberB.code,
    });
    pocB = api.as(pb.token);
    pocBUser = pb.user;
    const ca = await api.createUser({
      name: 'Civic watcher',
      email: 'watcher@budget.example.org',
      role: 'civil_society',
      organisation: orgA.id,
    });
    civilA = api.as(ca.token);
    civilAUser = ca.user;
    civilA2 = await api.signIn({
      name: 'Second watcher',
      email: 'second@budget.example.org',
      role: 'civil_society',
      organisation: orgA.id,
    });
    const cb = await api.createUser({
      name: 'Rights researcher',
      email: 'researcher@rights.example.org',
      role: 'civil_society',
      organisation: orgB.id,
    });
    civilB = api.as(cb.token);
    civilBUser = cb.user;
    assessorA = await api.signIn({
      name: 'IRM researcher',
      email: 'irm@example.org',
      role: 'assessor',
      assignedMembers: [memberA.code],
    });
  });
  afterAll(() => api.close());

  /** What a refused request must leave as it was. Refused attempts on others' records are logged apart (DENIED). */
  async function written(): Promise<Record<string, number>> {
    return {
      evidence: await countRows(api, 'evidence'),
      documents: await countRows(api, 'evidence_document'),
      uploaded: await countRows(api, 'evidence_document', 'content IS NOT NULL'),
      replies: await countRows(api, 'evidence_reply'),
      hidden: await countRows(api, 'evidence', 'hidden_at IS NOT NULL'),
      audit: await countRows(api, 'audit_log', `action <> 'DENIED'`),
    };
  }

  async function progress(as: TestApp, c: any, reportedCompletion: string): Promise<void> {
    const response = await as.post(`/api/v1/commitments/${c.code}/progress-updates`, {
      reportedCompletion,
      narrative: `The government reports ${reportedCompletion.toLowerCase()} completion.`,
    });
    if (response.status !== 201) throw new Error(`progress: ${response.status} ${response.text}`);
    await tick();
  }

  async function listed(as: TestApp, c: any, query = ''): Promise<string[]> {
    const response = await as.get(`${evidenceUrl(c)}?limit=200${query}`);
    expect(response.status).toBe(200);
    return response.body.items.map((e: any) => e.id);
  }

  async function timeline(c: any, as: TestApp = api.anonymous): Promise<any[]> {
    const { items } = await walk(as, `/api/v1/commitments/${c.code}/timeline?limit=200`);
    return items.filter((e: any) => e.kind === 'EVIDENCE' || e.kind === 'EVIDENCE_REPLY');
  }

  async function history(c: any): Promise<any[]> {
    return (await walk(api.anonymous, `/api/v1/commitments/${c.code}/history?limit=200`)).items;
  }

  describe('submitting', () => {
    let c: any;
    let m: any;
    let update: any;
    let otherMilestone: any;
    let otherUpdate: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      m = await aMilestone(api, c.code);
      const u = await pocA.post(`/api/v1/commitments/${c.code}/progress-updates`, {
        reportedCompletion: 'SUBSTANTIAL',
        narrative: 'Hearings held in 40 of 47 counties.',
      });
      expect(u.status).toBe(201);
      update = u.body;
      const other = await aCommitment(api, planA.id);
      otherMilestone = await aMilestone(api, other.code);
      const ou = await pocA.post(`/api/v1/commitments/${other.code}/progress-updates`, {
        reportedCompletion: 'LIMITED',
        narrative: 'Started.',
      });
      expect(ou.status).toBe(201);
      otherUpdate = ou.body;
    });

    it('records evidence of a civil-society user for their organisation, with all its facts', async () => {
      const response = await civilA.post(evidenceUrl(c), {
        type: 'SOCIAL_AUDIT',
        title: '  Social audit of the county hearings  ',
        summary: '  Only 14 of the 47 county hearings took place; minutes exist for 9.  ',
        stance: 'CONTRADICTS',
        supportedCompletion: 'LIMITED',
        milestoneId: m.id,
        activityDate: '2025-05-14',
        iap2Level: 'INVOLVE',
        links: [
          { url: 'https://example.org/audit', title: 'Audit page' },
          { url: 'https://example.org/minutes' },
        ],
        documents: [
          {
            reference: 'social-audit-2025.pdf',
            url: 'https://example.org/social-audit-2025.pdf',
            sha256: sha256(PDF),
            sizeBytes: PDF.length,
          },
          { reference: 'attendance.csv' },
        ],
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        commitment: c.code,
        milestoneId: m.id,
        progressUpdateId: null,
        type: 'SOCIAL_AUDIT',
        title: 'Social audit of the county hearings',
        summary: 'Only 14 of the 47 county hearings took place; minutes exist for 9.',
        organisation: { id: orgA.id, name: 'Open Budget Coalition' },
        activityDate: '2025-05-14',
        links: [
          { url: 'https://example.org/audit', title: 'Audit page' },
          { url: 'https://example.org/minutes', title: null },
        ],
        iap2Level: 'INVOLVE',
        stance: 'CONTRADICTS',
        supportedCompletion: 'LIMITED',
        visibility: 'PUBLIC',
        documents: [
          {
            reference: 'attendance.csv',
            url: null,
            sha256: null,
            sizeBytes: null,
            mediaType: null,
            download: null,
          },
          {
            reference: 'social-audit-2025.pdf',
            url: 'https://example.org/social-audit-2025.pdf',
            sha256: sha256(PDF),
            sizeBytes: PDF.length,
            mediaType: null,
            download: null,
          },
        ],
        replies: [],
        submittedBy: 'civil_society',
        hidden: null,
        version: 1,
        createdAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(response.body.createdAt) - Date.now())).toBeLessThan(60_000);

      const [row] = await api.query<any>(
        'SELECT submitted_by, submitted_role, organisation_id, organisation_name, commitment_id FROM evidence WHERE id = $1',
        [response.body.id],
      );
      expect(row).toEqual({
        submitted_by: civilAUser.id,
        submitted_role: 'civil_society',
        organisation_id: orgA.id,
        organisation_name: null,
        commitment_id: c.id,
      });
      // Anyone reads it as it was given back.
      const read = await api.anonymous.get(itemUrl(response.body.id));
      expect(read.status).toBe(200);
      expect(read.body).toEqual(response.body);

      // The audit entry says what kind of item it is, not its words.
      const entries = await api.query<any>(
        `SELECT action, actor_id, actor_role, commitment_id, after FROM audit_log
          WHERE resource_type = 'evidence' AND resource_id = $1`,
        [response.body.id],
      );
      expect(entries).toEqual([
        {
          action: 'CREATE',
          actor_id: civilAUser.id,
          actor_role: 'civil_society',
          commitment_id: c.id,
          after: { type: 'SOCIAL_AUDIT', stance: 'CONTRADICTS', visibility: 'PUBLIC', hidden: null },
        },
      ]);
    });

    it('records evidence about one progress update, with the defaults', async () => {
      const e = await submit(civilB, c, { progressUpdateId: update.id, type: 'SURVEY' });
      expect(e).toMatchObject({
        milestoneId: null,
        progressUpdateId: update.id,
        type: 'SURVEY',
        organisation: { id: orgB.id, name: 'Digital Rights Watch' },
        activityDate: null,
        links: [],
        iap2Level: null,
        stance: 'CONFIRMS',
        supportedCompletion: null,
        visibility: 'PUBLIC',
        documents: [],
        replies: [],
        hidden: null,
      });
    });

    it('lets an admin submit on behalf of a registered organisation or of a group without an account', async () => {
      const registered = await submit(api, c, { organisationId: orgB.id, stance: 'MIXED' });
      expect(registered).toMatchObject({
        organisation: { id: orgB.id, name: 'Digital Rights Watch' },
        submittedBy: 'admin',
        stance: 'MIXED',
      });
      const group = await submit(api, c, {
        organisationName: '  Kibera Residents Forum  ',
        type: 'PUBLIC_HEARING',
        stance: 'CONTEXT',
      });
      expect(group).toMatchObject({
        organisation: { id: null, name: 'Kibera Residents Forum' },
        submittedBy: 'admin',
        type: 'PUBLIC_HEARING',
        stance: 'CONTEXT',
      });
      const [row] = await api.query<any>(
        'SELECT organisation_id, organisation_name, submitted_role FROM evidence WHERE id = $1',
        [group.id],
      );
      expect(row).toEqual({
        organisation_id: null,
        organisation_name: 'Kibera Residents Forum',
        submitted_role: 'admin',
      });
    });

    it('replays a submission with the same Idempotency-Key and body, writing one item', async () => {
      const headers = { 'idempotency-key': `evidence-${c.code}-replay` };
      const body = evidenceBody({ title: 'Replayed scorecard', type: 'COMMUNITY_SCORECARD' });
      const first = await civilA.post(evidenceUrl(c), body, headers);
      expect(first.status).toBe(201);
      const again = await civilA.post(evidenceUrl(c), body, headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await countRows(api, 'evidence', `title = 'Replayed scorecard'`)).toBe(1);
    });

    it.each<[string, () => TestApp, () => Record<string, unknown>, number, string?, string?]>([
      [
        'civil society naming an organisationId',
        () => civilA,
        () => ({ organisationId: orgB.id }),
        422,
        'evidence.invalid',
        'organisationId',
      ],
      [
        'civil society naming an organisationName',
        () => civilA,
        () => ({ organisationName: 'Somebody else' }),
        422,
        'evidence.invalid',
        'organisationName',
      ],
      ['an admin naming no organisation', () => api, () => ({}), 422, 'evidence.invalid', 'organisationId'],
      [
        'an admin naming both an organisationId and an organisationName',
        () => api,
        () => ({ organisationId: orgA.id, organisationName: 'Open Budget Coalition' }),
        422,
        'evidence.invalid',
      ],
      [
        'an admin naming an unknown organisation',
        () => api,
        () => ({ organisationId: UNKNOWN_UUID }),
        422,
        'evidence.invalid',
        'organisationId',
      ],
      [
        'a milestone of another commitment',
        () => civilA,
        () => ({ milestoneId: otherMilestone.id }),
        422,
        'evidence.invalid',
        'milestoneId',
      ],
      [
        'an unknown milestone',
        () => civilA,
        () => ({ milestoneId: UNKNOWN_UUID }),
        422,
        'evidence.invalid',
        'milestoneId',
      ],
      [
        'a progress update of another commitment',
        () => civilA,
        () => ({ progressUpdateId: otherUpdate.id }),
        422,
        'evidence.invalid',
        'progressUpdateId',
      ],
      [
        'both a milestone and a progress update',
        () => civilA,
        () => ({ milestoneId: m.id, progressUpdateId: update.id }),
        422,
        'evidence.invalid',
      ],
      ['an unknown stance', () => civilA, () => ({ stance: 'AGREES' }), 400, 'validation.failed', 'stance'],
      ['an unknown type', () => civilA, () => ({ type: 'RUMOUR' }), 400, 'validation.failed', 'type'],
      [
        'an unknown supported completion',
        () => civilA,
        () => ({ supportedCompletion: 'DONE' }),
        400,
        'validation.failed',
        'supportedCompletion',
      ],
      [
        'an unknown visibility',
        () => civilA,
        () => ({ visibility: 'SECRET' }),
        400,
        'validation.failed',
        'visibility',
      ],
      [
        'an unknown IAP2 level',
        () => civilA,
        () => ({ iap2Level: 'SHOUT' }),
        400,
        'validation.failed',
        'iap2Level',
      ],
      ['a blank title', () => civilA, () => ({ title: '   ' }), 400, 'validation.failed', 'title'],
      ['no summary', () => civilA, () => ({ summary: undefined }), 400, 'validation.failed', 'summary'],
      ['an unknown field', () => civilA, () => ({ rating: 5 }), 400, 'validation.failed', 'rating'],
      [
        'a link that is not a web address',
        () => civilA,
        () => ({ links: [{ url: 'javascript:alert(1)' }] }),
        400,
        'validation.failed',
      ],
      [
        'a document reference with a path in it',
        () => civilA,
        () => ({ documents: [{ reference: '../secret.pdf' }] }),
        400,
        'validation.failed',
      ],
      [
        'a document hash that is not a SHA-256',
        () => civilA,
        () => ({ documents: [{ reference: 'a.pdf', sha256: 'ABC123' }] }),
        400,
        'validation.failed',
      ],
      [
        'a negative document size',
        () => civilA,
        () => ({ documents: [{ reference: 'a.pdf', sizeBytes: -1 }] }),
        400,
        'validation.failed',
      ],
      [
        'two documents under one reference',
        () => civilA,
        () => ({ documents: [{ reference: 'a.pdf' }, { reference: 'a.pdf' }] }),
        409,
        'document.reference_taken',
      ],
      ['a point of contact', () => pocA, () => ({}), 403, 'access.forbidden'],
      ['an assessor', () => assessorA, () => ({}), 403, 'access.forbidden'],
      ['an anonymous caller', () => api.anonymous, () => ({}), 401],
    ])('refuses %s, writing nothing', async (...row) => {
      // The row as a tuple: rows leave out a missing code or field, and Jest would take a sixth parameter for `done`.
      const [, caller, overrides, status, code, field] = row;
      const before = await written();
      const response = await caller().post(evidenceUrl(c), evidenceBody(overrides()));
      expectProblem(response, status, code, field);
      expect(await written()).toEqual(before);
    });

    it('answers 404 for evidence on an unknown commitment, writing nothing', async () => {
      const before = await written();
      expectProblem(
        await civilA.post('/api/v1/commitments/ZZ9999/evidence', evidenceBody()),
        404,
        'commitment.not_found',
      );
      expect(await written()).toEqual(before);
    });
  });

  describe('restricted evidence', () => {
    let c: any;
    let pub: any;
    let restrictedA: any;
    let restrictedB: any;
    const items = () => ({ pub, restrictedA, restrictedB });

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      await progress(pocA, c, 'COMPLETE');
      pub = await submit(civilA, c, { title: 'Public scorecard', stance: 'CONFIRMS' });
      restrictedA = await submit(civilA, c, {
        title: 'Whistle-blower testimony',
        summary: 'A civil servant says the hearings never happened.',
        stance: 'CONTRADICTS',
        visibility: 'RESTRICTED',
      });
      restrictedB = await submit(civilB, c, {
        title: 'Leaked procurement memo',
        stance: 'CONTRADICTS',
        visibility: 'RESTRICTED',
      });
    });

    const audiences: [string, () => TestApp, ('pub' | 'restrictedA' | 'restrictedB')[]][] = [
      ['an admin', () => api, ['restrictedB', 'restrictedA', 'pub']],
      ['the submitting user', () => civilA, ['restrictedA', 'pub']],
      ['another user of the same organisation', () => civilA2, ['restrictedA', 'pub']],
      ['a civil-society user of another organisation', () => civilB, ['restrictedB', 'pub']],
      ["the point of contact of the commitment's member", () => pocA, ['pub']],
      ['an assessor', () => assessorA, ['pub']],
      ['an anonymous caller', () => api.anonymous, ['pub']],
    ];

    it.each(audiences)('lists to %s only what they may see, newest first', async (_name, caller, visible) => {
      expect(await listed(caller(), c)).toEqual(visible.map((k) => items()[k].id));
    });

    it.each(audiences)(
      'reads to %s only what they may see; 404 for the rest',
      async (_name, caller, visible) => {
        for (const [key, item] of Object.entries(items())) {
          const response = await caller().get(itemUrl(item.id));
          if (visible.includes(key as 'pub')) {
            expect(response.status).toBe(200);
            expect(response.body).toEqual(item);
          } else {
            const problem = expectProblem(response, 404, 'evidence.not_found');
            expect(JSON.stringify(problem)).not.toContain(item.title);
          }
        }
      },
    );

    it('keeps restricted items out of the public history, the timeline and the agreement', async () => {
      const entries = await history(c);
      const ids = entries.map((e) => e.resourceId);
      expect(ids).toContain(pub.id);
      expect(ids).not.toContain(restrictedA.id);
      expect(ids).not.toContain(restrictedB.id);
      expect(JSON.stringify(entries)).not.toMatch(/Whistle-blower|Leaked procurement/);
      // They are in the audit log all the same, for admins, tied to no commitment.
      const audit = await api.query<any>(
        `SELECT commitment_id FROM audit_log WHERE resource_type = 'evidence' AND resource_id IN ($1, $2)`,
        [restrictedA.id, restrictedB.id],
      );
      expect(audit).toEqual([{ commitment_id: null }, { commitment_id: null }]);

      expect((await timeline(c)).map((e) => [e.kind, e.subjectId])).toEqual([['EVIDENCE', pub.id]]);
      // The timeline is public: a signed-in member of the organisation sees the same.
      expect((await timeline(c, civilA)).map((e) => e.subjectId)).toEqual([pub.id]);

      // Two restricted items contradict the claim; only the public one, which confirms it, counts.
      const agreement = await api.anonymous.get(agreementUrl(c));
      expect(agreement.status).toBe(200);
      expect(agreement.body.verdict).toBe('CONSISTENT');
      expect(agreement.body.civic.counts).toEqual({ confirms: 1, contradicts: 0, mixed: 0, context: 0 });
      expect(agreement.body.civic.latest.map((e: any) => e.id)).toEqual([pub.id]);
      expect((await api.get(`/api/v1/commitments/${c.code}`)).body.agreement).toBe('CONSISTENT');
    });

    it('filters the list by stance, pages it with a cursor, and refuses bad queries', async () => {
      expect(await listed(api, c, '&stance=CONTRADICTS')).toEqual([restrictedB.id, restrictedA.id]);
      expect(await listed(civilA, c, '&stance=CONTRADICTS')).toEqual([restrictedA.id]);
      expect(await listed(api.anonymous, c, '&stance=CONTRADICTS')).toEqual([]);
      const paged = await walk(api, `${evidenceUrl(c)}?limit=1`);
      expect(paged.pages).toBe(3);
      expect(paged.items.map((e) => e.id)).toEqual([restrictedB.id, restrictedA.id, pub.id]);
      const pagedB = await walk(civilB, `${evidenceUrl(c)}?limit=1`);
      expect(pagedB.items.map((e) => e.id)).toEqual([restrictedB.id, pub.id]);

      expectProblem(
        await api.anonymous.get(`${evidenceUrl(c)}?stance=AGREES`),
        400,
        'validation.failed',
        'stance',
      );
      expectProblem(await api.anonymous.get(`${evidenceUrl(c)}?limit=0`), 400, 'validation.failed', 'limit');
      expectProblem(
        await api.anonymous.get('/api/v1/commitments/ZZ9999/evidence'),
        404,
        'commitment.not_found',
      );
      expectProblem(await api.anonymous.get(itemUrl(UNKNOWN_UUID)), 404, 'evidence.not_found');
      expectProblem(await api.anonymous.get(itemUrl('not-an-id')), 404, 'evidence.not_found');
    });
  });

  describe('documents', () => {
    let c: any;
    let e: any;
    let restricted: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      e = await submit(civilA, c, {
        type: 'SHADOW_REPORT',
        documents: [
          {
            reference: 'audit.pdf',
            url: 'https://example.org/audit.pdf',
            sha256: sha256(PDF),
            sizeBytes: PDF.length,
          },
          { reference: 'declared-hash.pdf', sha256: sha256(OTHER_PDF) },
          { reference: 'declared-size.pdf', sizeBytes: PDF.length + 1 },
        ],
      });
      restricted = await submit(civilA, c, { visibility: 'RESTRICTED', title: 'Restricted annex' });
    });

    const stored = (id: string, reference: string) =>
      countRows(api, 'evidence_document', 'evidence_id = $1 AND reference = $2 AND content IS NOT NULL', [
        id,
        reference,
      ]);

    it('stores a PDF that matches its declaration and serves the same bytes back', async () => {
      const response = await upload(civilA, e.id, 'audit.pdf', PDF);
      expect(response.status).toBe(200);
      const document = {
        reference: 'audit.pdf',
        url: 'https://example.org/audit.pdf',
        sha256: sha256(PDF),
        sizeBytes: PDF.length,
        mediaType: 'application/pdf',
        download: documentUrl(e.id, 'audit.pdf'),
      };
      expect(response.body).toEqual(document);
      const read = await api.anonymous.get(itemUrl(e.id));
      expect(read.body.documents).toEqual(expect.arrayContaining([document]));

      const got = await download(api.anonymous, e.id, 'audit.pdf');
      expect(got.status).toBe(200);
      expect(got.bytes.equals(PDF)).toBe(true);
      expect(String(got.headers['content-type'])).toMatch(/^application\/pdf/);
      expect(got.headers['x-content-sha256']).toBe(sha256(PDF));
      expect(String(got.headers['content-disposition'])).toContain('audit.pdf');
      // The hash is the ETag: a client that has the file gets 304.
      const again = await download(api.anonymous, e.id, 'audit.pdf', {
        'if-none-match': String(got.headers.etag),
      });
      expect(again.status).toBe(304);

      const entries = await api.query<any>(
        `SELECT action, actor_id, commitment_id, after FROM audit_log
          WHERE resource_type = 'evidence_document' AND resource_id = $1`,
        [`${e.id}/audit.pdf`],
      );
      expect(entries).toEqual([
        {
          action: expect.stringMatching(/^(CREATE|UPDATE)$/),
          actor_id: civilAUser.id,
          commitment_id: c.id,
          after: expect.objectContaining({ sha256: sha256(PDF), sizeBytes: PDF.length }),
        },
      ]);
    });

    it.each<[string, string, Buffer, Record<string, string>, string]>([
      ['a PNG image', 'photo.png', PNG, {}, 'image/png'],
      ['a CSV declared as text/csv', 'hearings.csv', CSV, { 'x-document-type': 'text/csv' }, 'text/csv'],
      ['plain text', 'notes.txt', TEXT, {}, 'text/plain'],
      ['a PDF named as something else', 'scan.png', OTHER_PDF, {}, 'application/pdf'],
    ])(
      'stores %s under a new reference, typed by its content',
      async (_name, reference, bytes, headers, type) => {
        const response = await upload(civilA, e.id, reference, bytes, headers);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          reference,
          url: null,
          sha256: sha256(bytes),
          sizeBytes: bytes.length,
          mediaType: type,
          download: documentUrl(e.id, reference),
        });
        const got = await download(api.anonymous, e.id, reference);
        expect(got.status).toBe(200);
        expect(got.bytes.equals(bytes)).toBe(true);
        expect(String(got.headers['content-type'])).toMatch(new RegExp(`^${type.replace('/', '\\/')}`));
        expect(got.headers['x-content-sha256']).toBe(sha256(bytes));
      },
    );

    it.each<[string, string, Buffer, Record<string, string>]>([
      ['an executable named report.pdf', 'report.pdf', EXE, {}],
      [
        'an HTML page declared as text/csv',
        'table.csv',
        Buffer.from('<html><body>hi</body></html>'),
        {
          'x-document-type': 'text/csv',
        },
      ],
      ['a GIF image', 'picture.gif', Buffer.from('GIF89a\x01\x00\x01\x00'), {}],
    ])('refuses %s as an unsupported type, storing nothing', async (_name, reference, bytes, headers) => {
      const before = await written();
      expectProblem(await upload(civilA, e.id, reference, bytes, headers), 422, 'document.unsupported_type');
      expect(await written()).toEqual(before);
      expect(
        await countRows(api, 'evidence_document', 'evidence_id = $1 AND reference = $2', [e.id, reference]),
      ).toBe(0);
      expectProblem(await download(api.anonymous, e.id, reference), 404);
    });

    it('refuses bytes whose SHA-256 is not the one declared, storing nothing; the right bytes are then stored', async () => {
      const before = await written();
      const problem = expectProblem(
        await upload(civilA, e.id, 'declared-hash.pdf', PDF),
        422,
        'document.hash_mismatch',
        'sha256',
      );
      expect(problem.detail).toContain(sha256(OTHER_PDF));
      expect(await written()).toEqual(before);
      const [row] = await api.query<any>(
        `SELECT sha256, content, uploaded_at FROM evidence_document WHERE evidence_id = $1 AND reference = 'declared-hash.pdf'`,
        [e.id],
      );
      expect(row).toEqual({ sha256: sha256(OTHER_PDF), content: null, uploaded_at: null });

      const right = await upload(civilA, e.id, 'declared-hash.pdf', OTHER_PDF);
      expect(right.status).toBe(200);
      expect(right.body).toMatchObject({ sha256: sha256(OTHER_PDF), mediaType: 'application/pdf' });
    });

    it('refuses bytes of another size than the one declared, storing nothing', async () => {
      const before = await written();
      expectProblem(
        await upload(civilA, e.id, 'declared-size.pdf', PDF),
        422,
        'document.size_mismatch',
        'sizeBytes',
      );
      expect(await written()).toEqual(before);
      expect(await stored(e.id, 'declared-size.pdf')).toBe(0);
    });

    it('accepts the same bytes again without changing anything', async () => {
      const first = await upload(civilA, e.id, 'twice.pdf', PDF);
      expect(first.status).toBe(200);
      const [row] = await api.query<any>(
        `SELECT uploaded_at FROM evidence_document WHERE evidence_id = $1 AND reference = 'twice.pdf'`,
        [e.id],
      );
      const before = await written();
      const again = await upload(civilA, e.id, 'twice.pdf', PDF);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await written()).toEqual(before);
      const [after] = await api.query<any>(
        `SELECT uploaded_at FROM evidence_document WHERE evidence_id = $1 AND reference = 'twice.pdf'`,
        [e.id],
      );
      expect(after).toEqual(row);
    });

    it('refuses other bytes under a reference already uploaded (409), keeping the first ones', async () => {
      expect((await upload(civilA, e.id, 'final.pdf', PDF)).status).toBe(200);
      const before = await written();
      const problem = expectProblem(
        await upload(civilA, e.id, 'final.pdf', OTHER_PDF),
        409,
        'document.already_uploaded',
      );
      expect(problem.detail).toContain(sha256(PDF));
      // Even an admin cannot swap the file.
      expectProblem(await upload(api, e.id, 'final.pdf', OTHER_PDF), 409, 'document.already_uploaded');
      expect(await written()).toEqual(before);
      const got = await download(api.anonymous, e.id, 'final.pdf');
      expect(got.bytes.equals(PDF)).toBe(true);
      expect(got.headers['x-content-sha256']).toBe(sha256(PDF));
    });

    it('refuses a body that is not the raw document (JSON, another content type, nothing), storing nothing', async () => {
      const before = await written();
      const json = await raw(
        civilA,
        'PUT',
        documentUrl(e.id, 'body.pdf'),
        JSON.stringify({ content: 'JVBERi0=' }),
        {
          'content-type': 'application/json',
        },
      );
      expect(json.status).toBeGreaterThanOrEqual(400);
      expect(json.status).toBeLessThan(500);
      expectProblem(json, json.status);
      const pdfType = await raw(civilA, 'PUT', documentUrl(e.id, 'body.pdf'), PDF, {
        'content-type': 'application/pdf',
      });
      expect(pdfType.status).toBeGreaterThanOrEqual(400);
      expect(pdfType.status).toBeLessThan(500);
      expectProblem(pdfType, pdfType.status);
      const empty = await upload(civilA, e.id, 'body.pdf', Buffer.alloc(0));
      expect(empty.status).toBeGreaterThanOrEqual(400);
      expect(empty.status).toBeLessThan(500);
      expectProblem(empty, empty.status);
      expect(await written()).toEqual(before);
    });

    it('refuses references that a declaration would refuse, storing nothing', async () => {
      const before = await written();
      for (const reference of ['my%20report.pdf', 'a%22b.pdf', '.hidden', 'x'.repeat(121) + '.pdf']) {
        const response = await upload(civilA, e.id, reference, PDF);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expectProblem(response, response.status);
      }
      expect(await written()).toEqual(before);
    });

    it('lets only the submitting organisation and admins upload', async () => {
      const before = await written();
      expectProblem(await upload(pocA, e.id, 'poc.pdf', PDF), 403, 'access.forbidden');
      expectProblem(await upload(assessorA, e.id, 'assessor.pdf', PDF), 403, 'access.forbidden');
      expectProblem(await upload(api.anonymous, e.id, 'anonymous.pdf', PDF), 401);
      const denied = () =>
        countRows(
          api,
          'audit_log',
          `action = 'DENIED' AND resource_type = 'evidence_document' AND actor_id = $1`,
          [civilBUser.id],
        );
      const deniedBefore = await denied();
      expectProblem(await upload(civilB, e.id, 'other-org.pdf', PDF), 403, 'access.denied');
      expect(await denied()).toBe(deniedBefore + 1);
      // A restricted item of another organisation is not even there for them.
      expectProblem(await upload(civilB, restricted.id, 'other-org.pdf', PDF), 404, 'evidence.not_found');
      expectProblem(await upload(pocA, UNKNOWN_UUID, 'x.pdf', PDF), 403, 'access.forbidden');
      expect(await written()).toEqual(before);

      // Anyone of the organisation may; admins too.
      expect((await upload(civilA2, e.id, 'colleague.pdf', PDF)).status).toBe(200);
      expect((await upload(api, e.id, 'by-admin.png', PNG)).status).toBe(200);
      expect((await upload(civilA, restricted.id, 'annex.pdf', OTHER_PDF)).status).toBe(200);
      expectProblem(await upload(civilA, UNKNOWN_UUID, 'x.pdf', PDF), 404, 'evidence.not_found');
    });

    it("serves a restricted item's documents only to those who see the item", async () => {
      expect((await upload(civilA, restricted.id, 'restricted.pdf', PDF)).status).toBe(200);
      expectProblem(await download(api.anonymous, restricted.id, 'restricted.pdf'), 404);
      expectProblem(await download(civilB, restricted.id, 'restricted.pdf'), 404);
      expectProblem(await download(pocA, restricted.id, 'restricted.pdf'), 404);
      for (const caller of [civilA2, api]) {
        const got = await download(caller, restricted.id, 'restricted.pdf');
        expect(got.status).toBe(200);
        expect(got.bytes.equals(PDF)).toBe(true);
      }
      // Declared but never uploaded, or never named: nothing to download.
      expectProblem(await download(api.anonymous, e.id, 'declared-size.pdf'), 404);
      expectProblem(await download(api.anonymous, e.id, 'never.pdf'), 404);
      expectProblem(await download(api.anonymous, UNKNOWN_UUID, 'audit.pdf'), 404);
      // Upload history of a restricted item stays out of the public history.
      expect((await history(c)).map((h) => h.resourceId)).not.toContain(`${restricted.id}/restricted.pdf`);
    });

    it('is enforced by the database: uploaded bytes cannot be changed or deleted, nor evidence deleted', async () => {
      expect((await upload(civilA, e.id, 'kept.pdf', PDF)).status).toBe(200);
      const where = `evidence_id = '${e.id}' AND reference = 'kept.pdf'`;
      await expect(
        api.query(`UPDATE evidence_document SET content = $1 WHERE ${where}`, [OTHER_PDF]),
      ).rejects.toThrow(/cannot be changed/);
      await expect(
        api.query(`UPDATE evidence_document SET sha256 = $1 WHERE ${where}`, [sha256(OTHER_PDF)]),
      ).rejects.toThrow(/cannot be changed/);
      await expect(
        api.query(`UPDATE evidence_document SET media_type = 'image/png' WHERE ${where}`),
      ).rejects.toThrow(/cannot be changed/);
      await expect(api.query(`DELETE FROM evidence_document WHERE ${where}`)).rejects.toThrow(
        /cannot be changed/,
      );
      await expect(api.query('DELETE FROM evidence WHERE id = $1', [e.id])).rejects.toThrow();
      const got = await download(api.anonymous, e.id, 'kept.pdf');
      expect(got.bytes.equals(PDF)).toBe(true);
      expect(got.headers['content-type']).toMatch(/^application\/pdf/);
      expect(await countRows(api, 'evidence', 'id = $1', [e.id])).toBe(1);
    });
  });

  describe('size limit', () => {
    let small: TestApp;
    let owner: TestApp;
    let e: any;

    beforeAll(async () => {
      small = await TestApp.start({ documentMaxBytes: 2048 });
      const member = await aMember(small, { name: 'Smallland' });
      const plan = await aPlan(small, member.code);
      const c = await aCommitment(small, plan.id);
      const org = await small.post('/api/v1/organisations', { name: 'Small Watch', type: 'CIVIL_SOCIETY' });
      expect(org.status).toBe(201);
      owner = await small.signIn({
        name: 'Small watcher',
        email: 'watcher@small.example.org',
        role: 'civil_society',
        organisation: org.body.id,
      });
      e = await submit(owner, c);
    });
    afterAll(() => small.close());

    const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);

    it('refuses a document over DOCUMENT_MAX_BYTES with a 4xx problem, storing nothing', async () => {
      const before = await countRows(small, 'evidence_document');
      const response = await upload(owner, e.id, 'big.pdf', pdfOf(2049));
      expect([400, 413]).toContain(response.status);
      const problem = expectProblem(response, response.status);
      if (response.status === 400) expect(problem.code).toBe('document.too_large');
      expect(await countRows(small, 'evidence_document')).toBe(before);
      const far = await upload(owner, e.id, 'bigger.pdf', pdfOf(64 * 1024));
      expect([400, 413]).toContain(far.status);
      expect(await countRows(small, 'evidence_document')).toBe(before);
      // The service keeps serving.
      expect((await small.anonymous.get(itemUrl(e.id))).status).toBe(200);
    });

    it('stores a document of exactly DOCUMENT_MAX_BYTES', async () => {
      const bytes = pdfOf(2048);
      const response = await upload(owner, e.id, 'at-the-limit.pdf', bytes);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        sizeBytes: 2048,
        sha256: sha256(bytes),
        mediaType: 'application/pdf',
      });
    });
  });

  describe('right of reply', () => {
    let c: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
    });

    it("lets the point of contact of the commitment's member reply, in the public thread", async () => {
      const e = await submit(civilA, c, { stance: 'CONTRADICTS' });
      const response = await pocA.post(repliesUrl(e.id), {
        body: '  The remaining hearings are scheduled for June.  ',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        ...e,
        replies: [
          {
            id: expect.stringMatching(UUID),
            author: { role: 'government_poc', member: memberA.code, organisation: null },
            body: 'The remaining hearings are scheduled for June.',
            hidden: null,
            createdAt: expect.any(String),
          },
        ],
        version: expect.any(Number),
      });
      const read = await api.anonymous.get(itemUrl(e.id));
      expect(read.status).toBe(200);
      expect(read.body.replies).toEqual(response.body.replies);
      const [row] = await api.query<any>(
        'SELECT author_id, author_role, body FROM evidence_reply WHERE id = $1',
        [response.body.replies[0].id],
      );
      expect(row).toEqual({
        author_id: pocAUser.id,
        author_role: 'government_poc',
        body: 'The remaining hearings are scheduled for June.',
      });
      const entry = (await history(c)).find((h) => h.resourceId === response.body.replies[0].id);
      expect(entry).toMatchObject({
        resourceType: 'evidence_reply',
        action: 'CREATE',
        actorRole: 'government_poc',
      });
    });

    it('lets the submitting organisation answer back, oldest first in the thread', async () => {
      const e = await submit(civilA, c, { stance: 'CONTRADICTS' });
      const government = await reply(pocA, e, 'We published the minutes yesterday.');
      const answer = await reply(civilA2, e, 'The minutes cover only 9 hearings.');
      expect(answer.author).toEqual({
        role: 'civil_society',
        member: null,
        organisation: 'Open Budget Coalition',
      });
      const admin = await reply(api, e, 'Moderators note: both sides have replied.');
      expect(admin.author).toEqual({ role: 'admin', member: null, organisation: null });
      const thread = (await api.anonymous.get(itemUrl(e.id))).body.replies;
      expect(thread.map((r: any) => r.id)).toEqual([government.id, answer.id, admin.id]);
      expect(thread.map((r: any) => r.body)).toEqual([
        'We published the minutes yesterday.',
        'The minutes cover only 9 hearings.',
        'Moderators note: both sides have replied.',
      ]);
    });

    it('refuses a point of contact of another member with 403, recorded as DENIED', async () => {
      const e = await submit(civilA, c);
      const denied = () =>
        countRows(
          api,
          'audit_log',
          `action = 'DENIED' AND resource_type = 'evidence_reply' AND actor_id = $1`,
          [pocBUser.id],
        );
      const deniedBefore = await denied();
      const before = await written();
      expectProblem(
        await pocB.post(repliesUrl(e.id), { body: 'Not our commitment, but...' }),
        403,
        'access.denied',
      );
      expect(await written()).toEqual(before);
      expect(await denied()).toBe(deniedBefore + 1);
      const [entry] = await api.query<any>(
        `SELECT actor_role, commitment_id, after FROM audit_log
          WHERE action = 'DENIED' AND resource_type = 'evidence_reply' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
        [pocBUser.id],
      );
      expect(entry).toMatchObject({ actor_role: 'government_poc', commitment_id: c.id });
      // Refusals are not in the public history.
      expect((await history(c)).map((h) => h.action)).not.toContain('DENIED');
      expect((await api.anonymous.get(itemUrl(e.id))).body.replies).toEqual([]);
    });

    it.each<[string, () => TestApp, Record<string, unknown>, number, string?, string?]>([
      [
        'a civil-society user of another organisation',
        () => civilB,
        { body: 'We disagree.' },
        403,
        'access.denied',
      ],
      ['an assessor', () => assessorA, { body: 'As the IRM...' }, 403, 'access.forbidden'],
      ['an anonymous caller', () => api.anonymous, { body: 'Hello.' }, 401],
      ['a blank body', () => pocA, { body: '   ' }, 400, 'validation.failed', 'body'],
      ['no body', () => pocA, {}, 400, 'validation.failed', 'body'],
      [
        'an unknown field',
        () => pocA,
        { body: 'Fine.', signedBy: 'Minister' },
        400,
        'validation.failed',
        'signedBy',
      ],
    ])('refuses a reply by %s, writing nothing', async (...row) => {
      const [, caller, body, status, code, field] = row;
      const e = await submit(civilA, c);
      const before = await written();
      expectProblem(await caller().post(repliesUrl(e.id), body), status, code, field);
      expect(await written()).toEqual(before);
    });

    it('answers 404 for a reply to unknown evidence, or to restricted evidence the caller cannot see', async () => {
      const restricted = await submit(civilA, c, { visibility: 'RESTRICTED' });
      const before = await written();
      expectProblem(await pocA.post(repliesUrl(UNKNOWN_UUID), { body: 'Hello.' }), 404, 'evidence.not_found');
      expectProblem(
        await pocA.post(repliesUrl(restricted.id), { body: 'Hello.' }),
        404,
        'evidence.not_found',
      );
      expectProblem(
        await civilB.post(repliesUrl(restricted.id), { body: 'Hello.' }),
        404,
        'evidence.not_found',
      );
      expect(await written()).toEqual(before);
      // Its own organisation discusses it; the reply stays out of the public history.
      const own = await reply(civilA2, restricted, 'Adding the second interview.');
      expect((await history(c)).map((h) => h.resourceId)).not.toContain(own.id);
    });

    it('gives a point of contact no way to edit, hide or delete evidence', async () => {
      const e = await submit(civilA, c, { stance: 'CONTRADICTS' });
      const r = await reply(civilA, e, 'Our own note.');
      const before = await written();
      const item = (await api.get(itemUrl(e.id))).body;
      for (const caller of [pocA, civilA]) {
        for (const method of ['PATCH', 'DELETE'] as const) {
          const response = await caller.request(
            method,
            itemUrl(e.id),
            method === 'PATCH' ? { stance: 'CONFIRMS', title: 'Rewritten by the government' } : undefined,
            { headers: { 'if-match': `"${item.version}"` } },
          );
          expect([404, 405]).toContain(response.status);
          expectProblem(response, response.status);
        }
        expectProblem(await caller.post(hideUrl(e.id), { reason: 'We disagree.' }), 403, 'access.forbidden');
        expectProblem(
          await caller.post(hideReplyUrl(r.id), { reason: 'We disagree.' }),
          403,
          'access.forbidden',
        );
      }
      expect(await written()).toEqual(before);
      expect((await api.get(itemUrl(e.id))).body).toEqual(item);
    });
  });

  describe('moderation', () => {
    let c: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
    });

    it('hides evidence with a public reason: the public gets 410 with it, admins still read the item', async () => {
      const e = await submit(civilA, c, {
        title: 'Call 0700 123 456 for the real story',
        summary: 'Ask for Jane at her home address, 12 Ngong Road.',
        documents: [{ reference: 'scan.pdf' }],
      });
      expect((await upload(civilA, e.id, 'scan.pdf', PDF)).status).toBe(200);
      const response = await api.post(hideUrl(e.id), {
        reason: '  Personal data: a private phone number.  ',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: e.id,
        title: e.title,
        hidden: { at: expect.any(String), reason: 'Personal data: a private phone number.' },
      });
      expect(Math.abs(Date.parse(response.body.hidden.at) - Date.now())).toBeLessThan(60_000);

      for (const caller of [api.anonymous, civilA, civilA2, civilB, pocA, assessorA]) {
        const problem = expectProblem(await caller.get(itemUrl(e.id)), 410, 'evidence.hidden');
        expect(problem.detail).toContain('Personal data: a private phone number.');
        expect(JSON.stringify(problem)).not.toContain('0700 123 456');
        expect(await listed(caller, c)).not.toContain(e.id);
      }
      expectProblem(await download(api.anonymous, e.id, 'scan.pdf'), 410, 'evidence.hidden');
      const admin = await api.get(itemUrl(e.id));
      expect(admin.status).toBe(200);
      expect(admin.body.hidden).toEqual(response.body.hidden);
      expect(await listed(api, c)).toContain(e.id);

      // Never deleted: the row is there, with who hid it, and the database refuses to delete it.
      const [row] = await api.query<any>(
        'SELECT title, hidden_reason, hidden_by IS NOT NULL AS by FROM evidence WHERE id = $1',
        [e.id],
      );
      expect(row).toEqual({
        title: e.title,
        hidden_reason: 'Personal data: a private phone number.',
        by: true,
      });
      await expect(api.query('DELETE FROM evidence WHERE id = $1', [e.id])).rejects.toThrow(/append-only/);
      expect(await countRows(api, 'evidence', 'id = $1', [e.id])).toBe(1);
    });

    it('shows the hide in the public history with its reason, never the words of the evidence', async () => {
      const e = await submit(civilB, c, {
        title: 'Buy cheap watches here',
        summary: 'Visit spam.example for a discount.',
      });
      expect((await api.post(hideUrl(e.id), { reason: 'Spam.' })).status).toBe(200);
      const entries = (await history(c)).filter((h) => h.resourceId === e.id);
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'UPDATE',
            resourceType: 'evidence',
            actorRole: 'admin',
            after: expect.objectContaining({ hidden: expect.objectContaining({ reason: 'Spam.' }) }),
          }),
        ]),
      );
      const whole = JSON.stringify(await history(c));
      expect(whole).not.toContain('Buy cheap watches');
      expect(whole).not.toContain('spam.example');
    });

    it.each<[string, () => TestApp, Record<string, unknown>, number, string?, string?]>([
      ['a blank reason', () => api, { reason: '   ' }, 400, 'validation.failed', 'reason'],
      ['no reason', () => api, {}, 400, 'validation.failed', 'reason'],
      [
        'the submitting organisation',
        () => civilA,
        { reason: 'We changed our mind.' },
        403,
        'access.forbidden',
      ],
      [
        "the point of contact of the commitment's member",
        () => pocA,
        { reason: 'Wrong.' },
        403,
        'access.forbidden',
      ],
      ['an assessor', () => assessorA, { reason: 'Wrong.' }, 403, 'access.forbidden'],
      ['an anonymous caller', () => api.anonymous, { reason: 'Wrong.' }, 401],
    ])('refuses a hide with %s, writing nothing', async (...row) => {
      const [, caller, body, status, code, field] = row;
      const e = await submit(civilA, c);
      const before = await written();
      expectProblem(await caller().post(hideUrl(e.id), body), status, code, field);
      expect(await written()).toEqual(before);
      expect((await api.anonymous.get(itemUrl(e.id))).status).toBe(200);
    });

    it('refuses to hide twice (409) or to hide unknown evidence (404)', async () => {
      const e = await submit(civilA, c);
      expect((await api.post(hideUrl(e.id), { reason: 'Duplicate of another item.' })).status).toBe(200);
      const before = await written();
      const problem = expectProblem(
        await api.post(hideUrl(e.id), { reason: 'Again.' }),
        409,
        'evidence.already_hidden',
      );
      expect(problem.detail).toContain('Duplicate of another item.');
      expectProblem(await api.post(hideUrl(UNKNOWN_UUID), { reason: 'Spam.' }), 404, 'evidence.not_found');
      expectProblem(await api.post(hideUrl('not-an-id'), { reason: 'Spam.' }), 404, 'evidence.not_found');
      expect(await written()).toEqual(before);
      const [row] = await api.query<any>('SELECT hidden_reason FROM evidence WHERE id = $1', [e.id]);
      expect(row.hidden_reason).toBe('Duplicate of another item.');
      // Hidden evidence takes no more replies or documents.
      expectProblem(await pocA.post(repliesUrl(e.id), { body: 'Late reply.' }), 410, 'evidence.hidden');
      expectProblem(await upload(civilA, e.id, 'late.pdf', PDF), 410, 'evidence.hidden');
      expect(await written()).toEqual(before);
    });

    it('hides a reply: it stays in the thread as a marker with the reason, its words removed', async () => {
      const e = await submit(civilA, c, { title: 'Scorecard with a thread' });
      const abusive = await reply(pocA, e, 'An insult to the volunteers.');
      const kept = await reply(civilA, e, 'Our volunteers stand by the scorecard.');
      const response = await api.post(hideReplyUrl(abusive.id), { reason: 'Abusive language.' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...abusive,
        body: '',
        hidden: { at: expect.any(String), reason: 'Abusive language.' },
      });
      for (const caller of [api.anonymous, api, pocA]) {
        const thread = (await caller.get(itemUrl(e.id))).body.replies;
        expect(thread).toEqual([response.body, kept]);
      }
      expect(JSON.stringify((await api.anonymous.get(itemUrl(e.id))).body)).not.toContain('insult');
      // Kept in the database, never deleted.
      const [row] = await api.query<any>('SELECT body, hidden_reason FROM evidence_reply WHERE id = $1', [
        abusive.id,
      ]);
      expect(row).toEqual({ body: 'An insult to the volunteers.', hidden_reason: 'Abusive language.' });
      await expect(api.query('DELETE FROM evidence_reply WHERE id = $1', [abusive.id])).rejects.toThrow(
        /append-only/,
      );
      // The public history shows the hide and its reason, not the words.
      const entries = (await history(c)).filter((h) => h.resourceId === abusive.id);
      expect(entries.map((h) => h.action)).toEqual(['UPDATE', 'CREATE']);
      expect(entries[0].after).toMatchObject({ reason: 'Abusive language.' });
      expect(JSON.stringify(await history(c))).not.toContain('insult');
      // The timeline keeps the reply that stands, not the hidden one.
      const replies = (await timeline(c)).filter((t) => t.kind === 'EVIDENCE_REPLY').map((t) => t.subjectId);
      expect(replies).toContain(kept.id);
      expect(replies).not.toContain(abusive.id);

      const before = await written();
      expectProblem(
        await api.post(hideReplyUrl(abusive.id), { reason: 'Again.' }),
        409,
        'evidence_reply.already_hidden',
      );
      expectProblem(
        await pocA.post(hideReplyUrl(kept.id), { reason: 'We disagree.' }),
        403,
        'access.forbidden',
      );
      expectProblem(await civilA.post(hideReplyUrl(kept.id), { reason: 'Mine.' }), 403, 'access.forbidden');
      expectProblem(
        await api.post(hideReplyUrl(kept.id), { reason: ' ' }),
        400,
        'validation.failed',
        'reason',
      );
      expectProblem(
        await api.post(hideReplyUrl(UNKNOWN_UUID), { reason: 'Spam.' }),
        404,
        'evidence_reply.not_found',
      );
      expect(await written()).toEqual(before);
    });

    it('keeps a hidden restricted item unknown to those who could not see it', async () => {
      const e = await submit(civilA, c, { visibility: 'RESTRICTED', title: 'Internal interview notes' });
      expect((await api.post(hideUrl(e.id), { reason: 'Names a source.' })).status).toBe(200);
      expectProblem(await civilA2.get(itemUrl(e.id)), 410, 'evidence.hidden');
      expect((await api.get(itemUrl(e.id))).status).toBe(200);
      for (const caller of [api.anonymous, civilB, pocA]) {
        const problem = expectProblem(await caller.get(itemUrl(e.id)), 404, 'evidence.not_found');
        expect(problem.detail).not.toContain('Names a source.');
      }
      expect((await history(c)).map((h) => h.resourceId)).not.toContain(e.id);
    });
  });

  describe('agreement', () => {
    let memberC: any;
    let planC: any;
    let pocC: TestApp;
    let consistent: any;
    let divergent: any;
    let contested: any;
    let unverified: any;
    let confirm: any;
    let context: any;
    let contra1: any;
    let contra2: any;
    let confirmContested: any;

    beforeAll(async () => {
      memberC = await aMember(api, { name: 'Agreementland' });
      planC = await aPlan(api, memberC.code);
      pocC = await api.signIn({
        name: 'POC of C',
        email: 'poc.c@example.org',
        role: 'government_poc',
        member: memberC.code,
      });

      // CONSISTENT: the government reports COMPLETE, civil society confirms it.
      consistent = await aCommitment(api, planC.id);
      await progress(pocC, consistent, 'COMPLETE');
      confirm = await submit(civilA, consistent, { stance: 'CONFIRMS', supportedCompletion: 'COMPLETE' });
      context = await submit(civilB, consistent, { stance: 'CONTEXT', type: 'MEDIA_REPORT' });
      // Restricted: it does not count.
      await submit(civilA, consistent, { stance: 'CONTRADICTS', visibility: 'RESTRICTED' });

      // DIVERGENT: the government reports SUBSTANTIAL, the IRM found LIMITED.
      divergent = await aCommitment(api, planC.id);
      await progress(pocC, divergent, 'SUBSTANTIAL');
      const draft = await api.post(`/api/v1/commitments/${divergent.code}/assessments`, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'LIMITED', earlyResults: 'MODERATE' },
      });
      expect(draft.status).toBe(201);
      const published = await api.post(`/api/v1/assessments/${draft.body.id}/publish`, undefined, {
        'if-match': `"${draft.body.version}"`,
      });
      expect(published.status).toBe(200);

      // CONTESTED: the government reports COMPLETE; two items contradict it, one confirms it.
      contested = await aCommitment(api, planC.id);
      await progress(pocC, contested, 'COMPLETE');
      contra1 = await submit(civilA, contested, { stance: 'CONTRADICTS', supportedCompletion: 'LIMITED' });
      contra2 = await submit(civilB, contested, { stance: 'CONTRADICTS' });
      confirmContested = await submit(api, contested, {
        stance: 'CONFIRMS',
        organisationName: 'Residents Association',
      });

      // UNVERIFIED: only the government's word.
      unverified = await aCommitment(api, planC.id);
      await progress(pocC, unverified, 'COMPLETE');
    });

    const verdicts = () => ({
      CONSISTENT: consistent,
      DIVERGENT: divergent,
      CONTESTED: contested,
      UNVERIFIED: unverified,
    });

    async function agreement(c: any): Promise<any> {
      const response = await api.anonymous.get(agreementUrl(c));
      expect(response.status).toBe(200);
      expect(response.body.reasons.length).toBeGreaterThan(0);
      for (const reason of response.body.reasons) expect(reason).toEqual(expect.stringMatching(/\S/));
      return response.body;
    }

    it('is CONSISTENT when civic evidence confirms the self-reported completion', async () => {
      const body = await agreement(consistent);
      expect(body).toMatchObject({
        commitment: consistent.code,
        selfReported: { completion: 'COMPLETE' },
        independent: { completion: null },
        civic: { counts: { confirms: 1, contradicts: 0, mixed: 0, context: 1 } },
        verdict: 'CONSISTENT',
      });
      expect(body.civic.latest.map((e: any) => e.id)).toEqual([context.id, confirm.id]);
      expect(body.civic.latest[1]).toEqual(confirm);
    });

    it('is DIVERGENT when the independent reviewer found another completion', async () => {
      const body = await agreement(divergent);
      expect(body).toMatchObject({
        commitment: divergent.code,
        selfReported: { completion: 'SUBSTANTIAL' },
        independent: { completion: 'LIMITED' },
        civic: { counts: { confirms: 0, contradicts: 0, mixed: 0, context: 0 }, latest: [] },
        verdict: 'DIVERGENT',
      });
      expect(body.reasons.join(' ')).toMatch(/LIMITED/);
      expect(body.reasons.join(' ')).toMatch(/SUBSTANTIAL/);
    });

    it('is CONTESTED when at least as many civic items contradict the claim as confirm it', async () => {
      const body = await agreement(contested);
      expect(body).toMatchObject({
        selfReported: { completion: 'COMPLETE' },
        independent: { completion: null },
        civic: { counts: { confirms: 1, contradicts: 2, mixed: 0, context: 0 } },
        verdict: 'CONTESTED',
      });
      expect(body.civic.latest.map((e: any) => e.id)).toEqual([confirmContested.id, contra2.id, contra1.id]);
    });

    it('is UNVERIFIED with only the self-reported completion', async () => {
      const body = await agreement(unverified);
      expect(body).toMatchObject({
        selfReported: { completion: 'COMPLETE' },
        independent: { completion: null },
        civic: { counts: { confirms: 0, contradicts: 0, mixed: 0, context: 0 }, latest: [] },
        verdict: 'UNVERIFIED',
      });
    });

    it.each(['CONSISTENT', 'DIVERGENT', 'CONTESTED', 'UNVERIFIED'] as const)(
      'filters the commitment list by agreement=%s, and the commitment says so',
      async (verdict) => {
        const c = verdicts()[verdict];
        const response = await api.anonymous.get(
          `/api/v1/commitments?member=${memberC.code}&agreement=${verdict}&limit=200`,
        );
        expect(response.status).toBe(200);
        expect(response.body.items.map((x: any) => x.code)).toEqual([c.code]);
        expect(response.body.items[0].agreement).toBe(verdict);
        expect((await api.anonymous.get(`/api/v1/commitments/${c.code}`)).body.agreement).toBe(verdict);
      },
    );

    it('follows a later progress update: the verdict and the list filter move with the claim', async () => {
      const c = await aCommitment(api, planC.id);
      await progress(pocC, c, 'COMPLETE');
      await submit(civilA, c, { stance: 'CONFIRMS', supportedCompletion: 'COMPLETE' });
      expect((await agreement(c)).verdict).toBe('CONSISTENT');
      expect((await api.anonymous.get(`/api/v1/commitments/${c.code}`)).body.agreement).toBe('CONSISTENT');
      // The government now reports less than the evidence supports: the sources disagree.
      await progress(pocC, c, 'LIMITED');
      const body = await agreement(c);
      expect(body.verdict).toBe('DIVERGENT');
      expect(body.selfReported).toEqual({ completion: 'LIMITED' });
      expect((await api.anonymous.get(`/api/v1/commitments/${c.code}`)).body.agreement).toBe('DIVERGENT');
      const divergentCodes = (
        await api.anonymous.get(`/api/v1/commitments?member=${memberC.code}&agreement=DIVERGENT&limit=200`)
      ).body.items.map((x: any) => x.code);
      expect(divergentCodes).toContain(c.code);
    });

    it('refuses an unknown agreement value, and answers 404 for an unknown commitment', async () => {
      expectProblem(
        await api.anonymous.get('/api/v1/commitments?agreement=AGREED'),
        400,
        'validation.failed',
        'agreement',
      );
      expectProblem(
        await api.anonymous.get('/api/v1/commitments?agreement=contested'),
        400,
        'validation.failed',
        'agreement',
      );
      expectProblem(
        await api.anonymous.get('/api/v1/commitments/ZZ9999/agreement'),
        404,
        'commitment.not_found',
      );
    });

    it('moves a CONTESTED commitment on once moderators hide the contradicting items', async () => {
      // One against one is still contested.
      expect((await api.post(hideUrl(contra1.id), { reason: 'Duplicate submission.' })).status).toBe(200);
      let body = await agreement(contested);
      expect(body.verdict).toBe('CONTESTED');
      expect(body.civic.counts).toEqual({ confirms: 1, contradicts: 1, mixed: 0, context: 0 });

      expect((await api.post(hideUrl(contra2.id), { reason: 'Spam.' })).status).toBe(200);
      body = await agreement(contested);
      expect(body.verdict).toBe('CONSISTENT');
      expect(body.civic.counts).toEqual({ confirms: 1, contradicts: 0, mixed: 0, context: 0 });
      expect(body.civic.latest.map((e: any) => e.id)).toEqual([confirmContested.id]);

      const list = async (verdict: string) =>
        (
          await api.anonymous.get(`/api/v1/commitments?member=${memberC.code}&agreement=${verdict}&limit=200`)
        ).body.items.map((x: any) => x.code);
      expect(await list('CONTESTED')).toEqual([]);
      expect(await list('CONSISTENT')).toEqual([consistent.code, contested.code].sort());
      expect((await api.anonymous.get(`/api/v1/commitments/${contested.code}`)).body.agreement).toBe(
        'CONSISTENT',
      );
    });
  });

  describe('timeline', () => {
    it('shows public, unhidden evidence and replies only', async () => {
      const c = await aCommitment(api, planA.id);
      const pub = await submit(civilA, c, {
        type: 'COMMUNITY_SCORECARD',
        title: 'Community scorecard of the clinics',
        stance: 'MIXED',
        supportedCompletion: 'SUBSTANTIAL',
      });
      const restricted = await submit(civilA, c, { visibility: 'RESTRICTED', title: 'Restricted notes' });
      const hidden = await submit(civilB, c, { title: 'To be hidden' });
      const answer = await reply(pocA, pub, 'Thank you; the clinics will be reassessed.');
      const hiddenReply = await reply(civilA, pub, 'A reply with personal data.');
      await reply(civilA, restricted, 'A reply on the restricted item.');
      await reply(pocA, hidden, 'A reply on the hidden item.');
      expect((await api.post(hideUrl(hidden.id), { reason: 'Spam.' })).status).toBe(200);
      expect((await api.post(hideReplyUrl(hiddenReply.id), { reason: 'Personal data.' })).status).toBe(200);

      const entries = await timeline(c);
      expect(entries).toEqual([
        {
          kind: 'EVIDENCE',
          at: pub.createdAt,
          subjectId: pub.id,
          author: { role: 'civil_society', member: null },
          summary: expect.stringContaining('Community scorecard of the clinics'),
          details: {
            type: 'COMMUNITY_SCORECARD',
            stance: 'MIXED',
            title: 'Community scorecard of the clinics',
            supportedCompletion: 'SUBSTANTIAL',
            organisation: 'Open Budget Coalition',
          },
        },
        {
          kind: 'EVIDENCE_REPLY',
          at: answer.createdAt,
          subjectId: answer.id,
          author: { role: 'government_poc', member: memberA.code },
          summary: expect.stringContaining('Community scorecard of the clinics'),
          details: { evidenceId: pub.id, evidenceTitle: 'Community scorecard of the clinics' },
        },
      ]);
      expect(entries[0].summary).toContain('Open Budget Coalition');
      // The same for everyone: the timeline is public.
      expect(await timeline(c, api)).toEqual(entries);
      expect(await timeline(c, civilA)).toEqual(entries);

      // All of it, refusals included, keeps the audit chain whole.
      const verified = await api.get('/api/v1/audit/verify');
      expect(verified.status).toBe(200);
      expect(verified.body.valid).toBe(true);
    });
  });
});
