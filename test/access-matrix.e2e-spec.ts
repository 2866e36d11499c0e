import { createHash, randomBytes } from 'node:crypto';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import {
  type Permission,
  PERMISSIONS,
  PUBLIC_ROUTE,
  ROUTE_PERMISSION,
} from '../src/common/auth/route-access.js';
import { ImportJobsService } from '../src/modules/open-data/import-jobs.service.js';
import { countRows, expectProblem } from './support/assertions.js';
import { aMember, aMilestone, anInstitution, aTag, commitmentBody } from './support/factories.js';
import { ENGINE, type Response, TestApp } from './support/test-app.js';

// Who may call what (DESIGN.md section 2), as data: every route of the OpenAPI document, called by
// every kind of caller, with the answer the rules give. A route that is added without a row here
// fails the coverage test; a refusal must leave every record, and the audit log, as it was.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Role = 'admin' | 'government_poc' | 'civil_society' | 'assessor';

/** The callers of the matrix. */
const IDENTITIES = [
  'anonymous',
  'admin',
  'pocA',
  'pocB',
  'civil_society',
  'civil_society_2',
  'assessor',
  'expired',
  'revoked',
  'unknown',
  'inactive',
  'malformed',
] as const;
type Identity = (typeof IDENTITIES)[number];

/** The role of each signed-in caller whose token works. */
const ROLE_OF: Partial<Record<Identity, Role>> = {
  admin: 'admin',
  pocA: 'government_poc',
  pocB: 'government_poc',
  civil_society: 'civil_society',
  civil_society_2: 'civil_society',
  assessor: 'assessor',
};

/** The civil-society organisations of the matrix: 1 (the `civil_society` caller's) and 2. */
type Organisation = 1 | 2;
const ORGANISATION_OF: Partial<Record<Identity, Organisation>> = { civil_society: 1, civil_society_2: 2 };

/** Callers whose token must not work, whatever the route (public ones included): the 401 code. */
const REFUSED_TOKEN: Partial<Record<Identity, string>> = {
  expired: 'auth.expired_token',
  revoked: 'auth.revoked_token',
  unknown: 'auth.unknown_token',
  inactive: 'auth.inactive_user',
  malformed: 'auth.malformed_token',
};

/** The rules as the brief states them (written out here, not imported from src/). */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  government_poc: [
    'institution.write',
    'action_plan.write',
    'commitment.write',
    'milestone.write',
    'progress.write',
    'evidence.reply',
    'token.own',
  ],
  civil_society: ['evidence.write', 'evidence.reply', 'token.own'],
  assessor: ['assessment.write', 'token.own'],
};

/** Whose records a write touches: member A's, member B's, or no member's. */
type Scope = 'A' | 'B' | 'none';

/**
 * Who, besides an admin, may write a record under each rule checked on the record: `members`, who
 * acts for the record's member; `organisation`, whether the civil-society users of the organisation
 * that gave the record (evidence) may. Under `member`, the member's point of contact; under `assess`,
 * an assessor assigned to it (the assessor of the matrix is assigned to member A only); under
 * `submitter`, the organisation that gave the evidence; under `reply`, the point of contact of the
 * commitment's member and the organisation that gave the evidence.
 */
type RecordRule = 'member' | 'assess' | 'submitter' | 'reply';
const ACTS_FOR: Record<RecordRule, { members: Partial<Record<Identity, Scope>>; organisation: boolean }> = {
  member: { members: { pocA: 'A', pocB: 'B' }, organisation: false },
  assess: { members: { assessor: 'A' }, organisation: false },
  submitter: { members: {}, organisation: true },
  reply: { members: { pocA: 'A', pocB: 'B' }, organisation: true },
};

interface Outcome {
  status: number;
  code?: string;
}

interface BuiltRequest {
  url: string;
  /** JSON, or a raw payload sent as it is: bytes (a Buffer) or text (a string, e.g. CSV). */
  body?: unknown;
  headers?: Record<string, string>;
}

interface RouteCase {
  method: Method;
  /** The path exactly as the OpenAPI document names it. */
  path: string;
  /** Tells apart two rows of one route (e.g. the same write on another member's record). */
  variant?: string;
  access: 'public' | Permission;
  /** For writes checked on the record: whose record it is. */
  scope?: Scope;
  /** For writes checked on the record: who acts for its member (`member` unless told). */
  rule?: RecordRule;
  /** For writes checked on evidence: the organisation that gave it (none: a group without an account). */
  organisation?: Organisation;
  /** The resource type a DENIED audit entry names. */
  deniedType?: string;
  /** The status of an allowed call (202: accepted as a job). */
  ok: 200 | 201 | 202;
  /** The audit entries an allowed call adds (unless told: one for a write, none for a read). */
  audited?: number;
  /**
   * A valid request, built afresh for each call (unique values, current ETag), for this caller when
   * the body depends on who sends it.
   */
  build: (who: Identity) => Promise<BuiltRequest>;
  /** What an allowed call's answer must hold besides its status. */
  answer?: (res: Response, who: Identity) => void;
  /** What a refused call must leave unchanged (besides the audit log). */
  state?: () => Promise<unknown>;
  /** An answer the general rules do not give (undefined: the general rules apply). */
  special?: (who: Identity) => Outcome | undefined;
}

function expected(route: RouteCase, who: Identity): Outcome {
  const refused = REFUSED_TOKEN[who];
  if (refused) return { status: 401, code: refused };
  const special = route.special?.(who);
  if (special) return special;
  if (route.access === 'public') return { status: route.ok };
  const role = ROLE_OF[who];
  if (role === undefined) return { status: 401, code: 'auth.required' };
  if (!ROLE_PERMISSIONS[role].includes(route.access)) return { status: 403, code: 'access.forbidden' };
  if (role === 'admin' || route.scope === undefined) return { status: route.ok };
  const acts = ACTS_FOR[route.rule ?? 'member'];
  const own =
    (route.scope !== 'none' && acts.members[who] === route.scope) ||
    (acts.organisation && route.organisation !== undefined && ORGANISATION_OF[who] === route.organisation);
  return own ? { status: route.ok } : { status: 403, code: 'access.denied' };
}

describe(`access matrix (${ENGINE})`, () => {
  let api: TestApp;

  // Fixtures, created in beforeAll; the route table's builders read them when a test runs.
  const fx: Record<string, any> = {};
  const authorization: Partial<Record<Identity, string>> = {};
  const userIdOf: Partial<Record<Identity, string>> = {};

  let sequence = 0;
  const unique = () => `${Date.now().toString(36)}${(sequence += 1)}`;
  const nextPlanNumber: Record<'A' | 'B', number> = { A: 10, B: 10 };
  let memberCodes = 0;
  /** Codes NAA, NAB, ...: no fixture uses them. */
  const freeMemberCode = () => {
    const n = (memberCodes += 1);
    return `N${String.fromCharCode(65 + Math.floor(n / 26), 65 + (n % 26))}`;
  };

  const row = async (table: string, id: string) =>
    (await api.query(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0];
  const count = (table: string) => () => countRows(api, table);
  const etagOf = async (url: string): Promise<string> => {
    const res = await api.get(url);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.text}`);
    return String(res.headers.etag);
  };
  const patchOf = async (url: string, body: unknown): Promise<BuiltRequest> => ({
    url,
    body,
    headers: { 'if-match': await etagOf(url) },
  });
  const get = (url: () => string) => async (): Promise<BuiltRequest> => ({ url: url() });

  const member = (s: 'A' | 'B') => fx[`member${s}`];

  /** Calls as `who`: their Authorization header, or none. A Buffer or string body is sent as it is. */
  const callAs = async (who: Identity, req: BuiltRequest, method: Method): Promise<Response> => {
    const header = authorization[who];
    const headers = { ...(header ? { authorization: header } : {}), ...(req.headers ?? {}) };
    if (!Buffer.isBuffer(req.body) && typeof req.body !== 'string')
      return api.anonymous.request(method, req.url, req.body, { headers });
    const res = await api.app.inject({ method, url: req.url, headers, payload: req.body });
    const json = String(res.headers['content-type'] ?? '').includes('json') && res.body.length > 0;
    return {
      status: res.statusCode,
      headers: res.headers,
      body: json ? JSON.parse(res.body) : undefined,
      text: res.body,
    };
  };
  const memberOf = (s: 'A' | 'B') => ({ A: 'member A', B: 'member B' })[s];

  /** A draft as an assessor starts one: one indicator rated, not yet complete enough to publish. */
  const DRAFT_ASSESSMENT = {
    framework: 'IRM_LEGACY',
    product: 'PROGRESS_REPORT',
    indicators: { specificity: 'HIGH' },
  };
  /** Every indicator of a legacy progress report rated, or null with a reason: ready to publish. */
  const COMPLETE_ASSESSMENT = {
    framework: 'IRM_LEGACY',
    product: 'PROGRESS_REPORT',
    indicators: {
      specificity: 'HIGH',
      relevanceAccessToInformation: true,
      relevanceCivicParticipation: true,
      relevancePublicAccountability: false,
      relevanceTechnology: false,
      potentialImpact: 'MODERATE',
      completion: null,
      onTime: false,
    },
    nullReasons: { completion: 'UNCLEAR' },
  };
  /** A draft assessment of a commitment, written by an admin. */
  const aDraft = async (commitmentCode: string, body: object = DRAFT_ASSESSMENT): Promise<any> => {
    const res = await api.post(`/api/v1/commitments/${commitmentCode}/assessments`, body);
    if (res.status !== 201) throw new Error(`assessment: ${res.status} ${res.text}`);
    return res.body;
  };
  const publishUrl = (assessmentId: string) => `/api/v1/assessments/${assessmentId}/publish`;
  let freshCommitments = 0;
  /**
   * A new commitment of member A or B (codes PA0001, PB0002, ...): one published assessment per
   * commitment and report, so each publication gets a commitment of its own.
   */
  const aFreshCommitment = async (s: 'A' | 'B'): Promise<any> => {
    const code = `P${s}${String((freshCommitments += 1)).padStart(4, '0')}`;
    const res = await api.post(
      `/api/v1/action-plans/${fx[`plan${s}`].id}/commitments`,
      commitmentBody({ code }),
    );
    if (res.status !== 201) throw new Error(`commitment: ${res.status} ${res.text}`);
    return res.body;
  };

  /** A tiny file of OGP's IRM data export, as the import takes it. */
  const IRM_CSV = [
    'Commitment Unique Identifier,Country/Locality,Code,Region,National Or Local,Action Plan Number,Commitment Number,Commitment Title,Year Of Submission',
    'IM0001,Importland,IMX,Europe,National,1,1,Open the register of imports,2024',
    '',
  ].join('\r\n');
  const CSV = { 'content-type': 'text/csv' };
  /** A finished import job (a dry run of IRM_CSV, started by an admin once). */
  const anImportJob = async (): Promise<string> => {
    if (!fx.importJob) {
      const started = await callAs(
        'admin',
        { url: '/api/v1/imports/irm?dryRun=true', body: IRM_CSV, headers: CSV },
        'POST',
      );
      if (started.status !== 202) throw new Error(`import: ${started.status} ${started.text}`);
      fx.importJob = started.body;
    }
    await api.app.get(ImportJobsService).settle();
    return fx.importJob.id;
  };

  /** A document as civil society uploads one: a (tiny) PDF. */
  const PDF = Buffer.from('%PDF-1.7\n%test\n');
  const RAW = { 'content-type': 'application/octet-stream' };
  /** Who evidence comes from when an admin submits it: a group without an account. */
  const GROUP = { organisationName: 'Riverside Residents Association' };
  const organisation = (o: Organisation) => fx[o === 1 ? 'organisation' : 'organisation2'];
  /** Evidence as its submitter sends it; an admin adds who it comes from (e.g. GROUP). */
  const evidenceBody = (from: object = {}) => ({
    type: 'SOCIAL_AUDIT',
    title: `Social audit ${unique()}`,
    summary: 'Residents checked the register against what the government reported.',
    stance: 'CONFIRMS',
    ...from,
  });
  /** An evidence item on a commitment, submitted by `as` (an admin, naming a group, unless told). */
  const anEvidence = async (
    commitmentCode: string,
    as: TestApp = api,
    from: object = GROUP,
  ): Promise<any> => {
    const res = await as.post(`/api/v1/commitments/${commitmentCode}/evidence`, evidenceBody(from));
    if (res.status !== 201) throw new Error(`evidence: ${res.status} ${res.text}`);
    return res.body;
  };

  /** The writes checked on the record, on the records of member A or of member B. */
  const memberWrites = (s: 'A' | 'B'): RouteCase[] => {
    const variant = `(${memberOf(s)})`;
    return [
      {
        method: 'POST',
        path: '/api/v1/institutions',
        variant,
        access: 'institution.write',
        scope: s,
        deniedType: 'institution',
        ok: 201,
        build: async () => ({
          url: '/api/v1/institutions',
          body: { name: `Agency ${unique()}`, type: 'GOVERNMENT_AGENCY', member: member(s).code },
        }),
        state: count('institution'),
      },
      {
        method: 'PATCH',
        path: '/api/v1/institutions/{id}',
        variant,
        access: 'institution.write',
        scope: s,
        deniedType: 'institution',
        ok: 200,
        build: () =>
          patchOf(`/api/v1/institutions/${fx[`institution${s}`].id}`, { name: `Agency ${unique()}` }),
        state: () => row('institution', fx[`institution${s}`].id),
      },
      {
        method: 'POST',
        path: '/api/v1/members/{member}/action-plans',
        variant,
        access: 'action_plan.write',
        scope: s,
        deniedType: 'action_plan',
        ok: 201,
        build: async () => ({
          url: `/api/v1/members/${member(s).code}/action-plans`,
          body: {
            sequenceNumber: (nextPlanNumber[s] += 1),
            title: `Action plan ${unique()}`,
            startDate: '2025-01-01',
            endDate: '2026-12-31',
            status: 'IMPLEMENTING',
          },
        }),
        state: count('action_plan'),
      },
      {
        method: 'PATCH',
        path: '/api/v1/action-plans/{id}',
        variant,
        access: 'action_plan.write',
        scope: s,
        deniedType: 'action_plan',
        ok: 200,
        build: () =>
          patchOf(`/api/v1/action-plans/${fx[`plan${s}`].id}`, { title: `Action plan ${unique()}` }),
        state: () => row('action_plan', fx[`plan${s}`].id),
      },
      {
        method: 'POST',
        path: '/api/v1/action-plans/{id}/forum-meetings',
        variant,
        access: 'action_plan.write',
        scope: s,
        deniedType: 'forum_meeting',
        ok: 201,
        build: async () => ({
          url: `/api/v1/action-plans/${fx[`plan${s}`].id}/forum-meetings`,
          body: { heldOn: '2025-03-01', governmentAttendees: 4, civilSocietyAttendees: 6 },
        }),
        state: count('forum_meeting'),
      },
      {
        method: 'PATCH',
        path: '/api/v1/action-plans/{id}/forum-meetings/{meetingId}',
        variant,
        access: 'action_plan.write',
        scope: s,
        deniedType: 'forum_meeting',
        ok: 200,
        build: () =>
          patchOf(`/api/v1/action-plans/${fx[`plan${s}`].id}/forum-meetings/${fx[`meeting${s}`].id}`, {
            governmentAttendees: (sequence += 1),
          }),
        state: () => row('forum_meeting', fx[`meeting${s}`].id),
      },
      {
        method: 'POST',
        path: '/api/v1/action-plans/{id}/commitments',
        variant,
        access: 'commitment.write',
        scope: s,
        deniedType: 'commitment',
        ok: 201,
        build: async () => ({
          url: `/api/v1/action-plans/${fx[`plan${s}`].id}/commitments`,
          body: commitmentBody({ code: `MX${String((sequence += 1) % 10000).padStart(4, '0')}` }),
        }),
        state: count('commitment'),
      },
      {
        method: 'PATCH',
        path: '/api/v1/commitments/{commitment}',
        variant,
        access: 'commitment.write',
        scope: s,
        deniedType: 'commitment',
        ok: 200,
        build: () =>
          patchOf(`/api/v1/commitments/${fx[`commitment${s}`].code}`, { title: `Commitment ${unique()}` }),
        state: () => row('commitment', fx[`commitment${s}`].id),
      },
      {
        method: 'POST',
        path: '/api/v1/commitments/{commitment}/milestones',
        variant,
        access: 'milestone.write',
        scope: s,
        deniedType: 'milestone',
        ok: 201,
        build: async () => ({
          url: `/api/v1/commitments/${fx[`commitment${s}`].code}/milestones`,
          body: { title: `Milestone ${unique()}`, deliverable: 'A report', dueDate: '2026-09-30' },
        }),
        // Adding a milestone moves the commitment's version: a refusal must not.
        state: async () => ({
          milestones: await countRows(api, 'milestone'),
          commitment: await row('commitment', fx[`commitment${s}`].id),
        }),
      },
      {
        method: 'PATCH',
        path: '/api/v1/milestones/{id}',
        variant,
        access: 'milestone.write',
        scope: s,
        deniedType: 'milestone',
        ok: 200,
        build: () =>
          patchOf(`/api/v1/milestones/${fx[`milestone${s}`].id}`, { title: `Milestone ${unique()}` }),
        state: async () => ({
          milestone: await row('milestone', fx[`milestone${s}`].id),
          commitment: await row('commitment', fx[`commitment${s}`].id),
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/commitments/{commitment}/progress-updates',
        variant,
        access: 'progress.write',
        scope: s,
        deniedType: 'progress_update',
        ok: 201,
        build: async () => ({
          url: `/api/v1/commitments/${fx[`commitment${s}`].code}/progress-updates`,
          body: { reportedCompletion: 'LIMITED', narrative: `Drafting started ${unique()}` },
        }),
        // The update moves the commitment's completion and version: a refusal must not.
        state: async () => ({
          updates: await countRows(api, 'progress_update'),
          commitment: await row('commitment', fx[`commitment${s}`].id),
        }),
      },
      {
        // An update on a milestone moves the milestone's status too, itself audited: two entries.
        method: 'POST',
        path: '/api/v1/commitments/{commitment}/progress-updates',
        variant: `(a milestone of ${memberOf(s)})`,
        access: 'progress.write',
        scope: s,
        deniedType: 'progress_update',
        ok: 201,
        audited: 2,
        build: async () => {
          const milestone = fx[`reportedMilestone${s}`];
          const { status } = await row('milestone', milestone.id);
          return {
            url: `/api/v1/commitments/${fx[`commitment${s}`].code}/progress-updates`,
            body: {
              milestoneId: milestone.id,
              // Always a change of status, so that the milestone moves on every allowed call.
              milestoneStatus: status === 'IN_PROGRESS' ? 'NOT_STARTED' : 'IN_PROGRESS',
              narrative: `Work ${unique()}`,
            },
          };
        },
        state: async () => ({
          updates: await countRows(api, 'progress_update'),
          milestone: await row('milestone', fx[`reportedMilestone${s}`].id),
          commitment: await row('commitment', fx[`commitment${s}`].id),
        }),
      },
      {
        // The progress worksheet is the point of contact's: of their own member only.
        method: 'GET',
        path: '/api/v1/members/{code}/milestones.csv',
        variant,
        access: 'progress.write',
        scope: s,
        deniedType: 'progress_update',
        ok: 200,
        audited: 0,
        build: get(() => `/api/v1/members/${member(s).code}/milestones.csv`),
      },
      {
        // A filled worksheet of one row on a milestone: its update and the milestone's move, two entries.
        method: 'POST',
        path: '/api/v1/members/{code}/progress-updates/import',
        variant,
        access: 'progress.write',
        scope: s,
        deniedType: 'progress_update',
        ok: 201,
        audited: 2,
        build: async () => {
          const milestone = fx[`reportedMilestone${s}`];
          const { status } = await row('milestone', milestone.id);
          const next = status === 'IN_PROGRESS' ? 'NOT_STARTED' : 'IN_PROGRESS';
          return {
            url: `/api/v1/members/${member(s).code}/progress-updates/import`,
            body: `Milestone ID,New Status,Narrative\r\n${milestone.id},${next},Work ${unique()}\r\n`,
            headers: CSV,
          };
        },
        state: async () => ({
          updates: await countRows(api, 'progress_update'),
          milestone: await row('milestone', fx[`reportedMilestone${s}`].id),
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/commitments/{commitment}/assessments',
        variant,
        access: 'assessment.write',
        scope: s,
        rule: 'assess',
        deniedType: 'assessment',
        ok: 201,
        build: async () => ({
          url: `/api/v1/commitments/${fx[`commitment${s}`].code}/assessments`,
          body: { ...DRAFT_ASSESSMENT, summary: `Assessment ${unique()}` },
        }),
        state: count('assessment'),
      },
      {
        method: 'PATCH',
        path: '/api/v1/assessments/{id}',
        variant: `(a draft of ${memberOf(s)})`,
        access: 'assessment.write',
        scope: s,
        rule: 'assess',
        deniedType: 'assessment',
        ok: 200,
        build: () => patchOf(`/api/v1/assessments/${fx[`draft${s}`].id}`, { summary: `Draft ${unique()}` }),
        state: () => row('assessment', fx[`draft${s}`].id),
      },
      {
        // A complete draft on a commitment of its own, built afresh for each call.
        method: 'POST',
        path: '/api/v1/assessments/{id}/publish',
        variant: `(a draft of ${memberOf(s)})`,
        access: 'assessment.write',
        scope: s,
        rule: 'assess',
        deniedType: 'assessment',
        ok: 200,
        build: async () => {
          const commitment = await aFreshCommitment(s);
          const draft = await aDraft(commitment.code, COMPLETE_ASSESSMENT);
          fx.publishing = { assessmentId: draft.id, commitmentId: commitment.id };
          return {
            url: publishUrl(draft.id),
            headers: { 'if-match': await etagOf(`/api/v1/assessments/${draft.id}`) },
          };
        },
        // Publishing moves the commitment's IRM view and version: a refusal must not.
        state: async () => ({
          assessment: await row('assessment', fx.publishing.assessmentId),
          commitment: await row('commitment', fx.publishing.commitmentId),
          published: await countRows(api, 'assessment', "status = 'PUBLISHED'"),
        }),
      },
    ];
  };

  /**
   * The writes checked on an evidence item (public, not hidden): on a commitment of member A or B,
   * given by organisation 1 or 2, or by a group without an account (no civil-society user's then).
   */
  const evidenceWrites = (s: 'A' | 'B', from?: Organisation): RouteCase[] => {
    const item = () => fx[`evidence${from ?? 'Group'}${s}`];
    const variant = `(evidence of ${from ? `organisation ${from}` : 'a group without an account'} on ${memberOf(s)})`;
    return [
      {
        // A new reference each call: a reference never takes other bytes.
        method: 'PUT',
        path: '/api/v1/evidence/{id}/documents/{reference}',
        variant,
        access: 'evidence.write',
        scope: s,
        rule: 'submitter',
        organisation: from,
        deniedType: 'evidence_document',
        ok: 200,
        build: async () => ({
          url: `/api/v1/evidence/${item().id}/documents/audit-${unique()}.pdf`,
          body: PDF,
          headers: RAW,
        }),
        state: async () => ({
          documents: await countRows(api, 'evidence_document', 'evidence_id = $1', [item().id]),
          evidence: await row('evidence', item().id),
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/evidence/{id}/replies',
        variant,
        access: 'evidence.reply',
        scope: s,
        rule: 'reply',
        organisation: from,
        deniedType: 'evidence_reply',
        ok: 201,
        build: async () => ({
          url: `/api/v1/evidence/${item().id}/replies`,
          body: { body: `Our reply ${unique()}` },
        }),
        // A reply moves the evidence's version: a refusal must not.
        state: async () => ({
          replies: await countRows(api, 'evidence_reply', 'evidence_id = $1', [item().id]),
          evidence: await row('evidence', item().id),
        }),
      },
    ];
  };

  const ROUTES: RouteCase[] = [
    // Health: public, outside the /api/v1 prefix.
    { method: 'GET', path: '/health', access: 'public', ok: 200, build: get(() => '/health') },
    { method: 'GET', path: '/health/ready', access: 'public', ok: 200, build: get(() => '/health/ready') },

    // Audit log: admins only.
    {
      method: 'GET',
      path: '/api/v1/audit',
      access: 'audit.read',
      ok: 200,
      build: get(() => '/api/v1/audit'),
    },
    {
      method: 'GET',
      path: '/api/v1/audit/verify',
      access: 'audit.read',
      ok: 200,
      build: get(() => '/api/v1/audit/verify'),
    },

    // Organisations and users: admins only.
    {
      method: 'GET',
      path: '/api/v1/organisations',
      access: 'access.manage',
      ok: 200,
      build: get(() => '/api/v1/organisations'),
    },
    {
      method: 'POST',
      path: '/api/v1/organisations',
      access: 'access.manage',
      ok: 201,
      build: async () => ({
        url: '/api/v1/organisations',
        body: { name: `Transparency Watch ${unique()}`, type: 'CIVIL_SOCIETY' },
      }),
      state: count('organisation'),
    },
    {
      method: 'GET',
      path: '/api/v1/organisations/{id}',
      access: 'access.manage',
      ok: 200,
      build: get(() => `/api/v1/organisations/${fx.organisation.id}`),
    },
    {
      method: 'PATCH',
      path: '/api/v1/organisations/{id}',
      access: 'access.manage',
      ok: 200,
      build: () =>
        patchOf(`/api/v1/organisations/${fx.organisation.id}`, { name: `Transparency Watch ${unique()}` }),
      state: () => row('organisation', fx.organisation.id),
    },
    {
      method: 'GET',
      path: '/api/v1/users',
      access: 'access.manage',
      ok: 200,
      build: get(() => '/api/v1/users'),
    },
    {
      method: 'POST',
      path: '/api/v1/users',
      access: 'access.manage',
      ok: 201,
      build: async () => {
        const name = unique();
        return {
          url: '/api/v1/users',
          body: { name: `Assessor ${name}`, email: `assessor.${name}@example.org`, role: 'assessor' },
        };
      },
      state: count('app_user'),
    },
    {
      method: 'GET',
      path: '/api/v1/users/{id}',
      access: 'access.manage',
      ok: 200,
      build: get(() => `/api/v1/users/${fx.spareUser.id}`),
    },
    {
      method: 'PATCH',
      path: '/api/v1/users/{id}',
      access: 'access.manage',
      ok: 200,
      build: () => patchOf(`/api/v1/users/${fx.spareUser.id}`, { name: `Spare ${unique()}` }),
      state: () => row('app_user', fx.spareUser.id),
    },
    {
      method: 'GET',
      path: '/api/v1/users/{id}/tokens',
      access: 'access.manage',
      ok: 200,
      build: get(() => `/api/v1/users/${userIdOf.pocA}/tokens`),
    },
    {
      method: 'POST',
      path: '/api/v1/users/{id}/tokens',
      access: 'access.manage',
      ok: 201,
      build: async () => ({
        url: `/api/v1/users/${fx.spareUser.id}/tokens`,
        body: { name: `Sync ${unique()}` },
      }),
      state: count('api_token'),
    },

    // Your own tokens: every signed-in user.
    { method: 'GET', path: '/api/v1/me', access: 'token.own', ok: 200, build: get(() => '/api/v1/me') },
    {
      method: 'GET',
      path: '/api/v1/me/tokens',
      access: 'token.own',
      ok: 200,
      build: get(() => '/api/v1/me/tokens'),
    },
    {
      // A spare token of the POC of member A: theirs to revoke, and any admin's; anyone else's
      // attempt is answered as if it did not exist.
      method: 'POST',
      path: '/api/v1/tokens/{id}/revoke',
      variant: "(a token of member A's POC)",
      access: 'token.own',
      ok: 200,
      build: async () => {
        const issued = await api.post(`/api/v1/users/${userIdOf.pocA}/tokens`, { name: `Spare ${unique()}` });
        if (issued.status !== 201) throw new Error(`token: ${issued.status} ${issued.text}`);
        fx.spareTokenId = issued.body.id;
        return { url: `/api/v1/tokens/${issued.body.id}/revoke` };
      },
      state: () => row('api_token', fx.spareTokenId),
      special: (who) =>
        who === 'pocB' || who === 'civil_society' || who === 'civil_society_2' || who === 'assessor'
          ? { status: 404, code: 'token.not_found' }
          : undefined,
    },

    // Members and tags: admins write; everyone reads.
    {
      method: 'GET',
      path: '/api/v1/members',
      access: 'public',
      ok: 200,
      build: get(() => '/api/v1/members'),
    },
    {
      method: 'POST',
      path: '/api/v1/members',
      access: 'member.write',
      ok: 201,
      build: async () => ({
        url: '/api/v1/members',
        body: { code: freeMemberCode(), name: 'Newland', type: 'NATIONAL', region: 'EUROPE' },
      }),
      state: count('member'),
    },
    {
      method: 'GET',
      path: '/api/v1/members/{member}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/members/${member('A').code}`),
    },
    {
      method: 'PATCH',
      path: '/api/v1/members/{member}',
      access: 'member.write',
      ok: 200,
      build: () => patchOf(`/api/v1/members/${member('A').code}`, { name: `Aland ${unique()}` }),
      state: () => row('member', member('A').id),
    },
    { method: 'GET', path: '/api/v1/tags', access: 'public', ok: 200, build: get(() => '/api/v1/tags') },
    {
      method: 'POST',
      path: '/api/v1/tags',
      access: 'tag.write',
      ok: 201,
      build: async () => ({ url: '/api/v1/tags', body: { label: `Open Data ${unique()}` } }),
      state: count('policy_area_tag'),
    },
    {
      method: 'GET',
      path: '/api/v1/tags/{slug}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/tags/${fx.tag.slug}`),
    },

    // Institutions.
    {
      method: 'GET',
      path: '/api/v1/institutions',
      access: 'public',
      ok: 200,
      build: get(() => '/api/v1/institutions'),
    },
    {
      method: 'GET',
      path: '/api/v1/institutions/{id}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/institutions/${fx.institutionA.id}`),
    },
    {
      // An institution of no member (an international body): admins only.
      method: 'POST',
      path: '/api/v1/institutions',
      variant: '(no member)',
      access: 'institution.write',
      scope: 'none',
      deniedType: 'institution',
      ok: 201,
      build: async () => ({
        url: '/api/v1/institutions',
        body: { name: `Bank ${unique()}`, type: 'MULTILATERAL' },
      }),
      state: count('institution'),
    },
    {
      method: 'PATCH',
      path: '/api/v1/institutions/{id}',
      variant: '(no member)',
      access: 'institution.write',
      scope: 'none',
      deniedType: 'institution',
      ok: 200,
      build: () => patchOf(`/api/v1/institutions/${fx.institutionNone.id}`, { name: `Bank ${unique()}` }),
      state: () => row('institution', fx.institutionNone.id),
    },

    // Action plans, forum meetings, commitments, milestones: published reads.
    {
      method: 'GET',
      path: '/api/v1/action-plans',
      access: 'public',
      ok: 200,
      build: get(() => '/api/v1/action-plans'),
    },
    {
      method: 'GET',
      path: '/api/v1/members/{member}/action-plans',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/members/${member('A').code}/action-plans`),
    },
    {
      method: 'GET',
      path: '/api/v1/action-plans/{id}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/action-plans/${fx.planA.id}`),
    },
    {
      method: 'GET',
      path: '/api/v1/action-plans/{id}/forum-meetings',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/action-plans/${fx.planA.id}/forum-meetings`),
    },
    {
      method: 'GET',
      path: '/api/v1/action-plans/{id}/forum-meetings/{meetingId}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/action-plans/${fx.planA.id}/forum-meetings/${fx.meetingA.id}`),
    },
    {
      method: 'GET',
      path: '/api/v1/commitments',
      access: 'public',
      ok: 200,
      build: get(() => '/api/v1/commitments'),
    },
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}`),
    },
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/history',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/history`),
    },
    {
      method: 'GET',
      path: '/api/v1/action-plans/{id}/commitments',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/action-plans/${fx.planA.id}/commitments`),
    },
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/milestones',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/milestones`),
    },
    {
      method: 'GET',
      path: '/api/v1/milestones/{id}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/milestones/${fx.milestoneA.id}`),
    },

    // Progress updates and the timeline: public reads; an update is never changed (405 for every
    // caller whose token works, whoever they are).
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/progress-updates',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/progress-updates`),
    },
    {
      method: 'GET',
      path: '/api/v1/progress-updates/{id}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/progress-updates/${fx.updateA.id}`),
    },
    ...(['PATCH', 'DELETE'] as const).map((method): RouteCase => ({
      method,
      path: '/api/v1/progress-updates/{id}',
      access: 'public',
      ok: 200,
      build: async () => ({
        url: `/api/v1/progress-updates/${fx.updateA.id}`,
        ...(method === 'PATCH' ? { body: { narrative: `Rewritten ${unique()}` } } : {}),
      }),
      state: async () => ({
        update: await row('progress_update', fx.updateA.id),
        updates: await countRows(api, 'progress_update'),
        commitment: await row('commitment', fx.commitmentA.id),
      }),
      special: () => ({ status: 405, code: 'progress_update.append_only' }),
    })),
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/timeline',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/timeline`),
    },

    // Assessments: published ones are public (drafts: see "assessment drafts" below).
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/assessments',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/assessments`),
    },
    {
      method: 'GET',
      path: '/api/v1/assessments/{id}',
      variant: '(published)',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/assessments/${fx.publishedA.id}`),
    },

    // Their writes, on member A's records and on member B's.
    ...memberWrites('A'),
    ...memberWrites('B'),

    // Civic oversight evidence: public, unhidden items (and their documents) are read by everyone.
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/evidence',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/evidence`),
    },
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/agreement',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/agreement`),
    },
    // The lens: SMART checks, plan dashboards and the comparison of members read what is public.
    {
      method: 'GET',
      path: '/api/v1/commitments/{commitment}/smart',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/commitments/${fx.commitmentA.code}/smart`),
    },
    {
      method: 'POST',
      path: '/api/v1/smart-check',
      access: 'public',
      ok: 200,
      audited: 0,
      build: async () => ({
        url: '/api/v1/smart-check',
        body: { title: 'Publish the register of data-sharing agreements', actionPlanId: fx.planA.id },
      }),
      state: () => countRows(api, 'commitment'),
    },
    {
      method: 'GET',
      path: '/api/v1/action-plans/{id}/dashboard',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/action-plans/${fx.planA.id}/dashboard`),
    },
    {
      method: 'GET',
      path: '/api/v1/compare',
      access: 'public',
      ok: 200,
      build: get(() => '/api/v1/compare?value=ACCESS_TO_INFORMATION'),
    },
    {
      method: 'GET',
      path: '/api/v1/evidence/{id}',
      access: 'public',
      ok: 200,
      build: get(() => `/api/v1/evidence/${fx.evidence1A.id}`),
    },
    {
      // The bytes themselves, not JSON.
      method: 'GET',
      path: '/api/v1/evidence/{id}/documents/{reference}',
      access: 'public',
      ok: 200,
      build: get(() => fx.document.download),
      answer: (res) => {
        expect(String(res.headers['content-type'])).toMatch(/^application\/pdf/);
        expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(PDF).digest('hex'));
        expect(res.text).toBe(PDF.toString());
      },
    },
    {
      // Civil society submits for its own organisation, which comes from the account (naming one is
      // refused); an admin names who the evidence comes from. Anyone else sends the admin's body.
      method: 'POST',
      path: '/api/v1/commitments/{commitment}/evidence',
      access: 'evidence.write',
      ok: 201,
      build: async (who) => ({
        url: `/api/v1/commitments/${fx.commitmentA.code}/evidence`,
        body: evidenceBody(ROLE_OF[who] === 'civil_society' ? {} : GROUP),
      }),
      answer: (res, who) => {
        const from = ORGANISATION_OF[who];
        expect(res.body.organisation).toEqual(
          from
            ? { id: organisation(from).id, name: expect.any(String) }
            : { id: null, name: GROUP.organisationName },
        );
      },
      // Evidence may move the commitment's agreement, and so its version: a refusal must not.
      state: async () => ({
        evidence: await countRows(api, 'evidence'),
        commitment: await row('commitment', fx.commitmentA.id),
      }),
    },
    // Documents and replies, checked on the item: its organisation's civil-society users add
    // documents; they and the commitment's member's point of contact reply.
    ...evidenceWrites('A', 1),
    ...evidenceWrites('B', 2),
    ...evidenceWrites('A'),
    {
      // Moderation: admins only. A fresh item each call: an item is hidden once.
      method: 'POST',
      path: '/api/v1/evidence/{id}/hide',
      access: 'evidence.moderate',
      ok: 200,
      build: async () => {
        fx.hiding = await anEvidence(fx.commitmentA.code);
        return {
          url: `/api/v1/evidence/${fx.hiding.id}/hide`,
          body: { reason: `Personal data ${unique()}` },
        };
      },
      // Hiding may move the commitment's agreement, and so its version: a refusal must not.
      state: async () => ({
        evidence: await row('evidence', fx.hiding.id),
        commitment: await row('commitment', fx.commitmentA.id),
      }),
    },
    {
      // A fresh item with one reply each call: a reply is hidden once.
      method: 'POST',
      path: '/api/v1/evidence-replies/{id}/hide',
      access: 'evidence.moderate',
      ok: 200,
      build: async () => {
        const evidence = await anEvidence(fx.commitmentA.code);
        const replied = await api.post(`/api/v1/evidence/${evidence.id}/replies`, { body: 'Abusive words' });
        if (replied.status !== 201) throw new Error(`reply: ${replied.status} ${replied.text}`);
        fx.hidingReply = replied.body.replies[0];
        return {
          url: `/api/v1/evidence-replies/${fx.hidingReply.id}/hide`,
          body: { reason: `Abuse ${unique()}` },
        };
      },
      state: () => row('evidence_reply', fx.hidingReply.id),
    },

    // Open data in: the import of OGP's IRM data export, admins only. A dry run, so that the job
    // (which runs after the answer) writes nothing and no audit entry; jobs are awaited before each call.
    {
      method: 'POST',
      path: '/api/v1/imports/irm',
      access: 'data.import',
      ok: 202,
      audited: 0,
      build: async () => {
        await api.app.get(ImportJobsService).settle();
        return { url: '/api/v1/imports/irm?dryRun=true', body: IRM_CSV, headers: CSV };
      },
      // The job runs after the answer: still running, or (on a fast engine) already done.
      answer: (res) =>
        expect(res.body).toMatchObject({
          kind: 'IRM',
          dryRun: true,
          status: expect.stringMatching(/^(RUNNING|SUCCEEDED)$/),
        }),
      state: count('import_job'),
    },
    {
      method: 'GET',
      path: '/api/v1/imports',
      access: 'data.import',
      ok: 200,
      build: get(() => '/api/v1/imports'),
    },
    {
      method: 'GET',
      path: '/api/v1/imports/{id}',
      access: 'data.import',
      ok: 200,
      build: async () => ({ url: `/api/v1/imports/${await anImportJob()}` }),
    },

    // Open data out: every export, CSV and JSON, is public.
    ...(['commitments', 'milestones', 'progress-updates', 'assessments', 'evidence'] as const).flatMap(
      (name) =>
        (['csv', 'json'] as const).map((format): RouteCase => ({
          method: 'GET',
          path: `/api/v1/exports/${name}.${format}`,
          access: 'public',
          ok: 200,
          build: get(() => `/api/v1/exports/${name}.${format}?member=${member('A').code}`),
          answer: (res) =>
            expect(String(res.headers['content-type'])).toBe(
              format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
            ),
        })),
    ),
  ];

  const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

  beforeAll(async () => {
    api = await TestApp.start();

    // Two national members, each with an institution, a plan, a forum meeting, a commitment and a
    // milestone; an institution of no member; a tag; a civil-society organisation.
    fx.memberA = await aMember(api, { code: 'MXA', name: 'Aland' });
    fx.memberB = await aMember(api, { code: 'MXB', name: 'Beland' });
    for (const s of ['A', 'B'] as const) {
      const code = member(s).code;
      fx[`institution${s}`] = await anInstitution(api, { name: `Digital Agency ${s}`, member: code });
      const plan = await api.post(`/api/v1/members/${code}/action-plans`, {
        sequenceNumber: 1,
        title: `First action plan of ${code}`,
        startDate: '2025-01-01',
        endDate: '2026-12-31',
        status: 'IMPLEMENTING',
      });
      expect(plan.status).toBe(201);
      fx[`plan${s}`] = plan.body;
      const meeting = await api.post(`/api/v1/action-plans/${plan.body.id}/forum-meetings`, {
        heldOn: '2025-02-01',
        governmentAttendees: 3,
        civilSocietyAttendees: 5,
      });
      expect(meeting.status).toBe(201);
      fx[`meeting${s}`] = meeting.body;
      const commitment = await api.post(
        `/api/v1/action-plans/${plan.body.id}/commitments`,
        commitmentBody({ code: `M${s}0001` }),
      );
      expect(commitment.status).toBe(201);
      fx[`commitment${s}`] = commitment.body;
      fx[`milestone${s}`] = await aMilestone(api, commitment.body.code, { dueDate: '2026-06-30' });
      // A milestone whose status only progress updates move.
      fx[`reportedMilestone${s}`] = await aMilestone(api, commitment.body.code, {
        title: 'Open data portal launched',
        dueDate: '2026-03-31',
      });
      fx[`draft${s}`] = await aDraft(commitment.body.code);
    }
    const update = await api.post(`/api/v1/commitments/${fx.commitmentA.code}/progress-updates`, {
      reportedCompletion: 'NOT_STARTED',
      narrative: 'The working group has been appointed.',
    });
    expect(update.status).toBe(201);
    fx.updateA = update.body;
    const published = await aDraft(fx.commitmentA.code, COMPLETE_ASSESSMENT);
    const publication = await api.request('POST', publishUrl(published.id), undefined, {
      headers: { 'if-match': await etagOf(`/api/v1/assessments/${published.id}`) },
    });
    expect({ status: publication.status, state: publication.body.status }).toEqual({
      status: 200,
      state: 'PUBLISHED',
    });
    fx.publishedA = publication.body;
    fx.institutionNone = await anInstitution(api, { name: 'World Bank', type: 'MULTILATERAL' });
    fx.tag = await aTag(api, 'Access to Information');
    const organisation = await api.post('/api/v1/organisations', {
      name: 'Open Budget Coalition',
      type: 'CIVIL_SOCIETY',
    });
    expect(organisation.status).toBe(201);
    fx.organisation = organisation.body;
    const organisation2 = await api.post('/api/v1/organisations', {
      name: 'Freedom of Information Network',
      type: 'CIVIL_SOCIETY',
    });
    expect(organisation2.status).toBe(201);
    fx.organisation2 = organisation2.body;

    // The callers.
    const pocA = await api.createUser({
      name: 'POC of A',
      email: 'poc.a@example.org',
      role: 'government_poc',
      member: 'MXA',
    });
    const pocB = await api.createUser({
      name: 'POC of B',
      email: 'poc.b@example.org',
      role: 'government_poc',
      member: 'MXB',
    });
    const civil = await api.createUser({
      name: 'Civil society',
      email: 'cso@example.org',
      role: 'civil_society',
      organisation: fx.organisation.id,
    });
    const civil2 = await api.createUser({
      name: 'Civil society of organisation 2',
      email: 'cso.2@example.org',
      role: 'civil_society',
      organisation: fx.organisation2.id,
    });
    const assessor = await api.createUser({
      name: 'Assessor of A',
      email: 'irm@example.org',
      role: 'assessor',
      assignedMembers: ['MXA'],
    });
    const spare = await api.createUser({ name: 'Spare', email: 'spare@example.org', role: 'assessor' });
    fx.spareUser = spare.user;

    // Tokens that must not work: each of an admin, so that a token let through would succeed.
    const expired = await api.createUser({ name: 'Expired', email: 'expired@example.org', role: 'admin' });
    await api.query(`UPDATE api_token SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expired.tokenId,
    ]);
    const revoked = await api.createUser({ name: 'Revoked', email: 'revoked@example.org', role: 'admin' });
    expect((await api.post(`/api/v1/tokens/${revoked.tokenId}/revoke`, {})).status).toBe(200);
    const inactive = await api.createUser({ name: 'Inactive', email: 'inactive@example.org', role: 'admin' });
    expect((await api.patch(`/api/v1/users/${inactive.user.id}`, { active: false })).status).toBe(200);

    const me = await api.get('/api/v1/me');
    expect(me.status).toBe(200);
    authorization.admin = `Bearer ${api.token}`;
    userIdOf.admin = me.body.id;
    for (const [who, created] of [
      ['pocA', pocA],
      ['pocB', pocB],
      ['civil_society', civil],
      ['civil_society_2', civil2],
      ['assessor', assessor],
      ['expired', expired],
      ['revoked', revoked],
      ['inactive', inactive],
    ] as const) {
      authorization[who] = `Bearer ${created.token}`;
      userIdOf[who] = created.user.id;
    }
    authorization.unknown = `Bearer ct_${randomBytes(32).toString('base64url')}`;
    authorization.malformed = 'Bearer nope';

    // Evidence on member A's commitment given by organisation 1, on member B's given by
    // organisation 2 (each submitted by its civil-society user), and on member A's given by a group
    // without an account (submitted by an admin); a document of the first, uploaded.
    fx.evidence1A = await anEvidence(fx.commitmentA.code, api.as(civil.token), {});
    fx.evidence2B = await anEvidence(fx.commitmentB.code, api.as(civil2.token), {});
    fx.evidenceGroupA = await anEvidence(fx.commitmentA.code);
    const uploaded = await callAs(
      'civil_society',
      { url: `/api/v1/evidence/${fx.evidence1A.id}/documents/shadow-report.pdf`, body: PDF, headers: RAW },
      'PUT',
    );
    expect(uploaded.status).toBe(200);
    fx.document = uploaded.body;
  });

  afterAll(async () => {
    await api.app.get(ImportJobsService).settle();
    await api.close();
  });

  const nonDenied = () => countRows(api, 'audit_log', "action <> 'DENIED'");
  const denied = () => countRows(api, 'audit_log', "action = 'DENIED'");

  it('has a row for every route of the OpenAPI document, and no other', async () => {
    const res = await api.anonymous.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const documented = Object.entries<Record<string, unknown>>(res.body.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'].includes(m))
        .map((m) => routeKey(m, path)),
    );
    const table = [...new Set(ROUTES.map((r) => routeKey(r.method, r.path)))];
    expect(table.sort()).toEqual([...new Set(documented)].sort());
  });

  it('has every handler declare @Public() or @RequirePermission(), one of them, with a known permission', () => {
    const discovery = new DiscoveryService(api.app.get(ModulesContainer));
    const handlers: string[] = [];
    const undeclared: string[] = [];
    const declared = new Set<unknown>();
    for (const wrapper of discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        // Every method of a controller is a route handler.
        expect({
          handler: `${controller.name}.${name}`,
          isRoute: Reflect.hasMetadata(METHOD_METADATA, handler),
        }).toEqual({ handler: `${controller.name}.${name}`, isRoute: true });
        expect(Reflect.hasMetadata(PATH_METADATA, handler)).toBe(true);
        handlers.push(`${controller.name}.${name}`);
        const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) === true;
        const permission: unknown = Reflect.getMetadata(ROUTE_PERMISSION, handler);
        if (isPublic === (permission !== undefined)) undeclared.push(`${controller.name}.${name}`);
        if (permission !== undefined) expect(PERMISSIONS).toContain(permission);
        if (permission !== undefined) declared.add(permission);
      }
    }
    expect(undeclared).toEqual([]);
    // Every permission a route needs is one the matrix's rows check, and the other way round.
    const checked = new Set(ROUTES.map((r) => r.access).filter((a) => a !== 'public'));
    expect([...declared].sort()).toEqual([...checked].sort());
    // As many handlers as the document has operations: none is missed by the walk.
    expect(handlers).toHaveLength(new Set(ROUTES.map((r) => routeKey(r.method, r.path))).size);
  });

  for (const route of ROUTES) {
    describe(`${route.method} ${route.path}${route.variant ? ` ${route.variant}` : ''}`, () => {
      for (const who of IDENTITIES) {
        const outcome = expected(route, who);
        it(`${who} → ${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}`, async () => {
          const req = await route.build(who);
          const stateBefore = await route.state?.();
          const auditBefore = await nonDenied();
          const deniedBefore = await denied();
          const deniedOfCallerBefore =
            userIdOf[who] === undefined
              ? 0
              : await countRows(api, 'audit_log', "action = 'DENIED' AND actor_id = $1", [userIdOf[who]]);

          const res = await callAs(who, req, route.method);

          if (outcome.status < 400) {
            expect({ status: res.status, body: res.status < 400 ? undefined : res.body }).toEqual({
              status: outcome.status,
              body: undefined,
            });
            route.answer?.(res, who);
            // A write is recorded in the audit log; a read is not.
            expect(await nonDenied()).toBe(auditBefore + (route.audited ?? (route.method === 'GET' ? 0 : 1)));
            return;
          }

          expectProblem(res, outcome.status, outcome.code);
          if (outcome.status === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
          // Nothing changed: the target, and the audit log but for the refusal itself.
          if (route.state) expect(await route.state()).toEqual(stateBefore);
          expect(await nonDenied()).toBe(auditBefore);
          if (outcome.code === 'access.denied') {
            expect(await denied()).toBe(deniedBefore + 1);
            const [entry] = await api.query<any>(
              `SELECT actor_id, resource_type FROM audit_log WHERE action = 'DENIED' ORDER BY id DESC LIMIT 1`,
            );
            expect(entry).toEqual({ actor_id: userIdOf[who], resource_type: route.deniedType });
            expect(
              await countRows(api, 'audit_log', "action = 'DENIED' AND actor_id = $1", [userIdOf[who]]),
            ).toBe(deniedOfCallerBefore + 1);
          } else if (outcome.status === 401) {
            // An unauthenticated caller is no actor: there is no one to record.
            expect(await denied()).toBe(deniedBefore);
          }
        });
      }
    });
  }

  // A draft assessment is not published: to anyone who may not assess its member it does not exist,
  // alone or in the commitment's list. The assessor of the matrix is assigned to member A only.
  describe('assessment drafts', () => {
    for (const s of ['A', 'B'] as const) {
      for (const who of IDENTITIES) {
        const refused = REFUSED_TOKEN[who];
        const outcome: Outcome = refused
          ? { status: 401, code: refused }
          : who === 'admin' || ACTS_FOR.assess.members[who] === s
            ? { status: 200 }
            : { status: 404, code: 'assessment.not_found' };
        it(`a draft of ${memberOf(s)}: ${who} → ${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}`, async () => {
          const draft = fx[`draft${s}`];
          const one = await callAs(who, { url: `/api/v1/assessments/${draft.id}` }, 'GET');
          const list = await callAs(
            who,
            { url: `/api/v1/commitments/${fx[`commitment${s}`].code}/assessments?limit=100` },
            'GET',
          );
          if (outcome.status === 401) {
            expectProblem(one, 401, outcome.code);
            expectProblem(list, 401, outcome.code);
            return;
          }
          expect(list.status).toBe(200);
          const listed = list.body.items.map((a: any) => a.id);
          if (outcome.status === 200) {
            expect({ status: one.status, id: one.body.id, state: one.body.status }).toEqual({
              status: 200,
              id: draft.id,
              state: 'DRAFT',
            });
            expect(listed).toContain(draft.id);
          } else {
            expectProblem(one, 404, outcome.code);
            expect(listed).not.toContain(draft.id);
            expect(list.body.items.filter((a: any) => a.status === 'DRAFT')).toEqual([]);
          }
        });
      }
    }
  });

  describe('tokens', () => {
    it.each([
      ['Bearer nope'],
      ['Basic abc'],
      ['Bearer'],
      ['bearer ct_short'],
      [`Bearer ct_${'a'.repeat(42)}!`],
      [`Token ct_${'b'.repeat(43)}`],
    ])('refuses the malformed header %j on a public and on a protected route', async (header) => {
      for (const url of ['/api/v1/members', '/health', '/api/v1/me']) {
        const res = await api.anonymous.get(url, { authorization: header });
        expectProblem(res, 401, 'auth.malformed_token');
        expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      }
    });

    it('takes a token until it expires, then refuses it', async () => {
      const { token } = await api.createUser(
        {
          name: 'Soon expired',
          email: 'soon.expired@example.org',
          role: 'civil_society',
          organisation: fx.organisation.id,
        },
        { expiresAt: new Date(Date.now() + 1500).toISOString() },
      );
      expect((await api.as(token).get('/api/v1/me')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expectProblem(await api.as(token).get('/api/v1/me'), 401, 'auth.expired_token');
      expectProblem(await api.as(token).get('/api/v1/members'), 401, 'auth.expired_token');
    });

    it('stops taking a token once it is revoked by its owner', async () => {
      const { token, tokenId } = await api.createUser({
        name: 'Self revoker',
        email: 'self.revoker@example.org',
        role: 'assessor',
      });
      const as = api.as(token);
      expect((await as.post(`/api/v1/tokens/${tokenId}/revoke`, {})).status).toBe(200);
      expectProblem(await as.get('/api/v1/me'), 401, 'auth.revoked_token');
    });

    it('stops taking the tokens of a deactivated user, and takes them again once reactivated', async () => {
      const { token, user } = await api.createUser({
        name: 'Deactivated',
        email: 'deactivated@example.org',
        role: 'government_poc',
        member: 'MXA',
      });
      expect((await api.as(token).get('/api/v1/me')).status).toBe(200);
      expect((await api.patch(`/api/v1/users/${user.id}`, { active: false })).status).toBe(200);
      expectProblem(await api.as(token).get('/api/v1/me'), 401, 'auth.inactive_user');
      expectProblem(await api.as(token).get('/api/v1/members'), 401, 'auth.inactive_user');
      expect((await api.patch(`/api/v1/users/${user.id}`, { active: true })).status).toBe(200);
      expect((await api.as(token).get('/api/v1/me')).status).toBe(200);
    });

    it("answers someone else's token as missing (404), like a token that does not exist", async () => {
      const other = await api.createUser({ name: 'Other', email: 'other@example.org', role: 'assessor' });
      const before = await row('api_token', other.tokenId);
      const asPoc = api.as(String(authorization.pocA).slice('Bearer '.length));
      const theirs = await asPoc.post(`/api/v1/tokens/${other.tokenId}/revoke`, {});
      const missing = await asPoc.post('/api/v1/tokens/00000000-0000-4000-8000-000000000000/revoke', {});
      expectProblem(theirs, 404, 'token.not_found');
      expectProblem(missing, 404, 'token.not_found');
      expect(theirs.body.title).toBe(missing.body.title);
      expect(await row('api_token', other.tokenId)).toEqual(before);
    });
  });
});
