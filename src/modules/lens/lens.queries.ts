import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared.js';
import type {
  Completion,
  DidItOpenGovernment,
  EarlyResults,
  PotentialForResults,
  PotentialImpact,
} from '../assessments/assessment.rules.js';
import type { Verdict } from '../commitments/agreement.rules.js';
import type { ReportedCompletion } from '../commitments/commitment-state.rules.js';
import type { DigitalGovernanceArea, OgpValue } from '../commitments/commitment.rules.js';
import type { LinkFact } from './dashboard.rules.js';

export async function selectMeetingDates(db: EntityManager, planId: string): Promise<string[]> {
  const rows = await preparedQuery<{ held_on: string }>(
    db,
    'SELECT held_on FROM forum_meeting WHERE action_plan_id = $1 ORDER BY held_on',
    [planId],
  );
  return rows.map((r) => r.held_on);
}

/**
 * The links that bear on the ecosystem coverage of a plan's digital strategy and policy commitments,
 * from commitments of any plan: every link into one of them, and every MONITORS link into a
 * commitment that co-designs or implements one of them (oversight of the services). One statement.
 */
export async function selectEcosystemLinks(db: EntityManager, planId: string): Promise<LinkFact[]> {
  const rows = await preparedQuery<{
    type: LinkFact['type'];
    to: string;
    code: string;
    title: string;
    area: DigitalGovernanceArea | null;
  }>(
    db,
    `WITH policy AS (
         SELECT id, code FROM commitment WHERE action_plan_id = $1 AND area = 'DIGITAL_STRATEGY_AND_POLICY'),
       inbound AS (
         SELECT l.type, p.code AS "to", f.id AS from_id, f.code, f.title, f.area
           FROM commitment_link l
           JOIN policy p ON p.id = l.to_commitment_id
           JOIN commitment f ON f.id = l.from_commitment_id),
       services AS (
         SELECT DISTINCT from_id, code FROM inbound WHERE type IN ('CO_DESIGNS', 'IMPLEMENTS'))
       SELECT type, "to", code, title, area FROM inbound
       UNION ALL
       SELECT l.type, s.code AS "to", f.code, f.title, f.area
         FROM commitment_link l
         JOIN services s ON s.from_id = l.to_commitment_id
         JOIN commitment f ON f.id = l.from_commitment_id
        WHERE l.type = 'MONITORS'`,
    [planId],
  );
  return rows.map((r) => ({ type: r.type, to: r.to, from: { code: r.code, title: r.title, area: r.area } }));
}

export interface CompareFilter {
  area?: DigitalGovernanceArea;
  tag?: string;
  value?: OgpValue;
  q?: string;
  afterMemberCode?: string;
}

/** How many of a member's commitments on the theme are listed (the most recent plans first). */
export const COMPARE_COMMITMENTS_PER_MEMBER = 25;

export interface CompareRow {
  code: string;
  name: string;
  type: string;
  region: string;
  summary: {
    commitments: number;
    independentlyAssessed: number;
    highCompletion: number;
    starred: number;
    strongResults: number;
    selfReportedComplete: number;
    agreement: Record<Verdict, number>;
  };
  commitments: {
    code: string;
    title: string;
    area: DigitalGovernanceArea | null;
    actionPlan: { id: string; sequenceNumber: number; title: string; startDate: string; endDate: string };
    selfReportedCompletion: ReportedCompletion | null;
    independent: {
      completion: Completion | null;
      potentialImpact: PotentialImpact | null;
      potentialForResults: PotentialForResults | null;
      earlyResults: EarlyResults | null;
      didItOpenGovernment: DidItOpenGovernment | null;
      starred: boolean | null;
    };
    agreement: Verdict;
  }[];
}

/**
 * Members with commitments on a theme, by member code, one more than `limit` when there is a next
 * page; per member, aggregates over all its matching commitments and the most recent of them. One
 * statement: the matching commitments are numbered per member and grouped, never fetched per member.
 */
export async function selectComparison(
  db: EntityManager,
  filter: CompareFilter,
  limit: number,
): Promise<CompareRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.area) where.push(`c.area = ${param(filter.area)}`);
  if (filter.value)
    where.push(
      `EXISTS (SELECT 1 FROM commitment_value fv WHERE fv.commitment_id = c.id AND fv.value = ${param(filter.value)})`,
    );
  if (filter.tag)
    where.push(
      `EXISTS (SELECT 1 FROM commitment_tag ft WHERE ft.commitment_id = c.id
                 AND ft.tag_id = (SELECT id FROM policy_area_tag WHERE slug = ${param(filter.tag)}))`,
    );
  if (filter.q) where.push(`c.search @@ websearch_to_tsquery('english', ${param(filter.q)})`);
  const memberAfter = filter.afterMemberCode ? `AND m.code > ${param(filter.afterMemberCode)}` : '';
  const perMember = param(COMPARE_COMMITMENTS_PER_MEMBER);
  const pageSize = param(limit + 1);
  // The page's members are chosen first, so that only their commitments are ranked and aggregated.
  return db.query(
    `WITH matched AS (
       SELECT c.id, c.member_id FROM commitment c WHERE ${where.join(' AND ')}),
     page AS (
       SELECT m.id, m.code, m.name, m.type, m.region FROM member m
        WHERE m.id IN (SELECT member_id FROM matched) ${memberAfter}
        ORDER BY m.code LIMIT ${pageSize}),
     ranked AS (
       SELECT c.member_id, c.code, c.title, c.area, c.self_reported_completion, c.irm_completion,
              c.irm_potential_impact, c.irm_potential_for_results, c.irm_early_results,
              c.irm_did_it_open_government, c.irm_starred, c.agreement,
              p.id AS plan_id, p.sequence_number, p.title AS plan_title, p.start_date, p.end_date,
              row_number() OVER (PARTITION BY c.member_id ORDER BY p.start_date DESC, c.code) AS rank
         FROM matched x
         JOIN page ON page.id = x.member_id
         JOIN commitment c ON c.id = x.id
         JOIN action_plan p ON p.id = c.action_plan_id),
     per_member AS (
       SELECT member_id,
              json_build_object(
                'commitments', count(*)::int,
                'independentlyAssessed', (count(*) FILTER (WHERE irm_completion IS NOT NULL))::int,
                'highCompletion', (count(*) FILTER (WHERE irm_completion IN ('SUBSTANTIAL', 'COMPLETE')))::int,
                'starred', (count(*) FILTER (WHERE irm_starred))::int,
                'strongResults', (count(*) FILTER (WHERE irm_did_it_open_government IN ('MAJOR', 'OUTSTANDING')
                                                      OR irm_early_results IN ('SIGNIFICANT', 'OUTSTANDING')))::int,
                'selfReportedComplete', (count(*) FILTER (WHERE self_reported_completion = 'COMPLETE'))::int,
                'agreement', json_build_object(
                   'CONSISTENT', (count(*) FILTER (WHERE agreement = 'CONSISTENT'))::int,
                   'DIVERGENT', (count(*) FILTER (WHERE agreement = 'DIVERGENT'))::int,
                   'CONTESTED', (count(*) FILTER (WHERE agreement = 'CONTESTED'))::int,
                   'UNVERIFIED', (count(*) FILTER (WHERE agreement = 'UNVERIFIED'))::int)) AS summary,
              json_agg(json_build_object(
                'code', code, 'title', title, 'area', area,
                'actionPlan', json_build_object('id', plan_id, 'sequenceNumber', sequence_number,
                                                'title', plan_title, 'startDate', start_date, 'endDate', end_date),
                'selfReportedCompletion', self_reported_completion,
                'independent', json_build_object(
                   'completion', irm_completion, 'potentialImpact', irm_potential_impact,
                   'potentialForResults', irm_potential_for_results, 'earlyResults', irm_early_results,
                   'didItOpenGovernment', irm_did_it_open_government, 'starred', irm_starred),
                'agreement', agreement) ORDER BY rank) FILTER (WHERE rank <= ${perMember}) AS commitments
         FROM ranked GROUP BY member_id)
     SELECT page.code, page.name, page.type, page.region, pm.summary, pm.commitments
       FROM page JOIN per_member pm ON pm.member_id = page.id
      ORDER BY page.code`,
    params,
  );
}
