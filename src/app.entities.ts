import { ACCESS_ENTITIES } from './modules/access/access.entities.js';
import { ActionPlan, ForumMeeting } from './modules/action-plans/action-plan.entity.js';
import { COMMITMENT_ENTITIES } from './modules/commitments/commitment.entity.js';
import { Institution } from './modules/institutions/institution.entity.js';
import { Member } from './modules/members/member.entity.js';
import { Milestone } from './modules/milestones/milestone.entity.js';
import { Assessment } from './modules/assessments/assessment.entity.js';
import { EVIDENCE_ENTITIES } from './modules/evidence/evidence.entities.js';
import { ProgressUpdate } from './modules/progress/progress-update.entity.js';
import { PolicyAreaTag } from './modules/tags/policy-area-tag.entity.js';

/** Every entity of the application, for the data source. */
export const ENTITIES = [
  Member,
  Institution,
  PolicyAreaTag,
  ActionPlan,
  ForumMeeting,
  ...COMMITMENT_ENTITIES,
  Milestone,
  ...ACCESS_ENTITIES,
  ProgressUpdate,
  Assessment,
  ...EVIDENCE_ENTITIES,
];
