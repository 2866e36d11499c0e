import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { changedFields, isEmpty } from '../../common/changes.js';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { assertVersion, type ExpectedVersion } from '../../common/http/preconditions.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { assertCanActForMember } from '../access/access.policy.js';
import { AuditService } from '../audit/audit.service.js';
import { MembersService } from '../members/members.service.js';
import {
  type CreateInstitutionDto,
  type InstitutionResponse,
  type ListInstitutionsQuery,
  toInstitutionResponse,
  type UpdateInstitutionDto,
} from './dto/institution.dto.js';
import { Institution } from './institution.entity.js';

registerConstraintMessages({
  uq_institution_name: {
    kind: 'conflict',
    code: 'institution.name_taken',
    field: 'name',
    message: 'An institution with this name already exists for this member.',
  },
});

@Injectable()
export class InstitutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListInstitutionsQuery): Promise<Page<InstitutionResponse>> {
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(Institution)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.member', 'm')
      .orderBy('i.name', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(limit + 1);
    if (query.member)
      qb.andWhere('i.member_id = (SELECT id FROM member WHERE code = :member)', {
        member: query.member.toUpperCase(),
      });
    if (query.type) qb.andWhere('i.type = :type', { type: query.type });
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      qb.andWhere('(i.name, i.id) > (:name, :id)', { name, id });
    }
    return toPage(await qb.getMany(), limit, (i) => [i.name, i.id], toInstitutionResponse);
  }

  async get(id: string): Promise<InstitutionResponse> {
    return toInstitutionResponse(await this.find(this.dataSource.manager, id));
  }

  private async find(tx: EntityManager, id: string, lock = false): Promise<Institution> {
    if (!isUuid(id)) throw notFound('institution', id);
    if (lock) await tx.query('SELECT 1 FROM institution WHERE id = $1 FOR UPDATE', [id]);
    const institution = await tx.findOne(Institution, { where: { id }, relations: { member: true } });
    if (!institution) throw notFound('institution', id);
    return institution;
  }

  /**
   * The ids given, all of which must exist; reports each missing one against `field[index]`.
   * One query whatever the number of ids.
   */
  async requireAll(tx: EntityManager, ids: string[], field: string): Promise<void> {
    await this.namesOf(
      tx,
      ids.map((id, index) => ({
        id,
        field: ids.length === 1 && !field.endsWith('s') ? field : `${field}[${index}]`,
      })),
    );
  }

  /**
   * The names of the institutions referred to, by id; every reference must exist, and each missing
   * one is reported against its own field. One query whatever the number of references.
   */
  async namesOf(tx: EntityManager, refs: { id: string; field: string }[]): Promise<Map<string, string>> {
    const wellFormed = [...new Set(refs.map((r) => r.id).filter(isUuid))];
    const rows: { id: string; name: string }[] =
      wellFormed.length === 0
        ? []
        : await tx.query(`SELECT id, name FROM institution WHERE id = ANY($1::uuid[])`, [wellFormed]);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const errors = refs
      .filter((r) => !names.has(r.id))
      .map((r) => ({ field: r.field, message: `no institution ${r.id} exists` }));
    if (errors.length > 0) {
      throw new DomainError(
        'unprocessable',
        'institution.not_found',
        errors.length === 1
          ? `${errors[0].field}: ${errors[0].message}`
          : 'Some institutions do not exist: see errors.',
        errors,
      );
    }
    return names;
  }

  async create(actor: Actor, dto: CreateInstitutionDto): Promise<InstitutionResponse> {
    return this.dataSource.transaction(async (tx) => {
      const member = dto.member ? await this.members.find(tx, dto.member) : null;
      assertCanActForMember(actor, member?.id ?? null, {
        resourceType: 'institution',
        resourceId: member ? `new of member ${member.id}` : 'new',
      });
      await this.assertNameFree(tx, dto.name.trim(), member?.id ?? null);
      const id = randomUUID();
      await tx.insert(Institution, {
        id,
        name: dto.name.trim(),
        type: dto.type,
        memberId: member?.id ?? null,
      });
      const created = toInstitutionResponse(await this.find(tx, id));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'institution',
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
    dto: UpdateInstitutionDto,
  ): Promise<InstitutionResponse> {
    return this.dataSource.transaction(async (tx) => {
      const institution = await this.find(tx, id, true);
      assertCanActForMember(actor, institution.memberId, {
        resourceType: 'institution',
        resourceId: institution.id,
      });
      assertVersion(expected, institution.version, 'institution');
      const before = toInstitutionResponse(institution);
      const changes = changedFields(institution, { name: dto.name?.trim(), type: dto.type });
      if (isEmpty(changes)) return before;
      if (changes.name !== undefined)
        await this.assertNameFree(tx, changes.name, institution.memberId, institution.id);
      await tx.update(Institution, { id }, changes);
      const after = toInstitutionResponse(await this.find(tx, id));
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'institution',
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async assertNameFree(
    tx: EntityManager,
    name: string,
    memberId: string | null,
    exceptId?: string,
  ): Promise<void> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM institution
        WHERE COALESCE(member_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
          AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [memberId, name, exceptId ?? null],
    );
    if (rows.length > 0) {
      throw new DomainError(
        'conflict',
        'institution.name_taken',
        `An institution named "${name}" already exists for this member.`,
        [{ field: 'name', message: 'is already taken' }],
      );
    }
  }
}
