import type { Actor, Role } from '../../common/auth/actor.js';
import { type Permission, PERMISSIONS } from '../../common/auth/route-access.js';

/**
 * DESIGN.md section 2 as data. Points of contact hold the register's write permissions only for
 * their own member: that part is checked on the record (canActForMember).
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  government_poc: [
    'institution.write',
    'action_plan.write',
    'commitment.write',
    'milestone.write',
    'progress.write',
    'evidence.reply',
    'token.own',
  ],
  civil_society: ['evidence.write', 'evidence.reply', 'token.own'],
  assessor: ['assessment.write', 'token.own'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * May this actor change records of this member (null: records of no member, such as an
 * international institution)? Admins may change anything; a point of contact only their own
 * member's records.
 */
export function canActForMember(actor: Actor, memberId: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'government_poc' && memberId !== null && actor.memberId === memberId;
}

/** May this actor assess (and read the drafts of) this member's commitments? Admins, and assessors assigned to it. */
export function canAssessMember(actor: Actor, memberId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.role === 'admin' || (actor.role === 'assessor' && actor.assessorMemberIds.includes(memberId));
}

/** Contact persons are personal data: only signed-in users see them. */
export function canSeeContacts(actor: Actor): boolean {
  return actor.kind !== 'anonymous';
}

/** What a role must be bound to: a POC to one member, a civil-society user to an organisation. */
export function roleBindingProblems(user: {
  role: Role;
  memberId?: string | null;
  organisationId?: string | null;
  assessorMemberIds?: string[];
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (user.role === 'government_poc' && !user.memberId)
    problems.push({ field: 'member', message: 'is required for a government point of contact' });
  if (user.role !== 'government_poc' && user.memberId)
    problems.push({ field: 'member', message: 'is only for a government point of contact' });
  if (user.role === 'civil_society' && !user.organisationId) {
    problems.push({ field: 'organisation', message: 'is required for a civil-society user' });
  }
  if (user.role !== 'assessor' && user.assessorMemberIds && user.assessorMemberIds.length > 0) {
    problems.push({ field: 'assignedMembers', message: 'only assessors are assigned to members' });
  }
  return problems;
}
