import { slugOf, TAG_SLUG, TAG_SLUG_MAX } from './tag.rules.js';

describe('tag slugs', () => {
  it.each([
    ['Data Stewardship and Privacy', 'data-stewardship-and-privacy'],
    ['Automated Decision-making', 'automated-decision-making'],
    ['  Open Data ', 'open-data'],
    ['Participación & Tecnología', 'participacion-and-tecnologia'],
  ])('makes %p into %p', (label, slug) => {
    expect(slugOf(label)).toBe(slug);
    expect(TAG_SLUG.test(slugOf(label))).toBe(true);
  });

  it('cuts a long label at a word to fit the slug column', () => {
    const slug = slugOf(
      'Participatory oversight of automated decision-making systems used in social protection and welfare eligibility',
    );
    expect(slug.length).toBeLessThanOrEqual(TAG_SLUG_MAX);
    expect(slug).toBe('participatory-oversight-of-automated-decision-making-systems-used-in-social');
    expect(TAG_SLUG.test(slug)).toBe(true);
  });

  it.each(['Open Data', 'open--data', '-open', 'open_data'])('refuses %p as a slug', (slug) =>
    expect(TAG_SLUG.test(slug)).toBe(false),
  );
});
