import { DomainError } from '../errors/domain-error.js';
import { decodeCursor, encodeCursor, nextLink, toPage } from './pagination.js';

describe('pagination', () => {
  it('round-trips keyset values through an opaque cursor', () => {
    const cursor = encodeCursor(['KE0037', 3]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['string', 'integer'])).toEqual(['KE0037', 3]);
  });

  it.each([
    'not-base64!',
    encodeCursor(['a']),
    encodeCursor(['a', 'b']),
    encodeCursor([1.5, 2]),
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[{}, 1]').toString('base64url'),
  ])('refuses the cursor %p for a (string, integer) keyset', (cursor) => {
    expect(() => decodeCursor(cursor, ['string', 'integer'])).toThrow(DomainError);
  });

  it('checks dates and ids in a cursor before they reach a query', () => {
    expect(
      decodeCursor(encodeCursor(['2025-01-01', '0b6c5a52-3f0e-4d7e-9f5e-2a1c9b8d7e6f']), ['date', 'uuid']),
    ).toHaveLength(2);
    expect(() => decodeCursor(encodeCursor(['yesterday', 'x']), ['date', 'uuid'])).toThrow(DomainError);
  });

  it('gives a next cursor only when the extra row shows there is more', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];
    const full = toPage(
      rows,
      2,
      (r) => [r.k],
      (r) => r.k,
    );
    expect(full.items).toEqual(['a', 'b']);
    expect(decodeCursor(full.nextCursor as string, ['string'])).toEqual(['b']);
    const last = toPage(
      rows,
      3,
      (r) => [r.k],
      (r) => r.k,
    );
    expect(last.items).toEqual(['a', 'b', 'c']);
    expect(last.nextCursor).toBeNull();
  });

  it('links the next page with the same filters and the new cursor', () => {
    expect(nextLink('/api/v1/commitments?member=KEN&cursor=old&limit=2', 'NEW')).toBe(
      '</api/v1/commitments?member=KEN&cursor=NEW&limit=2>; rel="next"',
    );
    expect(nextLink('/api/v1/members', 'X')).toBe('</api/v1/members?cursor=X>; rel="next"');
  });
});
