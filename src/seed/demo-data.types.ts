// The shape of the demo register. Values use the API's enumerations; dates are ISO `YYYY-MM-DD` and,
// where a precision other than DAY is given, the first day of that period (e.g. Q3 2025 → 2025-07-01).

export type DatePrecision = 'DAY' | 'MONTH' | 'QUARTER' | 'SEMESTER' | 'YEAR';
export type Iap2Level = 'NO_CONSULTATION' | 'INFORM' | 'CONSULT' | 'INVOLVE' | 'COLLABORATE' | 'EMPOWER';
export type InstitutionType =
  | 'GOVERNMENT_AGENCY'
  | 'PARLIAMENT'
  | 'COURT'
  | 'CIVIL_SOCIETY_ORGANISATION'
  | 'PRIVATE_SECTOR'
  | 'ACADEMIA'
  | 'MULTILATERAL'
  | 'OTHER';

export interface DemoInstitution {
  key: string; // referenced by commitments and milestones in this file only
  name: string;
  type: InstitutionType;
  memberCode?: string; // omitted for international bodies
}

export interface DemoMilestone {
  title: string;
  deliverable: string;
  target?: { indicator: string; value: number; unit: string };
  startDate?: string;
  startDatePrecision?: DatePrecision;
  dueDate: string;
  dueDatePrecision?: DatePrecision;
  responsibleInstitution?: string; // DemoInstitution.key
  weight?: number;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'WITHDRAWN';
  completedOn?: string; // required when status is COMPLETE, absent otherwise
}

export interface DemoCommitment {
  code: string; // commitment code: member prefix (2-3 letters) + 4 digits, unique
  number: string; // as the plan numbers it: '3', '1.1', 'II.4'
  title: string;
  problem: string;
  causes: string;
  priorActions: string;
  solution: string;
  expectedResults: string;
  startDate: string;
  startDatePrecision?: DatePrecision;
  endDate: string;
  endDatePrecision?: DatePrecision;
  leadInstitution: string; // DemoInstitution.key
  supportingInstitutions: string[];
  values: {
    value:
      'ACCESS_TO_INFORMATION' | 'CIVIC_PARTICIPATION' | 'PUBLIC_ACCOUNTABILITY' | 'TECHNOLOGY_AND_INNOVATION';
    justification: string;
  }[];
  tags: string[]; // DemoTag.slug
  area?:
    | 'DIGITAL_STRATEGY_AND_POLICY'
    | 'SERVICE_CO_DESIGN'
    | 'TECHNOLOGY_REGULATION'
    | 'FOUNDATIONAL_TECHNOLOGY_ALIGNMENT'
    | 'OVERSIGHT_AUDIT_AND_REDRESS';
  participationMechanism?: string;
  participationLevel?: Iap2Level;
  links?: { type: 'IMPLEMENTS' | 'MONITORS' | 'CO_DESIGNS' | 'CONTINUES'; target: string }[]; // target: another commitment code
  contact?: { name: string; title: string; email: string; phone?: string };
  milestones: DemoMilestone[];
}

export interface DemoForumMeeting {
  heldOn: string;
  governmentAttendees: number;
  civilSocietyAttendees: number;
  minutesUrl?: string;
}

export interface DemoActionPlan {
  sequenceNumber: number;
  title: string;
  startDate: string;
  endDate: string;
  status: 'CO_CREATION' | 'SUBMITTED' | 'IMPLEMENTING' | 'MIDTERM_REVIEW' | 'ENDED';
  coCreationLevel?: Iap2Level;
  implementationLevel?: Iap2Level;
  participationOpenness?: 'OPEN' | 'INVITATION_ONLY';
  forumMeetings: DemoForumMeeting[];
  commitments: DemoCommitment[];
}

export interface DemoMember {
  code: string; // ISO 3166 alpha-3 for NATIONAL, four letters for LOCAL
  name: string;
  type: 'NATIONAL' | 'LOCAL';
  region: 'EUROPE' | 'ASIA_AND_THE_PACIFIC' | 'AFRICA_AND_THE_MIDDLE_EAST' | 'AMERICAS';
  actionPlans: DemoActionPlan[];
}

export interface DemoTag {
  slug: string; // lower-case words joined by '-'
  label: string;
}

export interface DemoRegister {
  tags: DemoTag[];
  institutions: DemoInstitution[];
  members: DemoMember[];
}
