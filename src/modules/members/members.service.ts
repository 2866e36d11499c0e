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
import { AuditService } from '../audit/audit.service.js';
import {
  type CreateMemberDto,
  type ListMembersQuery,
  type MemberResponse,
  toMemberResponse,
  type UpdateMemberDto,
} from './dto/member.dto.js';
import { Member } from './member.entity.js';
import { memberCodeProblem } from './member.rules.js';

registerConstraintMessages({
  uq_member_code: {
    kind: 'conflict',
    code: 'member.code_taken',
    field: 'code',
    message: 'A member with this code already exists.',
  },
});

@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListMembersQuery): Promise<Page<MemberResponse>> {
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(Member)
      .createQueryBuilder('m')
      .orderBy('m.code', 'ASC')
      .limit(limit + 1);
    if (query.type) qb.andWhere('m.type = :type', { type: query.type });
    if (query.region) qb.andWhere('m.region = :region', { region: query.region });
    if (query.cursor) qb.andWhere('m.code > :after', { after: decodeCursor(query.cursor, ['string'])[0] });
    return toPage(await qb.getMany(), limit, (m) => [m.code], toMemberResponse);
  }

  async get(key: string): Promise<MemberResponse> {
    return toMemberResponse(await this.find(this.dataSource.manager, key));
  }

  /** A member by its code (KEN) or id; `lock` for writes that depend on it. */
  async find(tx: EntityManager, key: string, lock = false): Promise<Member> {
    const member = await tx.findOne(Member, {
      where: isUuid(key) ? { id: key } : { code: key.toUpperCase() },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!member) throw notFound('member', key);
    return member;
  }

  async create(actor: Actor, dto: CreateMemberDto): Promise<MemberResponse> {
    const problem = memberCodeProblem(dto.code, dto.type);
    if (problem) throw invalidFields('member.invalid_code', [{ field: 'code', message: problem }]);
    return this.dataSource.transaction(async (tx) => {
      if (await tx.existsBy(Member, { code: dto.code })) {
        throw new DomainError(
          'conflict',
          'member.code_taken',
          `A member with code ${dto.code} already exists.`,
          [{ field: 'code', message: 'is already taken' }],
        );
      }
      const id = randomUUID();
      await tx.insert(Member, {
        id,
        code: dto.code,
        name: dto.name.trim(),
        type: dto.type,
        region: dto.region,
      });
      const created = toMemberResponse(await tx.findOneByOrFail(Member, { id }));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'member',
        resourceId: id,
        after: created,
      });
      return created;
    });
  }

  async update(
    actor: Actor,
    key: string,
    expected: ExpectedVersion,
    dto: UpdateMemberDto,
  ): Promise<MemberResponse> {
    return this.dataSource.transaction(async (tx) => {
      const member = await this.find(tx, key, true);
      assertVersion(expected, member.version, 'member');
      const changes = changedFields(member, { name: dto.name?.trim(), region: dto.region });
      const before = toMemberResponse(member);
      if (isEmpty(changes)) return before;
      await tx.update(Member, { id: member.id }, changes);
      const after = toMemberResponse(await tx.findOneByOrFail(Member, { id: member.id }));
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'member',
        resourceId: member.id,
        before,
        after,
      });
      return after;
    });
  }
}
