import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, type FieldError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { assertVersion, type ExpectedVersion } from '../../common/http/preconditions.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { assertCanAssess } from '../access/access.policy.js';
import { canAssessMember } from '../access/access.rules.js';
import { type AuditEntry, AuditService } from '../audit/audit.service.js';
import type { Commitment } from '../commitments/commitment.entity.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { Assessment } from './assessment.entity.js';
import {
  type AssessmentIndicators,
  derivedFacts,
  type Framework,
  independentView,
  INDICATORS,
  type Indicator,
  INDICATORS_OF,
  indicatorProblems,
  type NullReasons,
  type Product,
  publishProblems,
} from './assessment.rules.js';
import type {
  AssessmentResponse,
  CreateAssessmentDto,
  ListAssessmentsQuery,
  UpdateAssessmentDto,
} from './dto/assessment.dto.js';

registerConstraintMessages({
  uq_assessment_published: {
    kind: 'conflict',
    code: 'assessment.report_already_published',
    message: 'This report already has a published assessment of the commitment: supersede it instead.',
  },
  uq_assessment_supersedes: {
    kind: 'conflict',
    code: 'assessment.already_superseded',
    field: 'supersedes',
    message: 'That assessment is already superseded by another.',
  },
});

/** Independent (IRM) assessments: drafts until published, immutable once published, superseded by name. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
    private readonly audit: AuditService,
  ) {}

  /** Published and superseded assessments for everyone; drafts too for admins and the member's assessors. */
  async list(
    actor: Actor,
    commitmentKey: string,
    query: ListAssessmentsQuery,
  ): Promise<Page<AssessmentResponse>> {
    const commitment = await this.commitments.find(this.dataSource.manager, commitmentKey);
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(Assessment)
      .createQueryBuilder('a')
      .where('a.commitment_id = :id', { id: commitment.id })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit + 1);
    if (!canAssessMember(actor, commitment.memberId)) qb.andWhere(`a.status <> 'DRAFT'`);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(a.created_at, a.id) > (:createdAt::timestamptz, :afterId::uuid)', {
        createdAt,
        afterId: id,
      });
    }
    const rows = await qb.getMany();
    const supersededBy = await this.supersededBy(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return toPage(
      rows,
      limit,
      (a) => [a.createdAt.toISOString(), a.id],
      (a) => toAssessmentResponse(a, commitment.code, supersededBy.get(a.id) ?? null),
    );
  }

  async get(actor: Actor, id: string): Promise<AssessmentResponse> {
    const db = this.dataSource.manager;
    const assessment = await this.find(db, id);
    const commitment = await this.commitments.find(db, assessment.commitmentId);
    // A draft is not published: to anyone who may not assess it, it does not exist.
    if (assessment.status === 'DRAFT' && !canAssessMember(actor, commitment.memberId))
      throw notFound('assessment', id);
    return this.read(db, assessment, commitment);
  }

  async create(actor: Actor, commitmentKey: string, dto: CreateAssessmentDto): Promise<AssessmentResponse> {
    const indicators = dto.indicators ?? {};
    const nullReasons = (dto.nullReasons ?? {}) as NullReasons;
    const problems = indicatorProblems(dto.framework, dto.product, indicators, nullReasons);
    if (problems.length > 0) throw invalidFields('assessment.invalid_indicators', asBodyPaths(problems));
    return this.dataSource.transaction(async (tx) => {
      const commitment = await this.commitments.find(tx, commitmentKey, true);
      assertCanAssess(actor, commitment.memberId, {
        resourceType: 'assessment',
        resourceId: `new of commitment ${commitment.id}`,
        commitmentId: commitment.id,
      });
      if (dto.supersedes)
        await this.assertSupersedable(tx, dto.supersedes, commitment.id, dto.framework, dto.product);
      const id = randomUUID();
      await tx.insert(Assessment, {
        id,
        commitmentId: commitment.id,
        framework: dto.framework,
        product: dto.product,
        status: 'DRAFT',
        supersedesId: dto.supersedes ?? null,
        assessorId: actor.kind === 'user' ? actor.userId : null,
        summary: dto.summary ?? null,
        ...indicatorColumns(indicators),
        nullReasons,
      });
      const created = await this.read(tx, await this.find(tx, id), commitment);
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'assessment',
        resourceId: id,
        commitmentId: commitment.id,
        after: created,
      });
      return created;
    });
  }

  async update(
    actor: Actor,
    id: string,
    expected: ExpectedVersion,
    dto: UpdateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.dataSource.transaction(async (tx) => {
      const assessment = await this.find(tx, id, true);
      const commitment = await this.commitments.find(tx, assessment.commitmentId);
      assertCanAssess(actor, commitment.memberId, {
        resourceType: 'assessment',
        resourceId: id,
        commitmentId: commitment.id,
      });
      this.assertDraft(assessment);
      assertVersion(expected, assessment.version, 'assessment');
      // What is stored, where rated, with what the body gives (an explicit null in the body must have a reason).
      const indicators: AssessmentIndicators = {
        ...onlyGiven(indicatorsOf(assessment)),
        ...(dto.indicators ?? {}),
      };
      const nullReasons =
        dto.nullReasons !== undefined ? (dto.nullReasons as NullReasons) : assessment.nullReasons;
      const problems = indicatorProblems(assessment.framework, assessment.product, indicators, nullReasons);
      if (problems.length > 0) throw invalidFields('assessment.invalid_indicators', asBodyPaths(problems));
      const before = await this.read(tx, assessment, commitment);
      await tx.update(
        Assessment,
        { id },
        {
          ...indicatorColumns(dto.indicators ?? {}),
          nullReasons,
          ...(dto.summary !== undefined ? { summary: dto.summary } : {}),
        },
      );
      const after = await this.read(tx, await this.find(tx, id), commitment);
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'assessment',
        resourceId: id,
        commitmentId: commitment.id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Publishes a draft: every indicator of its report rated or given a reason; one published
   * assessment per commitment and report, so a second must name the one it supersedes.
   */
  async publish(actor: Actor, id: string, expected: ExpectedVersion): Promise<AssessmentResponse> {
    return this.dataSource.transaction(async (tx) => {
      const assessment = await this.find(tx, id, true);
      const commitment = await this.commitments.find(tx, assessment.commitmentId, true);
      assertCanAssess(actor, commitment.memberId, {
        resourceType: 'assessment',
        resourceId: id,
        commitmentId: commitment.id,
      });
      this.assertDraft(assessment);
      assertVersion(expected, assessment.version, 'assessment');
      const problems = publishProblems(
        assessment.framework,
        assessment.product,
        onlyGiven(indicatorsOf(assessment)),
        assessment.nullReasons,
      );
      if (problems.length > 0) throw invalidFields('assessment.incomplete', asBodyPaths(problems));
      const before = await this.read(tx, assessment, commitment);
      if (assessment.supersedesId) {
        await this.assertSupersedable(
          tx,
          assessment.supersedesId,
          commitment.id,
          assessment.framework,
          assessment.product,
        );
        await tx.update(Assessment, { id: assessment.supersedesId }, { status: 'SUPERSEDED' });
      } else {
        const [published]: { id: string }[] = await tx.query(
          `SELECT id FROM assessment WHERE commitment_id = $1 AND framework = $2 AND product = $3 AND status = 'PUBLISHED'`,
          [commitment.id, assessment.framework, assessment.product],
        );
        if (published) {
          throw new DomainError(
            'conflict',
            'assessment.report_already_published',
            `This ${assessment.product} already has a published assessment (${published.id}) of ${commitment.code}: create one with "supersedes": "${published.id}" to replace it.`,
          );
        }
      }
      await tx.update(Assessment, { id }, { status: 'PUBLISHED', publishedAt: new Date() });
      await this.refreshIndependentView(tx, commitment);
      await this.commitments.refreshAgreement(tx, commitment.id);
      const after = await this.read(tx, await this.find(tx, id), commitment);
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'assessment',
        resourceId: id,
        commitmentId: commitment.id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Makes these ratings the published assessment of the commitment for their report, as an import of
   * OGP's data does: nothing when the published one already says exactly this; otherwise a new
   * published assessment, superseding the one before. Indicators the source does not carry (`unknown`)
   * keep what the published one says. The audit entry goes to `audit` (the caller
   * records them all at once), and the commitment's views are refreshed by the caller with
   * refreshViews() once all its reports are in.
   */
  async importPublished(
    tx: EntityManager,
    commitment: Pick<Commitment, 'id' | 'code'>,
    report: {
      framework: Framework;
      product: Product;
      indicators: AssessmentIndicators;
      nullReasons: NullReasons;
    },
    unknown: readonly Indicator[],
    audit: AuditEntry[],
  ): Promise<'created' | 'superseded' | 'unchanged'> {
    const { framework, product } = report;
    const current = await tx.findOne(Assessment, {
      where: { commitmentId: commitment.id, framework, product, status: 'PUBLISHED' },
    });
    const indicators: AssessmentIndicators = { ...report.indicators };
    const nullReasons: NullReasons = { ...report.nullReasons };
    // What the report rates, and what else the source gives that the report accepts (a legacy `verifiable`).
    const rated = [
      ...new Set([
        ...INDICATORS_OF(framework, product),
        ...INDICATORS.filter((name) => report.indicators[name] !== undefined),
      ]),
    ];
    for (const name of current ? unknown.filter((n) => rated.includes(n)) : []) {
      Object.assign(indicators, { [name]: current?.[name] ?? null });
      if (current?.nullReasons[name]) nullReasons[name] = current.nullReasons[name];
      else delete nullReasons[name];
      if (indicators[name] === null && !nullReasons[name])
        nullReasons[name] = report.nullReasons[name] ?? 'NO_DATA';
    }
    const problems = [
      ...indicatorProblems(framework, product, indicators, nullReasons),
      ...publishProblems(framework, product, onlyGiven(indicators), nullReasons),
    ];
    if (problems.length > 0) throw invalidFields('assessment.invalid_indicators', asBodyPaths(problems));
    if (
      current &&
      rated.every(
        (name) =>
          (current[name] ?? null) === (indicators[name] ?? null) &&
          (current[name] !== null || current.nullReasons[name] === nullReasons[name]),
      )
    ) {
      return 'unchanged';
    }
    // One published assessment per report: the one before steps aside first.
    if (current) await tx.update(Assessment, { id: current.id }, { status: 'SUPERSEDED' });
    const id = randomUUID();
    await tx.insert(Assessment, {
      id,
      commitmentId: commitment.id,
      framework,
      product,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      supersedesId: current?.id ?? null,
      assessorId: null,
      summary: null,
      ...indicatorColumns(Object.fromEntries(rated.map((name) => [name, indicators[name] ?? null]))),
      nullReasons: Object.fromEntries(
        rated.filter((name) => nullReasons[name]).map((name) => [name, nullReasons[name]]),
      ),
    });
    audit.push({
      action: 'CREATE',
      resourceType: 'assessment',
      resourceId: id,
      commitmentId: commitment.id,
      after: toAssessmentResponse(await this.find(tx, id), commitment.code, null),
    });
    return current ? 'superseded' : 'created';
  }

  /** The commitment's independent view and agreement verdict, after its published assessments changed. */
  async refreshViews(tx: EntityManager, commitment: Pick<Commitment, 'id'>): Promise<void> {
    await this.refreshIndependentView(tx, commitment);
    await this.commitments.refreshAgreement(tx, commitment.id);
  }

  /** What the published assessments say, kept on the commitment for its filters and representation. */
  private async refreshIndependentView(tx: EntityManager, commitment: Pick<Commitment, 'id'>): Promise<void> {
    const published = await tx.find(Assessment, {
      where: { commitmentId: commitment.id, status: 'PUBLISHED' },
    });
    const view = independentView(
      published.map((a) => ({
        framework: a.framework,
        product: a.product,
        publishedAt: (a.publishedAt ?? a.updatedAt).toISOString(),
        indicators: indicatorsOf(a),
      })),
    );
    await tx.query(
      `UPDATE commitment SET irm_completion = $2, irm_potential_impact = $3, irm_potential_for_results = $4, irm_early_results = $5,
              irm_did_it_open_government = $6, irm_starred = $7, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        commitment.id,
        view.completion,
        view.potentialImpact,
        view.potentialForResults,
        view.earlyResults,
        view.didItOpenGovernment,
        view.starred,
      ],
    );
  }

  private assertDraft(assessment: Assessment): void {
    if (assessment.status !== 'DRAFT') {
      throw new DomainError(
        'conflict',
        'assessment.already_published',
        `This assessment is ${assessment.status.toLowerCase()} and can no longer change. To revise it, create a new assessment with "supersedes": "${assessment.id}".`,
      );
    }
  }

  private async assertSupersedable(
    tx: EntityManager,
    supersedesId: string,
    commitmentId: string,
    framework: string,
    product: string,
  ): Promise<void> {
    const old = await tx.findOneBy(Assessment, { id: supersedesId });
    if (
      !old ||
      old.commitmentId !== commitmentId ||
      old.framework !== framework ||
      old.product !== product ||
      old.status !== 'PUBLISHED'
    ) {
      throw invalidFields('assessment.invalid_supersedes', [
        {
          field: 'supersedes',
          message: `must be the published ${framework} ${product} assessment of this commitment`,
        },
      ]);
    }
  }

  private async find(tx: EntityManager, id: string, lock = false): Promise<Assessment> {
    const assessment = isUuid(id)
      ? await tx.findOne(Assessment, {
          where: { id },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!assessment) throw notFound('assessment', id);
    return assessment;
  }

  private async read(
    tx: EntityManager,
    assessment: Assessment,
    commitment: Commitment,
  ): Promise<AssessmentResponse> {
    const supersededBy = await this.supersededBy(tx, [assessment.id]);
    return toAssessmentResponse(assessment, commitment.code, supersededBy.get(assessment.id) ?? null);
  }

  private async supersededBy(tx: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; supersedes_id: string }[] = await tx.query(
      `SELECT id, supersedes_id FROM assessment WHERE supersedes_id = ANY($1::uuid[]) AND status <> 'DRAFT'`,
      [ids],
    );
    return new Map(rows.map((r) => [r.supersedes_id, r.id]));
  }
}

/** The rules name an indicator by itself; the client sent it as `indicators.<name>`. */
function asBodyPaths(problems: FieldError[]): FieldError[] {
  return problems.map((p) =>
    (INDICATORS as readonly string[]).includes(p.field) ? { ...p, field: `indicators.${p.field}` } : p,
  );
}

function indicatorsOf(a: Assessment): Required<AssessmentIndicators> {
  return Object.fromEntries(INDICATORS.map((name) => [name, a[name]])) as Required<AssessmentIndicators>;
}

/** Indicators given in a body, as entity columns (left out when not given). */
function indicatorColumns(indicators: AssessmentIndicators): Partial<Assessment> {
  return Object.fromEntries(
    INDICATORS.filter((name) => indicators[name] !== undefined).map((name) => [name, indicators[name]]),
  ) as Partial<Assessment>;
}

/** A stored null is "not rated yet" unless it has a reason: the rules see it as not given. */
function onlyGiven(indicators: AssessmentIndicators): AssessmentIndicators {
  return Object.fromEntries(
    Object.entries(indicators).filter(([, value]) => value !== null && value !== undefined),
  );
}

function toAssessmentResponse(
  a: Assessment,
  commitmentCode: string,
  supersededBy: string | null,
): AssessmentResponse {
  const indicators = indicatorsOf(a);
  return {
    id: a.id,
    commitment: commitmentCode,
    framework: a.framework,
    product: a.product,
    status: a.status,
    supersedes: a.supersedesId,
    supersededBy,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    summary: a.summary,
    indicators,
    nullReasons: a.nullReasons as Record<string, never>,
    derived: derivedFacts(a.framework, indicators),
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
