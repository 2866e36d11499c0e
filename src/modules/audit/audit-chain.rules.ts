import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json.js';

/** What an audit entry's hash covers: everything it says, and the hash of the entry before it. */
export interface ChainedContent {
  prevHash: string | null;
  occurredAt: string; // ISO 8601 UTC, millisecond precision
  requestId: string | null;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  commitmentId: string | null;
  before: unknown;
  after: unknown;
}

/** Scheme 1 (entries written before the chain was linked at commit): the whole entry, previous hash included. */
export function entryHash(entry: ChainedContent): string {
  // Exactly these fields, whatever else the object carries (a stored entry has its id and hash).
  const content: ChainedContent = {
    prevHash: entry.prevHash,
    occurredAt: entry.occurredAt,
    requestId: entry.requestId,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    commitmentId: entry.commitmentId,
    before: entry.before,
    after: entry.after,
  };
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/**
 * Scheme 2: the hash of what the entry says (everything but the previous hash), computed by the
 * writer; PostgreSQL links it to the chain at commit with linkHash().
 */
export function contentHash(entry: Omit<ChainedContent, 'prevHash'>): string {
  const content: Omit<ChainedContent, 'prevHash'> = {
    occurredAt: entry.occurredAt,
    requestId: entry.requestId,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    commitmentId: entry.commitmentId,
    before: entry.before,
    after: entry.after,
  };
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** Scheme 2's link, as the database computes it: sha256 of the previous hash (or nothing) and the content hash. */
export function linkHash(prevHash: string | null, content: string): string {
  return createHash('sha256')
    .update(`${prevHash ?? ''}${content}`, 'utf8')
    .digest('hex');
}

export type HashScheme = 1 | 2;

export interface StoredEntry extends ChainedContent {
  id: string;
  hash: string | null;
  /** 1 when absent. */
  hashScheme?: HashScheme;
}

/** The hash an entry must carry, by the scheme it was written with. */
export function expectedHash(entry: StoredEntry): string {
  return entry.hashScheme === 2 ? linkHash(entry.prevHash, contentHash(entry)) : entryHash(entry);
}

export interface ChainBreak {
  id: string;
  reason: string;
}

/**
 * Walks entries in order (continuing from the hash of the entry before them) and names the first
 * that does not hold: edited (its hash no longer matches what it says) or following a deleted one
 * (its prevHash is not the hash of the entry before it).
 */
export function firstBreak(entries: StoredEntry[], previousHash: string | null): ChainBreak | undefined {
  let expectedPrev = previousHash;
  for (const entry of entries) {
    if (entry.hash === null) return { id: entry.id, reason: 'the entry carries no hash' };
    if (entry.prevHash !== expectedPrev) {
      return {
        id: entry.id,
        reason: 'the entry does not follow the one before it: an entry was deleted or inserted',
      };
    }
    if (expectedHash(entry) !== entry.hash)
      return { id: entry.id, reason: 'the entry was changed after it was written' };
    expectedPrev = entry.hash;
  }
  return undefined;
}
