import { UUID, countRows, expectProblem, fieldsOf } from './support/assertions.js';
import { aCommitment, aMember, aMilestone, aPlan, commitmentCode } from './support/factories.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';
import { csvLine, parseCsv } from '../src/common/csv/csv.js';

/** Today as the service sees it: the UTC date. */
const todayUtc = () => new Date().toISOString().slice(0, 10);
const THIS_YEAR = new Date().getUTCFullYear();

const HEADER = [
  'Milestone ID',
  'Commitment',
  'Commitment Title',
  'Milestone',
  'Milestone Title',
  'Deliverable',
  'Due Date',
  'Current Status',
  'New Status',
  'Percent Complete',
  'Narrative',
  'Period Start',
  'Period End',
  'Links',
];

/** The columns a point of contact fills in: empty in the worksheet. */
const FILLED_IN = ['New Status', 'Percent Complete', 'Narrative', 'Period Start', 'Period End', 'Links'];

type Row = Record<string, string>;
interface Sheet {
  header: string[];
  rows: Row[];
}

const worksheetUrl = (code: string) => `/api/v1/members/${code}/milestones.csv`;
const importUrl = (code: string) => `/api/v1/members/${code}/progress-updates/import`;

function readSheet(text: string): Sheet {
  const { header, rows } = parseCsv(text);
  return {
    header,
    rows: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row.cells[i] ?? '']))),
  };
}

function writeSheet(sheet: Sheet): string {
  return [
    csvLine(sheet.header),
    ...sheet.rows.map((row) => csvLine(sheet.header.map((h) => row[h] ?? ''))),
  ].join('');
}

/** The sheet with the rows of these milestones filled in (the cells given replace the row's). */
function fill(sheet: Sheet, fills: Record<string, Row>): Sheet {
  for (const id of Object.keys(fills)) {
    if (!sheet.rows.some((row) => row['Milestone ID'] === id)) throw new Error(`no row for milestone ${id}`);
  }
  return {
    header: sheet.header,
    rows: sheet.rows.map((row) => ({ ...row, ...(fills[row['Milestone ID']] ?? {}) })),
  };
}

/** The line of the file a milestone's row is on: the header is line 1, and no cell spans lines. */
function lineOf(sheet: Sheet, id: string): number {
  const index = sheet.rows.findIndex((row) => row['Milestone ID'] === id);
  if (index < 0) throw new Error(`no row for milestone ${id}`);
  return index + 2;
}

function upload(as: TestApp, code: string, text: string, contentType = 'text/csv'): Promise<Response> {
  return as.request('POST', importUrl(code), undefined, {
    raw: text,
    headers: { 'content-type': contentType },
  });
}

describe(`bulk progress by worksheet (${ENGINE})`, () => {
  let api: TestApp;
  let memberA: any;
  let memberB: any;
  let planA: any;
  let pocA: TestApp;
  let pocAUser: any;
  let pocB: TestApp;
  let civil: TestApp;
  // Member A: two commitments with milestones (created out of order), and one without any.
  let laterCommitment: any;
  let earlierCommitment: any;
  let laterSecond: any;
  let laterFirst: any;
  let earlierFirst: any;
  let otherMilestone: any;

  beforeAll(async () => {
    api = await TestApp.start();
    memberA = await aMember(api, { name: 'Kenya' });
    memberB = await aMember(api, { name: 'Papua New Guinea' });
    planA = await aPlan(api, memberA.code);
    const planB = await aPlan(api, memberB.code);
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

    // Created in the opposite order to the worksheet's: KB... before KA..., ordinal 2 before 1.
    laterCommitment = await aCommitment(api, planA.id, {
      code: commitmentCode('KB'),
      title: 'Beneficial ownership register',
    });
    earlierCommitment = await aCommitment(api, planA.id, {
      code: commitmentCode('KA'),
      title: 'Open contracting, "end to end"',
    });
    await aCommitment(api, planA.id, { code: commitmentCode('KC'), title: 'No milestones yet' });
    laterSecond = await aMilestone(api, laterCommitment.code, {
      ordinal: 2,
      title: 'Publish the register',
      deliverable: 'Register online, searchable',
      dueDate: `${THIS_YEAR + 2}-06-30`,
    });
    laterFirst = await aMilestone(api, laterCommitment.code, {
      ordinal: 1,
      title: 'Draft the regulation',
      deliverable: 'Regulation adopted',
      dueDate: `${THIS_YEAR + 2}-03-31`,
    });
    earlierFirst = await aMilestone(api, earlierCommitment.code, {
      title: 'Open the procurement portal',
      deliverable: 'Portal with an "open" API',
      dueDate: `${THIS_YEAR + 2}-12-31`,
    });
    const otherCommitment = await aCommitment(api, planB.id);
    otherMilestone = await aMilestone(api, otherCommitment.code, { title: 'Not of member A' });
  });
  afterAll(() => api.close());

  async function download(as: TestApp, code: string): Promise<Sheet> {
    const response = await as.get(worksheetUrl(code));
    if (response.status !== 200) throw new Error(`worksheet: ${response.status} ${response.text}`);
    return readSheet(response.text);
  }

  /** What a refused upload must leave as it was. Refused attempts by another member are logged apart (DENIED). */
  async function snapshot(): Promise<Record<string, unknown>> {
    return {
      updates: await countRows(api, 'progress_update'),
      audit: await countRows(api, 'audit_log', `action <> 'DENIED'`),
      milestones: await api.query('SELECT id, status, completed_on, version FROM milestone ORDER BY id'),
      commitments: await api.query('SELECT id, version FROM commitment ORDER BY id'),
    };
  }

  async function expectChainHolds(): Promise<void> {
    const verify = await api.get('/api/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ valid: true, firstBrokenEntry: null });
  }

  describe('the worksheet', () => {
    it("lists exactly the member's milestones, by commitment code and ordinal, under the header", async () => {
      const response = await pocA.get(worksheetUrl(memberA.code));
      expect(response.status).toBe(200);
      const { header, rows } = parseCsv(response.text);
      expect(header).toEqual(HEADER);
      const line = (c: any, m: any, deliverable: string, dueDate: string) => [
        m.id,
        c.code,
        c.title,
        String(m.ordinal),
        m.title,
        deliverable,
        dueDate,
        'NOT_STARTED',
        ...FILLED_IN.map(() => ''),
      ];
      expect(rows.map((r) => r.cells)).toEqual([
        line(earlierCommitment, earlierFirst, 'Portal with an "open" API', `${THIS_YEAR + 2}-12-31`),
        line(laterCommitment, laterFirst, 'Regulation adopted', `${THIS_YEAR + 2}-03-31`),
        line(laterCommitment, laterSecond, 'Register online, searchable', `${THIS_YEAR + 2}-06-30`),
      ]);
      expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
      expect(response.text).not.toContain(otherMilestone.id);
    });

    it('is a CSV attachment', async () => {
      const response = await pocA.get(worksheetUrl(memberA.code));
      expect(response.status).toBe(200);
      expect(String(response.headers['content-type'])).toMatch(/^text\/csv\b/);
      expect(String(response.headers['content-disposition'])).toMatch(
        /^attachment;\s*filename="[^"]+\.csv"$/,
      );
      expect(String(response.headers['content-disposition'])).toContain(memberA.code);
    });

    it('is the same for an admin', async () => {
      const asPoc = await pocA.get(worksheetUrl(memberA.code));
      const asAdmin = await api.get(worksheetUrl(memberA.code));
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.text).toBe(asPoc.text);
    });

    it('refuses a point of contact of another member (403), and logs the attempt', async () => {
      const denied = () =>
        countRows(api, 'audit_log', `action = 'DENIED' AND resource_type = 'progress_update'`);
      const before = await denied();
      const response = await pocB.get(worksheetUrl(memberA.code));
      expectProblem(response, 403, 'access.denied');
      expect(response.text).not.toContain(earlierFirst.id);
      expect(await denied()).toBe(before + 1);
    });

    it.each([
      { who: 'civil society', caller: () => civil, status: 403, code: 'access.forbidden' },
      { who: 'an anonymous caller', caller: () => api.anonymous, status: 401, code: 'auth.required' },
    ])('refuses $who ($status)', async ({ caller, status, code }) => {
      const response = await caller().get(worksheetUrl(memberA.code));
      expectProblem(response, status, code);
      expect(response.text).not.toContain(earlierFirst.id);
    });

    it('answers 404 for an unknown member', async () => {
      expectProblem(await api.get(worksheetUrl('ZZZ')), 404, 'member.not_found');
      expectProblem(await pocA.get(worksheetUrl('ZZZ')), 404, 'member.not_found');
    });
  });

  describe('uploading', () => {
    it('records each filled row as a progress update by the point of contact, moving its milestone', async () => {
      const sheet = await download(pocA, memberA.code);
      const updatesBefore = await countRows(api, 'progress_update');
      const auditCreates = () =>
        countRows(api, 'audit_log', `resource_type = 'progress_update' AND action = 'CREATE'`);
      const auditBefore = await auditCreates();

      const file = fill(sheet, {
        [laterFirst.id]: {
          'New Status': 'COMPLETE',
          'Percent Complete': '100',
          Narrative: 'The regulation was adopted by the cabinet, with comments from the public.',
          'Period Start': '2025-01-01',
          'Period End': '2025-06-30',
          Links: 'https://example.org/gazette/2025-17.pdf http://example.org/consultation',
        },
        [earlierFirst.id]: {
          'New Status': ' in progress ',
          'Percent Complete': '40',
          Narrative: 'The portal is in beta; the API is next.',
        },
      });
      const response = await upload(pocA, memberA.code, writeSheet(file));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        accepted: 2,
        skipped: sheet.rows.length - 2,
        progressUpdates: [expect.stringMatching(UUID), expect.stringMatching(UUID)],
      });
      // In the order of the file: the portal (KA...) comes before the regulation (KB...).
      expect(lineOf(file, earlierFirst.id)).toBeLessThan(lineOf(file, laterFirst.id));
      const [inProgressId, completeId] = response.body.progressUpdates;
      expect(await countRows(api, 'progress_update')).toBe(updatesBefore + 2);

      // Each is a progress update on its milestone, by the point of contact, with what the row said.
      const onLater = await api.get(`/api/v1/commitments/${laterCommitment.code}/progress-updates`);
      expect(onLater.status).toBe(200);
      expect(onLater.body.items).toEqual([
        {
          id: completeId,
          commitment: laterCommitment.code,
          milestone: { id: laterFirst.id, ordinal: 1, title: 'Draft the regulation' },
          reportedCompletion: null,
          milestoneStatus: 'COMPLETE',
          percentComplete: 100,
          narrative: 'The regulation was adopted by the cabinet, with comments from the public.',
          links: [
            { url: 'https://example.org/gazette/2025-17.pdf', title: null },
            { url: 'http://example.org/consultation', title: null },
          ],
          periodStart: '2025-01-01',
          periodEnd: '2025-06-30',
          corrects: null,
          correctedBy: null,
          author: { role: 'government_poc', member: memberA.code },
          createdAt: expect.any(String),
        },
      ]);
      const onEarlier = await api.get(`/api/v1/commitments/${earlierCommitment.code}/progress-updates`);
      expect(onEarlier.body.items).toEqual([
        {
          id: inProgressId,
          commitment: earlierCommitment.code,
          milestone: { id: earlierFirst.id, ordinal: 1, title: 'Open the procurement portal' },
          reportedCompletion: null,
          milestoneStatus: 'IN_PROGRESS',
          percentComplete: 40,
          narrative: 'The portal is in beta; the API is next.',
          links: [],
          periodStart: null,
          periodEnd: null,
          corrects: null,
          correctedBy: null,
          author: { role: 'government_poc', member: memberA.code },
          createdAt: expect.any(String),
        },
      ]);
      const authors = await api.query<{ author_id: string }>(
        'SELECT DISTINCT author_id FROM progress_update WHERE id = ANY($1::uuid[])',
        [[completeId, inProgressId]],
      );
      expect(authors).toEqual([{ author_id: pocAUser.id }]);

      // The milestones moved with them; the one left blank did not.
      const complete = await api.get(`/api/v1/milestones/${laterFirst.id}`);
      expect(complete.body).toMatchObject({ status: 'COMPLETE', completedOn: todayUtc() });
      const inProgress = await api.get(`/api/v1/milestones/${earlierFirst.id}`);
      expect(inProgress.body).toMatchObject({ status: 'IN_PROGRESS', completedOn: null });
      const untouched = await api.get(`/api/v1/milestones/${laterSecond.id}`);
      expect(untouched.body).toMatchObject({ status: 'NOT_STARTED', version: laterSecond.version });

      // Each has its audit entry, and the chain holds.
      expect(await auditCreates()).toBe(auditBefore + 2);
      const audited = await api.query<{ resource_id: string }>(
        `SELECT resource_id FROM audit_log
          WHERE resource_type = 'progress_update' AND action = 'CREATE' AND resource_id = ANY($1::varchar[])
          ORDER BY resource_id`,
        [[completeId, inProgressId]],
      );
      expect(audited.map((r) => r.resource_id)).toEqual([completeId, inProgressId].sort());
      await expectChainHolds();

      // The next worksheet shows where the milestones stand now.
      const next = await download(pocA, memberA.code);
      const current = Object.fromEntries(next.rows.map((r) => [r['Milestone ID'], r['Current Status']]));
      expect(current).toMatchObject({
        [laterFirst.id]: 'COMPLETE',
        [earlierFirst.id]: 'IN_PROGRESS',
        [laterSecond.id]: 'NOT_STARTED',
      });
    });

    it('accepts a file where every row is blank, recording nothing', async () => {
      const sheet = await download(pocA, memberA.code);
      const before = await snapshot();
      const response = await upload(pocA, memberA.code, writeSheet(sheet));
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ accepted: 0, skipped: sheet.rows.length, progressUpdates: [] });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('refusals, each recording nothing', () => {
    const started = { 'New Status': 'IN_PROGRESS', Narrative: 'Work has started.' };

    it.each([
      {
        problem: 'an unknown status',
        cells: () => ({ 'New Status': 'FINISHED', Narrative: 'All done.' }),
        column: 'New Status',
      },
      {
        problem: 'a status without a narrative',
        cells: () => ({ 'New Status': 'COMPLETE' }),
        column: 'Narrative',
      },
      {
        problem: "a milestone of another member's",
        cells: () => ({ ...started, 'Milestone ID': otherMilestone.id }),
        column: 'Milestone ID',
      },
      {
        problem: 'a malformed milestone id',
        cells: () => ({ ...started, 'Milestone ID': 'milestone-3' }),
        column: 'Milestone ID',
      },
      {
        problem: 'a percent above 100',
        cells: () => ({ ...started, 'Percent Complete': '120' }),
        column: 'Percent Complete',
      },
      {
        problem: 'a period that ends before it starts',
        cells: () => ({ ...started, 'Period Start': '2025-06-30', 'Period End': '2025-01-01' }),
        column: 'Period End',
      },
      {
        problem: 'a malformed date',
        cells: () => ({ ...started, 'Period Start': '30/06/2025' }),
        column: 'Period Start',
      },
      {
        problem: 'a link that is not http(s)',
        cells: () => ({ ...started, Links: 'https://example.org/ok.pdf ftp://example.org/report.pdf' }),
        column: 'Links',
      },
    ])('refuses $problem (422, by line and column)', async ({ cells, column }) => {
      const sheet = await download(pocA, memberA.code);
      // A good row beside the bad one: neither is recorded.
      const file = fill(sheet, { [laterSecond.id]: started, [earlierFirst.id]: cells() });
      const line = lineOf(sheet, earlierFirst.id);
      const before = await snapshot();
      const response = await upload(pocA, memberA.code, writeSheet(file));
      expectProblem(response, 422, 'progress_import.invalid', `line ${line}, ${column}`);
      expect(fieldsOf(response)).toEqual([`line ${line}, ${column}`]);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses the same milestone reported twice, naming the second line', async () => {
      const sheet = fill(await download(pocA, memberA.code), { [laterSecond.id]: started });
      const twice = { ...sheet, rows: [...sheet.rows, { ...sheet.rows[lineOf(sheet, laterSecond.id) - 2] }] };
      const before = await snapshot();
      const response = await upload(pocA, memberA.code, writeSheet(twice));
      const line = twice.rows.length + 1;
      expectProblem(response, 422, 'progress_import.invalid', `line ${line}, Milestone ID`);
      expect(fieldsOf(response)).toEqual([`line ${line}, Milestone ID`]);
      expect(await snapshot()).toEqual(before);
    });

    it('names every problem of a file, in order', async () => {
      const sheet = await download(pocA, memberA.code);
      const file = fill(sheet, {
        [earlierFirst.id]: { 'New Status': 'DONE', Narrative: 'Done.', 'Percent Complete': '120' },
        [laterFirst.id]: { 'New Status': 'COMPLETE', Links: 'mailto:registry@example.org' },
        [laterSecond.id]: { ...started, 'Period Start': '2025-02-30' },
      });
      const before = await snapshot();
      const response = await upload(pocA, memberA.code, writeSheet(file));
      expectProblem(response, 422, 'progress_import.invalid');
      const [a, b, c] = [earlierFirst, laterFirst, laterSecond].map((m) => lineOf(file, m.id));
      expect(fieldsOf(response)).toEqual([
        `line ${a}, New Status`,
        `line ${a}, Percent Complete`,
        `line ${b}, Narrative`,
        `line ${b}, Links`,
        `line ${c}, Period Start`,
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a file without a required column (422), naming it', async () => {
      const sheet = fill(await download(pocA, memberA.code), { [laterSecond.id]: started });
      const without = { header: sheet.header.filter((h) => h !== 'New Status'), rows: sheet.rows };
      const before = await snapshot();
      const response = await upload(pocA, memberA.code, writeSheet(without));
      expectProblem(response, 422, 'progress_import.invalid', 'line 1, New Status');
      expect(fieldsOf(response)).toEqual(['line 1, New Status']);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an empty body (400)', async () => {
      const before = await snapshot();
      expectProblem(await upload(pocA, memberA.code, ''), 400, 'import.empty');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a JSON body (415)', async () => {
      const before = await snapshot();
      const response = await pocA.post(importUrl(memberA.code), {
        rows: [{ 'Milestone ID': laterSecond.id, ...started }],
      });
      expectProblem(response, 415, 'request.unsupported_media_type');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a point of contact of another member (403), and logs the attempt', async () => {
      const sheet = fill(await download(api, memberA.code), { [laterSecond.id]: started });
      const denied = () =>
        countRows(api, 'audit_log', `action = 'DENIED' AND resource_type = 'progress_update'`);
      const deniedBefore = await denied();
      const before = await snapshot();
      expectProblem(await upload(pocB, memberA.code, writeSheet(sheet)), 403, 'access.denied');
      expect(await snapshot()).toEqual(before);
      expect(await denied()).toBe(deniedBefore + 1);
    });

    it.each([
      { who: 'civil society', caller: () => civil, status: 403, code: 'access.forbidden' },
      { who: 'an anonymous caller', caller: () => api.anonymous, status: 401, code: 'auth.required' },
    ])('refuses $who ($status)', async ({ caller, status, code }) => {
      const sheet = fill(await download(api, memberA.code), { [laterSecond.id]: started });
      const before = await snapshot();
      expectProblem(await upload(caller(), memberA.code, writeSheet(sheet)), status, code);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for an unknown member', async () => {
      const sheet = fill(await download(api, memberA.code), { [laterSecond.id]: started });
      const before = await snapshot();
      expectProblem(await upload(api, 'ZZZ', writeSheet(sheet)), 404, 'member.not_found');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses the whole file when a rule of progress updates refuses a row in the transaction', async () => {
      // Starts next year: it cannot be complete today.
      const c = await aCommitment(api, planA.id, { code: commitmentCode('KD') });
      const notYet = await aMilestone(api, c.code, {
        startDate: `${THIS_YEAR + 1}-01-01`,
        dueDate: `${THIS_YEAR + 1}-06-30`,
      });
      const sheet = await download(pocA, memberA.code);
      // The good row comes first, so it is written before the bad one is refused.
      const file = fill(sheet, {
        [laterSecond.id]: started,
        [notYet.id]: { 'New Status': 'COMPLETE', Narrative: 'Finished early.' },
      });
      expect(lineOf(file, laterSecond.id)).toBeLessThan(lineOf(file, notYet.id));
      const before = await snapshot();
      const response = await upload(pocA, memberA.code, writeSheet(file));
      expectProblem(response, 422, 'progress_import.invalid');
      expect(fieldsOf(response)).toEqual([
        expect.stringMatching(new RegExp(`^line ${lineOf(file, notYet.id)}\\b`)),
      ]);
      expect(response.body.errors[0].message).toMatch(/start/i);
      expect(await snapshot()).toEqual(before);
      expect((await api.get(`/api/v1/milestones/${notYet.id}`)).body.status).toBe('NOT_STARTED');
      await expectChainHolds();
    });

    it('refuses the whole file when a milestone row has a narrative but no status', async () => {
      const sheet = await download(pocA, memberA.code);
      // The good row comes first, so it is written before the bad one is refused.
      const file = fill(sheet, {
        [earlierFirst.id]: { 'New Status': 'COMPLETE', Narrative: 'The portal and its API are live.' },
        [laterSecond.id]: { Narrative: 'Nothing new to report on the status, but the register is drafted.' },
      });
      expect(lineOf(file, earlierFirst.id)).toBeLessThan(lineOf(file, laterSecond.id));
      const before = await snapshot();
      const response = await upload(pocA, memberA.code, writeSheet(file));
      expectProblem(response, 422, 'progress_import.invalid');
      expect(fieldsOf(response)).toEqual([
        expect.stringMatching(new RegExp(`^line ${lineOf(file, laterSecond.id)}\\b`)),
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('still records a good file afterwards, with the audit chain whole', async () => {
      const sheet = await download(pocA, memberA.code);
      const response = await upload(
        pocA,
        memberA.code,
        writeSheet(fill(sheet, { [laterSecond.id]: started })),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ accepted: 1, skipped: sheet.rows.length - 1 });
      expect((await api.get(`/api/v1/milestones/${laterSecond.id}`)).body.status).toBe('IN_PROGRESS');
      await expectChainHolds();
    });
  });
});
