import { UUID, countRows, expectProblem, fieldsOf, walk } from './support/assertions.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';
import { aCommitment, aMember, aPlan, legacyIndicators } from './support/factories.js';

const UNKNOWN_UUID = '3b9d6a4e-5c1f-4e2a-8d7b-9f0e1a2b3c4d';

/** Every indicator, in the order of the API, each null until rated. */
const NO_RATINGS = {
  specificity: null,
  relevanceAccessToInformation: null,
  relevanceCivicParticipation: null,
  relevancePublicAccountability: null,
  relevanceTechnology: null,
  potentialImpact: null,
  completion: null,
  onTime: null,
  didItOpenGovernment: null,
  didItOpenGovernmentAccessToInformation: null,
  didItOpenGovernmentCivicParticipation: null,
  didItOpenGovernmentPublicAccountability: null,
  verifiable: null,
  openGovernmentLens: null,
  potentialForResults: null,
  promising: null,
  earlyResults: null,
};

const NO_INDEPENDENT_VIEW = {
  completion: null,
  potentialImpact: null,
  potentialForResults: null,
  earlyResults: null,
  didItOpenGovernment: null,
  starred: null,
};

function legacyEndOfTerm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return legacyIndicators({
    didItOpenGovernment: 'OUTSTANDING',
    didItOpenGovernmentAccessToInformation: 'MAJOR',
    didItOpenGovernmentCivicParticipation: 'DID_NOT_CHANGE',
    didItOpenGovernmentPublicAccountability: 'MARGINAL',
    ...overrides,
  });
}

function actionPlanReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    verifiable: true,
    openGovernmentLens: true,
    potentialForResults: 'SUBSTANTIAL',
    promising: true,
    ...overrides,
  };
}

describe(`assessments (${ENGINE})`, () => {
  let api: TestApp;
  let memberA: any;
  let memberB: any;
  let planA: any;
  let planB: any;
  let assessorA: TestApp;
  let assessorAUser: any;
  let assessorB: TestApp;
  let pocA: TestApp;
  let civil: TestApp;

  beforeAll(async () => {
    api = await TestApp.start();
    memberA = await aMember(api, { name: 'Kenya' });
    memberB = await aMember(api, { name: 'Scotland' });
    planA = await aPlan(api, memberA.code);
    planB = await aPlan(api, memberB.code);
    const organisation = await api.post('/api/v1/organisations', {
      name: 'Open Budget Coalition',
      type: 'CIVIL_SOCIETY',
    });
    expect(organisation.status).toBe(201);
    const a = await api.createUser({
      name: 'IRM researcher for A',
      email: 'irm.a@example.org',
      role: 'assessor',
      assignedMembers: [memberA.code],
    });
    assessorA = api.as(a.token);
    assessorAUser = a.user;
    assessorB = await api.signIn({
      name: 'IRM researcher for B',
      email: 'irm.b@example.org',
      role: 'assessor',
      assignedMembers: [memberB.code],
    });
    pocA = await api.signIn({
      name: 'POC of A',
      email: 'poc.a@example.org',
      role: 'government_poc',
      member: memberA.code,
    });
    civil = await api.signIn({
      name: 'Civic watcher',
      email: 'cso@example.org',
      role: 'civil_society',
      organisation: organisation.body.id,
    });
  });
  afterAll(() => api.close());

  const assessmentsUrl = (c: any) => `/api/v1/commitments/${c.code}/assessments`;
  const assessmentUrl = (a: any) => `/api/v1/assessments/${a.id}`;
  const publishUrl = (a: any) => `/api/v1/assessments/${a.id}/publish`;
  const commitmentUrl = (c: any) => `/api/v1/commitments/${c.code}`;

  async function draft(as: TestApp, c: any, body: Record<string, unknown>): Promise<any> {
    const response = await as.post(assessmentsUrl(c), body);
    if (response.status !== 201) throw new Error(`assessment: ${response.status} ${response.text}`);
    return response.body;
  }

  function publish(as: TestApp, a: any, version: number = a.version): Promise<Response> {
    return as.post(publishUrl(a), undefined, { 'if-match': `"${version}"` });
  }

  async function published(as: TestApp, c: any, body: Record<string, unknown>): Promise<any> {
    const created = await draft(as, c, body);
    const response = await publish(as, created);
    if (response.status !== 200) throw new Error(`publish: ${response.status} ${response.text}`);
    return response.body;
  }

  async function commitment(c: any): Promise<any> {
    const response = await api.get(commitmentUrl(c));
    expect(response.status).toBe(200);
    return response.body;
  }

  /** What a refused write must leave as it was: the assessments, the commitment and the audit log. */
  async function snapshot(c: any): Promise<Record<string, unknown>> {
    return {
      commitment: await commitment(c),
      assessments: (await api.get(`${assessmentsUrl(c)}?limit=200`)).body.items,
      rows: await countRows(api, 'assessment'),
      audit: await countRows(api, 'audit_log', `action <> 'DENIED'`),
    };
  }

  describe('drafting', () => {
    it('lets an assessor assigned to the member draft an assessment of one report', async () => {
      const c = await aCommitment(api, planA.id);
      const before = await commitment(c);
      const response = await assessorA.post(assessmentsUrl(c), {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        summary: 'The digital ID law was co-drafted in public hearings.',
        indicators: {
          specificity: 'HIGH',
          relevanceCivicParticipation: true,
          potentialImpact: 'TRANSFORMATIVE',
          completion: null,
        },
        nullReasons: { completion: 'NOT_REVIEWED' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        commitment: c.code,
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        status: 'DRAFT',
        supersedes: null,
        supersededBy: null,
        publishedAt: null,
        summary: 'The digital ID law was co-drafted in public hearings.',
        indicators: {
          ...NO_RATINGS,
          specificity: 'HIGH',
          relevanceCivicParticipation: true,
          potentialImpact: 'TRANSFORMATIVE',
        },
        nullReasons: { completion: 'NOT_REVIEWED' },
        derived: {
          relevant: true,
          verifiable: true,
          starred: {
            current: { starred: null, formula: 'CURRENT', reason: expect.any(String) },
            formula2015: { starred: null, formula: '2015', reason: expect.any(String) },
          },
          highCompletion: null,
          strongEarlyResults: null,
        },
        version: expect.any(Number),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(response.headers.etag).toBe(`"${response.body.version}"`);
      const [row] = await api.query<any>(
        'SELECT assessor_id, status, published_at FROM assessment WHERE id = $1',
        [response.body.id],
      );
      expect(row).toEqual({ assessor_id: assessorAUser.id, status: 'DRAFT', published_at: null });
      const [audit] = await api.query<any>(
        `SELECT action, commitment_id, actor_role FROM audit_log WHERE resource_type = 'assessment' AND resource_id = $1`,
        [response.body.id],
      );
      expect(audit).toEqual({ action: 'CREATE', commitment_id: c.id, actor_role: 'assessor' });
      // A draft says nothing yet: the commitment does not move.
      expect(await commitment(c)).toEqual(before);
    });

    it('lets an admin draft one too', async () => {
      const c = await aCommitment(api, planB.id);
      const created = await draft(api, c, {
        framework: 'IRM_2021',
        product: 'ACTION_PLAN_REVIEW',
        indicators: actionPlanReview(),
      });
      expect(created).toMatchObject({
        status: 'DRAFT',
        indicators: { ...NO_RATINGS, ...actionPlanReview() },
        derived: { verifiable: true, relevant: null, highCompletion: null },
      });
    });

    it('accepts a null indicator with its reason, and a legacy verifiable where specificity is not recorded', async () => {
      const c = await aCommitment(api, planA.id);
      const created = await draft(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators({ specificity: null, verifiable: true, completion: null }),
        nullReasons: { specificity: 'NO_DATA', completion: 'UNCLEAR' },
      });
      expect(created.indicators).toMatchObject({ specificity: null, verifiable: true, completion: null });
      expect(created.nullReasons).toEqual({ specificity: 'NO_DATA', completion: 'UNCLEAR' });
      expect(created.derived).toMatchObject({ verifiable: true, relevant: true, highCompletion: null });
    });

    describe('refusals, each writing nothing', () => {
      let c: any;

      beforeAll(async () => {
        c = await aCommitment(api, planA.id);
      });

      const cases: [string, Record<string, unknown>, number, string, string][] = [
        [
          'earlyResults in an action plan review',
          {
            framework: 'IRM_2021',
            product: 'ACTION_PLAN_REVIEW',
            indicators: actionPlanReview({ earlyResults: 'MODERATE' }),
          },
          422,
          'assessment.invalid_indicators',
          'earlyResults',
        ],
        [
          'completion in an action plan review',
          { framework: 'IRM_2021', product: 'ACTION_PLAN_REVIEW', indicators: { completion: 'LIMITED' } },
          422,
          'assessment.invalid_indicators',
          'completion',
        ],
        [
          '"did it open government?" in a legacy progress report',
          {
            framework: 'IRM_LEGACY',
            product: 'PROGRESS_REPORT',
            indicators: legacyIndicators({ didItOpenGovernment: 'MAJOR' }),
          },
          422,
          'assessment.invalid_indicators',
          'didItOpenGovernment',
        ],
        [
          'a 2021 indicator in a legacy report',
          { framework: 'IRM_LEGACY', product: 'END_OF_TERM_REPORT', indicators: { promising: true } },
          422,
          'assessment.invalid_indicators',
          'promising',
        ],
        [
          'a legacy indicator in a 2021 results report',
          { framework: 'IRM_2021', product: 'RESULTS_REPORT', indicators: { specificity: 'HIGH' } },
          422,
          'assessment.invalid_indicators',
          'specificity',
        ],
        [
          'NO_EVIDENCE_AVAILABLE as a legacy completion',
          {
            framework: 'IRM_LEGACY',
            product: 'PROGRESS_REPORT',
            indicators: { completion: 'NO_EVIDENCE_AVAILABLE' },
          },
          422,
          'assessment.invalid_indicators',
          'completion',
        ],
        [
          'WITHDRAWN as a 2021 completion',
          { framework: 'IRM_2021', product: 'RESULTS_REPORT', indicators: { completion: 'WITHDRAWN' } },
          422,
          'assessment.invalid_indicators',
          'completion',
        ],
        [
          'a null indicator without a reason',
          { framework: 'IRM_2021', product: 'RESULTS_REPORT', indicators: { completion: null } },
          422,
          'assessment.invalid_indicators',
          'completion',
        ],
        [
          'a legacy verifiable that contradicts the specificity',
          {
            framework: 'IRM_LEGACY',
            product: 'PROGRESS_REPORT',
            indicators: { specificity: 'LOW', verifiable: true },
          },
          422,
          'assessment.invalid_indicators',
          'verifiable',
        ],
      ];

      it.each(cases)(
        'refuses %s (422, naming the indicator)',
        async (_name, body, status, code, indicator) => {
          const before = await snapshot(c);
          const response = await assessorA.post(assessmentsUrl(c), body);
          expectProblem(response, status, code);
          expect(fieldsOf(response)).toHaveLength(1);
          expect(fieldsOf(response)[0]).toMatch(new RegExp(`^(indicators\\.)?${indicator}$`));
          expect(await snapshot(c)).toEqual(before);
        },
      );

      it('names a refused indicator by its path in the body, as every other field error does', async () => {
        const response = await assessorA.post(assessmentsUrl(c), {
          framework: 'IRM_2021',
          product: 'ACTION_PLAN_REVIEW',
          indicators: actionPlanReview({ earlyResults: 'MODERATE' }),
        });
        expectProblem(response, 422, 'assessment.invalid_indicators', 'indicators.earlyResults');
        const nullWithoutReason = await assessorA.post(assessmentsUrl(c), {
          framework: 'IRM_2021',
          product: 'RESULTS_REPORT',
          indicators: { completion: null },
        });
        expectProblem(nullWithoutReason, 422, 'assessment.invalid_indicators', 'indicators.completion');
      });

      const others: [string, Record<string, unknown>, number, string, string][] = [
        [
          'a product of the other framework',
          { framework: 'IRM_LEGACY', product: 'RESULTS_REPORT' },
          422,
          'assessment.invalid_indicators',
          'product',
        ],
        [
          'a null reason on a rated indicator',
          {
            framework: 'IRM_LEGACY',
            product: 'PROGRESS_REPORT',
            indicators: legacyIndicators(),
            nullReasons: { completion: 'NO_DATA' },
          },
          422,
          'assessment.invalid_indicators',
          'nullReasons.completion',
        ],
        [
          'a null reason for an indicator the report does not have',
          {
            framework: 'IRM_2021',
            product: 'ACTION_PLAN_REVIEW',
            indicators: actionPlanReview(),
            nullReasons: { earlyResults: 'NOT_APPLICABLE' },
          },
          422,
          'assessment.invalid_indicators',
          'nullReasons.earlyResults',
        ],
        [
          'a null reason that is not a reason',
          {
            framework: 'IRM_2021',
            product: 'RESULTS_REPORT',
            indicators: { completion: null },
            nullReasons: { completion: 'PENDING' },
          },
          400,
          'validation.failed',
          'nullReasons.completion',
        ],
        [
          'UNCLEAR as a completion (it is a null reason)',
          { framework: 'IRM_LEGACY', product: 'PROGRESS_REPORT', indicators: { completion: 'UNCLEAR' } },
          400,
          'validation.failed',
          'indicators.completion',
        ],
        [
          'an unknown framework',
          { framework: 'IRM_2014', product: 'PROGRESS_REPORT' },
          400,
          'validation.failed',
          'framework',
        ],
        [
          'an unknown product',
          { framework: 'IRM_2021', product: 'FINAL_REPORT' },
          400,
          'validation.failed',
          'product',
        ],
        ['no framework', { product: 'RESULTS_REPORT' }, 400, 'validation.failed', 'framework'],
        [
          'an indicator that does not exist',
          { framework: 'IRM_2021', product: 'RESULTS_REPORT', indicators: { ambition: 'HIGH' } },
          400,
          'validation.failed',
          'indicators.ambition',
        ],
        [
          'a value outside its scale',
          { framework: 'IRM_LEGACY', product: 'PROGRESS_REPORT', indicators: { specificity: 'VERY_HIGH' } },
          400,
          'validation.failed',
          'indicators.specificity',
        ],
        [
          'a boolean indicator as text',
          { framework: 'IRM_LEGACY', product: 'PROGRESS_REPORT', indicators: { onTime: 'yes' } },
          400,
          'validation.failed',
          'indicators.onTime',
        ],
        [
          'a status in the body',
          { framework: 'IRM_2021', product: 'RESULTS_REPORT', status: 'PUBLISHED' },
          400,
          'validation.failed',
          'status',
        ],
        [
          'derived facts in the body',
          { framework: 'IRM_LEGACY', product: 'PROGRESS_REPORT', derived: { starred: true } },
          400,
          'validation.failed',
          'derived',
        ],
        [
          'supersedes that is not a uuid',
          { framework: 'IRM_2021', product: 'RESULTS_REPORT', supersedes: 'the old one' },
          400,
          'validation.failed',
          'supersedes',
        ],
      ];

      it.each(others)('refuses %s', async (_name, body, status, code, field) => {
        const before = await snapshot(c);
        expectProblem(await assessorA.post(assessmentsUrl(c), body), status, code, field);
        expect(await snapshot(c)).toEqual(before);
      });

      it('refuses an assessor not assigned to the member (403 access.denied), and logs the attempt', async () => {
        const before = await snapshot(c);
        const denied = () =>
          countRows(
            api,
            'audit_log',
            `action = 'DENIED' AND resource_type = 'assessment' AND commitment_id = $1`,
            [c.id],
          );
        const deniedBefore = await denied();
        const response = await assessorB.post(assessmentsUrl(c), {
          framework: 'IRM_2021',
          product: 'RESULTS_REPORT',
          indicators: { completion: 'COMPLETE', earlyResults: 'OUTSTANDING' },
        });
        expectProblem(response, 403, 'access.denied');
        expect(await snapshot(c)).toEqual(before);
        expect(await denied()).toBe(deniedBefore + 1);
      });

      it.each([
        ['a point of contact of the member', () => pocA, 403, 'access.forbidden'],
        ['civil society', () => civil, 403, 'access.forbidden'],
        ['an anonymous caller', () => api.anonymous, 401, 'auth.required'],
      ])('refuses %s', async (_name, caller, status, code) => {
        const before = await snapshot(c);
        const response = await caller().post(assessmentsUrl(c), {
          framework: 'IRM_2021',
          product: 'RESULTS_REPORT',
          indicators: { completion: 'COMPLETE', earlyResults: 'OUTSTANDING' },
        });
        expectProblem(response, status, code);
        expect(await snapshot(c)).toEqual(before);
      });

      it('answers 404 for an unknown commitment', async () => {
        expectProblem(
          await assessorA.post('/api/v1/commitments/ZZ9999/assessments', {
            framework: 'IRM_2021',
            product: 'RESULTS_REPORT',
          }),
          404,
          'commitment.not_found',
        );
      });
    });
  });

  describe('who sees a draft', () => {
    let c: any;
    let theDraft: any;
    let thePublished: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      thePublished = await published(assessorA, c, {
        framework: 'IRM_2021',
        product: 'ACTION_PLAN_REVIEW',
        indicators: actionPlanReview(),
      });
      theDraft = await draft(assessorA, c, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        summary: 'Not ready: the ministry has not answered yet.',
        indicators: { completion: 'LIMITED' },
      });
    });

    it.each([
      ['an anonymous caller', () => api.anonymous],
      ['a point of contact of the member', () => pocA],
      ['civil society', () => civil],
      ['an assessor of another member', () => assessorB],
    ])('is hidden from %s: 404, and absent from the list', async (_name, caller) => {
      expectProblem(await caller().get(assessmentUrl(theDraft)), 404, 'assessment.not_found');
      const list = await caller().get(assessmentsUrl(c));
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: any) => a.id)).toEqual([thePublished.id]);
      expect((await caller().get(assessmentUrl(thePublished))).body).toEqual(thePublished);
    });

    it.each([
      ['the assigned assessor', () => assessorA],
      ['an admin', () => api],
    ])('is visible to %s', async (_name, caller) => {
      const response = await caller().get(assessmentUrl(theDraft));
      expect(response.status).toBe(200);
      expect(response.body).toEqual(theDraft);
      expect(response.headers.etag).toBe(`"${theDraft.version}"`);
      const list = await caller().get(assessmentsUrl(c));
      expect(list.body.items.map((a: any) => a.id)).toEqual([thePublished.id, theDraft.id]);
    });

    it("does not show the draft's ratings in the commitment's public history", async () => {
      const history = await walk(api.anonymous, `${commitmentUrl(c)}/history?limit=200`);
      expect(history.items.some((e: any) => e.resourceType === 'assessment')).toBe(true);
      expect(history.items.filter((e: any) => e.resourceId === theDraft.id)).toEqual([]);
      expect(JSON.stringify(history.items)).not.toContain('the ministry has not answered');
    });

    it('answers 404 for an unknown or malformed id', async () => {
      expectProblem(await api.get(`/api/v1/assessments/${UNKNOWN_UUID}`), 404, 'assessment.not_found');
      expectProblem(await api.get('/api/v1/assessments/not-an-id'), 404, 'assessment.not_found');
    });

    it('pages through the list, oldest first', async () => {
      const more = await draft(assessorA, c, { framework: 'IRM_LEGACY', product: 'PROGRESS_REPORT' });
      const paged = await walk(assessorA, `${assessmentsUrl(c)}?limit=1`);
      expect(paged.pages).toBe(3);
      expect(paged.items.map((a) => a.id)).toEqual([thePublished.id, theDraft.id, more.id]);
    });

    it('refuses bad list queries', async () => {
      expectProblem(await api.get(`${assessmentsUrl(c)}?limit=0`), 400, 'validation.failed', 'limit');
      expectProblem(await api.get(`${assessmentsUrl(c)}?cursor=bm9wZQ`), 400, 'pagination.invalid_cursor');
      expectProblem(await api.get('/api/v1/commitments/ZZ9999/assessments'), 404, 'commitment.not_found');
    });
  });

  describe('changing a draft', () => {
    let c: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
    });

    it('refuses, as at creation, an indicator set to null without a reason, changing nothing', async () => {
      const a = await draft(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: { specificity: 'HIGH' },
      });
      const response = await assessorA.patch(assessmentUrl(a), { indicators: { specificity: null } });
      expectProblem(response, 422, 'assessment.invalid_indicators', 'indicators.specificity');
      expect((await api.get(assessmentUrl(a))).body).toMatchObject({
        version: a.version,
        indicators: { specificity: 'HIGH' },
      });
    });

    it('changes the ratings given, keeps the others, bumps the version and records before and after', async () => {
      const a = await draft(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: { specificity: 'HIGH', relevanceAccessToInformation: true },
      });
      const before = await commitment(c);
      const response = await assessorA.patch(assessmentUrl(a), {
        summary: 'Rated after the midterm visit.',
        indicators: { potentialImpact: 'MODERATE', completion: null },
        nullReasons: { completion: 'NO_DATA' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: a.id,
        status: 'DRAFT',
        summary: 'Rated after the midterm visit.',
        indicators: {
          ...NO_RATINGS,
          specificity: 'HIGH',
          relevanceAccessToInformation: true,
          potentialImpact: 'MODERATE',
        },
        nullReasons: { completion: 'NO_DATA' },
        version: a.version + 1,
        createdAt: a.createdAt,
      });
      expect(response.body.derived.starred.current.starred).toBe(false);
      expect(response.body.derived.starred.formula2015.starred).toBeNull();
      expect(response.headers.etag).toBe(`"${a.version + 1}"`);
      expect((await assessorA.get(assessmentUrl(a))).body).toEqual(response.body);
      const [audit] = await api.query<any>(
        `SELECT action, commitment_id, before, after FROM audit_log
          WHERE resource_type = 'assessment' AND resource_id = $1 AND action = 'UPDATE'`,
        [a.id],
      );
      expect(audit).toMatchObject({
        commitment_id: c.id,
        before: { version: a.version, indicators: { potentialImpact: null } },
        after: { version: a.version + 1, indicators: { potentialImpact: 'MODERATE' } },
      });
      // An admin may change it too.
      expect((await api.patch(assessmentUrl(a), { indicators: { onTime: false } })).status).toBe(200);
      // A draft says nothing yet: the commitment does not move.
      expect(await commitment(c)).toEqual(before);
    });

    it('requires If-Match (428) and refuses a stale one (412)', async () => {
      const a = await draft(assessorA, c, { framework: 'IRM_2021', product: 'MIDTERM_REVIEW' });
      const before = await snapshot(c);
      expectProblem(
        await assessorA.request('PATCH', assessmentUrl(a), { indicators: { promising: true } }),
        428,
        'precondition.if_match_required',
      );
      expectProblem(
        await assessorA.patch(assessmentUrl(a), { indicators: { promising: true } }, { 'if-match': '"99"' }),
        412,
        'precondition.stale_version',
      );
      expect(await snapshot(c)).toEqual(before);
    });

    it.each([
      [
        'an indicator the report does not have',
        { indicators: { earlyResults: 'MODERATE' } },
        422,
        'assessment.invalid_indicators',
      ],
      [
        'a null reason on a rated indicator',
        { nullReasons: { verifiable: 'NO_DATA' } },
        422,
        'assessment.invalid_indicators',
      ],
      ['an unknown field', { framework: 'IRM_LEGACY' }, 400, 'validation.failed'],
      ['a status', { status: 'PUBLISHED' }, 400, 'validation.failed'],
    ])('refuses %s, changing nothing', async (_name, body, status, code) => {
      const a = await draft(assessorA, c, {
        framework: 'IRM_2021',
        product: 'ACTION_PLAN_REVIEW',
        indicators: { verifiable: true },
      });
      const before = await snapshot(c);
      expectProblem(await assessorA.patch(assessmentUrl(a), body), status, code);
      expect(await snapshot(c)).toEqual(before);
      expect((await assessorA.get(assessmentUrl(a))).body).toEqual(a);
    });

    it.each([
      ['an assessor of another member', () => assessorB, 403, 'access.denied'],
      ['a point of contact', () => pocA, 403, 'access.forbidden'],
      ['an anonymous caller', () => api.anonymous, 401, 'auth.required'],
    ])('refuses a change by %s', async (_name, caller, status, code) => {
      const a = await draft(assessorA, c, { framework: 'IRM_2021', product: 'RESULTS_REPORT' });
      const before = await snapshot(c);
      expectProblem(
        await caller().patch(
          assessmentUrl(a),
          { indicators: { completion: 'COMPLETE' } },
          { 'if-match': `"${a.version}"` },
        ),
        status,
        code,
      );
      expect(await snapshot(c)).toEqual(before);
    });
  });

  describe('publishing', () => {
    it('refuses an incomplete draft (422 assessment.incomplete), naming each indicator not rated', async () => {
      const c = await aCommitment(api, planA.id);
      const a = await draft(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators({ onTime: undefined, potentialImpact: undefined }),
      });
      const before = await snapshot(c);
      const response = await publish(assessorA, a);
      expectProblem(response, 422, 'assessment.incomplete');
      expect(fieldsOf(response).map((f) => f.replace(/^indicators\./, ''))).toEqual([
        'potentialImpact',
        'onTime',
      ]);
      expect(await snapshot(c)).toEqual(before);
      expect((await assessorA.get(assessmentUrl(a))).body).toEqual(a);

      // An empty 2021 results report names both of its indicators.
      const empty = await draft(assessorA, c, { framework: 'IRM_2021', product: 'RESULTS_REPORT' });
      const emptyResponse = await publish(assessorA, empty);
      expectProblem(emptyResponse, 422, 'assessment.incomplete');
      expect(fieldsOf(emptyResponse).map((f) => f.replace(/^indicators\./, ''))).toEqual([
        'completion',
        'earlyResults',
      ]);
    });

    it('publishes a complete draft: PUBLISHED, publishedAt, derived facts, and the commitment moves', async () => {
      const c = await aCommitment(api, planA.id);
      const a = await draft(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'END_OF_TERM_REPORT',
        indicators: legacyEndOfTerm({ onTime: null }),
        nullReasons: { onTime: 'NOT_APPLICABLE' },
      });
      const before = await api.get(commitmentUrl(c));
      expect(before.body.independent).toEqual(NO_INDEPENDENT_VIEW);
      const sent = Date.now();
      const response = await publish(assessorA, a);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...a,
        status: 'PUBLISHED',
        publishedAt: expect.any(String),
        version: a.version + 1,
        updatedAt: expect.any(String),
        derived: {
          relevant: true,
          verifiable: true,
          starred: {
            current: { starred: true, formula: 'CURRENT', reason: expect.any(String) },
            formula2015: { starred: true, formula: '2015', reason: expect.any(String) },
          },
          highCompletion: true,
          strongEarlyResults: true,
        },
      });
      expect(Math.abs(Date.parse(response.body.publishedAt) - sent)).toBeLessThan(60_000);
      expect(response.headers.etag).toBe(`"${a.version + 1}"`);
      expect((await api.anonymous.get(assessmentUrl(a))).body).toEqual(response.body);

      const after = await api.get(commitmentUrl(c));
      expect(after.body.version).toBe(before.body.version + 1);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect((await api.get(commitmentUrl(c), { 'if-none-match': String(before.headers.etag) })).status).toBe(
        200,
      );
      expect(after.body.independent).toEqual({
        completion: 'COMPLETE',
        potentialImpact: 'TRANSFORMATIVE',
        potentialForResults: null,
        earlyResults: null,
        didItOpenGovernment: 'OUTSTANDING',
        starred: true,
      });
      const [audit] = await api.query<any>(
        `SELECT before, after, commitment_id FROM audit_log
          WHERE resource_type = 'assessment' AND resource_id = $1 AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`,
        [a.id],
      );
      expect(audit).toMatchObject({
        commitment_id: c.id,
        before: { status: 'DRAFT', publishedAt: null },
        after: { status: 'PUBLISHED', publishedAt: response.body.publishedAt },
      });
    });

    it.each([
      [
        'specificity MEDIUM, relevant, TRANSFORMATIVE, COMPLETE: starred',
        legacyIndicators({
          specificity: 'MEDIUM',
          potentialImpact: 'TRANSFORMATIVE',
          completion: 'COMPLETE',
        }),
        {},
        { starred: true, verifiable: true, highCompletion: true },
      ],
      [
        'specificity HIGH, relevant, TRANSFORMATIVE, LIMITED: not starred',
        legacyIndicators({
          specificity: 'HIGH',
          relevanceAccessToInformation: false,
          relevanceCivicParticipation: true,
          potentialImpact: 'TRANSFORMATIVE',
          completion: 'LIMITED',
        }),
        {},
        { starred: false, verifiable: true, highCompletion: false },
      ],
      [
        'verifiable with no specificity recorded, relevant, TRANSFORMATIVE, SUBSTANTIAL: starred',
        legacyIndicators({
          specificity: null,
          verifiable: true,
          relevanceAccessToInformation: false,
          relevancePublicAccountability: true,
          potentialImpact: 'TRANSFORMATIVE',
          completion: 'SUBSTANTIAL',
        }),
        { specificity: 'NO_DATA' },
        { starred: true, verifiable: true, highCompletion: true },
      ],
    ])('golden case: %s', async (_name, indicators, nullReasons, expected) => {
      const c = await aCommitment(api, planA.id);
      const response = await publish(
        assessorA,
        await draft(assessorA, c, {
          framework: 'IRM_LEGACY',
          product: 'PROGRESS_REPORT',
          indicators,
          nullReasons,
        }),
      );
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('PUBLISHED');
      expect(response.body.derived).toMatchObject({
        relevant: true,
        verifiable: expected.verifiable,
        highCompletion: expected.highCompletion,
        strongEarlyResults: null,
        starred: { current: { starred: expected.starred, formula: 'CURRENT' } },
      });
      expect((await api.anonymous.get(commitmentUrl(c))).body.independent.starred).toBe(expected.starred);
    });

    it('says which formula it applied: MODERATE impact is starred under the 2015 formula only', async () => {
      const c = await aCommitment(api, planA.id);
      const a = await published(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators({ potentialImpact: 'MODERATE', completion: 'SUBSTANTIAL' }),
      });
      expect(a.derived.starred).toEqual({
        current: { starred: false, formula: 'CURRENT', reason: expect.stringContaining('MODERATE') },
        formula2015: { starred: true, formula: '2015', reason: expect.any(String) },
      });
      // The commitment's star follows the current formula.
      expect((await commitment(c)).independent.starred).toBe(false);
    });

    it('never stars technology alone', async () => {
      const c = await aCommitment(api, planA.id);
      const a = await published(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators({ relevanceAccessToInformation: false, relevanceTechnology: true }),
      });
      expect(a.derived).toMatchObject({ relevant: false, starred: { current: { starred: false } } });
    });

    it.each([
      ['without If-Match', {}, 428, 'precondition.if_match_required'],
      ['with a stale If-Match', { 'if-match': '"99"' }, 412, 'precondition.stale_version'],
    ])('refuses to publish %s', async (_name, headers, status, code) => {
      const c = await aCommitment(api, planA.id);
      const a = await draft(assessorA, c, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'COMPLETE', earlyResults: 'SIGNIFICANT' },
      });
      const before = await snapshot(c);
      expectProblem(await assessorA.post(publishUrl(a), undefined, headers), status, code);
      expect(await snapshot(c)).toEqual(before);
    });

    it.each([
      ['an assessor of another member', () => assessorB, 403, 'access.denied'],
      ['a point of contact', () => pocA, 403, 'access.forbidden'],
      ['an anonymous caller', () => api.anonymous, 401, 'auth.required'],
    ])('refuses a publication by %s', async (_name, caller, status, code) => {
      const c = await aCommitment(api, planA.id);
      const a = await draft(assessorA, c, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'COMPLETE', earlyResults: 'SIGNIFICANT' },
      });
      const before = await snapshot(c);
      expectProblem(await publish(caller(), a), status, code);
      expect(await snapshot(c)).toEqual(before);
    });

    it('answers 404 when publishing an unknown assessment', async () => {
      expectProblem(await publish(api, { id: UNKNOWN_UUID }, 1), 404, 'assessment.not_found');
    });
  });

  describe('a published assessment never changes', () => {
    let c: any;
    let a: any;

    beforeAll(async () => {
      c = await aCommitment(api, planA.id);
      a = await published(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators({ completion: 'LIMITED' }),
      });
    });

    it('refuses a PATCH (409 assessment.already_published), by its assessor or an admin', async () => {
      const before = await snapshot(c);
      for (const caller of [assessorA, api]) {
        const response = await caller.patch(assessmentUrl(a), { indicators: { completion: 'COMPLETE' } });
        expectProblem(response, 409, 'assessment.already_published');
        expect(response.body.detail).toContain('supersedes');
      }
      expect(await snapshot(c)).toEqual(before);
      expect((await api.get(assessmentUrl(a))).body).toEqual(a);
    });

    it('refuses to publish it again', async () => {
      const before = await snapshot(c);
      expectProblem(await publish(assessorA, a), 409, 'assessment.already_published');
      expect(await snapshot(c)).toEqual(before);
    });

    it('is enforced by the database: UPDATE and DELETE of a published row are refused', async () => {
      await expect(
        api.query(`UPDATE assessment SET completion = 'COMPLETE' WHERE id = $1`, [a.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        api.query(`UPDATE assessment SET status = 'DRAFT', published_at = NULL WHERE id = $1`, [a.id]),
      ).rejects.toThrow(/append-only/);
      await expect(api.query('DELETE FROM assessment WHERE id = $1', [a.id])).rejects.toThrow(/append-only/);
      const [row] = await api.query<any>('SELECT status, completion FROM assessment WHERE id = $1', [a.id]);
      expect(row).toEqual({ status: 'PUBLISHED', completion: 'LIMITED' });
      expect((await api.get(assessmentUrl(a))).body).toEqual(a);
    });

    it('refuses a second published assessment of the same report without supersedes (409)', async () => {
      const before = await snapshot(c);
      const second = await assessorA.post(assessmentsUrl(c), {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators(),
      });
      if (second.status === 409) {
        // Refusing the draft at once is as good as refusing its publication.
        expectProblem(second, 409, 'assessment.report_already_published');
        expect(await snapshot(c)).toEqual(before);
        return;
      }
      expect(second.status).toBe(201);
      const middle = await snapshot(c);
      const response = await publish(assessorA, second.body);
      expectProblem(response, 409, 'assessment.report_already_published');
      expect(response.body.detail).toContain(a.id);
      expect(await snapshot(c)).toEqual(middle);
      expect((await api.get(assessmentUrl(second.body))).body.status).toBe('DRAFT');
    });

    it('lets another report of the same commitment be published', async () => {
      const endOfTerm = await published(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'END_OF_TERM_REPORT',
        indicators: legacyEndOfTerm({ completion: 'SUBSTANTIAL', didItOpenGovernment: 'MARGINAL' }),
      });
      expect(endOfTerm.status).toBe('PUBLISHED');
      expect((await api.get(assessmentUrl(a))).body.status).toBe('PUBLISHED');
      expect((await commitment(c)).independent).toEqual({
        completion: 'SUBSTANTIAL',
        potentialImpact: 'TRANSFORMATIVE',
        potentialForResults: null,
        earlyResults: null,
        didItOpenGovernment: 'MARGINAL',
        starred: true,
      });
    });
  });

  describe('superseding', () => {
    it('replaces a published assessment by a new one naming it: the old becomes SUPERSEDED on publication', async () => {
      const c = await aCommitment(api, planA.id);
      const old = await published(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators({ specificity: 'HIGH', completion: 'LIMITED' }),
      });
      const first = await commitment(c);
      expect(first.independent).toMatchObject({ completion: 'LIMITED', starred: false });

      const revised = await draft(assessorA, c, {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        supersedes: old.id,
        summary: 'Revised after the government sent new evidence.',
        indicators: legacyIndicators({ specificity: 'HIGH', completion: 'COMPLETE' }),
      });
      expect(revised).toMatchObject({ status: 'DRAFT', supersedes: old.id, supersededBy: null });
      // Until the new one is published, the old one stands and the commitment does not move.
      expect((await api.anonymous.get(assessmentUrl(old))).body.status).toBe('PUBLISHED');
      expect(await commitment(c)).toEqual(first);

      const response = await publish(assessorA, revised);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: revised.id,
        status: 'PUBLISHED',
        supersedes: old.id,
        supersededBy: null,
        publishedAt: expect.any(String),
      });
      const oldNow = (await api.anonymous.get(assessmentUrl(old))).body;
      expect(oldNow).toEqual({
        ...old,
        status: 'SUPERSEDED',
        supersededBy: revised.id,
        version: expect.any(Number),
        updatedAt: expect.any(String),
      });
      expect(oldNow.publishedAt).toBe(old.publishedAt);
      const now = await commitment(c);
      expect(now.version).toBe(first.version + 1);
      expect(now.independent).toMatchObject({ completion: 'COMPLETE', starred: true });

      // Both stay readable, oldest first.
      const list = (await api.anonymous.get(assessmentsUrl(c))).body.items;
      expect(list.map((x: any) => [x.id, x.status])).toEqual([
        [old.id, 'SUPERSEDED'],
        [revised.id, 'PUBLISHED'],
      ]);
      // Both are on the timeline.
      const timeline = (await api.anonymous.get(`${commitmentUrl(c)}/timeline`)).body.items;
      expect(timeline.filter((e: any) => e.kind === 'ASSESSMENT').map((e: any) => e.subjectId)).toEqual([
        old.id,
        revised.id,
      ]);

      // A superseded assessment never changes either, and cannot be superseded again.
      expectProblem(
        await assessorA.patch(assessmentUrl(old), { summary: 'Late edit' }),
        409,
        'assessment.already_published',
      );
      await expect(api.query(`UPDATE assessment SET summary = 'x' WHERE id = $1`, [old.id])).rejects.toThrow(
        /append-only/,
      );
      const before = await snapshot(c);
      expectProblem(
        await assessorA.post(assessmentsUrl(c), {
          framework: 'IRM_LEGACY',
          product: 'PROGRESS_REPORT',
          supersedes: old.id,
        }),
        422,
        'assessment.invalid_supersedes',
        'supersedes',
      );
      expect(await snapshot(c)).toEqual(before);
    });

    it('lets a superseded rating count no more, even where the new assessment leaves it null', async () => {
      const c = await aCommitment(api, planA.id);
      const old = await published(assessorA, c, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'LIMITED', earlyResults: 'MODERATE' },
      });
      expect((await commitment(c)).independent).toMatchObject({
        completion: 'LIMITED',
        earlyResults: 'MODERATE',
      });
      await published(assessorA, c, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        supersedes: old.id,
        indicators: { completion: 'SUBSTANTIAL', earlyResults: null },
        nullReasons: { earlyResults: 'NOT_REVIEWED' },
      });
      expect((await commitment(c)).independent).toEqual({
        ...NO_INDEPENDENT_VIEW,
        completion: 'SUBSTANTIAL',
      });
    });

    it('lets one of two concurrent publications of the same report win, and refuses the other with 409', async () => {
      const c = await aCommitment(api, planA.id);
      const body = {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'COMPLETE', earlyResults: 'OUTSTANDING' },
      };
      const one = await draft(assessorA, c, body);
      const other = await draft(api, c, body);
      const responses = await Promise.all([publish(assessorA, one), publish(api, other)]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      expectProblem(
        responses.find((r) => r.status === 409) as Response,
        409,
        'assessment.report_already_published',
      );
      expect(await countRows(api, 'assessment', `commitment_id = $1 AND status = 'PUBLISHED'`, [c.id])).toBe(
        1,
      );
      expect((await commitment(c)).version).toBe(c.version + 1);
    });

    it('does not point the public at a draft that is not published yet', async () => {
      const c = await aCommitment(api, planA.id);
      const old = await published(assessorA, c, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        indicators: { completion: 'LIMITED', earlyResults: 'MODERATE' },
      });
      await draft(assessorA, c, {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        supersedes: old.id,
        indicators: { completion: 'SUBSTANTIAL' },
      });
      const seen = (await api.anonymous.get(assessmentUrl(old))).body;
      expect(seen).toMatchObject({ status: 'PUBLISHED', supersededBy: null });
    });

    describe('refuses supersedes that is not the published assessment of the same report', () => {
      let c: any;
      let progressReport: any;
      let otherCommitmentReport: any;
      let aDraft: any;

      beforeAll(async () => {
        c = await aCommitment(api, planA.id);
        progressReport = await published(assessorA, c, {
          framework: 'IRM_LEGACY',
          product: 'PROGRESS_REPORT',
          indicators: legacyIndicators(),
        });
        aDraft = await draft(assessorA, c, { framework: 'IRM_2021', product: 'RESULTS_REPORT' });
        const other = await aCommitment(api, planA.id);
        otherCommitmentReport = await published(assessorA, other, {
          framework: 'IRM_LEGACY',
          product: 'END_OF_TERM_REPORT',
          indicators: legacyEndOfTerm(),
        });
      });

      it.each([
        [
          'another product of the same framework',
          () => ['IRM_LEGACY', 'END_OF_TERM_REPORT', progressReport.id],
        ],
        ['a report of the other framework', () => ['IRM_2021', 'RESULTS_REPORT', progressReport.id]],
        ['a draft', () => ['IRM_2021', 'RESULTS_REPORT', aDraft.id]],
        [
          "another commitment's assessment",
          () => ['IRM_LEGACY', 'END_OF_TERM_REPORT', otherCommitmentReport.id],
        ],
        ['an unknown assessment', () => ['IRM_LEGACY', 'PROGRESS_REPORT', UNKNOWN_UUID]],
      ])('%s: 422, writing nothing', async (_name, make) => {
        const [framework, product, supersedes] = make();
        const before = await snapshot(c);
        expectProblem(
          await assessorA.post(assessmentsUrl(c), { framework, product, supersedes }),
          422,
          'assessment.invalid_supersedes',
          'supersedes',
        );
        expect(await snapshot(c)).toEqual(before);
      });
    });
  });

  describe("the commitment's independent view", () => {
    it('follows each publication, the latest published rating of each indicator, and moves the version', async () => {
      const c = await aCommitment(api, planA.id);
      const read = async () => (await api.anonymous.get(commitmentUrl(c))).body;
      let previous = await read();
      expect(previous.independent).toEqual(NO_INDEPENDENT_VIEW);

      const steps: [Record<string, unknown>, Record<string, unknown>][] = [
        [
          {
            framework: 'IRM_2021',
            product: 'ACTION_PLAN_REVIEW',
            indicators: actionPlanReview({ potentialForResults: 'MODEST' }),
          },
          { ...NO_INDEPENDENT_VIEW, potentialForResults: 'MODEST' },
        ],
        [
          {
            framework: 'IRM_2021',
            product: 'MIDTERM_REVIEW',
            indicators: actionPlanReview({ potentialForResults: 'SUBSTANTIAL', completion: 'LIMITED' }),
          },
          { ...NO_INDEPENDENT_VIEW, potentialForResults: 'SUBSTANTIAL', completion: 'LIMITED' },
        ],
        [
          // A null rating (with its reason) does not hide an earlier one.
          {
            framework: 'IRM_2021',
            product: 'RESULTS_REPORT',
            indicators: { completion: null, earlyResults: 'SIGNIFICANT' },
            nullReasons: { completion: 'NO_DATA' },
          },
          {
            ...NO_INDEPENDENT_VIEW,
            potentialForResults: 'SUBSTANTIAL',
            completion: 'LIMITED',
            earlyResults: 'SIGNIFICANT',
          },
        ],
        [
          {
            framework: 'IRM_LEGACY',
            product: 'END_OF_TERM_REPORT',
            indicators: legacyEndOfTerm({ completion: 'SUBSTANTIAL' }),
          },
          {
            completion: 'SUBSTANTIAL',
            potentialImpact: 'TRANSFORMATIVE',
            potentialForResults: 'SUBSTANTIAL',
            earlyResults: 'SIGNIFICANT',
            didItOpenGovernment: 'OUTSTANDING',
            starred: true,
          },
        ],
      ];
      for (const [body, view] of steps) {
        const created = await draft(assessorA, c, body);
        expect(await read()).toEqual(previous);
        expect((await publish(assessorA, created)).status).toBe(200);
        const now = await api.anonymous.get(commitmentUrl(c));
        expect(now.body.version).toBe(previous.version + 1);
        expect(now.headers.etag).toBe(`"${previous.version + 1}"`);
        expect(now.body.independent).toEqual(view);
        previous = now.body;
      }
      // The list of commitments shows the same view.
      const listed = (
        await api.get(`/api/v1/action-plans/${planA.id}/commitments?limit=200`)
      ).body.items.find((x: any) => x.code === c.code);
      expect(listed.independent).toEqual(previous.independent);
    });
  });
});
