import { REPORTED_COMPLETIONS } from '../commitments/commitment-state.rules.js';
import type { FieldError } from '../../common/errors/domain-error.js';
import type { OgpValue } from '../commitments/commitment.rules.js';

// The Independent Reporting Mechanism (IRM) rates each commitment in its reports. Until 2021 it wrote a
// progress report and an end-of-term report per action plan (the legacy framework); since the 2021
// refresh it writes an action plan review, a midterm review for four-year plans, and a results report.

export const FRAMEWORKS = ['IRM_LEGACY', 'IRM_2021'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const PRODUCTS = [
  'PROGRESS_REPORT',
  'END_OF_TERM_REPORT',
  'ACTION_PLAN_REVIEW',
  'MIDTERM_REVIEW',
  'RESULTS_REPORT',
] as const;
export type Product = (typeof PRODUCTS)[number];

export const PRODUCTS_OF: Record<Framework, readonly Product[]> = {
  IRM_LEGACY: ['PROGRESS_REPORT', 'END_OF_TERM_REPORT'],
  IRM_2021: ['ACTION_PLAN_REVIEW', 'MIDTERM_REVIEW', 'RESULTS_REPORT'],
};

export const SPECIFICITY = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Specificity = (typeof SPECIFICITY)[number];

export const POTENTIAL_IMPACT = ['NONE', 'MINOR', 'MODERATE', 'TRANSFORMATIVE'] as const;
export type PotentialImpact = (typeof POTENTIAL_IMPACT)[number];

/**
 * The legacy completion scale is the one governments report on (REPORTED_COMPLETIONS). OGP's legacy
 * "Unclear" is not a value: the completion is null with the null reason UNCLEAR.
 */
export const LEGACY_COMPLETION = REPORTED_COMPLETIONS;
export type LegacyCompletion = (typeof LEGACY_COMPLETION)[number];

export const IRM2021_COMPLETION = [
  'NO_EVIDENCE_AVAILABLE',
  'NOT_STARTED',
  'LIMITED',
  'SUBSTANTIAL',
  'COMPLETE',
] as const;
export type Irm2021Completion = (typeof IRM2021_COMPLETION)[number];

/** Both frameworks' completion levels, from no evidence through complete, then withdrawn. */
export const COMPLETION = [
  'NO_EVIDENCE_AVAILABLE',
  'NOT_STARTED',
  'LIMITED',
  'SUBSTANTIAL',
  'COMPLETE',
  'WITHDRAWN',
] as const;
export type Completion = (typeof COMPLETION)[number];

export const DID_IT_OPEN_GOVERNMENT = [
  'WORSENED',
  'DID_NOT_CHANGE',
  'MARGINAL',
  'MAJOR',
  'OUTSTANDING',
] as const;
export type DidItOpenGovernment = (typeof DID_IT_OPEN_GOVERNMENT)[number];

/** Here UNCLEAR is OGP's own label for a rating, and so a value. */
export const POTENTIAL_FOR_RESULTS = ['UNCLEAR', 'MODEST', 'SUBSTANTIAL'] as const;
export type PotentialForResults = (typeof POTENTIAL_FOR_RESULTS)[number];

export const EARLY_RESULTS = ['NO_NOTABLE_RESULTS', 'MODERATE', 'SIGNIFICANT', 'OUTSTANDING'] as const;
export type EarlyResults = (typeof EARLY_RESULTS)[number];

/** Why an indicator is null: these are never values of an indicator. */
export const NULL_REASONS = ['NOT_REVIEWED', 'NO_DATA', 'NOT_APPLICABLE', 'UNCLEAR'] as const;
export type NullReason = (typeof NULL_REASONS)[number];

export const INDICATORS = [
  'specificity',
  'relevanceAccessToInformation',
  'relevanceCivicParticipation',
  'relevancePublicAccountability',
  'relevanceTechnology',
  'potentialImpact',
  'completion',
  'onTime',
  'didItOpenGovernment',
  'didItOpenGovernmentAccessToInformation',
  'didItOpenGovernmentCivicParticipation',
  'didItOpenGovernmentPublicAccountability',
  'verifiable',
  'openGovernmentLens',
  'potentialForResults',
  'promising',
  'earlyResults',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** Every indicator may be left out (not rated yet) or null (with a reason in the null reasons). */
export interface AssessmentIndicators {
  specificity?: Specificity | null;
  relevanceAccessToInformation?: boolean | null;
  relevanceCivicParticipation?: boolean | null;
  relevancePublicAccountability?: boolean | null;
  relevanceTechnology?: boolean | null;
  potentialImpact?: PotentialImpact | null;
  completion?: Completion | null;
  onTime?: boolean | null;
  didItOpenGovernment?: DidItOpenGovernment | null;
  didItOpenGovernmentAccessToInformation?: DidItOpenGovernment | null;
  didItOpenGovernmentCivicParticipation?: DidItOpenGovernment | null;
  didItOpenGovernmentPublicAccountability?: DidItOpenGovernment | null;
  verifiable?: boolean | null;
  openGovernmentLens?: boolean | null;
  potentialForResults?: PotentialForResults | null;
  promising?: boolean | null;
  earlyResults?: EarlyResults | null;
}

export type NullReasons = Partial<Record<Indicator, NullReason>>;

const LEGACY_DESIGN: readonly Indicator[] = [
  'specificity',
  'relevanceAccessToInformation',
  'relevanceCivicParticipation',
  'relevancePublicAccountability',
  'relevanceTechnology',
  'potentialImpact',
  'completion',
  'onTime',
];

const DESIGN_2021: readonly Indicator[] = [
  'verifiable',
  'openGovernmentLens',
  'potentialForResults',
  'promising',
];

const INDICATORS_BY_PRODUCT: Record<Framework, Partial<Record<Product, readonly Indicator[]>>> = {
  IRM_LEGACY: {
    PROGRESS_REPORT: LEGACY_DESIGN,
    END_OF_TERM_REPORT: [
      ...LEGACY_DESIGN,
      'didItOpenGovernment',
      'didItOpenGovernmentAccessToInformation',
      'didItOpenGovernmentCivicParticipation',
      'didItOpenGovernmentPublicAccountability',
    ],
  },
  IRM_2021: {
    ACTION_PLAN_REVIEW: DESIGN_2021,
    // The midterm review of a four-year plan revisits the design of the commitments added or amended at
    // the refresh (so it rates them like an action plan review) and reports how far implementation has
    // got so far (so it rates completion); early results wait for the results report.
    MIDTERM_REVIEW: [...DESIGN_2021, 'completion'],
    RESULTS_REPORT: ['completion', 'earlyResults'],
  },
};

/**
 * The indicators a report of this framework and product rates, all of which must be rated (or given a
 * null reason) before it is published; none for a product that is not of the framework.
 */
export function INDICATORS_OF(framework: Framework, product: Product): readonly Indicator[] {
  return INDICATORS_BY_PRODUCT[framework]?.[product] ?? [];
}

/**
 * The indicators an assessment may carry: those of its product and, on legacy products, `verifiable`,
 * because imported IRM data has a Verifiable column even where specificity is not recorded.
 */
function acceptedIndicators(framework: Framework, product: Product): readonly Indicator[] {
  const own = INDICATORS_OF(framework, product);
  return framework === 'IRM_LEGACY' && own.length > 0 ? [...own, 'verifiable'] : own;
}

const COMPLETION_OF: Record<Framework, readonly Completion[]> = {
  IRM_LEGACY: LEGACY_COMPLETION,
  IRM_2021: IRM2021_COMPLETION,
};

const VALUES_OF: Record<Indicator, readonly string[] | 'boolean'> = {
  specificity: SPECIFICITY,
  relevanceAccessToInformation: 'boolean',
  relevanceCivicParticipation: 'boolean',
  relevancePublicAccountability: 'boolean',
  relevanceTechnology: 'boolean',
  potentialImpact: POTENTIAL_IMPACT,
  completion: COMPLETION,
  onTime: 'boolean',
  didItOpenGovernment: DID_IT_OPEN_GOVERNMENT,
  didItOpenGovernmentAccessToInformation: DID_IT_OPEN_GOVERNMENT,
  didItOpenGovernmentCivicParticipation: DID_IT_OPEN_GOVERNMENT,
  didItOpenGovernmentPublicAccountability: DID_IT_OPEN_GOVERNMENT,
  verifiable: 'boolean',
  openGovernmentLens: 'boolean',
  potentialForResults: POTENTIAL_FOR_RESULTS,
  promising: 'boolean',
  earlyResults: EARLY_RESULTS,
};

function isIndicator(name: string): name is Indicator {
  return (INDICATORS as readonly string[]).includes(name);
}

/** The known indicators in their canonical order, then any unknown names in the order given. */
function namesIn(record: object): string[] {
  const given = Object.keys(record);
  return [...INDICATORS.filter((i) => given.includes(i)), ...given.filter((name) => !isIndicator(name))];
}

/**
 * What is wrong with the ratings of an assessment, draft or not: indicators and completion levels that
 * the framework and product do not have, null reasons where they do not belong, and nulls without a
 * reason. An indicator left undefined is simply not rated yet.
 */
export function indicatorProblems(
  framework: Framework,
  product: Product,
  indicators: AssessmentIndicators,
  nullReasons: NullReasons,
): FieldError[] {
  if (!(FRAMEWORKS as readonly string[]).includes(framework))
    return [{ field: 'framework', message: `must be one of ${FRAMEWORKS.join(', ')}` }];
  if (!PRODUCTS_OF[framework].includes(product))
    return [
      {
        field: 'product',
        message: `${product} is not a product of ${framework}; it has ${PRODUCTS_OF[framework].join(', ')}`,
      },
    ];
  const accepted = acceptedIndicators(framework, product);
  const notOfProduct = `is not an indicator of ${framework} ${product}; it accepts ${accepted.join(', ')}`;
  const values = indicators as Record<string, unknown>;
  const reasons = nullReasons as Record<string, unknown>;
  const problems: FieldError[] = [];

  for (const name of namesIn(values)) {
    const value = values[name];
    if (value === undefined) continue;
    if (!isIndicator(name) || !accepted.includes(name)) {
      problems.push({ field: name, message: notOfProduct });
      continue;
    }
    if (value === null) {
      if (reasons[name] === undefined)
        problems.push({
          field: name,
          message: `is null without a reason: say why with nullReasons.${name} (${NULL_REASONS.join(', ')})`,
        });
      continue;
    }
    const problem = valueProblem(framework, name, value);
    if (problem) problems.push({ field: name, message: problem });
  }

  if (
    framework === 'IRM_LEGACY' &&
    typeof indicators.verifiable === 'boolean' &&
    indicators.specificity != null &&
    SPECIFICITY.includes(indicators.specificity) &&
    indicators.verifiable !== verifiableSpecificity(indicators.specificity)
  )
    problems.push({
      field: 'verifiable',
      message:
        `${indicators.verifiable} contradicts specificity ${indicators.specificity}: ` +
        'a legacy commitment is verifiable exactly when its specificity is MEDIUM or HIGH',
    });

  for (const name of namesIn(reasons)) {
    const reason = reasons[name];
    if (reason === undefined) continue;
    const field = `nullReasons.${name}`;
    if (!isIndicator(name) || !accepted.includes(name))
      problems.push({ field, message: `${name} ${notOfProduct}` });
    else if (!(NULL_REASONS as readonly unknown[]).includes(reason))
      problems.push({ field, message: `must be one of ${NULL_REASONS.join(', ')}` });
    else if (values[name] !== undefined && values[name] !== null)
      problems.push({
        field,
        message: `a rated indicator has no null reason: ${name} is rated ${String(values[name])}`,
      });
  }
  return problems;
}

function valueProblem(framework: Framework, indicator: Indicator, value: unknown): string | undefined {
  if (indicator === 'completion') {
    const levels = COMPLETION_OF[framework];
    if ((levels as readonly unknown[]).includes(value)) return undefined;
    const hint =
      value === 'UNCLEAR'
        ? '; UNCLEAR is not a completion level: leave completion null with nullReasons.completion UNCLEAR'
        : '';
    return `${String(value)} is not a completion level of ${framework} (${levels.join(', ')})${hint}`;
  }
  const allowed = VALUES_OF[indicator];
  if (allowed === 'boolean') return typeof value === 'boolean' ? undefined : 'must be true or false';
  return allowed.includes(value as string) ? undefined : `must be one of ${allowed.join(', ')}`;
}

/**
 * What stops an assessment from being published: every indicator of its product rated or given a null
 * reason, and nothing that `indicatorProblems` refuses.
 */
export function publishProblems(
  framework: Framework,
  product: Product,
  indicators: AssessmentIndicators,
  nullReasons: NullReasons,
): FieldError[] {
  const problems = indicatorProblems(framework, product, indicators, nullReasons);
  if (problems.some((p) => p.field === 'framework' || p.field === 'product')) return problems;
  for (const indicator of INDICATORS_OF(framework, product))
    if (indicators[indicator] === undefined && nullReasons[indicator] === undefined)
      problems.push({ field: indicator, message: 'is neither rated nor given a reason' });
  return problems;
}

/** Relevant to OGP values: access to information, civic participation or public accountability; technology alone is not. */
export function isRelevant(values: {
  accessToInformation?: boolean | null;
  civicParticipation?: boolean | null;
  publicAccountability?: boolean | null;
  technology?: boolean | null;
}): boolean {
  return (
    values.accessToInformation === true ||
    values.civicParticipation === true ||
    values.publicAccountability === true
  );
}

/** The relevance indicator of each OGP value; the first three are the core values that make a commitment relevant. */
const RELEVANCE_OF: Record<OgpValue, Indicator> = {
  ACCESS_TO_INFORMATION: 'relevanceAccessToInformation',
  CIVIC_PARTICIPATION: 'relevanceCivicParticipation',
  PUBLIC_ACCOUNTABILITY: 'relevancePublicAccountability',
  TECHNOLOGY_AND_INNOVATION: 'relevanceTechnology',
};
const CORE_VALUES: readonly OgpValue[] = [
  'ACCESS_TO_INFORMATION',
  'CIVIC_PARTICIPATION',
  'PUBLIC_ACCOUNTABILITY',
];

/**
 * Relevance as far as the ratings tell: true when a core value is ticked, false when all three are
 * rated and none is, null when none is ticked and some are not rated.
 */
function relevance(indicators: AssessmentIndicators): boolean | null {
  const ticks = CORE_VALUES.map((value) => indicators[RELEVANCE_OF[value]]);
  if (ticks.includes(true)) return true;
  return ticks.every((tick) => tick === false) ? false : null;
}

function verifiableSpecificity(specificity: Specificity): boolean {
  return specificity === 'MEDIUM' || specificity === 'HIGH';
}

/**
 * Whether a commitment is verifiable: in the 2021 framework the IRM rates it directly; in the legacy
 * framework it is specificity MEDIUM or HIGH. Imported legacy IRM data has a Verifiable column even
 * where specificity is not recorded, so an explicit `verifiable` counts for legacy too when specificity
 * is missing. Null when neither tells.
 */
export function isVerifiable(framework: Framework, indicators: AssessmentIndicators): boolean | null {
  if (framework === 'IRM_LEGACY' && indicators.specificity != null)
    return verifiableSpecificity(indicators.specificity);
  return typeof indicators.verifiable === 'boolean' ? indicators.verifiable : null;
}

export const STARRED_FORMULAS = ['CURRENT', '2015'] as const;
export type StarredFormula = (typeof STARRED_FORMULAS)[number];

export interface Starred {
  /** Null when the ratings do not tell (or, for the 2021 framework, since it has no star). */
  starred: boolean | null;
  formula: StarredFormula;
  reason: string;
}

const STAR_IMPACTS: Record<StarredFormula, readonly PotentialImpact[]> = {
  CURRENT: ['TRANSFORMATIVE'],
  '2015': ['MODERATE', 'TRANSFORMATIVE'],
};

/**
 * Whether a legacy assessment earns a star: verifiable, relevant, potential impact transformative (the
 * 2015 formula accepted moderate too) and completion substantial or complete. False as soon as one
 * condition is known to fail, even if others are not rated; null when none fails but some is not rated.
 */
export function starred(
  framework: Framework,
  indicators: AssessmentIndicators,
  formula: StarredFormula = 'CURRENT',
): Starred {
  if (framework !== 'IRM_LEGACY') return { starred: null, formula, reason: 'the 2021 framework has no star' };
  const failed: string[] = [];
  const missing: string[] = [];

  const verifiable = isVerifiable(framework, indicators);
  if (verifiable === null) missing.push('neither specificity nor verifiable is recorded');
  else if (!verifiable)
    failed.push(
      indicators.specificity != null
        ? `specificity is ${indicators.specificity}, not MEDIUM or HIGH`
        : 'it is not verifiable',
    );

  const relevant = relevance(indicators);
  if (relevant === null) missing.push('relevance to the core OGP values is not recorded');
  else if (!relevant)
    failed.push(
      'it is not relevant to access to information, civic participation or public accountability' +
        (indicators.relevanceTechnology === true ? ' (technology alone is not enough)' : ''),
    );

  const impacts = STAR_IMPACTS[formula];
  const impact = indicators.potentialImpact;
  if (impact == null) missing.push('potential impact is not recorded');
  else if (!impacts.includes(impact))
    failed.push(`potential impact is ${impact}, not ${impacts.join(' or ')}`);

  const highCompletion = isHighCompletion(indicators.completion);
  if (highCompletion === null) missing.push('completion is not recorded');
  else if (!highCompletion)
    failed.push(`completion is ${indicators.completion}, not SUBSTANTIAL or COMPLETE`);

  const under = `(${formula === 'CURRENT' ? 'current' : '2015'} formula)`;
  if (failed.length > 0)
    return { starred: false, formula, reason: `not starred ${under}: ${failed.join('; ')}` };
  if (missing.length > 0)
    return { starred: null, formula, reason: `cannot tell ${under}: ${missing.join('; ')}` };
  return {
    starred: true,
    formula,
    reason: `starred ${under}: verifiable, relevant, potential impact ${impact} and completion ${indicators.completion}`,
  };
}

/** Completion SUBSTANTIAL or COMPLETE; null when completion is not rated. */
export function isHighCompletion(completion: Completion | null | undefined): boolean | null {
  if (completion == null) return null;
  return completion === 'SUBSTANTIAL' || completion === 'COMPLETE';
}

/** "Did it open government?" MAJOR or OUTSTANDING; null when not rated. */
export function hasStrongEarlyResults(
  didItOpenGovernment: DidItOpenGovernment | null | undefined,
): boolean | null {
  if (didItOpenGovernment == null) return null;
  return didItOpenGovernment === 'MAJOR' || didItOpenGovernment === 'OUTSTANDING';
}

export interface DerivedFacts {
  /** Null when no core value is ticked and some is not rated (as in every 2021 assessment). */
  relevant: boolean | null;
  verifiable: boolean | null;
  starred: { current: Starred; formula2015: Starred };
  highCompletion: boolean | null;
  strongEarlyResults: boolean | null;
}

/** The facts derived from an assessment's ratings, never typed in, returned with every assessment. */
export function derivedFacts(framework: Framework, indicators: AssessmentIndicators): DerivedFacts {
  return {
    relevant: relevance(indicators),
    verifiable: isVerifiable(framework, indicators),
    starred: {
      current: starred(framework, indicators, 'CURRENT'),
      formula2015: starred(framework, indicators, '2015'),
    },
    highCompletion: isHighCompletion(indicators.completion),
    strongEarlyResults: hasStrongEarlyResults(indicators.didItOpenGovernment),
  };
}

export interface PublishedAssessment {
  framework: Framework;
  product: Product;
  /** ISO 8601 timestamp. */
  publishedAt: string;
  indicators: AssessmentIndicators;
}

export interface IndependentView {
  completion: Completion | null;
  potentialImpact: PotentialImpact | null;
  potentialForResults: PotentialForResults | null;
  earlyResults: EarlyResults | null;
  didItOpenGovernment: DidItOpenGovernment | null;
  starred: boolean | null;
}

/**
 * The IRM's view of a commitment from its published assessments, whatever their product: for each
 * indicator the value of the most recently published assessment that rated it, and the star (current
 * formula) of the most recent legacy assessment whose ratings tell. Of two published at the same time,
 * the later in the list counts as the more recent.
 */
export function independentView(assessments: readonly PublishedAssessment[]): IndependentView {
  const newestFirst = assessments
    .map((assessment, index) => ({ assessment, index, time: Date.parse(assessment.publishedAt) }))
    .sort((a, b) => {
      const byTime =
        Number.isNaN(a.time) || Number.isNaN(b.time)
          ? b.assessment.publishedAt.localeCompare(a.assessment.publishedAt)
          : b.time - a.time;
      return byTime !== 0 ? byTime : b.index - a.index;
    })
    .map(({ assessment }) => assessment);

  const latest = <K extends keyof AssessmentIndicators>(
    indicator: K,
  ): NonNullable<AssessmentIndicators[K]> | null => {
    for (const assessment of newestFirst) {
      const value = assessment.indicators[indicator];
      if (value != null) return value;
    }
    return null;
  };

  let star: boolean | null = null;
  for (const assessment of newestFirst) {
    if (assessment.framework !== 'IRM_LEGACY') continue;
    const result = starred(assessment.framework, assessment.indicators, 'CURRENT').starred;
    if (result !== null) {
      star = result;
      break;
    }
  }

  return {
    completion: latest('completion'),
    potentialImpact: latest('potentialImpact'),
    potentialForResults: latest('potentialForResults'),
    earlyResults: latest('earlyResults'),
    didItOpenGovernment: latest('didItOpenGovernment'),
    starred: star,
  };
}
