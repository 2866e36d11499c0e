import { UUID, countRows, expectProblem } from './support/assertions.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';
import { aCommitment, aMember, aMilestone, anInstitution, aPlan } from './support/factories.js';

const UNKNOWN_UUID = '3b9d6a4e-5c1f-4e2a-8d7b-9f0e1a2b3c4d';

/** Today as the service sees it: the UTC date. */
function todayUtc(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const COUNTS_ZERO = { total: 0, notStarted: 0, inProgress: 0, complete: 0, withdrawn: 0 };

describe(`milestones (${ENGINE})`, () => {
  let api: TestApp;
  let plan: any;
  let institution: any;

  beforeAll(async () => {
    api = await TestApp.start();
    const member = await aMember(api);
    plan = await aPlan(api, member.code, { sequenceNumber: 1 });
    institution = await anInstitution(api, { name: 'National Registration Bureau' });
  });
  afterAll(() => api.close());

  const milestonesUrl = (c: any) => `/api/v1/commitments/${c.code}/milestones`;
  const milestoneUrl = (m: any) => `/api/v1/milestones/${m.id}`;
  const commitmentUrl = (c: any) => `/api/v1/commitments/${c.code}`;

  /** What a refused write must leave as it was: the milestone rows, the commitment and the audit log. */
  async function state(c: any): Promise<{ commitment: any; milestones: any[]; audit: number; all: number }> {
    const commitment = (await api.get(commitmentUrl(c))).body;
    const milestones = (await api.get(`${milestonesUrl(c)}?limit=200`)).body.items;
    return {
      commitment,
      milestones,
      audit: await countRows(api, 'audit_log'),
      all: await countRows(api, 'milestone'),
    };
  }

  describe('create', () => {
    it('creates milestones with defaults, numbering them 1, 2, 3 in order', async () => {
      const c = await aCommitment(api, plan.id);
      const first = await api.post(milestonesUrl(c), {
        title: 'Draft the bill',
        deliverable: 'Draft bill published',
        dueDate: '2025-06-30',
      });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        id: expect.stringMatching(UUID),
        commitment: c.code,
        ordinal: 1,
        title: 'Draft the bill',
        deliverable: 'Draft bill published',
        target: null,
        startDate: null,
        startDatePrecision: 'DAY',
        dueDate: '2025-06-30',
        dueDatePrecision: 'DAY',
        responsibleInstitution: null,
        weight: 1,
        status: 'NOT_STARTED',
        completedOn: null,
        version: expect.any(Number),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(first.headers.etag).toBe(`"${first.body.version}"`);
      const second = await aMilestone(api, c.code, { title: '  Hold hearings  ' });
      const third = await aMilestone(api, c.code);
      expect([second.ordinal, third.ordinal]).toEqual([2, 3]);
      expect(second.title).toBe('Hold hearings');

      const rows = await api.query<any>(
        `SELECT ordinal, status, weight::float8 AS weight, due_date_precision, completed_on
           FROM milestone WHERE commitment_id = $1 ORDER BY ordinal`,
        [c.id],
      );
      expect(rows).toEqual(
        [1, 2, 3].map((ordinal) => ({
          ordinal,
          status: 'NOT_STARTED',
          weight: 1,
          due_date_precision: 'DAY',
          completed_on: null,
        })),
      );
    });

    it('stores a measurable target, a responsible institution, dates with precision and a weight', async () => {
      const c = await aCommitment(api, plan.id);
      const response = await api.post(milestonesUrl({ code: c.code.toLowerCase() }), {
        title: 'Co-design services',
        deliverable: 'Services redesigned with their users',
        target: { indicator: 'Public services co-designed with users', value: 12.5, unit: 'services' },
        startDate: '2025-04-01',
        startDatePrecision: 'QUARTER',
        dueDate: '2025-12-01',
        dueDatePrecision: 'MONTH',
        responsibleInstitutionId: institution.id,
        weight: 2.5,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        commitment: c.code,
        ordinal: 1,
        target: { indicator: 'Public services co-designed with users', value: 12.5, unit: 'services' },
        startDate: '2025-04-01',
        startDatePrecision: 'QUARTER',
        dueDate: '2025-12-01',
        dueDatePrecision: 'MONTH',
        responsibleInstitution: {
          id: institution.id,
          name: 'National Registration Bureau',
          type: 'GOVERNMENT_AGENCY',
        },
        weight: 2.5,
        status: 'NOT_STARTED',
      });
      const [row] = await api.query<any>(
        `SELECT target_indicator, target_value::float8 AS target_value, target_unit, responsible_institution_id
           FROM milestone WHERE id = $1`,
        [response.body.id],
      );
      expect(row).toEqual({
        target_indicator: 'Public services co-designed with users',
        target_value: 12.5,
        target_unit: 'services',
        responsible_institution_id: institution.id,
      });
    });

    it('takes an explicit free ordinal, and continues after the highest one', async () => {
      const c = await aCommitment(api, plan.id);
      expect((await aMilestone(api, c.code, { ordinal: 5 })).ordinal).toBe(5);
      expect((await aMilestone(api, c.code)).ordinal).toBe(6);
      expect((await aMilestone(api, c.code, { ordinal: 2 })).ordinal).toBe(2);
    });

    it('creates a milestone already complete on a past date, or in progress, or withdrawn', async () => {
      const c = await aCommitment(api, plan.id);
      const complete = await aMilestone(api, c.code, {
        status: 'COMPLETE',
        startDate: '2025-01-01',
        completedOn: '2025-03-15',
      });
      expect(complete).toMatchObject({ status: 'COMPLETE', completedOn: '2025-03-15' });
      const today = await aMilestone(api, c.code, { status: 'COMPLETE' });
      expect(today).toMatchObject({ status: 'COMPLETE', completedOn: todayUtc() });
      expect((await aMilestone(api, c.code, { status: 'IN_PROGRESS' })).completedOn).toBeNull();
      expect((await aMilestone(api, c.code, { status: 'WITHDRAWN' })).status).toBe('WITHDRAWN');
    });

    it('gives distinct ordinals to concurrent creates on the same commitment', async () => {
      const c = await aCommitment(api, plan.id);
      const responses = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          api.post(milestonesUrl(c), { title: `Step ${n}`, deliverable: 'Report', dueDate: '2025-09-30' }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(responses.map((r) => r.body.ordinal).sort()).toEqual([1, 2, 3, 4, 5]);
      const commitment = (await api.get(commitmentUrl(c))).body;
      expect(commitment.version).toBe(c.version + 5);
      expect(commitment.milestones).toEqual({ ...COUNTS_ZERO, total: 5, notStarted: 5 });
    });

    describe('refusals, each leaving the commitment and its milestones as they were', () => {
      let c: any;

      beforeAll(async () => {
        c = await aCommitment(api, plan.id);
        await aMilestone(api, c.code);
      });

      const body = (overrides: Record<string, unknown>) => ({
        title: 'Public consultation',
        deliverable: 'Consultation report',
        dueDate: '2025-09-30',
        ...overrides,
      });

      const cases: [string, () => Record<string, unknown>, number, string | undefined, string | undefined][] =
        [
          [
            'a due date before the start date',
            () => body({ startDate: '2025-10-01' }),
            422,
            'milestone.invalid',
            'dueDate',
          ],
          [
            'a MONTH due date that is not the first of the month',
            () => body({ dueDate: '2025-09-15', dueDatePrecision: 'MONTH' }),
            422,
            'milestone.invalid',
            'dueDate',
          ],
          [
            'a QUARTER start that is not the first day of a quarter',
            () => body({ startDate: '2025-05-01', startDatePrecision: 'QUARTER' }),
            422,
            'milestone.invalid',
            'startDate',
          ],
          ['an ordinal already taken', () => body({ ordinal: 1 }), 409, 'milestone.ordinal_taken', 'ordinal'],
          [
            'an unknown responsible institution',
            () => body({ responsibleInstitutionId: UNKNOWN_UUID }),
            422,
            'institution.not_found',
            'responsibleInstitutionId',
          ],
          [
            'a responsible institution that is not a uuid',
            () => body({ responsibleInstitutionId: 'bureau' }),
            400,
            'validation.failed',
            'responsibleInstitutionId',
          ],
          ['weight 0', () => body({ weight: 0 }), 400, 'validation.failed', 'weight'],
          ['a negative weight', () => body({ weight: -1 }), 400, 'validation.failed', 'weight'],
          ['a weight over 1000', () => body({ weight: 1001 }), 400, 'validation.failed', 'weight'],
          ['a weight with three decimals', () => body({ weight: 1.125 }), 400, 'validation.failed', 'weight'],
          ['a weight as text', () => body({ weight: '2' }), 400, 'validation.failed', 'weight'],
          ['ordinal 0', () => body({ ordinal: 0 }), 400, 'validation.failed', 'ordinal'],
          ['a fractional ordinal', () => body({ ordinal: 1.5 }), 400, 'validation.failed', 'ordinal'],
          ['an unknown status', () => body({ status: 'DONE' }), 400, 'validation.failed', 'status'],
          ['status null', () => body({ status: null }), 400, 'validation.failed', 'status'],
          [
            'COMPLETE with a future completion date',
            () => body({ status: 'COMPLETE', completedOn: todayUtc(2) }),
            422,
            'milestone.invalid',
            'completedOn',
          ],
          [
            'COMPLETE before the milestone started',
            () => body({ status: 'COMPLETE', startDate: '2025-06-01', completedOn: '2025-05-31' }),
            422,
            'milestone.invalid',
            'completedOn',
          ],
          [
            'a completion date on a NOT_STARTED milestone',
            () => body({ completedOn: '2025-03-01' }),
            422,
            'milestone.invalid',
            'completedOn',
          ],
          [
            'a completion date on a WITHDRAWN milestone',
            () => body({ status: 'WITHDRAWN', completedOn: '2025-03-01' }),
            422,
            'milestone.invalid',
            'completedOn',
          ],
          ['no due date', () => body({ dueDate: undefined }), 400, 'validation.failed', 'dueDate'],
          [
            'a due date that does not exist',
            () => body({ dueDate: '2025-09-31' }),
            400,
            'validation.failed',
            'dueDate',
          ],
          [
            'a due date with a time',
            () => body({ dueDate: '2025-09-30T00:00:00Z' }),
            400,
            'validation.failed',
            'dueDate',
          ],
          ['no title', () => body({ title: undefined }), 400, 'validation.failed', 'title'],
          ['an empty deliverable', () => body({ deliverable: '' }), 400, 'validation.failed', 'deliverable'],
          [
            'a title of 501 characters',
            () => body({ title: 't'.repeat(501) }),
            400,
            'validation.failed',
            'title',
          ],
          [
            'a target without a unit',
            () => body({ target: { indicator: 'People consulted', value: 500 } }),
            400,
            'validation.failed',
            'target.unit',
          ],
          [
            'a target value as text',
            () => body({ target: { indicator: 'People consulted', value: '500', unit: 'people' } }),
            400,
            'validation.failed',
            'target.value',
          ],
          [
            'a target with an unknown field',
            () =>
              body({ target: { indicator: 'People consulted', value: 500, unit: 'people', baseline: 0 } }),
            400,
            'validation.failed',
            'target.baseline',
          ],
          ['an unknown field', () => body({ owner: 'someone' }), 400, 'validation.failed', 'owner'],
          [
            'a commitment field in the body',
            () => body({ commitment: 'ZZ0001' }),
            400,
            'validation.failed',
            'commitment',
          ],
        ];

      it.each(cases)('refuses %s', async (_name, makeBody, status, code, field) => {
        const before = await state(c);
        const response = await api.post(milestonesUrl(c), makeBody());
        expectProblem(response, status, code, field);
        expect(await state(c)).toEqual(before);
      });

      it('refuses a title of only spaces, naming the field', async () => {
        const before = await state(c);
        const response = await api.post(milestonesUrl(c), body({ title: '   ' }));
        expect([400, 422]).toContain(response.status);
        expectProblem(response, response.status, undefined, 'title');
        expect(await state(c)).toEqual(before);
      });

      it.each([
        ['malformed JSON', '{"title": "x", ', 'application/json', 400, 'request.malformed_json'],
        ['an empty body', '', 'application/json', 400, undefined],
        ['a JSON array', '[]', 'application/json', 400, undefined],
        ['null', 'null', 'application/json', 400, undefined],
        ['plain text', 'title=x', 'text/plain', 415, undefined],
      ])('refuses %s', async (_name, raw, contentType, status, code) => {
        const before = await state(c);
        const response = await api.request('POST', milestonesUrl(c), undefined, {
          raw,
          headers: { 'content-type': contentType },
        });
        expectProblem(response, status, code);
        expect(await state(c)).toEqual(before);
      });

      it.each([
        ['an unknown commitment code', 'ZZ9999'],
        ['an unknown commitment id', UNKNOWN_UUID],
        ['a malformed commitment key', 'not-a-commitment'],
      ])('answers 404 for %s, writing nothing', async (_name, key) => {
        const milestones = await countRows(api, 'milestone');
        const audit = await countRows(api, 'audit_log');
        const response = await api.post(`/api/v1/commitments/${key}/milestones`, body({}));
        expectProblem(response, 404, 'commitment.not_found');
        expect(await countRows(api, 'milestone')).toBe(milestones);
        expect(await countRows(api, 'audit_log')).toBe(audit);
      });
    });
  });

  describe('reading', () => {
    let c: any;
    let created: any[];

    beforeAll(async () => {
      c = await aCommitment(api, plan.id);
      // Created out of order: the list is in ordinal order whatever the order of creation.
      created = [];
      for (const [ordinal, status] of [
        [3, 'IN_PROGRESS'],
        [1, 'NOT_STARTED'],
        [5, 'IN_PROGRESS'],
        [2, 'WITHDRAWN'],
        [4, 'IN_PROGRESS'],
      ] as const) {
        created.push(await aMilestone(api, c.code, { ordinal, status, title: `Milestone ${ordinal}` }));
      }
    });

    it("lists a commitment's milestones in ordinal order, by code in any case or by id", async () => {
      for (const key of [c.code, c.code.toLowerCase(), c.id]) {
        const response = await api.get(`/api/v1/commitments/${key}/milestones`);
        expect(response.status).toBe(200);
        expect(response.body.items.map((m: any) => m.ordinal)).toEqual([1, 2, 3, 4, 5]);
        expect(response.body.items.every((m: any) => m.commitment === c.code)).toBe(true);
        expect(response.body.nextCursor).toBeNull();
        expect(response.headers.link).toBeUndefined();
      }
      const [one] = (await api.get(milestonesUrl(c))).body.items;
      expect(one).toEqual(created[1]);
    });

    it('filters by status', async () => {
      const inProgress = await api.get(`${milestonesUrl(c)}?status=IN_PROGRESS`);
      expect(inProgress.body.items.map((m: any) => m.ordinal)).toEqual([3, 4, 5]);
      expect(
        (await api.get(`${milestonesUrl(c)}?status=WITHDRAWN`)).body.items.map((m: any) => m.ordinal),
      ).toEqual([2]);
      expect((await api.get(`${milestonesUrl(c)}?status=COMPLETE`)).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('walks the pages with limit=2, following nextCursor and the Link header', async () => {
      const seen: number[][] = [];
      let url: string | undefined = `${milestonesUrl(c)}?limit=2`;
      while (url !== undefined) {
        const response: Response = await api.get(url);
        expect(response.status).toBe(200);
        seen.push(response.body.items.map((m: any) => m.ordinal));
        const link = response.headers.link === undefined ? undefined : String(response.headers.link);
        if (response.body.nextCursor === null) {
          expect(link).toBeUndefined();
          url = undefined;
        } else {
          const match = /^<([^>]+)>;\s*rel="next"$/.exec(String(link));
          expect(match).not.toBeNull();
          const next = (match as RegExpExecArray)[1];
          expect(new URL(next, 'http://x').searchParams.get('cursor')).toBe(response.body.nextCursor);
          const byCursor = await api.get(
            `${milestonesUrl(c)}?limit=2&cursor=${encodeURIComponent(response.body.nextCursor)}`,
          );
          url = next;
          expect((await api.get(url)).body).toEqual(byCursor.body);
        }
        if (seen.length > 10) throw new Error('pagination does not end');
      }
      expect(seen).toEqual([[1, 2], [3, 4], [5]]);

      const filtered = await api.get(`${milestonesUrl(c)}?status=IN_PROGRESS&limit=2`);
      expect(filtered.body.items.map((m: any) => m.ordinal)).toEqual([3, 4]);
      const rest = await api.get(
        `${milestonesUrl(c)}?status=IN_PROGRESS&limit=2&cursor=${encodeURIComponent(filtered.body.nextCursor)}`,
      );
      expect(rest.body.items.map((m: any) => m.ordinal)).toEqual([5]);
      expect(rest.body.nextCursor).toBeNull();
    });

    it.each([
      ['an unknown status', 'status=DONE', 'validation.failed', 'status'],
      ['an unknown filter', 'owner=me', 'validation.failed', 'owner'],
      ['limit=0', 'limit=0', 'validation.failed', 'limit'],
      ['limit=201', 'limit=201', 'validation.failed', 'limit'],
      ['a garbage cursor', 'cursor=garbage!!', 'pagination.invalid_cursor', 'cursor'],
      [
        'a cursor of two keys',
        `cursor=${Buffer.from('[1,2]').toString('base64url')}`,
        'pagination.invalid_cursor',
        'cursor',
      ],
    ])('refuses %s with 400', async (_name, query, code, field) => {
      expectProblem(await api.get(`${milestonesUrl(c)}?${query}`), 400, code, field);
    });

    it('refuses a cursor that decodes to something other than an ordinal with a 400 problem', async () => {
      const forged = Buffer.from('["abc"]').toString('base64url');
      const response = await api.get(`${milestonesUrl(c)}?cursor=${forged}`);
      expectProblem(response, 400, 'pagination.invalid_cursor');
    });

    it('answers 404 for the milestones of an unknown commitment', async () => {
      expectProblem(await api.get('/api/v1/commitments/ZZ9999/milestones'), 404, 'commitment.not_found');
      expectProblem(
        await api.get(`/api/v1/commitments/${UNKNOWN_UUID}/milestones`),
        404,
        'commitment.not_found',
      );
    });

    it('reads one milestone by id, with its ETag, and answers 304 when the client has it', async () => {
      const m = created[0];
      const response = await api.get(milestoneUrl(m));
      expect(response.status).toBe(200);
      expect(response.body).toEqual(m);
      expect(response.headers.etag).toBe(`"${m.version}"`);
      const notModified = await api.get(milestoneUrl(m), { 'if-none-match': String(response.headers.etag) });
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect((await api.get(`/api/v1/milestones/${m.id.toUpperCase()}`)).body.id).toBe(m.id);
    });

    it.each([
      ['an unknown id', UNKNOWN_UUID],
      ['a malformed id', 'milestone-1'],
      ['an ordinal', '1'],
    ])('answers 404 for %s', async (_name, id) => {
      expectProblem(await api.get(`/api/v1/milestones/${id}`), 404, 'milestone.not_found');
    });
  });

  describe('status and completion date', () => {
    let c: any;

    beforeAll(async () => {
      c = await aCommitment(api, plan.id);
    });

    it('completes today (UTC) when COMPLETE comes without a date, keeps that date, and clears it when reopened', async () => {
      const m = await aMilestone(api, c.code);
      const started = await api.patch(milestoneUrl(m), { status: 'IN_PROGRESS' });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({
        status: 'IN_PROGRESS',
        completedOn: null,
        version: m.version + 1,
      });

      const complete = await api.patch(milestoneUrl(m), { status: 'COMPLETE' });
      expect(complete.status).toBe(200);
      expect(complete.body).toMatchObject({
        status: 'COMPLETE',
        completedOn: todayUtc(),
        version: m.version + 2,
      });
      const [row] = await api.query<any>('SELECT status, completed_on FROM milestone WHERE id = $1', [m.id]);
      expect(row).toEqual({ status: 'COMPLETE', completed_on: todayUtc() });

      const corrected = await api.patch(milestoneUrl(m), { completedOn: '2025-08-20' });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ status: 'COMPLETE', completedOn: '2025-08-20' });
      const again = await api.patch(milestoneUrl(m), { status: 'COMPLETE' });
      expect(again.body).toMatchObject({ completedOn: '2025-08-20', version: corrected.body.version });

      const reopened = await api.patch(milestoneUrl(m), { status: 'IN_PROGRESS' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'IN_PROGRESS', completedOn: null });
      const [after] = await api.query<any>('SELECT completed_on FROM milestone WHERE id = $1', [m.id]);
      expect(after.completed_on).toBeNull();
    });

    it('completes on a given past date, and on today', async () => {
      const m = await aMilestone(api, c.code, { status: 'IN_PROGRESS' });
      const response = await api.patch(milestoneUrl(m), { status: 'COMPLETE', completedOn: todayUtc() });
      expect(response.status).toBe(200);
      expect(response.body.completedOn).toBe(todayUtc());
      const other = await aMilestone(api, c.code, { status: 'IN_PROGRESS' });
      expect(
        (await api.patch(milestoneUrl(other), { status: 'COMPLETE', completedOn: '2025-02-03' })).body
          .completedOn,
      ).toBe('2025-02-03');
    });

    it('allows withdrawing a milestone, from any status', async () => {
      const notStarted = await aMilestone(api, c.code);
      const withdrawn = await api.patch(milestoneUrl(notStarted), { status: 'WITHDRAWN' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', completedOn: null });
      const complete = await aMilestone(api, c.code, { status: 'COMPLETE', completedOn: '2025-05-05' });
      const withdrawnAfterCompletion = await api.patch(milestoneUrl(complete), { status: 'WITHDRAWN' });
      expect(withdrawnAfterCompletion.status).toBe(200);
      expect(withdrawnAfterCompletion.body).toMatchObject({ status: 'WITHDRAWN', completedOn: null });
      expect((await api.get(milestoneUrl(complete))).body.completedOn).toBeNull();
    });

    const refusals: [string, (m: any) => Record<string, unknown>, string, number, string, string][] = [
      [
        'COMPLETE with a future completedOn',
        () => ({ status: 'COMPLETE', completedOn: todayUtc(1) }),
        'IN_PROGRESS',
        422,
        'milestone.invalid',
        'completedOn',
      ],
      [
        'a completedOn on a NOT_STARTED milestone',
        () => ({ completedOn: '2025-03-01' }),
        'NOT_STARTED',
        422,
        'milestone.invalid',
        'completedOn',
      ],
      [
        'a completedOn on an IN_PROGRESS milestone',
        () => ({ completedOn: '2025-03-01' }),
        'IN_PROGRESS',
        422,
        'milestone.invalid',
        'completedOn',
      ],
      [
        'a completion date moved into the future',
        () => ({ completedOn: todayUtc(3) }),
        'COMPLETE',
        422,
        'milestone.invalid',
        'completedOn',
      ],
      [
        'a start after the completion date',
        () => ({ startDate: '2025-06-01' }),
        'COMPLETE',
        422,
        'milestone.invalid',
        'completedOn',
      ],
      [
        'a due date before the start date',
        () => ({ startDate: '2025-10-01' }),
        'NOT_STARTED',
        422,
        'milestone.invalid',
        'dueDate',
      ],
      [
        'a misaligned MONTH due date',
        () => ({ dueDatePrecision: 'MONTH' }),
        'NOT_STARTED',
        422,
        'milestone.invalid',
        'dueDate',
      ],
      ['dueDate: null', () => ({ dueDate: null }), 'NOT_STARTED', 400, 'validation.failed', 'dueDate'],
      ['title: null', () => ({ title: null }), 'NOT_STARTED', 400, 'validation.failed', 'title'],
      ['weight 0', () => ({ weight: 0 }), 'NOT_STARTED', 400, 'validation.failed', 'weight'],
      ['status: null', () => ({ status: null }), 'NOT_STARTED', 400, 'validation.failed', 'status'],
      [
        'an ordinal already taken',
        (m) => ({ ordinal: m.ordinal - 1 }),
        'NOT_STARTED',
        409,
        'milestone.ordinal_taken',
        'ordinal',
      ],
      [
        'an unknown institution',
        () => ({ responsibleInstitutionId: UNKNOWN_UUID }),
        'NOT_STARTED',
        422,
        'institution.not_found',
        'responsibleInstitutionId',
      ],
      [
        'a move to another commitment',
        () => ({ commitment: 'ZZ0001' }),
        'NOT_STARTED',
        400,
        'validation.failed',
        'commitment',
      ],
      ['a version in the body', () => ({ version: 99 }), 'NOT_STARTED', 400, 'validation.failed', 'version'],
    ];

    it.each(refusals)(
      'refuses %s and changes nothing',
      async (_name, makeBody, status, httpStatus, code, field) => {
        await aMilestone(api, c.code);
        const m = await aMilestone(api, c.code, {
          status,
          startDate: '2025-01-01',
          dueDate: '2025-09-30',
          ...(status === 'COMPLETE' ? { completedOn: '2025-04-01' } : {}),
        });
        const before = await state(c);
        const response = await api.patch(milestoneUrl(m), makeBody(m));
        expectProblem(response, httpStatus, code, field);
        expect(await state(c)).toEqual(before);
        expect((await api.get(milestoneUrl(m))).body).toEqual(m);
      },
    );
  });

  describe("the parent commitment's version and milestone counts", () => {
    it('moves with every milestone create and update, and the old commitment ETag no longer gives 304', async () => {
      const c = await aCommitment(api, plan.id);
      expect(c.milestones).toEqual(COUNTS_ZERO);
      const read = async () => {
        const response = await api.get(commitmentUrl(c));
        expect(response.status).toBe(200);
        return { body: response.body, etag: String(response.headers.etag) };
      };
      const expectMoved = async (before: { body: any; etag: string }, counts: Record<string, number>) => {
        const after = await read();
        expect(after.body.version).toBe(before.body.version + 1);
        expect(after.etag).toBe(`"${before.body.version + 1}"`);
        expect(after.body.milestones).toEqual({ ...COUNTS_ZERO, ...counts });
        expect((await api.get(commitmentUrl(c), { 'if-none-match': before.etag })).status).toBe(200);
        expect((await api.get(commitmentUrl(c), { 'if-none-match': after.etag })).status).toBe(304);
        return after;
      };

      let state0 = await read();
      expect((await api.get(commitmentUrl(c), { 'if-none-match': state0.etag })).status).toBe(304);
      const a = await aMilestone(api, c.code);
      state0 = await expectMoved(state0, { total: 1, notStarted: 1 });
      const b = await aMilestone(api, c.code, { status: 'IN_PROGRESS' });
      state0 = await expectMoved(state0, { total: 2, notStarted: 1, inProgress: 1 });
      await api.patch(milestoneUrl(a), { status: 'IN_PROGRESS' });
      state0 = await expectMoved(state0, { total: 2, inProgress: 2 });
      await api.patch(milestoneUrl(b), { status: 'COMPLETE' });
      state0 = await expectMoved(state0, { total: 2, inProgress: 1, complete: 1 });
      await api.patch(milestoneUrl(a), { status: 'WITHDRAWN' });
      state0 = await expectMoved(state0, { total: 2, complete: 1, withdrawn: 1 });
      // A change that does not touch the status moves the version too.
      await api.patch(milestoneUrl(a), { title: 'Renamed milestone' });
      state0 = await expectMoved(state0, { total: 2, complete: 1, withdrawn: 1 });
      await api.patch(milestoneUrl(b), { status: 'NOT_STARTED' });
      await expectMoved(state0, { total: 2, notStarted: 1, withdrawn: 1 });

      // The counts show in the lists of commitments too.
      const listed = (await api.get(`/api/v1/action-plans/${plan.id}/commitments?limit=200`)).body.items.find(
        (x: any) => x.code === c.code,
      );
      expect(listed.milestones).toEqual({ ...COUNTS_ZERO, total: 2, notStarted: 1, withdrawn: 1 });
    });

    it('lets a PATCH of the commitment made from a version read before a milestone change fail with 412', async () => {
      const c = await aCommitment(api, plan.id);
      const etag = String((await api.get(commitmentUrl(c))).headers.etag);
      await aMilestone(api, c.code);
      const response = await api.patch(
        commitmentUrl(c),
        { title: 'Based on an old read' },
        { 'if-match': etag },
      );
      expectProblem(response, 412, 'precondition.stale_version');
      expect((await api.get(commitmentUrl(c))).body.title).toBe(c.title);
    });

    it('does not move the commitment when a milestone write is refused', async () => {
      const c = await aCommitment(api, plan.id);
      const m = await aMilestone(api, c.code);
      const before = (await api.get(commitmentUrl(c))).body;
      expect(
        (await api.post(milestonesUrl(c), { title: 'x', deliverable: 'y', dueDate: '2025-09-30', weight: 0 }))
          .status,
      ).toBe(400);
      expect(
        (
          await api.post(milestonesUrl(c), {
            title: 'x',
            deliverable: 'y',
            dueDate: '2025-09-30',
            ordinal: 1,
          })
        ).status,
      ).toBe(409);
      expect(
        (await api.patch(milestoneUrl(m), { status: 'COMPLETE', completedOn: todayUtc(5) })).status,
      ).toBe(422);
      expect((await api.request('PATCH', milestoneUrl(m), { title: 'No precondition' })).status).toBe(428);
      expect((await api.get(commitmentUrl(c))).body).toEqual(before);
    });
  });

  describe('PATCH', () => {
    let c: any;

    beforeAll(async () => {
      c = await aCommitment(api, plan.id);
    });

    it('requires If-Match: 428, nothing changed', async () => {
      const m = await aMilestone(api, c.code);
      const before = await state(c);
      const response = await api.request('PATCH', milestoneUrl(m), { status: 'IN_PROGRESS' });
      expectProblem(response, 428, 'precondition.if_match_required');
      expect(await state(c)).toEqual(before);
    });

    it('refuses a stale If-Match with 412, nothing changed', async () => {
      const m = await aMilestone(api, c.code);
      expect((await api.patch(milestoneUrl(m), { title: 'First edit' })).status).toBe(200);
      const before = await state(c);
      const response = await api.patch(
        milestoneUrl(m),
        { title: 'Lost update' },
        { 'if-match': `"${m.version}"` },
      );
      expectProblem(response, 412, 'precondition.stale_version');
      expect(await state(c)).toEqual(before);
    });

    it('answers 404 for an unknown or malformed milestone id', async () => {
      expectProblem(
        await api.patch(`/api/v1/milestones/${UNKNOWN_UUID}`, { title: 'x' }, { 'if-match': '"1"' }),
        404,
        'milestone.not_found',
      );
      expectProblem(
        await api.patch('/api/v1/milestones/not-an-id', { title: 'x' }, { 'if-match': '"1"' }),
        404,
        'milestone.not_found',
      );
    });

    it('changes fields, bumps the version and the ETag, and records before and after in the audit log', async () => {
      const m = await aMilestone(api, c.code, {
        target: { indicator: 'Hearings held', value: 4, unit: 'hearings' },
      });
      const auditBefore = await countRows(api, 'audit_log');
      const response = await api.patch(milestoneUrl(m), {
        title: 'Hold county hearings',
        deliverable: 'Minutes of every hearing',
        target: { indicator: 'Hearings held', value: 47, unit: 'hearings' },
        responsibleInstitutionId: institution.id,
        weight: 3,
        startDate: '2025-07-01',
        startDatePrecision: 'QUARTER',
        dueDate: '2026-01-01',
        dueDatePrecision: 'YEAR',
        ordinal: 40,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: m.id,
        ordinal: 40,
        title: 'Hold county hearings',
        deliverable: 'Minutes of every hearing',
        target: { indicator: 'Hearings held', value: 47, unit: 'hearings' },
        responsibleInstitution: { id: institution.id },
        weight: 3,
        startDate: '2025-07-01',
        startDatePrecision: 'QUARTER',
        dueDate: '2026-01-01',
        dueDatePrecision: 'YEAR',
        version: m.version + 1,
        createdAt: m.createdAt,
      });
      expect(response.headers.etag).toBe(`"${m.version + 1}"`);
      expect((await api.get(milestoneUrl(m))).body).toEqual(response.body);
      expect(await countRows(api, 'audit_log')).toBe(auditBefore + 1);
      const [audit] = await api.query<any>(
        `SELECT action, before, after FROM audit_log WHERE resource_type = 'milestone' AND resource_id = $1 ORDER BY id DESC LIMIT 1`,
        [m.id],
      );
      expect(audit).toMatchObject({
        action: 'UPDATE',
        before: { title: m.title, version: m.version },
        after: { title: 'Hold county hearings', version: m.version + 1 },
      });

      const cleared = await api.patch(milestoneUrl(m), {
        target: null,
        responsibleInstitutionId: null,
        startDate: null,
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({
        target: null,
        responsibleInstitution: null,
        startDate: null,
        version: m.version + 2,
      });
    });

    it('keeps the versions of the milestone and the commitment, and writes no audit entry, when nothing changes', async () => {
      const m = await aMilestone(api, c.code, {
        status: 'COMPLETE',
        completedOn: '2025-06-01',
        weight: 1.5,
        target: { indicator: 'Hearings held', value: 4, unit: 'hearings' },
        responsibleInstitutionId: institution.id,
      });
      const before = await state(c);
      for (const body of [
        {},
        { title: m.title, deliverable: m.deliverable, dueDate: m.dueDate },
        { status: 'COMPLETE' },
        { status: 'COMPLETE', completedOn: '2025-06-01', weight: 1.5, ordinal: m.ordinal },
        {
          target: { indicator: 'Hearings held', value: 4, unit: 'hearings' },
          responsibleInstitutionId: institution.id,
        },
      ]) {
        const response = await api.patch(milestoneUrl(m), body);
        expect(response.status).toBe(200);
        expect(response.body).toEqual(m);
        expect(response.headers.etag).toBe(`"${m.version}"`);
      }
      expect(await state(c)).toEqual(before);
    });

    it('lets one of two concurrent changes from the same version win, and refuses the other with 412', async () => {
      const m = await aMilestone(api, c.code);
      const ifMatch = { 'if-match': `"${m.version}"` };
      const responses = await Promise.all([
        api.patch(milestoneUrl(m), { status: 'IN_PROGRESS' }, ifMatch),
        api.patch(milestoneUrl(m), { status: 'WITHDRAWN' }, ifMatch),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = responses.find((r) => r.status === 200) as Response;
      expect((await api.get(milestoneUrl(m))).body).toMatchObject({
        status: winner.body.status,
        version: m.version + 1,
      });
    });
  });

  describe('audit log', () => {
    it('records the creation and each real change of a milestone', async () => {
      const c = await aCommitment(api, plan.id);
      const m = await aMilestone(api, c.code);
      const rows = () =>
        api.query<any>(
          `SELECT action, before, after FROM audit_log WHERE resource_type = 'milestone' AND resource_id = $1 ORDER BY id`,
          [m.id],
        );
      expect(await rows()).toEqual([
        {
          action: 'CREATE',
          before: null,
          after: expect.objectContaining({ id: m.id, ordinal: 1, status: 'NOT_STARTED' }),
        },
      ]);
      await api.patch(milestoneUrl(m), { status: 'IN_PROGRESS' });
      await api.patch(milestoneUrl(m), { status: 'IN_PROGRESS' });
      await api.patch(milestoneUrl(m), { status: 'COMPLETE', completedOn: '2025-09-01' });
      const entries = await rows();
      expect(entries.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
      expect(entries[1]).toMatchObject({
        before: { status: 'NOT_STARTED' },
        after: { status: 'IN_PROGRESS' },
      });
      expect(entries[2]).toMatchObject({
        before: { status: 'IN_PROGRESS', completedOn: null },
        after: { status: 'COMPLETE', completedOn: '2025-09-01' },
      });
    });
  });

  describe('Idempotency-Key on create', () => {
    it('replays the first answer and moves the commitment once', async () => {
      const c = await aCommitment(api, plan.id);
      const body = { title: 'Publish the register', deliverable: 'Register online', dueDate: '2025-12-31' };
      const headers = { 'idempotency-key': `milestone-${c.code}` };
      const first = await api.post(milestonesUrl(c), body, headers);
      expect(first.status).toBe(201);
      const again = await api.post(milestonesUrl(c), body, headers);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await countRows(api, 'milestone', 'commitment_id = $1', [c.id])).toBe(1);
      expect((await api.get(commitmentUrl(c))).body).toMatchObject({
        version: c.version + 1,
        milestones: { total: 1 },
      });

      const other = await api.post(milestonesUrl(c), { ...body, title: 'Something else' }, headers);
      expectProblem(other, 422, 'idempotency.key_reused');
      expect(await countRows(api, 'milestone', 'commitment_id = $1', [c.id])).toBe(1);
    });
  });
});
