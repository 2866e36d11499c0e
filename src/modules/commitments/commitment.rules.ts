import type { FieldError } from '../../common/errors/domain-error.js';
import { type DatePrecision, partialDateProblems } from '../../common/dates/partial-date.rules.js';

/** OGP's identifier: a two- or three-letter prefix and four digits (KE0037, PNG0006, BUE0009). */
export const COMMITMENT_CODE = /^[A-Z]{2,3}[0-9]{4}$/;

export const OGP_VALUES = [
  'ACCESS_TO_INFORMATION',
  'CIVIC_PARTICIPATION',
  'PUBLIC_ACCOUNTABILITY',
  'TECHNOLOGY_AND_INNOVATION',
] as const;
export type OgpValue = (typeof OGP_VALUES)[number];

/** The participatory digital governance areas this tracker focuses on. */
export const DIGITAL_GOVERNANCE_AREAS = [
  'DIGITAL_STRATEGY_AND_POLICY',
  'SERVICE_CO_DESIGN',
  'TECHNOLOGY_REGULATION',
  'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT',
  'OVERSIGHT_AUDIT_AND_REDRESS',
] as const;
export type DigitalGovernanceArea = (typeof DIGITAL_GOVERNANCE_AREAS)[number];

export const LINK_TYPES = ['IMPLEMENTS', 'MONITORS', 'CO_DESIGNS', 'CONTINUES'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface CommitmentShape {
  code: string;
  startDate?: string | null;
  startDatePrecision: DatePrecision;
  endDate?: string | null;
  endDatePrecision: DatePrecision;
  values?: { value: OgpValue }[];
  links?: { type: LinkType; target: string }[];
  leadInstitutionId?: string | null;
  supportingInstitutionIds?: string[];
  tags?: string[];
}

/** What is wrong with a commitment as a whole, field by field (the per-field formats are checked on input). */
export function commitmentProblems(c: CommitmentShape): FieldError[] {
  const problems: FieldError[] = partialDateProblems(
    {
      field: 'startDate',
      value: c.startDate ? { date: c.startDate, precision: c.startDatePrecision } : undefined,
    },
    { field: 'endDate', value: c.endDate ? { date: c.endDate, precision: c.endDatePrecision } : undefined },
  );
  problems.push(
    ...duplicates(
      c.values?.map((v) => v.value),
      'values',
      'value',
    ),
  );
  problems.push(...duplicates(c.tags, 'tags'));
  problems.push(...duplicates(c.supportingInstitutionIds, 'supportingInstitutionIds'));
  problems.push(
    ...duplicates(
      c.links?.map((l) => `${l.type} ${l.target}`),
      'links',
    ),
  );
  c.links?.forEach((link, index) => {
    if (link.target === c.code)
      problems.push({ field: `links[${index}].target`, message: 'a commitment cannot link to itself' });
  });
  if (c.leadInstitutionId && c.supportingInstitutionIds?.includes(c.leadInstitutionId)) {
    const index = c.supportingInstitutionIds.indexOf(c.leadInstitutionId);
    problems.push({
      field: `supportingInstitutionIds[${index}]`,
      message: 'is already the lead institution',
    });
  }
  return problems;
}

function duplicates(items: string[] | undefined, field: string, member?: string): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  items?.forEach((item, index) => {
    if (seen.has(item))
      out.push({ field: `${field}[${index}]${member ? `.${member}` : ''}`, message: `repeats ${item}` });
    seen.add(item);
  });
  return out;
}
