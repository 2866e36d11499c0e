import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { changedFields, isEmpty } from '../../common/changes.js';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, type FieldError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { assertVersion, type ExpectedVersion } from '../../common/http/preconditions.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { assertCanActForMember } from '../access/access.policy.js';
import { AuditService } from '../audit/audit.service.js';
import { MembersService } from '../members/members.service.js';
import { ActionPlan, ForumMeeting } from './action-plan.entity.js';
import { statusFitProblem, planDurationMonths, statusChangeProblem } from './action-plan.rules.js';
import {
  type ActionPlanResponse,
  type CreateActionPlanDto,
  type CreateForumMeetingDto,
  type ForumMeetingResponse,
  type ListActionPlansQuery,
  type ListForumMeetingsQuery,
  toActionPlanResponse,
  toForumMeetingResponse,
  type UpdateActionPlanDto,
  type UpdateForumMeetingDto,
} from './dto/action-plan.dto.js';

registerConstraintMessages({
  uq_action_plan_sequence: {
    kind: 'conflict',
    code: 'action_plan.sequence_taken',
    field: 'sequenceNumber',
    message: 'This member already has an action plan with this sequence number.',
  },
  ck_action_plan_dates: {
    kind: 'unprocessable',
    code: 'action_plan.invalid_dates',
    field: 'endDate',
    message: 'must be after startDate',
  },
});

@Injectable()
export class ActionPlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListActionPlansQuery): Promise<Page<ActionPlanResponse>> {
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(ActionPlan)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.member', 'm')
      .orderBy('p.start_date', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit + 1);
    if (query.member) qb.andWhere('m.code = :member', { member: query.member.toUpperCase() });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.cursor) {
      const [startDate, id] = decodeCursor(query.cursor, ['date', 'uuid']);
      qb.andWhere('(p.start_date, p.id) > (:startDate::date, :id::uuid)', { startDate, id });
    }
    return toPage(await qb.getMany(), limit, (p) => [p.startDate, p.id], toActionPlanResponse);
  }

  async listOfMember(memberKey: string, query: ListActionPlansQuery): Promise<Page<ActionPlanResponse>> {
    const member = await this.members.find(this.dataSource.manager, memberKey);
    return this.list({ ...query, member: member.code });
  }

  async get(id: string): Promise<ActionPlanResponse> {
    return toActionPlanResponse(await this.find(this.dataSource.manager, id));
  }

  /** A plan with its member; `lock` takes a row lock on the plan for writes that depend on it. */
  async find(tx: EntityManager, id: string, lock = false): Promise<ActionPlan> {
    if (!isUuid(id)) throw notFound('action_plan', id);
    if (lock) await tx.query('SELECT 1 FROM action_plan WHERE id = $1 FOR UPDATE', [id]);
    const plan = await tx.findOne(ActionPlan, { where: { id }, relations: { member: true } });
    if (!plan) throw notFound('action_plan', id);
    return plan;
  }

  async create(actor: Actor, memberKey: string, dto: CreateActionPlanDto): Promise<ActionPlanResponse> {
    const errors = planProblems(dto.startDate, dto.endDate);
    const status = dto.status ?? 'CO_CREATION';
    const statusProblem =
      errors.length === 0
        ? statusFitProblem(status, planDurationMonths(dto.startDate, dto.endDate))
        : undefined;
    if (statusProblem) errors.push({ field: 'status', message: statusProblem });
    if (errors.length > 0) throw invalidFields('action_plan.invalid', errors);
    return this.dataSource.transaction(async (tx) => {
      const member = await this.members.find(tx, memberKey, true);
      assertCanActForMember(actor, member.id, {
        resourceType: 'action_plan',
        resourceId: `new of member ${member.id}`,
      });
      if (await tx.existsBy(ActionPlan, { memberId: member.id, sequenceNumber: dto.sequenceNumber })) {
        throw new DomainError(
          'conflict',
          'action_plan.sequence_taken',
          `${member.code} already has an action plan number ${dto.sequenceNumber}.`,
          [{ field: 'sequenceNumber', message: 'is already taken by another plan of this member' }],
        );
      }
      const id = randomUUID();
      await tx.insert(ActionPlan, {
        id,
        memberId: member.id,
        sequenceNumber: dto.sequenceNumber,
        title: dto.title.trim(),
        startDate: dto.startDate,
        endDate: dto.endDate,
        status,
        coCreationLevel: dto.coCreationLevel ?? null,
        implementationLevel: dto.implementationLevel ?? null,
        participationOpenness: dto.participationOpenness ?? null,
      });
      const created = toActionPlanResponse(await this.find(tx, id));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'action_plan',
        resourceId: id,
        after: created,
      });
      return created;
    });
  }

  async update(
    actor: Actor,
    id: string,
    expected: ExpectedVersion,
    dto: UpdateActionPlanDto,
  ): Promise<ActionPlanResponse> {
    return this.dataSource.transaction(async (tx) => {
      const plan = await this.find(tx, id, true);
      assertCanActForMember(actor, plan.memberId, { resourceType: 'action_plan', resourceId: plan.id });
      assertVersion(expected, plan.version, 'action plan');
      const startDate = dto.startDate ?? plan.startDate;
      const endDate = dto.endDate ?? plan.endDate;
      const errors = planProblems(startDate, endDate, dto.endDate !== undefined ? 'endDate' : 'startDate');
      if (errors.length === 0) {
        const months = planDurationMonths(startDate, endDate);
        const problem =
          dto.status !== undefined
            ? statusChangeProblem(plan.status, dto.status, months)
            : statusFitProblem(plan.status, months);
        // Without a new status, the dates are what no longer fit the current one.
        if (problem)
          errors.push({
            field: dto.status !== undefined ? 'status' : dto.endDate !== undefined ? 'endDate' : 'startDate',
            message: problem,
          });
      }
      if (errors.length > 0) throw invalidFields('action_plan.invalid', errors);

      const changes = changedFields(plan, {
        title: dto.title?.trim(),
        startDate,
        endDate,
        status: dto.status,
        coCreationLevel: dto.coCreationLevel,
        implementationLevel: dto.implementationLevel,
        participationOpenness: dto.participationOpenness,
      });
      const before = toActionPlanResponse(plan);
      if (isEmpty(changes)) return before;
      await tx.update(ActionPlan, { id: plan.id }, changes);
      const after = toActionPlanResponse(await this.find(tx, plan.id));
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'action_plan',
        resourceId: plan.id,
        before,
        after,
      });
      return after;
    });
  }

  async listMeetings(planId: string, query: ListForumMeetingsQuery): Promise<Page<ForumMeetingResponse>> {
    const plan = await this.find(this.dataSource.manager, planId);
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(ForumMeeting)
      .createQueryBuilder('f')
      .where('f.action_plan_id = :planId', { planId: plan.id })
      .orderBy('f.held_on', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(limit + 1);
    if (query.cursor) {
      const [heldOn, id] = decodeCursor(query.cursor, ['date', 'uuid']);
      qb.andWhere('(f.held_on, f.id) > (:heldOn::date, :id::uuid)', { heldOn, id });
    }
    return toPage(await qb.getMany(), limit, (f) => [f.heldOn, f.id], toForumMeetingResponse);
  }

  async addMeeting(actor: Actor, planId: string, dto: CreateForumMeetingDto): Promise<ForumMeetingResponse> {
    return this.dataSource.transaction(async (tx) => {
      const plan = await this.find(tx, planId, true);
      assertCanActForMember(actor, plan.memberId, {
        resourceType: 'forum_meeting',
        resourceId: `new of plan ${plan.id}`,
      });
      const id = randomUUID();
      await tx.insert(ForumMeeting, {
        id,
        actionPlanId: plan.id,
        heldOn: dto.heldOn,
        governmentAttendees: dto.governmentAttendees,
        civilSocietyAttendees: dto.civilSocietyAttendees,
        minutesUrl: dto.minutesUrl ?? null,
      });
      const created = toForumMeetingResponse(await tx.findOneByOrFail(ForumMeeting, { id }));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'forum_meeting',
        resourceId: id,
        after: created,
      });
      return created;
    });
  }

  async getMeeting(planId: string, meetingId: string): Promise<ForumMeetingResponse> {
    return toForumMeetingResponse(await this.findMeeting(this.dataSource.manager, planId, meetingId));
  }

  private async findMeeting(
    tx: EntityManager,
    planId: string,
    meetingId: string,
    lock = false,
  ): Promise<ForumMeeting> {
    const plan = await this.find(tx, planId);
    if (!isUuid(meetingId)) throw notFound('forum_meeting', meetingId);
    const meeting = await tx.findOne(ForumMeeting, {
      where: { id: meetingId, actionPlanId: plan.id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!meeting) throw notFound('forum_meeting', meetingId);
    return meeting;
  }

  async updateMeeting(
    actor: Actor,
    planId: string,
    meetingId: string,
    expected: ExpectedVersion,
    dto: UpdateForumMeetingDto,
  ): Promise<ForumMeetingResponse> {
    return this.dataSource.transaction(async (tx) => {
      const meeting = await this.findMeeting(tx, planId, meetingId, true);
      const plan = await this.find(tx, meeting.actionPlanId);
      assertCanActForMember(actor, plan.memberId, { resourceType: 'forum_meeting', resourceId: meeting.id });
      assertVersion(expected, meeting.version, 'forum meeting');
      const changes = changedFields(meeting, dto);
      const before = toForumMeetingResponse(meeting);
      if (isEmpty(changes)) return before;
      await tx.update(ForumMeeting, { id: meeting.id }, changes);
      const after = toForumMeetingResponse(await tx.findOneByOrFail(ForumMeeting, { id: meeting.id }));
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'forum_meeting',
        resourceId: meeting.id,
        before,
        after,
      });
      return after;
    });
  }
}

function planProblems(startDate: string, endDate: string, field = 'endDate'): FieldError[] {
  return startDate < endDate
    ? []
    : [{ field, message: `the plan must end after it starts (${startDate} .. ${endDate})` }];
}
