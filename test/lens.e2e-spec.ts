import pg from 'pg';
import { countRows, expectProblem, fieldsOf, nextLinkOf, walk } from './support/assertions.js';
import {
  aMember,
  anInstitution,
  aPlan,
  aTag,
  commitmentBody,
  commitmentCode,
  legacyIndicators,
} from './support/factories.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';

// The lens over commitments: the SMART check of saved commitments and of drafts (a draft gets exactly
// the findings it will have once saved), a plan's dashboard counted every way, members compared on a
// theme, and the guard against N+1 queries on each of them.

const UNKNOWN_UUID = '3b9d6a4e-5c1f-4e2a-8d7b-9f0e1a2b3c4d';

function dayUtc(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The server's today (UTC). */
const TODAY = dayUtc();
const YEAR = Number(TODAY.slice(0, 4));
/** The first day of the quarter before this one: a milestone due "last quarter" is overdue. */
const LAST_QUARTER = (() => {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3, 1));
  return start.toISOString().slice(0, 10);
})();

/** Dates the dashboard's plan runs to: ahead of today whenever the test runs. */
const DASHBOARD_PLAN_END = `${YEAR + 2}-12-31`;
const COMMITMENT_END = `${YEAR + 1}-06-30`;
/** Due within the commitment, not yet overdue. */
const LATER = `${YEAR + 1}-03-31`;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const LETTER_NAMES = {
  S: 'Specific',
  M: 'Measurable',
  A: 'Assignable',
  R: 'Relevant',
  T: 'Time-bound',
  P: 'Participatory',
} as const;
type Letter = keyof typeof LETTER_NAMES;
const LETTERS = Object.keys(LETTER_NAMES) as Letter[];
type Status = 'PASS' | 'WARNING' | 'FAIL' | 'NOT_APPLICABLE';

/** Justifications long enough (eight words or more) not to be thin. */
const JUSTIFICATION = {
  ACCESS_TO_INFORMATION: 'The public can read every draft, decision and data set as it is produced.',
  CIVIC_PARTICIPATION:
    'Citizens and civil society shape each decision through open and documented processes.',
  PUBLIC_ACCOUNTABILITY:
    'Independent auditors report publicly on how the systems work and who answers for them.',
  TECHNOLOGY_AND_INNOVATION:
    'Open source tools and open standards make the systems reusable by other agencies.',
} as const;
type Value = keyof typeof JUSTIFICATION;

const valuesOf = (...values: Value[]) =>
  values.map((value) => ({ value, justification: JUSTIFICATION[value] }));

interface Finding {
  code: string;
  severity: 'ERROR' | 'WARNING';
  field: string;
}

const error = (code: string, field: string): Finding => ({ code, severity: 'ERROR', field });
const warning = (code: string, field: string): Finding => ({ code, severity: 'WARNING', field });

/** Every finding of a report, in order, without its message. */
function findingsOf(report: any): (Finding & { letter: string })[] {
  return report.letters.flatMap((l: any) =>
    l.findings.map((f: any) => ({ code: f.code, letter: f.letter, severity: f.severity, field: f.field })),
  );
}

/** The report with some findings' fields renamed: where a draft's arrays are in another order. */
function withFields(report: any, renamed: Record<string, string>): any {
  return {
    ...report,
    letters: report.letters.map((l: any) => ({
      ...l,
      findings: l.findings.map((f: any) => ({ ...f, field: renamed[f.field] ?? f.field })),
    })),
  };
}

function statusesOf(report: any): Record<Letter, Status> {
  return Object.fromEntries(report.letters.map((l: any) => [l.letter, l.status])) as Record<Letter, Status>;
}

/** What the brief summary of a commitment must say, read off its full report. */
function summaryOf(report: any): Record<string, unknown> {
  return {
    passed: report.passed,
    errors: report.errors,
    warnings: report.warnings,
    failing: report.letters.filter((l: any) => l.status === 'FAIL').map((l: any) => l.letter),
    warned: report.letters.filter((l: any) => l.status === 'WARNING').map((l: any) => l.letter),
    specificityHint: report.specificityHint,
  };
}

/** Letter statuses: PASS unless given, P not applicable unless given. */
function statuses(given: Partial<Record<Letter, Status>>): Record<Letter, Status> {
  return { S: 'PASS', M: 'PASS', A: 'PASS', R: 'PASS', T: 'PASS', P: 'NOT_APPLICABLE', ...given };
}

/** A SMART report as the API gives it, checked for shape and coherence; returns it. */
function expectReport(
  report: any,
  commitment: string | null,
  want: {
    statuses: Record<Letter, Status>;
    findings: Finding[];
    hint: string;
  },
): void {
  expect(report).toEqual({
    commitment,
    note: expect.stringMatching(/not an IRM rating/),
    passed: expect.any(Boolean),
    errors: expect.any(Number),
    warnings: expect.any(Number),
    specificityHint: expect.any(String),
    letters: LETTERS.map((letter) => ({
      letter,
      name: LETTER_NAMES[letter],
      status: expect.any(String),
      findings: expect.any(Array),
    })),
  });
  for (const letter of report.letters) {
    for (const finding of letter.findings) {
      expect(finding).toEqual({
        code: expect.stringMatching(new RegExp(`^${letter.letter}\\.[a-z_]+$`)),
        letter: letter.letter,
        severity: expect.stringMatching(/^(ERROR|WARNING)$/),
        field: expect.any(String),
        message: expect.stringMatching(/\w+ .*\w/),
      });
    }
  }
  const errors = want.findings.filter((f) => f.severity === 'ERROR').length;
  expect({
    statuses: statusesOf(report),
    findings: findingsOf(report).map(({ code, severity, field }) => ({ code, severity, field })),
    passed: report.passed,
    errors: report.errors,
    warnings: report.warnings,
    hint: report.specificityHint,
  }).toEqual({
    statuses: want.statuses,
    findings: want.findings,
    passed: errors === 0,
    errors,
    warnings: want.findings.length - errors,
    hint: want.hint,
  });
}

async function created(as: TestApp, url: string, body: unknown): Promise<any> {
  const response = await as.post(url, body);
  if (response.status !== 201) throw new Error(`${url}: ${response.status} ${response.text}`);
  return response.body;
}

/** Creates a commitment, then each milestone in order, as an authoring tool saves a draft. */
async function save(
  as: TestApp,
  planId: string,
  body: Record<string, unknown>,
  milestones: Record<string, unknown>[] = [],
): Promise<any> {
  const c = await created(as, `/api/v1/action-plans/${planId}/commitments`, body);
  const saved = [];
  for (const m of milestones) saved.push(await created(as, `/api/v1/commitments/${c.code}/milestones`, m));
  return { ...c, savedMilestones: saved };
}

async function smartOf(as: TestApp, code: string): Promise<any> {
  const response = await as.get(`/api/v1/commitments/${code}/smart`);
  expect({ code, status: response.status }).toEqual({ code, status: 200 });
  return response.body;
}

async function report(as: TestApp, code: string, body: Record<string, unknown>): Promise<any> {
  return created(as, `/api/v1/commitments/${code}/progress-updates`, body);
}

async function publish(as: TestApp, code: string, body: Record<string, unknown>): Promise<any> {
  const draft = await created(as, `/api/v1/commitments/${code}/assessments`, body);
  const response = await as.post(`/api/v1/assessments/${draft.id}/publish`, undefined, {
    'if-match': `"${draft.version}"`,
  });
  if (response.status !== 200) throw new Error(`publish: ${response.status} ${response.text}`);
  return response.body;
}

const resultsReport = (completion: string, earlyResults: string) => ({
  framework: 'IRM_2021',
  product: 'RESULTS_REPORT',
  indicators: { completion, earlyResults },
});

function legacy(product: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { framework: 'IRM_LEGACY', product, indicators: legacyIndicators(overrides) };
}

/** What a write must leave as it was when nothing is to be stored. */
async function stored(api: TestApp): Promise<Record<string, number>> {
  return {
    commitments: await countRows(api, 'commitment'),
    milestones: await countRows(api, 'milestone'),
    audit: await countRows(api, 'audit_log'),
  };
}

describe(`the lens: SMART checks, plan dashboards, comparisons (${ENGINE})`, () => {
  let api: TestApp;
  let member: any;
  let plan: any;
  let lead: any;
  let treasury: any;
  let noneSpecified: any;

  beforeAll(async () => {
    api = await TestApp.start();
    member = await aMember(api, { name: 'Kenya' });
    plan = await aPlan(api, member.code, {
      sequenceNumber: 1,
      startDate: '2025-01-01',
      endDate: '2026-12-31',
    });
    lead = await anInstitution(api, { name: 'Public Procurement Authority' });
    treasury = await anInstitution(api, { name: 'National Treasury' });
    noneSpecified = await anInstitution(api, { name: 'None Specified' });
  });
  afterAll(() => api.close());

  /** A commitment that passes every letter (P does not apply: it claims no civic participation). */
  function passingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return commitmentBody({
      title: 'Open contracting portal for public procurement',
      problem: 'Procurement data is scattered across ministries and cannot be searched by the public.',
      solution: 'Publish every contract in the Open Contracting Data Standard on a single portal.',
      startDate: '2025-01-01',
      endDate: '2026-06-30',
      leadInstitutionId: lead.id,
      values: valuesOf('ACCESS_TO_INFORMATION'),
      area: 'SERVICE_CO_DESIGN',
      ...overrides,
    });
  }

  function passingMilestones(overrides: Record<string, unknown>[] = []): Record<string, unknown>[] {
    return [
      {
        title: 'Portal launch',
        deliverable: 'Open contracting portal launched with 100% of central government contracts',
        startDate: '2025-01-01',
        dueDate: '2025-06-30',
        responsibleInstitutionId: treasury.id,
        ...overrides[0],
      },
      {
        title: 'Officer training',
        deliverable: 'Train 200 procurement officers in open data',
        dueDate: '2025-12-31',
        responsibleInstitutionId: treasury.id,
        ...overrides[1],
      },
    ];
  }

  // -------------------------------------------------------------------------------------------------
  describe('SMART check of saved commitments', () => {
    interface Case {
      name: string;
      body: () => Record<string, unknown>;
      milestones: () => Record<string, unknown>[];
      statuses: Record<Letter, Status>;
      findings: Finding[];
      hint: string;
    }

    const CASES: Case[] = [
      {
        name: 'a commitment that passes everything',
        body: () => passingBody(),
        milestones: () => passingMilestones(),
        statuses: statuses({}),
        findings: [],
        hint: 'HIGH',
      },
      {
        name: 'no problem statement',
        body: () => passingBody({ problem: undefined }),
        milestones: () => passingMilestones(),
        statuses: statuses({ S: 'FAIL' }),
        findings: [error('S.problem_missing', 'problem')],
        hint: 'HIGH',
      },
      {
        name: 'vague deliverables under a vague title',
        body: () => passingBody({ title: 'Strengthen transparency in public procurement' }),
        milestones: () =>
          passingMilestones([
            {
              title: 'Promote open contracting',
              deliverable: 'Promote the use of open contracting among ministries',
            },
            { title: 'Awareness', deliverable: 'Raise awareness of procurement rules among suppliers' },
          ]),
        statuses: statuses({ M: 'FAIL' }),
        findings: [
          error('M.no_measurable_deliverable', 'milestones'),
          warning('M.vague_verb_without_deliverable', 'title'),
          warning('M.vague_verb_without_deliverable', 'milestones[0].deliverable'),
          warning('M.vague_verb_without_deliverable', 'milestones[1].deliverable'),
        ],
        hint: 'LOW',
      },
      {
        name: 'no lead institution',
        body: () => passingBody({ leadInstitutionId: undefined }),
        milestones: () => passingMilestones(),
        statuses: statuses({ A: 'FAIL' }),
        findings: [error('A.lead_institution_missing', 'leadInstitutionId')],
        hint: 'HIGH',
      },
      {
        name: 'a lead institution named "None Specified", and a milestone answered for by it',
        body: () => passingBody({ leadInstitutionId: noneSpecified.id }),
        milestones: () => passingMilestones([{}, { responsibleInstitutionId: noneSpecified.id }]),
        statuses: statuses({ A: 'FAIL' }),
        findings: [
          error('A.lead_institution_missing', 'leadInstitutionId'),
          error('A.milestone_responsible_missing', 'milestones[1].responsibleInstitutionId'),
        ],
        hint: 'HIGH',
      },
      {
        name: 'technology and innovation only',
        body: () => passingBody({ values: valuesOf('TECHNOLOGY_AND_INNOVATION') }),
        milestones: () => passingMilestones(),
        statuses: statuses({ R: 'FAIL' }),
        findings: [error('R.technology_only', 'values')],
        hint: 'HIGH',
      },
      {
        name: 'dates outside the plan (a quarter before it, a day after it)',
        body: () =>
          passingBody({ startDate: '2024-10-01', startDatePrecision: 'QUARTER', endDate: '2027-03-31' }),
        milestones: () => passingMilestones(),
        statuses: statuses({ T: 'FAIL' }),
        findings: [
          error('T.outside_plan', 'startDate'),
          error('T.outside_plan', 'endDate'),
          warning('T.imprecise_date', 'startDate'),
        ],
        hint: 'HIGH',
      },
      {
        name: 'civic participation claimed without a participation milestone',
        body: () =>
          passingBody({
            values: valuesOf('ACCESS_TO_INFORMATION', 'CIVIC_PARTICIPATION'),
            participationLevel: 'CONSULT',
          }),
        milestones: () => passingMilestones(),
        statuses: statuses({ P: 'FAIL' }),
        findings: [error('P.mechanism_missing', 'milestones')],
        hint: 'HIGH',
      },
    ];

    const codes = new Map<string, string>();
    const milestoneIds = new Map<string, string[]>();

    beforeAll(async () => {
      for (const c of CASES) {
        const saved = await save(api, plan.id, c.body(), c.milestones());
        codes.set(c.name, saved.code);
        milestoneIds.set(
          c.name,
          saved.savedMilestones.map((m: any) => m.id),
        );
      }
    });

    it.each(CASES)('GET /commitments/{code}/smart: $name', async (c) => {
      const code = codes.get(c.name) as string;
      expectReport(await smartOf(api, code), code, c);
    });

    it('says where each finding is and what to do, in words naming the plan and the milestone', async () => {
      const outside = await smartOf(api, codes.get(CASES[6].name) as string);
      const [start, end, imprecise] = outside.letters[4].findings;
      expect(start.message).toContain('Q4 2024');
      expect(start.message).toContain('2025-01-01');
      expect(end.message).toContain('2026-12-31');
      expect(imprecise.message).toContain('Q4 2024');
      const placeholder = await smartOf(api, codes.get(CASES[4].name) as string);
      expect(placeholder.letters[2].findings[1].message).toMatch(/^Milestone 2 /);
    });

    it('gives the same summary in GET /commitments/{code} as in its report', async () => {
      for (const c of CASES) {
        const code = codes.get(c.name) as string;
        const full = await smartOf(api, code);
        const response = await api.get(`/api/v1/commitments/${code}`);
        expect(response.status).toBe(200);
        expect({ code, smart: response.body.smart }).toEqual({ code, smart: summaryOf(full) });
      }
    });

    it('gives the same summaries in the list GET /commitments', async () => {
      const { items } = await walk(api.anonymous, `/api/v1/commitments?actionPlan=${plan.id}&limit=3`);
      const listed = new Map(items.map((c) => [c.code, c.smart]));
      for (const c of CASES) {
        const code = codes.get(c.name) as string;
        expect({ code, smart: listed.get(code) }).toEqual({
          code,
          smart: summaryOf(await smartOf(api, code)),
        });
      }
      // Spelled out for two of them.
      expect(listed.get(codes.get(CASES[0].name) as string)).toEqual({
        passed: true,
        errors: 0,
        warnings: 0,
        failing: [],
        warned: [],
        specificityHint: 'HIGH',
      });
      expect(listed.get(codes.get(CASES[2].name) as string)).toEqual({
        passed: false,
        errors: 1,
        warnings: 3,
        failing: ['M'],
        warned: [],
        specificityHint: 'LOW',
      });
    });

    it('finds the commitment by its code in any case, or by its id', async () => {
      const code = codes.get(CASES[2].name) as string;
      const byCode = await smartOf(api.anonymous, code);
      expect(await smartOf(api.anonymous, code.toLowerCase())).toEqual(byCode);
      const { id } = (await api.get(`/api/v1/commitments/${code}`)).body;
      expect(await smartOf(api.anonymous, id)).toEqual(byCode);
    });

    it('is public: an anonymous caller reads the same report', async () => {
      for (const c of CASES.slice(0, 3)) {
        const code = codes.get(c.name) as string;
        expect(await smartOf(api.anonymous, code)).toEqual(await smartOf(api, code));
      }
    });

    it('answers 404 (problem details) for an unknown commitment', async () => {
      expectProblem(await api.anonymous.get('/api/v1/commitments/ZZ9999/smart'), 404, 'commitment.not_found');
      expectProblem(await api.get(`/api/v1/commitments/${UNKNOWN_UUID}/smart`), 404, 'commitment.not_found');
      expectProblem(await api.get('/api/v1/commitments/not-a-code/smart'), 404, 'commitment.not_found');
    });

    it('follows a later change: adding the problem statement makes S pass', async () => {
      const code = codes.get(CASES[1].name) as string;
      expect((await api.get(`/api/v1/commitments/${code}`)).body.smart.failing).toEqual(['S']);
      const patched = await api.patch(`/api/v1/commitments/${code}`, {
        problem: 'Suppliers cannot see which contracts were awarded, to whom and at what price.',
      });
      expect(patched.status).toBe(200);
      const expected = {
        passed: true,
        errors: 0,
        warnings: 0,
        failing: [],
        warned: [],
        specificityHint: 'HIGH',
      };
      expect(patched.body.smart).toEqual(expected);
      expectReport(await smartOf(api, code), code, { statuses: statuses({}), findings: [], hint: 'HIGH' });
      expect((await api.get(`/api/v1/commitments/${code}`)).body.smart).toEqual(expected);
    });

    it('follows later changes to milestones and participation: added, withdrawn, explained', async () => {
      const name = CASES[7].name;
      const code = codes.get(name) as string;
      const summary = async () => (await api.get(`/api/v1/commitments/${code}`)).body.smart;

      // A milestone that names a consultation: P no longer fails, but nothing says inputs are published.
      const consultation = await created(api, `/api/v1/commitments/${code}/milestones`, {
        title: 'Public consultation on the contract rules',
        deliverable: 'Consultation held with suppliers and civil society',
        dueDate: '2026-03-31',
        responsibleInstitutionId: treasury.id,
      });
      const p = statuses({ P: 'WARNING' });
      expectReport(await smartOf(api, code), code, {
        statuses: p,
        findings: [warning('P.inputs_publication_unstated', 'milestones')],
        hint: 'MEDIUM',
      });
      expect(await summary()).toEqual({
        passed: true,
        errors: 0,
        warnings: 1,
        failing: [],
        warned: ['P'],
        specificityHint: 'MEDIUM',
      });

      // The participation mechanism says the inputs and the response are published: P passes.
      const explained = await api.patch(`/api/v1/commitments/${code}`, {
        participationMechanism: 'Inputs and the government response are published in a feedback report.',
      });
      expect(explained.status).toBe(200);
      expectReport(await smartOf(api, code), code, {
        statuses: statuses({ P: 'PASS' }),
        findings: [],
        hint: 'MEDIUM',
      });
      expect(explained.body.smart).toEqual({
        passed: true,
        errors: 0,
        warnings: 0,
        failing: [],
        warned: [],
        specificityHint: 'MEDIUM',
      });

      // Withdrawn, the consultation is left out of every check: P fails again, the hint is HIGH again.
      const withdrawn = await api.patch(`/api/v1/milestones/${consultation.id}`, { status: 'WITHDRAWN' });
      expect(withdrawn.status).toBe(200);
      expectReport(await smartOf(api, code), code, {
        statuses: statuses({ P: 'FAIL' }),
        findings: [error('P.mechanism_missing', 'milestones')],
        hint: 'HIGH',
      });
      expect(await summary()).toEqual({
        passed: false,
        errors: 1,
        warnings: 0,
        failing: ['P'],
        warned: [],
        specificityHint: 'HIGH',
      });
      expect(milestoneIds.get(name)).toHaveLength(2);
    });

    it('follows a changed milestone: a due date moved out of the commitment makes T fail', async () => {
      const name = CASES[0].name;
      const code = codes.get(name) as string;
      const [first] = milestoneIds.get(name) as string[];
      const moved = await api.patch(`/api/v1/milestones/${first}`, { dueDate: '2026-09-30' });
      expect(moved.status).toBe(200);
      expectReport(await smartOf(api, code), code, {
        statuses: statuses({ T: 'FAIL' }),
        findings: [error('T.milestone_outside_commitment', 'milestones[0].dueDate')],
        hint: 'HIGH',
      });
      expect((await api.get(`/api/v1/commitments/${code}`)).body.smart).toEqual({
        passed: false,
        errors: 1,
        warnings: 0,
        failing: ['T'],
        warned: [],
        specificityHint: 'HIGH',
      });
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('SMART check of a draft (POST /smart-check)', () => {
    type Draft = { body: Record<string, unknown>; milestones: Record<string, unknown>[] };

    /** Passes, with warnings: quarter precisions; a target, weights and start dates on milestones. */
    const passing = (): Draft => ({
      body: commitmentBody({
        title: 'Co-design the building permit service with its users',
        problem: 'Applying for a building permit takes eleven visits to four offices.',
        solution: 'Redesign the permit service with applicants and launch it online.',
        startDate: '2025-01-01',
        startDatePrecision: 'MONTH',
        endDate: '2026-04-01',
        endDatePrecision: 'QUARTER',
        leadInstitutionId: lead.id,
        supportingInstitutionIds: [treasury.id],
        values: valuesOf('CIVIC_PARTICIPATION', 'ACCESS_TO_INFORMATION'),
        participationMechanism: 'Workshops with applicants; a feedback report publishes their inputs.',
        participationLevel: 'COLLABORATE',
        area: 'SERVICE_CO_DESIGN',
      }),
      milestones: [
        {
          title: 'User research',
          deliverable: 'User research with applicants completed',
          target: { indicator: 'Applicants interviewed', value: 300, unit: 'people' },
          startDate: '2025-01-01',
          startDatePrecision: 'MONTH',
          dueDate: '2025-04-01',
          dueDatePrecision: 'QUARTER',
          responsibleInstitutionId: lead.id,
          weight: 2,
        },
        {
          title: 'Co-design workshops',
          deliverable: 'Twelve co-design workshops held and their inputs published',
          dueDate: '2025-09-01',
          dueDatePrecision: 'MONTH',
          responsibleInstitutionId: treasury.id,
          status: 'COMPLETE',
          completedOn: '2025-09-12',
        },
        {
          title: 'Launch',
          deliverable: 'Redesigned permit portal launched',
          dueDate: '2026-01-01',
          dueDatePrecision: 'QUARTER',
          responsibleInstitutionId: lead.id,
        },
      ],
    });

    /** Fails S, M, A, R and T: no problem, vague, unassigned, technology only, a milestone outside. */
    const failingFive = (): Draft => ({
      body: commitmentBody({
        title: 'Improve digital skills in the civil service',
        problem: undefined,
        startDate: '2025-03-01',
        endDate: '2025-12-31',
        values: [{ value: 'TECHNOLOGY_AND_INNOVATION', justification: '  Digital tools.  ' }],
        area: 'TECHNOLOGY_REGULATION',
      }),
      milestones: [
        {
          title: 'Support training',
          deliverable: 'Support training of civil servants',
          dueDate: '2025-06-30',
          responsibleInstitutionId: treasury.id,
        },
        { title: 'Guidance', deliverable: 'Guidance', startDate: '2025-01-01', dueDate: '2026-03-31' },
        { ordinal: 5, title: 'Pilot', deliverable: 'Pilot', dueDate: '2027-05-31', status: 'WITHDRAWN' },
      ],
    });

    /** Fails A and P: a placeholder lead, no participation mechanism; year precisions, all due in one month. */
    const failingParticipation = (): Draft => ({
      body: commitmentBody({
        title: 'Digital ID oversight board',
        problem: 'Nobody outside the agency oversees how digital ID data is used.',
        solution: 'Establish an oversight board with civil society members.',
        startDate: '2025-01-01',
        startDatePrecision: 'YEAR',
        endDate: '2026-01-01',
        endDatePrecision: 'YEAR',
        leadInstitutionId: noneSpecified.id,
        values: [
          ...valuesOf('CIVIC_PARTICIPATION'),
          { value: 'PUBLIC_ACCOUNTABILITY', justification: 'The board reports.' },
        ],
        participationLevel: 'INFORM',
        area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
      }),
      milestones: [
        {
          ordinal: 3,
          title: 'Board established',
          deliverable: 'Oversight board established by decree',
          dueDate: '2025-10-01',
          dueDatePrecision: 'MONTH',
          responsibleInstitutionId: treasury.id,
        },
        {
          title: 'Annual report',
          deliverable: 'First annual report of the board',
          dueDate: '2025-10-31',
          responsibleInstitutionId: noneSpecified.id,
        },
      ],
    });

    const DRAFTS: {
      name: string;
      draft: () => Draft;
      passed: boolean;
      failing: Letter[];
      warned: Letter[];
    }[] = [
      { name: 'a passing draft with warnings', draft: passing, passed: true, failing: [], warned: ['T'] },
      {
        name: 'a draft failing S, M, A, R and T',
        draft: failingFive,
        passed: false,
        failing: ['S', 'M', 'A', 'R', 'T'],
        warned: [],
      },
      {
        name: 'a draft failing A and P',
        draft: failingParticipation,
        passed: false,
        failing: ['A', 'P'],
        warned: ['R', 'T'],
      },
    ];

    const check = (as: TestApp, d: Draft, extra: Record<string, unknown> = {}) =>
      as.post('/api/v1/smart-check', {
        ...d.body,
        actionPlanId: plan.id,
        milestones: d.milestones,
        ...extra,
      });

    it.each(DRAFTS)('$name: gets exactly the findings it has once saved, and stores nothing', async (t) => {
      const d = t.draft();
      const before = await stored(api);
      const response = await check(api, d);
      expect(response.status).toBe(200);
      expect(await stored(api)).toEqual(before);
      const draft = response.body;
      expect(draft.commitment).toBeNull();
      expect(summaryOf(draft)).toMatchObject({ passed: t.passed, failing: t.failing, warned: t.warned });

      const c = await save(api, plan.id, d.body, d.milestones);
      const saved = await smartOf(api, c.code);
      expect(saved.commitment).toBe(c.code);
      expect({ ...draft, commitment: c.code }).toEqual(saved);
      expect((await api.get(`/api/v1/commitments/${c.code}`)).body.smart).toEqual(summaryOf(draft));
    });

    it('spells out the findings of the draft failing five letters', async () => {
      const response = await check(api, failingFive());
      expect(response.status).toBe(200);
      expectReport(response.body, null, {
        statuses: statuses({ S: 'FAIL', M: 'FAIL', A: 'FAIL', R: 'FAIL', T: 'FAIL' }),
        findings: [
          error('S.problem_missing', 'problem'),
          warning('S.solution_missing', 'solution'),
          warning('S.deliverable_repeats_title', 'milestones[1].deliverable'),
          error('M.no_measurable_deliverable', 'milestones'),
          warning('M.vague_verb_without_deliverable', 'title'),
          warning('M.vague_verb_without_deliverable', 'milestones[0].deliverable'),
          error('A.lead_institution_missing', 'leadInstitutionId'),
          error('A.milestone_responsible_missing', 'milestones[1].responsibleInstitutionId'),
          error('R.technology_only', 'values'),
          warning('R.justification_thin', 'values[0].justification'),
          error('T.milestone_outside_commitment', 'milestones[1].startDate'),
          error('T.milestone_outside_commitment', 'milestones[1].dueDate'),
        ],
        hint: 'LOW',
      });
    });

    it('spells out the findings of the draft failing A and P', async () => {
      const response = await check(api, failingParticipation());
      expect(response.status).toBe(200);
      expectReport(response.body, null, {
        statuses: statuses({ A: 'FAIL', R: 'WARNING', T: 'WARNING', P: 'FAIL' }),
        findings: [
          error('A.lead_institution_missing', 'leadInstitutionId'),
          error('A.milestone_responsible_missing', 'milestones[1].responsibleInstitutionId'),
          warning('R.justification_thin', 'values[1].justification'),
          warning('T.imprecise_date', 'startDate'),
          warning('T.imprecise_date', 'endDate'),
          warning('T.not_staggered', 'milestones'),
          error('P.mechanism_missing', 'milestones'),
          warning('P.level_one_way', 'participationLevel'),
        ],
        hint: 'MEDIUM',
      });
      // Milestones are named by the ordinal they will have: 3, then the next one, 4.
      expect(response.body.letters[2].findings[1].message).toMatch(/^Milestone 4 /);
    });

    it('lets an anonymous caller check a draft (200), with the same answer', async () => {
      const d = failingParticipation();
      const before = await stored(api);
      const anonymous = await check(api.anonymous, d);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual((await check(api, d)).body);
      expect(await stored(api)).toEqual(before);
    });

    it('checks what is written so far: an empty draft, and one without a plan', async () => {
      const empty = await api.anonymous.post('/api/v1/smart-check', {});
      expect(empty.status).toBe(200);
      expectReport(empty.body, null, {
        statuses: statuses({ S: 'FAIL', M: 'FAIL', A: 'FAIL', R: 'FAIL', T: 'FAIL' }),
        findings: [
          error('S.problem_missing', 'problem'),
          warning('S.solution_missing', 'solution'),
          error('S.no_milestones', 'milestones'),
          error('M.no_measurable_deliverable', 'milestones'),
          error('A.lead_institution_missing', 'leadInstitutionId'),
          error('R.no_values', 'values'),
          error('T.start_date_missing', 'startDate'),
          error('T.end_date_missing', 'endDate'),
        ],
        hint: 'NONE',
      });
      // Without actionPlanId the plan's period is unknown: dates outside it are not found.
      const d = passing();
      const planless = await api.post('/api/v1/smart-check', {
        ...d.body,
        endDate: '2030-01-01',
        endDatePrecision: 'DAY',
        milestones: d.milestones,
      });
      expect(planless.status).toBe(200);
      expect(findingsOf(planless.body).map((f) => f.code)).not.toContain('T.outside_plan');
      const planned = await check(api, {
        ...d,
        body: { ...d.body, endDate: '2030-01-01', endDatePrecision: 'DAY' },
      });
      expect(findingsOf(planned.body)).toContainEqual({
        code: 'T.outside_plan',
        letter: 'T',
        severity: 'ERROR',
        field: 'endDate',
      });
    });

    // The draft promises "the findings the commitment will have once saved", whatever order the body
    // lists values and milestones in. A saved commitment is read with its values by value and its
    // milestones by ordinal, and its field paths (values[i], milestones[i]) index those lists.
    it('gives the saved findings for values listed out of order, each naming its place in the draft', async () => {
      const d: Draft = {
        body: passingBody({
          values: [
            { value: 'PUBLIC_ACCOUNTABILITY', justification: 'Audits follow.' },
            ...valuesOf('ACCESS_TO_INFORMATION'),
          ],
        }),
        milestones: passingMilestones(),
      };
      const draft = (await check(api, d)).body;
      const c = await save(api, plan.id, d.body, d.milestones);
      const saved = await smartOf(api, c.code);
      // Stored, the values come back by value: the thin justification is values[1] there, values[0] here.
      expect(findingsOf(saved)).toContainEqual(
        expect.objectContaining({ code: 'R.justification_thin', field: 'values[1].justification' }),
      );
      expect({ ...draft, commitment: c.code }).toEqual(
        withFields(saved, { 'values[1].justification': 'values[0].justification' }),
      );
    });

    it('gives the saved findings for milestones listed out of ordinal order, each naming its place in the draft', async () => {
      const d: Draft = {
        body: passingBody(),
        milestones: passingMilestones([{ ordinal: 2 }, { ordinal: 1, responsibleInstitutionId: undefined }]),
      };
      const draft = (await check(api, d)).body;
      const c = await save(api, plan.id, d.body, d.milestones);
      const saved = await smartOf(api, c.code);
      // Stored, milestones come back by ordinal: ordinal 1 (the draft's second) is milestones[0] there.
      expect(findingsOf(saved)).toContainEqual(
        expect.objectContaining({
          code: 'A.milestone_responsible_missing',
          field: 'milestones[0].responsibleInstitutionId',
        }),
      );
      expect({ ...draft, commitment: c.code }).toEqual(
        withFields(saved, {
          'milestones[0].responsibleInstitutionId': 'milestones[1].responsibleInstitutionId',
        }),
      );
    });

    describe('refuses a bad draft, and stores nothing', () => {
      const BAD: {
        name: string;
        draft: () => Record<string, unknown>;
        status: number;
        code: string;
        field: string;
      }[] = [
        {
          name: 'an unknown field',
          draft: () => ({ ...passing().body, colour: 'blue' }),
          status: 400,
          code: 'validation.failed',
          field: 'colour',
        },
        {
          name: 'an unknown field in a milestone',
          draft: () => ({ milestones: [{ title: 'A', colour: 'blue' }] }),
          status: 400,
          code: 'validation.failed',
          field: 'milestones[0].colour',
        },
        {
          name: 'a malformed date',
          draft: () => ({ ...passing().body, startDate: '2025-13-01' }),
          status: 400,
          code: 'validation.failed',
          field: 'startDate',
        },
        {
          name: 'a malformed milestone due date',
          draft: () => ({ milestones: [{}, { dueDate: '30/06/2025' }] }),
          status: 400,
          code: 'validation.failed',
          field: 'milestones[1].dueDate',
        },
        {
          name: 'a malformed actionPlanId',
          draft: () => ({ actionPlanId: 'plan-1' }),
          status: 400,
          code: 'validation.failed',
          field: 'actionPlanId',
        },
        {
          name: 'a start date not at the start of its month',
          draft: () => ({ ...passing().body, startDate: '2025-02-15', startDatePrecision: 'MONTH' }),
          status: 422,
          code: 'smart_check.invalid',
          field: 'startDate',
        },
        {
          name: 'a milestone due date not at the start of its quarter',
          draft: () => ({ milestones: [{ dueDate: '2025-08-01', dueDatePrecision: 'QUARTER' }] }),
          status: 422,
          code: 'smart_check.invalid',
          field: 'milestones[0].dueDate',
        },
        {
          name: 'an end date before the start date',
          draft: () => ({ startDate: '2026-01-01', endDate: '2025-06-30' }),
          status: 422,
          code: 'smart_check.invalid',
          field: 'endDate',
        },
        {
          name: 'an unknown leadInstitutionId',
          draft: () => ({ ...passing().body, actionPlanId: plan.id, leadInstitutionId: UNKNOWN_UUID }),
          status: 422,
          code: 'institution.not_found',
          field: 'leadInstitutionId',
        },
        {
          name: 'an unknown responsible institution in milestones[1]',
          draft: () => {
            const d = passing();
            d.milestones[1].responsibleInstitutionId = UNKNOWN_UUID;
            return { ...d.body, actionPlanId: plan.id, milestones: d.milestones };
          },
          status: 422,
          code: 'institution.not_found',
          field: 'milestones[1].responsibleInstitutionId',
        },
        {
          name: 'an unknown actionPlanId',
          draft: () => ({ ...passing().body, actionPlanId: UNKNOWN_UUID }),
          status: 422,
          code: 'smart_check.action_plan_not_found',
          field: 'actionPlanId',
        },
        {
          name: 'a value claimed twice',
          draft: () => ({ values: [...valuesOf('CIVIC_PARTICIPATION'), ...valuesOf('CIVIC_PARTICIPATION')] }),
          status: 422,
          code: 'smart_check.invalid',
          field: 'values[1].value',
        },
        {
          name: 'a repeated milestone ordinal',
          draft: () => ({ milestones: [{ ordinal: 1 }, { ordinal: 1 }] }),
          status: 422,
          code: 'smart_check.invalid',
          field: 'milestones[1].ordinal',
        },
        {
          name: 'an ordinal that repeats the one given by default',
          draft: () => ({ milestones: [{ ordinal: 2 }, { title: 'Next, 3' }, { ordinal: 3 }] }),
          status: 422,
          code: 'smart_check.invalid',
          field: 'milestones[2].ordinal',
        },
      ];

      it.each(BAD)('$name ($status, naming $field)', async (bad) => {
        const before = await stored(api);
        const response = await api.post('/api/v1/smart-check', bad.draft());
        expectProblem(response, bad.status, bad.code, bad.field);
        expect(fieldsOf(response)).toEqual([bad.field]);
        expect(await stored(api)).toEqual(before);
      });

      it('refuses a body that is not JSON (400), from anyone', async () => {
        const before = await stored(api);
        const response = await api.anonymous.request('POST', '/api/v1/smart-check', undefined, {
          raw: '{"title": ',
          headers: { 'content-type': 'application/json' },
        });
        expectProblem(response, 400);
        expect(await stored(api)).toEqual(before);
      });
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('the dashboard of a plan (GET /action-plans/{id}/dashboard)', () => {
    let dashboardPlan: any;
    let emptyPlan: any;
    const c: Record<string, any> = {};

    const PROBLEM = 'Citizens have no say in how digital services are designed and overseen.';
    const SOLUTION = 'The government will open each step to the public and report on it.';
    const MEETINGS = ['2023-11-15', '2024-02-01', '2024-05-15', '2024-12-10', '2025-04-01', '2025-09-01'];

    beforeAll(async () => {
      const own = await aMember(api, { name: 'Dashboardia' });
      dashboardPlan = await aPlan(api, own.code, {
        sequenceNumber: 1,
        startDate: '2024-01-01',
        endDate: DASHBOARD_PLAN_END,
        status: 'IMPLEMENTING',
        coCreationLevel: 'COLLABORATE',
        implementationLevel: 'CONSULT',
        participationOpenness: 'OPEN',
      });
      emptyPlan = await aPlan(api, own.code, {
        sequenceNumber: 2,
        startDate: `${YEAR + 1}-01-01`,
        endDate: `${YEAR + 2}-12-31`,
        status: 'CO_CREATION',
      });
      const organisation = await created(api, '/api/v1/organisations', {
        name: 'Algorithm Watch Dashboardia',
        type: 'CIVIL_SOCIETY',
      });
      const civil = await api.signIn({
        name: 'Civic auditor',
        email: 'auditor@watch.example.org',
        role: 'civil_society',
        organisation: organisation.id,
      });
      const body = (overrides: Record<string, unknown>) =>
        commitmentBody({
          problem: PROBLEM,
          solution: SOLUTION,
          startDate: '2024-01-01',
          endDate: COMMITMENT_END,
          leadInstitutionId: lead.id,
          ...overrides,
        });
      const resp = treasury.id;

      // C1: the digital policy, co-designed by C2 and monitored by C3.
      c.policy = await save(
        api,
        dashboardPlan.id,
        body({
          title: 'National digital strategy drafted with the public',
          area: 'DIGITAL_STRATEGY_AND_POLICY',
          values: valuesOf('ACCESS_TO_INFORMATION', 'CIVIC_PARTICIPATION'),
          participationLevel: 'INVOLVE',
        }),
        [
          {
            title: 'Public consultation on the digital strategy',
            deliverable: 'Consultation report published with responses to the comments',
            dueDate: '2024-06-30',
            status: 'COMPLETE',
            completedOn: '2024-06-15',
            responsibleInstitutionId: resp,
          },
          {
            title: 'Strategy adopted',
            deliverable: 'Digital strategy adopted by the cabinet',
            dueDate: '2024-09-30',
            responsibleInstitutionId: resp,
          },
          {
            title: 'Data sets opened',
            deliverable: 'Publish 40 government data sets',
            dueDate: '2024-01-01',
            dueDatePrecision: 'YEAR',
            responsibleInstitutionId: resp,
          },
          {
            title: 'Annual review',
            deliverable: 'Annual review of the strategy',
            dueDate: LATER,
            responsibleInstitutionId: resp,
          },
        ],
      );
      c.codesign = await save(
        api,
        dashboardPlan.id,
        body({
          title: 'Permit service co-designed with its users',
          area: 'SERVICE_CO_DESIGN',
          values: valuesOf('CIVIC_PARTICIPATION'),
          participationLevel: 'COLLABORATE',
          links: [{ type: 'CO_DESIGNS', target: c.policy.code }],
        }),
        [
          {
            title: 'Co-design workshops with users',
            deliverable: 'Hold 12 co-design workshops with service users',
            dueDate: '2024-05-31',
            status: 'COMPLETE',
            completedOn: '2024-05-20',
            responsibleInstitutionId: resp,
          },
          {
            title: 'Permit portal',
            deliverable: 'Redesigned permit portal launched',
            dueDate: '2024-11-30',
            status: 'COMPLETE',
            completedOn: '2024-11-15',
            responsibleInstitutionId: resp,
          },
        ],
      );
      c.oversight = await save(
        api,
        dashboardPlan.id,
        body({
          title: 'Public algorithm audits',
          area: 'OVERSIGHT_AUDIT_AND_REDRESS',
          values: valuesOf('PUBLIC_ACCOUNTABILITY', 'TECHNOLOGY_AND_INNOVATION'),
          leadInstitutionId: undefined,
          links: [{ type: 'MONITORS', target: c.policy.code }],
        }),
        [
          {
            title: 'Algorithm audit',
            deliverable: 'Independent audit of 5 public algorithms',
            dueDate: LAST_QUARTER,
            dueDatePrecision: 'QUARTER',
            responsibleInstitutionId: resp,
          },
          {
            title: 'Algorithm register',
            deliverable: 'Algorithm register launched',
            dueDate: '2024-03-31',
            status: 'WITHDRAWN',
            responsibleInstitutionId: resp,
          },
        ],
      );
      c.secondPolicy = await save(
        api,
        dashboardPlan.id,
        body({
          title: 'Strengthen the national AI policy',
          solution: undefined,
          area: 'DIGITAL_STRATEGY_AND_POLICY',
          values: valuesOf('TECHNOLOGY_AND_INNOVATION'),
          participationLevel: 'INFORM',
        }),
      );
      c.openData = await save(
        api,
        dashboardPlan.id,
        body({
          title: 'Open data for ministries',
          area: undefined,
          values: valuesOf('ACCESS_TO_INFORMATION'),
          links: [{ type: 'CONTINUES', target: c.secondPolicy.code }],
        }),
        [
          {
            title: 'Training',
            deliverable: 'Support ministries with open data training',
            dueDate: LATER,
            status: 'IN_PROGRESS',
          },
        ],
      );

      // What the government reports, what the independent reviewer found, what civil society says.
      await report(api, c.policy.code, { reportedCompletion: 'SUBSTANTIAL', narrative: 'Mostly done.' });
      await report(api, c.codesign.code, { reportedCompletion: 'COMPLETE', narrative: 'Launched.' });
      await report(api, c.oversight.code, { reportedCompletion: 'LIMITED', narrative: 'One audit.' });
      await report(api, c.openData.code, { reportedCompletion: 'WITHDRAWN', narrative: 'Dropped.' });
      await publish(api, c.policy.code, resultsReport('LIMITED', 'NO_NOTABLE_RESULTS'));
      await publish(api, c.codesign.code, resultsReport('COMPLETE', 'MODERATE'));
      await publish(api, c.oversight.code, resultsReport('SUBSTANTIAL', 'SIGNIFICANT'));
      await publish(api, c.openData.code, resultsReport('NO_EVIDENCE_AVAILABLE', 'NO_NOTABLE_RESULTS'));
      await created(civil, `/api/v1/commitments/${c.oversight.code}/evidence`, {
        type: 'SOCIAL_AUDIT',
        title: 'No audit report can be found',
        summary: 'The audits the government reports were never published.',
        stance: 'CONTRADICTS',
      });

      for (const heldOn of MEETINGS) {
        await created(api, `/api/v1/action-plans/${dashboardPlan.id}/forum-meetings`, {
          heldOn,
          governmentAttendees: 6,
          civilSocietyAttendees: 9,
        });
      }
    });

    async function dashboard(as: TestApp = api.anonymous): Promise<any> {
      const response = await as.get(`/api/v1/action-plans/${dashboardPlan.id}/dashboard`);
      expect(response.status).toBe(200);
      return response.body;
    }

    it('shows the plan as GET /action-plans/{id} does, as of today', async () => {
      const body = await dashboard();
      expect(body.actionPlan).toEqual((await api.get(`/api/v1/action-plans/${dashboardPlan.id}`)).body);
      expect(body.asOf).toBe(TODAY);
    });

    it('gives each commitment the SMART summary its data makes it', async () => {
      const listed = (await api.get(`/api/v1/commitments?actionPlan=${dashboardPlan.id}`)).body.items;
      const smart = Object.fromEntries(listed.map((x: any) => [x.code, x.smart]));
      const s = (
        passed: boolean,
        errors: number,
        warnings: number,
        failing: Letter[],
        warned: Letter[],
        hint: string,
      ) => ({
        passed,
        errors,
        warnings,
        failing,
        warned,
        specificityHint: hint,
      });
      expect(smart).toEqual({
        [c.policy.code]: s(true, 0, 1, [], ['T'], 'MEDIUM'),
        [c.codesign.code]: s(true, 0, 1, [], ['P'], 'HIGH'),
        [c.oversight.code]: s(false, 1, 1, ['A'], ['T'], 'HIGH'),
        [c.secondPolicy.code]: s(false, 3, 2, ['S', 'M', 'R'], [], 'NONE'),
        [c.openData.code]: s(false, 2, 1, ['M', 'A'], [], 'LOW'),
      });
      const agreement = Object.fromEntries(listed.map((x: any) => [x.code, x.agreement]));
      expect(agreement).toEqual({
        [c.policy.code]: 'DIVERGENT',
        [c.codesign.code]: 'CONSISTENT',
        [c.oversight.code]: 'CONTESTED',
        [c.secondPolicy.code]: 'UNVERIFIED',
        [c.openData.code]: 'UNVERIFIED',
      });
    });

    it('counts the commitments every way, zeros included', async () => {
      expect((await dashboard()).commitments).toEqual({
        total: 5,
        byArea: {
          DIGITAL_STRATEGY_AND_POLICY: 2,
          SERVICE_CO_DESIGN: 1,
          TECHNOLOGY_REGULATION: 0,
          FOUNDATIONAL_TECHNOLOGY_ALIGNMENT: 0,
          OVERSIGHT_AUDIT_AND_REDRESS: 1,
          NONE: 1,
        },
        byValue: {
          ACCESS_TO_INFORMATION: 2,
          CIVIC_PARTICIPATION: 2,
          PUBLIC_ACCOUNTABILITY: 1,
          TECHNOLOGY_AND_INNOVATION: 2,
        },
        relevant: 4,
        completion: {
          derived: { NOT_STARTED: 2, LIMITED: 1, SUBSTANTIAL: 0, COMPLETE: 1, NO_MILESTONES: 1 },
          selfReported: {
            NOT_STARTED: 0,
            LIMITED: 1,
            SUBSTANTIAL: 1,
            COMPLETE: 1,
            WITHDRAWN: 1,
            NOT_REPORTED: 1,
          },
          independent: {
            NO_EVIDENCE_AVAILABLE: 1,
            NOT_STARTED: 0,
            LIMITED: 1,
            SUBSTANTIAL: 1,
            COMPLETE: 1,
            WITHDRAWN: 0,
            NOT_ASSESSED: 1,
          },
          selfReportedVsIndependent: {
            matching: 1,
            selfReportedHigher: 1,
            independentHigher: 1,
            notComparable: 1,
            notBoth: 1,
          },
        },
        agreement: { CONSISTENT: 1, DIVERGENT: 1, CONTESTED: 1, UNVERIFIED: 2 },
        overdue: { milestones: 3, commitments: 2 },
        participationLevels: {
          NO_CONSULTATION: 0,
          INFORM: 1,
          CONSULT: 0,
          INVOLVE: 1,
          COLLABORATE: 1,
          EMPOWER: 0,
          NONE: 2,
        },
        smart: {
          passing: 2,
          failing: 3,
          withWarnings: 5,
          failingByLetter: { S: 1, M: 2, A: 2, R: 1, T: 0, P: 0 },
          warnedByLetter: { S: 0, M: 0, A: 0, R: 0, T: 2, P: 1 },
          specificityHint: { NONE: 1, LOW: 1, MEDIUM: 1, HIGH: 2 },
        },
      });
    });

    it('tells whether the forum met every six months, and where it did not', async () => {
      const assessedUntil = TODAY < dashboardPlan.endDate ? TODAY : dashboardPlan.endDate;
      const points = ['2024-01-01', ...MEETINGS.slice(1), assessedUntil];
      const longest = Math.max(...points.slice(1).map((to, i) => daysBetween(points[i], to)));
      const gaps = [{ from: '2024-05-15', to: '2024-12-10', days: 209, open: false }];
      // From the last meeting to today, when that is more than six months.
      if (assessedUntil > '2026-03-01')
        gaps.push({
          from: '2025-09-01',
          to: assessedUntil,
          days: daysBetween('2025-09-01', assessedUntil),
          open: true,
        });
      expect((await dashboard()).forum).toEqual({
        requiredEveryMonths: 6,
        meetingsDuringPlan: 5,
        meetingsBeforePlan: 1,
        assessedUntil,
        metEverySixMonths: false,
        longestGapDays: longest,
        gaps,
      });
    });

    it('shows the participation reached and planned', async () => {
      expect((await dashboard()).participation).toEqual({
        coCreationLevel: 'COLLABORATE',
        implementationLevel: 'CONSULT',
        participationOpenness: 'OPEN',
        highestCommitmentLevel: 'COLLABORATE',
      });
    });

    it('tells which digital policies are co-designed and overseen, and which are not', async () => {
      const ref = (x: any, link: string, of: any) => ({ code: x.code, title: x.title, link, of: of.code });
      expect((await dashboard()).ecosystem).toEqual({
        policyCommitments: 2,
        coDesigned: 1,
        overseen: 1,
        connected: 1,
        policies: [
          {
            code: c.policy.code,
            title: c.policy.title,
            coDesignedBy: [ref(c.codesign, 'CO_DESIGNS', c.policy)],
            overseenBy: [ref(c.oversight, 'MONITORS', c.policy)],
            coDesigned: true,
            overseen: true,
            connected: true,
          },
          {
            code: c.secondPolicy.code,
            title: c.secondPolicy.title,
            coDesignedBy: [],
            overseenBy: [],
            coDesigned: false,
            overseen: false,
            connected: false,
          },
        ],
        withoutOversight: [{ code: c.secondPolicy.code, title: c.secondPolicy.title }],
      });
    });

    it('is public: anonymous callers and an admin read the same dashboard', async () => {
      expect(await dashboard(api)).toEqual(await dashboard(api.anonymous));
    });

    it('follows a change: a third progress report moves the counts', async () => {
      await report(api, c.secondPolicy.code, { reportedCompletion: 'NOT_STARTED', narrative: 'Not yet.' });
      const counts = (await dashboard()).commitments;
      expect(counts.completion.selfReported).toEqual({
        NOT_STARTED: 1,
        LIMITED: 1,
        SUBSTANTIAL: 1,
        COMPLETE: 1,
        WITHDRAWN: 1,
        NOT_REPORTED: 0,
      });
      expect(counts.completion.selfReportedVsIndependent.notBoth).toBe(1);
      expect(counts.agreement).toEqual({ CONSISTENT: 1, DIVERGENT: 1, CONTESTED: 1, UNVERIFIED: 2 });
    });

    it('gives all zeros for a plan with no commitment, not yet started', async () => {
      const response = await api.anonymous.get(`/api/v1/action-plans/${emptyPlan.id}/dashboard`);
      expect(response.status).toBe(200);
      const zeros = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
      const levels = ['NO_CONSULTATION', 'INFORM', 'CONSULT', 'INVOLVE', 'COLLABORATE', 'EMPOWER', 'NONE'];
      expect(response.body).toEqual({
        actionPlan: (await api.get(`/api/v1/action-plans/${emptyPlan.id}`)).body,
        asOf: TODAY,
        commitments: {
          total: 0,
          byArea: zeros([
            'DIGITAL_STRATEGY_AND_POLICY',
            'SERVICE_CO_DESIGN',
            'TECHNOLOGY_REGULATION',
            'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
            'OVERSIGHT_AUDIT_AND_REDRESS',
            'NONE',
          ]),
          byValue: zeros([
            'ACCESS_TO_INFORMATION',
            'CIVIC_PARTICIPATION',
            'PUBLIC_ACCOUNTABILITY',
            'TECHNOLOGY_AND_INNOVATION',
          ]),
          relevant: 0,
          completion: {
            derived: zeros(['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NO_MILESTONES']),
            selfReported: zeros([
              'NOT_STARTED',
              'LIMITED',
              'SUBSTANTIAL',
              'COMPLETE',
              'WITHDRAWN',
              'NOT_REPORTED',
            ]),
            independent: zeros([
              'NO_EVIDENCE_AVAILABLE',
              'NOT_STARTED',
              'LIMITED',
              'SUBSTANTIAL',
              'COMPLETE',
              'WITHDRAWN',
              'NOT_ASSESSED',
            ]),
            selfReportedVsIndependent: zeros([
              'matching',
              'selfReportedHigher',
              'independentHigher',
              'notComparable',
              'notBoth',
            ]),
          },
          agreement: zeros(['CONSISTENT', 'DIVERGENT', 'CONTESTED', 'UNVERIFIED']),
          overdue: { milestones: 0, commitments: 0 },
          participationLevels: zeros(levels),
          smart: {
            passing: 0,
            failing: 0,
            withWarnings: 0,
            failingByLetter: zeros(LETTERS),
            warnedByLetter: zeros(LETTERS),
            specificityHint: zeros(['NONE', 'LOW', 'MEDIUM', 'HIGH']),
          },
        },
        forum: {
          requiredEveryMonths: 6,
          meetingsDuringPlan: 0,
          meetingsBeforePlan: 0,
          assessedUntil: null,
          metEverySixMonths: null,
          longestGapDays: null,
          gaps: [],
        },
        participation: {
          coCreationLevel: null,
          implementationLevel: null,
          participationOpenness: null,
          highestCommitmentLevel: null,
        },
        ecosystem: {
          policyCommitments: 0,
          coDesigned: 0,
          overseen: 0,
          connected: 0,
          policies: [],
          withoutOversight: [],
        },
      });
    });

    it('answers 404 (problem details) for an unknown plan and for a malformed id', async () => {
      expectProblem(
        await api.anonymous.get(`/api/v1/action-plans/${UNKNOWN_UUID}/dashboard`),
        404,
        'action_plan.not_found',
      );
      expectProblem(
        await api.anonymous.get('/api/v1/action-plans/not-a-plan/dashboard'),
        404,
        'action_plan.not_found',
      );
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('members compared on a theme (GET /compare)', () => {
    let cmp: TestApp;

    interface View {
      completion: string | null;
      potentialImpact: string | null;
      potentialForResults: string | null;
      earlyResults: string | null;
      didItOpenGovernment: string | null;
      starred: boolean | null;
    }
    interface Spec {
      key: string;
      member: string;
      plan: string;
      title: string;
      area: string;
      tags: string[];
      values: Value[];
      selfReported: string | null;
      view: View;
      agreement: string;
      code?: string;
    }
    const NO_VIEW: View = {
      completion: null,
      potentialImpact: null,
      potentialForResults: null,
      earlyResults: null,
      didItOpenGovernment: null,
      starred: null,
    };
    const SCD = 'SERVICE_CO_DESIGN';

    const SPECS: Spec[] = [
      {
        key: 'A1',
        member: 'A',
        plan: 'A1',
        title: 'Co-design the civil registration service',
        area: SCD,
        tags: ['digital-id'],
        values: ['CIVIC_PARTICIPATION'],
        selfReported: 'COMPLETE',
        view: {
          ...NO_VIEW,
          completion: 'COMPLETE',
          potentialImpact: 'TRANSFORMATIVE',
          didItOpenGovernment: 'MAJOR',
          starred: true,
        },
        agreement: 'CONSISTENT',
      },
      {
        key: 'A2',
        member: 'A',
        plan: 'A2',
        title: 'Co-design the biometric enrolment service',
        area: SCD,
        tags: ['digital-id'],
        values: ['ACCESS_TO_INFORMATION'],
        selfReported: 'COMPLETE',
        view: { ...NO_VIEW, completion: 'LIMITED', earlyResults: 'NO_NOTABLE_RESULTS' },
        agreement: 'DIVERGENT',
      },
      {
        key: 'A3',
        member: 'A',
        plan: 'A2',
        title: 'Co-design the benefits portal with claimants',
        area: SCD,
        tags: [],
        values: ['CIVIC_PARTICIPATION'],
        selfReported: null,
        view: NO_VIEW,
        agreement: 'UNVERIFIED',
      },
      {
        key: 'A4',
        member: 'A',
        plan: 'A2',
        title: 'Regulate digital identity providers',
        area: 'TECHNOLOGY_REGULATION',
        tags: ['digital-id'],
        values: ['PUBLIC_ACCOUNTABILITY'],
        selfReported: null,
        view: NO_VIEW,
        agreement: 'UNVERIFIED',
      },
      {
        key: 'B1',
        member: 'B',
        plan: 'B1',
        title: 'Co-design digital ID enrolment with communities',
        area: SCD,
        tags: ['digital-id'],
        values: ['CIVIC_PARTICIPATION', 'ACCESS_TO_INFORMATION'],
        selfReported: 'SUBSTANTIAL',
        view: { ...NO_VIEW, completion: 'SUBSTANTIAL', earlyResults: 'SIGNIFICANT' },
        agreement: 'CONSISTENT',
      },
      {
        key: 'B2',
        member: 'B',
        plan: 'B1',
        title: 'National data strategy',
        area: 'DIGITAL_STRATEGY_AND_POLICY',
        tags: [],
        values: ['ACCESS_TO_INFORMATION'],
        selfReported: null,
        view: NO_VIEW,
        agreement: 'UNVERIFIED',
      },
      {
        key: 'C1',
        member: 'C',
        plan: 'C1',
        title: 'Biometric ID grievance channel co-designed with users',
        area: SCD,
        tags: [],
        values: ['CIVIC_PARTICIPATION'],
        selfReported: 'LIMITED',
        view: NO_VIEW,
        agreement: 'UNVERIFIED',
      },
      {
        key: 'C2',
        member: 'C',
        plan: 'C1',
        title: 'Open digital ID enrolment statistics',
        area: SCD,
        tags: ['digital-id'],
        values: ['ACCESS_TO_INFORMATION', 'TECHNOLOGY_AND_INNOVATION'],
        selfReported: null,
        view: { ...NO_VIEW, completion: 'SUBSTANTIAL', potentialImpact: 'MODERATE', starred: false },
        agreement: 'UNVERIFIED',
      },
      {
        key: 'D1',
        member: 'D',
        plan: 'D1',
        title: 'Regulate platform work',
        area: 'TECHNOLOGY_REGULATION',
        tags: [],
        values: ['TECHNOLOGY_AND_INNOVATION'],
        selfReported: null,
        view: NO_VIEW,
        agreement: 'UNVERIFIED',
      },
    ];

    const members: Record<string, any> = {};
    const plans: Record<string, any> = {};
    let capMember: any;
    const capCodes: { older: string[]; newer: string[] } = { older: [], newer: [] };

    beforeAll(async () => {
      cmp = await TestApp.start();
      await aTag(cmp, 'Digital ID');
      for (const [key, name] of [
        ['A', 'Kenya'],
        ['B', 'Scotland'],
        ['C', 'Paraguay'],
        ['D', 'Offtheme'],
      ]) {
        members[key] = await aMember(cmp, { name, region: key === 'C' ? 'AMERICAS' : 'EUROPE' });
      }
      plans.A1 = await aPlan(cmp, members.A.code, {
        sequenceNumber: 1,
        title: 'First National Action Plan',
        startDate: '2019-01-01',
        endDate: '2020-12-31',
        status: 'ENDED',
      });
      plans.A2 = await aPlan(cmp, members.A.code, {
        sequenceNumber: 2,
        title: 'Second National Action Plan',
      });
      plans.B1 = await aPlan(cmp, members.B.code, { sequenceNumber: 1 });
      plans.C1 = await aPlan(cmp, members.C.code, { sequenceNumber: 1 });
      plans.D1 = await aPlan(cmp, members.D.code, { sequenceNumber: 1 });
      const assessorB = await cmp.signIn({
        name: 'IRM researcher for Scotland',
        email: 'irm.b@example.org',
        role: 'assessor',
        assignedMembers: [members.B.code],
      });

      for (const spec of SPECS) {
        const p = plans[spec.plan];
        const body = commitmentBody({
          code: commitmentCode('CM'),
          title: spec.title,
          problem: 'Citizens cannot take part in the design of what they use.',
          startDate: p.startDate,
          endDate: p.endDate,
          area: spec.area,
          tags: spec.tags,
          values: valuesOf(...spec.values),
        });
        spec.code = (await created(cmp, `/api/v1/action-plans/${p.id}/commitments`, body)).code;
        if (spec.selfReported)
          await report(cmp, spec.code as string, {
            reportedCompletion: spec.selfReported,
            narrative: 'Reported.',
          });
      }
      const code = (key: string) => SPECS.find((s) => s.key === key)?.code as string;
      await publish(
        cmp,
        code('A1'),
        legacy('END_OF_TERM_REPORT', {
          specificity: 'HIGH',
          didItOpenGovernment: 'MAJOR',
          didItOpenGovernmentAccessToInformation: 'MAJOR',
          didItOpenGovernmentCivicParticipation: 'DID_NOT_CHANGE',
          didItOpenGovernmentPublicAccountability: 'MARGINAL',
        }),
      );
      await publish(cmp, code('A2'), resultsReport('LIMITED', 'NO_NOTABLE_RESULTS'));
      await publish(assessorB, code('B1'), resultsReport('SUBSTANTIAL', 'SIGNIFICANT'));
      await publish(
        cmp,
        code('C2'),
        legacy('PROGRESS_REPORT', {
          specificity: 'LOW',
          potentialImpact: 'MODERATE',
          completion: 'SUBSTANTIAL',
          onTime: false,
        }),
      );

      // One member with 26 commitments on a theme of its own, in two plans.
      capMember = await aMember(cmp, { name: 'Capland' });
      const older = await aPlan(cmp, capMember.code, {
        sequenceNumber: 1,
        startDate: '2019-01-01',
        endDate: '2020-12-31',
        status: 'ENDED',
      });
      const newer = await aPlan(cmp, capMember.code, { sequenceNumber: 2 });
      for (let i = 0; i < 26; i += 1) {
        const p = i % 2 === 0 ? newer : older;
        const x = await created(
          cmp,
          `/api/v1/action-plans/${p.id}/commitments`,
          commitmentBody({
            code: commitmentCode('CAP'),
            title: `Audit of public algorithms, part ${i + 1}`,
            values: valuesOf('PUBLIC_ACCOUNTABILITY'),
            startDate: p.startDate,
            endDate: p.endDate,
            area: 'OVERSIGHT_AUDIT_AND_REDRESS',
          }),
        );
        (p === newer ? capCodes.newer : capCodes.older).push(x.code);
      }
    });
    afterAll(() => cmp?.close());

    type Theme = Partial<Record<'area' | 'tag' | 'value' | 'q', string>>;

    function matches(spec: Spec, theme: Theme): boolean {
      return (
        (theme.area === undefined || spec.area === theme.area) &&
        (theme.tag === undefined || spec.tags.includes(theme.tag)) &&
        (theme.value === undefined || spec.values.includes(theme.value as Value)) &&
        (theme.q === undefined ||
          theme.q.split(' ').every((word) => spec.title.toLowerCase().includes(word.toLowerCase())))
      );
    }

    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

    /** The comparison the specs make for a theme, member by member, in code order. */
    function expected(theme: Theme): any[] {
      const keys = [...new Set(SPECS.filter((s) => matches(s, theme)).map((s) => s.member))].sort((a, b) =>
        byCode(members[a].code, members[b].code),
      );
      const filters = new URLSearchParams(theme as Record<string, string>).toString();
      return keys.map((key) => {
        const mine = SPECS.filter((s) => s.member === key && matches(s, theme)).sort((a, b) => {
          const pa = plans[a.plan].startDate;
          const pb = plans[b.plan].startDate;
          return pa !== pb ? byCode(pb, pa) : byCode(a.code as string, b.code as string);
        });
        const count = (f: (s: Spec) => boolean) => mine.filter(f).length;
        const m = members[key];
        return {
          member: { code: m.code, name: m.name, type: m.type, region: m.region },
          summary: {
            commitments: mine.length,
            independentlyAssessed: count((s) => s.view.completion !== null),
            highCompletion: count((s) => ['SUBSTANTIAL', 'COMPLETE'].includes(s.view.completion as string)),
            starred: count((s) => s.view.starred === true),
            strongResults: count(
              (s) =>
                ['MAJOR', 'OUTSTANDING'].includes(s.view.didItOpenGovernment as string) ||
                ['SIGNIFICANT', 'OUTSTANDING'].includes(s.view.earlyResults as string),
            ),
            selfReportedComplete: count((s) => s.selfReported === 'COMPLETE'),
            agreement: Object.fromEntries(
              ['CONSISTENT', 'DIVERGENT', 'CONTESTED', 'UNVERIFIED'].map((v) => [
                v,
                count((s) => s.agreement === v),
              ]),
            ),
          },
          commitments: mine.map((s) => {
            const p = plans[s.plan];
            return {
              code: s.code,
              title: s.title,
              area: s.area,
              actionPlan: {
                id: p.id,
                sequenceNumber: p.sequenceNumber,
                title: p.title,
                startDate: p.startDate,
                endDate: p.endDate,
              },
              selfReportedCompletion: s.selfReported,
              independent: s.view,
              agreement: s.agreement,
            };
          }),
          commitmentsUrl: `/api/v1/commitments?member=${m.code}&${filters}`,
        };
      });
    }

    async function compare(query: string): Promise<Response> {
      const response = await cmp.anonymous.get(`/api/v1/compare?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 200 });
      return response;
    }

    const THEMES: { name: string; theme: Theme }[] = [
      { name: 'an area', theme: { area: SCD } },
      { name: 'a tag', theme: { tag: 'digital-id' } },
      { name: 'a value', theme: { value: 'CIVIC_PARTICIPATION' } },
      { name: 'another value, off every area theme', theme: { value: 'TECHNOLOGY_AND_INNOVATION' } },
      { name: 'a word', theme: { q: 'biometric' } },
      { name: 'two words (both must be found)', theme: { q: 'digital enrolment' } },
      { name: 'an area and a tag together', theme: { area: SCD, tag: 'digital-id' } },
      { name: 'a value and words together', theme: { value: 'ACCESS_TO_INFORMATION', q: 'digital' } },
    ];

    it('compares the members on an area, spelled out', async () => {
      const body = (await compare(`area=${SCD}`)).body;
      expect(body.theme).toEqual({ area: SCD, tag: null, value: null, q: null });
      expect(body.nextCursor).toBeNull();
      expect(body.items.map((i: any) => i.member.code)).toEqual([
        members.A.code,
        members.B.code,
        members.C.code,
      ]);
      const [a, b, c] = body.items;
      const code = (key: string) => SPECS.find((s) => s.key === key)?.code;
      // The most recent plan first: A2 and A3 (second plan, by code) before A1 (first plan).
      expect(a.commitments.map((x: any) => x.code)).toEqual([code('A2'), code('A3'), code('A1')]);
      expect(a.summary).toEqual({
        commitments: 3,
        independentlyAssessed: 2,
        highCompletion: 1,
        starred: 1,
        strongResults: 1,
        selfReportedComplete: 2,
        agreement: { CONSISTENT: 1, DIVERGENT: 1, CONTESTED: 0, UNVERIFIED: 1 },
      });
      expect(b.summary).toEqual({
        commitments: 1,
        independentlyAssessed: 1,
        highCompletion: 1,
        starred: 0,
        strongResults: 1,
        selfReportedComplete: 0,
        agreement: { CONSISTENT: 1, DIVERGENT: 0, CONTESTED: 0, UNVERIFIED: 0 },
      });
      expect(c.summary).toEqual({
        commitments: 2,
        independentlyAssessed: 1,
        highCompletion: 1,
        starred: 0,
        strongResults: 0,
        selfReportedComplete: 0,
        agreement: { CONSISTENT: 0, DIVERGENT: 0, CONTESTED: 0, UNVERIFIED: 2 },
      });
      expect(a.commitmentsUrl).toBe(`/api/v1/commitments?member=${members.A.code}&area=${SCD}`);
    });

    it.each(THEMES)('compares the members on $name: each summary and list as built', async ({ theme }) => {
      const qs = new URLSearchParams(theme as Record<string, string>).toString();
      const body = (await compare(qs)).body;
      const want = expected(theme);
      expect(want.length).toBeGreaterThanOrEqual(2);
      expect(body).toEqual({
        items: want,
        nextCursor: null,
        theme: { area: null, tag: null, value: null, q: null, ...theme },
      });
    });

    it.each(THEMES)(
      "gives a commitmentsUrl that lists that member's commitments on $name",
      async ({ theme }) => {
        const qs = new URLSearchParams(theme as Record<string, string>).toString();
        for (const item of (await compare(qs)).body.items) {
          const response = await cmp.anonymous.get(item.commitmentsUrl);
          expect(response.status).toBe(200);
          const listed = response.body.items;
          expect({ url: item.commitmentsUrl, codes: listed.map((x: any) => x.code) }).toEqual({
            url: item.commitmentsUrl,
            codes: item.commitments.map((x: any) => x.code).sort(byCode),
          });
          for (const x of listed) expect(x.member.code).toBe(item.member.code);
        }
      },
    );

    it('pages one member at a time: nextCursor, a Link header, and every member once', async () => {
      const first = await compare(`area=${SCD}&limit=1`);
      expect(first.body.items.map((i: any) => i.member.code)).toEqual([members.A.code]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = new URL(nextLinkOf(first) as string, 'http://x');
      expect(next.pathname).toBe('/api/v1/compare');
      expect(Object.fromEntries(next.searchParams)).toEqual({
        area: SCD,
        limit: '1',
        cursor: first.body.nextCursor,
      });
      const { items, pages } = await walk(cmp.anonymous, `/api/v1/compare?area=${SCD}&limit=1`);
      expect(pages).toBe(3);
      expect(items).toEqual(expected({ area: SCD }));

      const tagged = await walk(cmp.anonymous, '/api/v1/compare?tag=digital-id&limit=2');
      expect(tagged.pages).toBe(2);
      expect(tagged.items.map((i) => i.member.code)).toEqual([
        members.A.code,
        members.B.code,
        members.C.code,
      ]);
    });

    it('lists at most 25 commitments of a member, most recent plan first, and counts them all', async () => {
      const body = (await compare('area=OVERSIGHT_AUDIT_AND_REDRESS')).body;
      expect(body.items).toHaveLength(1);
      const [item] = body.items;
      expect(item.member.code).toBe(capMember.code);
      expect(item.summary.commitments).toBe(26);
      expect(item.summary.agreement.UNVERIFIED).toBe(26);
      expect(item.commitments.map((x: any) => x.code)).toEqual([
        ...[...capCodes.newer].sort(byCode),
        ...[...capCodes.older].sort(byCode).slice(0, 12),
      ]);
      const all = await cmp.anonymous.get(item.commitmentsUrl);
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items.map((x: any) => x.code)).toEqual(
        [...capCodes.newer, ...capCodes.older].sort(byCode),
      );
    });

    it('gives an empty comparison for a tag nobody uses', async () => {
      const body = (await compare('tag=no-such-tag')).body;
      expect(body).toEqual({
        items: [],
        nextCursor: null,
        theme: { area: null, tag: 'no-such-tag', value: null, q: null },
      });
    });

    it('refuses a comparison with no theme at all (400)', async () => {
      for (const query of ['', '?limit=5', `?cursor=${Buffer.from('["AAA"]').toString('base64url')}`]) {
        expectProblem(
          await cmp.anonymous.get(`/api/v1/compare${query}`),
          400,
          'compare.theme_required',
          'area',
        );
      }
    });

    it.each([
      { query: 'area=DIGITAL', field: 'area', code: 'validation.failed' },
      { query: 'area=service_co_design', field: 'area', code: 'validation.failed' },
      { query: 'tag=Digital%20ID', field: 'tag', code: 'validation.failed' },
      { query: 'tag=digital_id', field: 'tag', code: 'validation.failed' },
      { query: 'value=OPENNESS', field: 'value', code: 'validation.failed' },
      { query: 'q=%20%20', field: 'q', code: 'validation.failed' },
      { query: `area=${SCD}&limit=0`, field: 'limit', code: 'validation.failed' },
      { query: `area=${SCD}&limit=201`, field: 'limit', code: 'validation.failed' },
      { query: `area=${SCD}&colour=blue`, field: 'colour', code: 'validation.failed' },
      { query: `area=${SCD}&cursor=not-a-cursor`, field: 'cursor', code: 'pagination.invalid_cursor' },
      {
        query: `area=${SCD}&cursor=${Buffer.from('[42]').toString('base64url')}`,
        field: 'cursor',
        code: 'pagination.invalid_cursor',
      },
    ])('refuses $query (400, naming $field)', async ({ query, field, code }) => {
      expectProblem(await cmp.anonymous.get(`/api/v1/compare?${query}`), 400, code, field);
    });
  });

  // -------------------------------------------------------------------------------------------------
  describe('statements per request (no N+1)', () => {
    let statements = 0;
    const original = pg.Client.prototype.query;
    const measured: Record<string, number> = {};
    let smallPlan: any;
    let bigPlan: any;
    let fewMilestones: any;
    let manyMilestones: any;

    async function count(label: string, send: () => Promise<Response>): Promise<number> {
      statements = 0;
      const response = await send();
      const n = statements;
      expect({ label, status: response.status }).toEqual({ label, status: 200 });
      measured[label] = n;
      return n;
    }
    const get = (url: string) => () => api.anonymous.get(url);

    /** A plan with `n` commitments: policies, services co-designing them, monitors of those. */
    async function planWith(n: number, meetings: number): Promise<any> {
      const m = await aMember(api, { name: `Counting ${n}` });
      const p = await aPlan(api, m.code, {
        sequenceNumber: 1,
        startDate: '2025-01-01',
        endDate: '2026-12-31',
      });
      const codes: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const role = i % 3;
        const x = await save(
          api,
          p.id,
          commitmentBody({
            area: ['DIGITAL_STRATEGY_AND_POLICY', 'SERVICE_CO_DESIGN', 'OVERSIGHT_AUDIT_AND_REDRESS'][role],
            leadInstitutionId: lead.id,
            links: role === 0 ? [] : [{ type: role === 1 ? 'CO_DESIGNS' : 'MONITORS', target: codes[i - 1] }],
          }),
          [
            {
              title: 'Portal launch',
              deliverable: 'Portal launched',
              dueDate: '2025-06-30',
              responsibleInstitutionId: treasury.id,
            },
            { dueDate: '2026-03-31', title: 'Public hearing', deliverable: 'Hearing held, inputs published' },
          ],
        );
        codes.push(x.code);
        if (i % 2 === 0) await report(api, x.code, { reportedCompletion: 'LIMITED', narrative: 'Started.' });
      }
      for (let i = 0; i < meetings; i += 1) {
        await created(api, `/api/v1/action-plans/${p.id}/forum-meetings`, {
          heldOn: `2025-0${i + 1}-15`,
          governmentAttendees: 1,
          civilSocietyAttendees: 1,
        });
      }
      return { ...p, codes };
    }

    beforeAll(async () => {
      smallPlan = await planWith(2, 1);
      bigPlan = await planWith(12, 5);
      // Six members on one theme, two of them on another.
      await aTag(api, 'Counting Two');
      await aTag(api, 'Counting Six');
      for (let i = 0; i < 6; i += 1) {
        const m = await aMember(api, { name: `Compared ${i}` });
        const p = await aPlan(api, m.code, { sequenceNumber: 1 });
        for (let j = 0; j < 2; j += 1) {
          await created(
            api,
            `/api/v1/action-plans/${p.id}/commitments`,
            commitmentBody({ tags: i < 2 ? ['counting-two', 'counting-six'] : ['counting-six'] }),
          );
        }
      }
      fewMilestones = await save(api, plan.id, passingBody(), passingMilestones().slice(0, 1));
      manyMilestones = await save(
        api,
        plan.id,
        passingBody(),
        Array.from({ length: 12 }, (_, i) => ({
          title: `Step ${i + 1}`,
          deliverable: `Report ${i + 1} published`,
          dueDate: '2025-06-30',
          responsibleInstitutionId: i % 2 === 0 ? treasury.id : lead.id,
        })),
      );

      pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
        statements += 1;
        return (original as any).apply(this, args);
      } as typeof original;
    });

    afterAll(() => {
      pg.Client.prototype.query = original;
      if (process.env.PRINT_STATEMENT_COUNTS)
        process.stdout.write(
          `lens statements per request (${ENGINE}): ${JSON.stringify(measured, null, 2)}\n`,
        );
    });

    it('counts statements at all', async () => {
      expect(
        await count('dashboard, 2 commitments', get(`/api/v1/action-plans/${smallPlan.id}/dashboard`)),
      ).toBeGreaterThan(0);
    });

    it('GET /action-plans/{id}/dashboard runs as many statements for 12 commitments as for 2', async () => {
      const small = await count(
        'dashboard, 2 commitments',
        get(`/api/v1/action-plans/${smallPlan.id}/dashboard`),
      );
      const big = await count(
        'dashboard, 12 commitments',
        get(`/api/v1/action-plans/${bigPlan.id}/dashboard`),
      );
      expect(big).toBe(small);
      const body = (await api.get(`/api/v1/action-plans/${bigPlan.id}/dashboard`)).body;
      expect(body.commitments.total).toBe(12);
      expect(body.ecosystem.policyCommitments).toBe(4);
      expect(body.ecosystem.connected).toBe(4);
      expect(body.forum.meetingsDuringPlan).toBe(5);
    });

    it('GET /compare runs as many statements for 6 members as for 2', async () => {
      const two = await count('compare, 2 members', get('/api/v1/compare?tag=counting-two'));
      const six = await count('compare, 6 members', get('/api/v1/compare?tag=counting-six'));
      const paged = await count(
        'compare, 6 members, limit=1',
        get('/api/v1/compare?tag=counting-six&limit=1'),
      );
      expect(six).toBe(two);
      expect(paged).toBe(two);
      expect((await api.get('/api/v1/compare?tag=counting-two')).body.items).toHaveLength(2);
      expect((await api.get('/api/v1/compare?tag=counting-six')).body.items).toHaveLength(6);
    });

    it('GET /commitments/{code}/smart runs as many statements for 12 milestones as for 1', async () => {
      const few = await count('smart, 1 milestone', get(`/api/v1/commitments/${fewMilestones.code}/smart`));
      const many = await count(
        'smart, 12 milestones',
        get(`/api/v1/commitments/${manyMilestones.code}/smart`),
      );
      expect(many).toBe(few);
    });

    it('POST /smart-check runs as many statements for 20 milestones with institutions as for 1', async () => {
      const draft = (n: number) => ({
        ...passingBody(),
        actionPlanId: plan.id,
        milestones: Array.from({ length: n }, (_, i) => ({
          title: `Step ${i + 1}`,
          deliverable: `Report ${i + 1} published`,
          dueDate: '2025-06-30',
          responsibleInstitutionId: i % 2 === 0 ? treasury.id : noneSpecified.id,
        })),
      });
      const one = await count('smart-check, 1 milestone', () =>
        api.anonymous.post('/api/v1/smart-check', draft(1)),
      );
      const twenty = await count('smart-check, 20 milestones', () =>
        api.anonymous.post('/api/v1/smart-check', draft(20)),
      );
      expect(twenty).toBe(one);
    });
  });
});
