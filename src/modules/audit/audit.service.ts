import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRequestId } from '../../common/http/request-context.js';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit log inside the caller's transaction, so that a change and its record are
 * written together or not at all.
 */
@Injectable()
export class AuditService {
  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO audit_log (request_id, actor, action, resource_type, resource_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        currentRequestId() ?? null,
        null,
        entry.action,
        entry.resourceType,
        entry.resourceId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }
}
