import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { changedFields, isEmpty } from '../../common/changes.js';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { assertVersion, type ExpectedVersion } from '../../common/http/preconditions.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { assertCanActForMember } from '../access/access.policy.js';
import { AuditService } from '../audit/audit.service.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import type {
  CreateMilestoneDto,
  ListMilestonesQuery,
  MilestoneResponse,
  UpdateMilestoneDto,
} from './dto/milestone.dto.js';
import { toMilestoneResponse } from './dto/milestone.dto.js';
import { Milestone } from './milestone.entity.js';
import { completionDateFor, milestoneProblems, type MilestoneStatus } from './milestone.rules.js';

registerConstraintMessages({
  uq_milestone_ordinal: {
    kind: 'conflict',
    code: 'milestone.ordinal_taken',
    field: 'ordinal',
    message: 'The commitment already has a milestone at this position.',
  },
});

/** Numeric columns come back as strings ("1.00"): compare them as numbers. */
function sameValue(field: keyof Milestone, wanted: unknown, current: unknown): boolean {
  if ((field === 'weight' || field === 'targetValue') && wanted !== null && current !== null)
    return Number(wanted) === Number(current);
  return wanted === current;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
    private readonly institutions: InstitutionsService,
    private readonly audit: AuditService,
  ) {}

  async listOfCommitment(
    commitmentKey: string,
    query: ListMilestonesQuery,
  ): Promise<Page<MilestoneResponse>> {
    const commitment = await this.commitments.find(this.dataSource.manager, commitmentKey);
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(Milestone)
      .createQueryBuilder('ms')
      .innerJoinAndSelect('ms.commitment', 'c')
      .leftJoinAndSelect('ms.responsibleInstitution', 'i')
      .where('ms.commitment_id = :id', { id: commitment.id })
      .orderBy('ms.ordinal', 'ASC')
      .limit(limit + 1);
    if (query.status) qb.andWhere('ms.status = :status', { status: query.status });
    if (query.cursor)
      qb.andWhere('ms.ordinal > :after', { after: Number(decodeCursor(query.cursor, ['integer'])[0]) });
    return toPage(await qb.getMany(), limit, (m) => [m.ordinal], toMilestoneResponse);
  }

  async get(id: string): Promise<MilestoneResponse> {
    return toMilestoneResponse(await this.find(this.dataSource.manager, id));
  }

  private async find(tx: EntityManager, id: string): Promise<Milestone> {
    if (!isUuid(id)) throw notFound('milestone', id);
    const milestone = await tx.findOne(Milestone, {
      where: { id },
      relations: { commitment: true, responsibleInstitution: true },
    });
    if (!milestone) throw notFound('milestone', id);
    return milestone;
  }

  async create(actor: Actor, commitmentKey: string, dto: CreateMilestoneDto): Promise<MilestoneResponse> {
    const status = dto.status ?? 'NOT_STARTED';
    const shape = {
      startDate: dto.startDate ?? null,
      startDatePrecision: dto.startDatePrecision ?? 'DAY',
      dueDate: dto.dueDate,
      dueDatePrecision: dto.dueDatePrecision ?? 'DAY',
      status,
      completedOn: completionDateFor(status, dto.completedOn, null, today()),
    };
    const problems = milestoneProblems(shape, today());
    if (problems.length > 0) throw invalidFields('milestone.invalid', problems);

    return this.dataSource.transaction(async (tx) => {
      // The commitment's row lock also serialises the choice of the next ordinal.
      const commitment = await this.commitments.find(tx, commitmentKey, true);
      assertCanActForMember(actor, commitment.memberId, {
        resourceType: 'milestone',
        resourceId: `new of commitment ${commitment.id}`,
        commitmentId: commitment.id,
      });
      if (dto.responsibleInstitutionId)
        await this.institutions.requireAll(tx, [dto.responsibleInstitutionId], 'responsibleInstitutionId');
      const ordinal = dto.ordinal ?? (await this.nextOrdinal(tx, commitment.id));
      await this.assertOrdinalFree(tx, commitment.id, ordinal);
      const id = randomUUID();
      await tx.insert(Milestone, {
        id,
        commitmentId: commitment.id,
        ordinal,
        title: dto.title.trim(),
        deliverable: dto.deliverable.trim(),
        targetIndicator: dto.target?.indicator ?? null,
        targetValue: dto.target ? String(dto.target.value) : null,
        targetUnit: dto.target?.unit ?? null,
        ...shape,
        responsibleInstitutionId: dto.responsibleInstitutionId ?? null,
        weight: String(dto.weight ?? 1),
      });
      await this.commitments.touch(tx, commitment.id);
      const created = toMilestoneResponse(await this.find(tx, id));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'milestone',
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
    dto: UpdateMilestoneDto,
  ): Promise<MilestoneResponse> {
    return this.dataSource.transaction(async (tx) => {
      if (!isUuid(id)) throw notFound('milestone', id);
      const locked = await tx.findOne(Milestone, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('milestone', id);
      const current = await this.find(tx, id);
      assertCanActForMember(actor, current.commitment?.memberId ?? null, {
        resourceType: 'milestone',
        resourceId: id,
        commitmentId: current.commitmentId,
      });
      assertVersion(expected, current.version, 'milestone');

      const status = dto.status ?? current.status;
      const shape = {
        startDate: dto.startDate !== undefined ? dto.startDate : current.startDate,
        startDatePrecision: dto.startDatePrecision ?? current.startDatePrecision,
        dueDate: dto.dueDate ?? current.dueDate,
        dueDatePrecision: dto.dueDatePrecision ?? current.dueDatePrecision,
        status,
        completedOn: completionDateFor(status, dto.completedOn, current.completedOn, today()),
      };
      const problems = milestoneProblems(shape, today());
      if (problems.length > 0) throw invalidFields('milestone.invalid', problems);
      if (dto.responsibleInstitutionId)
        await this.institutions.requireAll(tx, [dto.responsibleInstitutionId], 'responsibleInstitutionId');
      if (dto.ordinal !== undefined && dto.ordinal !== current.ordinal)
        await this.assertOrdinalFree(tx, current.commitmentId, dto.ordinal);

      const changes = changedFields<Milestone>(
        current,
        {
          ...shape,
          title: dto.title?.trim(),
          deliverable: dto.deliverable?.trim(),
          ordinal: dto.ordinal,
          responsibleInstitutionId: dto.responsibleInstitutionId,
          weight: dto.weight === undefined ? undefined : String(dto.weight),
          ...(dto.target !== undefined
            ? {
                targetIndicator: dto.target?.indicator ?? null,
                targetValue: dto.target ? String(dto.target.value) : null,
                targetUnit: dto.target?.unit ?? null,
              }
            : {}),
        },
        sameValue,
      );
      const before = toMilestoneResponse(current);
      if (isEmpty(changes)) return before;
      await tx.update(Milestone, { id }, changes);
      await this.commitments.touch(tx, current.commitmentId);
      const after = toMilestoneResponse(await this.find(tx, id));
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'milestone',
        resourceId: id,
        commitmentId: current.commitmentId,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * A progress update reported the milestone's new status: the milestone follows, in the update's
   * own transaction, with the same rules as any change of status (completed today when complete).
   */
  async applyReportedStatus(
    tx: EntityManager,
    actor: Actor,
    milestoneId: string,
    status: MilestoneStatus,
  ): Promise<void> {
    await tx.query('SELECT 1 FROM milestone WHERE id = $1 FOR UPDATE', [milestoneId]);
    const current = await this.find(tx, milestoneId);
    if (current.status === status) return;
    const completedOn = completionDateFor(status, undefined, current.completedOn, today());
    const problems = milestoneProblems({ ...current, status, completedOn }, today());
    if (problems.length > 0) {
      throw invalidFields(
        'milestone.invalid',
        problems.map((p) => ({
          field: 'milestoneStatus',
          message: `the milestone's ${p.field} ${p.message}`,
        })),
      );
    }
    const before = toMilestoneResponse(current);
    await tx.update(Milestone, { id: milestoneId }, { status, completedOn });
    await this.commitments.touch(tx, current.commitmentId);
    const after = toMilestoneResponse(await this.find(tx, milestoneId));
    await this.audit.record(tx, actor, {
      action: 'UPDATE',
      resourceType: 'milestone',
      resourceId: milestoneId,
      commitmentId: current.commitmentId,
      before,
      after,
    });
  }

  private async nextOrdinal(tx: EntityManager, commitmentId: string): Promise<number> {
    const [row]: { next: number }[] = await tx.query(
      'SELECT coalesce(max(ordinal), 0) + 1 AS next FROM milestone WHERE commitment_id = $1',
      [commitmentId],
    );
    return row.next;
  }

  private async assertOrdinalFree(tx: EntityManager, commitmentId: string, ordinal: number): Promise<void> {
    if (await tx.existsBy(Milestone, { commitmentId, ordinal })) {
      throw new DomainError(
        'conflict',
        'milestone.ordinal_taken',
        `The commitment already has a milestone number ${ordinal}.`,
        [{ field: 'ordinal', message: 'is already taken' }],
      );
    }
  }
}
