/** Tags are named by a slug: lower-case words joined by hyphens ("data-stewardship-and-privacy"). */
export const TAG_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The slug OGP's label gives: "Data Stewardship and Privacy" → "data-stewardship-and-privacy". */
export function slugOf(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
