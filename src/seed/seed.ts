import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionPlansService } from '../modules/action-plans/action-plans.service.js';
import { CommitmentsService } from '../modules/commitments/commitments.service.js';
import { InstitutionsService } from '../modules/institutions/institutions.service.js';
import { MembersService } from '../modules/members/members.service.js';
import { MilestonesService } from '../modules/milestones/milestones.service.js';
import { TagsService } from '../modules/tags/tags.service.js';
import { demoRegister } from './demo-data.js';
import type { DemoRegister } from './demo-data.types.js';

export interface SeedResult {
  members: number;
  actionPlans: number;
  commitments: number;
  milestones: number;
}

/**
 * Loads the demo register through the services, so that it passes the same rules as any client's
 * data and leaves the same audit trail. Does nothing on a register that already has members.
 */
export async function seedDemoRegisterIfEmpty(
  app: INestApplicationContext,
  register: DemoRegister = demoRegister,
): Promise<SeedResult | undefined> {
  const [{ present }]: { present: boolean }[] = await app
    .get(DataSource)
    .query('SELECT EXISTS (SELECT 1 FROM member) AS present');
  if (present) return undefined;
  return seedDemoRegister(app, register);
}

async function seedDemoRegister(app: INestApplicationContext, register: DemoRegister): Promise<SeedResult> {
  const members = app.get(MembersService);
  const institutions = app.get(InstitutionsService);
  const tags = app.get(TagsService);
  const plans = app.get(ActionPlansService);
  const commitments = app.get(CommitmentsService);
  const milestones = app.get(MilestonesService);
  const result: SeedResult = { members: 0, actionPlans: 0, commitments: 0, milestones: 0 };

  for (const tag of register.tags) await tags.create(tag);
  for (const member of register.members) {
    await members.create({ code: member.code, name: member.name, type: member.type, region: member.region });
    result.members += 1;
  }
  const institutionIds = new Map<string, string>();
  for (const { key, name, type, memberCode } of register.institutions) {
    institutionIds.set(key, (await institutions.create({ name, type, member: memberCode })).id);
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
      const created = await plans.create(member.code, plan);
      result.actionPlans += 1;
      for (const meeting of forumMeetings) await plans.addMeeting(created.id, meeting);
      for (const {
        milestones: planMilestones,
        links,
        leadInstitution,
        supportingInstitutions,
        ...commitment
      } of planCommitments) {
        await commitments.create(created.id, {
          ...commitment,
          leadInstitutionId: institution(leadInstitution),
          supportingInstitutionIds: supportingInstitutions.map(institution),
        });
        result.commitments += 1;
        if (links && links.length > 0) pendingLinks.push({ code: commitment.code, links });
        for (const { responsibleInstitution, ...milestone } of planMilestones) {
          await milestones.create(commitment.code, {
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
  for (const { code, links } of pendingLinks) await commitments.update(code, null, { links });
  return result;
}
