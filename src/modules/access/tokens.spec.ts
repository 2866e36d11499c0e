import { bearerToken, generateToken, hashToken, isWellFormedToken, tokenPrefix } from './tokens.js';

describe('API tokens', () => {
  it('are random, well-formed and different every time', () => {
    const a = generateToken();
    const b = generateToken();
    expect(isWellFormedToken(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('are stored as their SHA-256, never as themselves', () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token.slice(3, 13));
    expect(tokenPrefix(token)).toBe(token.slice(0, 10));
  });

  it('are read from a Bearer header, and anything else is malformed', () => {
    const token = generateToken();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken(`Bearer ${token}`)).toEqual({ token });
    expect(bearerToken(`bearer ${token}`)).toEqual({ token });
    expect(bearerToken('Bearer nope')).toEqual({ malformed: true });
    expect(bearerToken(`Basic ${token}`)).toEqual({ malformed: true });
    expect(bearerToken(`Bearer ${token} extra`)).toEqual({ malformed: true });
  });
});
