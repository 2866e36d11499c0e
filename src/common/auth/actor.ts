/** Who is making a request: a signed-in user (through one of their API tokens) or nobody. */
export const ROLES = ['admin', 'government_poc', 'civil_society', 'assessor'] as const;
export type Role = (typeof ROLES)[number];

export interface UserActor {
  kind: 'user';
  userId: string;
  role: Role;
  /** The member a point of contact acts for. */
  memberId: string | null;
  organisationId: string | null;
  /** The members an assessor is assigned to. */
  assessorMemberIds: string[];
  tokenId: string;
}

export interface AnonymousActor {
  kind: 'anonymous';
}

/** The service itself, from the command line (seeding, creating the first admin): may do anything. */
export interface SystemActor {
  kind: 'system';
}

export type Actor = UserActor | AnonymousActor | SystemActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };
export const SYSTEM: SystemActor = { kind: 'system' };
