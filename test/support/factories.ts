import type { TestApp } from './test-app.js';

// Small factories that create records through the API, each with defaults a test may override.

let sequence = 0;
function next(): number {
  sequence += 1;
  return sequence;
}

/** A unique three-letter member code. */
export function memberCode(): string {
  const n = next();
  return String.fromCharCode(65 + (Math.floor(n / 676) % 26), 65 + (Math.floor(n / 26) % 26), 65 + (n % 26));
}

/** A unique commitment code with the given prefix. */
export function commitmentCode(prefix = 'TT'): string {
  return `${prefix}${String(next()).padStart(4, '0')}`;
}

export async function aMember(api: TestApp, overrides: Record<string, unknown> = {}): Promise<any> {
  const response = await api.post('/api/v1/members', {
    code: memberCode(),
    name: 'Testland',
    type: 'NATIONAL',
    region: 'EUROPE',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`member: ${response.status} ${response.text}`);
  return response.body;
}

export async function aPlan(
  api: TestApp,
  memberCode: string,
  overrides: Record<string, unknown> = {},
): Promise<any> {
  const response = await api.post(`/api/v1/members/${memberCode}/action-plans`, {
    sequenceNumber: next(),
    title: 'Second National Action Plan',
    startDate: '2025-01-01',
    endDate: '2026-12-31',
    status: 'IMPLEMENTING',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`plan: ${response.status} ${response.text}`);
  return response.body;
}

export async function anInstitution(api: TestApp, overrides: Record<string, unknown> = {}): Promise<any> {
  const response = await api.post('/api/v1/institutions', {
    name: `Digital Agency ${next()}`,
    type: 'GOVERNMENT_AGENCY',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`institution: ${response.status} ${response.text}`);
  return response.body;
}

export async function aTag(api: TestApp, label: string): Promise<any> {
  const response = await api.post('/api/v1/tags', { label });
  if (response.status !== 201) throw new Error(`tag: ${response.status} ${response.text}`);
  return response.body;
}

export function commitmentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: commitmentCode(),
    number: String(next()),
    title: 'Co-design the digital ID law with civil society',
    problem: 'Digital ID rules were drafted without public input.',
    startDate: '2025-01-01',
    endDate: '2026-06-30',
    values: [{ value: 'CIVIC_PARTICIPATION', justification: 'Public hearings shape the draft.' }],
    area: 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
    ...overrides,
  };
}

export async function aCommitment(
  api: TestApp,
  planId: string,
  overrides: Record<string, unknown> = {},
): Promise<any> {
  const response = await api.post(`/api/v1/action-plans/${planId}/commitments`, commitmentBody(overrides));
  if (response.status !== 201) throw new Error(`commitment: ${response.status} ${response.text}`);
  return response.body;
}

export async function aMilestone(
  api: TestApp,
  commitmentCode: string,
  overrides: Record<string, unknown> = {},
): Promise<any> {
  const response = await api.post(`/api/v1/commitments/${commitmentCode}/milestones`, {
    title: 'Public consultation on the draft',
    deliverable: 'Consultation report published',
    dueDate: '2025-09-30',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`milestone: ${response.status} ${response.text}`);
  return response.body;
}

/** Legacy IRM indicators with every one rated: specificity MEDIUM, relevant, transformative, complete (starred). */
export function legacyIndicators(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    specificity: 'MEDIUM',
    relevanceAccessToInformation: true,
    relevanceCivicParticipation: false,
    relevancePublicAccountability: false,
    relevanceTechnology: false,
    potentialImpact: 'TRANSFORMATIVE',
    completion: 'COMPLETE',
    onTime: true,
    ...overrides,
  };
}
