import {
  type AssessmentIndicators,
  COMPLETION,
  derivedFacts,
  FRAMEWORKS,
  hasStrongEarlyResults,
  independentView,
  indicatorProblems,
  INDICATORS,
  INDICATORS_OF,
  IRM2021_COMPLETION,
  isHighCompletion,
  isRelevant,
  isVerifiable,
  LEGACY_COMPLETION,
  NULL_REASONS,
  POTENTIAL_FOR_RESULTS,
  PRODUCTS,
  PRODUCTS_OF,
  publishProblems,
  STARRED_FORMULAS,
  starred,
  type PublishedAssessment,
} from './assessment.rules.js';

/** A legacy progress report with every indicator rated, starred under the current formula. */
function legacyProgress(overrides: AssessmentIndicators = {}): AssessmentIndicators {
  return {
    specificity: 'MEDIUM',
    relevanceAccessToInformation: true,
    relevanceCivicParticipation: false,
    relevancePublicAccountability: false,
    relevanceTechnology: false,
    potentialImpact: 'TRANSFORMATIVE',
    completion: 'COMPLETE',
    onTime: true,
    ...overrides,
  };
}

function legacyEndOfTerm(overrides: AssessmentIndicators = {}): AssessmentIndicators {
  return legacyProgress({
    didItOpenGovernment: 'MAJOR',
    didItOpenGovernmentAccessToInformation: 'MAJOR',
    didItOpenGovernmentCivicParticipation: 'DID_NOT_CHANGE',
    didItOpenGovernmentPublicAccountability: 'MARGINAL',
    ...overrides,
  });
}

function actionPlanReview(overrides: AssessmentIndicators = {}): AssessmentIndicators {
  return {
    verifiable: true,
    openGovernmentLens: true,
    potentialForResults: 'SUBSTANTIAL',
    promising: true,
    ...overrides,
  };
}

describe('enumerations', () => {
  it('gives each framework its own products, together all the products', () => {
    expect(PRODUCTS_OF.IRM_LEGACY).toEqual(['PROGRESS_REPORT', 'END_OF_TERM_REPORT']);
    expect(PRODUCTS_OF.IRM_2021).toEqual(['ACTION_PLAN_REVIEW', 'MIDTERM_REVIEW', 'RESULTS_REPORT']);
    expect([...PRODUCTS_OF.IRM_LEGACY, ...PRODUCTS_OF.IRM_2021].sort()).toEqual([...PRODUCTS].sort());
  });

  it('makes COMPLETION the union of both frameworks, without duplicates', () => {
    expect(new Set(COMPLETION).size).toBe(COMPLETION.length);
    expect([...COMPLETION].sort()).toEqual(
      [...new Set([...LEGACY_COMPLETION, ...IRM2021_COMPLETION])].sort(),
    );
  });

  it('keeps "unclear" out of the legacy completion levels but in potential for results', () => {
    expect(LEGACY_COMPLETION as readonly string[]).not.toContain('UNCLEAR');
    expect(POTENTIAL_FOR_RESULTS as readonly string[]).toContain('UNCLEAR');
    expect(NULL_REASONS as readonly string[]).toContain('UNCLEAR');
  });

  it('offers the current and the 2015 star formulas', () =>
    expect(STARRED_FORMULAS).toEqual(['CURRENT', '2015']));
});

describe('INDICATORS_OF', () => {
  it('rates design, relevance, completion and timeliness in a legacy progress report', () => {
    expect(INDICATORS_OF('IRM_LEGACY', 'PROGRESS_REPORT')).toEqual([
      'specificity',
      'relevanceAccessToInformation',
      'relevanceCivicParticipation',
      'relevancePublicAccountability',
      'relevanceTechnology',
      'potentialImpact',
      'completion',
      'onTime',
    ]);
  });

  it('adds "did it open government?" overall and per value in a legacy end-of-term report', () => {
    expect(INDICATORS_OF('IRM_LEGACY', 'END_OF_TERM_REPORT')).toEqual([
      ...INDICATORS_OF('IRM_LEGACY', 'PROGRESS_REPORT'),
      'didItOpenGovernment',
      'didItOpenGovernmentAccessToInformation',
      'didItOpenGovernmentCivicParticipation',
      'didItOpenGovernmentPublicAccountability',
    ]);
  });

  it('rates design in an action plan review, design and completion in a midterm review', () => {
    expect(INDICATORS_OF('IRM_2021', 'ACTION_PLAN_REVIEW')).toEqual([
      'verifiable',
      'openGovernmentLens',
      'potentialForResults',
      'promising',
    ]);
    expect(INDICATORS_OF('IRM_2021', 'MIDTERM_REVIEW')).toEqual([
      'verifiable',
      'openGovernmentLens',
      'potentialForResults',
      'promising',
      'completion',
    ]);
  });

  it('rates completion and early results in a results report', () =>
    expect(INDICATORS_OF('IRM_2021', 'RESULTS_REPORT')).toEqual(['completion', 'earlyResults']));

  it('has no indicators for a product of the other framework', () => {
    expect(INDICATORS_OF('IRM_LEGACY', 'RESULTS_REPORT')).toEqual([]);
    expect(INDICATORS_OF('IRM_2021', 'PROGRESS_REPORT')).toEqual([]);
  });

  it('uses every indicator in some product', () => {
    const used = new Set(
      FRAMEWORKS.flatMap((framework) => PRODUCTS_OF[framework].flatMap((p) => INDICATORS_OF(framework, p))),
    );
    expect([...used].sort()).toEqual([...INDICATORS].sort());
  });
});

describe('indicatorProblems', () => {
  it('accepts a fully rated legacy progress report', () =>
    expect(indicatorProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress(), {})).toEqual([]));

  it('accepts a fully rated legacy end-of-term report and 2021 products', () => {
    expect(indicatorProblems('IRM_LEGACY', 'END_OF_TERM_REPORT', legacyEndOfTerm(), {})).toEqual([]);
    expect(indicatorProblems('IRM_2021', 'ACTION_PLAN_REVIEW', actionPlanReview(), {})).toEqual([]);
    expect(
      indicatorProblems('IRM_2021', 'MIDTERM_REVIEW', actionPlanReview({ completion: 'LIMITED' }), {}),
    ).toEqual([]);
    expect(
      indicatorProblems(
        'IRM_2021',
        'RESULTS_REPORT',
        { completion: 'NO_EVIDENCE_AVAILABLE', earlyResults: 'NO_NOTABLE_RESULTS' },
        {},
      ),
    ).toEqual([]);
  });

  it('accepts an empty draft: indicators left undefined are not rated yet', () =>
    expect(indicatorProblems('IRM_2021', 'RESULTS_REPORT', {}, {})).toEqual([]));

  it('accepts an indicator left undefined, even one the product does not have', () =>
    expect(
      indicatorProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress({ earlyResults: undefined }), {}),
    ).toEqual([]));

  it('accepts a null indicator with its reason, and a reason for one not given yet', () => {
    expect(
      indicatorProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress({ completion: null }), {
        completion: 'UNCLEAR',
      }),
    ).toEqual([]);
    expect(indicatorProblems('IRM_2021', 'RESULTS_REPORT', {}, { earlyResults: 'NOT_REVIEWED' })).toEqual([]);
  });

  it('ignores a null reason left undefined', () =>
    expect(
      indicatorProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress(), { completion: undefined }),
    ).toEqual([]));

  it('refuses a product that is not of the framework, and judges nothing else', () => {
    expect(indicatorProblems('IRM_LEGACY', 'RESULTS_REPORT', { earlyResults: 'MODERATE' }, {})).toEqual([
      {
        field: 'product',
        message: 'RESULTS_REPORT is not a product of IRM_LEGACY; it has PROGRESS_REPORT, END_OF_TERM_REPORT',
      },
    ]);
    expect(indicatorProblems('IRM_2021', 'END_OF_TERM_REPORT', {}, {})).toEqual([
      {
        field: 'product',
        message:
          'END_OF_TERM_REPORT is not a product of IRM_2021; it has ACTION_PLAN_REVIEW, MIDTERM_REVIEW, RESULTS_REPORT',
      },
    ]);
  });

  it('refuses an unknown framework', () =>
    expect(indicatorProblems('IRM_2014' as never, 'PROGRESS_REPORT', {}, {})).toEqual([
      { field: 'framework', message: 'must be one of IRM_LEGACY, IRM_2021' },
    ]));

  it('refuses an indicator of the other product, naming the framework, product and accepted indicators', () => {
    expect(
      indicatorProblems('IRM_2021', 'ACTION_PLAN_REVIEW', actionPlanReview({ earlyResults: 'MODERATE' }), {}),
    ).toEqual([
      {
        field: 'earlyResults',
        message:
          'is not an indicator of IRM_2021 ACTION_PLAN_REVIEW; it accepts verifiable, openGovernmentLens, potentialForResults, promising',
      },
    ]);
  });

  it('refuses "did it open government?" in a legacy progress report', () => {
    const problems = indicatorProblems(
      'IRM_LEGACY',
      'PROGRESS_REPORT',
      legacyProgress({ didItOpenGovernment: 'MAJOR' }),
      {},
    );
    expect(problems.map((p) => p.field)).toEqual(['didItOpenGovernment']);
    expect(problems[0].message).toMatch(
      /^is not an indicator of IRM_LEGACY PROGRESS_REPORT; it accepts specificity,/,
    );
  });

  it('refuses a 2021 indicator in a legacy report and a legacy indicator in a 2021 report', () => {
    expect(
      indicatorProblems('IRM_LEGACY', 'END_OF_TERM_REPORT', legacyEndOfTerm({ promising: true }), {}).map(
        (p) => p.field,
      ),
    ).toEqual(['promising']);
    expect(
      indicatorProblems(
        'IRM_2021',
        'MIDTERM_REVIEW',
        actionPlanReview({ specificity: 'HIGH', relevanceTechnology: true }),
        {},
      ).map((p) => p.field),
    ).toEqual(['specificity', 'relevanceTechnology']);
  });

  it('refuses completion in an action plan review and early results in a midterm review', () => {
    expect(
      indicatorProblems('IRM_2021', 'ACTION_PLAN_REVIEW', { completion: 'LIMITED' }, {}).map((p) => p.field),
    ).toEqual(['completion']);
    expect(
      indicatorProblems('IRM_2021', 'MIDTERM_REVIEW', { earlyResults: 'SIGNIFICANT' }, {}).map(
        (p) => p.field,
      ),
    ).toEqual(['earlyResults']);
  });

  it('refuses an explicitly null indicator of the wrong product as not of the product', () =>
    expect(indicatorProblems('IRM_2021', 'RESULTS_REPORT', { verifiable: null }, {})).toEqual([
      {
        field: 'verifiable',
        message: 'is not an indicator of IRM_2021 RESULTS_REPORT; it accepts completion, earlyResults',
      },
    ]));

  it('refuses a name that is no indicator at all', () =>
    expect(
      indicatorProblems('IRM_2021', 'RESULTS_REPORT', { ambition: 'HIGH' } as AssessmentIndicators, {}),
    ).toEqual([
      {
        field: 'ambition',
        message: 'is not an indicator of IRM_2021 RESULTS_REPORT; it accepts completion, earlyResults',
      },
    ]));

  it('refuses NO_EVIDENCE_AVAILABLE as a legacy completion', () =>
    expect(
      indicatorProblems(
        'IRM_LEGACY',
        'PROGRESS_REPORT',
        legacyProgress({ completion: 'NO_EVIDENCE_AVAILABLE' }),
        {},
      ),
    ).toEqual([
      {
        field: 'completion',
        message:
          'NO_EVIDENCE_AVAILABLE is not a completion level of IRM_LEGACY (NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE, WITHDRAWN)',
      },
    ]));

  it('refuses WITHDRAWN as a 2021 completion', () => {
    expect(indicatorProblems('IRM_2021', 'RESULTS_REPORT', { completion: 'WITHDRAWN' }, {})).toEqual([
      {
        field: 'completion',
        message:
          'WITHDRAWN is not a completion level of IRM_2021 (NO_EVIDENCE_AVAILABLE, NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE)',
      },
    ]);
    expect(
      indicatorProblems('IRM_2021', 'MIDTERM_REVIEW', actionPlanReview({ completion: 'WITHDRAWN' }), {}).map(
        (p) => p.field,
      ),
    ).toEqual(['completion']);
  });

  it('refuses UNCLEAR as a legacy completion and says to use a null reason', () => {
    const problems = indicatorProblems(
      'IRM_LEGACY',
      'PROGRESS_REPORT',
      legacyProgress({ completion: 'UNCLEAR' as never }),
      {},
    );
    expect(problems.map((p) => p.field)).toEqual(['completion']);
    expect(problems[0].message).toMatch(/leave completion null with nullReasons\.completion UNCLEAR/);
  });

  it('refuses values outside their enumeration and non-booleans', () =>
    expect(
      indicatorProblems(
        'IRM_LEGACY',
        'PROGRESS_REPORT',
        legacyProgress({ specificity: 'VERY_HIGH' as never, onTime: 'yes' as never }),
        {},
      ),
    ).toEqual([
      { field: 'specificity', message: 'must be one of NONE, LOW, MEDIUM, HIGH' },
      { field: 'onTime', message: 'must be true or false' },
    ]));

  it('refuses a null indicator without a reason, saying to give one', () =>
    expect(indicatorProblems('IRM_2021', 'RESULTS_REPORT', { completion: null }, {})).toEqual([
      {
        field: 'completion',
        message:
          'is null without a reason: say why with nullReasons.completion (NOT_REVIEWED, NO_DATA, NOT_APPLICABLE, UNCLEAR)',
      },
    ]));

  it('refuses a null reason for an indicator the product does not have', () =>
    expect(
      indicatorProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress(), {
        didItOpenGovernment: 'NOT_APPLICABLE',
      }),
    ).toEqual([
      {
        field: 'nullReasons.didItOpenGovernment',
        message: expect.stringMatching(
          /^didItOpenGovernment is not an indicator of IRM_LEGACY PROGRESS_REPORT; it accepts /,
        ),
      },
    ]));

  it('refuses a null reason on a rated indicator, false included', () =>
    expect(
      indicatorProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress({ onTime: false }), {
        completion: 'NO_DATA',
        onTime: 'NOT_REVIEWED',
      }),
    ).toEqual([
      {
        field: 'nullReasons.completion',
        message: 'a rated indicator has no null reason: completion is rated COMPLETE',
      },
      { field: 'nullReasons.onTime', message: 'a rated indicator has no null reason: onTime is rated false' },
    ]));

  it('refuses a null reason that is not one of the reasons', () =>
    expect(
      indicatorProblems(
        'IRM_2021',
        'RESULTS_REPORT',
        { completion: null },
        { completion: 'PENDING' as never },
      ),
    ).toEqual([
      {
        field: 'nullReasons.completion',
        message: 'must be one of NOT_REVIEWED, NO_DATA, NOT_APPLICABLE, UNCLEAR',
      },
    ]));

  it('accepts an explicit verifiable on a legacy report where specificity is not recorded', () => {
    expect(
      indicatorProblems(
        'IRM_LEGACY',
        'PROGRESS_REPORT',
        legacyProgress({ specificity: null, verifiable: true }),
        { specificity: 'NO_DATA' },
      ),
    ).toEqual([]);
    expect(
      indicatorProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress({ verifiable: true }), {}),
    ).toEqual([]);
  });

  it('refuses a legacy verifiable that contradicts the specificity', () =>
    expect(
      indicatorProblems(
        'IRM_LEGACY',
        'PROGRESS_REPORT',
        legacyProgress({ specificity: 'LOW', verifiable: true }),
        {},
      ),
    ).toEqual([
      {
        field: 'verifiable',
        message:
          'true contradicts specificity LOW: a legacy commitment is verifiable exactly when its specificity is MEDIUM or HIGH',
      },
    ]));

  it('reports every problem at once, indicators in their canonical order', () =>
    expect(
      indicatorProblems(
        'IRM_LEGACY',
        'END_OF_TERM_REPORT',
        {
          earlyResults: 'MODERATE',
          completion: 'NO_EVIDENCE_AVAILABLE',
          potentialImpact: null,
          specificity: 'HIGH',
        },
        { specificity: 'NO_DATA', openGovernmentLens: 'NOT_APPLICABLE' },
      ).map((p) => p.field),
    ).toEqual([
      'potentialImpact',
      'completion',
      'earlyResults',
      'nullReasons.specificity',
      'nullReasons.openGovernmentLens',
    ]));
});

describe('publishProblems', () => {
  it('accepts a fully rated report of each product', () => {
    expect(publishProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress(), {})).toEqual([]);
    expect(publishProblems('IRM_LEGACY', 'END_OF_TERM_REPORT', legacyEndOfTerm(), {})).toEqual([]);
    expect(publishProblems('IRM_2021', 'ACTION_PLAN_REVIEW', actionPlanReview(), {})).toEqual([]);
    expect(
      publishProblems('IRM_2021', 'MIDTERM_REVIEW', actionPlanReview({ completion: 'SUBSTANTIAL' }), {}),
    ).toEqual([]);
    expect(
      publishProblems(
        'IRM_2021',
        'RESULTS_REPORT',
        { completion: 'COMPLETE', earlyResults: 'OUTSTANDING' },
        {},
      ),
    ).toEqual([]);
  });

  it('accepts indicators that are null, or left out, with a reason', () =>
    expect(
      publishProblems(
        'IRM_2021',
        'RESULTS_REPORT',
        { completion: null },
        { completion: 'NO_DATA', earlyResults: 'NOT_REVIEWED' },
      ),
    ).toEqual([]));

  it('does not require verifiable of a legacy report', () =>
    expect(
      publishProblems('IRM_LEGACY', 'PROGRESS_REPORT', legacyProgress({ verifiable: undefined }), {}),
    ).toEqual([]));

  it('refuses an indicator of the product that is neither rated nor given a reason', () =>
    expect(publishProblems('IRM_2021', 'RESULTS_REPORT', { completion: 'LIMITED' }, {})).toEqual([
      { field: 'earlyResults', message: 'is neither rated nor given a reason' },
    ]));

  it('refuses an end-of-term report without "did it open government?"', () =>
    expect(
      publishProblems('IRM_LEGACY', 'END_OF_TERM_REPORT', legacyProgress(), {}).map((p) => p.field),
    ).toEqual([
      'didItOpenGovernment',
      'didItOpenGovernmentAccessToInformation',
      'didItOpenGovernmentCivicParticipation',
      'didItOpenGovernmentPublicAccountability',
    ]));

  it('lists every missing indicator of an empty draft', () =>
    expect(publishProblems('IRM_2021', 'MIDTERM_REVIEW', {}, {}).map((p) => p.field)).toEqual([
      'verifiable',
      'openGovernmentLens',
      'potentialForResults',
      'promising',
      'completion',
    ]));

  it('reports a null without a reason once, as indicatorProblems does', () =>
    expect(
      publishProblems('IRM_2021', 'RESULTS_REPORT', { completion: null, earlyResults: 'MODERATE' }, {}),
    ).toEqual(
      indicatorProblems('IRM_2021', 'RESULTS_REPORT', { completion: null, earlyResults: 'MODERATE' }, {}),
    ));

  it('includes everything indicatorProblems refuses, then what is missing', () =>
    expect(
      publishProblems(
        'IRM_2021',
        'RESULTS_REPORT',
        { completion: 'WITHDRAWN', promising: true },
        { completion: 'NO_DATA' },
      ).map((p) => p.field),
    ).toEqual(['completion', 'promising', 'nullReasons.completion', 'earlyResults']));

  it('refuses only the product when it is not of the framework', () =>
    expect(publishProblems('IRM_2021', 'PROGRESS_REPORT', {}, {})).toEqual([
      {
        field: 'product',
        message:
          'PROGRESS_REPORT is not a product of IRM_2021; it has ACTION_PLAN_REVIEW, MIDTERM_REVIEW, RESULTS_REPORT',
      },
    ]));
});

describe('isRelevant', () => {
  it('is relevant to each core value alone', () => {
    expect(isRelevant({ accessToInformation: true })).toBe(true);
    expect(isRelevant({ civicParticipation: true })).toBe(true);
    expect(isRelevant({ publicAccountability: true, technology: false })).toBe(true);
  });

  it('is not relevant for technology alone', () =>
    expect(
      isRelevant({
        accessToInformation: false,
        civicParticipation: false,
        publicAccountability: false,
        technology: true,
      }),
    ).toBe(false));

  it('is not relevant with no value ticked or recorded', () => {
    expect(isRelevant({})).toBe(false);
    expect(isRelevant({ accessToInformation: null, civicParticipation: false })).toBe(false);
  });
});

describe('isVerifiable', () => {
  it('is verifiable for legacy specificity MEDIUM or HIGH, not NONE or LOW', () => {
    expect(isVerifiable('IRM_LEGACY', { specificity: 'MEDIUM' })).toBe(true);
    expect(isVerifiable('IRM_LEGACY', { specificity: 'HIGH' })).toBe(true);
    expect(isVerifiable('IRM_LEGACY', { specificity: 'LOW' })).toBe(false);
    expect(isVerifiable('IRM_LEGACY', { specificity: 'NONE' })).toBe(false);
  });

  it('uses an explicit legacy verifiable only when specificity is missing', () => {
    expect(isVerifiable('IRM_LEGACY', { verifiable: true })).toBe(true);
    expect(isVerifiable('IRM_LEGACY', { specificity: null, verifiable: false })).toBe(false);
    expect(isVerifiable('IRM_LEGACY', { specificity: 'LOW', verifiable: true })).toBe(false);
  });

  it('cannot tell for legacy with neither specificity nor verifiable', () => {
    expect(isVerifiable('IRM_LEGACY', {})).toBeNull();
    expect(isVerifiable('IRM_LEGACY', { specificity: null, verifiable: null })).toBeNull();
  });

  it('reads the 2021 verifiable indicator, never specificity', () => {
    expect(isVerifiable('IRM_2021', { verifiable: true })).toBe(true);
    expect(isVerifiable('IRM_2021', { verifiable: false })).toBe(false);
    expect(isVerifiable('IRM_2021', { specificity: 'HIGH' })).toBeNull();
    expect(isVerifiable('IRM_2021', { verifiable: null })).toBeNull();
  });
});

describe('starred', () => {
  const relevant = { relevanceAccessToInformation: true };

  it('legacy with specificity MEDIUM, relevant, potential impact TRANSFORMATIVE, completion COMPLETE → starred (current)', () => {
    expect(
      starred(
        'IRM_LEGACY',
        { specificity: 'MEDIUM', ...relevant, potentialImpact: 'TRANSFORMATIVE', completion: 'COMPLETE' },
        'CURRENT',
      ),
    ).toEqual({
      starred: true,
      formula: 'CURRENT',
      reason:
        'starred (current formula): verifiable, relevant, potential impact TRANSFORMATIVE and completion COMPLETE',
    });
  });

  it('specificity HIGH, TRANSFORMATIVE, completion LIMITED → not starred', () => {
    expect(
      starred(
        'IRM_LEGACY',
        { specificity: 'HIGH', potentialImpact: 'TRANSFORMATIVE', completion: 'LIMITED' },
        'CURRENT',
      ),
    ).toEqual({
      starred: false,
      formula: 'CURRENT',
      reason: 'not starred (current formula): completion is LIMITED, not SUBSTANTIAL or COMPLETE',
    });
  });

  it('verifiable with no specificity recorded, relevant, TRANSFORMATIVE, SUBSTANTIAL → starred', () => {
    expect(
      starred(
        'IRM_LEGACY',
        { verifiable: true, ...relevant, potentialImpact: 'TRANSFORMATIVE', completion: 'SUBSTANTIAL' },
        'CURRENT',
      ).starred,
    ).toBe(true);
  });

  it('stars MODERATE impact under the 2015 formula but not the current one', () => {
    const moderate = legacyProgress({ potentialImpact: 'MODERATE', completion: 'SUBSTANTIAL' });
    expect(starred('IRM_LEGACY', moderate, '2015')).toEqual({
      starred: true,
      formula: '2015',
      reason:
        'starred (2015 formula): verifiable, relevant, potential impact MODERATE and completion SUBSTANTIAL',
    });
    expect(starred('IRM_LEGACY', moderate, 'CURRENT')).toEqual({
      starred: false,
      formula: 'CURRENT',
      reason: 'not starred (current formula): potential impact is MODERATE, not TRANSFORMATIVE',
    });
  });

  it('does not star MINOR impact even under the 2015 formula', () =>
    expect(starred('IRM_LEGACY', legacyProgress({ potentialImpact: 'MINOR' }), '2015').reason).toBe(
      'not starred (2015 formula): potential impact is MINOR, not MODERATE or TRANSFORMATIVE',
    ));

  it('applies the current formula by default', () =>
    expect(starred('IRM_LEGACY', legacyProgress()).formula).toBe('CURRENT'));

  it('does not star a commitment relevant to technology alone', () =>
    expect(
      starred(
        'IRM_LEGACY',
        legacyProgress({ relevanceAccessToInformation: false, relevanceTechnology: true }),
      ),
    ).toEqual({
      starred: false,
      formula: 'CURRENT',
      reason:
        'not starred (current formula): it is not relevant to access to information, civic participation or public accountability (technology alone is not enough)',
    }));

  it('does not star a commitment of low specificity, or one rated not verifiable', () => {
    expect(starred('IRM_LEGACY', legacyProgress({ specificity: 'LOW' })).reason).toBe(
      'not starred (current formula): specificity is LOW, not MEDIUM or HIGH',
    );
    expect(starred('IRM_LEGACY', legacyProgress({ specificity: undefined, verifiable: false })).reason).toBe(
      'not starred (current formula): it is not verifiable',
    );
  });

  it('does not star a withdrawn commitment', () =>
    expect(starred('IRM_LEGACY', legacyProgress({ completion: 'WITHDRAWN' })).starred).toBe(false));

  it('names every condition that failed', () =>
    expect(
      starred(
        'IRM_LEGACY',
        legacyProgress({ specificity: 'NONE', potentialImpact: 'NONE', completion: 'NOT_STARTED' }),
      ).reason,
    ).toBe(
      'not starred (current formula): specificity is NONE, not MEDIUM or HIGH; potential impact is NONE, not TRANSFORMATIVE; completion is NOT_STARTED, not SUBSTANTIAL or COMPLETE',
    ));

  it('cannot tell when a needed indicator is missing and nothing fails', () => {
    expect(starred('IRM_LEGACY', legacyProgress({ completion: null }))).toEqual({
      starred: null,
      formula: 'CURRENT',
      reason: 'cannot tell (current formula): completion is not recorded',
    });
    expect(starred('IRM_LEGACY', {}, '2015')).toEqual({
      starred: null,
      formula: '2015',
      reason:
        'cannot tell (2015 formula): neither specificity nor verifiable is recorded; relevance to the core OGP values is not recorded; potential impact is not recorded; completion is not recorded',
    });
  });

  it('cannot tell relevance while no core value is ticked and one is not rated', () =>
    expect(
      starred(
        'IRM_LEGACY',
        legacyProgress({ relevanceAccessToInformation: false, relevancePublicAccountability: null }),
      ).starred,
    ).toBeNull());

  it('never stars a 2021 assessment', () => {
    for (const formula of STARRED_FORMULAS)
      expect(
        starred(
          'IRM_2021',
          { ...legacyProgress(), ...actionPlanReview(), completion: 'COMPLETE', earlyResults: 'OUTSTANDING' },
          formula,
        ),
      ).toEqual({ starred: null, formula, reason: 'the 2021 framework has no star' });
  });
});

describe('isHighCompletion', () => {
  it.each([
    ['SUBSTANTIAL', true],
    ['COMPLETE', true],
    ['LIMITED', false],
    ['NOT_STARTED', false],
    ['WITHDRAWN', false],
    ['NO_EVIDENCE_AVAILABLE', false],
  ] as const)('judges %s high completion: %s', (completion, expected) =>
    expect(isHighCompletion(completion)).toBe(expected),
  );

  it('cannot tell without a completion', () => {
    expect(isHighCompletion(null)).toBeNull();
    expect(isHighCompletion(undefined)).toBeNull();
  });
});

describe('hasStrongEarlyResults', () => {
  it.each([
    ['OUTSTANDING', true],
    ['MAJOR', true],
    ['MARGINAL', false],
    ['DID_NOT_CHANGE', false],
    ['WORSENED', false],
  ] as const)('judges "did it open government?" %s strong: %s', (rating, expected) =>
    expect(hasStrongEarlyResults(rating)).toBe(expected),
  );

  it('cannot tell without a rating', () => {
    expect(hasStrongEarlyResults(null)).toBeNull();
    expect(hasStrongEarlyResults(undefined)).toBeNull();
  });
});

describe('derivedFacts', () => {
  it('derives every fact of a legacy end-of-term assessment', () => {
    const indicators = legacyEndOfTerm({ potentialImpact: 'MODERATE' });
    expect(derivedFacts('IRM_LEGACY', indicators)).toEqual({
      relevant: true,
      verifiable: true,
      starred: {
        current: starred('IRM_LEGACY', indicators, 'CURRENT'),
        formula2015: starred('IRM_LEGACY', indicators, '2015'),
      },
      highCompletion: true,
      strongEarlyResults: true,
    });
    expect(derivedFacts('IRM_LEGACY', indicators).starred.current.starred).toBe(false);
    expect(derivedFacts('IRM_LEGACY', indicators).starred.formula2015.starred).toBe(true);
  });

  it('knows a commitment of technology alone is not relevant', () =>
    expect(
      derivedFacts(
        'IRM_LEGACY',
        legacyProgress({ relevanceAccessToInformation: false, relevanceTechnology: true }),
      ).relevant,
    ).toBe(false));

  it('derives what a 2021 results report tells, and no star', () => {
    const facts = derivedFacts('IRM_2021', { completion: 'LIMITED', earlyResults: 'SIGNIFICANT' });
    expect(facts).toEqual({
      relevant: null,
      verifiable: null,
      starred: {
        current: { starred: null, formula: 'CURRENT', reason: 'the 2021 framework has no star' },
        formula2015: { starred: null, formula: '2015', reason: 'the 2021 framework has no star' },
      },
      highCompletion: false,
      strongEarlyResults: null,
    });
  });

  it('reads verifiable from a 2021 action plan review', () =>
    expect(derivedFacts('IRM_2021', actionPlanReview({ verifiable: false })).verifiable).toBe(false));
});

describe('independentView', () => {
  it('has nothing to say without published assessments', () =>
    expect(independentView([])).toEqual({
      completion: null,
      potentialImpact: null,
      potentialForResults: null,
      earlyResults: null,
      didItOpenGovernment: null,
      starred: null,
    }));

  it('picks the latest rating of each indicator across products', () => {
    const assessments: PublishedAssessment[] = [
      {
        framework: 'IRM_2021',
        product: 'RESULTS_REPORT',
        publishedAt: '2025-03-01T00:00:00Z',
        indicators: { completion: 'SUBSTANTIAL', earlyResults: 'MODERATE' },
      },
      {
        framework: 'IRM_2021',
        product: 'ACTION_PLAN_REVIEW',
        publishedAt: '2022-06-01T00:00:00Z',
        indicators: actionPlanReview({ potentialForResults: 'MODEST' }),
      },
      {
        framework: 'IRM_2021',
        product: 'MIDTERM_REVIEW',
        publishedAt: '2023-09-01T00:00:00Z',
        indicators: actionPlanReview({ potentialForResults: 'SUBSTANTIAL', completion: 'LIMITED' }),
      },
    ];
    expect(independentView(assessments)).toEqual({
      completion: 'SUBSTANTIAL',
      potentialImpact: null,
      potentialForResults: 'SUBSTANTIAL',
      earlyResults: 'MODERATE',
      didItOpenGovernment: null,
      starred: null,
    });
  });

  it('skips a later assessment that left an indicator null', () =>
    expect(
      independentView([
        {
          framework: 'IRM_LEGACY',
          product: 'PROGRESS_REPORT',
          publishedAt: '2019-01-15T00:00:00Z',
          indicators: legacyProgress({ completion: 'LIMITED' }),
        },
        {
          framework: 'IRM_LEGACY',
          product: 'END_OF_TERM_REPORT',
          publishedAt: '2020-02-01T00:00:00Z',
          indicators: legacyEndOfTerm({ completion: null, didItOpenGovernment: 'MARGINAL' }),
        },
      ]),
    ).toEqual({
      completion: 'LIMITED',
      potentialImpact: 'TRANSFORMATIVE',
      potentialForResults: null,
      earlyResults: null,
      didItOpenGovernment: 'MARGINAL',
      starred: false,
    }));

  it('takes the star of the most recent legacy assessment, whatever came later under 2021', () =>
    expect(
      independentView([
        {
          framework: 'IRM_LEGACY',
          product: 'PROGRESS_REPORT',
          publishedAt: '2019-01-15T00:00:00Z',
          indicators: legacyProgress({ completion: 'LIMITED' }),
        },
        {
          framework: 'IRM_LEGACY',
          product: 'END_OF_TERM_REPORT',
          publishedAt: '2020-02-01T00:00:00Z',
          indicators: legacyEndOfTerm({ completion: 'COMPLETE' }),
        },
        {
          framework: 'IRM_2021',
          product: 'RESULTS_REPORT',
          publishedAt: '2024-02-01T00:00:00Z',
          indicators: { completion: 'NOT_STARTED', earlyResults: 'NO_NOTABLE_RESULTS' },
        },
      ]),
    ).toMatchObject({ completion: 'NOT_STARTED', potentialImpact: 'TRANSFORMATIVE', starred: true }));

  it('passes over a recent legacy assessment whose star cannot be told', () =>
    expect(
      independentView([
        {
          framework: 'IRM_LEGACY',
          product: 'END_OF_TERM_REPORT',
          publishedAt: '2020-02-01T00:00:00Z',
          indicators: { completion: 'COMPLETE', didItOpenGovernment: 'MAJOR' },
        },
        {
          framework: 'IRM_LEGACY',
          product: 'PROGRESS_REPORT',
          publishedAt: '2019-01-15T00:00:00Z',
          indicators: legacyProgress({ completion: 'SUBSTANTIAL' }),
        },
      ]),
    ).toMatchObject({ completion: 'COMPLETE', starred: true }));

  it('has no star when no legacy assessment tells', () =>
    expect(
      independentView([
        {
          framework: 'IRM_LEGACY',
          product: 'PROGRESS_REPORT',
          publishedAt: '2019-01-15T00:00:00Z',
          indicators: { specificity: 'HIGH', potentialImpact: 'TRANSFORMATIVE' },
        },
      ]).starred,
    ).toBeNull());

  it('compares publication times, not their spelling', () =>
    expect(
      independentView([
        {
          framework: 'IRM_2021',
          product: 'RESULTS_REPORT',
          publishedAt: '2025-03-01T09:00:00+02:00',
          indicators: { completion: 'COMPLETE' },
        },
        {
          framework: 'IRM_2021',
          product: 'MIDTERM_REVIEW',
          publishedAt: '2025-03-01T08:00:00Z',
          indicators: { completion: 'LIMITED' },
        },
      ]).completion,
    ).toBe('LIMITED'));

  it('counts the later in the list as more recent when published at the same time', () => {
    const at = '2025-03-01T00:00:00Z';
    expect(
      independentView([
        {
          framework: 'IRM_2021',
          product: 'MIDTERM_REVIEW',
          publishedAt: at,
          indicators: { completion: 'LIMITED' },
        },
        {
          framework: 'IRM_2021',
          product: 'RESULTS_REPORT',
          publishedAt: at,
          indicators: { completion: 'COMPLETE' },
        },
      ]).completion,
    ).toBe('COMPLETE');
  });
});
