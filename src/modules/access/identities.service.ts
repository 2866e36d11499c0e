import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { changedFields, isEmpty } from '../../common/changes.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { assertVersion, type ExpectedVersion } from '../../common/http/preconditions.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { AuditService } from '../audit/audit.service.js';
import { MembersService } from '../members/members.service.js';
import { AppUser, AssessorAssignment, Organisation } from './access.entities.js';
import { roleBindingProblems } from './access.rules.js';
import type {
  CreateOrganisationDto,
  CreateUserDto,
  ListOrganisationsQuery,
  ListUsersQuery,
  OrganisationResponse,
  UpdateOrganisationDto,
  UpdateUserDto,
  UserResponse,
} from './dto/access.dto.js';

registerConstraintMessages({
  uq_organisation_name: {
    kind: 'conflict',
    code: 'organisation.name_taken',
    field: 'name',
    message: 'An organisation with this name already exists.',
  },
  uq_app_user_email: {
    kind: 'conflict',
    code: 'user.email_taken',
    field: 'email',
    message: 'A user with this e-mail address already exists.',
  },
});

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: AppUser['role'];
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  member_code: string | null;
  organisation: { id: string; name: string } | null;
  assigned_members: string[];
}

const SELECT_USER = `
  SELECT u.id, u.name, u.email, u.role, u.active, u.version, u.created_at, u.updated_at, m.code AS member_code,
         CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END AS organisation,
         (SELECT coalesce(json_agg(am.code ORDER BY am.code), '[]') FROM assessor_assignment a JOIN member am ON am.id = a.member_id
           WHERE a.user_id = u.id) AS assigned_members
    FROM app_user u LEFT JOIN member m ON m.id = u.member_id LEFT JOIN organisation o ON o.id = u.organisation_id`;

/** Organisations and users, with their roles and assignments: managed by admins. */
@Injectable()
export class IdentitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly audit: AuditService,
  ) {}

  async listOrganisations(query: ListOrganisationsQuery): Promise<Page<OrganisationResponse>> {
    const limit = pageSize(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.type) where.push(`o.type = $${params.push(query.type)}`);
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      where.push(`(o.name, o.id) > ($${params.push(name)}, $${params.push(id)}::uuid)`);
    }
    const rows: (Organisation & { member_code: string | null })[] = await this.dataSource.query(
      `SELECT o.id, o.name, o.type, o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt", m.code AS member_code
         FROM organisation o LEFT JOIN member m ON m.id = o.member_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.name, o.id LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (o) => [o.name, o.id],
      (o) => toOrganisationResponse(o, o.member_code),
    );
  }

  async getOrganisation(id: string): Promise<OrganisationResponse> {
    return this.organisationResponse(
      this.dataSource.manager,
      await this.findOrganisation(this.dataSource.manager, id),
    );
  }

  async createOrganisation(actor: Actor, dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (tx) => {
      const member = dto.member ? await this.members.find(tx, dto.member) : null;
      if (member && dto.type !== 'GOVERNMENT') {
        throw invalidFields('organisation.invalid', [
          { field: 'member', message: 'only a government body belongs to a member' },
        ]);
      }
      await this.assertOrganisationNameFree(tx, dto.name.trim());
      const id = randomUUID();
      await tx.insert(Organisation, {
        id,
        name: dto.name.trim(),
        type: dto.type,
        memberId: member?.id ?? null,
      });
      const created = await this.organisationResponse(tx, await this.findOrganisation(tx, id));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'organisation',
        resourceId: id,
        after: created,
      });
      return created;
    });
  }

  async updateOrganisation(
    actor: Actor,
    id: string,
    expected: ExpectedVersion,
    dto: UpdateOrganisationDto,
  ): Promise<OrganisationResponse> {
    return this.dataSource.transaction(async (tx) => {
      const organisation = await this.findOrganisation(tx, id, true);
      assertVersion(expected, organisation.version, 'organisation');
      const before = await this.organisationResponse(tx, organisation);
      const changes = changedFields(organisation, { name: dto.name?.trim() });
      if (isEmpty(changes)) return before;
      if (changes.name) await this.assertOrganisationNameFree(tx, changes.name, organisation.id);
      await tx.update(Organisation, { id: organisation.id }, changes);
      const after = await this.organisationResponse(tx, await this.findOrganisation(tx, organisation.id));
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'organisation',
        resourceId: organisation.id,
        before,
        after,
      });
      return after;
    });
  }

  async listUsers(query: ListUsersQuery): Promise<Page<UserResponse>> {
    const limit = pageSize(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.role) where.push(`u.role = $${params.push(query.role)}`);
    if (query.member)
      where.push(`u.member_id = (SELECT id FROM member WHERE code = $${params.push(query.member)})`);
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      where.push(`(u.name, u.id) > ($${params.push(name)}, $${params.push(id)}::uuid)`);
    }
    const rows: UserRow[] = await this.dataSource.query(
      `${SELECT_USER} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.name, u.id LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, (u) => [u.name, u.id], toUserResponse);
  }

  async getUser(id: string): Promise<UserResponse> {
    return this.readUser(this.dataSource.manager, id);
  }

  async createUser(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    const problems = roleBindingProblems({
      role: dto.role,
      memberId: dto.member,
      organisationId: dto.organisation,
      assessorMemberIds: dto.assignedMembers,
    });
    if (problems.length > 0) throw invalidFields('user.invalid_role_binding', problems);
    return this.dataSource.transaction(async (tx) => {
      const member = dto.member ? await this.members.find(tx, dto.member) : null;
      if (dto.organisation) await this.findOrganisation(tx, dto.organisation, false, 'organisation');
      const assigned = await this.memberIds(tx, dto.assignedMembers ?? []);
      await this.assertEmailFree(tx, dto.email);
      const id = randomUUID();
      await tx.insert(AppUser, {
        id,
        name: dto.name.trim(),
        email: dto.email.trim(),
        role: dto.role,
        memberId: member?.id ?? null,
        organisationId: dto.organisation ?? null,
        active: true,
      });
      if (assigned.length > 0)
        await tx.insert(
          AssessorAssignment,
          assigned.map((memberId) => ({ userId: id, memberId })),
        );
      const created = await this.readUser(tx, id);
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'user',
        resourceId: id,
        after: created,
      });
      return created;
    });
  }

  async updateUser(
    actor: Actor,
    id: string,
    expected: ExpectedVersion,
    dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.dataSource.transaction(async (tx) => {
      if (!isUuid(id)) throw notFound('user', id);
      const user = await tx.findOne(AppUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('user', id);
      assertVersion(expected, user.version, 'user');
      const before = await this.readUser(tx, id);
      if (dto.assignedMembers !== undefined && user.role !== 'assessor' && dto.assignedMembers.length > 0) {
        throw invalidFields('user.invalid_role_binding', [
          { field: 'assignedMembers', message: 'only assessors are assigned to members' },
        ]);
      }
      const changes = changedFields(user, {
        name: dto.name?.trim(),
        email: dto.email?.trim(),
        active: dto.active,
      });
      if (changes.email !== undefined) await this.assertEmailFree(tx, changes.email, user.id);
      if (dto.assignedMembers !== undefined) {
        const assigned = await this.memberIds(tx, dto.assignedMembers);
        await tx.delete(AssessorAssignment, { userId: id });
        if (assigned.length > 0)
          await tx.insert(
            AssessorAssignment,
            assigned.map((memberId) => ({ userId: id, memberId })),
          );
      }
      if (!isEmpty(changes)) await tx.update(AppUser, { id }, changes);
      let after = await this.readUser(tx, id);
      if (
        JSON.stringify({ ...after, version: 0, updatedAt: '' }) ===
        JSON.stringify({ ...before, version: 0, updatedAt: '' })
      )
        return before;
      if (isEmpty(changes)) {
        await tx.query('UPDATE app_user SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
        after = await this.readUser(tx, id);
      }
      await this.audit.record(tx, actor, {
        action: 'UPDATE',
        resourceType: 'user',
        resourceId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async readUser(tx: EntityManager, id: string): Promise<UserResponse> {
    if (!isUuid(id)) throw notFound('user', id);
    const rows: UserRow[] = await tx.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    if (rows.length === 0) throw notFound('user', id);
    return toUserResponse(rows[0]);
  }

  private async memberIds(tx: EntityManager, codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { id: string; code: string }[] = await tx.query(
      'SELECT id, code FROM member WHERE code = ANY($1::text[])',
      [codes],
    );
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    const errors = codes.flatMap((code, i) =>
      ids.has(code) ? [] : [{ field: `assignedMembers[${i}]`, message: `no member ${code} exists` }],
    );
    if (errors.length > 0) throw invalidFields('member.not_found', errors);
    return [...new Set(codes)].map((code) => ids.get(code) as string);
  }

  private async findOrganisation(
    tx: EntityManager,
    id: string,
    lock = false,
    field?: string,
  ): Promise<Organisation> {
    const organisation = isUuid(id)
      ? await tx.findOne(Organisation, {
          where: { id },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!organisation) {
      if (field)
        throw invalidFields('organisation.not_found', [{ field, message: `no organisation ${id} exists` }]);
      throw notFound('organisation', id);
    }
    return organisation;
  }

  private async organisationResponse(
    tx: EntityManager,
    organisation: Organisation,
  ): Promise<OrganisationResponse> {
    const [row]: { code: string | null }[] = organisation.memberId
      ? await tx.query('SELECT code FROM member WHERE id = $1', [organisation.memberId])
      : [{ code: null }];
    return toOrganisationResponse(organisation, row?.code ?? null);
  }

  private async assertOrganisationNameFree(
    tx: EntityManager,
    name: string,
    exceptId?: string,
  ): Promise<void> {
    const rows: unknown[] = await tx.query(
      'SELECT 1 FROM organisation WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)',
      [name, exceptId ?? null],
    );
    if (rows.length > 0) {
      throw new DomainError(
        'conflict',
        'organisation.name_taken',
        `An organisation named "${name}" already exists.`,
        [{ field: 'name', message: 'is already taken' }],
      );
    }
  }

  private async assertEmailFree(tx: EntityManager, email: string, exceptId?: string): Promise<void> {
    const rows: unknown[] = await tx.query(
      'SELECT 1 FROM app_user WHERE lower(email) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)',
      [email.trim(), exceptId ?? null],
    );
    if (rows.length > 0) {
      throw new DomainError(
        'conflict',
        'user.email_taken',
        'A user with this e-mail address already exists.',
        [{ field: 'email', message: 'is already taken' }],
      );
    }
  }
}

function toOrganisationResponse(o: Organisation, memberCode: string | null): OrganisationResponse {
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    member: memberCode,
    version: o.version,
    createdAt: new Date(o.createdAt).toISOString(),
    updatedAt: new Date(o.updatedAt).toISOString(),
  };
}

function toUserResponse(row: UserRow): UserResponse {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    member: row.member_code,
    organisation: row.organisation,
    assignedMembers: row.assigned_members,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
