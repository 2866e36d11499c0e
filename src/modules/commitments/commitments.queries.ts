import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared.js';
import type { DatePrecision } from '../../common/dates/partial-date.rules.js';
import type { Iap2Level } from '../action-plans/action-plan.rules.js';
import type { IndependentView } from '../assessments/assessment.rules.js';
import { isUuid } from '../../common/validation/decorators.js';
import type { Stance, Verdict } from './agreement.rules.js';
import { commitmentState, type MilestoneFacts, type ReportedCompletion } from './commitment-state.rules.js';
import type { CommitmentResponse } from './dto/commitment.dto.js';
import { type SmartInput, smartCheck, smartSummary } from './smart.rules.js';
import type { DigitalGovernanceArea, LinkType, OgpValue } from './commitment.rules.js';

// Commitments are read with one statement per page, whatever the page size: the related lists are
// aggregated into JSON by PostgreSQL (correlated subqueries on indexed keys), not fetched per row.
// The lead institution is a subquery too: joined, it made the planner hash all institutions per page.
const SELECT_COMMITMENT = `
  SELECT c.id, c.code, c.number, c.title, c.problem, c.causes, c.prior_actions, c.solution, c.expected_results,
         c.start_date, c.start_date_precision, c.end_date, c.end_date_precision, c.area,
         c.participation_mechanism, c.participation_level, c.version, c.created_at, c.updated_at,
         c.self_reported_completion, c.irm_completion, c.irm_potential_impact, c.irm_potential_for_results,
         c.irm_early_results, c.irm_did_it_open_government, c.irm_starred, c.agreement,
         m.code AS member_code, m.name AS member_name,
         p.id AS plan_id, p.sequence_number AS plan_sequence_number, p.title AS plan_title,
         p.start_date AS plan_start_date, p.end_date AS plan_end_date,
         (SELECT json_build_object('id', li.id, 'name', li.name, 'type', li.type)
            FROM institution li WHERE li.id = c.lead_institution_id) AS lead_institution,
         (SELECT coalesce(json_agg(json_build_object('id', i.id, 'name', i.name, 'type', i.type) ORDER BY i.name, i.id), '[]')
            FROM commitment_supporting_institution s JOIN institution i ON i.id = s.institution_id
           WHERE s.commitment_id = c.id) AS supporting_institutions,
         (SELECT coalesce(json_agg(json_build_object('value', v.value, 'justification', v.justification) ORDER BY v.value), '[]')
            FROM commitment_value v WHERE v.commitment_id = c.id) AS "values",
         (SELECT coalesce(json_agg(t.slug ORDER BY t.slug), '[]')
            FROM commitment_tag ct JOIN policy_area_tag t ON t.id = ct.tag_id WHERE ct.commitment_id = c.id) AS tags,
         (SELECT coalesce(json_agg(json_build_object('type', l.type, 'target', tc.code) ORDER BY l.type, tc.code), '[]')
            FROM commitment_link l JOIN commitment tc ON tc.id = l.to_commitment_id WHERE l.from_commitment_id = c.id) AS links,
         -- a probe per row: as EXISTS, the planner would hash the whole contact table for every page
         coalesce((SELECT true FROM commitment_contact cc WHERE cc.commitment_id = c.id), false) AS contact_on_file,
         (SELECT json_build_object(
                   'total', count(*)::int,
                   'notStarted', (count(*) FILTER (WHERE ms.status = 'NOT_STARTED'))::int,
                   'inProgress', (count(*) FILTER (WHERE ms.status = 'IN_PROGRESS'))::int,
                   'complete', (count(*) FILTER (WHERE ms.status = 'COMPLETE'))::int,
                   'withdrawn', (count(*) FILTER (WHERE ms.status = 'WITHDRAWN'))::int)
            FROM milestone ms WHERE ms.commitment_id = c.id) AS milestone_counts,
         (SELECT coalesce(json_agg(json_build_object(
                   'ordinal', mf.ordinal, 'title', mf.title, 'deliverable', mf.deliverable,
                   'targetIndicator', mf.target_indicator, 'targetValue', mf.target_value, 'targetUnit', mf.target_unit,
                   'startDate', mf.start_date, 'startDatePrecision', mf.start_date_precision,
                   'dueDate', mf.due_date, 'dueDatePrecision', mf.due_date_precision,
                   'responsibleInstitution', ri.name, 'weight', mf.weight, 'status', mf.status,
                   'completedOn', mf.completed_on) ORDER BY mf.ordinal), '[]')
            FROM milestone mf LEFT JOIN institution ri ON ri.id = mf.responsible_institution_id
           WHERE mf.commitment_id = c.id) AS milestone_facts
    FROM commitment c
    JOIN action_plan p ON p.id = c.action_plan_id
    JOIN member m ON m.id = c.member_id`;

/** A milestone as the commitment's statement embeds it: what the derived state and the SMART check read. */
interface MilestoneRow extends Omit<MilestoneFacts, 'weight'> {
  ordinal: number;
  title: string;
  deliverable: string;
  targetIndicator: string | null;
  targetValue: number | string | null;
  targetUnit: string | null;
  startDate: string | null;
  startDatePrecision: DatePrecision;
  responsibleInstitution: string | null;
  weight: number | string;
}

export interface CommitmentRow {
  id: string;
  code: string;
  number: string;
  title: string;
  problem: string | null;
  causes: string | null;
  prior_actions: string | null;
  solution: string | null;
  expected_results: string | null;
  start_date: string | null;
  start_date_precision: DatePrecision;
  end_date: string | null;
  end_date_precision: DatePrecision;
  area: DigitalGovernanceArea | null;
  participation_mechanism: string | null;
  participation_level: Iap2Level | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  member_code: string;
  member_name: string;
  plan_id: string;
  plan_sequence_number: number;
  plan_title: string;
  plan_start_date: string;
  plan_end_date: string;
  lead_institution: { id: string; name: string; type: string } | null;
  supporting_institutions: { id: string; name: string; type: string }[];
  values: { value: OgpValue; justification: string }[];
  tags: string[];
  links: { type: LinkType; target: string }[];
  contact_on_file: boolean;
  milestone_counts: CommitmentResponse['milestones'];
  milestone_facts: MilestoneRow[];
  self_reported_completion: ReportedCompletion | null;
  irm_completion: IndependentView['completion'];
  irm_potential_impact: IndependentView['potentialImpact'];
  irm_potential_for_results: IndependentView['potentialForResults'];
  irm_early_results: IndependentView['earlyResults'];
  irm_did_it_open_government: IndependentView['didItOpenGovernment'];
  irm_starred: boolean | null;
  agreement: Verdict;
}

export interface CommitmentFilter {
  memberCode?: string;
  actionPlanId?: string;
  area?: DigitalGovernanceArea;
  value?: OgpValue;
  tag?: string;
  q?: string;
  starred?: boolean;
  completion?: string;
  selfReportedCompletion?: string;
  potentialImpact?: string;
  potentialForResults?: string;
  earlyResults?: string;
  didItOpenGovernment?: string;
  overdue?: boolean;
  agreement?: string;
  afterCode?: string;
}

/** The list's filters on single indexed columns of the commitment. */
const COLUMN_FILTERS = {
  completion: 'irm_completion',
  selfReportedCompletion: 'self_reported_completion',
  potentialImpact: 'irm_potential_impact',
  potentialForResults: 'irm_potential_for_results',
  earlyResults: 'irm_early_results',
  didItOpenGovernment: 'irm_did_it_open_government',
  starred: 'irm_starred',
  agreement: 'agreement',
} as const;

// Open milestones past the end of their due period (ix_milestone_open_due).
const OVERDUE = `EXISTS (SELECT 1 FROM milestone od WHERE od.commitment_id = c.id
                   AND od.status IN ('NOT_STARTED', 'IN_PROGRESS') AND od.due_by < (now() AT TIME ZONE 'UTC')::date)`;

/** A page of commitments in code order, with one more row than `limit` when there is a next page. */
export async function selectCommitments(
  db: EntityManager,
  filter: CommitmentFilter,
  limit: number,
): Promise<CommitmentResponse[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.memberCode)
    where.push(`c.member_id = (SELECT id FROM member WHERE code = ${param(filter.memberCode)})`);
  if (filter.actionPlanId) where.push(`c.action_plan_id = ${param(filter.actionPlanId)}`);
  if (filter.area) where.push(`c.area = ${param(filter.area)}`);
  if (filter.value)
    where.push(
      `EXISTS (SELECT 1 FROM commitment_value fv WHERE fv.commitment_id = c.id AND fv.value = ${param(filter.value)})`,
    );
  if (filter.tag) {
    where.push(
      `EXISTS (SELECT 1 FROM commitment_tag ft WHERE ft.commitment_id = c.id
                 AND ft.tag_id = (SELECT id FROM policy_area_tag WHERE slug = ${param(filter.tag)}))`,
    );
  }
  if (filter.q) where.push(`c.search @@ websearch_to_tsquery('english', ${param(filter.q)})`);
  for (const [field, column] of Object.entries(COLUMN_FILTERS) as [keyof typeof COLUMN_FILTERS, string][]) {
    if (filter[field] !== undefined) where.push(`c.${column} = ${param(filter[field])}`);
  }
  if (filter.overdue !== undefined) where.push(filter.overdue ? OVERDUE : `NOT ${OVERDUE}`);
  if (filter.afterCode) where.push(`c.code > ${param(filter.afterCode)}`);
  const sql = `${SELECT_COMMITMENT}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.code
    LIMIT ${param(limit + 1)}`;
  const rows = await preparedQuery<CommitmentRow>(db, sql, params);
  return rows.map(toCommitmentResponse);
}

/** Where a commitment key points: an id, or a code (KE0037, in any case). */
export interface CommitmentKey {
  column: 'id' | 'code';
  value: string;
}

export function commitmentKey(key: string): CommitmentKey {
  return isUuid(key) ? { column: 'id', value: key } : { column: 'code', value: key.toUpperCase() };
}

/** A commitment by its code or id, in one statement. */
export async function selectCommitment(
  db: EntityManager,
  key: CommitmentKey,
): Promise<CommitmentResponse | undefined> {
  const row = await selectCommitmentRow(db, key);
  return row && toCommitmentResponse(row);
}

/** The commitment as stored with what its derived views read (milestones, plan period, institutions). */
export async function selectCommitmentRow(
  db: EntityManager,
  key: CommitmentKey,
): Promise<CommitmentRow | undefined> {
  const rows = await preparedQuery<CommitmentRow>(db, `${SELECT_COMMITMENT} WHERE c.${key.column} = $1`, [
    key.value,
  ]);
  return rows[0];
}

/**
 * What the agreement verdict is made of, in one statement: the commitment's two completions, its
 * stored verdict, and the stance of its public, unhidden civic evidence (what anyone can see).
 */
export interface AgreementFacts {
  id: string;
  code: string;
  self_reported_completion: ReportedCompletion | null;
  irm_completion: IndependentView['completion'];
  agreement: Verdict;
  evidence: { stance: Stance; supported_completion: ReportedCompletion | null }[];
}

export async function selectAgreementFacts(
  db: EntityManager,
  key: CommitmentKey,
): Promise<AgreementFacts | undefined> {
  const rows = await preparedQuery<AgreementFacts>(
    db,
    `SELECT c.id, c.code, c.self_reported_completion, c.irm_completion, c.agreement,
            (SELECT coalesce(json_agg(json_build_object('stance', e.stance, 'supported_completion', e.supported_completion)), '[]')
               FROM evidence e WHERE e.commitment_id = c.id AND e.hidden_at IS NULL AND e.visibility = 'PUBLIC') AS evidence
       FROM commitment c WHERE c.${key.column} = $1`,
    [key.value],
  );
  return rows[0];
}

/** Every commitment of a plan, by code, in one statement: for views of the plan as a whole. */
export async function selectPlanCommitments(
  db: EntityManager,
  planId: string,
): Promise<CommitmentResponse[]> {
  const rows = await preparedQuery<CommitmentRow>(
    db,
    `${SELECT_COMMITMENT} WHERE c.action_plan_id = $1 ORDER BY c.code`,
    [planId],
  );
  return rows.map(toCommitmentResponse);
}

/** What the SMART check reads of a stored commitment; a draft is mapped to the same shape. */
export function smartInputOf(row: CommitmentRow): SmartInput {
  return {
    title: row.title,
    problem: row.problem,
    solution: row.solution,
    startDate: row.start_date,
    startDatePrecision: row.start_date_precision,
    endDate: row.end_date,
    endDatePrecision: row.end_date_precision,
    leadInstitution: row.lead_institution?.name ?? null,
    values: row.values,
    participationMechanism: row.participation_mechanism,
    participationLevel: row.participation_level,
    plan: { startDate: row.plan_start_date, endDate: row.plan_end_date },
    milestones: row.milestone_facts.map((m) => ({
      ordinal: m.ordinal,
      title: m.title,
      deliverable: m.deliverable,
      target:
        m.targetIndicator === null || m.targetValue === null
          ? null
          : { indicator: m.targetIndicator, value: Number(m.targetValue), unit: m.targetUnit ?? '' },
      startDate: m.startDate,
      startDatePrecision: m.startDatePrecision,
      dueDate: m.dueDate,
      dueDatePrecision: m.dueDatePrecision,
      responsibleInstitution: m.responsibleInstitution,
      withdrawn: m.status === 'WITHDRAWN',
    })),
  };
}

function toCommitmentResponse(row: CommitmentRow): CommitmentResponse {
  return {
    id: row.id,
    code: row.code,
    member: { code: row.member_code, name: row.member_name },
    actionPlan: { id: row.plan_id, sequenceNumber: row.plan_sequence_number, title: row.plan_title },
    number: row.number,
    title: row.title,
    problem: row.problem,
    causes: row.causes,
    priorActions: row.prior_actions,
    solution: row.solution,
    expectedResults: row.expected_results,
    startDate: row.start_date,
    startDatePrecision: row.start_date_precision,
    endDate: row.end_date,
    endDatePrecision: row.end_date_precision,
    leadInstitution: row.lead_institution,
    supportingInstitutions: row.supporting_institutions,
    values: row.values,
    tags: row.tags,
    area: row.area,
    participationMechanism: row.participation_mechanism,
    participationLevel: row.participation_level,
    links: row.links,
    contactOnFile: row.contact_on_file,
    milestones: row.milestone_counts,
    state: commitmentState(
      row.milestone_facts.map((m) => ({
        weight: Number(m.weight),
        status: m.status,
        dueDate: m.dueDate,
        dueDatePrecision: m.dueDatePrecision,
        completedOn: m.completedOn,
      })),
      row.self_reported_completion,
      new Date().toISOString().slice(0, 10),
    ),
    agreement: row.agreement,
    smart: smartSummary(smartCheck(smartInputOf(row))),
    independent: {
      completion: row.irm_completion,
      potentialImpact: row.irm_potential_impact,
      potentialForResults: row.irm_potential_for_results,
      earlyResults: row.irm_early_results,
      didItOpenGovernment: row.irm_did_it_open_government,
      starred: row.irm_starred,
    },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
