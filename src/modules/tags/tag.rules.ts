/** Tags are named by a slug: lower-case words joined by hyphens ("data-stewardship-and-privacy"). */
export const TAG_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const TAG_SLUG_MAX = 80;

/**
 * The slug OGP's label gives: "Data Stewardship and Privacy" → "data-stewardship-and-privacy", cut
 * at a word to fit TAG_SLUG_MAX.
 */
export function slugOf(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= TAG_SLUG_MAX) return slug;
  const cut = slug.slice(0, TAG_SLUG_MAX + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : TAG_SLUG_MAX).replace(/-+$/, '');
}
