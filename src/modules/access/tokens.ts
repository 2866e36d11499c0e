import { createHash, randomBytes } from 'node:crypto';

// API tokens: 32 random bytes, shown once; only their SHA-256 is stored. A fast hash is right here:
// the token has 256 bits of entropy, so there is nothing to guess that a slow hash would protect.

const TOKEN_PREFIX = 'ct_';
const TOKEN_FORMAT = /^ct_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_FORMAT.test(token);
}

/** The first characters, kept in clear so that a user can tell their tokens apart. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 10);
}

/** The token of an `Authorization: Bearer <token>` header; undefined when there is no header. */
export function bearerToken(header: string | undefined): { token: string } | { malformed: true } | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !isWellFormedToken(match[1])) return { malformed: true };
  return { token: match[1] };
}
