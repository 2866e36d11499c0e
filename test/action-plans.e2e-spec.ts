import { randomUUID } from 'node:crypto';
import { countRows, expectProblem, fieldsOf, nextLinkOf, walk } from './support/assertions.js';
import { ENGINE, TestApp } from './support/test-app.js';
import { aMember, aPlan } from './support/factories.js';

// Action plans of a member, their status through co-creation, implementation and end, and the
// meetings of their multi-stakeholder forum.

const TWO_YEARS = { startDate: '2025-01-01', endDate: '2026-12-31' };
const FOUR_YEARS = { startDate: '2024-09-01', endDate: '2028-08-31' };
const ONE_YEAR = { startDate: '2022-07-01', endDate: '2023-06-30' };

const planBody = (overrides: Record<string, unknown> = {}) => ({
  sequenceNumber: 1,
  title: 'Fifth National Action Plan',
  ...TWO_YEARS,
  ...overrides,
});

describe(`action plans (${ENGINE})`, () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await TestApp.start();
  });
  afterAll(() => api.close());

  const storedPlan = async (id: string) =>
    (
      await api.query<any>(
        `SELECT status, start_date::text AS start_date, end_date::text AS end_date, title, version FROM action_plan WHERE id = $1`,
        [id],
      )
    )[0];

  describe('registering', () => {
    it('registers a plan in CO_CREATION by default, with its duration and no warnings for two years', async () => {
      const member = await aMember(api, { name: 'Planland' });
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({ title: '  Fifth National Action Plan  ' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        member: { code: member.code, name: 'Planland' },
        sequenceNumber: 1,
        title: 'Fifth National Action Plan',
        startDate: '2025-01-01',
        endDate: '2026-12-31',
        durationMonths: 24,
        status: 'CO_CREATION',
        coCreationLevel: null,
        implementationLevel: null,
        participationOpenness: null,
        warnings: [],
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.headers.etag).toBe('"1"');

      const [row] = await api.query<any>(
        `SELECT member_id, sequence_number, status, start_date::text AS start_date, end_date::text AS end_date FROM action_plan WHERE id = $1`,
        [res.body.id],
      );
      expect(row).toEqual({
        member_id: member.id,
        sequence_number: 1,
        status: 'CO_CREATION',
        start_date: '2025-01-01',
        end_date: '2026-12-31',
      });
      const audit = await api.query<any>(
        `SELECT action, after FROM audit_log WHERE resource_type = 'action_plan' AND resource_id = $1`,
        [res.body.id],
      );
      expect(audit).toEqual([{ action: 'CREATE', after: res.body }]);
      expect((await api.get(`/api/v1/action-plans/${res.body.id}`)).body).toEqual(res.body);
    });

    it('registers the levels of public influence and the openness of participation', async () => {
      const member = await aMember(api);
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({
          coCreationLevel: 'COLLABORATE',
          implementationLevel: 'INVOLVE',
          participationOpenness: 'OPEN',
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        coCreationLevel: 'COLLABORATE',
        implementationLevel: 'INVOLVE',
        participationOpenness: 'OPEN',
      });
    });

    it('accepts a twelve-month plan, as older plans ran, with a warning rather than a refusal', async () => {
      const member = await aMember(api);
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({ ...ONE_YEAR, status: 'ENDED' }),
      );
      expect(res.status).toBe(201);
      expect(res.body.durationMonths).toBe(12);
      expect(res.body.warnings.map((w: any) => w.code)).toEqual([
        'plan.shorter_than_20_months',
        'plan.not_two_or_four_years',
      ]);
      expect(res.body.warnings[0].message).toMatch(/12 months/);
    });

    it('registers a past plan directly as ENDED', async () => {
      const member = await aMember(api);
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({ startDate: '2016-07-01', endDate: '2018-06-30', status: 'ENDED' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'ENDED', durationMonths: 24, warnings: [] });
      expect((await storedPlan(res.body.id)).status).toBe('ENDED');
    });

    it('refuses to register a two-year plan in MIDTERM_REVIEW with 422 naming the status, and stores nothing', async () => {
      const member = await aMember(api);
      const audit = await countRows(api, 'audit_log');
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({ status: 'MIDTERM_REVIEW' }),
      );
      expectProblem(res, 422, 'action_plan.invalid');
      expect(res.body.errors).toEqual([{ field: 'status', message: expect.stringMatching(/four-year/) }]);
      expect(await countRows(api, 'action_plan', 'member_id = $1', [member.id])).toBe(0);
      expect(await countRows(api, 'audit_log')).toBe(audit);
    });

    it('registers a four-year plan in MIDTERM_REVIEW', async () => {
      const member = await aMember(api);
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({ ...FOUR_YEARS, status: 'MIDTERM_REVIEW' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'MIDTERM_REVIEW', durationMonths: 48, warnings: [] });
    });

    it.each([
      ['ends before it starts', { startDate: '2026-01-01', endDate: '2025-12-31' }],
      ['ends the day it starts', { startDate: '2025-01-01', endDate: '2025-01-01' }],
    ])('refuses a plan that %s with 422 naming the end date, and stores nothing', async (_, dates) => {
      const member = await aMember(api);
      const audit = await countRows(api, 'audit_log');
      const res = await api.post(`/api/v1/members/${member.code}/action-plans`, planBody(dates));
      expectProblem(res, 422, 'action_plan.invalid');
      expect(fieldsOf(res)).toEqual(['endDate']);
      expect(await countRows(api, 'action_plan', 'member_id = $1', [member.id])).toBe(0);
      expect(await countRows(api, 'audit_log')).toBe(audit);
    });

    it('refuses a second plan with the same sequence number for the same member with 409', async () => {
      const member = await aMember(api);
      const first = await aPlan(api, member.code, { sequenceNumber: 3, title: 'Third plan' });
      const audit = await countRows(api, 'audit_log');
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({ sequenceNumber: 3, title: 'Another third plan' }),
      );
      expectProblem(res, 409, 'action_plan.sequence_taken');
      expect(fieldsOf(res)).toEqual(['sequenceNumber']);
      expect(await countRows(api, 'action_plan', 'member_id = $1', [member.id])).toBe(1);
      expect(await countRows(api, 'audit_log')).toBe(audit);
      expect((await api.get(`/api/v1/action-plans/${first.id}`)).body).toEqual(first);
    });

    it('accepts the same sequence number for another member', async () => {
      const a = await aMember(api);
      const b = await aMember(api);
      await aPlan(api, a.code, { sequenceNumber: 4 });
      const res = await api.post(`/api/v1/members/${b.code}/action-plans`, planBody({ sequenceNumber: 4 }));
      expect(res.status).toBe(201);
      expect(res.body.member.code).toBe(b.code);
    });

    it('finds the member by its code in lower case', async () => {
      const member = await aMember(api);
      const res = await api.post(`/api/v1/members/${member.code.toLowerCase()}/action-plans`, planBody());
      expect(res.status).toBe(201);
      expect(res.body.member.code).toBe(member.code);
    });

    it.each([['ZZZ'], ['ZZZZ'], [randomUUID()]])(
      'answers 404 member.not_found for the unknown member %s, and stores nothing',
      async (key) => {
        const plans = await countRows(api, 'action_plan');
        const res = await api.post(`/api/v1/members/${key}/action-plans`, planBody());
        expectProblem(res, 404, 'member.not_found');
        expect(await countRows(api, 'action_plan')).toBe(plans);
      },
    );

    it.each([
      ['an impossible date', { startDate: '2025-02-30' }, 'startDate'],
      ['a month 13', { endDate: '2025-13-01' }, 'endDate'],
      ['a day-first date', { startDate: '01/02/2025' }, 'startDate'],
      ['a timestamp', { startDate: '2025-01-01T00:00:00Z' }, 'startDate'],
      ['a number as a date', { endDate: 20261231 }, 'endDate'],
      ['sequence number 0', { sequenceNumber: 0 }, 'sequenceNumber'],
      ['a negative sequence number', { sequenceNumber: -1 }, 'sequenceNumber'],
      ['a fractional sequence number', { sequenceNumber: 1.5 }, 'sequenceNumber'],
      ['a sequence number as text', { sequenceNumber: '2' }, 'sequenceNumber'],
      ['an empty title', { title: '' }, 'title'],
      ['a title of 301 characters', { title: 'x'.repeat(301) }, 'title'],
      ['an unknown status', { status: 'DRAFT' }, 'status'],
      ['a lower-case status', { status: 'ended' }, 'status'],
      ['an unknown IAP2 level', { coCreationLevel: 'PARTNER' }, 'coCreationLevel'],
      ['an unknown openness', { participationOpenness: 'CLOSED' }, 'participationOpenness'],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_, overrides, field) => {
      const member = await aMember(api);
      const res = await api.post(`/api/v1/members/${member.code}/action-plans`, planBody(overrides));
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await countRows(api, 'action_plan', 'member_id = $1', [member.id])).toBe(0);
    });

    it('refuses an empty body with 400 listing each required field', async () => {
      const member = await aMember(api);
      const res = await api.post(`/api/v1/members/${member.code}/action-plans`, {});
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res).sort()).toEqual(['endDate', 'sequenceNumber', 'startDate', 'title']);
    });

    it('refuses an unknown field, and a member given in the body, with 400', async () => {
      const member = await aMember(api);
      const res = await api.post(
        `/api/v1/members/${member.code}/action-plans`,
        planBody({ member: 'KEN', budget: 1000 }),
      );
      expectProblem(res, 400, 'validation.failed');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'member', message: 'is not a known field' },
          { field: 'budget', message: 'is not a known field' },
        ]),
      );
      expect(await countRows(api, 'action_plan', 'member_id = $1', [member.id])).toBe(0);
    });
  });

  describe('listing and reading', () => {
    let member: any;
    let other: any;
    let plans: Record<string, any>;

    beforeAll(async () => {
      member = await aMember(api, { name: 'Listland' });
      other = await aMember(api, { name: 'Otherland' });
      // Registered out of order: lists go by start date.
      plans = {
        third: await aPlan(api, member.code, {
          sequenceNumber: 3,
          startDate: '2023-01-01',
          endDate: '2024-12-31',
          status: 'IMPLEMENTING',
        }),
        first: await aPlan(api, member.code, {
          sequenceNumber: 1,
          startDate: '2019-01-01',
          endDate: '2020-12-31',
          status: 'ENDED',
        }),
        fourth: await aPlan(api, member.code, {
          sequenceNumber: 4,
          startDate: '2025-01-01',
          endDate: '2026-12-31',
          status: 'CO_CREATION',
        }),
        second: await aPlan(api, member.code, {
          sequenceNumber: 2,
          startDate: '2021-01-01',
          endDate: '2022-12-31',
          status: 'ENDED',
        }),
        others: await aPlan(api, other.code, {
          sequenceNumber: 1,
          startDate: '2020-01-01',
          endDate: '2021-12-31',
          status: 'ENDED',
        }),
      };
    });

    const ids = (items: any[]) => items.map((p) => p.id);

    it("lists a member's plans by start date with ?member", async () => {
      const res = await api.get(`/api/v1/action-plans?member=${member.code}`);
      expect(res.status).toBe(200);
      expect(ids(res.body.items)).toEqual([plans.first.id, plans.second.id, plans.third.id, plans.fourth.id]);
      expect(res.body.items[0]).toEqual(plans.first);
      expect(res.body.nextCursor).toBeNull();
    });

    it('accepts the member filter in lower case', async () => {
      const res = await api.get(`/api/v1/action-plans?member=${member.code.toLowerCase()}`);
      expect(ids(res.body.items)).toEqual([plans.first.id, plans.second.id, plans.third.id, plans.fourth.id]);
    });

    it('filters by status, alone and with the member', async () => {
      const ended = await api.get(`/api/v1/action-plans?member=${member.code}&status=ENDED`);
      expect(ids(ended.body.items)).toEqual([plans.first.id, plans.second.id]);

      const { items } = await walk(api, '/api/v1/action-plans?status=ENDED&limit=200');
      expect(items.every((p) => p.status === 'ENDED')).toBe(true);
      expect(ids(items)).toEqual(expect.arrayContaining([plans.first.id, plans.second.id, plans.others.id]));
      expect(items).toHaveLength(await countRows(api, 'action_plan', `status = 'ENDED'`));
      const starts = items.map((p) => p.startDate);
      expect(starts).toEqual([...starts].sort());
    });

    it('answers an empty page for a member without plans, or a code no member has', async () => {
      const fresh = await aMember(api);
      for (const code of [fresh.code, 'ZZZ']) {
        const res = await api.get(`/api/v1/action-plans?member=${code}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ items: [], nextCursor: null });
      }
    });

    it('lists every plan by start date, then id', async () => {
      const { items } = await walk(api, '/api/v1/action-plans?limit=7');
      expect(items).toHaveLength(await countRows(api, 'action_plan'));
      expect(new Set(ids(items)).size).toBe(items.length);
      const keys = items.map((p) => `${p.startDate}|${p.id}`);
      expect(keys).toEqual([...keys].sort());
    });

    it('pages with a cursor and a Link header that keeps the filters', async () => {
      const first = await api.get(`/api/v1/action-plans?member=${member.code}&limit=3`);
      expect(ids(first.body.items)).toEqual([plans.first.id, plans.second.id, plans.third.id]);
      const next = new URL(nextLinkOf(first) as string, 'http://x');
      expect(next.pathname).toBe('/api/v1/action-plans');
      expect(next.searchParams.get('member')).toBe(member.code);
      expect(next.searchParams.get('cursor')).toBe(first.body.nextCursor);

      const { items, pages } = await walk(api, `/api/v1/action-plans?member=${member.code}&limit=1`);
      expect(pages).toBe(4);
      expect(ids(items)).toEqual([plans.first.id, plans.second.id, plans.third.id, plans.fourth.id]);
    });

    it("lists a member's plans under the member, with the same filters and paging", async () => {
      const res = await api.get(`/api/v1/members/${member.code}/action-plans`);
      expect(res.status).toBe(200);
      expect(ids(res.body.items)).toEqual([plans.first.id, plans.second.id, plans.third.id, plans.fourth.id]);

      const implementing = await api.get(
        `/api/v1/members/${member.code.toLowerCase()}/action-plans?status=IMPLEMENTING`,
      );
      expect(ids(implementing.body.items)).toEqual([plans.third.id]);

      const byId = await api.get(`/api/v1/members/${member.id}/action-plans?status=ENDED`);
      expect(ids(byId.body.items)).toEqual([plans.first.id, plans.second.id]);

      const { items, pages } = await walk(api, `/api/v1/members/${member.code}/action-plans?limit=2`);
      expect(pages).toBe(2);
      expect(ids(items)).toEqual([plans.first.id, plans.second.id, plans.third.id, plans.fourth.id]);
      const first = await api.get(`/api/v1/members/${member.code}/action-plans?limit=2`);
      expect(new URL(nextLinkOf(first) as string, 'http://x').pathname).toBe(
        `/api/v1/members/${member.code}/action-plans`,
      );
    });

    it('answers an empty nested list for a member without plans', async () => {
      const fresh = await aMember(api);
      const res = await api.get(`/api/v1/members/${fresh.code}/action-plans`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    });

    it.each([['ZZZ'], [randomUUID()]])('answers 404 for the plans of the unknown member %s', async (key) => {
      expectProblem(await api.get(`/api/v1/members/${key}/action-plans`), 404, 'member.not_found');
    });

    it('refuses a member filter on the nested list, where the path already names the member', async () => {
      const res = await api.get(`/api/v1/members/${member.code}/action-plans?member=${other.code}`);
      expectProblem(res, 400);
      expect(fieldsOf(res)).toEqual(['member']);
    });

    it.each([
      ['status=DRAFT', 'status'],
      ['member=TOOLONG', 'member'],
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
      ['year=2025', 'year'],
    ])('refuses ?%s with 400 naming the parameter', async (query, field) => {
      const res = await api.get(`/api/v1/action-plans?${query}`);
      expectProblem(res, 400);
      expect(fieldsOf(res)).toEqual([field]);
    });

    it('refuses a cursor the list never gave out with 400', async () => {
      for (const cursor of ['nonsense', Buffer.from('["x"]').toString('base64url')]) {
        const res = await api.get(`/api/v1/action-plans?cursor=${cursor}`);
        expectProblem(res, 400);
        expect(fieldsOf(res)).toEqual(['cursor']);
      }
    });

    it('reads one plan with its ETag', async () => {
      const res = await api.get(`/api/v1/action-plans/${plans.third.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(plans.third);
      expect(res.headers.etag).toBe('"1"');
    });

    it.each([
      ['an unknown id', randomUUID()],
      ['a malformed id', 'not-a-uuid'],
      ['a sequence number', '1'],
    ])('answers 404 action_plan.not_found for %s', async (_, id) => {
      expectProblem(await api.get(`/api/v1/action-plans/${id}`), 404, 'action_plan.not_found');
    });
  });

  describe('changing and moving through the statuses', () => {
    let member: any;
    let sequence = 0;
    beforeAll(async () => {
      member = await aMember(api, { name: 'Statusland' });
    });
    const newPlan = (overrides: Record<string, unknown> = {}) => {
      sequence += 1;
      return aPlan(api, member.code, { sequenceNumber: sequence, ...overrides });
    };
    const move = (id: string, body: Record<string, unknown>) => api.patch(`/api/v1/action-plans/${id}`, body);

    it('goes CO_CREATION → SUBMITTED → IMPLEMENTING → ENDED, one version per step, each audited', async () => {
      const plan = await newPlan({ status: 'CO_CREATION' });
      let version = 1;
      for (const status of ['SUBMITTED', 'IMPLEMENTING', 'ENDED']) {
        const res = await move(plan.id, { status });
        expect(res.status).toBe(200);
        version += 1;
        expect(res.body).toMatchObject({ id: plan.id, status, version });
        expect(res.headers.etag).toBe(`"${version}"`);
        expect(await storedPlan(plan.id)).toMatchObject({ status, version });
      }
      const audit = await api.query<any>(
        `SELECT action, before->>'status' AS before, after->>'status' AS after FROM audit_log
          WHERE resource_type = 'action_plan' AND resource_id = $1 ORDER BY id`,
        [plan.id],
      );
      expect(audit).toEqual([
        { action: 'CREATE', before: null, after: 'CO_CREATION' },
        { action: 'UPDATE', before: 'CO_CREATION', after: 'SUBMITTED' },
        { action: 'UPDATE', before: 'SUBMITTED', after: 'IMPLEMENTING' },
        { action: 'UPDATE', before: 'IMPLEMENTING', after: 'ENDED' },
      ]);
    });

    it('lets a submitted plan go back to co-creation', async () => {
      const plan = await newPlan({ status: 'SUBMITTED' });
      const res = await move(plan.id, { status: 'CO_CREATION' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('CO_CREATION');
    });

    it.each([
      ['CO_CREATION', 'IMPLEMENTING', /SUBMITTED/],
      ['CO_CREATION', 'ENDED', /SUBMITTED/],
      ['ENDED', 'IMPLEMENTING', /ended/],
      ['ENDED', 'CO_CREATION', /ended/],
      ['IMPLEMENTING', 'CO_CREATION', /cannot go from IMPLEMENTING/],
      ['IMPLEMENTING', 'SUBMITTED', /cannot go from IMPLEMENTING/],
    ])('refuses %s → %s with 422 naming the status, and changes nothing', async (from, to, reason) => {
      const plan = await newPlan({ status: from });
      const audit = await countRows(api, 'audit_log');
      const res = await move(plan.id, { status: to });
      expectProblem(res, 422, 'action_plan.invalid');
      expect(res.body.errors).toEqual([{ field: 'status', message: expect.stringMatching(reason) }]);
      expect(await storedPlan(plan.id)).toMatchObject({ status: from, version: 1 });
      expect(await countRows(api, 'audit_log')).toBe(audit);
    });

    it('refuses a midterm review for a two-year plan', async () => {
      const plan = await newPlan({ ...TWO_YEARS, status: 'IMPLEMENTING' });
      const res = await move(plan.id, { status: 'MIDTERM_REVIEW' });
      expectProblem(res, 422, 'action_plan.invalid');
      expect(res.body.errors).toEqual([
        { field: 'status', message: expect.stringMatching(/four-year.*24 months/) },
      ]);
      expect(await storedPlan(plan.id)).toMatchObject({ status: 'IMPLEMENTING', version: 1 });
    });

    it('refuses a midterm review for a three-year plan (36 months is not over three years)', async () => {
      const plan = await newPlan({ startDate: '2021-01-01', endDate: '2023-12-31', status: 'IMPLEMENTING' });
      expect(plan.durationMonths).toBe(36);
      expectProblem(await move(plan.id, { status: 'MIDTERM_REVIEW' }), 422, 'action_plan.invalid');
    });

    it('takes a four-year plan through its midterm review and back to implementation', async () => {
      const plan = await newPlan({ ...FOUR_YEARS, status: 'IMPLEMENTING' });
      const review = await move(plan.id, { status: 'MIDTERM_REVIEW' });
      expect(review.status).toBe(200);
      expect(review.body).toMatchObject({ status: 'MIDTERM_REVIEW', version: 2 });
      const back = await move(plan.id, { status: 'IMPLEMENTING' });
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ status: 'IMPLEMENTING', version: 3 });
    });

    it('judges a midterm review by the dates sent with it: extending a plan to four years allows it', async () => {
      const plan = await newPlan({ ...TWO_YEARS, status: 'IMPLEMENTING' });
      const res = await move(plan.id, { endDate: '2028-12-31', status: 'MIDTERM_REVIEW' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'MIDTERM_REVIEW', durationMonths: 48, endDate: '2028-12-31' });
    });

    it('refuses to shorten a plan in midterm review to two years: only four-year plans have one', async () => {
      const plan = await newPlan({ ...FOUR_YEARS, status: 'MIDTERM_REVIEW' });
      const audit = await countRows(api, 'audit_log');
      const res = await move(plan.id, { endDate: '2026-08-31' });
      expectProblem(res, 422);
      expect(fieldsOf(res).length).toBeGreaterThan(0);
      expect(await storedPlan(plan.id)).toMatchObject({
        status: 'MIDTERM_REVIEW',
        end_date: '2028-08-31',
        version: 1,
      });
      expect(await countRows(api, 'audit_log')).toBe(audit);
    });

    it.each([
      ['an end before the start', { endDate: '2024-12-31' }, 'endDate'],
      ['an end on the start', { endDate: '2025-01-01' }, 'endDate'],
      ['a start after the end', { startDate: '2027-01-01' }, 'startDate'],
      ['both dates reversed', { startDate: '2026-12-31', endDate: '2025-01-01' }, 'endDate'],
    ])('refuses %s with 422 naming the date, and changes nothing', async (_, body, field) => {
      const plan = await newPlan({ ...TWO_YEARS });
      const audit = await countRows(api, 'audit_log');
      const res = await move(plan.id, body);
      expectProblem(res, 422, 'action_plan.invalid');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await storedPlan(plan.id)).toMatchObject({
        start_date: '2025-01-01',
        end_date: '2026-12-31',
        version: 1,
      });
      expect(await countRows(api, 'audit_log')).toBe(audit);
    });

    it('shortens a plan to a year: accepted, with the warning and the new duration', async () => {
      const plan = await newPlan({ ...TWO_YEARS });
      const res = await move(plan.id, { endDate: '2025-12-31' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ endDate: '2025-12-31', durationMonths: 12, version: 2 });
      expect(res.body.warnings.map((w: any) => w.code)).toContain('plan.shorter_than_20_months');
      expect(await storedPlan(plan.id)).toMatchObject({ end_date: '2025-12-31', version: 2 });
    });

    it('changes the title and levels, and clears a level with null', async () => {
      const plan = await newPlan({ coCreationLevel: 'CONSULT' });
      const res = await move(plan.id, {
        title: ' Renamed plan ',
        coCreationLevel: null,
        implementationLevel: 'EMPOWER',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: 'Renamed plan',
        coCreationLevel: null,
        implementationLevel: 'EMPOWER',
        version: 2,
      });
    });

    it('keeps the version when nothing changes', async () => {
      const plan = await newPlan({ status: 'IMPLEMENTING' });
      const res = await move(plan.id, { status: 'IMPLEMENTING', title: plan.title });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(1);
      expect(await countRows(api, 'audit_log', `resource_id = $1 AND action = 'UPDATE'`, [plan.id])).toBe(0);
    });

    it('refuses a change without If-Match (428) or with a stale one (412), and changes nothing', async () => {
      const plan = await newPlan({ status: 'CO_CREATION' });
      const without = await api.request('PATCH', `/api/v1/action-plans/${plan.id}`, { status: 'SUBMITTED' });
      expectProblem(without, 428, 'precondition.if_match_required');
      const stale = await api.patch(
        `/api/v1/action-plans/${plan.id}`,
        { status: 'SUBMITTED' },
        { 'if-match': '"2"' },
      );
      expectProblem(stale, 412, 'precondition.stale_version');
      expect(await storedPlan(plan.id)).toMatchObject({ status: 'CO_CREATION', version: 1 });
    });

    it.each([
      ['a null status', { status: null }, 'status'],
      ['a null title', { title: null }, 'title'],
      ['a null end date', { endDate: null }, 'endDate'],
      ['an impossible date', { startDate: '2025-02-29' }, 'startDate'],
      ['the member', { member: 'KEN' }, 'member'],
      ['the sequence number', { sequenceNumber: 9 }, 'sequenceNumber'],
    ])('refuses %s with 400 naming the field, and changes nothing', async (_, body, field) => {
      const plan = await newPlan();
      const res = await move(plan.id, body);
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await storedPlan(plan.id)).toMatchObject({ version: 1 });
    });

    it.each([
      ['an unknown id', randomUUID()],
      ['a malformed id', 'nope'],
    ])('answers 404 for %s', async (_, id) => {
      expectProblem(
        await api.patch(`/api/v1/action-plans/${id}`, { title: 'x' }, { 'if-match': '"1"' }),
        404,
        'action_plan.not_found',
      );
    });
  });

  describe('forum meetings', () => {
    let member: any;
    let plan: any;
    let otherPlan: any;
    beforeAll(async () => {
      member = await aMember(api, { name: 'Forumland' });
      plan = await aPlan(api, member.code, { sequenceNumber: 1 });
      otherPlan = await aPlan(api, member.code, {
        sequenceNumber: 2,
        startDate: '2027-01-01',
        endDate: '2028-12-31',
        status: 'CO_CREATION',
      });
    });

    const meetingBody = (overrides: Record<string, unknown> = {}) => ({
      heldOn: '2025-03-15',
      governmentAttendees: 8,
      civilSocietyAttendees: 11,
      minutesUrl: 'https://example.org/forum/minutes-2025-03.pdf',
      ...overrides,
    });
    const meetingsUrl = (planId: string) => `/api/v1/action-plans/${planId}/forum-meetings`;
    const storedMeeting = async (id: string) =>
      (
        await api.query<any>(
          `SELECT held_on::text AS held_on, government_attendees, civil_society_attendees, minutes_url, version FROM forum_meeting WHERE id = $1`,
          [id],
        )
      )[0];

    it('records a meeting of the forum, with its ETag, stored and audited', async () => {
      const res = await api.post(meetingsUrl(plan.id), meetingBody());
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        actionPlanId: plan.id,
        heldOn: '2025-03-15',
        governmentAttendees: 8,
        civilSocietyAttendees: 11,
        minutesUrl: 'https://example.org/forum/minutes-2025-03.pdf',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.headers.etag).toBe('"1"');
      expect(await storedMeeting(res.body.id)).toEqual({
        held_on: '2025-03-15',
        government_attendees: 8,
        civil_society_attendees: 11,
        minutes_url: 'https://example.org/forum/minutes-2025-03.pdf',
        version: 1,
      });
      expect(
        await countRows(
          api,
          'audit_log',
          `resource_type = 'forum_meeting' AND resource_id = $1 AND action = 'CREATE'`,
          [res.body.id],
        ),
      ).toBe(1);
    });

    it('records a meeting without minutes, and with nobody from one side', async () => {
      const res = await api.post(
        meetingsUrl(plan.id),
        meetingBody({ minutesUrl: undefined, governmentAttendees: 0, heldOn: '2025-01-20' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ minutesUrl: null, governmentAttendees: 0 });
    });

    it("lists a plan's meetings by date, whatever the order they were recorded in, and only that plan's", async () => {
      const list = await api.post(meetingsUrl(otherPlan.id), meetingBody({ heldOn: '2025-06-01' }));
      expect(list.status).toBe(201);
      for (const heldOn of ['2026-02-10', '2025-09-30', '2025-06-01']) {
        expect((await api.post(meetingsUrl(plan.id), meetingBody({ heldOn }))).status).toBe(201);
      }
      const res = await api.get(meetingsUrl(plan.id));
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: any) => m.heldOn)).toEqual([
        '2025-01-20',
        '2025-03-15',
        '2025-06-01',
        '2025-09-30',
        '2026-02-10',
      ]);
      expect(res.body.items.every((m: any) => m.actionPlanId === plan.id)).toBe(true);
      expect(res.body.nextCursor).toBeNull();

      const { items, pages } = await walk(api, `${meetingsUrl(plan.id)}?limit=2`);
      expect(pages).toBe(3);
      expect(items.map((m) => m.heldOn)).toEqual([
        '2025-01-20',
        '2025-03-15',
        '2025-06-01',
        '2025-09-30',
        '2026-02-10',
      ]);

      const others = await api.get(meetingsUrl(otherPlan.id));
      expect(others.body.items.map((m: any) => m.id)).toEqual([list.body.id]);
    });

    it('answers an empty list for a plan without meetings', async () => {
      const fresh = await aPlan(api, member.code, { sequenceNumber: 3 });
      expect((await api.get(meetingsUrl(fresh.id))).body).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['negative government attendance', { governmentAttendees: -1 }, 'governmentAttendees'],
      ['negative civil-society attendance', { civilSocietyAttendees: -3 }, 'civilSocietyAttendees'],
      ['fractional attendance', { civilSocietyAttendees: 2.5 }, 'civilSocietyAttendees'],
      ['attendance as text', { governmentAttendees: '8' }, 'governmentAttendees'],
      ['a minutes link that is not a URL', { minutesUrl: 'minutes of March' }, 'minutesUrl'],
      ['an FTP minutes link', { minutesUrl: 'ftp://example.org/minutes.pdf' }, 'minutesUrl'],
      ['a script as the minutes link', { minutesUrl: 'javascript:alert(1)' }, 'minutesUrl'],
      ['a minutes link without a scheme', { minutesUrl: 'example.org/minutes.pdf' }, 'minutesUrl'],
      ['an impossible date', { heldOn: '2025-02-30' }, 'heldOn'],
      ['a missing date', { heldOn: undefined }, 'heldOn'],
      ['an unknown field', { location: 'Nairobi' }, 'location'],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_, overrides, field) => {
      const meetings = await countRows(api, 'forum_meeting');
      const audit = await countRows(api, 'audit_log');
      const res = await api.post(meetingsUrl(plan.id), meetingBody(overrides));
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res)).toEqual([field]);
      expect(await countRows(api, 'forum_meeting')).toBe(meetings);
      expect(await countRows(api, 'audit_log')).toBe(audit);
    });

    it('refuses a meeting without attendance figures, naming both', async () => {
      const res = await api.post(meetingsUrl(plan.id), { heldOn: '2025-04-01' });
      expectProblem(res, 400, 'validation.failed');
      expect(fieldsOf(res).sort()).toEqual(['civilSocietyAttendees', 'governmentAttendees']);
    });

    it.each([
      ['an unknown plan', randomUUID()],
      ['a malformed plan id', 'plan-1'],
    ])('answers 404 action_plan.not_found for the meetings of %s, and stores nothing', async (_, id) => {
      const meetings = await countRows(api, 'forum_meeting');
      expectProblem(await api.get(meetingsUrl(id)), 404, 'action_plan.not_found');
      expectProblem(await api.post(meetingsUrl(id), meetingBody()), 404, 'action_plan.not_found');
      expect(await countRows(api, 'forum_meeting')).toBe(meetings);
    });

    describe('correcting a meeting', () => {
      let meeting: any;
      beforeEach(async () => {
        const res = await api.post(meetingsUrl(plan.id), meetingBody({ heldOn: '2025-05-05' }));
        expect(res.status).toBe(201);
        meeting = res.body;
      });
      const url = () => `${meetingsUrl(plan.id)}/${meeting.id}`;

      it('corrects the attendance with the current If-Match: version + 1, ETag, stored, audited', async () => {
        const res = await api.patch(url(), { civilSocietyAttendees: 14 }, { 'if-match': '"1"' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: meeting.id,
          civilSocietyAttendees: 14,
          governmentAttendees: 8,
          version: 2,
        });
        expect(res.headers.etag).toBe('"2"');
        expect(await storedMeeting(meeting.id)).toMatchObject({ civil_society_attendees: 14, version: 2 });
        const audit = await api.query<any>(
          `SELECT before, after FROM audit_log WHERE resource_type = 'forum_meeting' AND resource_id = $1 AND action = 'UPDATE'`,
          [meeting.id],
        );
        expect(audit).toEqual([{ before: meeting, after: res.body }]);
      });

      it('moves the meeting in the list when its date is corrected', async () => {
        const res = await api.patch(url(), { heldOn: '2024-12-01' }, { 'if-match': '"1"' });
        expect(res.status).toBe(200);
        const list = await walk(api, meetingsUrl(plan.id));
        expect(list.items[0].id).toBe(meeting.id);
      });

      it('removes the minutes link with null', async () => {
        const res = await api.patch(url(), { minutesUrl: null }, { 'if-match': '"1"' });
        expect(res.status).toBe(200);
        expect(res.body.minutesUrl).toBeNull();
        expect((await storedMeeting(meeting.id)).minutes_url).toBeNull();
      });

      it('refuses a correction without If-Match (428) or with a stale one (412), and changes nothing', async () => {
        expectProblem(
          await api.request('PATCH', url(), { governmentAttendees: 1 }),
          428,
          'precondition.if_match_required',
        );
        expectProblem(
          await api.patch(url(), { governmentAttendees: 1 }, { 'if-match': '"5"' }),
          412,
          'precondition.stale_version',
        );
        expect(await storedMeeting(meeting.id)).toMatchObject({ government_attendees: 8, version: 1 });
      });

      it.each([
        ['negative attendance', { governmentAttendees: -2 }, 'governmentAttendees'],
        ['null attendance', { civilSocietyAttendees: null }, 'civilSocietyAttendees'],
        ['a null date', { heldOn: null }, 'heldOn'],
        ['a bad minutes link', { minutesUrl: 'not a link' }, 'minutesUrl'],
        ['a move to another plan', { actionPlanId: randomUUID() }, 'actionPlanId'],
      ])('refuses %s with 400 naming the field, and changes nothing', async (_, body, field) => {
        const res = await api.patch(url(), body, { 'if-match': '"1"' });
        expectProblem(res, 400, 'validation.failed');
        expect(fieldsOf(res)).toEqual([field]);
        expect(await storedMeeting(meeting.id)).toMatchObject({
          government_attendees: 8,
          civil_society_attendees: 11,
          version: 1,
        });
      });

      it("answers 404 for a meeting reached through another plan's id, and changes nothing", async () => {
        const res = await api.patch(
          `${meetingsUrl(otherPlan.id)}/${meeting.id}`,
          { governmentAttendees: 99 },
          { 'if-match': '"1"' },
        );
        expectProblem(res, 404, 'forum_meeting.not_found');
        expect(await storedMeeting(meeting.id)).toMatchObject({ government_attendees: 8, version: 1 });
      });

      it('answers 404 for an unknown meeting, a malformed meeting id and an unknown plan', async () => {
        expectProblem(
          await api.patch(
            `${meetingsUrl(plan.id)}/${randomUUID()}`,
            { governmentAttendees: 1 },
            { 'if-match': '"1"' },
          ),
          404,
          'forum_meeting.not_found',
        );
        expectProblem(
          await api.patch(
            `${meetingsUrl(plan.id)}/meeting-1`,
            { governmentAttendees: 1 },
            { 'if-match': '"1"' },
          ),
          404,
          'forum_meeting.not_found',
        );
        expectProblem(
          await api.patch(
            `${meetingsUrl(randomUUID())}/${meeting.id}`,
            { governmentAttendees: 1 },
            { 'if-match': '"1"' },
          ),
          404,
          'action_plan.not_found',
        );
        expect(await storedMeeting(meeting.id)).toMatchObject({ government_attendees: 8, version: 1 });
      });
    });
  });
});
