import { type AuditAction } from '../src/modules/audit/audit.service.js';
import { entryHash } from '../src/modules/audit/audit-chain.rules.js';
import {
  type AssessmentIndicators,
  type Framework,
  independentView,
  type Product,
  publishProblems,
  type PublishedAssessment,
} from '../src/modules/assessments/assessment.rules.js';
import {
  agreementVerdict,
  type CivicEvidence,
  type Stance,
} from '../src/modules/commitments/agreement.rules.js';
import type { ReportedCompletion } from '../src/modules/commitments/commitment-state.rules.js';
import {
  DIGITAL_GOVERNANCE_AREAS,
  type DigitalGovernanceArea,
  type OgpValue,
} from '../src/modules/commitments/commitment.rules.js';
import { Random } from './random.js';

/**
 * The benchmark's data set, built in memory from a seed: three times OGP's whole history, shaped like
 * it (members with two- and four-year plans, commitments in the five participatory digital governance
 * areas, milestones, progress reports, IRM assessments of both frameworks, civic evidence with replies)
 * and the audit entries that go with every record, hash-chained (scheme 1: each entry's hash covers it
 * and the hash before it, as the service wrote entries before it linked them at commit). The summary
 * columns the service keeps on the commitment (self-reported completion, IRM view, agreement) are
 * computed with the service's own rules, so the data reads as if it had been written through the API.
 */

export interface Scale {
  members: number;
  plansPerMember: number;
  commitmentsPerPlan: number;
  milestonesPerCommitment: number;
  updatesPerCommitment: number;
  evidencePerCommitment: number;
}

/** The size: 250 members, 750 plans, 15,000 commitments, 75,000 milestones, 300,000 updates. */
export const FULL_SCALE: Scale = {
  members: 250,
  plansPerMember: 3,
  commitmentsPerPlan: 20,
  milestonesPerCommitment: 5,
  updatesPerCommitment: 20,
  evidencePerCommitment: 4,
};

/** The data describes the world as it stood on this day, whatever day it is generated. */
export const AS_OF = '2026-11-24';

export type Row = unknown[];

export interface Table {
  name: string;
  /** Column name and PostgreSQL type, in the order of each row's values. */
  columns: readonly (readonly [string, string])[];
  rows: Row[];
}

export interface DataSet {
  tables: Table[];
}

const AREA_WORDS: Record<DigitalGovernanceArea, { topic: string[]; deliverable: string[] }> = {
  DIGITAL_STRATEGY_AND_POLICY: {
    topic: ['national digital strategy', 'open data policy', 'digital inclusion plan', 'cloud-first policy'],
    deliverable: ['strategy published', 'policy adopted by cabinet', 'consultation report', 'action roadmap'],
  },
  SERVICE_CO_DESIGN: {
    topic: [
      'benefits portal',
      'health appointment service',
      'business registration service',
      'school enrolment',
    ],
    deliverable: [
      'user research report',
      'prototype tested with residents',
      'service launched',
      'feedback panel',
    ],
  },
  TECHNOLOGY_REGULATION: {
    topic: ['algorithmic transparency register', 'platform accountability rules', 'data protection reform'],
    deliverable: [
      'draft bill published',
      'register of algorithms',
      'regulatory impact assessment',
      'guidance',
    ],
  },
  FOUNDATIONAL_TECHNOLOGY_ALIGNMENT: {
    topic: ['digital identity', 'digital public infrastructure', 'interoperable payments', 'base registries'],
    deliverable: [
      'digital identity safeguards',
      'privacy impact assessment',
      'grievance channel',
      'standards',
    ],
  },
  OVERSIGHT_AUDIT_AND_REDRESS: {
    topic: ['algorithm audits', 'public procurement monitoring', 'complaints and redress', 'social audit'],
    deliverable: ['audit report', 'citizen monitoring dashboard', 'redress mechanism', 'oversight board'],
  },
};
const VERBS = ['Publish', 'Co-design', 'Establish', 'Adopt', 'Audit', 'Open', 'Create', 'Review'];
const PLACES = [
  'North',
  'South',
  'East',
  'West',
  'Central',
  'Coastal',
  'Highland',
  'River',
  'Lake',
  'Valley',
];
const TAGS = [
  'open-data',
  'digital-id',
  'procurement',
  'ai-governance',
  'data-protection',
  'inclusion',
  'health',
  'education',
  'justice',
  'local-government',
  'budget',
  'beneficial-ownership',
  'whistleblowing',
  'civic-space',
  'climate',
  'land',
  'elections',
  'public-service-delivery',
  'accessibility',
  'cybersecurity',
];
const EVIDENCE_TYPES = [
  'SHADOW_REPORT',
  'SOCIAL_AUDIT',
  'COMMUNITY_SCORECARD',
  'CITIZEN_REPORT_CARD',
  'PUBLIC_HEARING',
  'SURVEY',
  'FOI_REQUEST',
  'EXPENDITURE_TRACKING',
  'PARTICIPATORY_AUDIT',
  'MEDIA_REPORT',
  'DATASET',
  'FORUM_MINUTES',
  'OTHER',
] as const;
const REGIONS = ['EUROPE', 'ASIA_AND_THE_PACIFIC', 'AFRICA_AND_THE_MIDDLE_EAST', 'AMERICAS'] as const;
const LEVELS: readonly ReportedCompletion[] = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];

// ---- dates -------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
/** A moment on that day (working hours, UTC), as the ISO timestamp the database keeps (milliseconds). */
function at(date: string, random: Random): string {
  return new Date(Date.parse(`${date}T08:00:00Z`) + random.int(0, 10 * 3_600_000)).toISOString();
}

/** Three capital letters for the nth member (AAB, AAC, ...), skipping nothing: unique by construction. */
function letters(n: number, length: number): string {
  let code = '';
  for (let i = 0; i < length; i += 1) {
    code = String.fromCharCode(65 + (n % 26)) + code;
    n = Math.floor(n / 26);
  }
  return code;
}

// ---- the audit chain ---------------------------------------------------------------------------

interface PendingAudit {
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  commitmentId: string | null;
  after: unknown;
}

/** Entries in time order (ties keep the order they were made in), each chained to the one before. */
function chain(pending: PendingAudit[], startHash: string | null): Table {
  const ordered = pending
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) =>
      a.entry.occurredAt < b.entry.occurredAt
        ? -1
        : a.entry.occurredAt > b.entry.occurredAt
          ? 1
          : a.index - b.index,
    );
  let prevHash: string | null = startHash;
  const rows: Row[] = [];
  for (const { entry } of ordered) {
    const content = {
      prevHash,
      occurredAt: entry.occurredAt,
      requestId: null,
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      commitmentId: entry.commitmentId,
      before: null,
      after: entry.after,
    };
    const hash = entryHash(content);
    rows.push([
      entry.occurredAt,
      entry.actorId,
      entry.actorRole,
      entry.action,
      entry.resourceType,
      entry.resourceId,
      entry.commitmentId,
      JSON.stringify(entry.after),
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
  return {
    name: 'audit_log',
    columns: [
      ['occurred_at', 'timestamptz'],
      ['actor_id', 'uuid'],
      ['actor_role', 'varchar'],
      ['action', 'varchar'],
      ['resource_type', 'varchar'],
      ['resource_id', 'varchar'],
      ['commitment_id', 'uuid'],
      ['after', 'jsonb'],
      ['prev_hash', 'varchar'],
      ['hash', 'varchar'],
    ],
    rows,
  };
}

// ---- the data set ------------------------------------------------------------------------------

/**
 * The data set for a seed. `chainFrom` is the hash the audit chain continues from: null for an empty
 * database (the benchmark's), the head's hash to add the data to a database that has entries already.
 */
export function buildDataSet(
  seed: number,
  scale: Scale = FULL_SCALE,
  chainFrom: string | null = null,
): DataSet {
  const random = new Random(seed);
  const audit: PendingAudit[] = [];
  const t = (name: string, columns: Table['columns']): Table => ({ name, columns, rows: [] });
  const member = t('member', [
    ['id', 'uuid'],
    ['code', 'varchar'],
    ['name', 'varchar'],
    ['type', 'varchar'],
    ['region', 'varchar'],
    ['created_at', 'timestamptz'],
  ]);
  const institution = t('institution', [
    ['id', 'uuid'],
    ['name', 'varchar'],
    ['type', 'varchar'],
    ['member_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ]);
  const tag = t('policy_area_tag', [
    ['id', 'uuid'],
    ['slug', 'varchar'],
    ['label', 'varchar'],
  ]);
  const organisation = t('organisation', [
    ['id', 'uuid'],
    ['name', 'varchar'],
    ['type', 'varchar'],
    ['member_id', 'uuid'],
  ]);
  const appUser = t('app_user', [
    ['id', 'uuid'],
    ['name', 'varchar'],
    ['email', 'varchar'],
    ['role', 'varchar'],
    ['member_id', 'uuid'],
    ['organisation_id', 'uuid'],
  ]);
  const assignment = t('assessor_assignment', [
    ['user_id', 'uuid'],
    ['member_id', 'uuid'],
  ]);
  const plan = t('action_plan', [
    ['id', 'uuid'],
    ['member_id', 'uuid'],
    ['sequence_number', 'int4'],
    ['title', 'varchar'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['status', 'varchar'],
    ['co_creation_level', 'varchar'],
    ['implementation_level', 'varchar'],
    ['participation_openness', 'varchar'],
    ['created_at', 'timestamptz'],
  ]);
  const forum = t('forum_meeting', [
    ['action_plan_id', 'uuid'],
    ['held_on', 'date'],
    ['government_attendees', 'int4'],
    ['civil_society_attendees', 'int4'],
    ['minutes_url', 'varchar'],
  ]);
  const commitment = t('commitment', [
    ['id', 'uuid'],
    ['code', 'varchar'],
    ['action_plan_id', 'uuid'],
    ['member_id', 'uuid'],
    ['number', 'varchar'],
    ['title', 'varchar'],
    ['problem', 'text'],
    ['causes', 'text'],
    ['solution', 'text'],
    ['expected_results', 'text'],
    ['start_date', 'date'],
    ['end_date', 'date'],
    ['lead_institution_id', 'uuid'],
    ['area', 'varchar'],
    ['participation_mechanism', 'text'],
    ['participation_level', 'varchar'],
    ['self_reported_completion', 'varchar'],
    ['irm_completion', 'varchar'],
    ['irm_potential_impact', 'varchar'],
    ['irm_potential_for_results', 'varchar'],
    ['irm_early_results', 'varchar'],
    ['irm_did_it_open_government', 'varchar'],
    ['irm_starred', 'bool'],
    ['agreement', 'varchar'],
    ['created_at', 'timestamptz'],
  ]);
  const value = t('commitment_value', [
    ['commitment_id', 'uuid'],
    ['value', 'varchar'],
    ['justification', 'text'],
  ]);
  const commitmentTag = t('commitment_tag', [
    ['commitment_id', 'uuid'],
    ['tag_id', 'uuid'],
  ]);
  const supporting = t('commitment_supporting_institution', [
    ['commitment_id', 'uuid'],
    ['institution_id', 'uuid'],
  ]);
  const link = t('commitment_link', [
    ['from_commitment_id', 'uuid'],
    ['to_commitment_id', 'uuid'],
    ['type', 'varchar'],
  ]);
  const contact = t('commitment_contact', [
    ['commitment_id', 'uuid'],
    ['name', 'varchar'],
    ['email', 'varchar'],
  ]);
  const milestone = t('milestone', [
    ['id', 'uuid'],
    ['commitment_id', 'uuid'],
    ['ordinal', 'int4'],
    ['title', 'varchar'],
    ['deliverable', 'text'],
    ['target_indicator', 'varchar'],
    ['target_value', 'numeric'],
    ['target_unit', 'varchar'],
    ['start_date', 'date'],
    ['due_date', 'date'],
    ['responsible_institution_id', 'uuid'],
    ['status', 'varchar'],
    ['completed_on', 'date'],
    ['created_at', 'timestamptz'],
  ]);
  const update = t('progress_update', [
    ['id', 'uuid'],
    ['commitment_id', 'uuid'],
    ['milestone_id', 'uuid'],
    ['author_id', 'uuid'],
    ['author_role', 'varchar'],
    ['reported_completion', 'varchar'],
    ['milestone_status', 'varchar'],
    ['percent_complete', 'int2'],
    ['narrative', 'text'],
    ['links', 'jsonb'],
    ['corrects_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ]);
  const assessment = t('assessment', [
    ['id', 'uuid'],
    ['commitment_id', 'uuid'],
    ['framework', 'varchar'],
    ['product', 'varchar'],
    ['status', 'varchar'],
    ['assessor_id', 'uuid'],
    ['published_at', 'timestamptz'],
    ['summary', 'text'],
    ['specificity', 'varchar'],
    ['relevance_access_to_information', 'bool'],
    ['relevance_civic_participation', 'bool'],
    ['relevance_public_accountability', 'bool'],
    ['relevance_technology', 'bool'],
    ['potential_impact', 'varchar'],
    ['completion', 'varchar'],
    ['on_time', 'bool'],
    ['did_it_open_government', 'varchar'],
    ['did_it_open_government_access_to_information', 'varchar'],
    ['did_it_open_government_civic_participation', 'varchar'],
    ['did_it_open_government_public_accountability', 'varchar'],
    ['verifiable', 'bool'],
    ['open_government_lens', 'bool'],
    ['potential_for_results', 'varchar'],
    ['promising', 'bool'],
    ['early_results', 'varchar'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ]);
  const evidence = t('evidence', [
    ['id', 'uuid'],
    ['commitment_id', 'uuid'],
    ['milestone_id', 'uuid'],
    ['progress_update_id', 'uuid'],
    ['type', 'varchar'],
    ['title', 'varchar'],
    ['summary', 'text'],
    ['organisation_id', 'uuid'],
    ['activity_date', 'date'],
    ['links', 'jsonb'],
    ['iap2_level', 'varchar'],
    ['stance', 'varchar'],
    ['supported_completion', 'varchar'],
    ['visibility', 'varchar'],
    ['submitted_by', 'uuid'],
    ['submitted_role', 'varchar'],
    ['hidden_at', 'timestamptz'],
    ['hidden_by', 'uuid'],
    ['hidden_reason', 'text'],
    ['created_at', 'timestamptz'],
  ]);
  const reply = t('evidence_reply', [
    ['id', 'uuid'],
    ['evidence_id', 'uuid'],
    ['author_id', 'uuid'],
    ['author_role', 'varchar'],
    ['body', 'text'],
    ['created_at', 'timestamptz'],
  ]);

  const founded = '2018-01-15';

  // The secretariat's administrator registers members, institutions and plans.
  const adminId = random.uuid();
  appUser.rows.push([adminId, 'OGP Support Unit', 'support@bench.example.org', 'admin', null, null]);
  const registered = (resourceType: string, resourceId: string, when: string, after: unknown) =>
    audit.push({
      occurredAt: when,
      actorId: adminId,
      actorRole: 'admin',
      action: 'CREATE',
      resourceType,
      resourceId,
      commitmentId: null,
      after,
    });

  const tagIds = TAGS.map((slug) => {
    const id = random.uuid();
    tag.rows.push([id, slug, slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())]);
    return id;
  });

  const assessorOrg = random.uuid();
  organisation.rows.push([assessorOrg, 'Independent Reporting Mechanism', 'ASSESSOR', null]);
  const assessors = Array.from({ length: 20 }, (_, i) => {
    const id = random.uuid();
    appUser.rows.push([
      id,
      `IRM researcher ${i + 1}`,
      `researcher${i + 1}@irm.example.org`,
      'assessor',
      null,
      assessorOrg,
    ]);
    return id;
  });

  const nationals = Math.round(scale.members * 0.7);
  for (let m = 0; m < scale.members; m += 1) {
    const national = m < nationals;
    const prefix = letters(m + 26 * 26, 3); // BAA onwards: never a two-letter look
    const code = national ? prefix : `${prefix}${letters(m, 1)}`;
    const memberId = random.uuid();
    const place = `${PLACES[m % PLACES.length]} ${prefix.charAt(0)}${prefix.slice(1).toLowerCase()}`;
    const memberName = national ? `Republic of ${place}` : `City of ${place}`;
    member.rows.push([
      memberId,
      code,
      memberName,
      national ? 'NATIONAL' : 'LOCAL',
      REGIONS[m % 4],
      at(founded, random),
    ]);
    registered('member', memberId, at(founded, random), { code, name: memberName });

    const institutions = [
      'Ministry of Digital Affairs',
      'Data Protection Authority',
      'National Audit Office',
      'Ministry of Finance',
      'Digital Identity Agency',
      'Ombudsman',
      'Statistics Office',
      'Ministry of Health',
    ].map((name) => {
      const id = random.uuid();
      institution.rows.push([id, name, 'GOVERNMENT_AGENCY', memberId, at(founded, random)]);
      return { id, name };
    });
    const parliament = random.uuid();
    institution.rows.push([parliament, 'Parliament', 'PARLIAMENT', memberId, at(founded, random)]);
    const cso = random.uuid();
    institution.rows.push([
      cso,
      `${place} Open Data Network`,
      'CIVIL_SOCIETY_ORGANISATION',
      memberId,
      at(founded, random),
    ]);
    const supportingPool = [...institutions.map((i) => i.id), parliament, cso];

    const pocId = random.uuid();
    appUser.rows.push([
      pocId,
      `Point of contact ${code}`,
      `poc@${code.toLowerCase()}.gov.example`,
      'government_poc',
      memberId,
      null,
    ]);
    const orgs = [0, 1].map((k) => {
      const orgId = random.uuid();
      const userId = random.uuid();
      const name = k === 0 ? `${place} Transparency Watch` : `${place} Digital Rights Forum`;
      organisation.rows.push([orgId, name, 'CIVIL_SOCIETY', memberId]);
      appUser.rows.push([
        userId,
        `${name} coordinator`,
        `cso${k}@${code.toLowerCase()}.ngo.example`,
        'civil_society',
        null,
        orgId,
      ]);
      return { orgId, userId };
    });
    const assessorId = assessors[m % assessors.length];
    assignment.rows.push([assessorId, memberId]);

    // Plans: two-year cycles, on even or odd years; some members moved to four-year plans for the third.
    const firstYear = 2019 + (m % 2);
    const fourYear = m % 5 === 0;
    let previousPlan: { number: string; id: string }[] = [];
    let serial = 0;
    for (let p = 0; p < scale.plansPerMember; p += 1) {
      const startYear = firstYear + 2 * p;
      const years = fourYear && p === scale.plansPerMember - 1 ? 4 : 2;
      const startDate = `${startYear}-09-01`;
      const endDate = `${startYear + years}-08-31`;
      const planId = random.uuid();
      const ended = endDate < AS_OF;
      const levels = ['CONSULT', 'INVOLVE', 'COLLABORATE'] as const;
      plan.rows.push([
        planId,
        memberId,
        p + 1,
        `${memberName} action plan ${startYear}-${startYear + years}`,
        startDate,
        endDate,
        ended ? 'ENDED' : 'IMPLEMENTING',
        random.pick(levels),
        random.pick(levels),
        random.chance(0.8) ? 'OPEN' : 'INVITATION_ONLY',
        at(addDays(startDate, -60), random),
      ]);
      registered('action_plan', planId, at(addDays(startDate, -60), random), {
        member: code,
        sequenceNumber: p + 1,
      });
      for (let f = 0; f < years * 2; f += 1) {
        const heldOn = addDays(startDate, f * 182 + random.int(0, 60));
        if (heldOn > AS_OF) break;
        forum.rows.push([
          planId,
          heldOn,
          random.int(3, 15),
          random.int(5, 40),
          `https://forum.example.org/${code}/${heldOn}`,
        ]);
      }

      const thisPlan: { number: string; id: string; area: DigitalGovernanceArea }[] = [];
      for (let c = 0; c < scale.commitmentsPerPlan; c += 1) {
        serial += 1;
        const commitmentCode = `${prefix}${String(serial).padStart(4, '0')}`;
        const commitmentId = random.uuid();
        const area = DIGITAL_GOVERNANCE_AREAS[(c + m) % DIGITAL_GOVERNANCE_AREAS.length];
        const words = AREA_WORDS[area];
        const topic = random.pick(words.topic);
        const verb = random.pick(VERBS);
        const title = `${verb} the ${topic} with the public`;
        const number = String(c + 1);
        const start = startDate;
        const end = addDays(endDate, -random.int(0, 1) * 30);
        const lead = random.pick(institutions);
        const participatory = random.chance(0.6);
        const values: OgpValue[] = random.sample(
          ['ACCESS_TO_INFORMATION', 'PUBLIC_ACCOUNTABILITY', 'TECHNOLOGY_AND_INNOVATION'] as const,
          random.int(1, 2),
        );
        if (participatory) values.push('CIVIC_PARTICIPATION');
        const createdAt = at(addDays(startDate, -30), random);

        // Milestones, staggered over the commitment, with what became of them by AS_OF.
        const span = daysBetween(start, end);
        const milestones: {
          id: string;
          ordinal: number;
          status: string;
          due: string;
          completedOn: string | null;
          title: string;
        }[] = [];
        for (let k = 0; k < scale.milestonesPerCommitment; k += 1) {
          const due = addDays(start, Math.round((span * (k + 1)) / scale.milestonesPerCommitment));
          const msStart = addDays(start, Math.round((span * k) / scale.milestonesPerCommitment));
          const past = due < AS_OF;
          const started = msStart < AS_OF;
          let status: string;
          if (random.chance(0.03)) status = 'WITHDRAWN';
          else if (past)
            status = random.weighted([
              ['COMPLETE', 70],
              ['IN_PROGRESS', 18],
              ['NOT_STARTED', 12],
            ] as const);
          else if (started)
            status = random.weighted([
              ['IN_PROGRESS', 60],
              ['COMPLETE', 15],
              ['NOT_STARTED', 25],
            ] as const);
          else status = 'NOT_STARTED';
          const completedOn =
            status === 'COMPLETE' ? minDate(addDays(due, random.int(-90, 45)), addDays(AS_OF, -1)) : null;
          const msTitle = `${random.pick(words.deliverable)} (${k + 1} of ${scale.milestonesPerCommitment})`;
          const id = random.uuid();
          const measured = random.chance(0.5);
          milestone.rows.push([
            id,
            commitmentId,
            k + 1,
            msTitle,
            `${msTitle}, published on the portal`,
            measured ? 'people reached' : null,
            measured ? random.int(1, 100) * 100 : null,
            measured ? 'people' : null,
            msStart,
            due,
            random.chance(0.9) ? random.pick(institutions).id : null,
            status,
            completedOn && completedOn < msStart ? msStart : completedOn,
            createdAt,
          ]);
          milestones.push({ id, ordinal: k + 1, status, due, completedOn, title: msTitle });
          audit.push({
            occurredAt: createdAt,
            actorId: pocId,
            actorRole: 'government_poc',
            action: 'CREATE',
            resourceType: 'milestone',
            resourceId: id,
            commitmentId,
            after: { commitment: commitmentCode, ordinal: k + 1, title: msTitle, dueDate: due },
          });
        }
        const live = milestones.filter((ms) => ms.status !== 'WITHDRAWN');
        const share =
          live.length === 0 ? 0 : live.filter((ms) => ms.status === 'COMPLETE').length / live.length;
        const trueLevel = share === 0 ? 0 : share < 0.5 ? 1 : share < 1 ? 2 : 3;

        // Progress updates: each milestone's moves, then reports on the commitment to make up the count.
        const author = { id: pocId, role: 'government_poc' };
        const updates: { id: string; when: string; completion: ReportedCompletion | null }[] = [];
        const report = (
          when: string,
          target: { milestoneId: string; status: string } | { completion: ReportedCompletion },
          correctsId: string | null = null,
        ) => {
          const id = random.uuid();
          const onMilestone = 'milestoneId' in target;
          const narrative = onMilestone
            ? `Milestone now ${target.status.toLowerCase().replace('_', ' ')}: see the ministry's note of ${when.slice(0, 10)}.`
            : `Commitment ${commitmentCode} is ${target.completion.toLowerCase().replace('_', ' ')}; the next steps were agreed with the forum.`;
          update.rows.push([
            id,
            commitmentId,
            onMilestone ? target.milestoneId : null,
            author.id,
            author.role,
            onMilestone ? null : target.completion,
            onMilestone ? target.status : null,
            onMilestone ? null : [0, 25, 60, 100][LEVELS.indexOf(target.completion)],
            narrative,
            random.chance(0.3)
              ? JSON.stringify([
                  { url: `https://gov.example/${commitmentCode}/${id.slice(0, 8)}`, title: 'Report' },
                ])
              : '[]',
            correctsId,
            when,
          ]);
          audit.push({
            occurredAt: when,
            actorId: author.id,
            actorRole: author.role,
            action: 'CREATE',
            resourceType: 'progress_update',
            resourceId: id,
            commitmentId,
            after: onMilestone
              ? {
                  commitment: commitmentCode,
                  milestoneId: target.milestoneId,
                  milestoneStatus: target.status,
                }
              : { commitment: commitmentCode, reportedCompletion: target.completion },
          });
          return id;
        };
        const lastDay = minDate(end, addDays(AS_OF, -1));
        const spanSoFar = Math.max(1, daysBetween(start, lastDay));
        const correction = random.chance(0.05);
        let milestoneUpdates = 0;
        for (const ms of milestones) {
          const moves =
            ms.status === 'COMPLETE'
              ? ['IN_PROGRESS', 'COMPLETE']
              : ms.status === 'IN_PROGRESS'
                ? ['IN_PROGRESS']
                : [ms.status];
          if (ms.status === 'NOT_STARTED') continue;
          moves.forEach((status, i) => {
            const day =
              status === 'COMPLETE' && ms.completedOn
                ? ms.completedOn
                : addDays(
                    start,
                    Math.round((spanSoFar * (ms.ordinal - 1 + (i + 1) / 3)) / milestones.length),
                  );
            report(at(minDate(day, lastDay), random), { milestoneId: ms.id, status });
            milestoneUpdates += 1;
          });
        }
        const onCommitment = Math.max(
          3,
          scale.updatesPerCommitment - milestoneUpdates - (correction ? 1 : 0),
        );
        // Governments tend to report a little ahead of what the milestones show.
        const reportedLevel = Math.min(3, trueLevel + (random.chance(0.15) ? 1 : 0));
        for (let u = 0; u < onCommitment; u += 1) {
          const when = at(addDays(start, Math.round((spanSoFar * (u + 1)) / (onCommitment + 1))), random);
          const level = Math.round((reportedLevel * (u + 1)) / onCommitment);
          const completion = LEVELS[level];
          updates.push({ id: report(when, { completion }), when, completion });
        }
        // Now and then a report is corrected (never the latest, so the current word stays the last report).
        if (correction) {
          const corrected = updates[random.int(0, updates.length - 2)];
          const completion =
            LEVELS[Math.max(0, LEVELS.indexOf(corrected.completion as ReportedCompletion) - 1)];
          report(
            new Date(Date.parse(corrected.when) + 86_400_000).toISOString(),
            { completion },
            corrected.id,
          );
        }
        const selfReported = updates[updates.length - 1].completion;

        // IRM assessments: two per commitment, legacy for the first plan, the 2021 framework after.
        const published: PublishedAssessment[] = [];
        const products: [Framework, Product, string][] =
          p === 0
            ? [
                ['IRM_LEGACY', 'PROGRESS_REPORT', addDays(startDate, 400)],
                ['IRM_LEGACY', 'END_OF_TERM_REPORT', addDays(endDate, 150)],
              ]
            : [
                ['IRM_2021', 'ACTION_PLAN_REVIEW', addDays(startDate, 120)],
                ended
                  ? ['IRM_2021', 'RESULTS_REPORT', minDate(addDays(endDate, 150), addDays(AS_OF, -7))]
                  : ['IRM_2021', 'MIDTERM_REVIEW', minDate(addDays(startDate, 500), addDays(AS_OF, -7))],
              ];
        const irmLevel = Math.max(0, trueLevel - (random.chance(0.1) ? 1 : 0));
        for (const [framework, product, day] of products) {
          const indicators = ratings(random, framework, product, irmLevel, participatory);
          const problems = publishProblems(framework, product, indicators, {});
          if (problems.length > 0)
            throw new Error(
              `generated ${framework} ${product} would not publish: ${JSON.stringify(problems)}`,
            );
          const publishedAt = at(day, random);
          const id = random.uuid();
          const i = indicators;
          assessment.rows.push([
            id,
            commitmentId,
            framework,
            product,
            'PUBLISHED',
            assessorId,
            publishedAt,
            `The IRM's ${product.toLowerCase().replace(/_/g, ' ')} of ${commitmentCode}.`,
            i.specificity ?? null,
            i.relevanceAccessToInformation ?? null,
            i.relevanceCivicParticipation ?? null,
            i.relevancePublicAccountability ?? null,
            i.relevanceTechnology ?? null,
            i.potentialImpact ?? null,
            i.completion ?? null,
            i.onTime ?? null,
            i.didItOpenGovernment ?? null,
            i.didItOpenGovernmentAccessToInformation ?? null,
            i.didItOpenGovernmentCivicParticipation ?? null,
            i.didItOpenGovernmentPublicAccountability ?? null,
            i.verifiable ?? null,
            i.openGovernmentLens ?? null,
            i.potentialForResults ?? null,
            i.promising ?? null,
            i.earlyResults ?? null,
            publishedAt,
            publishedAt,
          ]);
          published.push({ framework, product, publishedAt, indicators });
          audit.push({
            occurredAt: publishedAt,
            actorId: assessorId,
            actorRole: 'assessor',
            action: 'CREATE',
            resourceType: 'assessment',
            resourceId: id,
            commitmentId,
            after: { commitment: commitmentCode, framework, product, status: 'PUBLISHED', ...indicators },
          });
        }
        const view = independentView(published);

        // Civic evidence from the member's two organisations, some of it answered by the government.
        const civic: CivicEvidence[] = [];
        for (let e = 0; e < scale.evidencePerCommitment; e += 1) {
          const org = orgs[e % 2];
          const id = random.uuid();
          const when = at(addDays(start, random.int(30, Math.max(31, spanSoFar))), random);
          const agrees = random.chance(0.65);
          const stance: Stance = agrees
            ? random.weighted([
                ['CONFIRMS', 8],
                ['CONTEXT', 2],
              ] as const)
            : random.weighted([
                ['CONTRADICTS', 6],
                ['MIXED', 4],
              ] as const);
          const supported: ReportedCompletion | null = random.chance(0.7)
            ? LEVELS[Math.max(0, Math.min(3, stance === 'CONTRADICTS' ? trueLevel - 1 : trueLevel))]
            : null;
          const visibility = random.chance(0.95) ? 'PUBLIC' : 'RESTRICTED';
          const hidden = random.chance(0.01);
          const onMilestone = random.chance(0.3) ? random.pick(milestones).id : null;
          const onUpdate = !onMilestone && random.chance(0.25) ? random.pick(updates).id : null;
          const type = random.pick(EVIDENCE_TYPES);
          evidence.rows.push([
            id,
            commitmentId,
            onMilestone,
            onUpdate,
            type,
            `${type.charAt(0)}${type.slice(1).toLowerCase().replace(/_/g, ' ')} on ${topic}`,
            `What ${random.int(12, 400)} residents of ${place} told us about the ${topic}.`,
            org.orgId,
            when.slice(0, 10),
            JSON.stringify([
              { url: `https://cso.example.org/${commitmentCode}/${e + 1}`, title: 'Full report' },
            ]),
            participatory ? random.pick(['CONSULT', 'INVOLVE', 'COLLABORATE'] as const) : null,
            stance,
            supported,
            visibility,
            org.userId,
            'civil_society',
            hidden ? when : null,
            hidden ? adminId : null,
            hidden ? 'Personal data of a resident in the summary.' : null,
            when,
          ]);
          if (visibility === 'PUBLIC' && !hidden) civic.push({ stance, supportedCompletion: supported });
          audit.push({
            occurredAt: when,
            actorId: org.userId,
            actorRole: 'civil_society',
            action: 'CREATE',
            resourceType: 'evidence',
            resourceId: id,
            commitmentId: visibility === 'PUBLIC' ? commitmentId : null,
            after: { commitment: commitmentCode, type, stance, supportedCompletion: supported, visibility },
          });
          if (e % 2 === 0) {
            const replyId = random.uuid();
            const replyAt = new Date(Date.parse(when) + random.int(1, 20) * 86_400_000).toISOString();
            const fromGovernment = random.chance(0.6);
            reply.rows.push([
              replyId,
              id,
              fromGovernment ? pocId : org.userId,
              fromGovernment ? 'government_poc' : 'civil_society',
              fromGovernment
                ? 'Thank you: the ministry will publish the figures you asked for.'
                : 'The figures are still not public.',
              replyAt,
            ]);
            audit.push({
              occurredAt: replyAt,
              actorId: fromGovernment ? pocId : org.userId,
              actorRole: fromGovernment ? 'government_poc' : 'civil_society',
              action: 'CREATE',
              resourceType: 'evidence_reply',
              resourceId: replyId,
              commitmentId: visibility === 'PUBLIC' ? commitmentId : null,
              after: { evidence: id },
            });
          }
        }
        const { verdict } = agreementVerdict({ selfReported, independent: view.completion, evidence: civic });

        commitment.rows.push([
          commitmentId,
          commitmentCode,
          planId,
          memberId,
          number,
          title,
          `Residents cannot see or shape how the ${topic} is designed and run.`,
          'Decisions are taken inside one ministry with no published criteria.',
          `${verb} the ${topic} together with civil society, and publish every decision and dataset.`,
          `People of ${place} can follow and influence the ${topic}; complaints are answered within 30 days.`,
          start,
          end,
          lead.id,
          area,
          participatory
            ? 'A working group of civil society and agencies meets every quarter; minutes are published.'
            : null,
          participatory ? random.pick(['CONSULT', 'INVOLVE', 'COLLABORATE'] as const) : null,
          selfReported,
          view.completion,
          view.potentialImpact,
          view.potentialForResults,
          view.earlyResults,
          view.didItOpenGovernment,
          view.starred,
          verdict,
          createdAt,
        ]);
        for (const v of values)
          value.rows.push([
            commitmentId,
            v,
            `The ${topic} becomes ${v.toLowerCase().replace(/_/g, ' ')} in practice: ${title.toLowerCase()}.`,
          ]);
        for (const tagId of random.sample(tagIds, random.int(1, 3)))
          commitmentTag.rows.push([commitmentId, tagId]);
        for (const institutionId of random.sample(
          supportingPool.filter((id) => id !== lead.id),
          random.int(0, 2),
        ))
          supporting.rows.push([commitmentId, institutionId]);
        if (random.chance(0.5))
          contact.rows.push([
            commitmentId,
            `Officer ${commitmentCode}`,
            `${commitmentCode.toLowerCase()}@gov.example`,
          ]);
        audit.push({
          occurredAt: createdAt,
          actorId: pocId,
          actorRole: 'government_poc',
          action: 'CREATE',
          resourceType: 'commitment',
          resourceId: commitmentId,
          commitmentId,
          after: { code: commitmentCode, title, area, actionPlan: planId },
        });

        // The ecosystem: a continuation of last plan's commitment of the same number, and within a plan,
        // services co-designed for a strategy and oversight that monitors a service.
        const previous = previousPlan.find((x) => x.number === number);
        if (previous && random.chance(0.4)) link.rows.push([commitmentId, previous.id, 'CONTINUES']);
        const strategy = thisPlan.find((x) => x.area === 'DIGITAL_STRATEGY_AND_POLICY');
        const service = [...thisPlan].reverse().find((x) => x.area === 'SERVICE_CO_DESIGN');
        if (area === 'SERVICE_CO_DESIGN' && strategy && random.chance(0.7))
          link.rows.push([commitmentId, strategy.id, 'CO_DESIGNS']);
        if (area === 'OVERSIGHT_AUDIT_AND_REDRESS' && service && random.chance(0.7))
          link.rows.push([commitmentId, service.id, 'MONITORS']);
        if (area === 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT' && strategy && random.chance(0.5))
          link.rows.push([commitmentId, strategy.id, 'IMPLEMENTS']);
        thisPlan.push({ number, id: commitmentId, area });
      }
      previousPlan = thisPlan;
    }
  }

  for (const [name, rows] of [
    ['institution', institution.rows],
    ['organisation', organisation.rows],
  ] as const) {
    for (const row of rows) registered(name, String(row[0]), at(founded, random), { name: row[1] });
  }

  return {
    tables: [
      member,
      institution,
      tag,
      organisation,
      appUser,
      assignment,
      plan,
      forum,
      commitment,
      value,
      commitmentTag,
      supporting,
      link,
      contact,
      milestone,
      update,
      assessment,
      evidence,
      reply,
      chain(audit, chainFrom),
    ],
  };
}

/** IRM ratings that agree with how far the commitment got (level 0-3) and whether it is participatory. */
function ratings(
  random: Random,
  framework: Framework,
  product: Product,
  level: number,
  participatory: boolean,
): AssessmentIndicators {
  const completion = (['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'] as const)[level];
  if (framework === 'IRM_LEGACY') {
    const design: AssessmentIndicators = {
      specificity: random.weighted([
        ['LOW', 2],
        ['MEDIUM', 4],
        ['HIGH', 3],
        ['NONE', 1],
      ] as const),
      relevanceAccessToInformation: random.chance(0.7),
      relevanceCivicParticipation: participatory,
      relevancePublicAccountability: random.chance(0.4),
      relevanceTechnology: true,
      potentialImpact: random.weighted([
        ['MINOR', 4],
        ['MODERATE', 4],
        ['TRANSFORMATIVE', 2],
        ['NONE', 1],
      ] as const),
      completion:
        product === 'PROGRESS_REPORT'
          ? (['NOT_STARTED', 'LIMITED', 'LIMITED', 'SUBSTANTIAL'] as const)[level]
          : completion,
      onTime: level === 3 ? random.chance(0.8) : false,
    };
    if (product === 'PROGRESS_REPORT') return design;
    const diog = random.weighted([
      ['DID_NOT_CHANGE', 3],
      ['MARGINAL', 4],
      ['MAJOR', 2],
      ['OUTSTANDING', 1],
    ] as const);
    return {
      ...design,
      didItOpenGovernment: diog,
      didItOpenGovernmentAccessToInformation: diog,
      didItOpenGovernmentCivicParticipation: participatory ? diog : 'DID_NOT_CHANGE',
      didItOpenGovernmentPublicAccountability: 'DID_NOT_CHANGE',
    };
  }
  if (product === 'RESULTS_REPORT')
    return {
      completion,
      earlyResults: random.weighted([
        ['NO_NOTABLE_RESULTS', 4],
        ['MODERATE', 3],
        ['SIGNIFICANT', 2],
        ['OUTSTANDING', 1],
      ] as const),
    };
  const design: AssessmentIndicators = {
    verifiable: random.chance(0.9),
    openGovernmentLens: random.chance(0.85),
    potentialForResults: random.weighted([
      ['UNCLEAR', 2],
      ['MODEST', 5],
      ['SUBSTANTIAL', 3],
    ] as const),
    promising: random.chance(0.3),
  };
  return product === 'MIDTERM_REVIEW'
    ? {
        ...design,
        completion: (['NO_EVIDENCE_AVAILABLE', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'] as const)[level],
      }
    : design;
}
