import type { Role } from '../../common/auth/actor.js';

/**
 * Demo users, one per role, with tokens published in the README. They are created only in the
 * embedded demo database, and AuthService refuses these tokens whenever DATABASE_URL is set.
 */
export const DEMO_TOKEN_PREFIX = 'ct_DEMO';

function demoToken(name: string): string {
  const body = `DEMO-${name}-`;
  return `ct_${body}${'0'.repeat(43 - body.length)}`;
}

export interface DemoIdentity {
  name: string;
  email: string;
  role: Role;
  memberCode?: string;
  organisation?: string;
  assignedMembers?: string[];
  token: string;
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { name: 'Demo Admin', email: 'admin@demo.example.org', role: 'admin', token: demoToken('admin') },
  {
    name: 'Demo Kenya POC',
    email: 'poc.kenya@demo.example.org',
    role: 'government_poc',
    memberCode: 'KEN',
    token: demoToken('poc-ken'),
  },
  {
    name: 'Demo Civic Watch',
    email: 'watch@demo.example.org',
    role: 'civil_society',
    organisation: 'Demo Civic Watch',
    token: demoToken('civil-society'),
  },
  {
    name: 'Demo Assessor',
    email: 'assessor@demo.example.org',
    role: 'assessor',
    organisation: 'Demo Independent Reviewers',
    assignedMembers: ['KEN', 'URY'],
    token: demoToken('assessor'),
  },
];
