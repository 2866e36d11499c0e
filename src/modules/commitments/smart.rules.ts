import { type DatePrecision, describePartialDate, periodEnd } from '../../common/dates/partial-date.rules.js';
import type { Iap2Level } from '../action-plans/action-plan.rules.js';
import type { OgpValue } from './commitment.rules.js';

// SMART check: authoring hints for the government point of contact who writes a commitment. OGP asks
// that commitments be SMART: Specific (the problem, the solution and verifiable milestones are spelled
// out), Measurable (one can tell whether each milestone was delivered), Assignable (an institution
// answers for the commitment and for each milestone), Relevant (to at least one of OGP's values of
// access to information, civic participation and public accountability; technology and innovation
// counts only together with one of them) and Time-bound (dated within the action plan). We add P,
// Participatory, for commitments that claim civic participation: the milestones should say how the
// public takes part and what is done with its inputs.
//
// These are hints computed from the text, the institutions and the dates. They are never an IRM rating,
// and the specificity hint is not the IRM's specificity assessment.
//
// Each finding has a stable code (SMART_RULES lists them all), a severity (an ERROR fails its letter, a
// WARNING asks for a second look), the field to fix and a message in plain words. Withdrawn milestones
// are left out of every check. Within a letter, findings come in the order of SMART_RULES, then in the
// order of the fields of the commitment (title, problem, solution, dates, institution, values,
// participation, milestones), milestones by index and, within one, startDate before dueDate.

export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T', 'P'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export const SMART_LETTER_NAMES: Record<SmartLetter, string> = {
  S: 'Specific',
  M: 'Measurable',
  A: 'Assignable',
  R: 'Relevant',
  T: 'Time-bound',
  P: 'Participatory',
};

export const SPECIFICITY_HINTS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type SpecificityHint = (typeof SPECIFICITY_HINTS)[number];

export const SEVERITIES = ['ERROR', 'WARNING'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LETTER_STATUSES = ['PASS', 'WARNING', 'FAIL', 'NOT_APPLICABLE'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

const RULES = [
  // S: Specific
  { code: 'S.problem_missing', letter: 'S', severity: 'ERROR', rule: 'The problem is described.' },
  { code: 'S.solution_missing', letter: 'S', severity: 'WARNING', rule: 'The solution is described.' },
  {
    code: 'S.no_milestones',
    letter: 'S',
    severity: 'ERROR',
    rule: 'The commitment has at least one milestone.',
  },
  {
    code: 'S.milestone_deliverable_missing',
    letter: 'S',
    severity: 'ERROR',
    rule: 'Every milestone names its deliverable.',
  },
  {
    code: 'S.deliverable_repeats_title',
    letter: 'S',
    severity: 'WARNING',
    rule: "A milestone's deliverable says what will exist afterwards, not just its title again.",
  },
  // M: Measurable
  {
    code: 'M.no_measurable_deliverable',
    letter: 'M',
    severity: 'ERROR',
    rule: 'At least one milestone has a measurable deliverable: a target, a number, a percentage or a named artefact with its outcome.',
  },
  {
    code: 'M.vague_verb_without_deliverable',
    letter: 'M',
    severity: 'WARNING',
    rule: 'Vague verbs (promote, strengthen, support, improve, ...) come with a measurable deliverable.',
  },
  // A: Assignable
  {
    code: 'A.lead_institution_missing',
    letter: 'A',
    severity: 'ERROR',
    rule: 'A lead institution is named.',
  },
  {
    code: 'A.milestone_responsible_missing',
    letter: 'A',
    severity: 'ERROR',
    rule: 'Every milestone names the institution responsible for it.',
  },
  // R: Relevant
  {
    code: 'R.no_values',
    letter: 'R',
    severity: 'ERROR',
    rule: 'The commitment claims at least one OGP value.',
  },
  {
    code: 'R.technology_only',
    letter: 'R',
    severity: 'ERROR',
    rule: 'Besides technology and innovation, the commitment claims access to information, civic participation or public accountability.',
  },
  {
    code: 'R.justification_missing',
    letter: 'R',
    severity: 'ERROR',
    rule: 'Every value claimed is justified.',
  },
  {
    code: 'R.justification_thin',
    letter: 'R',
    severity: 'WARNING',
    rule: 'Every justification has at least 8 words.',
  },
  // T: Time-bound
  { code: 'T.start_date_missing', letter: 'T', severity: 'ERROR', rule: 'The commitment has a start date.' },
  { code: 'T.end_date_missing', letter: 'T', severity: 'ERROR', rule: 'The commitment has an end date.' },
  {
    code: 'T.outside_plan',
    letter: 'T',
    severity: 'ERROR',
    rule: "The commitment's dates fall within the action plan.",
  },
  {
    code: 'T.imprecise_date',
    letter: 'T',
    severity: 'WARNING',
    rule: "The commitment's dates and the milestones' due dates are given at least to the month.",
  },
  {
    code: 'T.milestone_due_missing',
    letter: 'T',
    severity: 'ERROR',
    rule: 'Every milestone has a due date.',
  },
  {
    code: 'T.milestone_outside_commitment',
    letter: 'T',
    severity: 'ERROR',
    rule: "The milestones' dates fall within the commitment's dates.",
  },
  {
    code: 'T.milestone_outside_plan',
    letter: 'T',
    severity: 'ERROR',
    rule: "Without commitment dates, the milestones' dates fall within the action plan.",
  },
  {
    code: 'T.not_staggered',
    letter: 'T',
    severity: 'WARNING',
    rule: 'The milestones are not all due in the same month.',
  },
  // P: Participatory (only for commitments that claim civic participation)
  {
    code: 'P.mechanism_missing',
    letter: 'P',
    severity: 'ERROR',
    rule: 'A milestone names how the public takes part (consultation, hearing, workshop, co-creation, survey, ...).',
  },
  {
    code: 'P.inputs_publication_unstated',
    letter: 'P',
    severity: 'WARNING',
    rule: "The milestones or the participation mechanism say that the public's inputs, and the response to them, will be published.",
  },
  {
    code: 'P.level_missing',
    letter: 'P',
    severity: 'WARNING',
    rule: 'The level of participation (IAP2 spectrum) is given.',
  },
  {
    code: 'P.level_one_way',
    letter: 'P',
    severity: 'WARNING',
    rule: 'The level of participation is more than informing the public.',
  },
] as const satisfies readonly { code: string; letter: SmartLetter; severity: Severity; rule: string }[];

export type SmartCode = (typeof RULES)[number]['code'];

/** The catalogue, for documentation and the API description: every code with its letter, severity and a one-line rule. */
export const SMART_RULES: readonly {
  code: SmartCode;
  letter: SmartLetter;
  severity: Severity;
  rule: string;
}[] = RULES;

export interface SmartFinding {
  /** Stable, e.g. 'S.problem_missing'. */
  code: SmartCode;
  letter: SmartLetter;
  severity: Severity;
  /** Where to fix it: 'problem', 'values[1].justification', 'milestones[0].deliverable', 'milestones'. */
  field: string;
  message: string;
}

export interface SmartMilestone {
  /** As the plan numbers it (1, 2, ...); used in messages. */
  ordinal: number;
  title: string | null;
  deliverable: string | null;
  target: { indicator: string; value: number; unit: string } | null;
  /** YYYY-MM-DD, the first day of its period. */
  startDate: string | null;
  startDatePrecision: DatePrecision;
  dueDate: string | null;
  dueDatePrecision: DatePrecision;
  /** The institution's NAME, null when none is named. */
  responsibleInstitution: string | null;
  /** Withdrawn milestones are left out of every check. */
  withdrawn: boolean;
}

export interface SmartInput {
  title: string | null;
  problem: string | null;
  solution: string | null;
  startDate: string | null;
  startDatePrecision: DatePrecision;
  endDate: string | null;
  endDatePrecision: DatePrecision;
  /** NAME of the lead institution, null when none. */
  leadInstitution: string | null;
  values: { value: OgpValue; justification: string | null }[];
  participationMechanism: string | null;
  participationLevel: Iap2Level | null;
  /** The action plan's period (DAY dates), null when unknown. */
  plan: { startDate: string; endDate: string } | null;
  /** In ordinal order; `milestones[i]` in a field path is the index in THIS array. */
  milestones: SmartMilestone[];
}

export interface SmartLetterResult {
  letter: SmartLetter;
  name: string;
  status: LetterStatus;
  findings: SmartFinding[];
}

export interface SmartReport {
  /** No ERROR finding. */
  passed: boolean;
  errors: number;
  warnings: number;
  specificityHint: SpecificityHint;
  /** Always all six, in S M A R T P order. */
  letters: SmartLetterResult[];
}

export interface SmartSummary {
  passed: boolean;
  errors: number;
  warnings: number;
  /** Letters with status FAIL, in SMARTP order. */
  failing: SmartLetter[];
  /** Letters with status WARNING, in SMARTP order. */
  warned: SmartLetter[];
  specificityHint: SpecificityHint;
}

// ---------------------------------------------------------------------------------------------------
// Text helpers

function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

const SPELLED_COUNT =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand';
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const PERCENTAGE = /\d\s*(?:%|percent\b|per\s+cent\b)/i;

/** Numbers that are part of a date: 12/05/2025, 2025-06-30, 2025-06, 2025/26, 30 June, June 30th. */
const DATES = [
  /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g,
  /\b(?:19|20|21)\d{2}[/-]\d{1,2}\b/g,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'gi'),
];

/** Numbers that label something rather than count it: Phase 2, Article 19, Objective 1.2, Law No. 12, #3. */
const LABELS = [
  new RegExp(
    '\\b(?:phase|stage|step|part|pillar|component|module|objective|goal|outcome|output|activity|milestone|' +
      'commitment|article|art|section|sec|chapter|clause|paragraph|annex|appendix|item|number|no|nr|level|' +
      'tier|round|wave|version|cycle|year|week|day|month|quarter|semester|page|sdg|iso|priority|axis|law|' +
      `act|decree|resolution|convention|schedule)\\.?\\s*#?\\s*(?:\\d+(?:[./-]\\d+)*|${SPELLED_COUNT})\\b`,
    'gi',
  ),
  /#\s*\d+/g,
];

/** A number written with digits, not glued to letters (Q3, 2nd, ISO27001, COVID-19, 3-day). */
const NUMBER = /(?<![\p{L}\p{N}])(?<!\p{L}-)\d+(?![\p{L}\p{N}])(?!-\p{L})/gu;

const SPELLED = new RegExp(`\\b(?:${SPELLED_COUNT})\\b`, 'i');

const ARTEFACT = new RegExp(
  '\\b(?:laws?|acts?|bills?|regulations?|decrees?|by-?laws?|polic(?:y|ies)|strateg(?:y|ies)|frameworks?|' +
    'guidelines?|standards?|codes?\\s+of\\s+(?:practice|conduct)|charters?|protocols?|manuals?|toolkits?|' +
    'handbooks?|curricul(?:um|ums|a)|portals?|platforms?|web\\s?sites?|apps?|applications?|systems?|' +
    'registers?|registr(?:y|ies)|data\\s?sets?|databases?|dashboards?|maps?|catalogues?|catalogs?|apis?|' +
    'reports?|roadmaps?|methodolog(?:y|ies)|agreements?|memorand(?:um|ums|a)|mous?)\\b',
  'i',
);

const OUTCOME = new RegExp(
  '\\b(?:adopt\\w*|approv\\w*|enact\\w*|pass(?:es|ed|ing)?|launch\\w*|publish\\w*|publication\\w*|releas\\w*|' +
    'establish\\w*|sign(?:s|ed|ing|ature|atures)?|submit\\w*|submission\\w*|deploy\\w*|creat\\w*|develop\\w*|' +
    'draft\\w*|produc\\w*|prepar\\w*|issu\\w*|introduc\\w*|implement\\w*|operational\\w*|online|live|' +
    'available|in\\s+force|validat\\w*|finali[sz]\\w*|complet\\w*|deliver\\w*|set[\\s-]up|opened)\\b',
  'i',
);

function hasCount(text: string): boolean {
  let rest = text;
  for (const pattern of [...DATES, ...LABELS]) rest = rest.replace(pattern, ' ');
  for (const [digits] of rest.matchAll(NUMBER)) {
    const n = Number(digits);
    const isYear = digits.length === 4 && n >= 1900 && n <= 2199;
    if (!isYear) return true;
  }
  return SPELLED.test(rest);
}

/**
 * Can one tell whether this deliverable was delivered? Yes with a target, a percentage, a count (a
 * number that is not a year, a date, an ordinal or a label such as "Phase 2"), a spelled count
 * ("twelve") or a named artefact (law, portal, dataset, report, ...) together with an outcome word
 * (adopted, launched, published, ...).
 */
export function isMeasurableDeliverable(text: string | null, target: SmartMilestone['target']): boolean {
  if (target !== null) return true;
  if (text === null || isBlank(text)) return false;
  if (PERCENTAGE.test(text)) return true;
  if (hasCount(text)) return true;
  return ARTEFACT.test(text) && OUTCOME.test(text);
}

const VAGUE_VERB = new RegExp(
  '\\b(?:promot(?:e|es|ed|ing|ion)|strengthen\\w*|' +
    'rais(?:e|es|ed|ing)\\s+(?:the\\s+)?awareness|awareness[\\s-]+rais(?:e|es|ed|ing)|' +
    'support(?:s|ed|ing)?|explor(?:e|es|ed|ing|ation)|enhanc(?:e|es|ed|ing|ement|ements)|' +
    'improv(?:e|es|ed|ing|ement|ements)|encourag(?:e|es|ed|ing|ement)|foster(?:s|ed|ing)?|' +
    'facilitat(?:e|es|ed|ing|ion)|sensiti[sz](?:e|es|ed|ing|ation))\\b',
  'i',
);

/** Does the text lean on a verb that promises effort rather than a result (promote, strengthen, ...)? */
export function hasVagueVerb(text: string | null): boolean {
  return text !== null && VAGUE_VERB.test(text);
}

const PLACEHOLDERS = new Set([
  'none',
  'none specified',
  'not specified',
  'unspecified',
  'n/a',
  'na',
  'tbd',
  'tbc',
  'to be determined',
  'to be confirmed',
  'to be defined',
  'unknown',
  '-',
  '—',
]);

/** Is this institution name a stand-in for no institution ("TBD", "n/a", "-")? Blank counts too. */
export function isPlaceholderInstitution(name: string | null): boolean {
  if (name === null || isBlank(name)) return true;
  const normalized = name.trim().replace(/\.+$/, '').trim().replace(/\s+/g, ' ').toLowerCase();
  return normalized === '' || PLACEHOLDERS.has(normalized);
}

const MECHANISM = new RegExp(
  '\\b(?:consult(?!ant|anc)\\w*|hearings?|workshops?|co-creat\\w*|co-design\\w*|codesign\\w*|surveys?|' +
    "forums?|citizens?['’]?\\s+(?:assembl(?:y|ies)|jur(?:y|ies)|panels?)|participatory\\s+budget\\w*|" +
    'public\\s+comments?|comment\\s+periods?|focus\\s+groups?|town\\s?halls?|dialogues?|round\\s?tables?|' +
    'user\\s+(?:testing|research)|deliberat\\w*|crowdsourc\\w*|social\\s+audits?|scorecards?|' +
    'multi[\\s-]?stakeholder\\w*)\\b',
  'i',
);

const INPUTS = '(?:the\\s+)?(?:inputs?|comments|contributions|submissions)';
const PUBLICATION = new RegExp(
  '\\b(?:publish\\w*|publication\\w*|made\\s+public|make\\s+public|publicly\\s+available|public\\s+reports?|' +
    `feedback\\s+reports?|report(?:s|ed|ing)?\\s+back|summar(?:y|ies)\\s+of\\s+${INPUTS}|` +
    `responses?\\s+to\\s+${INPUTS})\\b`,
  'i',
);

function normalizedText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordCount(text: string): number {
  return text
    .trim()
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

// ---------------------------------------------------------------------------------------------------
// Date helpers

/** "in Q3 2025", "in 2026", "in 2025-06", "on 2025-06-14". */
function when(date: string, precision: DatePrecision): string {
  return `${precision === 'DAY' ? 'on' : 'in'} ${describePartialDate({ date, precision })}`;
}

/** The calendar month (YYYY-MM) in which a period ends. */
function endMonth(date: string, precision: DatePrecision): string {
  return periodEnd(date, precision).slice(0, 7);
}

/** Is the whole period starting at `date` outside [start, end] (DAY dates)? */
function outside(
  date: string,
  precision: DatePrecision,
  start: string,
  end: string,
): 'before' | 'after' | null {
  if (periodEnd(date, precision) < start) return 'before';
  if (date > end) return 'after';
  return null;
}

const IMPRECISE: readonly DatePrecision[] = ['QUARTER', 'SEMESTER', 'YEAR'];

const VALUE_NAMES: Record<OgpValue, string> = {
  ACCESS_TO_INFORMATION: 'Access to information',
  CIVIC_PARTICIPATION: 'Civic participation',
  PUBLIC_ACCOUNTABILITY: 'Public accountability',
  TECHNOLOGY_AND_INNOVATION: 'Technology and innovation',
};

const CORE_VALUES: readonly OgpValue[] = [
  'ACCESS_TO_INFORMATION',
  'CIVIC_PARTICIPATION',
  'PUBLIC_ACCOUNTABILITY',
];

// ---------------------------------------------------------------------------------------------------
// The check

const RULE_OF = new Map<SmartCode, (typeof RULES)[number]>(RULES.map((r) => [r.code, r]));

function finding(code: SmartCode, field: string, message: string): SmartFinding {
  const rule = RULE_OF.get(code);
  if (!rule) throw new Error(`unknown SMART rule ${code}`);
  return { code, letter: rule.letter, severity: rule.severity, field, message };
}

interface Active {
  index: number;
  milestone: SmartMilestone;
}

function measurable(m: SmartMilestone): boolean {
  return isMeasurableDeliverable(m.deliverable, m.target);
}

function specific(input: SmartInput, active: Active[]): SmartFinding[] {
  const out: SmartFinding[] = [];
  if (isBlank(input.problem)) {
    out.push(
      finding(
        'S.problem_missing',
        'problem',
        'The problem the commitment addresses is not described. Say what is wrong today and who it affects.',
      ),
    );
  }
  if (isBlank(input.solution)) {
    out.push(
      finding(
        'S.solution_missing',
        'solution',
        'The solution is not described. Say what the commitment will change and how.',
      ),
    );
  }
  if (active.length === 0) {
    out.push(
      finding(
        'S.no_milestones',
        'milestones',
        'The commitment has no milestones. Add the verifiable steps that will deliver it.',
      ),
    );
  }
  for (const { index, milestone } of active) {
    if (isBlank(milestone.deliverable)) {
      out.push(
        finding(
          'S.milestone_deliverable_missing',
          `milestones[${index}].deliverable`,
          `Milestone ${milestone.ordinal} has no deliverable. Say what will exist when it is done (for example "Open contracting portal launched").`,
        ),
      );
    }
  }
  for (const { index, milestone } of active) {
    const { title, deliverable } = milestone;
    if (title === null || deliverable === null || isBlank(title) || isBlank(deliverable)) continue;
    if (normalizedText(title) === normalizedText(deliverable)) {
      out.push(
        finding(
          'S.deliverable_repeats_title',
          `milestones[${index}].deliverable`,
          `Milestone ${milestone.ordinal}'s deliverable repeats its title. Say what will exist once it is done, not only what will be done.`,
        ),
      );
    }
  }
  return out;
}

function measurableLetter(input: SmartInput, active: Active[]): SmartFinding[] {
  const out: SmartFinding[] = [];
  const anyMeasurable = active.some(({ milestone }) => measurable(milestone));
  if (!anyMeasurable) {
    out.push(
      finding(
        'M.no_measurable_deliverable',
        'milestones',
        'No milestone has a measurable deliverable. Give at least one milestone a target, a number (for example "200 officials trained") or a named result (for example "Access to Information Act adopted").',
      ),
    );
  }
  if (!anyMeasurable) {
    const field = hasVagueVerb(input.title) ? 'title' : hasVagueVerb(input.solution) ? 'solution' : undefined;
    if (field !== undefined) {
      out.push(
        finding(
          'M.vague_verb_without_deliverable',
          field,
          `The commitment's ${field} promises effort (promote, strengthen, support, improve, ...) and no milestone says what will be delivered. Add milestones with measurable deliverables.`,
        ),
      );
    }
  }
  for (const { index, milestone } of active) {
    if (measurable(milestone)) continue;
    if (hasVagueVerb(milestone.title) || hasVagueVerb(milestone.deliverable)) {
      out.push(
        finding(
          'M.vague_verb_without_deliverable',
          `milestones[${index}].deliverable`,
          `Milestone ${milestone.ordinal} promises effort (promote, strengthen, support, improve, ...) without a measurable deliverable. Say what will exist when it is done, with a number, a target or a named result.`,
        ),
      );
    }
  }
  return out;
}

function assignable(input: SmartInput, active: Active[]): SmartFinding[] {
  const out: SmartFinding[] = [];
  if (isPlaceholderInstitution(input.leadInstitution)) {
    out.push(
      finding(
        'A.lead_institution_missing',
        'leadInstitutionId',
        'No lead institution is named. Choose the institution that answers for the commitment.',
      ),
    );
  }
  for (const { index, milestone } of active) {
    if (isPlaceholderInstitution(milestone.responsibleInstitution)) {
      out.push(
        finding(
          'A.milestone_responsible_missing',
          `milestones[${index}].responsibleInstitutionId`,
          `Milestone ${milestone.ordinal} has no responsible institution. Choose the institution that will deliver it.`,
        ),
      );
    }
  }
  return out;
}

function relevant(input: SmartInput): SmartFinding[] {
  const out: SmartFinding[] = [];
  if (input.values.length === 0) {
    out.push(
      finding(
        'R.no_values',
        'values',
        'The commitment claims no OGP value. Say whether it advances access to information, civic participation or public accountability.',
      ),
    );
  } else if (!input.values.some((v) => CORE_VALUES.includes(v.value))) {
    out.push(
      finding(
        'R.technology_only',
        'values',
        'Technology and innovation alone does not make a commitment relevant to open government. Add access to information, civic participation or public accountability, and say how the technology serves it.',
      ),
    );
  }
  input.values.forEach((v, index) => {
    if (isBlank(v.justification)) {
      out.push(
        finding(
          'R.justification_missing',
          `values[${index}].justification`,
          `${VALUE_NAMES[v.value]} is claimed without a justification. Say how the commitment advances it.`,
        ),
      );
    }
  });
  input.values.forEach((v, index) => {
    if (v.justification !== null && !isBlank(v.justification) && wordCount(v.justification) < 8) {
      out.push(
        finding(
          'R.justification_thin',
          `values[${index}].justification`,
          `The justification of ${VALUE_NAMES[v.value].toLowerCase()} is very short. Say in a sentence or two how the commitment advances it.`,
        ),
      );
    }
  });
  return out;
}

interface MilestoneDate {
  index: number;
  milestone: SmartMilestone;
  field: 'startDate' | 'dueDate';
  date: string;
  precision: DatePrecision;
  verb: string;
}

function milestoneDates(active: Active[]): MilestoneDate[] {
  const dates: MilestoneDate[] = [];
  for (const { index, milestone } of active) {
    if (milestone.startDate !== null && !isBlank(milestone.startDate)) {
      dates.push({
        index,
        milestone,
        field: 'startDate',
        date: milestone.startDate,
        precision: milestone.startDatePrecision,
        verb: 'starts',
      });
    }
    if (milestone.dueDate !== null && !isBlank(milestone.dueDate)) {
      dates.push({
        index,
        milestone,
        field: 'dueDate',
        date: milestone.dueDate,
        precision: milestone.dueDatePrecision,
        verb: 'is due',
      });
    }
  }
  return dates;
}

function timeBound(input: SmartInput, active: Active[]): SmartFinding[] {
  const out: SmartFinding[] = [];
  const start = isBlank(input.startDate) ? null : input.startDate;
  const end = isBlank(input.endDate) ? null : input.endDate;
  const commitmentDates = [
    { field: 'startDate', date: start, precision: input.startDatePrecision, verb: 'starts', noun: 'start' },
    { field: 'endDate', date: end, precision: input.endDatePrecision, verb: 'ends', noun: 'end' },
  ] as const;

  if (start === null) {
    out.push(finding('T.start_date_missing', 'startDate', 'The commitment has no start date. Give one.'));
  }
  if (end === null) {
    out.push(finding('T.end_date_missing', 'endDate', 'The commitment has no end date. Give one.'));
  }

  const { plan } = input;
  const planPeriod = plan === null ? '' : `${plan.startDate} to ${plan.endDate}`;
  if (plan !== null) {
    for (const { field, date, precision, verb, noun } of commitmentDates) {
      if (date === null) continue;
      const side = outside(date, precision, plan.startDate, plan.endDate);
      if (side === null) continue;
      const planEdge =
        side === 'before'
          ? `before the action plan starts (${plan.startDate})`
          : `after the action plan ends (${plan.endDate})`;
      out.push(
        finding(
          'T.outside_plan',
          field,
          `The commitment ${verb} ${when(date, precision)}, ${planEdge}. Choose ${noun === 'start' ? 'a start' : 'an end'} date within the action plan (${planPeriod}).`,
        ),
      );
    }
  }

  for (const { field, date, precision, noun } of commitmentDates) {
    if (date === null || !IMPRECISE.includes(precision)) continue;
    const month = noun === 'start' ? date.slice(0, 7) : endMonth(date, precision);
    out.push(
      finding(
        'T.imprecise_date',
        field,
        `The commitment's ${noun} date is only given as ${describePartialDate({ date, precision })}. Give at least the month (for example ${month}).`,
      ),
    );
  }
  for (const { index, milestone } of active) {
    const { dueDate, dueDatePrecision } = milestone;
    if (dueDate === null || isBlank(dueDate) || !IMPRECISE.includes(dueDatePrecision)) continue;
    out.push(
      finding(
        'T.imprecise_date',
        `milestones[${index}].dueDate`,
        `Milestone ${milestone.ordinal}'s due date is only given as ${describePartialDate({ date: dueDate, precision: dueDatePrecision })}. Give at least the month (for example ${endMonth(dueDate, dueDatePrecision)}).`,
      ),
    );
  }

  for (const { index, milestone } of active) {
    if (isBlank(milestone.dueDate)) {
      out.push(
        finding(
          'T.milestone_due_missing',
          `milestones[${index}].dueDate`,
          `Milestone ${milestone.ordinal} has no due date. Say when it will be done.`,
        ),
      );
    }
  }

  const dated = milestoneDates(active);
  for (const { index, milestone, field, date, precision, verb } of dated) {
    let edge: string | undefined;
    if (end !== null && date > periodEnd(end, input.endDatePrecision)) {
      edge = `after the commitment ends (${describePartialDate({ date: end, precision: input.endDatePrecision })})`;
    } else if (start !== null && periodEnd(date, precision) < start) {
      edge = `before the commitment starts (${describePartialDate({ date: start, precision: input.startDatePrecision })})`;
    }
    if (edge === undefined) continue;
    out.push(
      finding(
        'T.milestone_outside_commitment',
        `milestones[${index}].${field}`,
        `Milestone ${milestone.ordinal} ${verb} ${when(date, precision)}, ${edge}. Move it within the commitment's dates, or change the commitment's dates.`,
      ),
    );
  }

  if (start === null && end === null && plan !== null) {
    for (const { index, milestone, field, date, precision, verb } of dated) {
      const side = outside(date, precision, plan.startDate, plan.endDate);
      if (side === null) continue;
      const planEdge =
        side === 'before'
          ? `before the action plan starts (${plan.startDate})`
          : `after the action plan ends (${plan.endDate})`;
      out.push(
        finding(
          'T.milestone_outside_plan',
          `milestones[${index}].${field}`,
          `Milestone ${milestone.ordinal} ${verb} ${when(date, precision)}, ${planEdge}. Move it within the action plan (${planPeriod}).`,
        ),
      );
    }
  }

  const dueMonths = active.flatMap(({ milestone: m }) =>
    m.dueDate === null || isBlank(m.dueDate) ? [] : [endMonth(m.dueDate, m.dueDatePrecision)],
  );
  if (dueMonths.length >= 2 && dueMonths.every((month) => month === dueMonths[0])) {
    const lastMonth = end === null ? null : endMonth(end, input.endDatePrecision);
    const message =
      dueMonths[0] === lastMonth
        ? `All ${dueMonths.length} milestones are due in the commitment's last month (${lastMonth}). Spread the due dates over the commitment so progress can be followed along the way.`
        : `All ${dueMonths.length} milestones are due in the same month (${dueMonths[0]}). Spread the due dates over the commitment so progress can be followed along the way.`;
    out.push(finding('T.not_staggered', 'milestones', message));
  }
  return out;
}

function participatory(input: SmartInput, active: Active[]): SmartFinding[] {
  const out: SmartFinding[] = [];
  const texts = active.flatMap(({ milestone: m }) => [m.title, m.deliverable]);
  const namesMechanism = texts.some((text) => text !== null && MECHANISM.test(text));
  if (!namesMechanism) {
    out.push(
      finding(
        'P.mechanism_missing',
        'milestones',
        'The commitment claims civic participation, but no milestone says how the public takes part. Add a milestone that names the mechanism (for example "Public consultation on the draft bill held").',
      ),
    );
  } else {
    const publishes = [...texts, input.participationMechanism].some(
      (text) => text !== null && PUBLICATION.test(text),
    );
    if (!publishes) {
      out.push(
        finding(
          'P.inputs_publication_unstated',
          'milestones',
          "Nothing says the public's inputs will be published. Say how they and the government's response will be made public (for example a feedback report).",
        ),
      );
    }
  }
  if (input.participationLevel === null) {
    out.push(
      finding(
        'P.level_missing',
        'participationLevel',
        'The level of participation is not given. Choose where it sits on the IAP2 spectrum (consult, involve, collaborate, empower).',
      ),
    );
  } else if (input.participationLevel === 'NO_CONSULTATION' || input.participationLevel === 'INFORM') {
    out.push(
      finding(
        'P.level_one_way',
        'participationLevel',
        'Informing the public is one-way communication, not participation. Plan for the public to be at least consulted.',
      ),
    );
  }
  return out;
}

function specificityHint(input: SmartInput, active: Active[]): SpecificityHint {
  const milestones = active.map((a) => a.milestone);
  if (!milestones.some((m) => !isBlank(m.deliverable)) && isBlank(input.solution)) return 'NONE';
  if (!milestones.some(measurable)) return 'LOW';
  if (milestones.some((m) => !measurable(m) || isBlank(m.dueDate))) return 'MEDIUM';
  return 'HIGH';
}

function statusOf(findings: SmartFinding[]): LetterStatus {
  if (findings.some((f) => f.severity === 'ERROR')) return 'FAIL';
  if (findings.length > 0) return 'WARNING';
  return 'PASS';
}

/** The SMART check of a commitment (or a draft of one), by the rules at the top of this file. */
export function smartCheck(input: SmartInput): SmartReport {
  const active: Active[] = input.milestones.flatMap((milestone, index) =>
    milestone.withdrawn ? [] : [{ index, milestone }],
  );
  const participationClaimed = input.values.some((v) => v.value === 'CIVIC_PARTICIPATION');
  const byLetter: Record<SmartLetter, SmartFinding[] | null> = {
    S: specific(input, active),
    M: measurableLetter(input, active),
    A: assignable(input, active),
    R: relevant(input),
    T: timeBound(input, active),
    P: participationClaimed ? participatory(input, active) : null,
  };
  const letters: SmartLetterResult[] = SMART_LETTERS.map((letter) => {
    const findings = byLetter[letter];
    return {
      letter,
      name: SMART_LETTER_NAMES[letter],
      status: findings === null ? 'NOT_APPLICABLE' : statusOf(findings),
      findings: findings ?? [],
    };
  });
  const all = letters.flatMap((l) => l.findings);
  const errors = all.filter((f) => f.severity === 'ERROR').length;
  return {
    passed: errors === 0,
    errors,
    warnings: all.length - errors,
    specificityHint: specificityHint(input, active),
    letters,
  };
}

/** The figures of a report, for lists and dashboards. */
export function smartSummary(report: SmartReport): SmartSummary {
  return {
    passed: report.passed,
    errors: report.errors,
    warnings: report.warnings,
    failing: report.letters.filter((l) => l.status === 'FAIL').map((l) => l.letter),
    warned: report.letters.filter((l) => l.status === 'WARNING').map((l) => l.letter),
    specificityHint: report.specificityHint,
  };
}
