import { AccessDeniedError, type DeniedTarget } from '../../common/auth/access-denied.js';
import type { Actor } from '../../common/auth/actor.js';
import { canActForMember } from './access.rules.js';

/**
 * Refuses (403, recorded in the audit log) a change to a record of a member the actor does not act
 * for. Another member's records are public, so they are refused, not hidden: 403, never 404.
 */
export function assertCanActForMember(actor: Actor, memberId: string | null, target: DeniedTarget): void {
  if (canActForMember(actor, memberId)) return;
  const message =
    memberId === null
      ? 'Only an admin may change records that belong to no member.'
      : "This record belongs to another member: a point of contact may change only their own member's records.";
  throw new AccessDeniedError(actor, target, message);
}
