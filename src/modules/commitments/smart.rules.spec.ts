import {
  hasVagueVerb,
  isMeasurableDeliverable,
  isPlaceholderInstitution,
  LETTER_STATUSES,
  type LetterStatus,
  SEVERITIES,
  type Severity,
  SMART_LETTER_NAMES,
  SMART_LETTERS,
  SMART_RULES,
  smartCheck,
  type SmartCode,
  type SmartFinding,
  type SmartInput,
  type SmartLetter,
  type SmartMilestone,
  type SmartReport,
  smartSummary,
  SPECIFICITY_HINTS,
} from './smart.rules.js';

// Every code a test made appear: the catalogue is compared with it at the end of this file.
const produced = new Set<SmartCode>();

function aMilestone(overrides: Partial<SmartMilestone> = {}): SmartMilestone {
  return {
    ordinal: 1,
    title: 'Public hearings on the draft Access to Information Bill',
    deliverable: 'Twelve county hearings held and a feedback report published',
    target: null,
    startDate: '2024-09-01',
    startDatePrecision: 'MONTH',
    dueDate: '2025-06-01',
    dueDatePrecision: 'MONTH',
    responsibleInstitution: 'Ministry of Information',
    withdrawn: false,
    ...overrides,
  };
}

/** A commitment that passes every rule, P included, with a HIGH specificity hint. */
function aCommitment(overrides: Partial<SmartInput> = {}): SmartInput {
  return {
    title: 'A right of access to information in every county',
    problem: 'Citizens cannot obtain county budgets and contracts; requests go unanswered for months.',
    solution: 'Adopt an Access to Information Act, drafted with the public, that sets deadlines for answers.',
    startDate: '2024-09-01',
    startDatePrecision: 'MONTH',
    endDate: '2026-06-01',
    endDatePrecision: 'MONTH',
    leadInstitution: 'Ministry of Information',
    values: [
      {
        value: 'ACCESS_TO_INFORMATION',
        justification: 'The Act gives every person a right to obtain information held by public bodies.',
      },
      {
        value: 'CIVIC_PARTICIPATION',
        justification: 'The draft bill is discussed in public hearings held in every county of the country.',
      },
    ],
    participationMechanism: 'Open public hearings, announced two weeks ahead in the local press.',
    participationLevel: 'CONSULT',
    plan: { startDate: '2024-09-01', endDate: '2026-08-31' },
    milestones: [
      aMilestone(),
      aMilestone({
        ordinal: 2,
        title: 'Adoption of the Act',
        deliverable: 'Access to Information Act adopted by Parliament',
        startDate: '2025-07-01',
        dueDate: '2026-03-01',
        responsibleInstitution: 'Office of the Attorney General',
      }),
    ],
    ...overrides,
  };
}

function check(input: SmartInput): SmartReport {
  const report = smartCheck(input);
  for (const finding of findingsOf(report)) produced.add(finding.code);
  return report;
}

function findingsOf(report: SmartReport): SmartFinding[] {
  return report.letters.flatMap((l) => l.findings);
}

function codesOf(report: SmartReport): SmartCode[] {
  return findingsOf(report).map((f) => f.code);
}

function statusOf(report: SmartReport, letter: SmartLetter): LetterStatus | undefined {
  return report.letters.find((l) => l.letter === letter)?.status;
}

/** The finding of this code on this field, checked for its severity, its letter and the letter's status. */
function expectFinding(
  report: SmartReport,
  expected: { code: SmartCode; severity: Severity; field: string; status: LetterStatus },
): SmartFinding {
  const letter = expected.code[0] as SmartLetter;
  const found = findingsOf(report).filter((f) => f.code === expected.code && f.field === expected.field);
  expect(found).toHaveLength(1);
  const [finding] = found;
  expect(finding).toMatchObject({ code: expected.code, letter, severity: expected.severity });
  expect(report.letters.find((l) => l.letter === letter)?.findings).toContain(finding);
  expect(statusOf(report, letter)).toBe(expected.status);
  return finding;
}

function expectNoFinding(report: SmartReport, code: SmartCode): void {
  expect(codesOf(report)).not.toContain(code);
}

const [first, second] = aCommitment().milestones;

describe('the reference commitment', () => {
  it('passes every rule with no finding, P included, and a HIGH hint', () => {
    const report = check(aCommitment());
    expect(findingsOf(report)).toEqual([]);
    expect(report).toMatchObject({ passed: true, errors: 0, warnings: 0, specificityHint: 'HIGH' });
    expect(report.letters.map((l) => [l.letter, l.status])).toEqual([
      ['S', 'PASS'],
      ['M', 'PASS'],
      ['A', 'PASS'],
      ['R', 'PASS'],
      ['T', 'PASS'],
      ['P', 'PASS'],
    ]);
  });

  it('lists the labels of the design', () => {
    expect(SMART_LETTERS).toEqual(['S', 'M', 'A', 'R', 'T', 'P']);
    expect(SMART_LETTER_NAMES).toEqual({
      S: 'Specific',
      M: 'Measurable',
      A: 'Assignable',
      R: 'Relevant',
      T: 'Time-bound',
      P: 'Participatory',
    });
    expect(SPECIFICITY_HINTS).toEqual(['NONE', 'LOW', 'MEDIUM', 'HIGH']);
    expect(SEVERITIES).toEqual(['ERROR', 'WARNING']);
    expect(LETTER_STATUSES).toEqual(['PASS', 'WARNING', 'FAIL', 'NOT_APPLICABLE']);
  });
});

describe('S: Specific', () => {
  it.each([{ problem: null }, { problem: '' }, { problem: '  \n ' }])(
    'fails without a problem ($problem)',
    ({ problem }) => {
      const report = check(aCommitment({ problem }));
      expectFinding(report, {
        code: 'S.problem_missing',
        severity: 'ERROR',
        field: 'problem',
        status: 'FAIL',
      });
    },
  );

  it('not with a problem of a few words', () => {
    expectNoFinding(check(aCommitment({ problem: 'Budgets are secret.' })), 'S.problem_missing');
  });

  it('warns without a solution', () => {
    const report = check(aCommitment({ solution: ' ' }));
    expectFinding(report, {
      code: 'S.solution_missing',
      severity: 'WARNING',
      field: 'solution',
      status: 'WARNING',
    });
    expect(report.passed).toBe(true);
  });

  it('not with a solution', () => {
    expectNoFinding(check(aCommitment({ solution: 'A law.' })), 'S.solution_missing');
  });

  it('fails without milestones', () => {
    const report = check(aCommitment({ milestones: [] }));
    const finding = expectFinding(report, {
      code: 'S.no_milestones',
      severity: 'ERROR',
      field: 'milestones',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(/no milestones/);
  });

  it('fails when every milestone is withdrawn', () => {
    const report = check(aCommitment({ milestones: [aMilestone({ withdrawn: true })] }));
    expectFinding(report, {
      code: 'S.no_milestones',
      severity: 'ERROR',
      field: 'milestones',
      status: 'FAIL',
    });
  });

  it('not with a single active milestone', () => {
    expectNoFinding(check(aCommitment({ milestones: [second] })), 'S.no_milestones');
  });

  it('fails on a milestone without a deliverable, naming it by its ordinal', () => {
    const report = check(aCommitment({ milestones: [first, { ...second, deliverable: '   ' }] }));
    const finding = expectFinding(report, {
      code: 'S.milestone_deliverable_missing',
      severity: 'ERROR',
      field: 'milestones[1].deliverable',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(/^Milestone 2 has no deliverable\./);
  });

  it('not when the milestone without a deliverable is withdrawn', () => {
    const report = check(
      aCommitment({
        milestones: [first, second, aMilestone({ ordinal: 3, deliverable: null, withdrawn: true })],
      }),
    );
    expectNoFinding(report, 'S.milestone_deliverable_missing');
  });

  it('warns when the deliverable only repeats the title (case, punctuation and spaces aside)', () => {
    const report = check(
      aCommitment({
        milestones: [
          first,
          {
            ...second,
            title: 'Access to Information Act adopted',
            deliverable: 'access to  information act adopted.',
          },
        ],
      }),
    );
    const finding = expectFinding(report, {
      code: 'S.deliverable_repeats_title',
      severity: 'WARNING',
      field: 'milestones[1].deliverable',
      status: 'WARNING',
    });
    expect(finding.message).toMatch(/^Milestone 2's deliverable repeats its title\./);
  });

  it('not when the deliverable says more than the title', () => {
    const report = check(
      aCommitment({
        milestones: [
          first,
          {
            ...second,
            title: 'Access to Information Act adopted',
            deliverable: 'Access to Information Act adopted and in force',
          },
        ],
      }),
    );
    expectNoFinding(report, 'S.deliverable_repeats_title');
  });
});

describe('M: Measurable', () => {
  const vague = (overrides: Partial<SmartMilestone> = {}) =>
    aMilestone({ title: 'Public hearings', deliverable: 'Stakeholders engaged by June 2025', ...overrides });

  it('fails when no milestone has a measurable deliverable', () => {
    const report = check(
      aCommitment({ milestones: [vague(), vague({ ordinal: 2, dueDate: '2026-03-01' })] }),
    );
    expectFinding(report, {
      code: 'M.no_measurable_deliverable',
      severity: 'ERROR',
      field: 'milestones',
      status: 'FAIL',
    });
  });

  it('fails without milestones too', () => {
    const report = check(aCommitment({ milestones: [] }));
    expectFinding(report, {
      code: 'M.no_measurable_deliverable',
      severity: 'ERROR',
      field: 'milestones',
      status: 'FAIL',
    });
  });

  it('not when one milestone of two is measurable', () => {
    expectNoFinding(check(aCommitment({ milestones: [vague(), second] })), 'M.no_measurable_deliverable');
  });

  it('not when the only measurable thing is a target', () => {
    const report = check(
      aCommitment({
        milestones: [vague({ target: { indicator: 'officials trained', value: 200, unit: 'people' } })],
      }),
    );
    expectNoFinding(report, 'M.no_measurable_deliverable');
  });

  it('warns on a milestone with a vague verb and no measurable deliverable', () => {
    const report = check(
      aCommitment({
        milestones: [
          first,
          { ...second, title: 'Promote open contracting', deliverable: 'Open contracting promoted' },
        ],
      }),
    );
    const finding = expectFinding(report, {
      code: 'M.vague_verb_without_deliverable',
      severity: 'WARNING',
      field: 'milestones[1].deliverable',
      status: 'WARNING',
    });
    expect(finding.message).toMatch(/^Milestone 2 /);
  });

  it('warns when the vague verb is in the deliverable only', () => {
    const report = check(
      aCommitment({
        milestones: [first, { ...second, deliverable: 'Capacity of county officers strengthened' }],
      }),
    );
    expectFinding(report, {
      code: 'M.vague_verb_without_deliverable',
      severity: 'WARNING',
      field: 'milestones[1].deliverable',
      status: 'WARNING',
    });
  });

  it('not when the milestone with a vague verb has a measurable deliverable', () => {
    const report = check(
      aCommitment({
        milestones: [
          first,
          { ...second, title: 'Promote open contracting', deliverable: 'Open contracting portal launched' },
        ],
      }),
    );
    expectNoFinding(report, 'M.vague_verb_without_deliverable');
  });

  it('warns once on the title when the title has a vague verb and no milestone is measurable', () => {
    const report = check(
      aCommitment({ title: 'Strengthen transparency in the counties', milestones: [vague()] }),
    );
    expectFinding(report, {
      code: 'M.vague_verb_without_deliverable',
      severity: 'WARNING',
      field: 'title',
      status: 'FAIL',
    });
    expect(report.letters[1].findings.map((f) => [f.code, f.field])).toEqual([
      ['M.no_measurable_deliverable', 'milestones'],
      ['M.vague_verb_without_deliverable', 'title'],
    ]);
  });

  it('warns on the solution when only the solution has a vague verb', () => {
    const report = check(
      aCommitment({ solution: 'We will support county transparency offices.', milestones: [vague()] }),
    );
    expectFinding(report, {
      code: 'M.vague_verb_without_deliverable',
      severity: 'WARNING',
      field: 'solution',
      status: 'FAIL',
    });
  });

  it('not on the title when a milestone is measurable', () => {
    const report = check(aCommitment({ title: 'Strengthen transparency in the counties' }));
    expectNoFinding(report, 'M.vague_verb_without_deliverable');
  });
});

describe('A: Assignable', () => {
  it.each([{ name: null }, { name: 'TBD' }, { name: 'Not specified.' }, { name: ' ' }])(
    'fails when the lead institution is $name',
    ({ name }) => {
      const report = check(aCommitment({ leadInstitution: name }));
      expectFinding(report, {
        code: 'A.lead_institution_missing',
        severity: 'ERROR',
        field: 'leadInstitutionId',
        status: 'FAIL',
      });
    },
  );

  it('not with a real lead institution, however short', () => {
    expectNoFinding(check(aCommitment({ leadInstitution: 'NA Secretariat' })), 'A.lead_institution_missing');
  });

  it('fails on a milestone without a responsible institution', () => {
    const report = check(aCommitment({ milestones: [{ ...first, responsibleInstitution: 'n/a' }, second] }));
    const finding = expectFinding(report, {
      code: 'A.milestone_responsible_missing',
      severity: 'ERROR',
      field: 'milestones[0].responsibleInstitutionId',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(/^Milestone 1 /);
  });

  it('not when that milestone is withdrawn', () => {
    const report = check(
      aCommitment({
        milestones: [
          first,
          second,
          aMilestone({ ordinal: 3, responsibleInstitution: null, withdrawn: true }),
        ],
      }),
    );
    expectNoFinding(report, 'A.milestone_responsible_missing');
  });
});

describe('R: Relevant', () => {
  const justified = 'The portal shows every contract the counties sign, with its amount and supplier.';

  it('fails without values', () => {
    const report = check(aCommitment({ values: [] }));
    expectFinding(report, { code: 'R.no_values', severity: 'ERROR', field: 'values', status: 'FAIL' });
    expectNoFinding(report, 'R.technology_only');
  });

  it('not with one value', () => {
    const report = check(
      aCommitment({ values: [{ value: 'PUBLIC_ACCOUNTABILITY', justification: justified }] }),
    );
    expectNoFinding(report, 'R.no_values');
  });

  it('fails on technology and innovation alone, and says so', () => {
    const report = check(
      aCommitment({ values: [{ value: 'TECHNOLOGY_AND_INNOVATION', justification: justified }] }),
    );
    const finding = expectFinding(report, {
      code: 'R.technology_only',
      severity: 'ERROR',
      field: 'values',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(/^Technology and innovation alone /);
  });

  it('not when technology and innovation comes with another value', () => {
    const report = check(
      aCommitment({
        values: [
          { value: 'TECHNOLOGY_AND_INNOVATION', justification: justified },
          { value: 'PUBLIC_ACCOUNTABILITY', justification: justified },
        ],
      }),
    );
    expect(statusOf(report, 'R')).toBe('PASS');
  });

  it('fails on a value without a justification', () => {
    const report = check(
      aCommitment({
        values: [
          { value: 'ACCESS_TO_INFORMATION', justification: justified },
          { value: 'TECHNOLOGY_AND_INNOVATION', justification: '  ' },
        ],
      }),
    );
    const finding = expectFinding(report, {
      code: 'R.justification_missing',
      severity: 'ERROR',
      field: 'values[1].justification',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(/^Technology and innovation is claimed without a justification\./);
    expectNoFinding(report, 'R.justification_thin');
  });

  it('not when every value is justified', () => {
    expectNoFinding(check(aCommitment()), 'R.justification_missing');
  });

  it('warns on a justification of fewer than 8 words', () => {
    const report = check(
      aCommitment({
        values: [
          {
            value: 'ACCESS_TO_INFORMATION',
            justification: 'Citizens can request county budgets from officials.',
          },
        ],
      }),
    );
    expectFinding(report, {
      code: 'R.justification_thin',
      severity: 'WARNING',
      field: 'values[0].justification',
      status: 'WARNING',
    });
  });

  it('not on a justification of exactly 8 words', () => {
    const report = check(
      aCommitment({
        values: [
          {
            value: 'ACCESS_TO_INFORMATION',
            justification: 'Citizens can request county budgets from public officials.',
          },
        ],
      }),
    );
    expectNoFinding(report, 'R.justification_thin');
  });
});

describe('T: Time-bound', () => {
  it('fails without a start date', () => {
    const report = check(aCommitment({ startDate: null }));
    expectFinding(report, {
      code: 'T.start_date_missing',
      severity: 'ERROR',
      field: 'startDate',
      status: 'FAIL',
    });
    expectNoFinding(report, 'T.end_date_missing');
  });

  it('fails without an end date', () => {
    const report = check(aCommitment({ endDate: null }));
    expectFinding(report, {
      code: 'T.end_date_missing',
      severity: 'ERROR',
      field: 'endDate',
      status: 'FAIL',
    });
    expectNoFinding(report, 'T.start_date_missing');
  });

  it('fails when the commitment ends after the action plan, naming both dates', () => {
    const report = check(aCommitment({ endDate: '2027-01-01', endDatePrecision: 'YEAR' }));
    const finding = expectFinding(report, {
      code: 'T.outside_plan',
      severity: 'ERROR',
      field: 'endDate',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(
      /^The commitment ends in 2027, after the action plan ends \(2026-08-31\)\. /,
    );
  });

  it('fails when the commitment starts before the action plan', () => {
    const report = check(aCommitment({ startDate: '2024-01-01', startDatePrecision: 'QUARTER' }));
    const finding = expectFinding(report, {
      code: 'T.outside_plan',
      severity: 'ERROR',
      field: 'startDate',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(
      /^The commitment starts in Q1 2024, before the action plan starts \(2024-09-01\)\./,
    );
  });

  it('gives one finding per date outside the plan', () => {
    const report = check(
      aCommitment({
        startDate: '2027-01-01',
        startDatePrecision: 'DAY',
        endDate: '2027-06-30',
        endDatePrecision: 'DAY',
      }),
    );
    expect(
      findingsOf(report)
        .filter((f) => f.code === 'T.outside_plan')
        .map((f) => f.field),
    ).toEqual(['startDate', 'endDate']);
    expect(findingsOf(report).find((f) => f.field === 'startDate')?.message).toMatch(
      /^The commitment starts on 2027-01-01, after the action plan ends \(2026-08-31\)\./,
    );
  });

  it('not when only part of the period falls outside the plan: "2026" overlaps a plan ending 2026-08-31', () => {
    const report = check(aCommitment({ endDate: '2026-01-01', endDatePrecision: 'YEAR' }));
    expectNoFinding(report, 'T.outside_plan');
  });

  it('not when the plan is unknown', () => {
    expectNoFinding(check(aCommitment({ endDate: '2030-01-01', plan: null })), 'T.outside_plan');
  });

  it('warns on dates given only to the quarter, semester or year', () => {
    const report = check(
      aCommitment({
        startDate: '2024-07-01',
        startDatePrecision: 'QUARTER',
        endDate: '2026-01-01',
        endDatePrecision: 'SEMESTER',
        milestones: [first, { ...second, dueDate: '2026-01-01', dueDatePrecision: 'YEAR' }],
      }),
    );
    for (const field of ['startDate', 'endDate', 'milestones[1].dueDate']) {
      expectFinding(report, { code: 'T.imprecise_date', severity: 'WARNING', field, status: 'WARNING' });
    }
    expect(findingsOf(report).find((f) => f.field === 'milestones[1].dueDate')?.message).toBe(
      "Milestone 2's due date is only given as 2026. Give at least the month (for example 2026-12).",
    );
  });

  it('not on dates given to the month or the day', () => {
    const report = check(
      aCommitment({
        endDate: '2026-06-30',
        endDatePrecision: 'DAY',
        milestones: [first, { ...second, dueDate: '2026-03-31', dueDatePrecision: 'DAY' }],
      }),
    );
    expectNoFinding(report, 'T.imprecise_date');
  });

  it('fails on a milestone without a due date', () => {
    const report = check(aCommitment({ milestones: [first, { ...second, dueDate: null }] }));
    const finding = expectFinding(report, {
      code: 'T.milestone_due_missing',
      severity: 'ERROR',
      field: 'milestones[1].dueDate',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(/^Milestone 2 has no due date\./);
  });

  it('not when the milestone without a due date is withdrawn', () => {
    const report = check(
      aCommitment({
        milestones: [first, second, aMilestone({ ordinal: 3, dueDate: null, withdrawn: true })],
      }),
    );
    expectNoFinding(report, 'T.milestone_due_missing');
  });

  it('fails on a milestone due after the commitment ends', () => {
    const report = check(aCommitment({ milestones: [first, { ...second, dueDate: '2026-07-01' }] }));
    const finding = expectFinding(report, {
      code: 'T.milestone_outside_commitment',
      severity: 'ERROR',
      field: 'milestones[1].dueDate',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(
      /^Milestone 2 is due in 2026-07, after the commitment ends \(2026-06\)\./,
    );
  });

  it('fails on a milestone starting before the commitment starts, as a separate finding', () => {
    const report = check(
      aCommitment({
        milestones: [{ ...first, startDate: '2024-04-01', startDatePrecision: 'QUARTER' }, second],
      }),
    );
    const finding = expectFinding(report, {
      code: 'T.milestone_outside_commitment',
      severity: 'ERROR',
      field: 'milestones[0].startDate',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(
      /^Milestone 1 starts in Q2 2024, before the commitment starts \(2024-09\)\./,
    );
    expect(codesOf(report).filter((c) => c === 'T.milestone_outside_commitment')).toHaveLength(1);
  });

  it('not when the milestone period overlaps the commitment: due "2026" in a commitment ending 2026-06', () => {
    const report = check(
      aCommitment({
        milestones: [first, { ...second, dueDate: '2026-01-01', dueDatePrecision: 'YEAR' }],
      }),
    );
    expectNoFinding(report, 'T.milestone_outside_commitment');
  });

  it('not on the last day of the commitment month', () => {
    const report = check(
      aCommitment({ milestones: [first, { ...second, dueDate: '2026-06-30', dueDatePrecision: 'DAY' }] }),
    );
    expectNoFinding(report, 'T.milestone_outside_commitment');
  });

  it('fails on a milestone outside the plan when the commitment has no dates', () => {
    const report = check(
      aCommitment({
        startDate: null,
        endDate: null,
        milestones: [first, { ...second, dueDate: '2026-09-01' }],
      }),
    );
    const finding = expectFinding(report, {
      code: 'T.milestone_outside_plan',
      severity: 'ERROR',
      field: 'milestones[1].dueDate',
      status: 'FAIL',
    });
    expect(finding.message).toMatch(
      /^Milestone 2 is due in 2026-09, after the action plan ends \(2026-08-31\)\./,
    );
    expectNoFinding(report, 'T.milestone_outside_commitment');
  });

  it('fails on a milestone starting before the plan when the commitment has no dates', () => {
    const report = check(
      aCommitment({
        startDate: null,
        endDate: null,
        milestones: [{ ...first, startDate: '2024-08-01' }, second],
      }),
    );
    expectFinding(report, {
      code: 'T.milestone_outside_plan',
      severity: 'ERROR',
      field: 'milestones[0].startDate',
      status: 'FAIL',
    });
  });

  it('not when the commitment has one of its dates', () => {
    const report = check(
      aCommitment({ endDate: null, milestones: [first, { ...second, dueDate: '2026-09-01' }] }),
    );
    expectNoFinding(report, 'T.milestone_outside_plan');
    expectNoFinding(report, 'T.milestone_outside_commitment');
  });

  it('not when the plan is unknown', () => {
    const report = check(
      aCommitment({
        startDate: null,
        endDate: null,
        plan: null,
        milestones: [{ ...first, dueDate: '2030-01-01' }],
      }),
    );
    expectNoFinding(report, 'T.milestone_outside_plan');
  });

  it('warns when all milestones are due in the same month', () => {
    const report = check(
      aCommitment({
        milestones: [
          { ...first, dueDate: '2025-06-15', dueDatePrecision: 'DAY' },
          { ...second, dueDate: '2025-06-01', dueDatePrecision: 'MONTH' },
        ],
      }),
    );
    const finding = expectFinding(report, {
      code: 'T.not_staggered',
      severity: 'WARNING',
      field: 'milestones',
      status: 'WARNING',
    });
    expect(finding.message).toMatch(/^All 2 milestones are due in the same month \(2025-06\)\./);
  });

  it("warns, saying so, when all milestones are due in the commitment's last month", () => {
    const report = check(
      aCommitment({
        endDate: '2026-04-01',
        endDatePrecision: 'QUARTER',
        milestones: [
          { ...first, dueDate: '2026-06-30', dueDatePrecision: 'DAY' },
          { ...second, dueDate: '2026-04-01', dueDatePrecision: 'QUARTER' },
        ],
      }),
    );
    const finding = expectFinding(report, {
      code: 'T.not_staggered',
      severity: 'WARNING',
      field: 'milestones',
      status: 'WARNING',
    });
    expect(finding.message).toMatch(/^All 2 milestones are due in the commitment's last month \(2026-06\)\./);
  });

  it('not when the due dates fall in different months', () => {
    const report = check(
      aCommitment({
        milestones: [
          { ...first, dueDate: '2026-05-31', dueDatePrecision: 'DAY' },
          { ...second, dueDate: '2026-06-01', dueDatePrecision: 'DAY' },
        ],
      }),
    );
    expectNoFinding(report, 'T.not_staggered');
  });

  it('not with a single dated milestone, nor counting withdrawn ones', () => {
    expectNoFinding(
      check(aCommitment({ milestones: [first, { ...second, dueDate: null }] })),
      'T.not_staggered',
    );
    expectNoFinding(
      check(aCommitment({ milestones: [first, { ...second, dueDate: first.dueDate, withdrawn: true }] })),
      'T.not_staggered',
    );
  });
});

describe('P: Participatory', () => {
  const noMechanism = [
    aMilestone({ title: 'Drafting of the bill', deliverable: 'Draft Access to Information Bill published' }),
    second,
  ];
  const noPublication = (participationMechanism: string | null) =>
    aCommitment({
      participationMechanism,
      milestones: [
        aMilestone({ title: 'Consultation on the draft bill', deliverable: 'Twelve county hearings held' }),
        second,
      ],
    });

  it('is not applicable without civic participation among the values', () => {
    const report = check(
      aCommitment({
        values: [aCommitment().values[0]],
        participationLevel: null,
        milestones: noMechanism,
      }),
    );
    expect(report.letters[5]).toEqual({
      letter: 'P',
      name: 'Participatory',
      status: 'NOT_APPLICABLE',
      findings: [],
    });
    expect(report.passed).toBe(true);
  });

  it('fails when no milestone names a participation mechanism', () => {
    const report = check(aCommitment({ milestones: noMechanism }));
    expectFinding(report, {
      code: 'P.mechanism_missing',
      severity: 'ERROR',
      field: 'milestones',
      status: 'FAIL',
    });
    expectNoFinding(report, 'P.inputs_publication_unstated');
  });

  it('does not also ask for the publication of inputs when no mechanism is named', () => {
    const report = check(
      aCommitment({
        participationMechanism: null,
        milestones: [aMilestone({ title: 'Drafting of the bill', deliverable: 'Twelve drafts' }), second],
      }),
    );
    expect(report.letters[5].findings.map((f) => f.code)).toEqual(['P.mechanism_missing']);
  });

  it('fails even when the participation mechanism field names one: a milestone must', () => {
    const report = check(aCommitment({ milestones: noMechanism, participationMechanism: 'Online survey' }));
    expect(codesOf(report)).toContain('P.mechanism_missing');
  });

  it.each([
    { title: 'Online survey of service users', deliverable: 'Survey report published' },
    { title: 'Co-creation workshops', deliverable: 'Three workshops held' },
    { title: 'Roundtable with civil society', deliverable: 'Ten round tables held' },
    { title: 'Participatory budgeting pilot', deliverable: 'Five counties pilot it' },
    { title: "Citizens' assembly on open data", deliverable: 'Recommendations published' },
  ])('not when a milestone names one: $title', ({ title, deliverable }) => {
    const report = check(aCommitment({ milestones: [aMilestone({ title, deliverable }), second] }));
    expectNoFinding(report, 'P.mechanism_missing');
  });

  it('warns when nothing says the inputs will be published', () => {
    const report = check(noPublication('Hearings in every county.'));
    expectFinding(report, {
      code: 'P.inputs_publication_unstated',
      severity: 'WARNING',
      field: 'milestones',
      status: 'WARNING',
    });
  });

  it.each([
    { mechanism: 'Hearings; a summary of the comments is put online.' },
    { mechanism: 'Hearings, with responses to the submissions.' },
    { mechanism: 'Hearings; inputs made public within a month.' },
    { mechanism: 'Hearings, then a feedback report.' },
  ])('not when the participation mechanism says so: $mechanism', ({ mechanism }) => {
    expectNoFinding(check(noPublication(mechanism)), 'P.inputs_publication_unstated');
  });

  it('warns without a participation level', () => {
    const report = check(aCommitment({ participationLevel: null }));
    expectFinding(report, {
      code: 'P.level_missing',
      severity: 'WARNING',
      field: 'participationLevel',
      status: 'WARNING',
    });
  });

  it.each([{ level: 'NO_CONSULTATION' as const }, { level: 'INFORM' as const }])(
    'warns on a one-way level: $level',
    ({ level }) => {
      const report = check(aCommitment({ participationLevel: level }));
      const finding = expectFinding(report, {
        code: 'P.level_one_way',
        severity: 'WARNING',
        field: 'participationLevel',
        status: 'WARNING',
      });
      expect(finding.message).toMatch(/one-way/);
    },
  );

  it.each([{ level: 'CONSULT' as const }, { level: 'INVOLVE' as const }, { level: 'EMPOWER' as const }])(
    'not at level $level',
    ({ level }) => {
      const report = check(aCommitment({ participationLevel: level }));
      expectNoFinding(report, 'P.level_one_way');
      expectNoFinding(report, 'P.level_missing');
    },
  );
});

describe('isMeasurableDeliverable', () => {
  it.each([
    { text: 'Access to Information Act adopted by Parliament' },
    { text: 'Open contracting portal launched' },
    { text: 'Dataset of all 47 county budgets published' },
    { text: '30% of services redesigned' },
    { text: '30 % of services redesigned' },
    { text: 'Complaints answered within 40 per cent of the time' },
    { text: 'Forty percent of budgets online' },
    { text: 'Training for 200 officials' },
    { text: 'Twelve public hearings held' },
    { text: 'Draft data protection regulations' },
    { text: 'Code of conduct for officials signed' },
    { text: 'Beneficial ownership register operational' },
    { text: 'Law in force' },
  ])('measurable: $text', ({ text }) => {
    expect(isMeasurableDeliverable(text, null)).toBe(true);
  });

  it.each([
    { text: 'Awareness raised among citizens' },
    { text: 'Stakeholders engaged by June 2025' },
    { text: 'Phase 2 of the reform' },
    { text: 'Q3 2025 consultations' },
    { text: 'Capacity strengthened' },
    { text: 'Reform under way by 30 June 2025' },
    { text: 'Meetings held from 2025-06-30 to 12/05/2026' },
    { text: 'The 2nd and 3rd rounds of dialogue' },
    { text: 'H1 2026 review of ISO27001 compliance' },
    { text: 'Passport services reviewed' },
    { text: 'Meeting #3 held' },
    { text: 'A policy on open data' },
    { text: 'Portal' },
    { text: '' },
    { text: null },
  ])('not measurable: $text', ({ text }) => {
    expect(isMeasurableDeliverable(text, null)).toBe(false);
  });

  it('is measurable whatever the text when there is a target', () => {
    const target = { indicator: 'requests answered on time', value: 80, unit: '%' };
    expect(isMeasurableDeliverable('Capacity strengthened', target)).toBe(true);
    expect(isMeasurableDeliverable(null, target)).toBe(true);
  });

  it('reads a bill that is passed, but not a passport', () => {
    expect(isMeasurableDeliverable('Whistleblower bill passed', null)).toBe(true);
    expect(isMeasurableDeliverable('Whistleblower bill passport', null)).toBe(false);
  });
});

describe('hasVagueVerb', () => {
  it.each([
    { text: 'Promote open contracting' },
    { text: 'Promotion of open data' },
    { text: 'Strengthening county oversight' },
    { text: 'Raise awareness of the law' },
    { text: 'Raising awareness among women' },
    { text: 'Awareness raising campaign' },
    { text: 'Awareness-raising sessions' },
    { text: 'Raise the awareness of officials' },
    { text: 'Supported by donors' },
    { text: 'Exploration of open contracting' },
    { text: 'ENHANCED transparency' },
    { text: 'Improving services' },
    { text: 'Encourage reporting' },
    { text: 'Fostering trust' },
    { text: 'Facilitate access' },
    { text: 'Sensitise officials' },
    { text: 'Sensitize officials' },
  ])('finds a vague verb in "$text"', ({ text }) => {
    expect(hasVagueVerb(text)).toBe(true);
  });

  it.each([
    { text: 'Portal launched' },
    { text: 'Supporters list published' },
    { text: 'Promoter registry' },
    { text: 'Awareness of the law measured' },
    { text: '' },
    { text: null },
  ])('finds none in "$text"', ({ text }) => {
    expect(hasVagueVerb(text)).toBe(false);
  });
});

describe('isPlaceholderInstitution', () => {
  it.each([
    { name: null },
    { name: '' },
    { name: '   ' },
    { name: 'None' },
    { name: 'none specified' },
    { name: 'Not specified.' },
    { name: 'UNSPECIFIED' },
    { name: 'N/A' },
    { name: 'na' },
    { name: 'TBD...' },
    { name: 'tbc' },
    { name: 'To be determined' },
    { name: 'to be confirmed' },
    { name: 'To Be Defined' },
    { name: ' unknown ' },
    { name: '-' },
    { name: '—' },
  ])('"$name" is a placeholder', ({ name }) => {
    expect(isPlaceholderInstitution(name)).toBe(true);
  });

  it.each([
    { name: 'Ministry of Information' },
    { name: 'NA Secretariat' },
    { name: 'Unknown Institute of Statistics' },
    { name: 'TBD Agency' },
  ])('"$name" is an institution', ({ name }) => {
    expect(isPlaceholderInstitution(name)).toBe(false);
  });
});

describe('letter statuses and counts', () => {
  it('FAIL wins over WARNING within a letter', () => {
    const report = check(aCommitment({ problem: null, solution: null }));
    expect(statusOf(report, 'S')).toBe('FAIL');
    expect(report.letters[0].findings.map((f) => f.code)).toEqual([
      'S.problem_missing',
      'S.solution_missing',
    ]);
  });

  it('gives all six letters in order with their names, P not applicable without civic participation', () => {
    const report = check(aCommitment({ values: [aCommitment().values[0]] }));
    expect(report.letters.map((l) => [l.letter, l.name, l.status])).toEqual([
      ['S', 'Specific', 'PASS'],
      ['M', 'Measurable', 'PASS'],
      ['A', 'Assignable', 'PASS'],
      ['R', 'Relevant', 'PASS'],
      ['T', 'Time-bound', 'PASS'],
      ['P', 'Participatory', 'NOT_APPLICABLE'],
    ]);
  });

  it('counts errors and warnings; passes with warnings only', () => {
    const warningsOnly = check(aCommitment({ solution: null, participationLevel: 'INFORM' }));
    expect(warningsOnly).toMatchObject({ passed: true, errors: 0, warnings: 2 });

    const report = check(
      aCommitment({
        problem: null,
        solution: null,
        leadInstitution: 'TBD',
        endDate: null,
        participationLevel: null,
      }),
    );
    expect(report).toMatchObject({ passed: false, errors: 3, warnings: 2 });
    expect(report.letters.map((l) => l.status)).toEqual(['FAIL', 'PASS', 'FAIL', 'PASS', 'FAIL', 'WARNING']);
  });

  it('orders findings by rule, then by field', () => {
    const report = check(
      aCommitment({
        startDate: '2024-07-01',
        startDatePrecision: 'QUARTER',
        endDate: null,
        milestones: [
          { ...first, dueDate: null },
          { ...second, dueDate: '2026-01-01', dueDatePrecision: 'YEAR' },
        ],
      }),
    );
    expect(report.letters[4].findings.map((f) => [f.code, f.field])).toEqual([
      ['T.end_date_missing', 'endDate'],
      ['T.imprecise_date', 'startDate'],
      ['T.imprecise_date', 'milestones[1].dueDate'],
      ['T.milestone_due_missing', 'milestones[0].dueDate'],
    ]);
  });

  it('gives every finding the letter and severity of its rule in the catalogue', () => {
    const report = check(
      aCommitment({
        problem: null,
        values: [],
        milestones: [aMilestone({ deliverable: null, dueDate: null })],
      }),
    );
    for (const finding of findingsOf(report)) {
      const rule = SMART_RULES.find((r) => r.code === finding.code);
      expect(rule).toMatchObject({ letter: finding.letter, severity: finding.severity });
    }
  });
});

describe('withdrawn milestones', () => {
  it('are left out of every check', () => {
    const broken = aMilestone({
      ordinal: 3,
      title: 'Promote the law',
      deliverable: 'Promote the law',
      startDate: '2020-01-01',
      dueDate: null,
      responsibleInstitution: 'TBD',
      withdrawn: true,
    });
    const report = check(aCommitment({ milestones: [first, second, broken] }));
    expect(findingsOf(report)).toEqual([]);
    expect(report.specificityHint).toBe('HIGH');
  });

  it('do not count as the measurable milestone or the participation mechanism', () => {
    const vague = aMilestone({ title: 'Stakeholder engagement', deliverable: 'Stakeholders engaged' });
    const report = check(aCommitment({ milestones: [vague, { ...first, ordinal: 2, withdrawn: true }] }));
    expect(codesOf(report)).toEqual(
      expect.arrayContaining(['M.no_measurable_deliverable', 'P.mechanism_missing']),
    );
    expect(report.specificityHint).toBe('LOW');
  });
});

describe('specificity hint', () => {
  it('NONE: no milestone with a deliverable and no solution', () => {
    expect(check(aCommitment({ solution: null, milestones: [] })).specificityHint).toBe('NONE');
    expect(
      check(aCommitment({ solution: ' ', milestones: [aMilestone({ deliverable: '' })] })).specificityHint,
    ).toBe('NONE');
  });

  it('LOW: a solution but no milestones, or no measurable milestone', () => {
    expect(check(aCommitment({ milestones: [] })).specificityHint).toBe('LOW');
    expect(
      check(
        aCommitment({ solution: null, milestones: [aMilestone({ deliverable: 'Capacity strengthened' })] }),
      ).specificityHint,
    ).toBe('LOW');
  });

  it('MEDIUM: some milestone not measurable, or measurable without a due date', () => {
    const vague = aMilestone({ ordinal: 3, deliverable: 'Stakeholders engaged', dueDate: '2025-12-01' });
    expect(check(aCommitment({ milestones: [first, second, vague] })).specificityHint).toBe('MEDIUM');
    expect(check(aCommitment({ milestones: [first, { ...second, dueDate: null }] })).specificityHint).toBe(
      'MEDIUM',
    );
  });

  it('HIGH: every milestone measurable and dated', () => {
    expect(check(aCommitment()).specificityHint).toBe('HIGH');
  });
});

describe('smartSummary', () => {
  it('gives the figures and the failing and warned letters in SMARTP order', () => {
    const report = check(
      aCommitment({ problem: null, leadInstitution: null, participationLevel: null, solution: null }),
    );
    expect(smartSummary(report)).toEqual({
      passed: false,
      errors: 2,
      warnings: 2,
      failing: ['S', 'A'],
      warned: ['P'],
      specificityHint: 'HIGH',
    });
  });

  it('is empty for a commitment that passes everything', () => {
    expect(smartSummary(check(aCommitment()))).toEqual({
      passed: true,
      errors: 0,
      warnings: 0,
      failing: [],
      warned: [],
      specificityHint: 'HIGH',
    });
  });
});

// Keep last: it compares the catalogue with the codes the tests above made appear.
describe('SMART_RULES', () => {
  it('lists every code exactly once, each one produced by a test above', () => {
    const codes = SMART_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...produced].sort());
    for (const rule of SMART_RULES) {
      expect(rule.code.startsWith(`${rule.letter}.`)).toBe(true);
      expect(rule.rule).not.toBe('');
    }
  });
});
