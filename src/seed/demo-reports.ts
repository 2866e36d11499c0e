import type { CreateAssessmentDto } from '../modules/assessments/dto/assessment.dto.js';
import type { CreateEvidenceDto } from '../modules/evidence/dto/evidence.dto.js';
import type { CreateProgressUpdateDto } from '../modules/progress/dto/progress.dto.js';

// What governments reported and what the independent reviewer found, for a few demo commitments:
// enough for the timeline, the filters and the side-by-side views to have something to show.

export interface DemoProgressUpdate extends Omit<CreateProgressUpdateDto, 'corrects'> {
  commitment: string;
  /** Index, in this list, of the update this one corrects. */
  corrects?: number;
}

export const DEMO_PROGRESS_UPDATES: DemoProgressUpdate[] = [
  {
    commitment: 'KE0031',
    reportedCompletion: 'COMPLETE',
    narrative:
      'Hearings were held in all 47 counties and the response report, with the ministry’s answer to each submission, is published on the ministry website.',
    periodStart: '2021-01-01',
    periodEnd: '2022-12-31',
    links: [
      { url: 'https://example.org/ke/master-plan-review/response-report.pdf', title: 'Response report' },
    ],
  },
  {
    commitment: 'KE0041',
    reportedCompletion: 'SUBSTANTIAL',
    percentComplete: 60,
    narrative:
      'The drafting group is constituted with equal seats and the draft strategy was open for comment for six weeks. The indicator framework is being finalised with the statistics office.',
    periodStart: '2024-09-01',
    periodEnd: '2026-06-30',
  },
  {
    commitment: 'UY0101',
    reportedCompletion: 'LIMITED',
    narrative:
      'Regional workshops were held in four departments; the online platform for proposals is in testing.',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
  },
  {
    commitment: 'UY0101',
    reportedCompletion: 'SUBSTANTIAL',
    narrative:
      'Correction: the earlier report omitted the proposal platform, which opened in November 2023 and received 1,240 proposals. Workshops were held in all 19 departments, not four.',
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
    corrects: 2,
  },
  {
    commitment: 'EE0071',
    reportedCompletion: 'COMPLETE',
    narrative:
      'The updated development plan was adopted after three rounds of public co-creation sessions; the input log is published.',
    periodStart: '2024-07-01',
    periodEnd: '2026-06-30',
  },
  {
    commitment: 'BUE0011',
    reportedCompletion: 'LIMITED',
    percentComplete: 30,
    narrative:
      'The resident panel has met twice; accessible request flows are in design, closure reasons are not yet shown.',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
  },
];

export interface DemoAssessment extends Omit<CreateAssessmentDto, 'supersedes'> {
  commitment: string;
}

export const DEMO_ASSESSMENTS: DemoAssessment[] = [
  {
    commitment: 'KE0031',
    framework: 'IRM_2021',
    product: 'RESULTS_REPORT',
    summary:
      'Hearings were held countrywide and the response report answers submissions individually: a moderate early result.',
    indicators: { completion: 'COMPLETE', earlyResults: 'MODERATE' },
  },
  {
    commitment: 'KE0041',
    framework: 'IRM_2021',
    product: 'ACTION_PLAN_REVIEW',
    summary: 'Clear deliverables and a co-creation mechanism with real decision power over the indicators.',
    indicators: {
      verifiable: true,
      openGovernmentLens: true,
      potentialForResults: 'SUBSTANTIAL',
      promising: true,
    },
  },
  {
    commitment: 'UY0101',
    framework: 'IRM_2021',
    product: 'RESULTS_REPORT',
    summary:
      'The proposal platform and the departmental workshops took place; the agenda’s final text reflects a minority of proposals.',
    indicators: { completion: 'SUBSTANTIAL', earlyResults: 'NO_NOTABLE_RESULTS' },
  },
  {
    commitment: 'EE0071',
    framework: 'IRM_2021',
    product: 'ACTION_PLAN_REVIEW',
    indicators: {
      verifiable: true,
      openGovernmentLens: true,
      potentialForResults: 'MODEST',
      promising: false,
    },
  },
  {
    commitment: 'BUE0011',
    framework: 'IRM_2021',
    product: 'ACTION_PLAN_REVIEW',
    summary:
      'The panel design is promising, but the commitment does not say whether panel input will be published.',
    indicators: {
      verifiable: true,
      openGovernmentLens: true,
      potentialForResults: 'UNCLEAR',
      promising: true,
    },
  },
];

export interface DemoEvidence extends CreateEvidenceDto {
  commitment: string;
}

/** What civic groups found when they checked some of those claims (submitted on their behalf). */
export const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    commitment: 'KE0041',
    type: 'SOCIAL_AUDIT',
    title: 'The indicator framework is not public yet',
    summary:
      'Volunteers in six counties checked the ministry portal monthly from January to June 2026: the indicator framework and its baselines were not published, and the drafting group had not met since March.',
    stance: 'CONTRADICTS',
    supportedCompletion: 'LIMITED',
    activityDate: '2026-06-30',
    iap2Level: 'INVOLVE',
    organisationName: 'Kenya Civic Technology Network',
    documents: [{ reference: 'county-audit-2026.pdf', url: 'https://example.org/ke/county-audit-2026.pdf' }],
  },
  {
    commitment: 'KE0031',
    type: 'FORUM_MINUTES',
    title: 'Forum minutes record the response report',
    summary:
      'The multi-stakeholder forum minutes of November 2022 record the tabling of the response report and each county hearing.',
    stance: 'CONFIRMS',
    supportedCompletion: 'COMPLETE',
    activityDate: '2022-11-15',
    organisationName: 'Kenya Civic Technology Network',
  },
  {
    commitment: 'UY0101',
    type: 'SURVEY',
    title: 'Departmental survey of workshop participants',
    summary:
      'A survey of 312 workshop participants in 19 departments: 71% say their proposals were recorded; 22% saw them in the final agenda.',
    stance: 'CONFIRMS',
    supportedCompletion: 'SUBSTANTIAL',
    activityDate: '2024-03-10',
    iap2Level: 'CONSULT',
    organisationName: 'Observatorio Digital Uruguay',
  },
  {
    commitment: 'BUE0011',
    type: 'COMMUNITY_SCORECARD',
    title: 'Commune scorecards on the new request flow',
    summary:
      'Residents in three communes scored the prototype: accessible flows rated well, but closure reasons are still missing.',
    stance: 'MIXED',
    supportedCompletion: 'LIMITED',
    activityDate: '2025-10-04',
    iap2Level: 'COLLABORATE',
    organisationName: 'Red Vecinal Buenos Aires',
  },
];
