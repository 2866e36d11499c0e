import { DomainError } from '../errors/domain-error.js';
import type { Actor } from './actor.js';

export interface DeniedTarget {
  resourceType: string;
  resourceId: string;
  commitmentId?: string;
}

/**
 * A signed-in user tried to change a record that is not theirs to change (another member's). The
 * attempt is recorded in the audit log after the transaction that found it has rolled back.
 */
export class AccessDeniedError extends DomainError {
  constructor(
    readonly actor: Actor,
    readonly target: DeniedTarget,
    message: string,
  ) {
    super('forbidden', 'access.denied', message);
    this.name = 'AccessDeniedError';
  }
}
