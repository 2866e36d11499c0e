export const INSTITUTION_TYPES = [
  'GOVERNMENT_AGENCY',
  'PARLIAMENT',
  'COURT',
  'CIVIL_SOCIETY_ORGANISATION',
  'PRIVATE_SECTOR',
  'ACADEMIA',
  'MULTILATERAL',
  'OTHER',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
