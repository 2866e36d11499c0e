import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ANONYMOUS, type Actor, type Role } from '../../common/auth/actor.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/app-config.provider.js';
import { DEMO_TOKEN_PREFIX } from './demo-identities.js';
import { bearerToken, hashToken } from './tokens.js';

interface TokenRow {
  token_id: string;
  user_id: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  role: Role;
  member_id: string | null;
  organisation_id: string | null;
  active: boolean;
  assessor_member_ids: string[] | null;
}

/** Recording every use would be a write per request: once a minute is enough to see a token in use. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class AuthenticationError extends DomainError {
  constructor(code: string, message: string) {
    super('unauthenticated', code, message, [], { 'www-authenticate': 'Bearer realm="commitment-tracker"' });
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The actor behind an Authorization header: anonymous without one, refused (401) when it is not good. */
  async authenticate(header: string | undefined): Promise<Actor> {
    const bearer = bearerToken(header);
    if (bearer === undefined) return ANONYMOUS;
    if ('malformed' in bearer)
      throw new AuthenticationError(
        'auth.malformed_token',
        'Send an API token as "Authorization: Bearer ct_...".',
      );
    // The demo tokens are published in the README: they open the embedded demo database only.
    if (this.config.databaseUrl && bearer.token.startsWith(DEMO_TOKEN_PREFIX)) {
      throw new AuthenticationError('auth.unknown_token', 'This token is not valid.');
    }
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT t.id AS token_id, t.user_id, t.expires_at, t.revoked_at, t.last_used_at,
              u.role, u.member_id, u.organisation_id, u.active,
              (SELECT array_agg(a.member_id) FROM assessor_assignment a WHERE a.user_id = u.id) AS assessor_member_ids
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [hashToken(bearer.token)],
    );
    const row = rows[0];
    if (!row) throw new AuthenticationError('auth.unknown_token', 'This token is not valid.');
    if (row.revoked_at !== null)
      throw new AuthenticationError('auth.revoked_token', 'This token has been revoked.');
    if (row.expires_at !== null && row.expires_at.getTime() <= Date.now()) {
      throw new AuthenticationError('auth.expired_token', 'This token has expired.');
    }
    if (!row.active)
      throw new AuthenticationError('auth.inactive_user', 'The user of this token has been deactivated.');
    if (row.last_used_at === null || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [row.token_id]);
    }
    return {
      kind: 'user',
      userId: row.user_id,
      role: row.role,
      memberId: row.member_id,
      organisationId: row.organisation_id,
      assessorMemberIds: row.assessor_member_ids ?? [],
      tokenId: row.token_id,
    };
  }
}
