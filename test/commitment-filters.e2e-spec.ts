import pg from 'pg';
import { expectProblem, walk } from './support/assertions.js';
import { ENGINE, TestApp } from './support/test-app.js';
import { aCommitment, aMember, aMilestone, aPlan, legacyIndicators } from './support/factories.js';

// The list filters of GET /commitments over a data set built through the API, compared with what was
// built; and the guard against N+1 queries: the statements a request runs do not grow with its rows.

function dayUtc(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const TODAY = dayUtc();
const YEAR = Number(TODAY.slice(0, 4));
const FUTURE = `${YEAR + 2}-06-30`;
/** The first day of the quarter before this one: due "last quarter", so overdue. */
const LAST_QUARTER = (() => {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 3, 1));
  return start.toISOString().slice(0, 10);
})();

interface MilestoneSpec {
  body: Record<string, unknown>;
  /** A status a progress update reports afterwards. */
  reported?: string;
  /** Whether it is overdue once built. */
  overdue: boolean;
}

interface Variant {
  framework: 'IRM_LEGACY' | 'IRM_2021';
  product: string;
  indicators: Record<string, unknown>;
  nullReasons?: Record<string, string>;
  /** The star (current formula) its ratings earn; null when they do not tell or under IRM_2021. */
  star: boolean | null;
}

interface View {
  completion: string | null;
  potentialImpact: string | null;
  potentialForResults: string | null;
  earlyResults: string | null;
  didItOpenGovernment: string | null;
  starred: boolean | null;
}

interface Built {
  code: string;
  member: string;
  overdue: boolean;
  selfReported: string | null;
  view: View;
}

const V: Record<string, Variant> = {
  L1: { framework: 'IRM_LEGACY', product: 'PROGRESS_REPORT', indicators: legacyIndicators(), star: true },
  L2: {
    framework: 'IRM_LEGACY',
    product: 'PROGRESS_REPORT',
    indicators: legacyIndicators({
      specificity: 'HIGH',
      relevanceAccessToInformation: false,
      relevanceCivicParticipation: true,
      completion: 'LIMITED',
      onTime: false,
    }),
    star: false,
  },
  L3: {
    framework: 'IRM_LEGACY',
    product: 'PROGRESS_REPORT',
    indicators: legacyIndicators({
      specificity: null,
      verifiable: true,
      relevanceAccessToInformation: false,
      relevancePublicAccountability: true,
      completion: 'SUBSTANTIAL',
    }),
    nullReasons: { specificity: 'NO_DATA' },
    star: true,
  },
  L4: {
    framework: 'IRM_LEGACY',
    product: 'PROGRESS_REPORT',
    indicators: legacyIndicators({
      specificity: 'LOW',
      potentialImpact: 'MODERATE',
      completion: 'SUBSTANTIAL',
    }),
    star: false,
  },
  L5: {
    framework: 'IRM_LEGACY',
    product: 'PROGRESS_REPORT',
    indicators: legacyIndicators({ completion: null, onTime: null }),
    nullReasons: { completion: 'UNCLEAR', onTime: 'NOT_REVIEWED' },
    star: null,
  },
  E1: {
    framework: 'IRM_LEGACY',
    product: 'END_OF_TERM_REPORT',
    indicators: legacyIndicators({
      didItOpenGovernment: 'MAJOR',
      didItOpenGovernmentAccessToInformation: 'MAJOR',
      didItOpenGovernmentCivicParticipation: 'DID_NOT_CHANGE',
      didItOpenGovernmentPublicAccountability: 'MARGINAL',
    }),
    star: true,
  },
  E2: {
    framework: 'IRM_LEGACY',
    product: 'END_OF_TERM_REPORT',
    indicators: legacyIndicators({
      potentialImpact: 'MODERATE',
      didItOpenGovernment: 'OUTSTANDING',
      didItOpenGovernmentAccessToInformation: 'OUTSTANDING',
      didItOpenGovernmentCivicParticipation: 'MAJOR',
      didItOpenGovernmentPublicAccountability: 'MARGINAL',
    }),
    star: false,
  },
  A1: {
    framework: 'IRM_2021',
    product: 'ACTION_PLAN_REVIEW',
    indicators: {
      verifiable: true,
      openGovernmentLens: true,
      potentialForResults: 'SUBSTANTIAL',
      promising: true,
    },
    star: null,
  },
  A2: {
    framework: 'IRM_2021',
    product: 'ACTION_PLAN_REVIEW',
    indicators: {
      verifiable: true,
      openGovernmentLens: false,
      potentialForResults: 'MODEST',
      promising: false,
    },
    star: null,
  },
  A3: {
    framework: 'IRM_2021',
    product: 'ACTION_PLAN_REVIEW',
    indicators: {
      verifiable: false,
      openGovernmentLens: true,
      potentialForResults: 'UNCLEAR',
      promising: false,
    },
    star: null,
  },
  M1: {
    framework: 'IRM_2021',
    product: 'MIDTERM_REVIEW',
    indicators: {
      verifiable: true,
      openGovernmentLens: true,
      potentialForResults: 'MODEST',
      promising: true,
      completion: 'LIMITED',
    },
    star: null,
  },
  R1: {
    framework: 'IRM_2021',
    product: 'RESULTS_REPORT',
    indicators: { completion: 'SUBSTANTIAL', earlyResults: 'SIGNIFICANT' },
    star: null,
  },
  R2: {
    framework: 'IRM_2021',
    product: 'RESULTS_REPORT',
    indicators: { completion: 'NO_EVIDENCE_AVAILABLE', earlyResults: 'NO_NOTABLE_RESULTS' },
    star: null,
  },
  R3: {
    framework: 'IRM_2021',
    product: 'RESULTS_REPORT',
    indicators: { completion: 'COMPLETE', earlyResults: null },
    nullReasons: { earlyResults: 'NOT_REVIEWED' },
    star: null,
  },
};

/**
 * What each commitment's independent reviewer publishes, in two rounds (all first rounds, then all
 * second rounds, so that publication order is clear). `supersede` replaces the first-round
 * assessment of the same report.
 */
const COMBOS: { first?: string; second?: string; supersede?: boolean }[] = [
  {},
  { first: 'L1' },
  { first: 'L2' },
  { first: 'L3' },
  { first: 'A1', second: 'R1' },
  { first: 'A2', second: 'R2' },
  { first: 'L4', second: 'E1' },
  { first: 'L1', second: 'L2', supersede: true },
  { first: 'L5', second: 'R3' },
  { first: 'M1', second: 'A3' },
  { first: 'E2' },
];

/** The milestones of a commitment, by pattern. */
function milestonesFor(i: number): MilestoneSpec[] {
  switch (i % 7) {
    case 1:
      // Due yesterday, open: overdue, unless a progress update reports it complete.
      return i % 2 === 0
        ? [{ body: { dueDate: dayUtc(-1) }, reported: 'COMPLETE', overdue: false }]
        : [{ body: { dueDate: dayUtc(-1) }, overdue: true }];
    case 2:
      return [
        { body: { dueDate: FUTURE }, reported: i % 2 === 0 ? 'IN_PROGRESS' : undefined, overdue: false },
      ];
    case 3:
      return [
        {
          body: {
            startDate: '2024-01-01',
            dueDate: '2024-03-31',
            status: 'COMPLETE',
            completedOn: '2024-03-01',
          },
          overdue: false,
        },
      ];
    case 4:
      return [
        { body: { dueDate: '2024-06-30', status: 'WITHDRAWN' }, overdue: false },
        { body: { dueDate: FUTURE, status: 'IN_PROGRESS' }, overdue: false },
      ];
    case 5:
      // Due today, and due "this year": neither is overdue yet.
      return [
        { body: { dueDate: TODAY, status: 'IN_PROGRESS' }, overdue: false },
        { body: { dueDate: `${YEAR}-01-01`, dueDatePrecision: 'YEAR' }, overdue: false },
      ];
    case 6:
      // Due "last quarter": overdue, even when reported in progress.
      return [
        {
          body: {
            startDate: '2024-01-01',
            dueDate: '2024-01-01',
            dueDatePrecision: 'MONTH',
            status: 'COMPLETE',
            completedOn: '2024-01-15',
          },
          overdue: false,
        },
        {
          body: { dueDate: LAST_QUARTER, dueDatePrecision: 'QUARTER' },
          reported: i % 2 === 1 ? 'IN_PROGRESS' : undefined,
          overdue: true,
        },
      ];
    default:
      return [];
  }
}

const SELF_REPORTED = [null, 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'WITHDRAWN'] as const;

/** For each indicator the latest published value that is not null; the star of the latest legacy assessment that tells. */
function viewOf(published: Variant[]): View {
  const latest = (indicator: string): string | null => {
    for (let i = published.length - 1; i >= 0; i -= 1) {
      const value = published[i].indicators[indicator];
      if (value !== null && value !== undefined) return String(value);
    }
    return null;
  };
  let starred: boolean | null = null;
  for (let i = published.length - 1; i >= 0; i -= 1) {
    if (published[i].framework === 'IRM_LEGACY' && published[i].star !== null) {
      starred = published[i].star;
      break;
    }
  }
  return {
    completion: latest('completion'),
    potentialImpact: latest('potentialImpact'),
    potentialForResults: latest('potentialForResults'),
    earlyResults: latest('earlyResults'),
    didItOpenGovernment: latest('didItOpenGovernment'),
    starred,
  };
}

const ENUMS = {
  starred: ['true', 'false'],
  completion: ['NO_EVIDENCE_AVAILABLE', 'NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'WITHDRAWN'],
  selfReportedCompletion: ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'WITHDRAWN'],
  potentialImpact: ['NONE', 'MINOR', 'MODERATE', 'TRANSFORMATIVE'],
  potentialForResults: ['UNCLEAR', 'MODEST', 'SUBSTANTIAL'],
  earlyResults: ['NO_NOTABLE_RESULTS', 'MODERATE', 'SIGNIFICANT', 'OUTSTANDING'],
  didItOpenGovernment: ['WORSENED', 'DID_NOT_CHANGE', 'MARGINAL', 'MAJOR', 'OUTSTANDING'],
  overdue: ['true', 'false'],
} as const;

type FilterName = keyof typeof ENUMS | 'member';

/** Does a built commitment pass this filter? */
function passes(b: Built, name: FilterName, value: string): boolean {
  switch (name) {
    case 'member':
      return b.member === value;
    case 'starred':
      return b.view.starred === (value === 'true');
    case 'overdue':
      return b.overdue === (value === 'true');
    case 'selfReportedCompletion':
      return b.selfReported === value;
    default:
      return b.view[name] === value;
  }
}

/** Does a commitment as the API represents it show what the filter asks? */
function shows(item: any, name: FilterName, value: string): boolean {
  switch (name) {
    case 'member':
      return item.member.code === value;
    case 'starred':
      return item.independent.starred === (value === 'true');
    case 'overdue':
      return item.state.overdueMilestones > 0 === (value === 'true');
    case 'selfReportedCompletion':
      return item.state.selfReportedCompletion === value;
    default:
      return item.independent[name] === value;
  }
}

describe(`commitment list filters (${ENGINE})`, () => {
  let api: TestApp;
  let members: any[];
  let built: Built[];

  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  function expected(query: Record<string, string>): string[] {
    return built
      .filter((b) => Object.entries(query).every(([name, value]) => passes(b, name as FilterName, value)))
      .map((b) => b.code)
      .sort(byCode);
  }

  async function post(url: string, body: unknown, status = 201): Promise<any> {
    const response = await api.post(url, body);
    if (response.status !== status) throw new Error(`${url}: ${response.status} ${response.text}`);
    return response.body;
  }

  async function publish(variant: Variant, code: string, supersedes?: string): Promise<any> {
    const draft = await post(`/api/v1/commitments/${code}/assessments`, {
      framework: variant.framework,
      product: variant.product,
      indicators: variant.indicators,
      ...(variant.nullReasons ? { nullReasons: variant.nullReasons } : {}),
      ...(supersedes ? { supersedes } : {}),
    });
    const response = await api.post(`/api/v1/assessments/${draft.id}/publish`, undefined, {
      'if-match': `"${draft.version}"`,
    });
    if (response.status !== 200) throw new Error(`publish: ${response.status} ${response.text}`);
    return response.body;
  }

  beforeAll(async () => {
    api = await TestApp.start();
    members = [];
    const plans: any[] = [];
    for (const name of ['Kenya', 'Scotland', 'Buenos Aires']) {
      const member = await aMember(api, { name });
      members.push(member);
      plans.push(await aPlan(api, member.code, { sequenceNumber: 1 }));
    }

    built = [];
    const firstRound: { code: string; assessment: any }[] = [];
    for (let i = 0; i < 66; i += 1) {
      const plan = plans[i % 3];
      const c = await aCommitment(api, plan.id, { title: `Commitment number ${i}` });
      const specs = milestonesFor(i);
      for (const spec of specs) {
        const m = await aMilestone(api, c.code, spec.body);
        if (spec.reported) {
          await post(`/api/v1/commitments/${c.code}/progress-updates`, {
            milestoneId: m.id,
            milestoneStatus: spec.reported,
            narrative: `Milestone ${m.ordinal} reported ${spec.reported}.`,
          });
        }
      }
      const selfReported = SELF_REPORTED[i % 6];
      if (selfReported !== null) {
        let corrects: string | undefined;
        if (i % 4 === 1) {
          // An earlier report, corrected by the final one.
          const earlier = await post(`/api/v1/commitments/${c.code}/progress-updates`, {
            reportedCompletion: selfReported === 'COMPLETE' ? 'LIMITED' : 'COMPLETE',
            narrative: 'A first report.',
          });
          corrects = earlier.id;
        } else if (i % 4 === 3) {
          // An earlier report, followed by a newer one.
          await post(`/api/v1/commitments/${c.code}/progress-updates`, {
            reportedCompletion: selfReported === 'NOT_STARTED' ? 'SUBSTANTIAL' : 'NOT_STARTED',
            narrative: 'A first report.',
          });
        }
        await post(`/api/v1/commitments/${c.code}/progress-updates`, {
          reportedCompletion: selfReported,
          narrative: 'The latest report.',
          ...(corrects ? { corrects } : {}),
        });
      }
      const combo = COMBOS[i % COMBOS.length];
      if (combo.first) firstRound.push({ code: c.code, assessment: await publish(V[combo.first], c.code) });
      built.push({
        code: c.code,
        member: members[i % 3].code,
        overdue: specs.some((s) => s.overdue),
        selfReported,
        view: viewOf([]),
      });
    }
    for (let i = 0; i < built.length; i += 1) {
      const combo = COMBOS[i % COMBOS.length];
      const first = combo.first ? V[combo.first] : undefined;
      if (combo.second) {
        const previous = firstRound.find((r) => r.code === built[i].code)?.assessment;
        await publish(V[combo.second], built[i].code, combo.supersede ? previous.id : undefined);
      }
      const published = [
        ...(first && !combo.supersede ? [first] : []),
        ...(combo.second ? [V[combo.second]] : []),
      ];
      built[i].view = viewOf(published);
    }
  });
  afterAll(() => api.close());

  describe('the data set', () => {
    it('is what was built: each commitment shows its state and independent view', async () => {
      const { items } = await walk(api.anonymous, '/api/v1/commitments?limit=200');
      expect(items.map((c) => c.code)).toEqual(built.map((b) => b.code).sort(byCode));
      const shown = new Map(items.map((c) => [c.code, c]));
      for (const b of built) {
        const c = shown.get(b.code);
        expect({ code: b.code, independent: c.independent }).toEqual({ code: b.code, independent: b.view });
        expect({ code: b.code, member: c.member.code, overdue: c.state.overdueMilestones > 0 }).toEqual({
          code: b.code,
          member: b.member,
          overdue: b.overdue,
        });
        expect({ code: b.code, selfReported: c.state.selfReportedCompletion }).toEqual({
          code: b.code,
          selfReported: b.selfReported,
        });
      }
    });

    it('covers each filter with several values', () => {
      expect(built.length).toBeGreaterThanOrEqual(60);
      for (const [name, values] of Object.entries(ENUMS)) {
        const nonEmpty = values.filter((v) => expected({ [name]: v }).length > 0);
        expect({ name, nonEmpty: nonEmpty.length >= 2 }).toEqual({ name, nonEmpty: true });
      }
      expect(expected({ overdue: 'true' }).length).toBeGreaterThanOrEqual(10);
      expect(expected({ starred: 'true' }).length).toBeGreaterThanOrEqual(10);
    });
  });

  describe('each filter returns exactly the matching commitments', () => {
    const cases = Object.entries(ENUMS).flatMap(([name, values]) =>
      values.map((value) => [name, value] as [FilterName, string]),
    );

    it.each(cases)('%s=%s', async (name, value) => {
      const response = await api.anonymous.get(`/api/v1/commitments?${name}=${value}&limit=200`);
      expect(response.status).toBe(200);
      expect(response.body.nextCursor).toBeNull();
      expect(response.body.items.map((c: any) => c.code)).toEqual(expected({ [name]: value }));
      for (const item of response.body.items)
        expect({ code: item.code, shows: shows(item, name, value) }).toEqual({
          code: item.code,
          shows: true,
        });
    });

    it('overdue=true and overdue=false split the commitments between them', async () => {
      const yes = (await walk(api.anonymous, '/api/v1/commitments?overdue=true&limit=200')).items;
      const no = (await walk(api.anonymous, '/api/v1/commitments?overdue=false&limit=200')).items;
      expect(yes.length + no.length).toBe(built.length);
      expect(new Set([...yes, ...no].map((c) => c.code)).size).toBe(built.length);
      for (const c of yes) expect(c.state.overdueMilestones).toBeGreaterThan(0);
      for (const c of no) expect(c.state.overdueMilestones).toBe(0);
    });
  });

  describe('combined filters', () => {
    const combined = (): Record<string, string>[] => [
      { member: members[0].code, starred: 'true' },
      { member: members[1].code, overdue: 'true' },
      { completion: 'COMPLETE', overdue: 'false' },
      { selfReportedCompletion: 'LIMITED', potentialForResults: 'SUBSTANTIAL' },
      { starred: 'false', overdue: 'true' },
      { potentialImpact: 'TRANSFORMATIVE', selfReportedCompletion: 'COMPLETE' },
      { completion: 'LIMITED', starred: 'false', member: members[2].code },
      { earlyResults: 'SIGNIFICANT', completion: 'SUBSTANTIAL', overdue: 'false' },
      { didItOpenGovernment: 'MAJOR', starred: 'true' },
    ];

    it('applies every filter given, together', async () => {
      let nonEmpty = 0;
      for (const query of combined()) {
        const qs = new URLSearchParams({ ...query, limit: '200' }).toString();
        const response = await api.anonymous.get(`/api/v1/commitments?${qs}`);
        expect(response.status).toBe(200);
        const want = expected(query);
        if (want.length > 0) nonEmpty += 1;
        expect({ query, codes: response.body.items.map((c: any) => c.code) }).toEqual({ query, codes: want });
      }
      expect(nonEmpty).toBeGreaterThanOrEqual(6);
    });
  });

  describe('pagination through filtered lists', () => {
    it.each([
      [{ overdue: 'true' }, 4],
      [{ overdue: 'false' }, 7],
      [{ starred: 'false' }, 2],
      [{ selfReportedCompletion: 'LIMITED' }, 3],
      [{ completion: 'COMPLETE', overdue: 'false' }, 2],
      [{ potentialImpact: 'TRANSFORMATIVE' }, 5],
    ] as [Record<string, string>, number][])('%j, %i at a time', async (query, limit) => {
      const qs = new URLSearchParams({ ...query, limit: String(limit) }).toString();
      const { items, pages } = await walk(api.anonymous, `/api/v1/commitments?${qs}`);
      const want = expected(query);
      expect(want.length).toBeGreaterThan(limit);
      expect(items.map((c) => c.code)).toEqual(want);
      expect(pages).toBe(Math.ceil(want.length / limit));
    });

    it('keeps the member filter across pages', async () => {
      const member = members[1].code;
      const { items } = await walk(
        api.anonymous,
        `/api/v1/commitments?member=${member}&overdue=false&limit=3`,
      );
      expect(items.map((c) => c.code)).toEqual(expected({ member, overdue: 'false' }));
    });
  });

  describe('invalid values', () => {
    it.each([
      ['starred=yes', 'starred'],
      ['starred=1', 'starred'],
      ['starred=TRUE', 'starred'],
      ['starred=', 'starred'],
      ['starred=true&starred=false', 'starred'],
      ['overdue=maybe', 'overdue'],
      ['overdue=0', 'overdue'],
      ['overdue=', 'overdue'],
      ['completion=UNCLEAR', 'completion'],
      ['completion=DONE', 'completion'],
      ['completion=complete', 'completion'],
      ['selfReportedCompletion=IN_PROGRESS', 'selfReportedCompletion'],
      ['selfReportedCompletion=NO_EVIDENCE_AVAILABLE', 'selfReportedCompletion'],
      ['potentialImpact=HIGH', 'potentialImpact'],
      ['potentialForResults=LOW', 'potentialForResults'],
      ['earlyResults=MAJOR', 'earlyResults'],
      ['didItOpenGovernment=SIGNIFICANT', 'didItOpenGovernment'],
      ['overdue=true&starred=nope', 'starred'],
    ])('refuses %s (400, naming the filter)', async (query, field) => {
      expectProblem(await api.anonymous.get(`/api/v1/commitments?${query}`), 400, 'validation.failed', field);
    });
  });

  describe('statements per request (no N+1)', () => {
    let statements = 0;
    const original = pg.Client.prototype.query;
    const measured: Record<string, number> = {};
    let busy: any;
    let quiet: any;

    async function count(label: string, url: string, as: TestApp = api.anonymous): Promise<number> {
      statements = 0;
      const response = await as.get(url);
      const n = statements;
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      measured[label] = n;
      return n;
    }

    beforeAll(async () => {
      // A commitment with a long history, and one with a single entry of each kind.
      const member = await aMember(api, { name: 'Counting' });
      const plan = await aPlan(api, member.code, { sequenceNumber: 1 });
      busy = await aCommitment(api, plan.id);
      const milestones = [];
      for (let i = 0; i < 8; i += 1) milestones.push(await aMilestone(api, busy.code, { dueDate: FUTURE }));
      for (let i = 0; i < 24; i += 1) {
        const m = milestones[i % milestones.length];
        await post(
          `/api/v1/commitments/${busy.code}/progress-updates`,
          i % 3 === 0
            ? { reportedCompletion: ['LIMITED', 'SUBSTANTIAL'][i % 2], narrative: `Report ${i}.` }
            : {
                milestoneId: m.id,
                milestoneStatus: ['IN_PROGRESS', 'COMPLETE'][i % 2],
                narrative: `Report ${i}.`,
              },
        );
      }
      const old = await publish(V.L2, busy.code);
      await publish(V.L1, busy.code, old.id);
      await publish(V.E1, busy.code);
      await publish(V.A1, busy.code);
      await publish(V.R1, busy.code);

      quiet = await aCommitment(api, plan.id);
      const m = await aMilestone(api, quiet.code, { dueDate: FUTURE });
      await post(`/api/v1/commitments/${quiet.code}/progress-updates`, {
        milestoneId: m.id,
        milestoneStatus: 'IN_PROGRESS',
        narrative: 'Started.',
      });
      await publish(V.R2, quiet.code);

      pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
        statements += 1;
        return (original as any).apply(this, args);
      } as typeof original;
    });

    afterAll(() => {
      pg.Client.prototype.query = original;
      if (process.env.PRINT_STATEMENT_COUNTS)
        process.stdout.write(`statements per request (${ENGINE}): ${JSON.stringify(measured, null, 2)}\n`);
    });

    it('counts statements at all', async () => {
      expect(await count('commitment list, limit=1', '/api/v1/commitments?limit=1')).toBeGreaterThan(0);
    });

    it('reads a commitment in one statement, and answers a conditional GET with one look at its version', async () => {
      const url = `/api/v1/commitments/${busy.code}`;
      expect(await count('commitment detail', url)).toBe(1);
      const etag = String((await api.anonymous.get(url)).headers.etag);
      statements = 0;
      const notModified = await api.anonymous.get(url, { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.etag).toBe(etag);
      expect(statements).toBe(1);
    });

    it.each([
      ['anonymously', () => api.anonymous],
      ['as an admin', () => api],
    ])('GET /commitments runs as many statements for 5 rows as for 50 (%s)', async (label, caller) => {
      const five = await count(`commitments limit=5 ${label}`, '/api/v1/commitments?limit=5', caller());
      const fifty = await count(`commitments limit=50 ${label}`, '/api/v1/commitments?limit=50', caller());
      expect(fifty).toBe(five);
    });

    it('GET /commitments with filters runs as many statements for 2 rows as for 50', async () => {
      const few = await count(
        'filtered commitments limit=2',
        '/api/v1/commitments?overdue=false&starred=true&completion=COMPLETE&limit=2',
      );
      const many = await count(
        'filtered commitments limit=50',
        '/api/v1/commitments?overdue=false&starred=true&completion=COMPLETE&limit=50',
      );
      expect(many).toBe(few);
    });

    it('GET /action-plans/{id}/commitments runs as many statements for 5 rows as for 50', async () => {
      const planId = (await api.get(`/api/v1/commitments/${built[0].code}`)).body.actionPlan.id;
      const five = await count(
        'plan commitments limit=5',
        `/api/v1/action-plans/${planId}/commitments?limit=5`,
      );
      const fifty = await count(
        'plan commitments limit=50',
        `/api/v1/action-plans/${planId}/commitments?limit=50`,
      );
      expect(fifty).toBe(five);
    });

    it('GET /commitments/{code} runs as many statements with many milestones as with one', async () => {
      expect(await count('commitment busy', `/api/v1/commitments/${busy.code}`)).toBe(
        await count('commitment quiet', `/api/v1/commitments/${quiet.code}`),
      );
    });

    it('GET /commitments/{code}/timeline runs as many statements for many entries as for few', async () => {
      const many = await count(
        'timeline busy limit=200',
        `/api/v1/commitments/${busy.code}/timeline?limit=200`,
      );
      const two = await count('timeline busy limit=2', `/api/v1/commitments/${busy.code}/timeline?limit=2`);
      const few = await count(
        'timeline quiet limit=200',
        `/api/v1/commitments/${quiet.code}/timeline?limit=200`,
      );
      expect(two).toBe(many);
      expect(few).toBe(many);
      expect(
        (await api.get(`/api/v1/commitments/${busy.code}/timeline?limit=200`)).body.items.length,
      ).toBeGreaterThan(40);
    });

    it('GET /commitments/{code}/progress-updates runs as many statements for many updates as for few', async () => {
      const many = await count(
        'progress busy limit=200',
        `/api/v1/commitments/${busy.code}/progress-updates?limit=200`,
      );
      const two = await count(
        'progress busy limit=2',
        `/api/v1/commitments/${busy.code}/progress-updates?limit=2`,
      );
      const few = await count(
        'progress quiet limit=200',
        `/api/v1/commitments/${quiet.code}/progress-updates?limit=200`,
      );
      expect(two).toBe(many);
      expect(few).toBe(many);
    });

    it('GET /commitments/{code}/assessments runs as many statements for many assessments as for one', async () => {
      const many = await count('assessments busy', `/api/v1/commitments/${busy.code}/assessments?limit=200`);
      const few = await count('assessments quiet', `/api/v1/commitments/${quiet.code}/assessments?limit=200`);
      expect(few).toBe(many);
    });
  });
});
