import { memberCodeProblem } from './member.rules.js';

describe('memberCodeProblem', () => {
  it.each([
    ['KEN', 'NATIONAL'],
    ['PNG', 'NATIONAL'],
    ['ARBA', 'LOCAL'],
    ['GBSC', 'LOCAL'],
  ] as const)('accepts %s for a %s member', (code, type) =>
    expect(memberCodeProblem(code, type)).toBeUndefined(),
  );

  it.each([
    ['KE', 'NATIONAL'],
    ['KENY', 'NATIONAL'],
    ['ken', 'NATIONAL'],
    ['ARB', 'LOCAL'],
    ['AR1A', 'LOCAL'],
  ] as const)('refuses %s for a %s member', (code, type) =>
    expect(memberCodeProblem(code, type)).toMatch(/capital letters/),
  );
});
