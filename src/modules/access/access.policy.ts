import { AccessDeniedError, type DeniedTarget } from '../../common/auth/access-denied.js';
import type { Actor } from '../../common/auth/actor.js';
import { canActForMember, canAssessMember } from './access.rules.js';

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

/** Refuses (403, recorded) an assessment by anyone but an admin or an assessor assigned to the member. */
export function assertCanAssess(actor: Actor, memberId: string, target: DeniedTarget): void {
  if (canAssessMember(actor, memberId)) return;
  throw new AccessDeniedError(
    actor,
    target,
    "Only an assessor assigned to this commitment's member (or an admin) may assess it.",
  );
}
