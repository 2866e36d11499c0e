import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { currentRequestId } from '../../common/http/request-context.js';
import { preparedQuery } from '../../database/prepared.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import {
  type ChainBreak,
  type ChainedContent,
  contentHash,
  firstBreak,
  type HashScheme,
  type StoredEntry,
} from './audit-chain.rules.js';
import type {
  AuditEntryResponse,
  AuditVerification,
  ListAuditQuery,
  PublicHistoryEntry,
} from './dto/audit.dto.js';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'REVOKE' | 'DENIED';

export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  /** The commitment this change belongs to, for its public history. */
  commitmentId?: string;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  request_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  commitment_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string | null;
  hash: string | null;
  hash_scheme: HashScheme;
}

// The id is read as text (a bigint may outgrow a JS number); order by the column, never by that text.
const SELECT_ENTRY = `SELECT id::text AS id, occurred_at, request_id, actor_id, actor_role, action, resource_type, resource_id,
                             commitment_id, before, after, prev_hash, hash, hash_scheme
                        FROM audit_log`;
const VERIFY_BATCH = 1000;

/**
 * The append-only, hash-chained audit log. Every write appends its entry in the writer's own
 * transaction; appends take turns on the chain's head row, so the chain has one order.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.recordMany(tx, actor, [entry]);
  }

  /**
   * Appends entries in the order given, in the writer's transaction: each is staged with the hash of
   * its content (one INSERT per thousand), and PostgreSQL links them to the chain as the transaction
   * commits (migration AuditChainAtCommit), so a rolled-back write leaves no entry and the chain's
   * lock is held only while committing.
   */
  async recordMany(tx: EntityManager, actor: Actor, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const occurredAt = new Date().toISOString();
    const staged = entries.map((entry) => {
      const content: Omit<ChainedContent, 'prevHash'> = {
        occurredAt,
        requestId: currentRequestId() ?? null,
        actorId: actor.kind === 'user' ? actor.userId : null,
        actorRole: actor.kind === 'user' ? actor.role : actor.kind,
        action: entry.action,
        resourceType: entry.resourceType,
        resourceId: entry.resourceId,
        commitmentId: entry.commitmentId ?? null,
        // What jsonb will give back: plain JSON.
        before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
        after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
      };
      return { content, hash: contentHash(content) };
    });
    for (let from = 0; from < staged.length; from += 1000) {
      const batch = staged.slice(from, from + 1000);
      const column = <T>(pick: (e: (typeof staged)[number]) => T) => batch.map(pick);
      // unnest keeps the order of the arrays: the entries are linked in the order given.
      await preparedQuery(
        tx,
        `INSERT INTO audit_pending (occurred_at, request_id, actor_id, actor_role, action, resource_type, resource_id,
                                   commitment_id, before, after, content_hash)
         SELECT * FROM unnest($1::timestamptz[], $2::varchar[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[],
                              $7::varchar[], $8::uuid[], $9::jsonb[], $10::jsonb[], $11::char(64)[])`,
        [
          column((e) => e.content.occurredAt),
          column((e) => e.content.requestId),
          column((e) => e.content.actorId),
          column((e) => e.content.actorRole),
          column((e) => e.content.action),
          column((e) => e.content.resourceType),
          column((e) => e.content.resourceId),
          column((e) => e.content.commitmentId),
          column((e) => (e.content.before === null ? null : JSON.stringify(e.content.before))),
          column((e) => (e.content.after === null ? null : JSON.stringify(e.content.after))),
          column((e) => e.hash),
        ],
      );
    }
  }

  /** A refused attempt, kept although the attempt itself writes nothing: in a transaction of its own. */
  async recordDenied(
    actor: Actor,
    entry: Omit<AuditEntry, 'action' | 'before' | 'after'> & { reason: string },
  ): Promise<void> {
    const { reason, ...rest } = entry;
    await this.dataSource.transaction((tx) =>
      this.record(tx, actor, { ...rest, action: 'DENIED', after: { reason } }),
    );
  }

  async list(query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    const limit = pageSize(query);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.resourceType) add('resource_type = ?', query.resourceType);
    if (query.resourceId) add('resource_id = ?', query.resourceId);
    if (query.actor) add('actor_id = ?::uuid', query.actor);
    if (query.action) add('action = ?', query.action);
    if (query.cursor) add('id < ?::bigint', String(decodeCursor(query.cursor, ['string'])[0]));
    params.push(limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `${SELECT_ENTRY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, (r) => [r.id], toStoredEntry);
  }

  /** A commitment's public history, newest first: who (by role) changed what, with no personal data. */
  async history(
    commitmentId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<PublicHistoryEntry>> {
    const limit = pageSize(query);
    const params: unknown[] = [commitmentId];
    let after = '';
    if (query.cursor) {
      params.push(String(decodeCursor(query.cursor, ['string'])[0]));
      after = `AND id < $2::bigint`;
    }
    params.push(limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `${SELECT_ENTRY} WHERE commitment_id = $1 AND action <> 'DENIED'
         AND NOT (resource_type = 'assessment' AND after ->> 'status' = 'DRAFT') ${after} ORDER BY audit_log.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => [r.id],
      (r) => ({
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        actorRole: r.actor_role,
        before: r.before,
        after: r.after,
      }),
    );
  }

  /** Walks the whole chain and names the first entry that does not hold. */
  async verify(): Promise<AuditVerification> {
    // One snapshot for the walk and the head: a write committing meanwhile is either wholly seen or
    // not at all, never as a head that is ahead of the entries read.
    return this.dataSource.transaction('REPEATABLE READ', (tx) => this.verifyIn(tx));
  }

  private async verifyIn(tx: EntityManager): Promise<AuditVerification> {
    let previousHash: string | null = null;
    let lastId = '0';
    let checked = 0;
    let broken: ChainBreak | undefined;
    for (;;) {
      const rows: AuditRow[] = await tx.query(
        `${SELECT_ENTRY} WHERE id > $1::bigint ORDER BY audit_log.id LIMIT ${VERIFY_BATCH}`,
        [lastId],
      );
      if (rows.length === 0) break;
      const entries = rows.map(toStoredEntry);
      broken = firstBreak(entries, previousHash);
      if (broken) {
        const brokenId = broken.id;
        checked += entries.findIndex((e) => e.id === brokenId);
        break;
      }
      checked += rows.length;
      previousHash = entries[entries.length - 1].hash;
      lastId = rows[rows.length - 1].id;
    }
    if (!broken) {
      // Entries deleted from the end leave no gap to find: the head remembers the last one written.
      const [head]: { last_id: string | null; last_hash: string | null }[] = await tx.query(
        'SELECT last_id::text AS last_id, last_hash FROM audit_head WHERE id = 1',
      );
      if ((head?.last_hash ?? null) !== previousHash) {
        broken = { id: head?.last_id ?? lastId, reason: 'entries at the end of the log are missing' };
      }
    }
    return {
      valid: broken === undefined,
      entriesChecked: checked,
      firstBrokenEntry: broken ?? null,
      lastHash: broken ? null : previousHash,
    };
  }
}

/** An entry as stored: what the chain check reads, and what admins are shown. */
function toStoredEntry(row: AuditRow): StoredEntry & AuditEntryResponse {
  return {
    id: row.id,
    hash: row.hash,
    hashScheme: row.hash_scheme,
    prevHash: row.prev_hash,
    occurredAt: row.occurred_at.toISOString(),
    requestId: row.request_id,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    commitmentId: row.commitment_id,
    before: row.before,
    after: row.after,
  };
}
