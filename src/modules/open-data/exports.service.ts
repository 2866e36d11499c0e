import { Injectable, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { csvLine } from '../../common/csv/csv.js';
import { planDurationMonths } from '../action-plans/action-plan.rules.js';
import {
  type AssessmentIndicators,
  INDICATORS,
  type NullReasons,
  starred,
} from '../assessments/assessment.rules.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import type { CommitmentResponse, ListCommitmentsQuery } from '../commitments/dto/commitment.dto.js';
import {
  type AssessmentExportFilter,
  type Batch,
  type CommitmentExportFacts,
  type EvidenceExportFilter,
  type MilestoneExportFilter,
  type ScopeFilter,
  selectAssessmentBatch,
  selectCommitmentExportFacts,
  selectEvidenceBatch,
  selectMilestoneBatch,
  selectProgressBatch,
} from './export.queries.js';
import { formatIrmDate, irmLabel, ratingCell } from './irm-export.rules.js';
import { IRM_COLUMNS } from './irm.rules.js';

export type ExportFormat = 'csv' | 'json';

const BATCH = 500;

/** A table to export: its columns and how a row fills them (CSV), and the row as JSON. */
interface Table<Row> {
  columns: string[];
  cells: (row: Row) => unknown[];
  json: (row: Row) => unknown;
}

/**
 * Everything public, out in open formats: CSV (UTF-8, header row) and JSON arrays, streamed batch by
 * batch so that memory stays constant whatever the size; filtered like the lists; no personal data.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
  ) {}

  /**
   * Commitments with the IRM data export's column names where a field has one (so the importer reads
   * an export back), then the register's own columns; as JSON, as the API represents them.
   */
  commitmentsFile(
    filter: Omit<ListCommitmentsQuery, 'limit' | 'cursor'>,
    format: ExportFormat,
  ): StreamableFile {
    const page = (cursor: string | undefined) => this.commitments.list({ ...filter, limit: 200, cursor });
    const factsOf = (ids: string[]) => selectCommitmentExportFacts(this.dataSource.manager, ids);
    const tags = (): Promise<{ slug: string; label: string }[]> =>
      this.dataSource.query('SELECT slug, label FROM policy_area_tag ORDER BY label, slug');
    async function* rows(): AsyncGenerator<{ c: CommitmentResponse; facts: CommitmentExportFacts }> {
      let cursor: string | undefined;
      do {
        const { items, nextCursor } = await page(cursor);
        const facts = await factsOf(items.map((c) => c.id));
        for (const c of items) yield { c, facts: facts.get(c.id) as CommitmentExportFacts };
        cursor = nextCursor ?? undefined;
      } while (cursor);
    }
    async function* csv(): AsyncGenerator<string> {
      yield* csvTable(rows(), commitmentTable(await tags()));
    }
    return file('commitments', format, format === 'json' ? jsonArray(rows(), ({ c }) => c) : csv());
  }

  milestonesFile(filter: MilestoneExportFilter, format: ExportFormat): StreamableFile {
    return this.tableFile(
      'milestones',
      format,
      (after) => selectMilestoneBatch(this.dataSource.manager, filter, after, BATCH),
      {
        columns: [
          'Commitment',
          'Member',
          'Ordinal',
          'Title',
          'Deliverable',
          'Target Indicator',
          'Target Value',
          'Target Unit',
          'Start Date',
          'Start Date Precision',
          'Due Date',
          'Due Date Precision',
          'Responsible Institution',
          'Weight',
          'Status',
          'Completed On',
          'Milestone ID',
        ],
        cells: (m) => [
          m.commitment,
          m.member,
          m.ordinal,
          m.title,
          m.deliverable,
          m.target_indicator,
          m.target_value === null ? null : Number(m.target_value),
          m.target_unit,
          m.start_date,
          m.start_date_precision,
          m.due_date,
          m.due_date_precision,
          m.responsible_institution,
          Number(m.weight),
          m.status,
          m.completed_on,
          m.id,
        ],
        json: (m) => ({
          id: m.id,
          commitment: m.commitment,
          member: m.member,
          ordinal: m.ordinal,
          title: m.title,
          deliverable: m.deliverable,
          target:
            m.target_indicator === null || m.target_value === null
              ? null
              : { indicator: m.target_indicator, value: Number(m.target_value), unit: m.target_unit ?? '' },
          startDate: m.start_date,
          startDatePrecision: m.start_date_precision,
          dueDate: m.due_date,
          dueDatePrecision: m.due_date_precision,
          responsibleInstitution: m.responsible_institution,
          weight: Number(m.weight),
          status: m.status,
          completedOn: m.completed_on,
          updatedAt: m.updated_at.toISOString(),
        }),
      },
    );
  }

  progressFile(filter: ScopeFilter, format: ExportFormat): StreamableFile {
    return this.tableFile(
      'progress-updates',
      format,
      (after) => selectProgressBatch(this.dataSource.manager, filter, after, BATCH),
      {
        columns: [
          'Commitment',
          'Member',
          'Milestone',
          'Reported Completion',
          'Milestone Status',
          'Percent Complete',
          'Narrative',
          'Links',
          'Period Start',
          'Period End',
          'Corrects',
          'Reported At',
          'Progress Update ID',
        ],
        cells: (p) => [
          p.commitment,
          p.member,
          p.milestone_ordinal,
          p.reported_completion,
          p.milestone_status,
          p.percent_complete,
          p.narrative,
          (p.links ?? []).join(' '),
          p.period_start,
          p.period_end,
          p.corrects,
          p.created_at.toISOString(),
          p.id,
        ],
        json: (p) => ({
          id: p.id,
          commitment: p.commitment,
          member: p.member,
          milestone: p.milestone_ordinal,
          reportedCompletion: p.reported_completion,
          milestoneStatus: p.milestone_status,
          percentComplete: p.percent_complete,
          narrative: p.narrative,
          links: p.links ?? [],
          periodStart: p.period_start,
          periodEnd: p.period_end,
          corrects: p.corrects,
          createdAt: p.created_at.toISOString(),
        }),
      },
    );
  }

  assessmentsFile(filter: AssessmentExportFilter, format: ExportFormat): StreamableFile {
    const indicators = (a: { ratings: Record<string, unknown> }) =>
      Object.fromEntries(INDICATORS.map((name) => [name, a.ratings[snake(name)] ?? null]));
    return this.tableFile(
      'assessments',
      format,
      (after) => selectAssessmentBatch(this.dataSource.manager, filter, after, BATCH),
      {
        columns: [
          'Commitment',
          'Member',
          'Framework',
          'Product',
          'Status',
          'Published At',
          ...INDICATORS,
          'Supersedes',
          'Assessment ID',
        ],
        cells: (a) => [
          a.commitment,
          a.member,
          a.framework,
          a.product,
          a.status,
          a.published_at.toISOString(),
          ...INDICATORS.map((name) => {
            const value = a.ratings[snake(name)];
            return value === null || value === undefined ? (a.null_reasons[name] ?? null) : value;
          }),
          a.supersedes,
          a.id,
        ],
        json: (a) => ({
          id: a.id,
          commitment: a.commitment,
          member: a.member,
          framework: a.framework,
          product: a.product,
          status: a.status,
          supersedes: a.supersedes,
          publishedAt: a.published_at.toISOString(),
          indicators: indicators(a),
          nullReasons: a.null_reasons,
        }),
      },
    );
  }

  evidenceFile(filter: EvidenceExportFilter, format: ExportFormat): StreamableFile {
    return this.tableFile(
      'evidence',
      format,
      (after) => selectEvidenceBatch(this.dataSource.manager, filter, after, BATCH),
      {
        columns: [
          'Commitment',
          'Member',
          'Milestone',
          'Progress Update',
          'Type',
          'Title',
          'Summary',
          'Organisation',
          'Activity Date',
          'Links',
          'Stance',
          'Supported Completion',
          'Participation Level',
          'Submitted At',
          'Evidence ID',
        ],
        cells: (e) => [
          e.commitment,
          e.member,
          e.milestone_ordinal,
          e.progress_update,
          e.type,
          e.title,
          e.summary,
          e.organisation_name,
          e.activity_date,
          (e.links ?? []).join(' '),
          e.stance,
          e.supported_completion,
          e.participation_level,
          e.created_at.toISOString(),
          e.id,
        ],
        json: (e) => ({
          id: e.id,
          commitment: e.commitment,
          member: e.member,
          milestone: e.milestone_ordinal,
          progressUpdate: e.progress_update,
          type: e.type,
          title: e.title,
          summary: e.summary,
          organisation: e.organisation_name,
          activityDate: e.activity_date,
          links: e.links ?? [],
          stance: e.stance,
          supportedCompletion: e.supported_completion,
          participationLevel: e.participation_level,
          createdAt: e.created_at.toISOString(),
        }),
      },
    );
  }

  private tableFile<Row>(
    name: string,
    format: ExportFormat,
    next: (after: unknown[] | undefined) => Promise<Batch<Row>>,
    table: Table<Row>,
  ): StreamableFile {
    async function* rows(): AsyncGenerator<Row> {
      let after: unknown[] | undefined;
      do {
        const batch = await next(after);
        yield* batch.rows;
        after = batch.next;
      } while (after);
    }
    return file(name, format, format === 'json' ? jsonArray(rows(), table.json) : csvTable(rows(), table));
  }
}

function file(name: string, format: ExportFormat, chunks: AsyncGenerator<string>): StreamableFile {
  return new StreamableFile(Readable.from(chunks), {
    type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    disposition: `attachment; filename="${name}.${format}"`,
  });
}

async function* csvTable<Row>(
  rows: AsyncIterable<Row>,
  table: Pick<Table<Row>, 'columns' | 'cells'>,
): AsyncGenerator<string> {
  yield csvLine(table.columns);
  for await (const row of rows) yield csvLine(table.cells(row) as (string | number | boolean | null)[]);
}

async function* jsonArray<Row>(
  rows: AsyncIterable<Row>,
  toJson: (row: Row) => unknown,
): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(toJson(row))}`;
    first = false;
  }
  yield '\n]\n';
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

type Report = { ratings: Record<string, unknown>; nullReasons: NullReasons } | undefined;

/** The commitments CSV: the IRM columns, the tags as 0/1 columns named by their label, then ours. */
function commitmentTable(
  tags: { slug: string; label: string }[],
): Pick<Table<{ c: CommitmentResponse; facts: CommitmentExportFacts }>, 'columns' | 'cells'> {
  const C = IRM_COLUMNS;
  const columns = [
    C.code,
    C.memberName,
    C.memberCode,
    C.region,
    C.nationalOrLocal,
    C.planId,
    C.planNumber,
    C.number,
    C.yearOfSubmission,
    C.planEndYear,
    C.planDuration,
    C.title,
    C.shortTitle,
    C.fullText,
    C.startDate,
    C.endDate,
    C.leadInstitution,
    C.supportingInstitutions,
    ...tags.map((t) => t.label),
    C.specificity,
    C.verifiable,
    C.valueAccessToInformation,
    C.valueCivicParticipation,
    C.valuePublicAccountability,
    C.valueTechnology,
    C.potentialImpact,
    C.completionProgressReport,
    C.starredProgressReport,
    C.potentialForResults,
    C.completionEndOfTerm,
    C.earlyResults,
    C.didItOpenGovernment,
    C.didItOpenGovernmentAccessToInformation,
    C.didItOpenGovernmentCivicParticipation,
    C.didItOpenGovernmentPublicAccountability,
    C.starredEndOfTerm,
    C.carriedForward,
    C.url,
    'Participatory Digital Governance Area',
    'Participation Level',
    'Self-Reported Completion',
    'Completion Level (Milestones)',
    'Agreement',
  ];
  return {
    columns,
    cells: ({ c, facts }) => {
      const report = (framework: string, product: string): Report =>
        facts.assessments.find((a) => a.framework === framework && a.product === product);
      const pr = report('IRM_LEGACY', 'PROGRESS_REPORT');
      const eot = report('IRM_LEGACY', 'END_OF_TERM_REPORT');
      const apr = report('IRM_2021', 'ACTION_PLAN_REVIEW');
      const rr = report('IRM_2021', 'RESULTS_REPORT');
      const legacy = pr ?? eot;
      const rating = (r: Report, name: keyof AssessmentIndicators) =>
        ratingCell(r?.ratings[snake(name)] as string | boolean | null, r?.nullReasons[name], r !== undefined);
      const star = (r: Report) => {
        if (!r) return '';
        const s = starred('IRM_LEGACY', indicatorsOf(r)).starred;
        return s === null ? '' : irmLabel(s);
      };
      const months = planDurationMonths(facts.plan_start_date, facts.plan_end_date);
      const date = (
        text: string | null,
        value: string | null,
        precision: CommitmentResponse['startDatePrecision'],
      ) => text ?? (value === null ? '' : formatIrmDate(value, precision));
      return [
        c.code,
        c.member.name,
        c.member.code,
        irmLabel(facts.member_region).replace(' And The ', ' and the '),
        irmLabel(facts.member_type),
        facts.plan_irm_id,
        c.actionPlan.sequenceNumber,
        c.number,
        Number(facts.plan_start_date.slice(0, 4)),
        Number(facts.plan_end_date.slice(0, 4)),
        Math.max(1, Math.round(months / 12)),
        c.title,
        facts.short_title,
        facts.full_text,
        date(facts.start_date_text, c.startDate, c.startDatePrecision),
        date(facts.end_date_text, c.endDate, c.endDatePrecision),
        c.leadInstitution?.name ?? '',
        c.supportingInstitutions.map((i) => i.name).join('; '),
        ...tags.map((t) => (c.tags.includes(t.slug) ? 1 : 0)),
        rating(legacy, 'specificity'),
        apr
          ? rating(apr, 'verifiable')
          : legacy && legacy.ratings.specificity === null
            ? rating(legacy, 'verifiable')
            : '',
        rating(legacy, 'relevanceAccessToInformation'),
        rating(legacy, 'relevanceCivicParticipation'),
        rating(legacy, 'relevancePublicAccountability'),
        rating(legacy, 'relevanceTechnology'),
        rating(legacy, 'potentialImpact'),
        rating(pr, 'completion'),
        star(pr),
        rating(apr, 'potentialForResults'),
        eot ? rating(eot, 'completion') : rating(rr, 'completion'),
        rating(rr, 'earlyResults'),
        rating(eot, 'didItOpenGovernment'),
        rating(eot, 'didItOpenGovernmentAccessToInformation'),
        rating(eot, 'didItOpenGovernmentCivicParticipation'),
        rating(eot, 'didItOpenGovernmentPublicAccountability'),
        star(eot),
        facts.carried_forward === null ? '' : irmLabel(facts.carried_forward),
        facts.url,
        c.area,
        c.participationLevel,
        c.state.selfReportedCompletion,
        c.state.completionLevel,
        c.agreement,
      ];
    },
  };
}

function indicatorsOf(r: NonNullable<Report>): AssessmentIndicators {
  return Object.fromEntries(
    INDICATORS.map((name) => [name, r.ratings[snake(name)] ?? null]),
  ) as AssessmentIndicators;
}
