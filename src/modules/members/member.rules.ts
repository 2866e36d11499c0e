export const MEMBER_TYPES = ['NATIONAL', 'LOCAL'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

export const REGIONS = ['EUROPE', 'ASIA_AND_THE_PACIFIC', 'AFRICA_AND_THE_MIDDLE_EAST', 'AMERICAS'] as const;
export type Region = (typeof REGIONS)[number];

/** OGP's member codes: ISO 3166 alpha-3 for national members (KEN), four letters for local ones (ARBA). */
export function memberCodeProblem(code: string, type: MemberType): string | undefined {
  if (type === 'NATIONAL' && !/^[A-Z]{3}$/.test(code)) {
    return 'of a national member must be its ISO 3166 alpha-3 code, three capital letters (e.g. KEN)';
  }
  if (type === 'LOCAL' && !/^[A-Z]{4}$/.test(code)) {
    return 'of a local member must be four capital letters (e.g. ARBA for Buenos Aires)';
  }
  return undefined;
}
