import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { partialDateProblems } from '../../common/dates/partial-date.rules.js';
import { DomainError, type FieldError, invalidFields } from '../../common/errors/domain-error.js';
import { decodeCursor, Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { ActionPlansService } from '../action-plans/action-plans.service.js';
import { commitmentProblems } from '../commitments/commitment.rules.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { type SmartReportResponse, toSmartReportResponse } from '../commitments/dto/smart.dto.js';
import { type SmartInput, type SmartMilestone, smartCheck } from '../commitments/smart.rules.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { commitmentCounts, ecosystemCoverage, forumCadence, highestLevel } from './dashboard.rules.js';
import type { CompareMember, CompareQuery } from './dto/compare.dto.js';
import type { PlanDashboardResponse } from './dto/dashboard.dto.js';
import type { SmartCheckDto } from './dto/smart-check.dto.js';
import { selectComparison, selectEcosystemLinks, selectMeetingDates } from './lens.queries.js';

/** A page of the comparison, with the theme it is about. */
export class ComparisonPage extends Page<CompareMember> {
  constructor(
    items: CompareMember[],
    nextCursor: string | null,
    readonly theme: { area: string | null; tag: string | null; value: string | null; q: string | null },
  ) {
    super(items, nextCursor);
  }
}

/**
 * Views across commitments: the SMART check of a draft, a plan's dashboard and the comparison of
 * members on a theme. Read-only; each answers with a fixed number of statements.
 */
@Injectable()
export class LensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ActionPlansService,
    private readonly commitments: CommitmentsService,
    private readonly institutions: InstitutionsService,
  ) {}

  /** The SMART check of a commitment not yet saved: the same findings it will have once saved. */
  async checkDraft(dto: SmartCheckDto): Promise<SmartReportResponse> {
    const milestones = dto.milestones ?? [];
    const problems: FieldError[] = commitmentProblems({
      code: dto.code ?? '',
      startDate: dto.startDate,
      startDatePrecision: dto.startDatePrecision ?? 'DAY',
      endDate: dto.endDate,
      endDatePrecision: dto.endDatePrecision ?? 'DAY',
      values: dto.values ?? undefined,
      links: dto.links ?? undefined,
      leadInstitutionId: dto.leadInstitutionId,
      supportingInstitutionIds: dto.supportingInstitutionIds ?? undefined,
      tags: dto.tags ?? undefined,
    });
    const ordinals = new Set<number>();
    let lastOrdinal = 0;
    const ordinalOf = milestones.map((m, index) => {
      const ordinal = m.ordinal ?? lastOrdinal + 1;
      if (ordinals.has(ordinal))
        problems.push({ field: `milestones[${index}].ordinal`, message: `repeats ${ordinal}` });
      ordinals.add(ordinal);
      lastOrdinal = Math.max(lastOrdinal, ordinal);
      return ordinal;
    });
    milestones.forEach((m, index) => {
      const dates = partialDateProblems(
        {
          field: 'startDate',
          value: m.startDate ? { date: m.startDate, precision: m.startDatePrecision ?? 'DAY' } : undefined,
        },
        {
          field: 'dueDate',
          value: m.dueDate ? { date: m.dueDate, precision: m.dueDatePrecision ?? 'DAY' } : undefined,
        },
      );
      problems.push(...dates.map((p) => ({ ...p, field: `milestones[${index}].${p.field}` })));
    });
    if (problems.length > 0) throw invalidFields('smart_check.invalid', problems);

    const db = this.dataSource.manager;
    const plan = dto.actionPlanId ? await this.planPeriod(dto.actionPlanId) : null;
    const names = await this.institutions.namesOf(db, [
      ...(dto.leadInstitutionId ? [{ id: dto.leadInstitutionId, field: 'leadInstitutionId' }] : []),
      ...milestones.flatMap((m, index) =>
        m.responsibleInstitutionId
          ? [{ id: m.responsibleInstitutionId, field: `milestones[${index}].responsibleInstitutionId` }]
          : [],
      ),
    ]);
    const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
    // Stored, values come back ordered by value and milestones by ordinal: the draft is checked in that
    // order too (so that its findings come in the same order), and each finding then names the place
    // in the draft's own arrays.
    const values = (dto.values ?? [])
      .map((v, index) => ({ v, index }))
      .sort((a, b) => (a.v.value < b.v.value ? -1 : a.v.value > b.v.value ? 1 : 0));
    const ordered = milestones
      .map((m, index) => ({ m, index, ordinal: ordinalOf[index] }))
      .sort((a, b) => a.ordinal - b.ordinal);
    const input: SmartInput = {
      title: dto.title ?? null,
      problem: dto.problem ?? null,
      solution: dto.solution ?? null,
      startDate: dto.startDate ?? null,
      startDatePrecision: dto.startDatePrecision ?? 'DAY',
      endDate: dto.endDate ?? null,
      endDatePrecision: dto.endDatePrecision ?? 'DAY',
      leadInstitution: nameOf(dto.leadInstitutionId),
      // Stored justifications are trimmed; so are these, for the same findings.
      values: values.map(({ v }) => ({ value: v.value, justification: v.justification?.trim() ?? null })),
      participationMechanism: dto.participationMechanism ?? null,
      participationLevel: dto.participationLevel ?? null,
      plan,
      milestones: ordered.map(({ m, ordinal }): SmartMilestone => ({
        ordinal,
        title: m.title ?? null,
        deliverable: m.deliverable ?? null,
        target: m.target
          ? { indicator: m.target.indicator, value: m.target.value, unit: m.target.unit }
          : null,
        startDate: m.startDate ?? null,
        startDatePrecision: m.startDatePrecision ?? 'DAY',
        dueDate: m.dueDate ?? null,
        dueDatePrecision: m.dueDatePrecision ?? 'DAY',
        responsibleInstitution: nameOf(m.responsibleInstitutionId),
        withdrawn: m.status === 'WITHDRAWN',
      })),
    };
    const report = smartCheck(input);
    const inDraft = (field: string) =>
      field.replace(
        /^(values|milestones)\[(\d+)\]/,
        (_all, list: string, i: string) =>
          `${list}[${(list === 'values' ? values : ordered)[Number(i)].index}]`,
      );
    for (const letter of report.letters) {
      for (const finding of letter.findings) finding.field = inDraft(finding.field);
    }
    return toSmartReportResponse(null, report);
  }

  private async planPeriod(id: string): Promise<{ startDate: string; endDate: string }> {
    const rows: { start_date: string; end_date: string }[] = isUuid(id)
      ? await this.dataSource.query('SELECT start_date, end_date FROM action_plan WHERE id = $1', [id])
      : [];
    if (rows.length === 0) {
      throw invalidFields('smart_check.action_plan_not_found', [
        { field: 'actionPlanId', message: `no action plan ${id} exists` },
      ]);
    }
    return { startDate: rows[0].start_date, endDate: rows[0].end_date };
  }

  /** A plan as a whole: its commitments counted every way, its forum's cadence and its ecosystem. */
  async dashboard(planId: string): Promise<PlanDashboardResponse> {
    const db = this.dataSource.manager;
    const actionPlan = await this.plans.get(planId);
    const asOf = new Date().toISOString().slice(0, 10);
    const commitments = await this.commitments.allOfPlan(actionPlan.id);
    const meetings = await selectMeetingDates(db, actionPlan.id);
    const links = await selectEcosystemLinks(db, actionPlan.id);
    return {
      actionPlan,
      asOf,
      commitments: commitmentCounts(
        commitments.map((c) => ({
          code: c.code,
          area: c.area,
          values: c.values.map((v) => v.value),
          completionLevel: c.state.completionLevel,
          selfReportedCompletion: c.state.selfReportedCompletion,
          independentCompletion: c.independent.completion,
          agreement: c.agreement,
          overdueMilestones: c.state.overdueMilestones,
          participationLevel: c.participationLevel,
          smart: c.smart,
        })),
      ),
      forum: forumCadence(actionPlan, meetings, asOf),
      participation: {
        coCreationLevel: actionPlan.coCreationLevel,
        implementationLevel: actionPlan.implementationLevel,
        participationOpenness: actionPlan.participationOpenness,
        highestCommitmentLevel: highestLevel(commitments.map((c) => c.participationLevel)),
      },
      ecosystem: ecosystemCoverage(
        commitments
          .filter((c) => c.area === 'DIGITAL_STRATEGY_AND_POLICY')
          .map((c) => ({ code: c.code, title: c.title })),
        links,
      ),
    };
  }

  /** Members side by side on a theme: who did it before, and how it went. */
  async compare(query: CompareQuery): Promise<ComparisonPage> {
    if (!query.area && !query.tag && !query.value && !query.q) {
      throw new DomainError('invalid', 'compare.theme_required', 'Name a theme: area, tag, value or q.', [
        { field: 'area', message: 'give at least one of area, tag, value or q' },
      ]);
    }
    const limit = pageSize(query);
    const rows = await selectComparison(
      this.dataSource.manager,
      {
        area: query.area,
        tag: query.tag,
        value: query.value,
        q: query.q,
        afterMemberCode: query.cursor ? String(decodeCursor(query.cursor, ['string'])[0]) : undefined,
      },
      limit,
    );
    const theme = {
      area: query.area ?? null,
      tag: query.tag ?? null,
      value: query.value ?? null,
      q: query.q ?? null,
    };
    const filters = new URLSearchParams(
      Object.entries(theme).filter((e): e is [string, string] => e[1] !== null),
    );
    const page = toPage(
      rows,
      limit,
      (row) => [row.code],
      (row): CompareMember => ({
        member: { code: row.code, name: row.name, type: row.type, region: row.region },
        summary: row.summary,
        commitments: row.commitments,
        commitmentsUrl: `/api/v1/commitments?member=${row.code}&${filters.toString()}`,
      }),
    );
    return new ComparisonPage(page.items, page.nextCursor, theme);
  }
}
