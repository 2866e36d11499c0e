import { DomainError } from '../errors/domain-error.js';
import { assertVersion, etagOf, noneMatch, parseIfMatch } from './preconditions.js';

describe('preconditions', () => {
  it('makes the ETag from the version', () => expect(etagOf(7)).toBe('"7"'));

  it('reads If-Match as the version, weak or strong, or * for any', () => {
    expect(parseIfMatch('"7"')).toBe(7);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch(' * ')).toBeNull();
  });

  it('requires If-Match (428)', () => {
    expect(() => parseIfMatch(undefined)).toThrow(expect.objectContaining({ kind: 'precondition_required' }));
    expect(() => parseIfMatch('  ')).toThrow(DomainError);
  });

  it('refuses an If-Match that is no ETag of this API (412)', () => {
    expect(() => parseIfMatch('7')).toThrow(
      expect.objectContaining({ kind: 'precondition_failed', code: 'precondition.if_match_malformed' }),
    );
    expect(() => parseIfMatch('"abc"')).toThrow(expect.objectContaining({ kind: 'precondition_failed' }));
  });

  it('refuses a stale version and accepts the current one or any', () => {
    expect(() => assertVersion(3, 4, 'commitment')).toThrow(
      expect.objectContaining({ code: 'precondition.stale_version' }),
    );
    expect(() => assertVersion(4, 4, 'commitment')).not.toThrow();
    expect(() => assertVersion(null, 4, 'commitment')).not.toThrow();
  });

  it('matches If-None-Match lists, weakly, and *', () => {
    expect(noneMatch('"3", "7"', '"7"')).toBe(true);
    expect(noneMatch('W/"7"', '"7"')).toBe(true);
    expect(noneMatch('*', '"7"')).toBe(true);
    expect(noneMatch('"6"', '"7"')).toBe(false);
    expect(noneMatch(undefined, '"7"')).toBe(false);
  });
});
