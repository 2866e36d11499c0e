import type { Completion } from '../assessments/assessment.rules.js';
import { REPORTED_COMPLETIONS, type ReportedCompletion } from './commitment-state.rules.js';

// Agreement: does what the government says about a commitment hold up? Three sources side by side:
//   - the self-reported completion: what the government's point of contact says in the latest progress
//     update;
//   - the independent completion: what the latest published independent review (IRM) found;
//   - civic evidence: what civil society and the public bring (shadow reports, social audits, ...),
//     each item confirming, contradicting, giving a mixed picture of, or only giving context to the
//     claim, and possibly saying which completion level it supports.
//
// Completion levels run NOT_STARTED < LIMITED < SUBSTANTIAL < COMPLETE. WITHDRAWN agrees only with
// WITHDRAWN. When the independent reviewer found "no evidence available", the reviewer could not tell:
// it counts as no independent completion at all. Items that only give context never count for or
// against the claim.
//
// The verdict is the first of these that applies:
//   1. CONTESTED: civil society disputes the claim. At least one civic item contradicts it, and no fewer
//      items contradict it than confirm it (one against one is contested).
//   2. DIVERGENT: the sources disagree, without a civic majority against the claim. The independent
//      reviewer found a different completion than the government reports, or a civic item (confirming,
//      contradicting or mixed) supports a different completion than the government reports.
//   3. CONSISTENT: something independent backs the claim and nothing disagrees with it. The independent
//      reviewer found the same completion the government reports, or at least one civic item confirms it.
//   4. UNVERIFIED: otherwise. There is nothing independent or civic to check the claim against, or the
//      government has not reported a completion at all (then only rule 1 can apply).
//
// The reasons say, in full sentences, why: every disagreement found, how many civic items take each
// stance, and for UNVERIFIED what is missing.

export const STANCES = ['CONFIRMS', 'CONTRADICTS', 'MIXED', 'CONTEXT'] as const;
export type Stance = (typeof STANCES)[number];

export const VERDICTS = ['CONSISTENT', 'DIVERGENT', 'CONTESTED', 'UNVERIFIED'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A public, unhidden item of oversight evidence, as far as agreement is concerned. */
export interface CivicEvidence {
  stance: Stance;
  /** The completion the evidence supports, when it says. */
  supportedCompletion: ReportedCompletion | null;
}

export interface AgreementInput {
  /** The completion of the latest progress update. */
  selfReported: ReportedCompletion | null;
  /** The completion of the latest published assessment. */
  independent: Completion | null;
  /** Public, unhidden civic evidence only. */
  evidence: CivicEvidence[];
}

export function evidenceCounts(evidence: CivicEvidence[]): {
  confirms: number;
  contradicts: number;
  mixed: number;
  context: number;
} {
  const counts = { confirms: 0, contradicts: 0, mixed: 0, context: 0 };
  for (const item of evidence) {
    if (item.stance === 'CONFIRMS') counts.confirms += 1;
    else if (item.stance === 'CONTRADICTS') counts.contradicts += 1;
    else if (item.stance === 'MIXED') counts.mixed += 1;
    else counts.context += 1;
  }
  return counts;
}

/** Stances that take a position on the claim (CONTEXT does not), in the order reasons list them. */
const POSITIONS: { stance: Exclude<Stance, 'CONTEXT'>; phrase: [string, string] }[] = [
  { stance: 'CONFIRMS', phrase: ['confirms the claim', 'confirm the claim'] },
  { stance: 'CONTRADICTS', phrase: ['contradicts the claim', 'contradict the claim'] },
  { stance: 'MIXED', phrase: ['gives a mixed picture', 'give a mixed picture'] },
];

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Where a level sits on the scale NOT_STARTED < LIMITED < SUBSTANTIAL < COMPLETE (WITHDRAWN: off it). */
function rank(level: ReportedCompletion): number {
  return REPORTED_COMPLETIONS.indexOf(level);
}

function civicDisagreements(selfReported: ReportedCompletion, evidence: CivicEvidence[]): string[] {
  const sentences: string[] = [];
  for (const { stance, phrase } of POSITIONS) {
    const supported = new Map<ReportedCompletion, number>();
    for (const item of evidence) {
      if (item.stance !== stance || item.supportedCompletion === null) continue;
      if (item.supportedCompletion === selfReported) continue;
      supported.set(item.supportedCompletion, (supported.get(item.supportedCompletion) ?? 0) + 1);
    }
    const levels = [...supported.keys()].sort((a, b) => rank(a) - rank(b));
    for (const level of levels) {
      const n = supported.get(level) ?? 0;
      sentences.push(
        `${n} civic ${plural(n, 'item that', 'items that')} ${plural(n, phrase[0], phrase[1])} ` +
          `${plural(n, 'supports', 'support')} ${level}; the government reports ${selfReported}.`,
      );
    }
  }
  return sentences;
}

function countsSentence(evidence: CivicEvidence[]): string | undefined {
  if (evidence.length === 0) return undefined;
  const { confirms, contradicts, mixed, context } = evidenceCounts(evidence);
  const parts = [
    `${confirms} civic ${plural(confirms, 'item confirms', 'items confirm')}`,
    `${contradicts} ${plural(contradicts, 'contradicts', 'contradict')}`,
  ];
  if (mixed > 0) parts.push(`${mixed} ${plural(mixed, 'gives', 'give')} a mixed picture`);
  if (context > 0) parts.push(`${context} ${plural(context, 'gives', 'give')} context only`);
  return `${parts.join(', ')}.`;
}

/** The verdict on a commitment's completion and the reasons for it, by the rules at the top of this file. */
export function agreementVerdict(input: AgreementInput): { verdict: Verdict; reasons: string[] } {
  const { selfReported, evidence } = input;
  const independent: ReportedCompletion | null =
    input.independent === null || input.independent === 'NO_EVIDENCE_AVAILABLE' ? null : input.independent;
  const counts = evidenceCounts(evidence);
  const counted = countsSentence(evidence);

  const disagreements: string[] = [];
  if (selfReported !== null) {
    if (independent !== null && independent !== selfReported) {
      disagreements.push(
        `The government reports ${selfReported}; the independent reviewer found ${independent}.`,
      );
    }
    disagreements.push(...civicDisagreements(selfReported, evidence));
  }

  const noIndependent =
    input.independent === 'NO_EVIDENCE_AVAILABLE'
      ? 'The independent reviewer found no evidence available to rate completion.'
      : 'No published independent assessment rates completion.';

  // 1. Civil society disputes the claim.
  if (counts.contradicts > 0 && counts.contradicts >= counts.confirms) {
    const claim = selfReported === null ? 'the reported progress' : `the claim of ${selfReported}`;
    return {
      verdict: 'CONTESTED',
      reasons: [
        `Civil society disputes ${claim}: at least as many civic items contradict it as confirm it.`,
        ...(counted === undefined ? [] : [counted]),
        ...disagreements,
      ],
    };
  }

  // Without a claim there is nothing to agree or disagree with.
  if (selfReported === null) {
    const reasons = ['The government has not reported a completion, so there is no claim to check.'];
    if (independent !== null) reasons.push(`The independent reviewer found ${independent}.`);
    if (counted !== undefined) reasons.push(counted);
    return { verdict: 'UNVERIFIED', reasons };
  }

  // 2. Sources disagree.
  if (disagreements.length > 0) {
    return {
      verdict: 'DIVERGENT',
      reasons: [...disagreements, ...(counted === undefined ? [] : [counted])],
    };
  }

  // 3. Something independent backs the claim.
  const independentAgrees = independent !== null && independent === selfReported;
  if (independentAgrees || counts.confirms > 0) {
    const reasons: string[] = [];
    if (independentAgrees) {
      reasons.push(
        `The government reports ${selfReported}; the independent reviewer found ${independent} too.`,
      );
    } else {
      reasons.push(`The government reports ${selfReported}; civic evidence confirms it.`);
      reasons.push(noIndependent);
    }
    if (counted !== undefined) reasons.push(counted);
    return { verdict: 'CONSISTENT', reasons };
  }

  // 4. Nothing to check the claim against.
  const reasons = [
    `The government reports ${selfReported}, but nothing independent confirms it.`,
    noIndependent,
  ];
  reasons.push(
    evidence.length === 0
      ? 'No civic evidence has been published about it.'
      : 'No civic item confirms or contradicts the claim.',
  );
  if (counted !== undefined) reasons.push(counted);
  return { verdict: 'UNVERIFIED', reasons };
}
