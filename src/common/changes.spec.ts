import { changedFields, isEmpty } from './changes.js';

describe('changedFields', () => {
  const current = { name: 'Kenya', region: 'AFRICA', weight: '1.00', note: null as string | null };

  it('keeps only the given fields that differ', () => {
    expect(changedFields(current, { name: 'Kenya', region: 'EUROPE', note: undefined })).toEqual({
      region: 'EUROPE',
    });
  });

  it('treats null as a value: clearing a field is a change', () => {
    expect(changedFields<typeof current>({ ...current, note: 'x' }, { note: null })).toEqual({ note: null });
    expect(changedFields(current, { note: null })).toEqual({});
  });

  it('compares with the function given', () => {
    const numeric = (field: keyof typeof current, a: unknown, b: unknown) =>
      field === 'weight' ? Number(a) === Number(b) : a === b;
    expect(changedFields(current, { weight: '1' }, numeric)).toEqual({});
    expect(changedFields(current, { weight: '2' }, numeric)).toEqual({ weight: '2' });
  });

  it('says when there is nothing to change', () => {
    expect(isEmpty({})).toBe(true);
    expect(isEmpty({ a: undefined })).toBe(false);
  });
});
