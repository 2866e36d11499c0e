import {
  type AgreementInput,
  agreementVerdict,
  type CivicEvidence,
  evidenceCounts,
  type Stance,
  STANCES,
  VERDICTS,
} from './agreement.rules.js';
import type { ReportedCompletion } from './commitment-state.rules.js';

const item = (stance: Stance, supportedCompletion: ReportedCompletion | null = null): CivicEvidence => ({
  stance,
  supportedCompletion,
});
const confirms = (n: number, supported: ReportedCompletion | null = null) =>
  Array.from({ length: n }, () => item('CONFIRMS', supported));
const contradicts = (n: number, supported: ReportedCompletion | null = null) =>
  Array.from({ length: n }, () => item('CONTRADICTS', supported));
const context = (n: number, supported: ReportedCompletion | null = null) =>
  Array.from({ length: n }, () => item('CONTEXT', supported));

function verdictOf(overrides: Partial<AgreementInput>) {
  return agreementVerdict({ selfReported: 'SUBSTANTIAL', independent: null, evidence: [], ...overrides });
}

describe('stances and verdicts', () => {
  it('lists the labels of the design', () => {
    expect(STANCES).toEqual(['CONFIRMS', 'CONTRADICTS', 'MIXED', 'CONTEXT']);
    expect(VERDICTS).toEqual(['CONSISTENT', 'DIVERGENT', 'CONTESTED', 'UNVERIFIED']);
  });
});

describe('evidence counts', () => {
  it('counts items by stance', () => {
    expect(
      evidenceCounts([...confirms(2), ...contradicts(3), item('MIXED'), ...context(4, 'COMPLETE')]),
    ).toEqual({ confirms: 2, contradicts: 3, mixed: 1, context: 4 });
  });

  it('is all zeros without evidence', () => {
    expect(evidenceCounts([])).toEqual({ confirms: 0, contradicts: 0, mixed: 0, context: 0 });
  });
});

describe('CONTESTED: civil society disputes the claim', () => {
  it('when contradicting items outnumber confirming ones', () => {
    expect(verdictOf({ evidence: [...confirms(1), ...contradicts(2)] }).verdict).toBe('CONTESTED');
    expect(verdictOf({ evidence: contradicts(1) }).verdict).toBe('CONTESTED');
  });

  it('on a tie: one confirming against one contradicting', () => {
    expect(verdictOf({ evidence: [...confirms(1), ...contradicts(1)] }).verdict).toBe('CONTESTED');
    expect(verdictOf({ evidence: [...confirms(3), ...contradicts(3)] }).verdict).toBe('CONTESTED');
  });

  it('not when confirming items are more: 2 confirm, 1 contradicts', () => {
    expect(verdictOf({ evidence: [...confirms(2), ...contradicts(1)] }).verdict).toBe('CONSISTENT');
  });

  it('even when the independent reviewer agrees with the government', () => {
    expect(verdictOf({ independent: 'SUBSTANTIAL', evidence: contradicts(1) }).verdict).toBe('CONTESTED');
  });

  it('before divergence: a majority against the claim wins over a differing independent completion', () => {
    const result = verdictOf({ independent: 'LIMITED', evidence: contradicts(2, 'NOT_STARTED') });
    expect(result.verdict).toBe('CONTESTED');
    expect(result.reasons).toContain(
      'The government reports SUBSTANTIAL; the independent reviewer found LIMITED.',
    );
    expect(result.reasons).toContain(
      '2 civic items that contradict the claim support NOT_STARTED; the government reports SUBSTANTIAL.',
    );
  });

  it('without a self-reported completion too', () => {
    const result = verdictOf({ selfReported: null, evidence: contradicts(1) });
    expect(result.verdict).toBe('CONTESTED');
    expect(result.reasons[0]).toBe(
      'Civil society disputes the reported progress: at least as many civic items contradict it as confirm it.',
    );
  });

  it('never because of context items, however many', () => {
    expect(verdictOf({ evidence: [...confirms(1), ...context(5)] }).verdict).toBe('CONSISTENT');
    expect(verdictOf({ evidence: [...contradicts(1), ...context(5)] }).verdict).toBe('CONTESTED');
    expect(verdictOf({ evidence: [...confirms(2), ...contradicts(1), ...context(9)] }).verdict).toBe(
      'CONSISTENT',
    );
  });

  it('ignores mixed items in the count', () => {
    expect(verdictOf({ evidence: [item('MIXED'), item('MIXED'), ...contradicts(1)] }).verdict).toBe(
      'CONTESTED',
    );
  });

  it('explains the dispute and gives the counts', () => {
    const result = verdictOf({ evidence: [...confirms(2), ...contradicts(3)] });
    expect(result.reasons).toEqual([
      'Civil society disputes the claim of SUBSTANTIAL: at least as many civic items contradict it as confirm it.',
      '2 civic items confirm, 3 contradict.',
    ]);
  });
});

describe('DIVERGENT: the sources disagree', () => {
  it('when the independent completion differs from the self-reported one', () => {
    const result = verdictOf({ selfReported: 'SUBSTANTIAL', independent: 'LIMITED' });
    expect(result).toEqual({
      verdict: 'DIVERGENT',
      reasons: ['The government reports SUBSTANTIAL; the independent reviewer found LIMITED.'],
    });
  });

  it.each<[ReportedCompletion, ReportedCompletion]>([
    ['COMPLETE', 'NOT_STARTED'],
    ['NOT_STARTED', 'COMPLETE'],
    ['WITHDRAWN', 'COMPLETE'],
    ['COMPLETE', 'WITHDRAWN'],
  ])('when the government reports %s and the reviewer found %s', (selfReported, independent) => {
    expect(verdictOf({ selfReported, independent }).verdict).toBe('DIVERGENT');
  });

  it('even with civic items confirming the claim', () => {
    expect(verdictOf({ independent: 'LIMITED', evidence: confirms(3) }).verdict).toBe('DIVERGENT');
  });

  it('when a confirming item supports a different completion', () => {
    const result = verdictOf({ evidence: confirms(1, 'COMPLETE') });
    expect(result.verdict).toBe('DIVERGENT');
    expect(result.reasons).toEqual([
      '1 civic item that confirms the claim supports COMPLETE; the government reports SUBSTANTIAL.',
      '1 civic item confirms, 0 contradict.',
    ]);
  });

  it('when a mixed item supports a different completion', () => {
    const result = verdictOf({ evidence: [item('MIXED', 'LIMITED')] });
    expect(result.verdict).toBe('DIVERGENT');
    expect(result.reasons).toContain(
      '1 civic item that gives a mixed picture supports LIMITED; the government reports SUBSTANTIAL.',
    );
  });

  it('when a minority of contradicting items supports a different completion', () => {
    const result = verdictOf({ evidence: [...confirms(2), ...contradicts(1, 'LIMITED')] });
    expect(result.verdict).toBe('DIVERGENT');
    expect(result.reasons).toEqual([
      '1 civic item that contradicts the claim supports LIMITED; the government reports SUBSTANTIAL.',
      '2 civic items confirm, 1 contradicts.',
    ]);
  });

  it('not because of the completion a context item supports', () => {
    expect(verdictOf({ evidence: [...confirms(1), ...context(2, 'NOT_STARTED')] }).verdict).toBe(
      'CONSISTENT',
    );
  });

  it('lists every disagreement, grouped by stance and completion', () => {
    const result = verdictOf({
      selfReported: 'COMPLETE',
      independent: 'SUBSTANTIAL',
      evidence: [
        ...confirms(1, 'COMPLETE'),
        ...confirms(2, 'SUBSTANTIAL'),
        item('MIXED', 'LIMITED'),
        item('MIXED', 'NOT_STARTED'),
        item('MIXED', null),
        ...context(1, 'NOT_STARTED'),
      ],
    });
    expect(result).toEqual({
      verdict: 'DIVERGENT',
      reasons: [
        'The government reports COMPLETE; the independent reviewer found SUBSTANTIAL.',
        '2 civic items that confirm the claim support SUBSTANTIAL; the government reports COMPLETE.',
        '1 civic item that gives a mixed picture supports NOT_STARTED; the government reports COMPLETE.',
        '1 civic item that gives a mixed picture supports LIMITED; the government reports COMPLETE.',
        '3 civic items confirm, 0 contradict, 3 give a mixed picture, 1 gives context only.',
      ],
    });
  });

  it('not when a supported completion equals the reported one', () => {
    expect(verdictOf({ evidence: confirms(2, 'SUBSTANTIAL') }).verdict).toBe('CONSISTENT');
  });
});

describe('CONSISTENT: something independent backs the claim', () => {
  it('when the independent reviewer found the same completion', () => {
    expect(verdictOf({ selfReported: 'LIMITED', independent: 'LIMITED' })).toEqual({
      verdict: 'CONSISTENT',
      reasons: ['The government reports LIMITED; the independent reviewer found LIMITED too.'],
    });
  });

  it('when WITHDRAWN is reported and found', () => {
    expect(verdictOf({ selfReported: 'WITHDRAWN', independent: 'WITHDRAWN' }).verdict).toBe('CONSISTENT');
  });

  it('when a civic item confirms the claim and there is no independent completion', () => {
    const result = verdictOf({ evidence: confirms(1) });
    expect(result).toEqual({
      verdict: 'CONSISTENT',
      reasons: [
        'The government reports SUBSTANTIAL; civic evidence confirms it.',
        'No published independent assessment rates completion.',
        '1 civic item confirms, 0 contradict.',
      ],
    });
  });

  it('when the reviewer and civic evidence both agree', () => {
    const result = verdictOf({
      selfReported: 'COMPLETE',
      independent: 'COMPLETE',
      evidence: [...confirms(2, 'COMPLETE'), ...contradicts(1), item('MIXED'), ...context(2)],
    });
    expect(result).toEqual({
      verdict: 'CONSISTENT',
      reasons: [
        'The government reports COMPLETE; the independent reviewer found COMPLETE too.',
        '2 civic items confirm, 1 contradicts, 1 gives a mixed picture, 2 give context only.',
      ],
    });
  });

  it('when the independent reviewer agrees, whatever context and mixed items there are', () => {
    expect(
      verdictOf({ independent: 'SUBSTANTIAL', evidence: [item('MIXED'), ...context(3, 'LIMITED')] }).verdict,
    ).toBe('CONSISTENT');
  });

  it('when civic evidence confirms and the reviewer found no evidence available', () => {
    const result = verdictOf({ independent: 'NO_EVIDENCE_AVAILABLE', evidence: confirms(1) });
    expect(result.verdict).toBe('CONSISTENT');
    expect(result.reasons).toContain(
      'The independent reviewer found no evidence available to rate completion.',
    );
  });
});

describe('UNVERIFIED: nothing to check the claim against', () => {
  it('with no independent completion and no civic evidence', () => {
    expect(verdictOf({})).toEqual({
      verdict: 'UNVERIFIED',
      reasons: [
        'The government reports SUBSTANTIAL, but nothing independent confirms it.',
        'No published independent assessment rates completion.',
        'No civic evidence has been published about it.',
      ],
    });
  });

  it('treats NO_EVIDENCE_AVAILABLE as no independent completion', () => {
    const result = verdictOf({ selfReported: 'NOT_STARTED', independent: 'NO_EVIDENCE_AVAILABLE' });
    expect(result.verdict).toBe('UNVERIFIED');
    expect(result.reasons).toContain(
      'The independent reviewer found no evidence available to rate completion.',
    );
    expect(result.reasons.join(' ')).not.toContain('NO_EVIDENCE_AVAILABLE');
  });

  it('with only context and mixed items that do not disagree', () => {
    const result = verdictOf({ evidence: [...context(2, 'LIMITED'), item('MIXED', 'SUBSTANTIAL')] });
    expect(result).toEqual({
      verdict: 'UNVERIFIED',
      reasons: [
        'The government reports SUBSTANTIAL, but nothing independent confirms it.',
        'No published independent assessment rates completion.',
        'No civic item confirms or contradicts the claim.',
        '0 civic items confirm, 0 contradict, 1 gives a mixed picture, 2 give context only.',
      ],
    });
  });

  it('without a self-reported completion, whatever else agrees', () => {
    expect(verdictOf({ selfReported: null })).toEqual({
      verdict: 'UNVERIFIED',
      reasons: ['The government has not reported a completion, so there is no claim to check.'],
    });
    const result = verdictOf({
      selfReported: null,
      independent: 'COMPLETE',
      evidence: [...confirms(2, 'COMPLETE'), ...contradicts(1, 'LIMITED')],
    });
    expect(result).toEqual({
      verdict: 'UNVERIFIED',
      reasons: [
        'The government has not reported a completion, so there is no claim to check.',
        'The independent reviewer found COMPLETE.',
        '2 civic items confirm, 1 contradicts.',
      ],
    });
  });

  it('without a self-reported completion, even when the reviewer found no evidence', () => {
    const result = verdictOf({ selfReported: null, independent: 'NO_EVIDENCE_AVAILABLE' });
    expect(result.verdict).toBe('UNVERIFIED');
    expect(result.reasons).toHaveLength(1);
  });
});

describe('reasons', () => {
  const scenarios: AgreementInput[] = [];
  const selves: (ReportedCompletion | null)[] = [null, 'NOT_STARTED', 'SUBSTANTIAL', 'WITHDRAWN'];
  const independents: AgreementInput['independent'][] = [
    null,
    'NO_EVIDENCE_AVAILABLE',
    'LIMITED',
    'WITHDRAWN',
  ];
  const evidences: CivicEvidence[][] = [
    [],
    confirms(1),
    contradicts(1, 'LIMITED'),
    [...confirms(2, 'COMPLETE'), ...contradicts(1)],
    [item('MIXED', 'NOT_STARTED'), ...context(1)],
  ];
  for (const selfReported of selves)
    for (const independent of independents)
      for (const evidence of evidences) scenarios.push({ selfReported, independent, evidence });

  it('are always at least one full sentence', () => {
    for (const scenario of scenarios) {
      const { verdict, reasons } = agreementVerdict(scenario);
      expect(VERDICTS).toContain(verdict);
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) expect(reason).toMatch(/^[A-Z0-9].*\.$/);
      expect(new Set(reasons).size).toBe(reasons.length);
    }
  });

  it('give the counts by stance whenever there is evidence', () => {
    for (const scenario of scenarios.filter((s) => s.evidence.length > 0)) {
      expect(agreementVerdict(scenario).reasons.some((r) => /^\d+ civic items? confirms?, \d+/.test(r))).toBe(
        true,
      );
    }
  });

  it('do not give counts without evidence', () => {
    for (const scenario of scenarios.filter((s) => s.evidence.length === 0)) {
      expect(agreementVerdict(scenario).reasons.some((r) => /civic items? confirms?,/.test(r))).toBe(false);
    }
  });

  it('use singular and plural forms', () => {
    expect(verdictOf({ evidence: [...confirms(1), ...contradicts(1)] }).reasons).toContain(
      '1 civic item confirms, 1 contradicts.',
    );
    expect(verdictOf({ evidence: [...confirms(2), ...contradicts(2), item('MIXED')] }).reasons).toContain(
      '2 civic items confirm, 2 contradict, 1 gives a mixed picture.',
    );
  });

  it('do not change with the order of the evidence', () => {
    const evidence = [...confirms(1, 'LIMITED'), item('MIXED', 'COMPLETE'), ...confirms(2), ...context(1)];
    const forward = verdictOf({ independent: 'COMPLETE', evidence });
    const backward = verdictOf({ independent: 'COMPLETE', evidence: [...evidence].reverse() });
    expect(backward).toEqual(forward);
  });
});
