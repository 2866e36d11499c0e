import { UUID, countRows, expectProblem, fieldsOf, walk } from './support/assertions.js';
import { ENGINE, TestApp } from './support/test-app.js';
import { aCommitment, aMember, aMilestone, aPlan } from './support/factories.js';

const UNKNOWN_UUID = '3b9d6a4e-5c1f-4e2a-8d7b-9f0e1a2b3c4d';

/** Today as the service sees it: the UTC date. */
function todayUtc(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const THIS_YEAR = new Date().getUTCFullYear();
const FUTURE_DUE = `${THIS_YEAR + 3}-12-31`;
const PAST_DUE = todayUtc(-30);

/** Lets the clock move on, so that records posted one after the other never share a millisecond. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

describe(`progress updates (${ENGINE})`, () => {
  let api: TestApp;
  let memberA: any;
  let memberB: any;
  let planA: any;
  let planB: any;
  let pocA: TestApp;
  let pocAUser: any;
  let pocB: TestApp;
  let civil: TestApp;
  let assessorA: TestApp;

  beforeAll(async () => {
    api = await TestApp.start();
    memberA = await aMember(api, { name: 'Kenya' });
    memberB = await aMember(api, { name: 'Papua New Guinea' });
    planA = await aPlan(api, memberA.code);
    planB = await aPlan(api, memberB.code);
    const organisation = await api.post('/api/v1/organisations', {
      name: 'Open Budget Coalition',
      type: 'CIVIL_SOCIETY',
    });
    expect(organisation.status).toBe(201);
    const a = await api.createUser({
      name: 'POC of A',
      email: 'poc.a@example.org',
      role: 'government_poc',
      member: memberA.code,
    });
    pocA = api.as(a.token);
    pocAUser = a.user;
    pocB = await api.signIn({
      name: 'POC of B',
      email: 'poc.b@example.org',
      role: 'government_poc',
      member: memberB.code,
    });
    civil = await api.signIn({
      name: 'Civic watcher',
      email: 'cso@example.org',
      role: 'civil_society',
      organisation: organisation.body.id,
    });
    assessorA = await api.signIn({
      name: 'IRM researcher',
      email: 'irm@example.org',
      role: 'assessor',
      assignedMembers: [memberA.code],
    });
  });
  afterAll(() => api.close());

  const updatesUrl = (c: any) => `/api/v1/commitments/${c.code}/progress-updates`;
  const updateUrl = (id: string) => `/api/v1/progress-updates/${id}`;
  const commitmentUrl = (c: any) => `/api/v1/commitments/${c.code}`;
  const milestoneUrl = (m: any) => `/api/v1/milestones/${m.id}`;

  /** A commitment-level update. */
  const onCommitment = (reportedCompletion: string, overrides: Record<string, unknown> = {}) => ({
    reportedCompletion,
    narrative: `The government reports ${reportedCompletion.toLowerCase()} completion.`,
    ...overrides,
  });
  /** A milestone-level update. */
  const onMilestone = (m: any, milestoneStatus: string, overrides: Record<string, unknown> = {}) => ({
    milestoneId: m.id,
    milestoneStatus,
    narrative: `Milestone ${m.ordinal} is now ${milestoneStatus.toLowerCase()}.`,
    ...overrides,
  });

  async function post(as: TestApp, c: any, body: Record<string, unknown>): Promise<any> {
    const response = await as.post(updatesUrl(c), body);
    if (response.status !== 201) throw new Error(`progress update: ${response.status} ${response.text}`);
    return response.body;
  }

  async function commitment(c: any): Promise<any> {
    const response = await api.get(commitmentUrl(c));
    expect(response.status).toBe(200);
    return response.body;
  }

  /** What a refused post must leave as it was. Refused attempts by another member are logged apart (DENIED). */
  async function snapshot(c: any): Promise<Record<string, unknown>> {
    return {
      commitment: await commitment(c),
      milestones: (await api.get(`${commitmentUrl(c)}/milestones?limit=200`)).body.items,
      updates: await countRows(api, 'progress_update'),
      audit: await countRows(api, 'audit_log', `action <> 'DENIED'`),
    };
  }

  describe('posting', () => {
    it('records an update on the commitment by a point of contact of its member, with its facts', async () => {
      const c = await aCommitment(api, planA.id);
      const before = await api.get(commitmentUrl(c));
      expect(before.body.state).toEqual({
        progress: null,
        completionLevel: null,
        overdueMilestones: 0,
        onTime: null,
        selfReportedCompletion: null,
      });

      const response = await pocA.post(updatesUrl(c), {
        reportedCompletion: 'LIMITED',
        percentComplete: 30,
        narrative: '  Hearings held in 14 of 47 counties.  ',
        links: [
          { url: 'https://example.org/reports/q1-2025.pdf', title: 'Q1 2025 report' },
          { url: 'https://example.org/hearings/minutes' },
        ],
        periodStart: '2025-01-01',
        periodEnd: '2025-03-31',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        commitment: c.code,
        milestone: null,
        reportedCompletion: 'LIMITED',
        milestoneStatus: null,
        percentComplete: 30,
        narrative: 'Hearings held in 14 of 47 counties.',
        links: [
          { url: 'https://example.org/reports/q1-2025.pdf', title: 'Q1 2025 report' },
          { url: 'https://example.org/hearings/minutes', title: null },
        ],
        periodStart: '2025-01-01',
        periodEnd: '2025-03-31',
        corrects: null,
        correctedBy: null,
        author: { role: 'government_poc', member: memberA.code },
        createdAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(response.body.createdAt) - Date.now())).toBeLessThan(60_000);
      const [row] = await api.query<any>(
        'SELECT author_id, author_role, commitment_id, milestone_id FROM progress_update WHERE id = $1',
        [response.body.id],
      );
      expect(row).toEqual({
        author_id: pocAUser.id,
        author_role: 'government_poc',
        commitment_id: c.id,
        milestone_id: null,
      });

      // The commitment moves: a new version, a new ETag, and the self-reported completion.
      const after = await api.get(commitmentUrl(c));
      expect(after.body.version).toBe(before.body.version + 1);
      expect(after.headers.etag).toBe(`"${before.body.version + 1}"`);
      expect(after.body.state).toEqual({ ...before.body.state, selfReportedCompletion: 'LIMITED' });
      expect((await api.get(commitmentUrl(c), { 'if-none-match': String(before.headers.etag) })).status).toBe(
        200,
      );
      expect({ ...after.body, version: before.body.version, updatedAt: before.body.updatedAt }).toEqual({
        ...before.body,
        state: { ...before.body.state, selfReportedCompletion: 'LIMITED' },
      });

      // The latest update on the commitment is what the commitment says the government reports.
      await tick();
      await post(pocA, c, onCommitment('SUBSTANTIAL', { percentComplete: 60 }));
      const later = await commitment(c);
      expect(later.version).toBe(before.body.version + 2);
      expect(later.state.selfReportedCompletion).toBe('SUBSTANTIAL');
      await tick();
      await post(pocA, c, onCommitment('WITHDRAWN'));
      expect((await commitment(c)).state.selfReportedCompletion).toBe('WITHDRAWN');
    });

    it('lets an admin post too, recorded as the admin of no member', async () => {
      const c = await aCommitment(api, planB.id);
      const update = await post(api, c, onCommitment('NOT_STARTED'));
      expect(update.author).toEqual({ role: 'admin', member: null });
      expect((await commitment(c)).state.selfReportedCompletion).toBe('NOT_STARTED');
    });

    it("moves the milestone's status in the same transaction, and the commitment's derived state with it", async () => {
      const c = await aCommitment(api, planA.id);
      const m1 = await aMilestone(api, c.code, { title: 'Draft the bill', weight: 3, dueDate: FUTURE_DUE });
      const m2 = await aMilestone(api, c.code, { title: 'Hold hearings', weight: 1, dueDate: FUTURE_DUE });
      const m3 = await aMilestone(api, c.code, {
        title: 'Pilot in one county',
        weight: 1,
        dueDate: PAST_DUE,
      });
      let previous = await commitment(c);
      expect(previous.state).toEqual({
        progress: 0,
        completionLevel: 'NOT_STARTED',
        overdueMilestones: 1,
        onTime: false,
        selfReportedCompletion: null,
      });

      const steps: [any, string, Record<string, unknown>, Record<string, unknown>][] = [
        // The overdue milestone is withdrawn: it no longer counts, nothing is overdue.
        [
          m3,
          'WITHDRAWN',
          { status: 'WITHDRAWN', completedOn: null },
          { progress: 0, completionLevel: 'NOT_STARTED', overdueMilestones: 0, onTime: true },
        ],
        [
          m1,
          'IN_PROGRESS',
          { status: 'IN_PROGRESS', completedOn: null },
          { progress: 0, completionLevel: 'NOT_STARTED', overdueMilestones: 0, onTime: true },
        ],
        // 1 of 4 weight units complete.
        [
          m2,
          'COMPLETE',
          { status: 'COMPLETE', completedOn: todayUtc() },
          { progress: 0.25, completionLevel: 'LIMITED', overdueMilestones: 0, onTime: true },
        ],
        [
          m1,
          'COMPLETE',
          { status: 'COMPLETE', completedOn: todayUtc() },
          { progress: 1, completionLevel: 'COMPLETE', overdueMilestones: 0, onTime: true },
        ],
        // Reopened: 3 of 4 complete, and the completion date goes.
        [
          m2,
          'IN_PROGRESS',
          { status: 'IN_PROGRESS', completedOn: null },
          { progress: 0.75, completionLevel: 'SUBSTANTIAL', overdueMilestones: 0, onTime: true },
        ],
      ];
      for (const [m, status, milestoneFacts, state] of steps) {
        const milestoneBefore = (await api.get(milestoneUrl(m))).body;
        const response = await pocA.post(updatesUrl(c), onMilestone(m, status, { percentComplete: 50 }));
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({
          commitment: c.code,
          milestone: { id: m.id, ordinal: m.ordinal, title: m.title },
          reportedCompletion: null,
          milestoneStatus: status,
          percentComplete: 50,
          author: { role: 'government_poc', member: memberA.code },
        });
        const milestoneAfter = (await api.get(milestoneUrl(m))).body;
        expect(milestoneAfter).toMatchObject({ ...milestoneFacts, version: milestoneBefore.version + 1 });
        const now = await commitment(c);
        expect(now.version).toBe(previous.version + 1);
        expect(now.state).toEqual({ ...state, selfReportedCompletion: null });
        previous = now;
      }
      expect(previous.milestones).toEqual({
        total: 3,
        notStarted: 0,
        inProgress: 1,
        complete: 1,
        withdrawn: 1,
      });

      // Each status change is in the audit log as a change of the milestone, by the point of contact.
      const entries = await api.query<any>(
        `SELECT resource_id, actor_role, commitment_id, before ->> 'status' AS "from", after ->> 'status' AS "to"
           FROM audit_log WHERE resource_type = 'milestone' AND action = 'UPDATE' AND commitment_id = $1 ORDER BY id`,
        [c.id],
      );
      const froms = ['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED', 'IN_PROGRESS', 'COMPLETE'];
      expect(entries).toEqual(
        steps.map(([m, status], i) => ({
          resource_id: m.id,
          actor_role: 'government_poc',
          commitment_id: c.id,
          from: froms[i],
          to: status,
        })),
      );
    });

    it('counts overdue milestones by the precision of their due date, and a late completion is not on time', async () => {
      const c = await aCommitment(api, planA.id);
      // Due "this year": not overdue before the year ends.
      const thisYear = await aMilestone(api, c.code, {
        dueDate: `${THIS_YEAR}-01-01`,
        dueDatePrecision: 'YEAR',
      });
      // Due "last year": overdue.
      const lastYear = await aMilestone(api, c.code, {
        dueDate: `${THIS_YEAR - 1}-01-01`,
        dueDatePrecision: 'YEAR',
      });
      expect((await commitment(c)).state).toMatchObject({ overdueMilestones: 1, onTime: false });
      await post(pocA, c, onMilestone(thisYear, 'COMPLETE'));
      expect((await commitment(c)).state).toEqual({
        progress: 0.5,
        completionLevel: 'SUBSTANTIAL',
        overdueMilestones: 1,
        onTime: false,
        selfReportedCompletion: null,
      });
      // Completing the late milestone ends the overdue count, but it was not done on time.
      await post(pocA, c, onMilestone(lastYear, 'COMPLETE'));
      expect((await commitment(c)).state).toEqual({
        progress: 1,
        completionLevel: 'COMPLETE',
        overdueMilestones: 0,
        onTime: false,
        selfReportedCompletion: null,
      });
    });

    it('refuses a status the milestone cannot take, writing neither the update nor the change', async () => {
      const c = await aCommitment(api, planA.id);
      // Starts next year: it cannot be complete today.
      const m = await aMilestone(api, c.code, {
        startDate: `${THIS_YEAR + 1}-01-01`,
        dueDate: `${THIS_YEAR + 1}-06-30`,
      });
      const before = await snapshot(c);
      const response = await pocA.post(updatesUrl(c), onMilestone(m, 'COMPLETE'));
      expectProblem(response, 422, undefined, 'milestoneStatus');
      expect(await snapshot(c)).toEqual(before);
      expect(await countRows(api, 'progress_update', 'commitment_id = $1', [c.id])).toBe(0);
    });

    it('replays a post with the same Idempotency-Key and body, writing one update', async () => {
      const c = await aCommitment(api, planA.id);
      const headers = { 'idempotency-key': `progress-${c.code}` };
      const body = onCommitment('LIMITED');
      const first = await pocA.post(updatesUrl(c), body, headers);
      expect(first.status).toBe(201);
      const again = await pocA.post(updatesUrl(c), body, headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await countRows(api, 'progress_update', 'commitment_id = $1', [c.id])).toBe(1);
      expect((await commitment(c)).version).toBe(c.version + 1);
      expectProblem(
        await pocA.post(updatesUrl(c), onCommitment('COMPLETE'), headers),
        422,
        'idempotency.key_reused',
      );
      expect(await countRows(api, 'progress_update', 'commitment_id = $1', [c.id])).toBe(1);
    });
  });

  describe('refusals, each writing nothing', () => {
    let c: any;
    let m: any;
    let otherMilestone: any;
    let otherUpdate: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      m = await aMilestone(api, c.code, { dueDate: FUTURE_DUE });
      const other = await aCommitment(api, planA.id);
      otherMilestone = await aMilestone(api, other.code, { dueDate: FUTURE_DUE });
      otherUpdate = await post(pocA, other, onCommitment('LIMITED'));
      await post(pocA, c, onCommitment('LIMITED'));
    });

    const cases: [string, () => Record<string, unknown>, number, string, string][] = [
      [
        'a milestoneId without milestoneStatus',
        () => ({ milestoneId: m.id, narrative: 'Done.' }),
        422,
        'progress_update.invalid',
        'milestoneStatus',
      ],
      [
        'a reportedCompletion on an update about a milestone',
        () => onMilestone(m, 'IN_PROGRESS', { reportedCompletion: 'LIMITED' }),
        422,
        'progress_update.invalid',
        'reportedCompletion',
      ],
      [
        'an update on the commitment without reportedCompletion',
        () => ({ narrative: 'Some progress.' }),
        422,
        'progress_update.invalid',
        'reportedCompletion',
      ],
      [
        'a milestoneStatus without milestoneId',
        () => ({ milestoneStatus: 'COMPLETE', narrative: 'Done.' }),
        422,
        'progress_update.invalid',
        'milestoneStatus',
      ],
      [
        'a milestone of another commitment',
        () => onMilestone(otherMilestone, 'IN_PROGRESS'),
        422,
        'progress_update.invalid',
        'milestoneId',
      ],
      [
        'an unknown milestone',
        () => onMilestone({ id: UNKNOWN_UUID, ordinal: 1 }, 'IN_PROGRESS'),
        422,
        'progress_update.invalid',
        'milestoneId',
      ],
      [
        'a milestoneId that is not a uuid',
        () => onMilestone({ id: 'first', ordinal: 1 }, 'IN_PROGRESS'),
        400,
        'validation.failed',
        'milestoneId',
      ],
      [
        'periodEnd before periodStart',
        () => onCommitment('LIMITED', { periodStart: '2025-07-01', periodEnd: '2025-06-30' }),
        422,
        'progress_update.invalid',
        'periodEnd',
      ],
      [
        'a periodStart that does not exist',
        () => onCommitment('LIMITED', { periodStart: '2025-02-30' }),
        400,
        'validation.failed',
        'periodStart',
      ],
      [
        'percentComplete 101',
        () => onCommitment('LIMITED', { percentComplete: 101 }),
        400,
        'validation.failed',
        'percentComplete',
      ],
      [
        'percentComplete -1',
        () => onCommitment('LIMITED', { percentComplete: -1 }),
        400,
        'validation.failed',
        'percentComplete',
      ],
      [
        'a fractional percentComplete',
        () => onCommitment('LIMITED', { percentComplete: 12.5 }),
        400,
        'validation.failed',
        'percentComplete',
      ],
      [
        'percentComplete as text',
        () => onCommitment('LIMITED', { percentComplete: '50' }),
        400,
        'validation.failed',
        'percentComplete',
      ],
      ['no narrative', () => ({ reportedCompletion: 'LIMITED' }), 400, 'validation.failed', 'narrative'],
      [
        'a narrative of 20001 characters',
        () => onCommitment('LIMITED', { narrative: 'n'.repeat(20_001) }),
        400,
        'validation.failed',
        'narrative',
      ],
      [
        'an unknown field',
        () => onCommitment('LIMITED', { owner: 'someone' }),
        400,
        'validation.failed',
        'owner',
      ],
      [
        'an author in the body',
        () => onCommitment('LIMITED', { author: { role: 'admin' } }),
        400,
        'validation.failed',
        'author',
      ],
      [
        'a createdAt in the body',
        () => onCommitment('LIMITED', { createdAt: '2020-01-01T00:00:00Z' }),
        400,
        'validation.failed',
        'createdAt',
      ],
      [
        'an unknown reportedCompletion',
        () => onCommitment('IN_PROGRESS'),
        400,
        'validation.failed',
        'reportedCompletion',
      ],
      [
        'a completion level as a milestone status',
        () => onMilestone(m, 'LIMITED'),
        400,
        'validation.failed',
        'milestoneStatus',
      ],
      [
        'a link that is not an http URL',
        () => onCommitment('LIMITED', { links: [{ url: 'javascript:alert(1)' }] }),
        400,
        'validation.failed',
        'links[0].url',
      ],
      [
        'a link with an unknown field',
        () => onCommitment('LIMITED', { links: [{ url: 'https://example.org/a', kind: 'pdf' }] }),
        400,
        'validation.failed',
        'links[0].kind',
      ],
      [
        'corrects: an unknown update',
        () => onCommitment('LIMITED', { corrects: UNKNOWN_UUID }),
        422,
        'progress_update.invalid',
        'corrects',
      ],
      [
        'corrects: an update of another commitment',
        () => onCommitment('LIMITED', { corrects: otherUpdate.id }),
        422,
        'progress_update.invalid',
        'corrects',
      ],
      [
        'corrects: not a uuid',
        () => onCommitment('LIMITED', { corrects: 'the last one' }),
        400,
        'validation.failed',
        'corrects',
      ],
    ];

    it.each(cases)('refuses %s', async (_name, makeBody, status, code, field) => {
      const before = await snapshot(c);
      const response = await pocA.post(updatesUrl(c), makeBody());
      expectProblem(response, status, code, field);
      expect(await snapshot(c)).toEqual(before);
    });

    it('refuses a narrative of only spaces, naming the field', async () => {
      const before = await snapshot(c);
      const response = await pocA.post(updatesUrl(c), onCommitment('LIMITED', { narrative: ' \n\t ' }));
      expect([400, 422]).toContain(response.status);
      expectProblem(response, response.status, undefined, 'narrative');
      expect(await snapshot(c)).toEqual(before);
    });

    it('names every shape problem at once', async () => {
      const response = await pocA.post(updatesUrl(c), {
        milestoneId: m.id,
        reportedCompletion: 'LIMITED',
        narrative: 'Both at once.',
        periodStart: '2025-07-01',
        periodEnd: '2025-06-30',
      });
      expectProblem(response, 422, 'progress_update.invalid');
      expect(fieldsOf(response).sort()).toEqual(['milestoneStatus', 'periodEnd', 'reportedCompletion']);
    });

    it.each([
      ['malformed JSON', '{"narrative": ', 'application/json', 400],
      ['an empty body', '', 'application/json', 400],
      ['a JSON array', '[]', 'application/json', 400],
      ['plain text', 'narrative=x', 'text/plain', 415],
    ])('refuses %s', async (_name, raw, contentType, status) => {
      const before = await snapshot(c);
      const response = await pocA.request('POST', updatesUrl(c), undefined, {
        raw,
        headers: { 'content-type': contentType },
      });
      expectProblem(response, status);
      expect(await snapshot(c)).toEqual(before);
    });

    it('answers 404 for an unknown commitment', async () => {
      const before = await snapshot(c);
      expectProblem(
        await pocA.post('/api/v1/commitments/ZZ9999/progress-updates', onCommitment('LIMITED')),
        404,
        'commitment.not_found',
      );
      expect(await snapshot(c)).toEqual(before);
    });

    it('refuses a point of contact of another member (403 access.denied), and logs the attempt', async () => {
      const before = await snapshot(c);
      const denied = () =>
        countRows(
          api,
          'audit_log',
          `action = 'DENIED' AND resource_type = 'progress_update' AND commitment_id = $1`,
          [c.id],
        );
      const deniedBefore = await denied();
      expectProblem(await pocB.post(updatesUrl(c), onCommitment('COMPLETE')), 403, 'access.denied');
      expectProblem(await pocB.post(updatesUrl(c), onMilestone(m, 'COMPLETE')), 403, 'access.denied');
      expect(await snapshot(c)).toEqual(before);
      expect(await denied()).toBe(deniedBefore + 2);
    });

    it.each([
      ['civil society', () => civil, 403, 'access.forbidden'],
      ['an assessor', () => assessorA, 403, 'access.forbidden'],
      ['an anonymous caller', () => api.anonymous, 401, 'auth.required'],
    ])('refuses %s', async (_name, caller, status, code) => {
      const before = await snapshot(c);
      expectProblem(await caller().post(updatesUrl(c), onCommitment('COMPLETE')), status, code);
      expectProblem(await caller().post(updatesUrl(c), onMilestone(m, 'COMPLETE')), status, code);
      expect(await snapshot(c)).toEqual(before);
    });
  });

  describe('corrections', () => {
    it('keeps the latest report as the self-reported completion when an older one is corrected', async () => {
      const c = await aCommitment(api, planA.id);
      const q1 = await post(pocA, c, onCommitment('LIMITED', { narrative: 'First quarter.' }));
      await tick();
      await post(pocA, c, onCommitment('SUBSTANTIAL', { narrative: 'Second quarter.' }));
      await tick();
      await post(
        pocA,
        c,
        onCommitment('NOT_STARTED', { narrative: 'Correction of the first quarter.', corrects: q1.id }),
      );
      expect((await commitment(c)).state.selfReportedCompletion).toBe('SUBSTANTIAL');
      const list = await api.get(
        `/api/v1/commitments?selfReportedCompletion=SUBSTANTIAL&member=${memberA.code}&limit=200`,
      );
      expect(list.body.items.map((i: any) => i.code)).toContain(c.code);
    });

    it('takes a correction of the latest report as the latest word', async () => {
      const c = await aCommitment(api, planA.id);
      const latest = await post(pocA, c, onCommitment('COMPLETE', { narrative: 'All done.' }));
      await tick();
      await post(
        pocA,
        c,
        onCommitment('SUBSTANTIAL', { narrative: 'Correction: not quite.', corrects: latest.id }),
      );
      expect((await commitment(c)).state.selfReportedCompletion).toBe('SUBSTANTIAL');
    });

    it('corrects an update with a new one naming it; both stay visible, each corrected at most once', async () => {
      const c = await aCommitment(api, planA.id);
      const wrong = await post(pocA, c, onCommitment('COMPLETE', { percentComplete: 100 }));
      expect((await commitment(c)).state.selfReportedCompletion).toBe('COMPLETE');
      await tick();
      const correction = await post(
        pocA,
        c,
        onCommitment('LIMITED', {
          percentComplete: 30,
          narrative: 'Correction: only the first phase is complete.',
          corrects: wrong.id,
        }),
      );
      expect(correction).toMatchObject({
        corrects: wrong.id,
        correctedBy: null,
        reportedCompletion: 'LIMITED',
      });
      expect((await api.anonymous.get(updateUrl(wrong.id))).body).toEqual({
        ...wrong,
        correctedBy: correction.id,
      });
      expect((await commitment(c)).state.selfReportedCompletion).toBe('LIMITED');
      const listed = (await api.anonymous.get(updatesUrl(c))).body.items;
      expect(listed.map((u: any) => [u.id, u.corrects, u.correctedBy])).toEqual([
        [correction.id, wrong.id, null],
        [wrong.id, null, correction.id],
      ]);

      // A second correction of the same update: 409, nothing written.
      const before = await snapshot(c);
      const again = await pocA.post(updatesUrl(c), onCommitment('SUBSTANTIAL', { corrects: wrong.id }));
      expectProblem(again, 409, 'progress_update.already_corrected', 'corrects');
      expect(await snapshot(c)).toEqual(before);

      // The correction itself may be corrected: corrections form a line.
      await tick();
      const second = await post(pocA, c, onCommitment('SUBSTANTIAL', { corrects: correction.id }));
      expect((await api.get(updateUrl(correction.id))).body.correctedBy).toBe(second.id);
      expect((await api.get(updateUrl(wrong.id))).body.correctedBy).toBe(correction.id);
      expect(await countRows(api, 'progress_update', 'commitment_id = $1', [c.id])).toBe(3);
    });

    it('lets one of two concurrent corrections of the same update win, and refuses the other with 409', async () => {
      const c = await aCommitment(api, planA.id);
      const wrong = await post(pocA, c, onCommitment('COMPLETE'));
      const responses = await Promise.all([
        pocA.post(updatesUrl(c), onCommitment('LIMITED', { corrects: wrong.id })),
        pocA.post(updatesUrl(c), onCommitment('SUBSTANTIAL', { corrects: wrong.id })),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const lost = responses.find((r) => r.status === 409);
      expectProblem(lost as any, 409, 'progress_update.already_corrected');
      expect(await countRows(api, 'progress_update', 'commitment_id = $1', [c.id])).toBe(2);
    });

    it('corrects a milestone update with a new milestone update, and the milestone follows', async () => {
      const c = await aCommitment(api, planA.id);
      const m = await aMilestone(api, c.code, { dueDate: FUTURE_DUE });
      const wrong = await post(pocA, c, onMilestone(m, 'COMPLETE'));
      expect((await api.get(milestoneUrl(m))).body).toMatchObject({
        status: 'COMPLETE',
        completedOn: todayUtc(),
      });
      const fix = await post(pocA, c, onMilestone(m, 'IN_PROGRESS', { corrects: wrong.id }));
      expect(fix.corrects).toBe(wrong.id);
      expect((await api.get(milestoneUrl(m))).body).toMatchObject({
        status: 'IN_PROGRESS',
        completedOn: null,
      });
      expect((await commitment(c)).state).toMatchObject({ progress: 0, completionLevel: 'NOT_STARTED' });
    });
  });

  describe('append-only', () => {
    let c: any;
    let update: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      update = await post(pocA, c, onCommitment('LIMITED'));
    });

    it.each([
      ['the point of contact', () => pocA],
      ['an admin', () => api],
      ['an anonymous caller', () => api.anonymous],
    ])('answers 405 to PATCH and DELETE by %s, changing nothing', async (_name, caller) => {
      const before = await snapshot(c);
      for (const method of ['PATCH', 'DELETE'] as const) {
        const response = await caller().request(
          method,
          updateUrl(update.id),
          method === 'PATCH' ? { narrative: 'Rewritten.' } : undefined,
          { headers: { 'if-match': '"1"' } },
        );
        const problem = expectProblem(response, 405, 'progress_update.append_only');
        expect(problem.detail).toContain('corrects');
        expect(response.headers.allow).toBe('GET');
      }
      expect(await snapshot(c)).toEqual(before);
      expect((await api.get(updateUrl(update.id))).body).toEqual(update);
    });

    it('is enforced by the database: UPDATE and DELETE of a row are refused', async () => {
      await expect(
        api.query(`UPDATE progress_update SET narrative = 'Rewritten.' WHERE id = $1`, [update.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        api.query(`UPDATE progress_update SET reported_completion = 'COMPLETE' WHERE commitment_id = $1`, [
          c.id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(api.query('DELETE FROM progress_update WHERE id = $1', [update.id])).rejects.toThrow(
        /append-only/,
      );
      const [row] = await api.query<any>(
        'SELECT narrative, reported_completion FROM progress_update WHERE id = $1',
        [update.id],
      );
      expect(row).toEqual({ narrative: update.narrative, reported_completion: 'LIMITED' });
      expect((await api.get(updateUrl(update.id))).body).toEqual(update);
    });
  });

  describe('reading', () => {
    let c: any;
    let m1: any;
    let m2: any;
    let posted: any[];

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      m1 = await aMilestone(api, c.code, { dueDate: FUTURE_DUE });
      m2 = await aMilestone(api, c.code, { dueDate: FUTURE_DUE });
      posted = [];
      for (const body of [
        onCommitment('NOT_STARTED'),
        onMilestone(m1, 'IN_PROGRESS'),
        onMilestone(m2, 'IN_PROGRESS'),
        onCommitment('LIMITED'),
        onMilestone(m1, 'COMPLETE'),
        onCommitment('SUBSTANTIAL'),
        onMilestone(m2, 'COMPLETE'),
      ]) {
        posted.push(await post(pocA, c, body));
        await tick();
      }
    });

    const newestFirst = (updates: any[]) => [...updates].reverse().map((u) => u.id);

    it('lists every update, newest first, to anyone', async () => {
      const response = await api.anonymous.get(updatesUrl(c));
      expect(response.status).toBe(200);
      expect(response.body.nextCursor).toBeNull();
      expect(response.body.items.map((u: any) => u.id)).toEqual(newestFirst(posted));
      expect(response.body.items).toEqual([...posted].reverse());
      // The code of the commitment is not case-sensitive; its id works too.
      expect((await api.anonymous.get(`/api/v1/commitments/${c.id}/progress-updates`)).body.items).toEqual(
        response.body.items,
      );
    });

    it('filters by milestone', async () => {
      const onM1 = (await api.anonymous.get(`${updatesUrl(c)}?milestone=${m1.id}`)).body.items;
      expect(onM1.map((u: any) => u.id)).toEqual(
        newestFirst(posted.filter((u) => u.milestone?.id === m1.id)),
      );
      expect(onM1.map((u: any) => u.milestoneStatus)).toEqual(['COMPLETE', 'IN_PROGRESS']);
      // A milestone of no update on this commitment: an empty list.
      const other = await aCommitment(api, planA.id);
      const foreign = await aMilestone(api, other.code);
      expect((await api.get(`${updatesUrl(c)}?milestone=${foreign.id}`)).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('pages through the list with a cursor and Link headers, in the same order', async () => {
      const all = await walk(api.anonymous, `${updatesUrl(c)}?limit=2`);
      expect(all.pages).toBe(4);
      expect(all.items.map((u) => u.id)).toEqual(newestFirst(posted));
      const one = await walk(api.anonymous, `${updatesUrl(c)}?limit=1&milestone=${m2.id}`);
      expect(one.pages).toBe(2);
      expect(one.items.map((u) => u.id)).toEqual(
        newestFirst(posted.filter((u) => u.milestone?.id === m2.id)),
      );
    });

    it.each([
      ['a milestone that is not a uuid', '?milestone=first', 400, 'validation.failed', 'milestone'],
      ['limit 0', '?limit=0', 400, 'validation.failed', 'limit'],
      ['limit 201', '?limit=201', 400, 'validation.failed', 'limit'],
      [
        'a cursor it did not give out',
        '?cursor=bm90LWEtY3Vyc29y',
        400,
        'pagination.invalid_cursor',
        'cursor',
      ],
      ['an unknown parameter', '?author=poc', 400, 'validation.failed', 'author'],
    ])('refuses %s', async (_name, query, status, code, field) => {
      expectProblem(await api.anonymous.get(`${updatesUrl(c)}${query}`), status, code, field);
    });

    it('answers 404 for the updates of an unknown commitment', async () => {
      expectProblem(
        await api.anonymous.get('/api/v1/commitments/ZZ9999/progress-updates'),
        404,
        'commitment.not_found',
      );
    });

    it('reads one update, to anyone', async () => {
      const response = await api.anonymous.get(updateUrl(posted[1].id));
      expect(response.status).toBe(200);
      expect(response.body).toEqual(posted[1]);
      expect(response.body).toMatchObject({
        milestone: { id: m1.id, ordinal: m1.ordinal, title: m1.title },
        milestoneStatus: 'IN_PROGRESS',
        reportedCompletion: null,
      });
      expectProblem(await api.anonymous.get(updateUrl(UNKNOWN_UUID)), 404, 'progress_update.not_found');
      expectProblem(await api.anonymous.get(updateUrl('not-an-id')), 404, 'progress_update.not_found');
    });
  });

  describe('timeline', () => {
    let c: any;
    let m: any;
    let first: any;
    let onM: any;
    let last: any;
    let assessment: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      m = await aMilestone(api, c.code, { dueDate: FUTURE_DUE });
      await tick();
      first = await post(pocA, c, onCommitment('LIMITED', { percentComplete: 20 }));
      await tick();
      onM = await post(pocA, c, onMilestone(m, 'IN_PROGRESS'));
      await tick();
      // A change that does not touch the status is no event of the timeline.
      expect((await api.patch(milestoneUrl(m), { title: 'Renamed milestone' })).status).toBe(200);
      await tick();
      expect((await api.patch(milestoneUrl(m), { status: 'COMPLETE' })).status).toBe(200);
      await tick();
      // A draft is not on the timeline; once published it is.
      const draft = await assessorA.post(`/api/v1/commitments/${c.code}/assessments`, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'SUBSTANTIAL', earlyResults: 'SIGNIFICANT' },
      });
      expect(draft.status).toBe(201);
      await tick();
      const published = await assessorA.post(`/api/v1/assessments/${draft.body.id}/publish`, undefined, {
        'if-match': `"${draft.body.version}"`,
      });
      expect(published.status).toBe(200);
      assessment = published.body;
      await tick();
      last = await post(pocA, c, onCommitment('COMPLETE'));
      // Another draft, never published.
      expect(
        (
          await assessorA.post(`/api/v1/commitments/${c.code}/assessments`, {
            framework: 'IRM_2021',
            product: 'ACTION_PLAN_REVIEW',
          })
        ).status,
      ).toBe(201);
    });

    const admin = { role: 'admin', member: null };
    const poc = () => ({ role: 'government_poc', member: memberA.code });

    it('lists every progress update, milestone status change and published assessment, oldest first', async () => {
      const response = await api.anonymous.get(`/api/v1/commitments/${c.code}/timeline`);
      expect(response.status).toBe(200);
      expect(response.body.nextCursor).toBeNull();
      const items = response.body.items;
      expect(items).toHaveLength(7);
      const times = items.map((e: any) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const e of items) expect(e.summary).toEqual(expect.stringMatching(/\S/));

      expect(items[0]).toMatchObject({
        kind: 'MILESTONE_STATUS',
        subjectId: m.id,
        author: admin,
        details: { from: null, to: 'NOT_STARTED', ordinal: m.ordinal },
      });
      expect(items[1]).toEqual({
        kind: 'PROGRESS_UPDATE',
        at: first.createdAt,
        subjectId: first.id,
        author: poc(),
        summary: expect.stringContaining('LIMITED'),
        details: expect.objectContaining({
          reportedCompletion: 'LIMITED',
          milestoneStatus: null,
          milestoneId: null,
          percentComplete: 20,
          corrects: null,
        }),
      });
      // The update on the milestone and the change it made happen together, in either order.
      expect([items[2], items[3]]).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'PROGRESS_UPDATE',
            at: onM.createdAt,
            subjectId: onM.id,
            author: poc(),
            details: expect.objectContaining({ milestoneId: m.id, milestoneStatus: 'IN_PROGRESS' }),
          }),
          expect.objectContaining({
            kind: 'MILESTONE_STATUS',
            subjectId: m.id,
            author: poc(),
            details: expect.objectContaining({ from: 'NOT_STARTED', to: 'IN_PROGRESS' }),
          }),
        ]),
      );
      expect(items[4]).toMatchObject({
        kind: 'MILESTONE_STATUS',
        subjectId: m.id,
        author: admin,
        details: { from: 'IN_PROGRESS', to: 'COMPLETE' },
      });
      expect(items[5]).toMatchObject({
        kind: 'ASSESSMENT',
        at: assessment.publishedAt,
        subjectId: assessment.id,
        author: { role: 'assessor', member: null },
        details: {
          framework: 'IRM_2021',
          product: 'RESULTS_REPORT',
          status: 'PUBLISHED',
          completion: 'SUBSTANTIAL',
        },
      });
      expect(items[6]).toMatchObject({
        kind: 'PROGRESS_UPDATE',
        at: last.createdAt,
        subjectId: last.id,
        author: poc(),
        details: { reportedCompletion: 'COMPLETE' },
      });
    });

    it('pages through the timeline with a cursor, in the same order', async () => {
      const whole = (await api.anonymous.get(`/api/v1/commitments/${c.code}/timeline?limit=200`)).body.items;
      for (const limit of [1, 2, 3]) {
        const paged = await walk(api.anonymous, `/api/v1/commitments/${c.code}/timeline?limit=${limit}`);
        expect(paged.pages).toBe(Math.ceil(whole.length / limit));
        expect(paged.items).toEqual(whole);
      }
    });

    it('is empty for a commitment with nothing to tell, and refuses bad queries', async () => {
      const quiet = await aCommitment(api, planB.id);
      expect((await api.anonymous.get(`/api/v1/commitments/${quiet.code}/timeline`)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      expectProblem(
        await api.anonymous.get('/api/v1/commitments/ZZ9999/timeline'),
        404,
        'commitment.not_found',
      );
      expectProblem(
        await api.anonymous.get(`/api/v1/commitments/${c.code}/timeline?limit=0`),
        400,
        'validation.failed',
        'limit',
      );
      expectProblem(
        await api.anonymous.get(`/api/v1/commitments/${c.code}/timeline?cursor=bm9wZQ`),
        400,
        'pagination.invalid_cursor',
      );
    });
  });

  describe('audit log', () => {
    it("records each update with the commitment's id, and shows it in the commitment's history", async () => {
      const c = await aCommitment(api, planA.id);
      const m = await aMilestone(api, c.code, { dueDate: FUTURE_DUE });
      const u1 = await post(pocA, c, onCommitment('LIMITED'));
      const u2 = await post(pocA, c, onMilestone(m, 'IN_PROGRESS'));
      const rows = await api.query<any>(
        `SELECT resource_id, action, actor_id, actor_role, commitment_id, before, after
           FROM audit_log WHERE resource_type = 'progress_update' AND commitment_id = $1 ORDER BY id`,
        [c.id],
      );
      expect(rows).toEqual([
        {
          resource_id: u1.id,
          action: 'CREATE',
          actor_id: pocAUser.id,
          actor_role: 'government_poc',
          commitment_id: c.id,
          before: null,
          after: u1,
        },
        {
          resource_id: u2.id,
          action: 'CREATE',
          actor_id: pocAUser.id,
          actor_role: 'government_poc',
          commitment_id: c.id,
          before: null,
          after: u2,
        },
      ]);

      const history = await walk(api.anonymous, `/api/v1/commitments/${c.code}/history?limit=200`);
      const mine = history.items.map((e: any) => [e.resourceType, e.resourceId, e.action]);
      expect(mine).toEqual(
        expect.arrayContaining([
          ['progress_update', u1.id, 'CREATE'],
          ['progress_update', u2.id, 'CREATE'],
          ['milestone', m.id, 'UPDATE'],
        ]),
      );
      // Newest first: the milestone change came with the second update.
      const positions = (id: string) => history.items.findIndex((e: any) => e.resourceId === id);
      expect(positions(u2.id)).toBeLessThan(positions(u1.id));
      for (const e of history.items) expect(e.actorRole).not.toBeNull();

      const verified = await api.get('/api/v1/audit/verify');
      expect(verified.status).toBe(200);
      expect(verified.body.valid).toBe(true);
    });
  });
});
