import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { changedFields, isEmpty } from '../../common/changes.js';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, type FieldError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import {
  assertVersion,
  etagOf,
  type ExpectedVersion,
  noneMatch,
  NotModified,
} from '../../common/http/preconditions.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { preparedQuery } from '../../database/prepared.js';
import { ActionPlansService } from '../action-plans/action-plans.service.js';
import { assertCanActForMember } from '../access/access.policy.js';
import { canSeeContacts } from '../access/access.rules.js';
import type { HistoryQuery, PublicHistoryEntry } from '../audit/dto/audit.dto.js';
import { AuditService } from '../audit/audit.service.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { TagsService } from '../tags/tags.service.js';
import {
  Commitment,
  CommitmentContact,
  CommitmentLink,
  CommitmentSupportingInstitution,
  CommitmentTag,
  CommitmentValue,
} from './commitment.entity.js';
import { agreementVerdict } from './agreement.rules.js';
import { commitmentProblems } from './commitment.rules.js';
import {
  commitmentKey,
  selectAgreementFacts,
  selectCommitment,
  selectCommitmentRow,
  selectCommitments,
  selectPlanCommitments,
  smartInputOf,
} from './commitments.queries.js';
import { type SmartReportResponse, toSmartReportResponse } from './dto/smart.dto.js';
import { smartCheck } from './smart.rules.js';
import type {
  CommitmentLinkDto,
  CommitmentResponse,
  ContactPersonDto,
  CreateCommitmentDto,
  ListCommitmentsQuery,
  PlanCommitmentsQuery,
  UpdateCommitmentDto,
} from './dto/commitment.dto.js';

registerConstraintMessages({
  uq_commitment_code: {
    kind: 'conflict',
    code: 'commitment.code_taken',
    field: 'code',
    message: 'A commitment with this code already exists.',
  },
  uq_commitment_number: {
    kind: 'conflict',
    code: 'commitment.number_taken',
    field: 'number',
    message: 'This action plan already has a commitment with this number.',
  },
  ck_commitment_dates: {
    kind: 'unprocessable',
    code: 'commitment.invalid_dates',
    field: 'endDate',
    message: 'must not be before startDate',
  },
});

type TextField =
  'problem' | 'causes' | 'priorActions' | 'solution' | 'expectedResults' | 'participationMechanism';
const TEXT_FIELDS: TextField[] = [
  'problem',
  'causes',
  'priorActions',
  'solution',
  'expectedResults',
  'participationMechanism',
];
const DIRECT_FIELDS = [
  'startDate',
  'startDatePrecision',
  'endDate',
  'endDatePrecision',
  'leadInstitutionId',
  'area',
  'participationLevel',
] as const;

@Injectable()
export class CommitmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ActionPlansService,
    private readonly institutions: InstitutionsService,
    private readonly tags: TagsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListCommitmentsQuery): Promise<Page<CommitmentResponse>> {
    const limit = pageSize(query);
    const rows = await selectCommitments(
      this.dataSource.manager,
      {
        memberCode: query.member?.toUpperCase(),
        actionPlanId: query.actionPlan,
        area: query.area,
        value: query.value,
        tag: query.tag,
        q: query.q,
        starred: query.starred,
        completion: query.completion,
        selfReportedCompletion: query.selfReportedCompletion,
        potentialImpact: query.potentialImpact,
        potentialForResults: query.potentialForResults,
        earlyResults: query.earlyResults,
        didItOpenGovernment: query.didItOpenGovernment,
        overdue: query.overdue,
        agreement: query.agreement,
        afterCode: query.cursor ? String(decodeCursor(query.cursor, ['string'])[0]) : undefined,
      },
      limit,
    );
    return toPage(
      rows,
      limit,
      (c) => [c.code],
      (c) => c,
    );
  }

  /** Every commitment of a plan, by code, in one statement: for views of the plan as a whole. */
  allOfPlan(planId: string): Promise<CommitmentResponse[]> {
    return selectPlanCommitments(this.dataSource.manager, planId);
  }

  async listOfPlan(planId: string, query: PlanCommitmentsQuery): Promise<Page<CommitmentResponse>> {
    const plan = await this.plans.find(this.dataSource.manager, planId);
    return this.list({ ...query, actionPlan: plan.id });
  }

  /**
   * A commitment; signed-in callers also see its contact person. A client that sends the current ETag
   * in If-None-Match is answered 304 after one look at the version, before the commitment is read.
   */
  async get(actor: Actor, key: string, ifNoneMatch?: string): Promise<CommitmentResponse> {
    const db = this.dataSource.manager;
    const where = commitmentKey(key);
    if (ifNoneMatch !== undefined) {
      const [current] = await preparedQuery<{ version: number }>(
        db,
        `SELECT version FROM commitment WHERE ${where.column} = $1`,
        [where.value],
      );
      if (current && noneMatch(ifNoneMatch, etagOf(current.version)))
        throw new NotModified(etagOf(current.version));
    }
    const commitment = await selectCommitment(db, where);
    if (!commitment) throw notFound('commitment', key);
    return this.withContact(db, actor, commitment);
  }

  /** The contact person is personal data: added to a single commitment's answer for signed-in callers only. */
  private async withContact(
    db: EntityManager,
    actor: Actor,
    response: CommitmentResponse,
  ): Promise<CommitmentResponse> {
    if (!canSeeContacts(actor)) return response;
    const contact = await db.findOneBy(CommitmentContact, { commitmentId: response.id });
    return {
      ...response,
      contact: contact
        ? {
            name: contact.name,
            title: contact.title,
            email: contact.email,
            phone: contact.phone,
            importedDetails: contact.importedDetails,
          }
        : null,
    };
  }

  /** Every SMART finding on a commitment as it stands: authoring hints, not an IRM rating. */
  async smart(key: string): Promise<SmartReportResponse> {
    const row = await selectCommitmentRow(this.dataSource.manager, commitmentKey(key));
    if (!row) throw notFound('commitment', key);
    return toSmartReportResponse(row.code, smartCheck(smartInputOf(row)));
  }

  /** The public history of a commitment and its milestones, newest first, with no personal data. */
  async history(key: string, query: HistoryQuery): Promise<Page<PublicHistoryEntry>> {
    const commitment = await this.find(this.dataSource.manager, key);
    return this.audit.history(commitment.id, query);
  }

  /** A commitment by code (KE0037) or id; `lock` takes a row lock for writes that depend on it. */
  async find(tx: EntityManager, key: string, lock = false): Promise<Commitment> {
    const { column, value } = commitmentKey(key);
    const commitment = await tx.findOne(Commitment, {
      where: { [column]: value },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!commitment) throw notFound('commitment', key);
    return commitment;
  }

  /**
   * Recomputes the commitment's agreement verdict (kept for the list's filter) from what it has been
   * told: the latest self-reported completion, the independent one, and public, unhidden civic
   * evidence. Called in the transaction of every write that changes one of them.
   */
  async refreshAgreement(tx: EntityManager, commitmentId: string): Promise<void> {
    const facts = await selectAgreementFacts(tx, { column: 'id', value: commitmentId });
    if (!facts) throw notFound('commitment', commitmentId);
    const { verdict } = agreementVerdict({
      selfReported: facts.self_reported_completion,
      independent: facts.irm_completion,
      evidence: facts.evidence.map((e) => ({
        stance: e.stance,
        supportedCompletion: e.supported_completion,
      })),
    });
    if (verdict !== facts.agreement) {
      await preparedQuery(
        tx,
        'UPDATE commitment SET agreement = $2, version = version + 1, updated_at = now() WHERE id = $1',
        [commitmentId, verdict],
      );
    }
  }

  /**
   * Records that something the commitment's representation shows (its milestones) has changed:
   * the version, and so the ETag, moves. Call inside the writer's transaction.
   */
  async touch(tx: EntityManager, commitmentId: string): Promise<void> {
    await tx.query('UPDATE commitment SET version = version + 1, updated_at = now() WHERE id = $1', [
      commitmentId,
    ]);
  }

  async create(actor: Actor, planId: string, dto: CreateCommitmentDto): Promise<CommitmentResponse> {
    const startDatePrecision = dto.startDatePrecision ?? 'DAY';
    const endDatePrecision = dto.endDatePrecision ?? 'DAY';
    const problems = commitmentProblems({ ...dto, startDatePrecision, endDatePrecision });
    if (problems.length > 0) throw invalidFields('commitment.invalid', problems);

    return this.dataSource.transaction(async (tx) => {
      const plan = await this.plans.find(tx, planId, true);
      assertCanActForMember(actor, plan.memberId, { resourceType: 'commitment', resourceId: dto.code });
      await this.assertFree(tx, dto.code, plan.id, dto.number.trim());
      await this.checkReferences(tx, dto);
      const id = randomUUID();
      await tx.insert(Commitment, {
        id,
        code: dto.code,
        actionPlanId: plan.id,
        memberId: plan.memberId,
        number: dto.number.trim(),
        title: dto.title.trim(),
        ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, dto[f] ?? null])),
        startDate: dto.startDate ?? null,
        startDatePrecision,
        endDate: dto.endDate ?? null,
        endDatePrecision,
        leadInstitutionId: dto.leadInstitutionId ?? null,
        area: dto.area ?? null,
        participationLevel: dto.participationLevel ?? null,
      });
      await this.writeChildren(tx, id, dto);
      const created = await this.read(tx, id);
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'commitment',
        resourceId: id,
        commitmentId: id,
        after: created,
      });
      return this.withContact(tx, actor, created);
    });
  }

  async update(
    actor: Actor,
    key: string,
    expected: ExpectedVersion,
    dto: UpdateCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.find(tx, key, true);
      assertCanActForMember(actor, current.memberId, {
        resourceType: 'commitment',
        resourceId: current.id,
        commitmentId: current.id,
      });
      assertVersion(expected, current.version, 'commitment');
      const before = await this.read(tx, current.id);
      const merged = {
        code: current.code,
        startDate: dto.startDate !== undefined ? dto.startDate : current.startDate,
        startDatePrecision: dto.startDatePrecision ?? current.startDatePrecision,
        endDate: dto.endDate !== undefined ? dto.endDate : current.endDate,
        endDatePrecision: dto.endDatePrecision ?? current.endDatePrecision,
        leadInstitutionId:
          dto.leadInstitutionId !== undefined ? dto.leadInstitutionId : current.leadInstitutionId,
        supportingInstitutionIds:
          dto.supportingInstitutionIds ?? before.supportingInstitutions.map((i) => i.id),
        values: dto.values,
        tags: dto.tags,
        links: dto.links,
      };
      const problems = commitmentProblems(merged);
      if (problems.length > 0) throw invalidFields('commitment.invalid', problems);
      if (dto.number !== undefined && dto.number.trim() !== current.number) {
        await this.assertFree(tx, undefined, current.actionPlanId, dto.number.trim());
      }
      await this.checkReferences(tx, dto);

      const changes = changedFields(current, {
        number: dto.number?.trim(),
        title: dto.title?.trim(),
        ...Object.fromEntries([...TEXT_FIELDS, ...DIRECT_FIELDS].map((field) => [field, dto[field]])),
      });
      // update() moves the version (and updated_at) by itself.
      if (!isEmpty(changes)) await tx.update(Commitment, { id: current.id }, changes);
      const contactChanged =
        dto.contact !== undefined && (await this.contactDiffers(tx, current.id, dto.contact));
      await this.writeChildren(
        tx,
        current.id,
        { ...dto, contact: contactChanged ? dto.contact : undefined },
        true,
      );

      const after = await this.read(tx, current.id);
      if (sameRecord(before, after) && !contactChanged) return this.withContact(tx, actor, before);
      // Only lists or the contact changed: the version must move all the same.
      if (isEmpty(changes)) await this.touch(tx, current.id);
      const final = await this.read(tx, current.id);
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'commitment',
        resourceId: current.id,
        commitmentId: current.id,
        before,
        // The contact person is personal data: the log says that it changed, not what it says.
        after: { ...final, ...(contactChanged ? { contactChanged: true } : {}) },
      });
      return this.withContact(tx, actor, final);
    });
  }

  private async read(tx: EntityManager, id: string): Promise<CommitmentResponse> {
    const commitment = await selectCommitment(tx, { column: 'id', value: id });
    if (!commitment) throw notFound('commitment', id);
    return commitment;
  }

  private async assertFree(
    tx: EntityManager,
    code: string | undefined,
    planId: string,
    number: string,
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (code !== undefined && (await tx.existsBy(Commitment, { code })))
      errors.push({ field: 'code', message: `${code} is already taken` });
    if (await tx.existsBy(Commitment, { actionPlanId: planId, number })) {
      errors.push({ field: 'number', message: `the plan already has a commitment number ${number}` });
    }
    if (errors.length > 0) {
      throw new DomainError(
        'conflict',
        errors[0].field === 'code' ? 'commitment.code_taken' : 'commitment.number_taken',
        `${errors[0].field} ${errors[0].message}.`,
        errors,
      );
    }
  }

  /** Every referenced institution, tag and linked commitment must exist. */
  private async checkReferences(tx: EntityManager, dto: UpdateCommitmentDto): Promise<void> {
    if (dto.leadInstitutionId)
      await this.institutions.requireAll(tx, [dto.leadInstitutionId], 'leadInstitutionId');
    if (dto.supportingInstitutionIds)
      await this.institutions.requireAll(tx, dto.supportingInstitutionIds, 'supportingInstitutionIds');
    if (dto.tags) await this.tags.idsOf(tx, dto.tags, 'tags');
    if (dto.links) await this.linkTargets(tx, dto.links);
  }

  private async linkTargets(tx: EntityManager, links: CommitmentLinkDto[]): Promise<Map<string, string>> {
    const codes = [...new Set(links.map((l) => l.target))];
    const rows: { id: string; code: string }[] =
      codes.length === 0
        ? []
        : await tx.query('SELECT id, code FROM commitment WHERE code = ANY($1::text[])', [codes]);
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    const errors = links.flatMap((l, index) =>
      ids.has(l.target)
        ? []
        : [{ field: `links[${index}].target`, message: `no commitment ${l.target} exists` }],
    );
    if (errors.length > 0) throw invalidFields('commitment.link_target_not_found', errors);
    return ids;
  }

  private async contactDiffers(
    tx: EntityManager,
    commitmentId: string,
    wanted: ContactPersonDto | null,
  ): Promise<boolean> {
    const stored = await tx.findOneBy(CommitmentContact, { commitmentId });
    if (!stored || !wanted) return (stored === null) !== (wanted === null);
    return (
      stored.name !== wanted.name.trim() ||
      stored.title !== (wanted.title ?? null) ||
      stored.email !== (wanted.email ?? null) ||
      stored.phone !== (wanted.phone ?? null)
    );
  }

  /** Writes the lists given (replacing what was there when `replace`) and the contact person. */
  private async writeChildren(
    tx: EntityManager,
    id: string,
    dto: UpdateCommitmentDto,
    replace = false,
  ): Promise<void> {
    if (dto.values) {
      if (replace) await tx.delete(CommitmentValue, { commitmentId: id });
      if (dto.values.length > 0) {
        await tx.insert(
          CommitmentValue,
          dto.values.map((v) => ({
            commitmentId: id,
            value: v.value,
            justification: v.justification.trim(),
          })),
        );
      }
    }
    if (dto.tags) {
      if (replace) await tx.delete(CommitmentTag, { commitmentId: id });
      const tagIds = await this.tags.idsOf(tx, dto.tags, 'tags');
      if (tagIds.length > 0)
        await tx.insert(
          CommitmentTag,
          tagIds.map((tagId) => ({ commitmentId: id, tagId })),
        );
    }
    if (dto.supportingInstitutionIds) {
      if (replace) await tx.delete(CommitmentSupportingInstitution, { commitmentId: id });
      if (dto.supportingInstitutionIds.length > 0) {
        await tx.insert(
          CommitmentSupportingInstitution,
          dto.supportingInstitutionIds.map((institutionId) => ({ commitmentId: id, institutionId })),
        );
      }
    }
    if (dto.links) {
      if (replace) await tx.delete(CommitmentLink, { fromCommitmentId: id });
      const targets = await this.linkTargets(tx, dto.links);
      if (dto.links.length > 0) {
        await tx.insert(
          CommitmentLink,
          dto.links.map((l) => ({
            fromCommitmentId: id,
            type: l.type,
            toCommitmentId: targets.get(l.target) as string,
          })),
        );
      }
    }
    if (dto.contact !== undefined) {
      if (replace) await tx.delete(CommitmentContact, { commitmentId: id });
      if (dto.contact !== null) {
        await tx.insert(CommitmentContact, {
          commitmentId: id,
          name: dto.contact.name.trim(),
          title: dto.contact.title ?? null,
          email: dto.contact.email ?? null,
          phone: dto.contact.phone ?? null,
        });
      }
    }
  }
}

function sameRecord(a: CommitmentResponse, b: CommitmentResponse): boolean {
  const strip = ({ version: _v, updatedAt: _u, ...rest }: CommitmentResponse) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
