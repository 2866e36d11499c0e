import type { Actor, UserActor } from '../../common/auth/actor.js';
import { ANONYMOUS, SYSTEM } from '../../common/auth/actor.js';
import { PERMISSIONS } from '../../common/auth/route-access.js';
import {
  canActForMember,
  canAssessMember,
  canSeeContacts,
  hasPermission,
  roleBindingProblems,
} from './access.rules.js';

function aUser(overrides: Partial<UserActor> = {}): UserActor {
  return {
    kind: 'user',
    userId: 'u1',
    role: 'government_poc',
    memberId: 'kenya',
    organisationId: null,
    assessorMemberIds: [],
    tokenId: 't1',
    ...overrides,
  };
}

describe('permissions by role (DESIGN.md section 2)', () => {
  it('gives admins every permission', () => {
    for (const permission of PERMISSIONS) expect(hasPermission('admin', permission)).toBe(true);
  });

  it("gives points of contact the register's writes, not the platform's", () => {
    expect(hasPermission('government_poc', 'commitment.write')).toBe(true);
    expect(hasPermission('government_poc', 'milestone.write')).toBe(true);
    expect(hasPermission('government_poc', 'member.write')).toBe(false);
    expect(hasPermission('government_poc', 'tag.write')).toBe(false);
    expect(hasPermission('government_poc', 'access.manage')).toBe(false);
    expect(hasPermission('government_poc', 'audit.read')).toBe(false);
  });

  it('gives civil society evidence and replies, and no write to the register', () => {
    const theirs = ['token.own', 'evidence.write', 'evidence.reply'];
    for (const permission of PERMISSIONS)
      expect(hasPermission('civil_society', permission)).toBe(theirs.includes(permission));
  });

  it('lets only admins moderate', () => {
    expect(hasPermission('admin', 'evidence.moderate')).toBe(true);
    for (const role of ['government_poc', 'civil_society', 'assessor'] as const)
      expect(hasPermission(role, 'evidence.moderate')).toBe(false);
  });

  it('gives assessors assessments and nothing else of the register', () => {
    for (const permission of PERMISSIONS) {
      expect(hasPermission('assessor', permission)).toBe(
        permission === 'token.own' || permission === 'assessment.write',
      );
    }
  });

  it('lets an assessor assess only the members assigned, and admins any', () => {
    const assessor = aUser({ role: 'assessor', memberId: null, assessorMemberIds: ['kenya'] });
    expect(canAssessMember(assessor, 'kenya')).toBe(true);
    expect(canAssessMember(assessor, 'uruguay')).toBe(false);
    expect(canAssessMember(aUser({ role: 'admin', memberId: null }), 'uruguay')).toBe(true);
    expect(canAssessMember(aUser(), 'kenya')).toBe(false);
    expect(canAssessMember(ANONYMOUS, 'kenya')).toBe(false);
  });
});

describe('canActForMember', () => {
  it("lets a point of contact change their own member's records only", () => {
    expect(canActForMember(aUser(), 'kenya')).toBe(true);
    expect(canActForMember(aUser(), 'uruguay')).toBe(false);
    expect(canActForMember(aUser(), null)).toBe(false);
  });

  it('lets admins and the system change anything, and nobody else', () => {
    expect(canActForMember(aUser({ role: 'admin', memberId: null }), 'uruguay')).toBe(true);
    expect(canActForMember(aUser({ role: 'admin', memberId: null }), null)).toBe(true);
    expect(canActForMember(SYSTEM, 'kenya')).toBe(true);
    const others: Actor[] = [
      ANONYMOUS,
      aUser({ role: 'civil_society', memberId: null }),
      aUser({ role: 'assessor', memberId: null, assessorMemberIds: ['kenya'] }),
    ];
    for (const actor of others) expect(canActForMember(actor, 'kenya')).toBe(false);
  });
});

describe('personal data', () => {
  it('shows contact persons to signed-in users, never to anonymous callers', () => {
    expect(canSeeContacts(ANONYMOUS)).toBe(false);
    expect(canSeeContacts(aUser({ role: 'civil_society', memberId: null }))).toBe(true);
  });
});

describe('roleBindingProblems', () => {
  it('accepts each role bound as it must be', () => {
    expect(roleBindingProblems({ role: 'government_poc', memberId: 'kenya' })).toEqual([]);
    expect(roleBindingProblems({ role: 'civil_society', organisationId: 'org' })).toEqual([]);
    expect(roleBindingProblems({ role: 'assessor', assessorMemberIds: ['kenya'] })).toEqual([]);
    expect(roleBindingProblems({ role: 'admin' })).toEqual([]);
  });

  it('names what is missing or out of place', () => {
    expect(roleBindingProblems({ role: 'government_poc' }).map((p) => p.field)).toEqual(['member']);
    expect(roleBindingProblems({ role: 'admin', memberId: 'kenya' }).map((p) => p.field)).toEqual(['member']);
    expect(roleBindingProblems({ role: 'civil_society' }).map((p) => p.field)).toEqual(['organisation']);
    expect(
      roleBindingProblems({ role: 'government_poc', memberId: 'k', assessorMemberIds: ['k'] }).map(
        (p) => p.field,
      ),
    ).toEqual(['assignedMembers']);
  });
});
