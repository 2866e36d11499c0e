import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { CsvSyntaxError, csvLine, parseCsv } from '../../common/csv/csv.js';
import { isIsoDate } from '../../common/dates/partial-date.rules.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/validation/decorators.js';
import { assertCanActForMember } from '../access/access.policy.js';
import { MembersService } from '../members/members.service.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../milestones/milestone.rules.js';
import type { CreateProgressUpdateDto } from '../progress/dto/progress.dto.js';
import { ProgressService } from '../progress/progress.service.js';

/** The worksheet's columns: what identifies the milestone, what it is now, and what the POC fills in. */
export const WORKSHEET_COLUMNS = {
  id: 'Milestone ID',
  commitment: 'Commitment',
  commitmentTitle: 'Commitment Title',
  ordinal: 'Milestone',
  title: 'Milestone Title',
  deliverable: 'Deliverable',
  dueDate: 'Due Date',
  status: 'Current Status',
  newStatus: 'New Status',
  percent: 'Percent Complete',
  narrative: 'Narrative',
  periodStart: 'Period Start',
  periodEnd: 'Period End',
  links: 'Links',
} as const;

const C = WORKSHEET_COLUMNS;
/** The columns the point of contact fills in, left empty in the worksheet. */
const FILLED_IN = [C.newStatus, C.percent, C.narrative, C.periodStart, C.periodEnd, C.links];
const REQUIRED = [C.id, C.newStatus, C.narrative] as const;

export interface BulkProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface BulkProgressResult {
  accepted: number;
  skipped: number;
  progressUpdates: string[];
}

interface MilestoneRow {
  id: string;
  commitment: string;
  commitment_title: string;
  ordinal: number;
  title: string;
  deliverable: string;
  due_date: string;
  status: MilestoneStatus;
}

/**
 * Progress by spreadsheet: a point of contact downloads their member's milestones, fills the status
 * and narrative columns, and uploads the file. Every row is checked first; then each filled row
 * becomes a progress update (with its audit entry), all in one transaction, or none.
 */
@Injectable()
export class BulkProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly progress: ProgressService,
  ) {}

  async worksheet(actor: Actor, memberCode: string): Promise<string> {
    const rows = await this.milestonesOf(actor, memberCode);
    return [
      csvLine(Object.values(C)),
      ...rows.map((m) =>
        csvLine([
          m.id,
          m.commitment,
          m.commitment_title,
          m.ordinal,
          m.title,
          m.deliverable,
          m.due_date,
          m.status,
          ...FILLED_IN.map(() => ''),
        ]),
      ),
    ].join('');
  }

  async upload(actor: Actor, memberCode: string, text: string): Promise<BulkProgressResult> {
    const milestones = new Map((await this.milestonesOf(actor, memberCode)).map((m) => [m.id, m]));
    const problems: BulkProblem[] = [];
    const updates: { line: number; commitment: string; dto: CreateProgressUpdateDto }[] = [];
    let skipped = 0;
    let parsed: ReturnType<typeof parseCsv>;
    try {
      parsed = parseCsv(text);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      throw refused([{ line: error.line, column: '', value: '', reason: error.message }]);
    }
    const index = new Map(parsed.header.map((name, i) => [name.toLowerCase(), i]));
    for (const column of REQUIRED) {
      if (!index.has(column.toLowerCase()))
        problems.push({ line: 1, column, value: '', reason: 'is missing from the header' });
    }
    if (problems.length > 0) throw refused(problems);
    const seen = new Map<string, number>();
    for (const row of parsed.rows) {
      const cell = (column: string) => (row.cells[index.get(column.toLowerCase()) ?? -1] ?? '').trim();
      const problem = (column: string, reason: string) =>
        problems.push({ line: row.line, column, value: cell(column), reason });
      const status = cell(C.newStatus)
        .toUpperCase()
        .replace(/[\s-]+/g, '_');
      const narrative = cell(C.narrative);
      if (status === '' && narrative === '') {
        skipped += 1;
        continue;
      }
      const id = cell(C.id);
      const milestone = isUuid(id) ? milestones.get(id.toLowerCase()) : undefined;
      if (!milestone) {
        problem(C.id, `is not a milestone of ${memberCode.toUpperCase()}`);
        continue;
      }
      if (seen.has(milestone.id)) problem(C.id, `is reported twice (line ${seen.get(milestone.id)})`);
      seen.set(milestone.id, row.line);
      if (status !== '' && !(MILESTONE_STATUSES as readonly string[]).includes(status))
        problem(C.newStatus, `is not one of ${MILESTONE_STATUSES.join(', ')}`);
      if (narrative === '') problem(C.narrative, 'is required: say what was done');
      if (status === '') problem(C.newStatus, 'is required: the status of the milestone now');
      if (narrative.length > 20_000) problem(C.narrative, 'is longer than 20,000 characters');
      const percentText = cell(C.percent).replace(/%$/, '');
      const percent = percentText === '' ? undefined : Number(percentText);
      if (percent !== undefined && !(Number.isInteger(percent) && percent >= 0 && percent <= 100))
        problem(C.percent, 'must be a whole number from 0 to 100');
      for (const column of [C.periodStart, C.periodEnd]) {
        if (cell(column) !== '' && !isIsoDate(cell(column))) problem(column, 'must be a date as YYYY-MM-DD');
      }
      if (cell(C.periodStart) && cell(C.periodEnd) && cell(C.periodStart) > cell(C.periodEnd))
        problem(C.periodEnd, 'must not be before the period start');
      const links = cell(C.links) === '' ? [] : cell(C.links).split(/\s+/);
      if (links.some((url) => !/^https?:\/\/[^\s]+$/i.test(url)))
        problem(C.links, 'must be http(s) addresses separated by spaces');
      updates.push({
        line: row.line,
        commitment: milestone.commitment,
        dto: {
          milestoneId: milestone.id,
          ...(status !== '' ? { milestoneStatus: status as MilestoneStatus } : {}),
          ...(percent !== undefined ? { percentComplete: percent } : {}),
          narrative,
          links: links.map((url) => ({ url })),
          ...(cell(C.periodStart) ? { periodStart: cell(C.periodStart) } : {}),
          ...(cell(C.periodEnd) ? { periodEnd: cell(C.periodEnd) } : {}),
        },
      });
    }
    if (problems.length > 0) throw refused(problems);
    const created = await this.dataSource.transaction(async (tx) => {
      const ids: string[] = [];
      for (const u of updates) {
        try {
          ids.push((await this.progress.createIn(tx, actor, u.commitment, u.dto)).id);
        } catch (error) {
          // A rule of progress updates (e.g. a completion date) refuses the row: name it, write nothing.
          if (error instanceof DomainError)
            throw refused([{ line: u.line, column: '', value: '', reason: error.message }]);
          throw error;
        }
      }
      return ids;
    });
    return { accepted: created.length, skipped, progressUpdates: created };
  }

  private async milestonesOf(actor: Actor, memberCode: string): Promise<MilestoneRow[]> {
    const member = await this.members.find(this.dataSource.manager, memberCode);
    assertCanActForMember(actor, member.id, {
      resourceType: 'progress_update',
      resourceId: `worksheet of ${member.code}`,
    });
    return this.dataSource.query(
      `SELECT ms.id, c.code AS commitment, c.title AS commitment_title, ms.ordinal, ms.title, ms.deliverable,
              ms.due_date, ms.status
         FROM milestone ms JOIN commitment c ON c.id = ms.commitment_id
        WHERE c.member_id = $1
        ORDER BY c.code, ms.ordinal`,
      [member.id],
    );
  }
}

function refused(problems: BulkProblem[]): DomainError {
  return new DomainError(
    'unprocessable',
    'progress_import.invalid',
    `The file has ${problems.length} problem(s); no update was recorded.`,
    problems.map((p) => ({
      field: `line ${p.line}${p.column ? `, ${p.column}` : ''}`,
      message: p.value ? `${JSON.stringify(p.value)} ${p.reason}` : p.reason,
    })),
  );
}
