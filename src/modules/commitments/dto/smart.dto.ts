import { ApiProperty } from '@nestjs/swagger';
import {
  LETTER_STATUSES,
  type LetterStatus,
  SEVERITIES,
  type Severity,
  SMART_LETTERS,
  SMART_RULES,
  type SmartLetter,
  type SmartReport,
  SPECIFICITY_HINTS,
  type SpecificityHint,
} from '../smart.rules.js';

export const SMART_NOTE =
  'Authoring hints computed from the text, institutions and dates of the commitment; not an IRM rating.';

const SPECIFICITY_DESCRIPTION =
  'A hint derived from the milestones (NONE: nothing verifiable described; LOW: nothing measurable; MEDIUM: some milestones measurable and dated; HIGH: all). Labelled a hint: it is not the IRM specificity rating.';

export class SmartSummaryResponse {
  @ApiProperty({ description: 'No SMART failure (warnings allowed).' }) passed: boolean;
  @ApiProperty() errors: number;
  @ApiProperty() warnings: number;
  @ApiProperty({ enum: SMART_LETTERS, isArray: true, description: 'Letters with at least one failure.' })
  failing: SmartLetter[];
  @ApiProperty({ enum: SMART_LETTERS, isArray: true, description: 'Letters with warnings and no failure.' })
  warned: SmartLetter[];
  @ApiProperty({ enum: SPECIFICITY_HINTS, description: SPECIFICITY_DESCRIPTION })
  specificityHint: SpecificityHint;
}

export class SmartFindingResponse {
  @ApiProperty({
    description: 'Stable code of the rule.',
    enum: SMART_RULES.map((r) => r.code),
    example: 'S.problem_missing',
  })
  code: string;
  @ApiProperty({ enum: SMART_LETTERS }) letter: SmartLetter;
  @ApiProperty({ enum: SEVERITIES, description: 'ERROR: the letter fails; WARNING: worth a second look.' })
  severity: Severity;
  @ApiProperty({
    description: 'Where to fix it, as a field path of the commitment body.',
    example: 'problem',
  })
  field: string;
  @ApiProperty() message: string;
}

export class SmartLetterResponse {
  @ApiProperty({ enum: SMART_LETTERS }) letter: SmartLetter;
  @ApiProperty({ example: 'Specific' }) name: string;
  @ApiProperty({
    enum: LETTER_STATUSES,
    description: 'NOT_APPLICABLE: P applies only to commitments that claim civic participation.',
  })
  status: LetterStatus;
  @ApiProperty({ type: [SmartFindingResponse] }) findings: SmartFindingResponse[];
}

export class SmartReportResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The commitment checked; null for a draft.',
    example: 'KE0037',
  })
  commitment: string | null;
  @ApiProperty({ example: SMART_NOTE }) note: string;
  @ApiProperty({ description: 'No SMART failure (warnings allowed).' }) passed: boolean;
  @ApiProperty() errors: number;
  @ApiProperty() warnings: number;
  @ApiProperty({ enum: SPECIFICITY_HINTS, description: SPECIFICITY_DESCRIPTION })
  specificityHint: SpecificityHint;
  @ApiProperty({ type: [SmartLetterResponse], description: 'S, M, A, R, T and P, in that order.' })
  letters: SmartLetterResponse[];
}

export function toSmartReportResponse(commitment: string | null, report: SmartReport): SmartReportResponse {
  return {
    commitment,
    note: SMART_NOTE,
    passed: report.passed,
    errors: report.errors,
    warnings: report.warnings,
    specificityHint: report.specificityHint,
    letters: report.letters.map((l) => ({
      letter: l.letter,
      name: l.name,
      status: l.status,
      findings: l.findings.map((f) => ({ ...f })),
    })),
  };
}
