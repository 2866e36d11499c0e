import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { DomainError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { AuditService } from '../audit/audit.service.js';
import { ApiToken, AppUser } from './access.entities.js';
import type {
  CreatedTokenResponse,
  CreateTokenDto,
  ListTokensQuery,
  TokenResponse,
} from './dto/access.dto.js';
import { generateToken, hashToken, tokenPrefix } from './tokens.js';

/** API tokens: issued by admins, shown once, stored as a hash; their owners can see and revoke them. */
@Injectable()
export class TokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async issue(
    actor: Actor,
    userId: string,
    dto: CreateTokenDto,
    token = generateToken(),
  ): Promise<CreatedTokenResponse> {
    if (dto.expiresAt !== undefined && new Date(dto.expiresAt).getTime() <= Date.now()) {
      throw invalidFields('token.invalid', [{ field: 'expiresAt', message: 'must be in the future' }]);
    }
    return this.dataSource.transaction(async (tx) => {
      await this.findUser(tx, userId);
      const id = randomUUID();
      await tx.insert(ApiToken, {
        id,
        userId,
        name: dto.name.trim(),
        prefix: tokenPrefix(token),
        tokenHash: hashToken(token),
        expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
      });
      const created = toTokenResponse(await tx.findOneByOrFail(ApiToken, { id }));
      await this.audit.record(tx, actor, {
        action: 'CREATE',
        resourceType: 'token',
        resourceId: id,
        after: created,
      });
      return { ...created, token };
    });
  }

  async listOfUser(userId: string, query: ListTokensQuery): Promise<Page<TokenResponse>> {
    await this.findUser(this.dataSource.manager, userId);
    return this.list(userId, query);
  }

  async listOwn(actor: Actor, query: ListTokensQuery): Promise<Page<TokenResponse>> {
    return this.list(actor.kind === 'user' ? actor.userId : '00000000-0000-0000-0000-000000000000', query);
  }

  /** Revokes a token: its owner's own, or any for an admin. Revoking twice changes nothing more. */
  async revoke(actor: Actor, tokenId: string): Promise<TokenResponse> {
    return this.dataSource.transaction(async (tx) => {
      const token = isUuid(tokenId)
        ? await tx.findOne(ApiToken, { where: { id: tokenId }, lock: { mode: 'pessimistic_write' } })
        : null;
      const mayRevoke =
        actor.kind === 'system' ||
        (actor.kind === 'user' && (actor.role === 'admin' || actor.userId === token?.userId));
      // Someone else's token is answered as missing: its existence is none of the caller's business.
      if (!token || !mayRevoke) throw notFound('token', tokenId);
      const before = toTokenResponse(token);
      if (token.revokedAt !== null) return before;
      await tx.update(ApiToken, { id: token.id }, { revokedAt: new Date() });
      const after = toTokenResponse(await tx.findOneByOrFail(ApiToken, { id: token.id }));
      await this.audit.record(tx, actor, {
        action: 'REVOKE',
        resourceType: 'token',
        resourceId: token.id,
        before,
        after,
      });
      return after;
    });
  }

  private async list(userId: string, query: ListTokensQuery): Promise<Page<TokenResponse>> {
    const limit = pageSize(query);
    const qb = this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .where('t.user_id = :userId', { userId })
      // A user has a handful of tokens: any stable order will do.
      .orderBy('t.id', 'ASC')
      .limit(limit + 1);
    if (query.cursor) qb.andWhere('t.id > :after::uuid', { after: decodeCursor(query.cursor, ['uuid'])[0] });
    return toPage(await qb.getMany(), limit, (t) => [t.id], toTokenResponse);
  }

  private async findUser(tx: EntityManager, userId: string): Promise<AppUser> {
    const user = isUuid(userId) ? await tx.findOneBy(AppUser, { id: userId }) : null;
    if (!user) throw notFound('user', userId);
    if (!user.active)
      throw new DomainError(
        'unprocessable',
        'user.inactive',
        'The user is deactivated: reactivate them before issuing a token.',
      );
    return user;
  }
}

function toTokenResponse(token: ApiToken): TokenResponse {
  return {
    id: token.id,
    userId: token.userId,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
