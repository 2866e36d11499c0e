import { readFileSync } from 'node:fs';
import { csvLine, parseCsv } from '../src/common/csv/csv.js';
import { ImportJobsService } from '../src/modules/open-data/import-jobs.service.js';
import { IRM_COLUMNS } from '../src/modules/open-data/irm.rules.js';
import { UUID, countRows, expectProblem, walk } from './support/assertions.js';
import {
  aCommitment,
  aMember,
  aMilestone,
  anInstitution,
  aPlan,
  aTag,
  legacyIndicators,
} from './support/factories.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';

// Open data in and out: OGP's IRM data export imported through the API as a job (every trap of real
// files: sentinels, label drift, dates in any form, contact details in the text, tag columns, stars
// that disagree), all or nothing, idempotent; every public record exported as CSV and JSON, filtered
// like the lists, with no personal data; an export read back by the importer changes nothing.

const UNKNOWN_UUID = '3b9d6a4e-5c1f-4e2a-8d7b-9f0e1a2b3c4d';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/irm/${name}`, import.meta.url), 'utf8');
/** Every trap of the issue, in ten rows of three members (one local), four plans and both frameworks. */
const TRAPS = fixture('traps.csv');
/** The same rows, but BUE0001 (line 7) has Potential Impact "Huge". */
const ONE_BAD_ROW = fixture('one-bad-row.csv');

/** Lets the clock move on, so that jobs posted one after the other never share a timestamp. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

/** What the traps file holds: its commitment codes, and the contact details written in its Full Text. */
const TRAP_CODES = [
  'AL0001',
  'AL0002',
  'AL0003',
  'AL0004',
  'AL0005',
  'BUE0001',
  'BUE0002',
  'KE0041',
  'KE0042',
  'KE0043',
];
const TRAP_CONTACTS = [
  'consultations@ministry.example.al',
  '+355 4 555 0100',
  '(04) 5550 123',
  'audit@ciudad.example.ar',
  '011 5555 0199',
  '0700 555 019',
];

/** The tables an import writes to, counted. */
const IMPORTED_TABLES = [
  'member',
  'action_plan',
  'institution',
  'policy_area_tag',
  'commitment',
  'commitment_tag',
  'commitment_supporting_institution',
  'commitment_contact',
  'assessment',
  'audit_log',
];

/** The exports, each as CSV and JSON. */
const EXPORTS = ['commitments', 'milestones', 'progress-updates', 'assessments', 'evidence'] as const;

/** A CSV body read back: header and rows as objects by column name (cells as written, not unescaped). */
function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const { header, rows } = parseCsv(text);
  for (const row of rows)
    expect({ line: row.line, cells: row.cells.length }).toEqual({ line: row.line, cells: header.length });
  return {
    header,
    rows: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row.cells[i]]))),
  };
}

describe(`open data (${ENGINE})`, () => {
  let api: TestApp;
  let poc: { user: any; token: string };
  let civil: { user: any; token: string };
  let assessor: { user: any; token: string };
  let adminId: string;
  let organisation: any;
  /** The jobs posted by this file, oldest first. */
  const posted: string[] = [];

  const jobs = () => api.app.get(ImportJobsService);

  /** POSTs a file to the IRM import as `as` (an admin unless told). */
  function postCsv(csv: string, query = '', as: TestApp = api): Promise<Response> {
    return as.request('POST', `/api/v1/imports/irm${query}`, undefined, {
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
  }

  /** Imports a file through the API and returns the finished job. */
  async function importFile(csv: string, query = ''): Promise<any> {
    await tick();
    const started = await postCsv(csv, query);
    expect({ status: started.status, text: started.status === 202 ? '' : started.text }).toEqual({
      status: 202,
      text: '',
    });
    posted.push(started.body.id);
    await jobs().settle();
    const job = await api.get(`/api/v1/imports/${started.body.id}`);
    expect(job.status).toBe(200);
    return job.body;
  }

  /** Row counts of every table an import writes. */
  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of IMPORTED_TABLES) result[table] = await countRows(api, table);
    return result;
  }

  /** Everything an import could change, as stored: rows with their versions. */
  async function snapshot(): Promise<unknown> {
    return {
      counts: await counts(),
      members: await api.query('SELECT code, name, type, region, version FROM member ORDER BY code'),
      plans: await api.query(
        'SELECT id, member_id, sequence_number, irm_id, start_date::text, end_date::text, version FROM action_plan ORDER BY id',
      ),
      commitments: await api.query(
        `SELECT code, version, updated_at, title, full_text, start_date::text, start_date_precision, start_date_text,
                end_date::text, end_date_precision, end_date_text, lead_institution_id
           FROM commitment ORDER BY code`,
      ),
      assessments: await api.query('SELECT id, status, version FROM assessment ORDER BY id'),
      contacts: await api.query(
        'SELECT commitment_id, imported_details, updated_at FROM commitment_contact ORDER BY commitment_id',
      ),
    };
  }

  /** An export, read anonymously. */
  async function exported(path: string): Promise<Response> {
    const res = await api.anonymous.get(`/api/v1/exports/${path}`);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res;
  }

  beforeAll(async () => {
    api = await TestApp.start();
    adminId = (await api.get('/api/v1/me')).body.id;
    // A tag that exists before any import: the file's "Open Data" column is this tag.
    await aTag(api, 'Open Data');
    const member = await aMember(api, { code: 'ZTL', name: 'Zetland' });
    const org = await api.post('/api/v1/organisations', {
      name: 'Open Budget Coalition',
      type: 'CIVIL_SOCIETY',
    });
    expect(org.status).toBe(201);
    organisation = org.body;
    poc = await api.createUser({
      name: 'Point of Contact',
      email: 'poc.zetland@example.org',
      role: 'government_poc',
      member: member.code,
    });
    civil = await api.createUser({
      name: 'Civic Watcher',
      email: 'watcher@example.org',
      role: 'civil_society',
      organisation: organisation.id,
    });
    assessor = await api.createUser({
      name: 'Independent Reviewer',
      email: 'reviewer@example.org',
      role: 'assessor',
      assignedMembers: [member.code],
    });
  });

  afterAll(async () => {
    await jobs().settle();
    await api.close();
  });

  describe('import of the IRM data export: refusals, dry run and a bad row', () => {
    it('refuses callers without data.import (403), anonymous ones (401), and writes nothing', async () => {
      const before = await counts();
      const jobsBefore = await countRows(api, 'import_job');
      for (const [as, status, code] of [
        [api.as(poc.token), 403, 'access.forbidden'],
        [api.as(civil.token), 403, 'access.forbidden'],
        [api.as(assessor.token), 403, 'access.forbidden'],
        [api.anonymous, 401, 'auth.required'],
      ] as const) {
        expectProblem(await postCsv(TRAPS, '', as), status, code);
        expectProblem(await postCsv(TRAPS, '?dryRun=true', as), status, code);
        expectProblem(await as.get('/api/v1/imports'), status, code);
        expectProblem(await as.get(`/api/v1/imports/${UNKNOWN_UUID}`), status, code);
      }
      await jobs().settle();
      expect(await counts()).toEqual(before);
      expect(await countRows(api, 'import_job')).toBe(jobsBefore);
    });

    it('refuses an empty body (400), starting no job', async () => {
      const jobsBefore = await countRows(api, 'import_job');
      expectProblem(await postCsv(''), 400, 'import.empty');
      expectProblem(await postCsv(' \r\n \n'), 400, 'import.empty');
      expectProblem(await postCsv(TRAPS, '?dryRun=perhaps'), 400);
      expect(await countRows(api, 'import_job')).toBe(jobsBefore);
    });

    it('refuses a body that is not CSV (415), JSON included, starting no job', async () => {
      const jobsBefore = await countRows(api, 'import_job');
      const asText = await api.request('POST', '/api/v1/imports/irm', undefined, {
        raw: TRAPS,
        headers: { 'content-type': 'text/plain' },
      });
      const asJson = await api.post('/api/v1/imports/irm', { file: TRAPS });
      const asJsonString = await api.post('/api/v1/imports/irm', TRAPS);
      expect(await countRows(api, 'import_job')).toBe(jobsBefore);
      expectProblem(asText, 415);
      expectProblem(asJson, 415);
      expectProblem(asJsonString, 415);
    });

    it('answers 404 for a job that does not exist', async () => {
      expectProblem(await api.get(`/api/v1/imports/${UNKNOWN_UUID}`), 404);
      expectProblem(await api.get('/api/v1/imports/not-a-uuid'), 404);
    });

    it('on a dry run, reports what it would create and writes nothing', async () => {
      const before = await snapshot();
      const job = await importFile(TRAPS, '?dryRun=true');
      expect(job).toMatchObject({
        kind: 'IRM',
        status: 'SUCCEEDED',
        dryRun: true,
        rows: 10,
        createdBy: adminId,
        fileBytes: Buffer.byteLength(TRAPS, 'utf8'),
        fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        finishedAt: expect.any(String),
      });
      expect(job.report).toMatchObject({
        dryRun: true,
        applied: false,
        rows: 10,
        errors: [],
        members: { created: 3, updated: 0, unchanged: 0 },
        actionPlans: { created: 4, updated: 0, unchanged: 0 },
        institutions: { created: 10, updated: 0 },
        // "Open Data" exists already; the two other tag columns name new tags.
        tags: { created: 2, updated: 0, unchanged: 1 },
        commitments: { created: 10, updated: 0, unchanged: 0 },
        assessments: { created: 13, superseded: 0, unchanged: 0 },
      });
      expect(await snapshot()).toEqual(before);
      for (const code of TRAP_CODES) expectProblem(await api.get(`/api/v1/commitments/${code}`), 404);
    });

    it('with one bad row, changes nothing and fails the job with the line, column, value and reason', async () => {
      const before = await snapshot();
      const job = await importFile(ONE_BAD_ROW);
      expect(job).toMatchObject({ status: 'FAILED', dryRun: false, finishedAt: expect.any(String) });
      expect(job.report.applied).toBe(false);
      expect(job.report.errors).toEqual([
        {
          line: 7, // BUE0001: its Supporting Institution(s) cell spans lines 7 and 8
          column: 'Potential Impact',
          value: 'Huge',
          reason: expect.stringMatching(/is not one of: None, Minor, Moderate, Transformative/),
        },
      ]);
      expect(await snapshot()).toEqual(before);
      expectProblem(await api.get('/api/v1/commitments/AL0001'), 404);
      expectProblem(await api.get('/api/v1/members/ALB'), 404);
    });
  });

  describe('importing traps.csv', () => {
    let job: any;
    let auditBefore: number;

    beforeAll(async () => {
      auditBefore = await countRows(api, 'audit_log');
      job = await importFile(TRAPS);
    });

    it('succeeds, and its report lists tag columns, the ignored column, unparsed dates, redactions and the star disagreement', () => {
      expect(job).toMatchObject({ status: 'SUCCEEDED', dryRun: false, rows: 10, createdBy: adminId });
      expect(job.report).toMatchObject({
        dryRun: false,
        applied: true,
        errors: [],
        members: { created: 3, updated: 0, unchanged: 0 },
        actionPlans: { created: 4, updated: 0, unchanged: 0 },
        institutions: { created: 10, updated: 0 },
        tags: { created: 2, updated: 0, unchanged: 1 },
        commitments: { created: 10, updated: 0, unchanged: 0 },
        assessments: { created: 13, superseded: 0, unchanged: 0 },
      });
      expect(job.report.tagColumns).toEqual([
        { column: 'Digital Governance', slug: 'digital-governance' },
        { column: 'Open Data', slug: 'open-data' },
        { column: 'Automated Decision-making', slug: 'automated-decision-making' },
      ]);
      expect(job.report.ignoredColumns).toEqual(['Internal Notes']);
      const warnings = job.report.warnings.map((w: any) => [w.line, w.column, w.value]);
      expect(warnings).toEqual(
        expect.arrayContaining([
          [5, 'End Date', 'Underway'],
          [6, 'Start Date', 'Not Specified'],
          [5, 'URL', 'not a link'],
        ]),
      );
      // Every date the file writes in a known form is read: only the words are reported.
      expect(job.report.warnings.filter((w: any) => /Date$/.test(w.column)).map((w: any) => w.value)).toEqual(
        ['Underway', 'Not Specified'],
      );
      for (const w of job.report.warnings.filter((w: any) => /Date$/.test(w.column)))
        expect(w.reason).toMatch(/kept as text/);
      // Contact details are counted in the report, never repeated in it.
      expect(
        job.report.warnings.filter((w: any) => w.column === 'Full Text').map((w: any) => w.line),
      ).toEqual([2, 7, 11]);
      for (const contact of TRAP_CONTACTS) expect(JSON.stringify(job.report)).not.toContain(contact);
      // AL0002: OGP starred it (2015 formula, moderate impact); the current formula does not.
      expect(job.report.starDisagreements).toEqual([
        {
          line: 3,
          code: 'AL0002',
          product: 'PROGRESS_REPORT',
          ogp: true,
          ours: false,
          reason: expect.stringMatching(/MODERATE/),
        },
      ]);
    });

    it('creates the members, national and local, and two plans of one member', async () => {
      const albania = await api.anonymous.get('/api/v1/members/ALB');
      expect(albania.body).toMatchObject({
        code: 'ALB',
        name: 'Albania',
        type: 'NATIONAL',
        region: 'EUROPE',
      });
      const local = await api.anonymous.get('/api/v1/members/ARBA');
      expect(local.body).toMatchObject({
        code: 'ARBA',
        name: 'Buenos Aires',
        type: 'LOCAL',
        region: 'AMERICAS',
      });
      const kenya = await api.anonymous.get('/api/v1/members/KEN');
      expect(kenya.body).toMatchObject({ type: 'NATIONAL', region: 'AFRICA_AND_THE_MIDDLE_EAST' });

      const plans = await walk(api.anonymous, '/api/v1/members/ALB/action-plans');
      expect(plans.items.map((p: any) => p.sequenceNumber).sort()).toEqual([1, 2]);
      const stored = await api.query<any>(
        `SELECT m.code, p.sequence_number, p.irm_id FROM action_plan p JOIN member m ON m.id = p.member_id
          WHERE m.code IN ('ALB', 'ARBA', 'KEN') ORDER BY m.code, p.sequence_number`,
      );
      expect(stored).toEqual([
        { code: 'ALB', sequence_number: 1, irm_id: 'AP_ALB01' },
        { code: 'ALB', sequence_number: 2, irm_id: 'AP_ALB02' },
        { code: 'ARBA', sequence_number: 1, irm_id: 'AP_ARBA01' },
        { code: 'KEN', sequence_number: 5, irm_id: 'AP_KEN05' },
      ]);
      // Each commitment sits in its plan, with the plan's number as the file wrote it.
      const al3 = (await api.anonymous.get('/api/v1/commitments/AL0003')).body;
      expect({ plan: al3.actionPlan.sequenceNumber, number: al3.number }).toEqual({ plan: 2, number: '1.1' });
      const al5 = (await api.anonymous.get('/api/v1/commitments/AL0005')).body;
      expect({ plan: al5.actionPlan.sequenceNumber, number: al5.number }).toEqual({
        plan: 2,
        number: 'II.4',
      });
    });

    it('reads every date format with its precision, and keeps the raw text of what is not a date', async () => {
      const dates = async (code: string) => {
        const c = (await api.anonymous.get(`/api/v1/commitments/${code}`)).body;
        return [c.startDate, c.startDatePrecision, c.endDate, c.endDatePrecision];
      };
      expect({
        AL0001: await dates('AL0001'), // m/d/yyyy, m/d/yy
        AL0002: await dates('AL0002'), // d/m/yyyy (day over 12), a year
        AL0003: await dates('AL0003'), // "I quarter of 2019", a year
        AL0004: await dates('AL0004'), // an Excel serial number, "Underway"
        AL0005: await dates('AL0005'), // "Not Specified"
        BUE0001: await dates('BUE0001'), // "July 2016"
        KE0041: await dates('KE0041'), // "I quarter of 2021"
      }).toEqual({
        AL0001: ['2012-01-15', 'DAY', '2014-06-30', 'DAY'],
        AL0002: ['2012-03-25', 'DAY', '2013-01-01', 'YEAR'],
        AL0003: ['2019-01-01', 'QUARTER', '2020-01-01', 'YEAR'],
        AL0004: ['2019-03-01', 'DAY', null, expect.any(String)],
        AL0005: [null, expect.any(String), '2020-12-31', 'DAY'],
        BUE0001: ['2016-07-01', 'MONTH', '2017-12-31', 'DAY'],
        KE0041: ['2021-01-01', 'QUARTER', '2023-06-30', 'DAY'],
      });
      const kept = await api.query<any>(
        `SELECT code, start_date_text, end_date_text FROM commitment WHERE code IN ('AL0004', 'AL0005') ORDER BY code`,
      );
      expect(kept).toEqual([
        { code: 'AL0004', start_date_text: '43525', end_date_text: 'Underway' },
        { code: 'AL0005', start_date_text: 'Not Specified', end_date_text: '12/31/2020' },
      ]);
      // The export gives every date back as the file wrote it.
      const { rows } = readCsv((await exported('commitments.csv')).text);
      const written = Object.fromEntries(
        rows
          .filter((r) => TRAP_CODES.includes(r[IRM_COLUMNS.code]))
          .map((r) => [r[IRM_COLUMNS.code], [r[IRM_COLUMNS.startDate], r[IRM_COLUMNS.endDate]]]),
      );
      expect(written).toMatchObject({
        AL0001: ['1/15/2012', '6/30/14'],
        AL0002: ['25/3/2012', '2013'],
        AL0003: ['I quarter of 2019', '2020'],
        AL0004: ['43525', 'Underway'],
        AL0005: ['Not Specified', '12/31/2020'],
        BUE0001: ['July 2016', '12/31/2017'],
        KE0041: ['I quarter of 2021', '6/30/2023'],
      });
    });

    it('creates the institutions and the tags of the tag columns, new ones included', async () => {
      const al1 = (await api.anonymous.get('/api/v1/commitments/AL0001')).body;
      expect(al1.leadInstitution).toMatchObject({ name: 'Ministry of Innovation' });
      // Split on ; and |, the lead left out of the supporting ones.
      expect(al1.supportingInstitutions.map((i: any) => i.name).sort()).toEqual([
        'Civic Tech Hub',
        'Open Data Albania',
      ]);
      const bue1 = (await api.anonymous.get('/api/v1/commitments/BUE0001')).body;
      expect(bue1.leadInstitution).toMatchObject({ name: 'Secretaría de Innovación' });
      expect(bue1.supportingInstitutions.map((i: any) => i.name).sort()).toEqual([
        'Red de Vecinos',
        'Universidad Abierta',
      ]);
      const al5 = (await api.anonymous.get('/api/v1/commitments/AL0005')).body;
      expect({ lead: al5.leadInstitution, supporting: al5.supportingInstitutions }).toEqual({
        lead: null,
        supporting: [],
      });

      const tags = (await walk(api.anonymous, '/api/v1/tags?limit=200')).items;
      expect(tags.map((t: any) => [t.slug, t.label])).toEqual(
        expect.arrayContaining([
          ['digital-governance', 'Digital Governance'],
          ['open-data', 'Open Data'],
          ['automated-decision-making', 'Automated Decision-making'],
        ]),
      );
      expect(tags.filter((t: any) => t.slug === 'open-data')).toHaveLength(1);
      const tagsOf = async (code: string) =>
        ((await api.anonymous.get(`/api/v1/commitments/${code}`)).body.tags as string[]).sort();
      expect({
        AL0001: await tagsOf('AL0001'),
        AL0002: await tagsOf('AL0002'),
        AL0003: await tagsOf('AL0003'),
        AL0005: await tagsOf('AL0005'),
        KE0041: await tagsOf('KE0041'),
      }).toEqual({
        AL0001: ['digital-governance', 'open-data'],
        AL0002: ['automated-decision-making', 'open-data'],
        AL0003: ['digital-governance'],
        AL0005: [],
        KE0041: ['automated-decision-making', 'digital-governance'],
      });
      const listed = await walk(api.anonymous, '/api/v1/commitments?tag=automated-decision-making&limit=200');
      expect(listed.items.map((c: any) => c.code)).toEqual(['AL0002', 'KE0041']);
    });

    it('publishes the legacy assessments, labels read through their drift and sentinels as null reasons', async () => {
      const assessments = async (code: string) =>
        (await walk(api.anonymous, `/api/v1/commitments/${code}/assessments?limit=200`)).items;
      const byProduct = async (code: string) =>
        Object.fromEntries((await assessments(code)).map((a: any) => [a.product, a]));

      const al1 = await byProduct('AL0001');
      expect(Object.keys(al1).sort()).toEqual(['END_OF_TERM_REPORT', 'PROGRESS_REPORT']);
      for (const a of Object.values<any>(al1))
        expect(a).toMatchObject({
          framework: 'IRM_LEGACY',
          status: 'PUBLISHED',
          publishedAt: expect.any(String),
        });
      expect(al1.PROGRESS_REPORT.indicators).toMatchObject({
        specificity: 'HIGH',
        relevanceAccessToInformation: true, // written 1
        relevanceCivicParticipation: true,
        relevancePublicAccountability: false,
        relevanceTechnology: false,
        potentialImpact: 'TRANSFORMATIVE',
        completion: 'COMPLETE',
        onTime: null,
      });
      expect(al1.PROGRESS_REPORT.nullReasons).toEqual({ onTime: 'NO_DATA' });
      expect(al1.END_OF_TERM_REPORT.indicators).toMatchObject({
        completion: 'COMPLETE', // written Completed
        didItOpenGovernment: 'MAJOR',
        didItOpenGovernmentAccessToInformation: 'DID_NOT_CHANGE',
        didItOpenGovernmentCivicParticipation: 'WORSENED', // written Worsens
        didItOpenGovernmentPublicAccountability: null,
      });
      expect(al1.END_OF_TERM_REPORT.nullReasons).toEqual({
        onTime: 'NO_DATA',
        didItOpenGovernmentPublicAccountability: 'NOT_REVIEWED',
      });

      const al2 = await byProduct('AL0002');
      expect(al2.PROGRESS_REPORT.indicators).toMatchObject({
        specificity: 'MEDIUM',
        relevanceCivicParticipation: null,
        relevancePublicAccountability: null,
        potentialImpact: 'MODERATE',
        completion: 'SUBSTANTIAL',
      });
      expect(al2.PROGRESS_REPORT.nullReasons).toEqual({
        onTime: 'NO_DATA',
        relevanceCivicParticipation: 'NO_DATA', // ND
        relevancePublicAccountability: 'NOT_APPLICABLE', // NA
      });
      expect(al2.END_OF_TERM_REPORT.indicators).toMatchObject({
        completion: null,
        didItOpenGovernment: 'WORSENED', // written Worsened
        didItOpenGovernmentAccessToInformation: null,
        didItOpenGovernmentCivicParticipation: null,
        didItOpenGovernmentPublicAccountability: null,
      });
      expect(al2.END_OF_TERM_REPORT.nullReasons).toMatchObject({
        completion: 'NO_DATA', // ND
        didItOpenGovernmentAccessToInformation: 'UNCLEAR', // Unclear
        didItOpenGovernmentCivicParticipation: 'NOT_APPLICABLE', // NA
        didItOpenGovernmentPublicAccountability: 'NO_DATA', // empty
      });

      const al3 = await byProduct('AL0003');
      expect(al3.PROGRESS_REPORT.indicators).toMatchObject({ specificity: 'LOW', completion: 'NOT_STARTED' });

      const bue1 = await byProduct('BUE0001');
      expect(Object.keys(bue1)).toEqual(['PROGRESS_REPORT']);
      expect(bue1.PROGRESS_REPORT.indicators).toMatchObject({
        relevanceAccessToInformation: null,
        relevanceCivicParticipation: true,
        relevancePublicAccountability: null,
        relevanceTechnology: null,
        completion: null,
      });
      expect(bue1.PROGRESS_REPORT.nullReasons).toEqual({
        onTime: 'NO_DATA',
        relevanceAccessToInformation: 'UNCLEAR',
        relevancePublicAccountability: 'NO_DATA',
        relevanceTechnology: 'NOT_REVIEWED',
        completion: 'UNCLEAR',
      });

      const bue2 = await byProduct('BUE0002');
      expect(Object.keys(bue2)).toEqual(['END_OF_TERM_REPORT']);
      expect(bue2.END_OF_TERM_REPORT.indicators).toMatchObject({
        specificity: null,
        completion: 'WITHDRAWN',
        didItOpenGovernment: 'DID_NOT_CHANGE',
      });
      expect(bue2.END_OF_TERM_REPORT.nullReasons).toMatchObject({ specificity: 'NO_DATA' });

      // No rating is ever a sentinel, and every null has its reason.
      for (const code of TRAP_CODES) {
        for (const a of await assessments(code)) {
          expect(JSON.stringify(a.indicators)).not.toMatch(
            /"(ND|NR|NA|N\/A|NO_DATA|NOT_REVIEWED|NOT_APPLICABLE)"/,
          );
          for (const [name, reason] of Object.entries(a.nullReasons)) {
            expect({ code, name, value: a.indicators[name] }).toEqual({ code, name, value: null });
            expect(['NO_DATA', 'NOT_REVIEWED', 'NOT_APPLICABLE', 'UNCLEAR']).toContain(reason);
          }
        }
      }
      expect(await assessments('AL0005')).toEqual([]);
    });

    it('publishes the 2021 framework: Potential for Results and Early Results, drift included', async () => {
      const byProduct = async (code: string) =>
        Object.fromEntries(
          (await walk(api.anonymous, `/api/v1/commitments/${code}/assessments?limit=200`)).items.map(
            (a: any) => [a.product, a],
          ),
        );
      const ke1 = await byProduct('KE0041');
      expect(Object.keys(ke1).sort()).toEqual(['ACTION_PLAN_REVIEW', 'RESULTS_REPORT']);
      expect(ke1.ACTION_PLAN_REVIEW).toMatchObject({
        framework: 'IRM_2021',
        status: 'PUBLISHED',
        indicators: {
          verifiable: true,
          potentialForResults: 'UNCLEAR',
          openGovernmentLens: null,
          promising: null,
        },
        nullReasons: { openGovernmentLens: 'NO_DATA', promising: 'NO_DATA' },
      });
      // Unclear is OGP's own label for potential for results: a value, not a null reason.
      expect(ke1.ACTION_PLAN_REVIEW.nullReasons.potentialForResults).toBeUndefined();
      expect(ke1.RESULTS_REPORT.indicators).toMatchObject({
        completion: 'NOT_STARTED',
        earlyResults: 'NO_NOTABLE_RESULTS', // "No early results to report yet"
      });
      const ke2 = await byProduct('KE0042');
      expect(ke2.ACTION_PLAN_REVIEW.indicators).toMatchObject({
        verifiable: true,
        potentialForResults: 'SUBSTANTIAL',
      });
      expect(ke2.RESULTS_REPORT.indicators).toMatchObject({
        completion: 'COMPLETE',
        earlyResults: 'SIGNIFICANT',
      });
      const ke3 = await byProduct('KE0043');
      expect(Object.keys(ke3)).toEqual(['ACTION_PLAN_REVIEW']);
      expect(ke3.ACTION_PLAN_REVIEW.indicators).toMatchObject({
        verifiable: false,
        potentialForResults: 'MODEST',
      });
    });

    it('gives each commitment its independent view: the latest ratings and the star by our rule', async () => {
      const independent = async (code: string) =>
        (await api.anonymous.get(`/api/v1/commitments/${code}`)).body.independent;
      expect(await independent('AL0001')).toEqual({
        completion: 'COMPLETE',
        potentialImpact: 'TRANSFORMATIVE',
        potentialForResults: null,
        earlyResults: null,
        didItOpenGovernment: 'MAJOR',
        starred: true,
      });
      // OGP starred it; the current formula does not (the report says so).
      expect(await independent('AL0002')).toMatchObject({
        starred: false,
        completion: 'SUBSTANTIAL',
        didItOpenGovernment: 'WORSENED',
      });
      expect(await independent('AL0003')).toMatchObject({ starred: false, completion: 'NOT_STARTED' });
      expect(await independent('BUE0001')).toMatchObject({ starred: false, completion: null });
      expect(await independent('BUE0002')).toMatchObject({ starred: false, completion: 'WITHDRAWN' });
      expect(await independent('KE0041')).toEqual({
        completion: 'NOT_STARTED',
        potentialImpact: null,
        potentialForResults: 'UNCLEAR',
        earlyResults: 'NO_NOTABLE_RESULTS',
        didItOpenGovernment: null,
        starred: null,
      });
      expect(await independent('KE0042')).toMatchObject({
        completion: 'COMPLETE',
        earlyResults: 'SIGNIFICANT',
      });
      expect(await independent('AL0005')).toMatchObject({ completion: null, starred: null });
      const notStarred = await walk(api.anonymous, '/api/v1/commitments?starred=false&limit=200');
      expect(notStarred.items.map((c: any) => c.code)).toEqual(['AL0002', 'AL0003', 'BUE0001', 'BUE0002']);
    });

    it('stars every report OGP starred where our rule agrees, Verifiable standing in for a missing Specificity', async () => {
      // AL0001 (both reports) and AL0004, whose Specificity is ND but Verifiable is Yes and whose star
      // OGP wrote as 1: the import reports no disagreement for them, so each must come out starred.
      for (const [code, product] of [
        ['AL0001', 'PROGRESS_REPORT'],
        ['AL0001', 'END_OF_TERM_REPORT'],
        ['AL0004', 'PROGRESS_REPORT'],
      ]) {
        const items = (await walk(api.anonymous, `/api/v1/commitments/${code}/assessments?limit=200`)).items;
        const a = items.find((x: any) => x.product === product);
        expect({ code, product, starred: a?.derived.starred.current.starred }).toEqual({
          code,
          product,
          starred: true,
        });
      }
      const al4 = (await api.anonymous.get('/api/v1/commitments/AL0004')).body;
      expect(al4.independent).toMatchObject({
        completion: 'SUBSTANTIAL',
        potentialImpact: 'TRANSFORMATIVE',
        starred: true,
      });
      const starred = await walk(api.anonymous, '/api/v1/commitments?starred=true&limit=200');
      expect(starred.items.map((c: any) => c.code)).toEqual(['AL0001', 'AL0004']);
    });

    it('moves contact details out of the public text, to the restricted contact that signed-in callers see', async () => {
      for (const [code, details] of [
        ['AL0001', ['consultations@ministry.example.al', '+355 4 555 0100', '(04) 5550 123']],
        ['BUE0001', ['audit@ciudad.example.ar', '011 5555 0199']],
        ['KE0042', ['0700 555 019']],
      ] as const) {
        const anonymous = await api.anonymous.get(`/api/v1/commitments/${code}`);
        expect(anonymous.status).toBe(200);
        expect(anonymous.body.contactOnFile).toBe(true);
        expect(anonymous.body.contact).toBeUndefined();
        for (const detail of TRAP_CONTACTS) expect(anonymous.text).not.toContain(detail);

        for (const as of [api, api.as(civil.token), api.as(poc.token)]) {
          const signedIn = await as.get(`/api/v1/commitments/${code}`);
          expect(signedIn.body.contact).toMatchObject({ importedDetails: expect.any(String) });
          for (const detail of details) expect(signedIn.body.contact.importedDetails).toContain(detail);
        }
        const [stored] = await api.query<any>('SELECT full_text FROM commitment WHERE code = $1', [code]);
        for (const detail of TRAP_CONTACTS) expect(stored.full_text).not.toContain(detail);
      }
      const [al1] = await api.query<any>("SELECT full_text FROM commitment WHERE code = 'AL0001'");
      // Redacted, not cut: the rest of the text, the budget and the years stay.
      expect(al1.full_text).toBe(
        'The ministry will publish every consultation in one register. Questions: [e-mail removed], tel. [phone removed] or [phone removed]. Budget 250000000 for 2012-2014.',
      );
      const al2 = await api.as(civil.token).get('/api/v1/commitments/AL0002');
      expect({ onFile: al2.body.contactOnFile, contact: al2.body.contact }).toEqual({
        onFile: false,
        contact: null,
      });
      // The audit log says the contact changed, never what it is.
      const entries = await api.query<any>(
        "SELECT before, after FROM audit_log WHERE resource_type = 'commitment_contact'",
      );
      expect(entries.length).toBeGreaterThan(0);
      for (const detail of TRAP_CONTACTS) expect(JSON.stringify(entries)).not.toContain(detail);
    });

    it('records the import in the audit log, in one chain that verifies', async () => {
      expect(await countRows(api, 'audit_log')).toBeGreaterThan(auditBefore);
      const verify = await api.get('/api/v1/audit/verify');
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({ valid: true });
    });

    it('changes nothing on a second import of the same file: every count unchanged, no audit entry, no version moved', async () => {
      const before = await snapshot();
      const again = await importFile(TRAPS);
      expect(again.status).toBe('SUCCEEDED');
      expect(again.report).toMatchObject({
        applied: true,
        errors: [],
        members: { created: 0, updated: 0, unchanged: 3 },
        actionPlans: { created: 0, updated: 0, unchanged: 4 },
        institutions: { created: 0, updated: 0 },
        tags: { created: 0, updated: 0, unchanged: 3 },
        commitments: { created: 0, updated: 0, unchanged: 10 },
        assessments: { created: 0, superseded: 0, unchanged: 13 },
      });
      expect(await snapshot()).toEqual(before);
    });

    it('round-trips: its commitments export, imported, changes nothing and writes no audit entry', async () => {
      const csv = (await exported('commitments.csv')).text;
      expect(readCsv(csv).rows.map((r) => r[IRM_COLUMNS.code])).toEqual(TRAP_CODES);
      const before = await snapshot();
      const again = await importFile(csv);
      expect(again.status).toBe('SUCCEEDED');
      expect(again.report).toMatchObject({
        applied: true,
        errors: [],
        starDisagreements: [],
        members: { created: 0, updated: 0, unchanged: 3 },
        actionPlans: { created: 0, updated: 0, unchanged: 4 },
        institutions: { created: 0, updated: 0 },
        tags: { created: 0, updated: 0 },
        commitments: { created: 0, updated: 0, unchanged: 10 },
        assessments: { created: 0, superseded: 0, unchanged: 13 },
      });
      // The register's own columns are not IRM columns: the importer passes them by.
      expect(again.report.ignoredColumns).toEqual(
        expect.arrayContaining(['Participatory Digital Governance Area', 'Agreement']),
      );
      expect(await snapshot()).toEqual(before);
    });

    it('lists the jobs, newest first, each as GET /imports/{id} gives it', async () => {
      const { items, pages } = await walk(api, '/api/v1/imports?limit=2');
      expect(pages).toBeGreaterThan(1);
      expect(items.map((j: any) => j.id)).toEqual([...posted].reverse());
      for (const item of items) expect(item).toEqual((await api.get(`/api/v1/imports/${item.id}`)).body);
      const times = items.map((j: any) => j.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    });
  });

  describe('exports', () => {
    let member: any;
    let milestone: any;
    let update: any;
    let publicEvidence: any;
    let restricted: any;
    let hidden: any;
    let draft: any;
    const CONTACT = {
      name: 'Contact Person',
      email: 'contact.person@ministry.example',
      phone: '+254 20 765 4321',
    };
    const NON_ASCII = 'Ley de identidad digital: participación ciudadana – “consulta” en Zürich, 数字政府';

    beforeAll(async () => {
      member = (await api.get('/api/v1/members/ZTL')).body;
      const plan = await aPlan(api, member.code, { sequenceNumber: 1 });
      const lead = await anInstitution(api, { name: 'Zetland Digital Office', member: member.code });
      const support = await anInstitution(api, {
        name: 'Zetland University, Law Faculty',
        member: member.code,
      });
      await aCommitment(api, plan.id, {
        code: 'ZT0001',
        number: '1',
        title: NON_ASCII,
        leadInstitutionId: lead.id,
        supportingInstitutionIds: [support.id],
        tags: ['open-data'],
        contact: CONTACT,
      });
      await aCommitment(api, plan.id, {
        code: 'ZT0002',
        number: '2',
        title: '=SUM(A1:A3) budget lines, published',
        area: 'OVERSIGHT_AUDIT_AND_REDRESS',
        startDate: '2025-04-01',
        startDatePrecision: 'QUARTER',
        endDate: '2026-01-01',
        endDatePrecision: 'YEAR',
      });
      await aCommitment(api, plan.id, {
        code: 'ZT0003',
        number: '3',
        title: 'Publish the algorithm audit',
      });
      milestone = await aMilestone(api, 'ZT0001', { title: 'Draft published for comment' });
      await aMilestone(api, 'ZT0001', { title: 'Hearings held', dueDate: '2026-03-31' });
      await aMilestone(api, 'ZT0003', { title: 'Audit report' });
      const updated = await api.as(poc.token).post('/api/v1/commitments/ZT0001/progress-updates', {
        milestoneId: milestone.id,
        milestoneStatus: 'COMPLETE',
        narrative: 'The draft is online for comment.',
      });
      expect(updated.status).toBe(201);
      update = updated.body;
      const other = await api.as(poc.token).post('/api/v1/commitments/ZT0003/progress-updates', {
        reportedCompletion: 'LIMITED',
        narrative: 'Auditor appointed.',
      });
      expect(other.status).toBe(201);

      const evidence = (body: Record<string, unknown>) =>
        api.as(civil.token).post('/api/v1/commitments/ZT0001/evidence', {
          type: 'SOCIAL_AUDIT',
          title: 'Social audit of the draft hearings',
          summary: 'Volunteers attended every hearing.',
          stance: 'CONFIRMS',
          ...body,
        });
      publicEvidence = (await evidence({})).body;
      restricted = (await evidence({ title: 'Restricted interview notes', visibility: 'RESTRICTED' })).body;
      hidden = (await evidence({ title: 'Spam to be hidden', type: 'MEDIA_REPORT', stance: 'CONTRADICTS' }))
        .body;
      expect([publicEvidence.id, restricted.id, hidden.id]).toEqual([
        expect.stringMatching(UUID),
        expect.stringMatching(UUID),
        expect.stringMatching(UUID),
      ]);
      expect((await api.post(`/api/v1/evidence/${hidden.id}/hide`, { reason: 'Spam' })).status).toBe(200);
      const fromAdmin = await api.post('/api/v1/commitments/ZT0003/evidence', {
        type: 'FOI_REQUEST',
        title: 'FOI request on the audit',
        summary: 'The answer came in 20 days.',
        stance: 'CONTRADICTS',
        organisationName: 'Riverside Residents Association',
      });
      expect(fromAdmin.status).toBe(201);

      // A published legacy assessment (by the assessor) and a draft, which never leaves.
      const created = await api.as(assessor.token).post('/api/v1/commitments/ZT0001/assessments', {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: legacyIndicators(),
        summary: 'Rated by the reviewer.',
      });
      expect(created.status).toBe(201);
      const published = await api
        .as(assessor.token)
        .post(`/api/v1/assessments/${created.body.id}/publish`, undefined, {
          'if-match': `"${created.body.version}"`,
        });
      expect(published.status).toBe(200);
      const drafted = await api.as(assessor.token).post('/api/v1/commitments/ZT0003/assessments', {
        framework: 'IRM_LEGACY',
        product: 'PROGRESS_REPORT',
        indicators: { specificity: 'LOW' },
      });
      expect(drafted.status).toBe(201);
      draft = drafted.body;
    });

    it('answers each export as an attachment: text/csv or JSON in UTF-8, with a header row', async () => {
      for (const name of EXPORTS) {
        const csv = await exported(`${name}.csv`);
        expect({
          name,
          type: csv.headers['content-type'],
          disposition: csv.headers['content-disposition'],
        }).toEqual({
          name,
          type: 'text/csv; charset=utf-8',
          disposition: `attachment; filename="${name}.csv"`,
        });
        const { header, rows } = readCsv(csv.text);
        expect(header.length).toBeGreaterThan(3);
        expect(rows.length).toBeGreaterThan(0);
        const json = await exported(`${name}.json`);
        expect({
          name,
          type: json.headers['content-type'],
          disposition: json.headers['content-disposition'],
        }).toEqual({
          name,
          type: 'application/json; charset=utf-8',
          disposition: `attachment; filename="${name}.json"`,
        });
        expect(Array.isArray(json.body)).toBe(true);
        expect({ name, rows: json.body.length }).toEqual({ name, rows: rows.length });
      }
      // Filtered to nothing: still a header row, and an empty array.
      const none = await exported('milestones.csv?member=QQQ');
      expect(readCsv(none.text)).toMatchObject({
        header: expect.arrayContaining(['Commitment', 'Title']),
        rows: [],
      });
      expect((await exported('milestones.json?member=QQQ')).body).toEqual([]);
    });

    it("gives the commitments with the IRM data export's column names, one row per commitment, filtered like the list", async () => {
      const { header, rows } = readCsv((await exported('commitments.csv')).text);
      const irm = Object.values(IRM_COLUMNS);
      expect(header).toEqual(expect.arrayContaining(irm));
      expect(header.slice(0, 18)).toEqual(irm.slice(0, 18));
      expect(header).toEqual(
        expect.arrayContaining(['Digital Governance', 'Open Data', 'Automated Decision-making']),
      );
      const all = await walk(api.anonymous, '/api/v1/commitments?limit=200');
      expect(rows.map((r) => r[IRM_COLUMNS.code])).toEqual(all.items.map((c: any) => c.code));
      expect(rows).toHaveLength(TRAP_CODES.length + 3);

      const zt1 = rows.find((r) => r[IRM_COLUMNS.code] === 'ZT0001') as Record<string, string>;
      expect(zt1).toMatchObject({
        [IRM_COLUMNS.memberCode]: 'ZTL',
        [IRM_COLUMNS.memberName]: 'Zetland',
        [IRM_COLUMNS.region]: 'Europe',
        [IRM_COLUMNS.nationalOrLocal]: 'National',
        [IRM_COLUMNS.leadInstitution]: 'Zetland Digital Office',
        [IRM_COLUMNS.supportingInstitutions]: 'Zetland University, Law Faculty',
        [IRM_COLUMNS.specificity]: 'Medium',
        [IRM_COLUMNS.potentialImpact]: 'Transformative',
        [IRM_COLUMNS.completionProgressReport]: 'Complete',
        [IRM_COLUMNS.starredProgressReport]: 'Yes',
        'Open Data': '1',
        'Digital Governance': '0',
      });

      for (const filter of [
        'member=ALB',
        'member=arba',
        'area=OVERSIGHT_AUDIT_AND_REDRESS',
        'area=FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
        'q=algorithm',
        'starred=true',
        'starred=false',
        'tag=open-data',
        'potentialForResults=UNCLEAR',
      ]) {
        const listed = (await walk(api.anonymous, `/api/v1/commitments?${filter}&limit=200`)).items.map(
          (c: any) => c.code,
        );
        expect(listed.length).toBeGreaterThan(0);
        const csv = readCsv((await exported(`commitments.csv?${filter}`)).text).rows.map(
          (r) => r[IRM_COLUMNS.code],
        );
        const json = (await exported(`commitments.json?${filter}`)).body.map((c: any) => c.code);
        expect({ filter, csv, json }).toEqual({ filter, csv: listed, json: listed });
      }
      expect(
        readCsv((await exported('commitments.csv?member=ALB')).text).rows.map((r) => r[IRM_COLUMNS.code]),
      ).toEqual(['AL0001', 'AL0002', 'AL0003', 'AL0004', 'AL0005']);
      expect(
        readCsv((await exported('commitments.csv?q=algorithm')).text).rows.map((r) => r[IRM_COLUMNS.code]),
      ).toEqual(['AL0002', 'ZT0003']);
      // A filter the list refuses, the export refuses too.
      expectProblem(await api.anonymous.get('/api/v1/exports/commitments.csv?area=EVERYTHING'), 400);
      expectProblem(await api.anonymous.get('/api/v1/exports/commitments.json?starred=maybe'), 400);
      expectProblem(await api.anonymous.get('/api/v1/exports/commitments.csv?limit=5'), 400);
    });

    it('gives the commitments as JSON exactly as the list gives them', async () => {
      const all = await walk(api.anonymous, '/api/v1/commitments?limit=200');
      const json = (await exported('commitments.json')).body;
      expect(json).toEqual(all.items);
      const filtered = await walk(api.anonymous, '/api/v1/commitments?member=KEN&limit=200');
      expect((await exported('commitments.json?member=KEN')).body).toEqual(filtered.items);
    });

    it('gives milestones, progress updates, assessments and evidence, filtered, CSV and JSON alike', async () => {
      const csvOf = async (path: string) => readCsv((await exported(path)).text);
      const jsonOf = async (path: string) => (await exported(path)).body as any[];

      const milestones = await csvOf('milestones.csv');
      expect(milestones.header).toEqual(
        expect.arrayContaining(['Commitment', 'Member', 'Ordinal', 'Title', 'Status', 'Due Date']),
      );
      expect(milestones.rows.map((r) => [r.Commitment, r.Ordinal])).toEqual([
        ['ZT0001', '1'],
        ['ZT0001', '2'],
        ['ZT0003', '1'],
      ]);
      expect((await csvOf('milestones.csv?commitment=ZT0003')).rows.map((r) => r.Title)).toEqual([
        'Audit report',
      ]);
      expect((await jsonOf('milestones.json?status=COMPLETE')).map((m) => [m.id, m.status])).toEqual([
        [milestone.id, 'COMPLETE'],
      ]);
      expect((await csvOf('milestones.csv?status=COMPLETE')).rows.map((r) => r['Milestone ID'])).toEqual([
        milestone.id,
      ]);
      expect(await jsonOf('milestones.json?member=ALB')).toEqual([]);
      expectProblem(await api.anonymous.get('/api/v1/exports/milestones.csv?status=DONE'), 400);

      const updates = await csvOf('progress-updates.csv');
      expect(updates.header).toEqual(
        expect.arrayContaining(['Commitment', 'Reported Completion', 'Narrative']),
      );
      expect(updates.header.join(' ')).not.toMatch(/author/i);
      expect(updates.rows.map((r) => r.Commitment)).toEqual(['ZT0001', 'ZT0003']);
      const ofOne = await jsonOf('progress-updates.json?commitment=ZT0001');
      expect(ofOne.map((u) => [u.id, u.milestone, u.milestoneStatus])).toEqual([[update.id, 1, 'COMPLETE']]);
      expect(Object.keys(ofOne[0]).join(' ')).not.toMatch(/author/i);
      expect(await jsonOf('progress-updates.json?member=KEN')).toEqual([]);

      const assessments = await csvOf('assessments.csv');
      expect(assessments.header).toEqual(
        expect.arrayContaining(['Commitment', 'Framework', 'Product', 'Status', 'specificity']),
      );
      expect(assessments.rows).toHaveLength(14); // 13 imported, 1 published by the reviewer
      expect(
        assessments.rows.map((r) => r.Status).every((s) => s === 'PUBLISHED' || s === 'SUPERSEDED'),
      ).toBe(true);
      const text = (await exported('assessments.csv')).text + (await exported('assessments.json')).text;
      expect(text).not.toContain(draft.id);
      const of2021 = await jsonOf('assessments.json?framework=IRM_2021');
      expect(of2021.map((a) => a.commitment).sort()).toEqual([
        'KE0041',
        'KE0041',
        'KE0042',
        'KE0042',
        'KE0043',
      ]);
      expect((await csvOf('assessments.csv?framework=IRM_2021')).rows.map((r) => r['Assessment ID'])).toEqual(
        of2021.map((a) => a.id),
      );
      expect(
        (await jsonOf('assessments.json?product=RESULTS_REPORT')).map((a) => a.commitment).sort(),
      ).toEqual(['KE0041', 'KE0042']);
      const ofBue = await jsonOf('assessments.json?member=ARBA');
      expect(ofBue.map((a) => [a.commitment, a.product])).toEqual(
        expect.arrayContaining([
          ['BUE0001', 'PROGRESS_REPORT'],
          ['BUE0002', 'END_OF_TERM_REPORT'],
        ]),
      );
      // A null rating gives its reason: Unclear completion of BUE0001.
      const bue1 = (await csvOf('assessments.csv?commitment=BUE0001')).rows;
      expect(bue1).toHaveLength(1);
      expect(bue1[0]).toMatchObject({
        completion: 'UNCLEAR',
        relevanceTechnology: 'NOT_REVIEWED',
        specificity: 'MEDIUM',
      });
      expect(ofBue.find((a) => a.commitment === 'BUE0001')).toMatchObject({
        indicators: { completion: null, relevanceTechnology: null },
        nullReasons: { completion: 'UNCLEAR', relevanceTechnology: 'NOT_REVIEWED' },
      });
      expectProblem(await api.anonymous.get('/api/v1/exports/assessments.json?framework=IRM_1999'), 400);

      const evidence = await csvOf('evidence.csv');
      expect(evidence.header).toEqual(
        expect.arrayContaining(['Commitment', 'Type', 'Title', 'Stance', 'Organisation']),
      );
      expect(evidence.rows.map((r) => r['Evidence ID'])).toEqual([
        publicEvidence.id,
        expect.stringMatching(UUID),
      ]);
      expect((await jsonOf('evidence.json?type=SOCIAL_AUDIT')).map((e) => e.id)).toEqual([publicEvidence.id]);
      expect((await jsonOf('evidence.json?stance=CONTRADICTS')).map((e) => e.commitment)).toEqual(['ZT0003']);
      expect((await csvOf('evidence.csv?commitment=ZT0001')).rows.map((r) => r['Evidence ID'])).toEqual([
        publicEvidence.id,
      ]);
      expect(await jsonOf('evidence.json?member=KEN')).toEqual([]);
      expectProblem(await api.anonymous.get('/api/v1/exports/evidence.csv?commitment=nope'), 400);
    });

    it('names the organisation that gave each evidence item, with an account or without one', async () => {
      // Who gave the evidence is public (GET /evidence/{id} says it to anyone), never personal data.
      const one = await api.anonymous.get(`/api/v1/evidence/${publicEvidence.id}`);
      expect(one.body.organisation).toEqual({ id: organisation.id, name: 'Open Budget Coalition' });
      const csv = readCsv((await exported('evidence.csv')).text).rows.map((r) => r.Organisation);
      const json = (await exported('evidence.json')).body.map((e: any) => e.organisation);
      expect({ csv, json }).toEqual({
        csv: ['Open Budget Coalition', 'Riverside Residents Association'],
        json: ['Open Budget Coalition', 'Riverside Residents Association'],
      });
    });

    it('never gives restricted or hidden evidence, whoever asks', async () => {
      for (const as of [api.anonymous, api, api.as(civil.token)]) {
        for (const path of [
          'evidence.csv',
          'evidence.json',
          'evidence.json?commitment=ZT0001',
          'evidence.csv?type=MEDIA_REPORT',
        ]) {
          const res = await as.get(`/api/v1/exports/${path}`);
          expect(res.status).toBe(200);
          for (const item of [restricted, hidden]) {
            expect(res.text).not.toContain(item.id);
            expect(res.text).not.toContain(item.title);
          }
        }
      }
    });

    it('gives no personal data in any export: no contact, no user, no author', async () => {
      const bodies: string[] = [];
      for (const name of EXPORTS)
        for (const format of ['csv', 'json'])
          for (const as of [api.anonymous, api])
            bodies.push((await as.get(`/api/v1/exports/${name}.${format}`)).text);
      const all = bodies.join('\n');
      expect(all).toContain('ZT0001');
      const personal = [
        ...TRAP_CONTACTS,
        CONTACT.name,
        CONTACT.email,
        CONTACT.phone,
        adminId,
        poc.user.id,
        civil.user.id,
        assessor.user.id,
        'poc.zetland@example.org',
        'watcher@example.org',
        'reviewer@example.org',
        'test.admin@example.org',
        'Point of Contact',
        'Civic Watcher',
        'Independent Reviewer',
      ];
      for (const value of personal)
        expect({ value, found: all.includes(value) }).toEqual({ value, found: false });
      expect(all).not.toMatch(
        /"(contact|importedDetails|author|authorId|assessor|assessorId|submittedBy|createdBy)"\s*:/,
      );
      expect(all).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/); // no e-mail address at all
    });

    it('round-trips UTF-8, and neutralises a cell that a spreadsheet would run as a formula', async () => {
      const res = await api.app.inject({ method: 'GET', url: '/api/v1/exports/commitments.csv?member=ZTL' });
      const bytes = res.rawPayload;
      expect(bytes.includes(Buffer.from(NON_ASCII, 'utf8'))).toBe(true);
      const { rows } = readCsv(bytes.toString('utf8'));
      expect(rows.map((r) => r[IRM_COLUMNS.title])).toEqual([
        NON_ASCII,
        "'=SUM(A1:A3) budget lines, published",
        'Publish the algorithm audit',
      ]);
      const json = (await exported('commitments.json?member=ZTL')).body;
      expect(json.map((c: any) => c.title)).toEqual([
        NON_ASCII,
        '=SUM(A1:A3) budget lines, published',
        'Publish the algorithm audit',
      ]);
      // Imported values too: accents, dashes and quotes as the file wrote them.
      const traps = readCsv((await exported('commitments.csv?member=ALB')).text).rows;
      expect(traps.find((r) => r[IRM_COLUMNS.code] === 'AL0004')?.[IRM_COLUMNS.fullText]).toBe(
        'Público: participación ciudadana en la identidad digital — “e-ID” für alle.',
      );
      expect(traps.find((r) => r[IRM_COLUMNS.code] === 'AL0005')?.[IRM_COLUMNS.title]).toBe(
        `'=HYPERLINK("http://example.org","Open budgets")`,
      );
      const arba = readCsv((await exported('commitments.csv?member=ARBA')).text).rows;
      expect(arba.map((r) => r[IRM_COLUMNS.leadInstitution])).toEqual([
        'Secretaría de Innovación',
        'Secretaría de Innovación',
      ]);
      // Every text cell that starts like a formula, in every export, is guarded.
      for (const name of EXPORTS) {
        for (const row of parseCsv((await exported(`${name}.csv`)).text).rows)
          for (const cell of row.cells) expect(/^[=+@\t\r]/.test(cell) || /^-[^\d]/.test(cell)).toBe(false);
      }
    });

    it('round-trips commitments made through the API: their export, imported, changes nothing', async () => {
      const csv = (await exported('commitments.csv?member=ZTL')).text;
      const before = await snapshot();
      const auditBefore = await countRows(api, 'audit_log');
      const job = await importFile(csv);
      expect(job.status).toBe('SUCCEEDED');
      expect(job.report).toMatchObject({
        applied: true,
        errors: [],
        starDisagreements: [],
        members: { created: 0, updated: 0, unchanged: 1 },
        actionPlans: { created: 0, updated: 0, unchanged: 1 },
        institutions: { created: 0, updated: 0 },
        tags: { created: 0, updated: 0 },
        commitments: { created: 0, updated: 0, unchanged: 3 },
        assessments: { created: 0, superseded: 0, unchanged: 1 },
      });
      expect(await snapshot()).toEqual(before);
      expect(await countRows(api, 'audit_log')).toBe(auditBefore);
      // The reviewer's ratings that OGP's columns do not carry (on time) are kept as they were.
      const [a] = (await walk(api.anonymous, '/api/v1/commitments/ZT0001/assessments')).items;
      expect(a).toMatchObject({
        status: 'PUBLISHED',
        summary: 'Rated by the reviewer.',
        indicators: { onTime: true },
      });
      expect((await api.get('/api/v1/commitments/ZT0001')).body.contact).toMatchObject(CONTACT);
    });
  });

  describe('a file of 2,000 rows', () => {
    const ROWS = 2000;
    const MEMBERS = 20;
    const header = [...Object.values(IRM_COLUMNS), 'Open Data', 'Digital Participation'];

    /**
     * 20 members of two plans each, 100 commitments a member: each rated in a legacy progress report,
     * one in ten in an end-of-term report too; one in ten with an e-mail address in its text.
     */
    function bigFile(): string {
      const C = IRM_COLUMNS;
      const lines = [csvLine(header)];
      for (let i = 0; i < ROWS; i += 1) {
        const m = Math.floor(i / (ROWS / MEMBERS));
        const letter = String.fromCharCode(65 + m);
        const n = (i % (ROWS / MEMBERS)) + 1;
        const plan = n <= 50 ? 1 : 2;
        const year = plan === 1 ? 2016 : 2018;
        const row: Record<string, string | number> = {
          [C.code]: `Q${letter}${String(n).padStart(4, '0')}`,
          [C.memberName]: `Member ${letter}`,
          [C.memberCode]: `Q${letter}X`,
          [C.region]: ['Europe', 'Americas', 'Asia and the Pacific', 'Africa and the Middle East'][m % 4],
          [C.nationalOrLocal]: 'National',
          [C.planId]: `AP_Q${letter}X0${plan}`,
          [C.planNumber]: plan,
          [C.number]: String(n),
          [C.yearOfSubmission]: year,
          [C.planEndYear]: year + 2,
          [C.planDuration]: 2,
          [C.title]: `Commitment ${n} of member ${letter}: open data on public contracts`,
          [C.fullText]:
            n % 10 === 0
              ? `Contact desk${n}@member${letter.toLowerCase()}.example.org for the register.`
              : 'Publish every contract.',
          [C.startDate]: `${(n % 12) + 1}/1/${year}`,
          [C.endDate]: n % 3 === 0 ? `${year + 2}` : `June ${year + 2}`,
          [C.leadInstitution]: `Agency ${n % 7}`,
          [C.supportingInstitutions]: n % 2 === 0 ? `Civil Society Forum; University ${n % 5}` : '',
          'Open Data': n % 2,
          'Digital Participation': (n + 1) % 2,
          [C.specificity]: ['Low', 'Medium', 'High', 'ND'][n % 4],
          [C.valueAccessToInformation]: n % 3 === 0 ? 'Yes' : 'No',
          [C.valueCivicParticipation]: n % 2 === 0 ? 'Yes' : 'NR',
          [C.valuePublicAccountability]: 'No',
          [C.valueTechnology]: 'Yes',
          [C.potentialImpact]: ['Minor', 'Moderate', 'Transformative'][n % 3],
          [C.completionProgressReport]: ['Limited', 'Substantial', 'Complete', 'Not Started'][n % 4],
          [C.completionEndOfTerm]: n % 10 === 0 ? 'Complete' : '',
          [C.didItOpenGovernment]: n % 10 === 0 ? 'Marginal' : '',
          [C.url]: `https://www.opengovpartnership.org/commitments/Q${letter}${n}/`,
        };
        lines.push(csvLine(header.map((column) => row[column] ?? '')));
      }
      return lines.join('');
    }

    it('imports in seconds, not minutes, and a second import changes nothing', async () => {
      const csv = bigFile();
      const started = Date.now();
      const job = await importFile(csv);
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`open data (${ENGINE}): ${ROWS} IRM rows imported in ${seconds.toFixed(1)} s\n`);
      expect(job.status).toBe('SUCCEEDED');
      expect(job.report).toMatchObject({
        applied: true,
        errors: [],
        rows: ROWS,
        members: { created: MEMBERS },
        actionPlans: { created: MEMBERS * 2 },
        commitments: { created: ROWS, updated: 0, unchanged: 0 },
      });
      expect(job.report.assessments.created).toBeGreaterThanOrEqual(ROWS);
      expect(seconds).toBeLessThan(60);
      expect(await countRows(api, 'commitment', "code LIKE 'Q%'")).toBe(ROWS);
      expect((await api.anonymous.get('/api/v1/commitments/QT0100')).body).toMatchObject({
        member: { code: 'QTX' },
        actionPlan: { sequenceNumber: 2 },
        tags: ['digital-participation'],
      });

      const before = await snapshot();
      const again = Date.now();
      const second = await importFile(csv);
      process.stdout.write(
        `open data (${ENGINE}): the same ${ROWS} rows again (no change) in ${((Date.now() - again) / 1000).toFixed(1)} s\n`,
      );
      expect(second.report).toMatchObject({
        applied: true,
        errors: [],
        members: { created: 0, updated: 0, unchanged: MEMBERS },
        actionPlans: { created: 0, updated: 0, unchanged: MEMBERS * 2 },
        institutions: { created: 0, updated: 0 },
        commitments: { created: 0, updated: 0, unchanged: ROWS },
        assessments: { created: 0, superseded: 0 },
      });
      expect(await snapshot()).toEqual(before);
    });
  });
});
