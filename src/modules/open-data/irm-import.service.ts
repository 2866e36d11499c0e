import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { type PartialDate, periodEnd } from '../../common/dates/partial-date.rules.js';
import type { Indicator } from '../assessments/assessment.rules.js';
import { AssessmentsService } from '../assessments/assessments.service.js';
import type { AuditEntry } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { formatIrmDate } from './irm-export.rules.js';
import { type IrmFile, type IrmProblem, type IrmRecord, readIrmFile } from './irm.rules.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface IrmImportReport {
  dryRun: boolean;
  /** False when nothing was written: a dry run, or a file with errors. */
  applied: boolean;
  rows: number;
  members: ImportCounts;
  actionPlans: ImportCounts;
  institutions: ImportCounts;
  tags: ImportCounts;
  commitments: ImportCounts;
  assessments: { created: number; superseded: number; unchanged: number };
  tagColumns: { column: string; slug: string }[];
  ignoredColumns: string[];
  errors: IrmProblem[];
  warnings: IrmProblem[];
  starDisagreements: IrmFile['starDisagreements'];
}

export type ImportProgress = (done: number, total: number) => void;

/** Thrown inside the transaction of a dry run or a failed apply, so that it rolls back. */
class RollBack extends Error {
  constructor(readonly report: IrmImportReport) {
    super('roll back');
  }
}

/** Indicators OGP's export has no column for: a report that has them keeps them. */
const NOT_IN_IRM_DATA: Indicator[] = ['onTime', 'openGovernmentLens', 'promising'];

const counts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

const LIMITS: { field: keyof IrmRecord['commitment']; column: string; max: number }[] = [
  { field: 'number', column: 'Commitment Number', max: 20 },
  { field: 'title', column: 'Commitment Title', max: 500 },
  { field: 'shortTitle', column: 'Short Title', max: 500 },
  { field: 'startDateText', column: 'Start Date', max: 100 },
  { field: 'endDateText', column: 'End Date', max: 100 },
  { field: 'url', column: 'URL', max: 2000 },
];

interface ExistingCommitment {
  id: string;
  code: string;
  member_id: string;
  action_plan_id: string;
  number: string;
  title: string;
  short_title: string | null;
  full_text: string | null;
  start_date: string | null;
  start_date_precision: string;
  start_date_text: string | null;
  end_date: string | null;
  end_date_precision: string;
  end_date_text: string | null;
  lead_institution_id: string | null;
  carried_forward: boolean | null;
  url: string | null;
}

/** The columns an import writes, as stored: what is compared to tell an update from nothing. */
const IMPORTED_COLUMNS = [
  'action_plan_id',
  'number',
  'title',
  'short_title',
  'full_text',
  'start_date',
  'start_date_precision',
  'start_date_text',
  'end_date',
  'end_date_precision',
  'end_date_text',
  'lead_institution_id',
  'carried_forward',
  'url',
] as const;

/**
 * Imports OGP's IRM data export: members, action plans, institutions, tags, commitments and their
 * published assessments, keyed by the commitment code, all or nothing. A file is read and checked
 * whole first; then everything is written in one transaction, which any conflict with what is stored
 * rolls back, with the report naming row, column, value and reason. Importing the same file again
 * changes nothing and writes no audit entry.
 */
@Injectable()
export class IrmImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditService,
  ) {}

  async run(
    actor: Actor,
    text: string,
    options: { dryRun?: boolean; onProgress?: ImportProgress } = {},
  ): Promise<IrmImportReport> {
    const file = readIrmFile(text);
    const report: IrmImportReport = {
      dryRun: options.dryRun ?? false,
      applied: false,
      rows: file.records.length,
      members: counts(),
      actionPlans: counts(),
      institutions: counts(),
      tags: counts(),
      commitments: counts(),
      assessments: { created: 0, superseded: 0, unchanged: 0 },
      tagColumns: file.tags.map((t) => ({ column: t.column, slug: t.slug })),
      ignoredColumns: file.ignoredColumns,
      errors: [...file.errors],
      warnings: [...file.warnings],
      starDisagreements: file.starDisagreements,
    };
    report.errors.push(...this.recordProblems(file.records));
    if (report.errors.length > 0) return report;
    try {
      await this.dataSource.transaction(async (tx) => {
        await this.apply(tx, actor, file, report, options.onProgress);
        if (report.errors.length > 0 || report.dryRun) throw new RollBack(report);
      });
      report.applied = true;
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    return report;
  }

  /** What the file says that the register cannot take, found before anything is written. */
  private recordProblems(records: IrmRecord[]): IrmProblem[] {
    const problems: IrmProblem[] = [];
    const numbers = new Map<string, number>();
    for (const r of records) {
      for (const { field, column, max } of LIMITS) {
        const value = r.commitment[field];
        if (typeof value === 'string' && value.length > max)
          problems.push({
            line: r.line,
            column,
            value: value.slice(0, 50),
            reason: `is longer than ${max} characters`,
          });
      }
      for (const [column, name] of [
        ['Lead Institution', r.commitment.leadInstitution],
        ...r.commitment.supportingInstitutions.map((n) => ['Supporting Institution(s)', n]),
      ] as [string, string | null][]) {
        if (name && name.length > 300)
          problems.push({
            line: r.line,
            column,
            value: name.slice(0, 50),
            reason: 'names an institution in more than 300 characters',
          });
      }
      const { startDate, endDate } = r.commitment;
      if (startDate && endDate && startDate.date > endDate.date)
        problems.push({
          line: r.line,
          column: 'End Date',
          value: r.commitment.endDateText ?? '',
          reason: `is before the start date (${r.commitment.startDateText})`,
        });
      if (!r.plan.yearOfSubmission && !r.plan.endYear && !startDate && !endDate)
        problems.push({
          line: r.line,
          column: 'Year Of Submission',
          value: '',
          reason:
            'the action plan cannot be dated: give Year Of Submission, Action Plan End Year or the dates',
        });
      const key = `${r.member.code} ${r.plan.sequenceNumber} ${r.commitment.number}`;
      const first = numbers.get(key);
      if (first !== undefined)
        problems.push({
          line: r.line,
          column: 'Commitment Number',
          value: r.commitment.number,
          reason: `plan ${r.plan.sequenceNumber} of ${r.member.code} already has commitment number ${r.commitment.number} (line ${first})`,
        });
      else numbers.set(key, r.line);
    }
    return problems;
  }

  private async apply(
    tx: EntityManager,
    actor: Actor,
    file: IrmFile,
    report: IrmImportReport,
    onProgress?: ImportProgress,
  ): Promise<void> {
    const audit: AuditEntry[] = [];
    const problem = (r: IrmRecord, column: string, value: string, reason: string) =>
      report.errors.push({ line: r.line, column, value, reason });

    // Members, by code.
    const memberIds = new Map<string, string>();
    const existingMembers: { id: string; code: string; name: string; type: string; region: string }[] =
      await tx.query('SELECT id, code, name, type, region FROM member WHERE code = ANY($1::text[])', [
        [...new Set(file.records.map((r) => r.member.code))],
      ]);
    const membersByCode = new Map(existingMembers.map((m) => [m.code, m]));
    for (const r of file.records) {
      const { code, name, type, region } = r.member;
      if (memberIds.has(code)) continue;
      const stored = membersByCode.get(code);
      if (!stored) {
        const [{ id }]: { id: string }[] = await tx.query(
          'INSERT INTO member (code, name, type, region) VALUES ($1, $2, $3, $4) RETURNING id',
          [code, name, type, region],
        );
        memberIds.set(code, id);
        report.members.created += 1;
        audit.push({ action: 'CREATE', resourceType: 'member', resourceId: id, after: r.member });
      } else if (stored.name !== name || stored.type !== type || stored.region !== region) {
        await tx.query(
          'UPDATE member SET name = $2, type = $3, region = $4, version = version + 1, updated_at = now() WHERE id = $1',
          [stored.id, name, type, region],
        );
        memberIds.set(code, stored.id);
        report.members.updated += 1;
        audit.push({
          action: 'UPDATE',
          resourceType: 'member',
          resourceId: stored.id,
          before: { code, name: stored.name, type: stored.type, region: stored.region },
          after: r.member,
        });
      } else {
        memberIds.set(code, stored.id);
        report.members.unchanged += 1;
      }
    }

    // Tags named by the file's columns.
    const tagIds = new Map<string, string>();
    // A column names a tag by its label: an existing tag of that label or slug is the one meant.
    const storedTags: { id: string; slug: string; label: string }[] = await tx.query(
      'SELECT id, slug, label FROM policy_area_tag WHERE slug = ANY($1::text[]) OR lower(label) = ANY($2::text[])',
      [file.tags.map((t) => t.slug), file.tags.map((t) => t.label.toLowerCase())],
    );
    for (const t of file.tags) {
      const known =
        storedTags.find((x) => x.label.toLowerCase() === t.label.toLowerCase()) ??
        storedTags.find((x) => x.slug === t.slug);
      if (known) {
        tagIds.set(t.slug, known.id);
        report.tags.unchanged += 1;
        continue;
      }
      const id = randomUUID();
      await tx.query('INSERT INTO policy_area_tag (id, slug, label) VALUES ($1, $2, $3)', [
        id,
        t.slug,
        t.label,
      ]);
      tagIds.set(t.slug, id);
      report.tags.created += 1;
      audit.push({
        action: 'CREATE',
        resourceType: 'tag',
        resourceId: id,
        after: { slug: t.slug, label: t.label },
      });
    }

    // Action plans, by their IRM id or the member's plan number.
    const planIds = await this.plans(tx, file.records, memberIds, report, audit, problem);

    // Institutions by name (case-insensitive): the member's own, else one of no member.
    const institutionIds = new Map<string, string>();
    const institutionKey = (memberId: string | null, name: string) =>
      `${memberId ?? '-'} ${name.toLowerCase()}`;
    const storedInstitutions: { id: string; member_id: string | null; name: string }[] = await tx.query(
      'SELECT id, member_id, name FROM institution WHERE member_id = ANY($1::uuid[]) OR member_id IS NULL',
      [[...new Set(memberIds.values())]],
    );
    for (const i of storedInstitutions) institutionIds.set(institutionKey(i.member_id, i.name), i.id);
    const institution = async (memberId: string, name: string, type: string): Promise<string> => {
      const key = institutionKey(memberId, name);
      const known = institutionIds.get(key) ?? institutionIds.get(institutionKey(null, name));
      if (known) return known;
      const id = randomUUID();
      await tx.query('INSERT INTO institution (id, name, type, member_id) VALUES ($1, $2, $3, $4)', [
        id,
        name,
        type,
        memberId,
      ]);
      institutionIds.set(key, id);
      report.institutions.created += 1;
      audit.push({ action: 'CREATE', resourceType: 'institution', resourceId: id, after: { name, type } });
      return id;
    };

    // Commitments, by code, with what is stored of them loaded in a few statements.
    const codes = file.records.map((r) => r.commitment.code);
    const stored: ExistingCommitment[] = await tx.query(
      `SELECT id, code, member_id, action_plan_id, number, title, short_title, full_text, start_date, start_date_precision,
              start_date_text, end_date, end_date_precision, end_date_text, lead_institution_id, carried_forward, url
         FROM commitment WHERE code = ANY($1::text[])`,
      [codes],
    );
    const storedByCode = new Map(stored.map((c) => [c.code, c]));
    const storedIds = stored.map((c) => c.id);
    const storedTagsOf = await this.groupBy(
      tx,
      'SELECT commitment_id AS key, tag_id AS value FROM commitment_tag WHERE commitment_id = ANY($1::uuid[])',
      storedIds,
    );
    const storedSupportOf = await this.groupBy(
      tx,
      'SELECT commitment_id AS key, institution_id AS value FROM commitment_supporting_institution WHERE commitment_id = ANY($1::uuid[])',
      storedIds,
    );
    const numbersTaken = new Map<string, string>();
    const taken: { action_plan_id: string; number: string; code: string }[] = await tx.query(
      'SELECT action_plan_id, number, code FROM commitment WHERE action_plan_id = ANY($1::uuid[])',
      [[...new Set(planIds.values())]],
    );
    for (const t of taken) numbersTaken.set(`${t.action_plan_id} ${t.number}`, t.code);
    const fileTagIds = new Set(file.tags.map((t) => tagIds.get(t.slug) as string));

    let done = 0;
    for (const r of file.records) {
      const c = r.commitment;
      const memberId = memberIds.get(r.member.code) as string;
      const planId = planIds.get(this.planKey(r));
      const current = storedByCode.get(c.code);
      if (!planId) continue; // its plan could not be taken: already reported
      if (current && current.member_id !== memberId) {
        problem(
          r,
          'Commitment Unique Identifier',
          c.code,
          'is a commitment of another member in the register',
        );
        continue;
      }
      const holder = numbersTaken.get(`${planId} ${c.number}`);
      if (holder && holder !== c.code) {
        problem(
          r,
          'Commitment Number',
          c.number,
          `the plan already has commitment ${holder} with this number`,
        );
        continue;
      }
      const wanted: Record<(typeof IMPORTED_COLUMNS)[number], unknown> = {
        action_plan_id: planId,
        number: c.number,
        title: c.title,
        short_title: c.shortTitle,
        full_text: c.fullText,
        start_date: c.startDate?.date ?? null,
        start_date_precision: c.startDate?.precision ?? 'DAY',
        start_date_text: keptText(c.startDateText, c.startDate),
        end_date: c.endDate?.date ?? null,
        end_date_precision: c.endDate?.precision ?? 'DAY',
        end_date_text: keptText(c.endDateText, c.endDate),
        lead_institution_id: c.leadInstitution
          ? await institution(memberId, c.leadInstitution, 'GOVERNMENT_AGENCY')
          : null,
        carried_forward: c.carriedForward,
        url: c.url,
      };
      const support: string[] = [];
      for (const name of c.supportingInstitutions) {
        const id = await institution(memberId, name, 'OTHER');
        if (id !== wanted.lead_institution_id && !support.includes(id)) support.push(id);
      }
      const tags = c.tags.map((slug) => tagIds.get(slug) as string);

      let id: string;
      if (!current) {
        id = randomUUID();
        await tx.query(
          `INSERT INTO commitment (id, code, member_id, ${IMPORTED_COLUMNS.join(', ')})
           VALUES ($1, $2, $3, ${IMPORTED_COLUMNS.map((_, i) => `$${i + 4}`).join(', ')})`,
          [id, c.code, memberId, ...IMPORTED_COLUMNS.map((column) => wanted[column])],
        );
        await this.setLinks(tx, id, tags, support, [], []);
        report.commitments.created += 1;
        audit.push({
          action: 'CREATE',
          resourceType: 'commitment',
          resourceId: id,
          commitmentId: id,
          after: { code: c.code, ...wanted, tags: c.tags },
        });
      } else {
        id = current.id;
        const changed = IMPORTED_COLUMNS.filter(
          (column) => (current[column] ?? null) !== (wanted[column] ?? null),
        );
        const currentTags = (storedTagsOf.get(id) ?? []).filter((t) => fileTagIds.has(t));
        const currentSupport = storedSupportOf.get(id) ?? [];
        const tagsChanged = !sameSet(currentTags, tags);
        const supportChanged = !sameSet(currentSupport, support);
        if (changed.length > 0 || tagsChanged || supportChanged) {
          if (changed.length > 0) {
            await tx.query(
              `UPDATE commitment SET ${changed.map((column, i) => `${column} = $${i + 2}`).join(', ')},
                      version = version + 1, updated_at = now() WHERE id = $1`,
              [id, ...changed.map((column) => wanted[column])],
            );
          } else {
            await this.commitments.touch(tx, id);
          }
          await this.setLinks(
            tx,
            id,
            tagsChanged ? tags : null,
            supportChanged ? support : null,
            currentTags,
            currentSupport,
          );
          report.commitments.updated += 1;
          audit.push({
            action: 'UPDATE',
            resourceType: 'commitment',
            resourceId: id,
            commitmentId: id,
            before: {
              ...Object.fromEntries(changed.map((column) => [column, current[column]])),
              ...(tagsChanged ? { tagIds: currentTags } : {}),
              ...(supportChanged ? { supportingInstitutionIds: currentSupport } : {}),
            },
            after: {
              ...Object.fromEntries(changed.map((column) => [column, wanted[column]])),
              ...(tagsChanged ? { tagIds: tags } : {}),
              ...(supportChanged ? { supportingInstitutionIds: support } : {}),
            },
          });
        } else {
          report.commitments.unchanged += 1;
        }
      }
      numbersTaken.set(`${planId} ${c.number}`, c.code);

      if (r.contact) await this.keepContact(tx, id, r.contact, audit);

      const entity = { id, code: c.code };
      let rated = false;
      for (const a of r.assessments) {
        const outcome = await this.assessments.importPublished(tx, entity, a, NOT_IN_IRM_DATA, audit);
        report.assessments[outcome] += 1;
        rated ||= outcome !== 'unchanged';
      }
      if (rated) await this.assessments.refreshViews(tx, entity);
      done += 1;
      onProgress?.(done, file.records.length);
    }
    if (report.errors.length === 0) await this.audit.recordMany(tx, actor, audit);
  }

  private planKey(r: IrmRecord): string {
    return `${r.member.code} ${r.plan.sequenceNumber}`;
  }

  /** The plan of each record, found by IRM id or by member and number, or created and dated from the file. */
  private async plans(
    tx: EntityManager,
    records: IrmRecord[],
    memberIds: Map<string, string>,
    report: IrmImportReport,
    audit: AuditEntry[],
    problem: (r: IrmRecord, column: string, value: string, reason: string) => void,
  ): Promise<Map<string, string>> {
    const stored: { id: string; member_id: string; sequence_number: number; irm_id: string | null }[] =
      await tx.query(
        'SELECT id, member_id, sequence_number, irm_id FROM action_plan WHERE member_id = ANY($1::uuid[]) OR irm_id = ANY($2::text[])',
        [[...new Set(memberIds.values())], records.map((r) => r.plan.irmId).filter((id) => id !== null)],
      );
    const ids = new Map<string, string>();
    const seen = new Set<string>();
    for (const r of records) {
      const key = this.planKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      const memberId = memberIds.get(r.member.code) as string;
      const byIrmId = r.plan.irmId ? stored.find((p) => p.irm_id === r.plan.irmId) : undefined;
      const byNumber = stored.find(
        (p) => p.member_id === memberId && p.sequence_number === r.plan.sequenceNumber,
      );
      if (byIrmId && byIrmId !== byNumber) {
        problem(
          r,
          'Action Plan ID',
          r.plan.irmId ?? '',
          `is plan ${byIrmId.sequence_number} of another member or number in the register`,
        );
        continue;
      }
      if (byNumber) {
        ids.set(key, byNumber.id);
        if (r.plan.irmId && byNumber.irm_id !== r.plan.irmId) {
          if (byNumber.irm_id) {
            problem(r, 'Action Plan ID', r.plan.irmId, `the register knows this plan as ${byNumber.irm_id}`);
            continue;
          }
          await tx.query(
            'UPDATE action_plan SET irm_id = $2, version = version + 1, updated_at = now() WHERE id = $1',
            [byNumber.id, r.plan.irmId],
          );
          report.actionPlans.updated += 1;
          audit.push({
            action: 'UPDATE',
            resourceType: 'action_plan',
            resourceId: byNumber.id,
            before: { irmId: null },
            after: { irmId: r.plan.irmId },
          });
        } else {
          report.actionPlans.unchanged += 1;
        }
        continue;
      }
      const ofPlan = records.filter((other) => this.planKey(other) === key);
      const { startDate, endDate } = planPeriod(r, ofPlan);
      const id = randomUUID();
      const title = `${r.member.name} action plan ${r.plan.sequenceNumber} (${startDate.slice(0, 4)}–${endDate.slice(0, 4)})`;
      const status = endDate < new Date().toISOString().slice(0, 10) ? 'ENDED' : 'IMPLEMENTING';
      await tx.query(
        `INSERT INTO action_plan (id, member_id, sequence_number, title, start_date, end_date, status, irm_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, memberId, r.plan.sequenceNumber, title, startDate, endDate, status, r.plan.irmId],
      );
      ids.set(key, id);
      report.actionPlans.created += 1;
      audit.push({
        action: 'CREATE',
        resourceType: 'action_plan',
        resourceId: id,
        after: {
          member: r.member.code,
          sequenceNumber: r.plan.sequenceNumber,
          title,
          startDate,
          endDate,
          status,
          irmId: r.plan.irmId,
        },
      });
    }
    return ids;
  }

  private async groupBy(tx: EntityManager, sql: string, ids: string[]): Promise<Map<string, string[]>> {
    const groups = new Map<string, string[]>();
    if (ids.length === 0) return groups;
    const rows: { key: string; value: string }[] = await tx.query(sql, [ids]);
    for (const row of rows) groups.set(row.key, [...(groups.get(row.key) ?? []), row.value]);
    return groups;
  }

  /** Sets the file's tags (leaving tags the file has no column for) and the supporting institutions. */
  private async setLinks(
    tx: EntityManager,
    commitmentId: string,
    tags: string[] | null,
    support: string[] | null,
    currentTags: string[],
    currentSupport: string[],
  ): Promise<void> {
    if (tags !== null) {
      const gone = currentTags.filter((t) => !tags.includes(t));
      const added = tags.filter((t) => !currentTags.includes(t));
      if (gone.length > 0)
        await tx.query('DELETE FROM commitment_tag WHERE commitment_id = $1 AND tag_id = ANY($2::uuid[])', [
          commitmentId,
          gone,
        ]);
      if (added.length > 0)
        await tx.query('INSERT INTO commitment_tag (commitment_id, tag_id) SELECT $1, unnest($2::uuid[])', [
          commitmentId,
          added,
        ]);
    }
    if (support !== null) {
      if (currentSupport.length > 0)
        await tx.query('DELETE FROM commitment_supporting_institution WHERE commitment_id = $1', [
          commitmentId,
        ]);
      if (support.length > 0)
        await tx.query(
          'INSERT INTO commitment_supporting_institution (commitment_id, institution_id) SELECT $1, unnest($2::uuid[])',
          [commitmentId, support],
        );
    }
  }

  /**
   * Contact details taken out of the public text are personal data: kept on the commitment's
   * restricted contact record, and the audit entry says only that they changed.
   */
  private async keepContact(
    tx: EntityManager,
    commitmentId: string,
    contact: { emails: string[]; phones: string[] },
    audit: AuditEntry[],
  ): Promise<void> {
    const details = [
      contact.emails.length > 0 ? `E-mail: ${contact.emails.join(', ')}` : '',
      contact.phones.length > 0 ? `Phone: ${contact.phones.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const [existing]: { imported_details: string | null }[] = await tx.query(
      'SELECT imported_details FROM commitment_contact WHERE commitment_id = $1',
      [commitmentId],
    );
    if (existing?.imported_details === details) return;
    await tx.query(
      `INSERT INTO commitment_contact (commitment_id, imported_details) VALUES ($1, $2)
       ON CONFLICT (commitment_id) DO UPDATE SET imported_details = EXCLUDED.imported_details, updated_at = now()`,
      [commitmentId, details],
    );
    audit.push({
      action: 'UPDATE',
      resourceType: 'commitment_contact',
      resourceId: commitmentId,
      commitmentId,
      after: { contactChanged: true },
    });
  }
}

/** The date as written, kept when it says more than the date itself (or is not a date at all). */
function keptText(text: string | null, date: PartialDate | null): string | null {
  if (text === null || text.trim() === '') return null;
  return date && formatIrmDate(date.date, date.precision) === text.trim() ? null : text.trim();
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * A new plan's period: from its commitments' dates where the file gives them, else from the years of
 * submission and end (1 January to 31 December).
 */
function planPeriod(r: IrmRecord, records: IrmRecord[]): { startDate: string; endDate: string } {
  const starts = records.flatMap((x) => (x.commitment.startDate ? [x.commitment.startDate.date] : []));
  const ends = records.flatMap((x) =>
    x.commitment.endDate ? [periodEnd(x.commitment.endDate.date, x.commitment.endDate.precision)] : [],
  );
  const duration = r.plan.durationYears ?? 2;
  const startYear = r.plan.yearOfSubmission ?? (r.plan.endYear !== null ? r.plan.endYear - duration : null);
  const endYear =
    r.plan.endYear ?? (r.plan.yearOfSubmission !== null ? r.plan.yearOfSubmission + duration : null);
  let startDate =
    starts.length > 0
      ? starts.sort()[0]
      : `${startYear ?? Number(ends.sort()[0].slice(0, 4)) - duration}-01-01`;
  let endDate =
    ends.length > 0
      ? ends.sort()[ends.length - 1]
      : `${endYear ?? Number(startDate.slice(0, 4)) + duration}-12-31`;
  if (endDate <= startDate) endDate = `${Number(startDate.slice(0, 4)) + 1}-12-31`;
  if (startDate > endDate) startDate = `${endDate.slice(0, 4)}-01-01`;
  return { startDate, endDate };
}
