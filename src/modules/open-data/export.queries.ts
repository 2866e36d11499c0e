import type { EntityManager } from 'typeorm';
import type { NullReasons } from '../assessments/assessment.rules.js';

// The exports read in keyset batches, one statement per batch, so that memory stays constant
// whatever the size of the register. Personal data (contacts, authors, submitters) is never selected.

export interface Batch<Row> {
  rows: Row[];
  /** Where the next batch starts; undefined after the last. */
  next: unknown[] | undefined;
}

/** A filter and keyset query over one table: its WHERE parts and parameters, built from a list filter. */
interface Where {
  clauses: string[];
  params: unknown[];
}

function where(): Where & { add: (sql: string, value: unknown) => void } {
  const w: Where = { clauses: [], params: [] };
  return {
    ...w,
    add(sql: string, value: unknown) {
      w.params.push(value);
      w.clauses.push(sql.replaceAll('?', `$${w.params.length}`));
    },
  };
}

export interface ScopeFilter {
  member?: string;
  actionPlan?: string;
  commitment?: string;
}

function scope(w: ReturnType<typeof where>, filter: ScopeFilter): void {
  if (filter.member)
    w.add('c.member_id = (SELECT id FROM member WHERE code = ?)', filter.member.toUpperCase());
  if (filter.actionPlan) w.add('c.action_plan_id = ?::uuid', filter.actionPlan);
  if (filter.commitment) w.add('c.code = ?', filter.commitment.toUpperCase());
}

async function batch<Row>(
  db: EntityManager,
  w: ReturnType<typeof where>,
  sql: (whereSql: string, limitParam: string) => string,
  size: number,
  keyOf: (row: Row) => unknown[],
): Promise<Batch<Row>> {
  w.params.push(size);
  const rows: Row[] = await db.query(
    sql(w.clauses.length > 0 ? `WHERE ${w.clauses.join(' AND ')}` : '', `$${w.params.length}`),
    w.params,
  );
  return { rows, next: rows.length === size ? keyOf(rows[rows.length - 1]) : undefined };
}

/** What the IRM columns of a commitment need beyond its API representation, for a batch of commitments. */
export interface CommitmentExportFacts {
  id: string;
  member_type: string;
  member_region: string;
  plan_irm_id: string | null;
  plan_start_date: string;
  plan_end_date: string;
  short_title: string | null;
  full_text: string | null;
  start_date_text: string | null;
  end_date_text: string | null;
  carried_forward: boolean | null;
  url: string | null;
  /** The published assessments, by framework and product: their ratings and null reasons. */
  assessments: {
    framework: string;
    product: string;
    ratings: Record<string, unknown>;
    nullReasons: NullReasons;
  }[];
}

export async function selectCommitmentExportFacts(
  db: EntityManager,
  ids: string[],
): Promise<Map<string, CommitmentExportFacts>> {
  if (ids.length === 0) return new Map();
  const rows: CommitmentExportFacts[] = await db.query(
    `SELECT c.id, m.type AS member_type, m.region AS member_region, p.irm_id AS plan_irm_id,
            p.start_date AS plan_start_date, p.end_date AS plan_end_date,
            c.short_title, c.full_text, c.start_date_text, c.end_date_text, c.carried_forward, c.url,
            (SELECT coalesce(json_agg(json_build_object(
                      'framework', a.framework, 'product', a.product, 'nullReasons', a.null_reasons,
                      'ratings', to_jsonb(a) - 'null_reasons')), '[]')
               FROM assessment a WHERE a.commitment_id = c.id AND a.status = 'PUBLISHED') AS assessments
       FROM commitment c
       JOIN member m ON m.id = c.member_id
       JOIN action_plan p ON p.id = c.action_plan_id
      WHERE c.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface MilestoneExportFilter extends ScopeFilter {
  status?: string;
}

export interface MilestoneExportRow {
  id: string;
  commitment: string;
  member: string;
  ordinal: number;
  title: string;
  deliverable: string;
  target_indicator: string | null;
  target_value: string | null;
  target_unit: string | null;
  start_date: string | null;
  start_date_precision: string;
  due_date: string;
  due_date_precision: string;
  responsible_institution: string | null;
  weight: string;
  status: string;
  completed_on: string | null;
  updated_at: Date;
}

export function selectMilestoneBatch(
  db: EntityManager,
  filter: MilestoneExportFilter,
  after: unknown[] | undefined,
  size: number,
): Promise<Batch<MilestoneExportRow>> {
  const w = where();
  scope(w, filter);
  if (filter.status) w.add('ms.status = ?', filter.status);
  if (after) {
    w.add('(c.code, ms.ordinal) > (?', after[0]);
    w.clauses[w.clauses.length - 1] += `, $${w.params.length + 1}::int)`;
    w.params.push(after[1]);
  }
  return batch<MilestoneExportRow>(
    db,
    w,
    (whereSql, limit) => `
      SELECT ms.id, c.code AS commitment, m.code AS member, ms.ordinal, ms.title, ms.deliverable, ms.target_indicator,
             ms.target_value, ms.target_unit, ms.start_date, ms.start_date_precision, ms.due_date, ms.due_date_precision,
             i.name AS responsible_institution, ms.weight, ms.status, ms.completed_on, ms.updated_at
        FROM milestone ms
        JOIN commitment c ON c.id = ms.commitment_id
        JOIN member m ON m.id = c.member_id
        LEFT JOIN institution i ON i.id = ms.responsible_institution_id
        ${whereSql}
       ORDER BY c.code, ms.ordinal
       LIMIT ${limit}`,
    size,
    (r) => [r.commitment, r.ordinal],
  );
}

export interface ProgressExportRow {
  id: string;
  commitment: string;
  member: string;
  milestone_ordinal: number | null;
  reported_completion: string | null;
  milestone_status: string | null;
  percent_complete: number | null;
  narrative: string | null;
  links: string[] | null;
  period_start: string | null;
  period_end: string | null;
  corrects: string | null;
  created_at: Date;
}

function keyset(w: ReturnType<typeof where>, column: string, after: unknown[] | undefined): void {
  if (!after) return;
  w.params.push(after[0], after[1]);
  w.clauses.push(`(${column}, x.id) > ($${w.params.length - 1}::timestamptz, $${w.params.length}::uuid)`);
}

export function selectProgressBatch(
  db: EntityManager,
  filter: ScopeFilter,
  after: unknown[] | undefined,
  size: number,
): Promise<Batch<ProgressExportRow>> {
  const w = where();
  scope(w, filter);
  keyset(w, 'x.created_at', after);
  return batch<ProgressExportRow>(
    db,
    w,
    (whereSql, limit) => `
      SELECT x.id, c.code AS commitment, m.code AS member, ms.ordinal AS milestone_ordinal, x.reported_completion,
             x.milestone_status, x.percent_complete, x.narrative, x.links, x.period_start, x.period_end,
             x.corrects_id AS corrects, x.created_at
        FROM progress_update x
        JOIN commitment c ON c.id = x.commitment_id
        JOIN member m ON m.id = c.member_id
        LEFT JOIN milestone ms ON ms.id = x.milestone_id
        ${whereSql}
       ORDER BY x.created_at, x.id
       LIMIT ${limit}`,
    size,
    (r) => [r.created_at.toISOString(), r.id],
  );
}

export interface AssessmentExportFilter extends ScopeFilter {
  framework?: string;
  product?: string;
}

export interface AssessmentExportRow {
  id: string;
  commitment: string;
  member: string;
  framework: string;
  product: string;
  status: string;
  supersedes: string | null;
  published_at: Date;
  ratings: Record<string, unknown>;
  null_reasons: NullReasons;
  created_at: Date;
}

/** Published and superseded assessments only: drafts are the assessor's work in progress. */
export function selectAssessmentBatch(
  db: EntityManager,
  filter: AssessmentExportFilter,
  after: unknown[] | undefined,
  size: number,
): Promise<Batch<AssessmentExportRow>> {
  const w = where();
  scope(w, filter);
  w.clauses.push(`x.status IN ('PUBLISHED', 'SUPERSEDED')`);
  if (filter.framework) w.add('x.framework = ?', filter.framework);
  if (filter.product) w.add('x.product = ?', filter.product);
  keyset(w, 'x.created_at', after);
  return batch<AssessmentExportRow>(
    db,
    w,
    (whereSql, limit) => `
      SELECT x.id, c.code AS commitment, m.code AS member, x.framework, x.product, x.status, x.supersedes_id AS supersedes,
             x.published_at, to_jsonb(x) AS ratings, x.null_reasons, x.created_at
        FROM assessment x
        JOIN commitment c ON c.id = x.commitment_id
        JOIN member m ON m.id = c.member_id
        ${whereSql}
       ORDER BY x.created_at, x.id
       LIMIT ${limit}`,
    size,
    (r) => [r.created_at.toISOString(), r.id],
  );
}

export interface EvidenceExportFilter extends ScopeFilter {
  type?: string;
  stance?: string;
}

export interface EvidenceExportRow {
  id: string;
  commitment: string;
  member: string;
  milestone_ordinal: number | null;
  progress_update: string | null;
  type: string;
  title: string;
  summary: string | null;
  organisation_name: string | null;
  activity_date: string | null;
  links: string[] | null;
  stance: string;
  supported_completion: string | null;
  participation_level: string | null;
  created_at: Date;
}

/** Public evidence that is not hidden: restricted and hidden items never leave through an export. */
export function selectEvidenceBatch(
  db: EntityManager,
  filter: EvidenceExportFilter,
  after: unknown[] | undefined,
  size: number,
): Promise<Batch<EvidenceExportRow>> {
  const w = where();
  scope(w, filter);
  w.clauses.push(`x.visibility = 'PUBLIC'`, 'x.hidden_at IS NULL');
  if (filter.type) w.add('x.type = ?', filter.type);
  if (filter.stance) w.add('x.stance = ?', filter.stance);
  keyset(w, 'x.created_at', after);
  return batch<EvidenceExportRow>(
    db,
    w,
    (whereSql, limit) => `
      SELECT x.id, c.code AS commitment, m.code AS member, ms.ordinal AS milestone_ordinal,
             x.progress_update_id AS progress_update, x.type, x.title, x.summary, coalesce(o.name, x.organisation_name) AS organisation_name, x.activity_date,
             x.links, x.stance, x.supported_completion, x.iap2_level AS participation_level, x.created_at
        FROM evidence x
        JOIN commitment c ON c.id = x.commitment_id
        JOIN member m ON m.id = c.member_id
        LEFT JOIN milestone ms ON ms.id = x.milestone_id
        LEFT JOIN organisation o ON o.id = x.organisation_id
        ${whereSql}
       ORDER BY x.created_at, x.id
       LIMIT ${limit}`,
    size,
    (r) => [r.created_at.toISOString(), r.id],
  );
}
