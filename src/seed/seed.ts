import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM } from '../common/auth/actor.js';
import { DEMO_IDENTITIES } from '../modules/access/demo-identities.js';
import { IdentitiesService } from '../modules/access/identities.service.js';
import { TokensService } from '../modules/access/tokens.service.js';
import { ActionPlansService } from '../modules/action-plans/action-plans.service.js';
import { CommitmentsService } from '../modules/commitments/commitments.service.js';
import { InstitutionsService } from '../modules/institutions/institutions.service.js';
import { MembersService } from '../modules/members/members.service.js';
import { MilestonesService } from '../modules/milestones/milestones.service.js';
import { TagsService } from '../modules/tags/tags.service.js';
import { AssessmentsService } from '../modules/assessments/assessments.service.js';
import { EvidenceService } from '../modules/evidence/evidence.service.js';
import { ProgressService } from '../modules/progress/progress.service.js';
import { demoRegister } from './demo-data.js';
import { DEMO_ASSESSMENTS, DEMO_EVIDENCE, DEMO_PROGRESS_UPDATES } from './demo-reports.js';
import type { DemoRegister } from './demo-data.types.js';

export interface SeedResult {
  users: number;
  members: number;
  actionPlans: number;
  commitments: number;
  milestones: number;
  progressUpdates: number;
  assessments: number;
  evidence: number;
}

/**
 * Loads the demo register through the services, so that it passes the same rules as any client's
 * data and leaves the same audit trail. Does nothing on a register that already has members.
 */
export interface SeedOptions {
  /** Also create the demo users with their published tokens: for the embedded demo database only. */
  demoIdentities: boolean;
  register?: DemoRegister;
}

export async function seedDemoRegisterIfEmpty(
  app: INestApplicationContext,
  options: SeedOptions,
): Promise<SeedResult | undefined> {
  const [{ present }]: { present: boolean }[] = await app
    .get(DataSource)
    .query('SELECT EXISTS (SELECT 1 FROM member) AS present');
  if (present) return undefined;
  const result = await seedDemoRegister(app, options.register ?? demoRegister);
  if (options.demoIdentities) result.users = await seedDemoIdentities(app);
  return result;
}

async function seedDemoIdentities(app: INestApplicationContext): Promise<number> {
  const identities = app.get(IdentitiesService);
  const tokens = app.get(TokensService);
  const organisations = new Map<string, string>();
  for (const identity of DEMO_IDENTITIES) {
    let organisation: string | undefined;
    if (identity.organisation) {
      organisation = organisations.get(identity.organisation);
      if (!organisation) {
        const type = identity.role === 'assessor' ? 'ASSESSOR' : 'CIVIL_SOCIETY';
        organisation = (await identities.createOrganisation(SYSTEM, { name: identity.organisation, type }))
          .id;
        organisations.set(identity.organisation, organisation);
      }
    }
    const user = await identities.createUser(SYSTEM, {
      name: identity.name,
      email: identity.email,
      role: identity.role,
      member: identity.memberCode,
      organisation,
      assignedMembers: identity.assignedMembers,
    });
    await tokens.issue(SYSTEM, user.id, { name: 'demo token' }, identity.token);
  }
  return DEMO_IDENTITIES.length;
}

async function seedDemoRegister(app: INestApplicationContext, register: DemoRegister): Promise<SeedResult> {
  const members = app.get(MembersService);
  const institutions = app.get(InstitutionsService);
  const tags = app.get(TagsService);
  const plans = app.get(ActionPlansService);
  const commitments = app.get(CommitmentsService);
  const milestones = app.get(MilestonesService);
  const result: SeedResult = {
    users: 0,
    members: 0,
    actionPlans: 0,
    commitments: 0,
    milestones: 0,
    progressUpdates: 0,
    assessments: 0,
    evidence: 0,
  };

  for (const tag of register.tags) await tags.create(SYSTEM, tag);
  for (const member of register.members) {
    await members.create(SYSTEM, {
      code: member.code,
      name: member.name,
      type: member.type,
      region: member.region,
    });
    result.members += 1;
  }
  const institutionIds = new Map<string, string>();
  for (const { key, name, type, memberCode } of register.institutions) {
    institutionIds.set(key, (await institutions.create(SYSTEM, { name, type, member: memberCode })).id);
  }
  const institution = (key: string): string => {
    const id = institutionIds.get(key);
    if (!id) throw new Error(`The demo register names an unknown institution "${key}"`);
    return id;
  };

  // Links may point at commitments that come later in the file: add them once every commitment exists.
  const pendingLinks: {
    code: string;
    links: NonNullable<
      DemoRegister['members'][number]['actionPlans'][number]['commitments'][number]['links']
    >;
  }[] = [];
  for (const member of register.members) {
    for (const { forumMeetings, commitments: planCommitments, ...plan } of member.actionPlans) {
      const created = await plans.create(SYSTEM, member.code, plan);
      result.actionPlans += 1;
      for (const meeting of forumMeetings) await plans.addMeeting(SYSTEM, created.id, meeting);
      for (const {
        milestones: planMilestones,
        links,
        leadInstitution,
        supportingInstitutions,
        ...commitment
      } of planCommitments) {
        await commitments.create(SYSTEM, created.id, {
          ...commitment,
          leadInstitutionId: institution(leadInstitution),
          supportingInstitutionIds: supportingInstitutions.map(institution),
        });
        result.commitments += 1;
        if (links && links.length > 0) pendingLinks.push({ code: commitment.code, links });
        for (const { responsibleInstitution, ...milestone } of planMilestones) {
          await milestones.create(SYSTEM, commitment.code, {
            ...milestone,
            responsibleInstitutionId: responsibleInstitution
              ? institution(responsibleInstitution)
              : undefined,
          });
          result.milestones += 1;
        }
      }
    }
  }
  for (const { code, links } of pendingLinks) await commitments.update(SYSTEM, code, null, { links });

  const progress = app.get(ProgressService);
  const posted: string[] = [];
  for (const { commitment, corrects, ...update } of DEMO_PROGRESS_UPDATES) {
    const created = await progress.create(SYSTEM, commitment, {
      ...update,
      corrects: corrects === undefined ? undefined : posted[corrects],
    });
    posted.push(created.id);
  }
  const assessments = app.get(AssessmentsService);
  for (const { commitment, ...assessment } of DEMO_ASSESSMENTS) {
    const draft = await assessments.create(SYSTEM, commitment, assessment);
    await assessments.publish(SYSTEM, draft.id, null);
  }
  const evidence = app.get(EvidenceService);
  for (const { commitment, ...item } of DEMO_EVIDENCE) await evidence.submit(SYSTEM, commitment, item);
  result.evidence = DEMO_EVIDENCE.length;
  result.progressUpdates = DEMO_PROGRESS_UPDATES.length;
  result.assessments = DEMO_ASSESSMENTS.length;
  return result;
}
