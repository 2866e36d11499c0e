import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { registerConstraintMessages } from '../../common/errors/constraint-messages.js';
import { DomainError, type FieldError, invalidFields, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import { preparedQuery } from '../../database/prepared.js';
import { assertCanActForMember } from '../access/access.policy.js';
import { AuditService } from '../audit/audit.service.js';
import { CommitmentsService } from '../commitments/commitments.service.js';
import { MilestonesService } from '../milestones/milestones.service.js';
import type {
  CreateProgressUpdateDto,
  ListProgressUpdatesQuery,
  ProgressUpdateResponse,
} from './dto/progress.dto.js';
import { ProgressUpdate } from './progress-update.entity.js';

registerConstraintMessages({
  uq_progress_update_corrects: {
    kind: 'conflict',
    code: 'progress_update.already_corrected',
    field: 'corrects',
    message: 'That update has already been corrected: correct the correction instead.',
  },
});

interface UpdateRow {
  id: string;
  commitment_code: string;
  milestone_id: string | null;
  milestone_ordinal: number | null;
  milestone_title: string | null;
  reported_completion: ProgressUpdateResponse['reportedCompletion'];
  milestone_status: ProgressUpdateResponse['milestoneStatus'];
  percent_complete: number | null;
  narrative: string;
  links: { url: string; title: string | null }[];
  period_start: string | null;
  period_end: string | null;
  corrects_id: string | null;
  corrected_by: string | null;
  author_role: string;
  author_member: string | null;
  created_at: Date;
}

const SELECT_UPDATE = `
  SELECT pu.id, c.code AS commitment_code, pu.milestone_id, ms.ordinal AS milestone_ordinal, ms.title AS milestone_title,
         pu.reported_completion, pu.milestone_status, pu.percent_complete, pu.narrative, pu.links, pu.period_start, pu.period_end,
         pu.corrects_id, (SELECT x.id FROM progress_update x WHERE x.corrects_id = pu.id) AS corrected_by,
         pu.author_role, am.code AS author_member, pu.created_at
    FROM progress_update pu
    JOIN commitment c ON c.id = pu.commitment_id
    LEFT JOIN milestone ms ON ms.id = pu.milestone_id
    LEFT JOIN app_user u ON u.id = pu.author_id
    LEFT JOIN member am ON am.id = u.member_id`;

/** What governments report: append-only, each correction naming what it corrects. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsService,
    private readonly milestones: MilestonesService,
    private readonly audit: AuditService,
  ) {}

  async list(commitmentKey: string, query: ListProgressUpdatesQuery): Promise<Page<ProgressUpdateResponse>> {
    const commitment = await this.commitments.find(this.dataSource.manager, commitmentKey);
    const limit = pageSize(query);
    const params: unknown[] = [commitment.id];
    const where = ['pu.commitment_id = $1'];
    if (query.milestone) where.push(`pu.milestone_id = $${params.push(query.milestone)}`);
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      where.push(
        `(pu.created_at, pu.id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`,
      );
    }
    const rows: UpdateRow[] = await this.dataSource.query(
      `${SELECT_UPDATE} WHERE ${where.join(' AND ')} ORDER BY pu.created_at DESC, pu.id DESC LIMIT $${params.push(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, (r) => [r.created_at.toISOString(), r.id], toProgressUpdateResponse);
  }

  async get(id: string): Promise<ProgressUpdateResponse> {
    return this.read(this.dataSource.manager, id);
  }

  async create(
    actor: Actor,
    commitmentKey: string,
    dto: CreateProgressUpdateDto,
  ): Promise<ProgressUpdateResponse> {
    return this.dataSource.transaction((tx) => this.createIn(tx, actor, commitmentKey, dto));
  }

  /** A progress update, in the caller's transaction (bulk imports write many in one). */
  async createIn(
    tx: EntityManager,
    actor: Actor,
    commitmentKey: string,
    dto: CreateProgressUpdateDto,
  ): Promise<ProgressUpdateResponse> {
    const problems = shapeProblems(dto);
    if (problems.length > 0) throw invalidFields('progress_update.invalid', problems);
    const commitment = await this.commitments.find(tx, commitmentKey, true);
    assertCanActForMember(actor, commitment.memberId, {
      resourceType: 'progress_update',
      resourceId: `new on commitment ${commitment.id}`,
      commitmentId: commitment.id,
    });
    if (dto.milestoneId) {
      const rows = await preparedQuery(tx, 'SELECT 1 FROM milestone WHERE id = $1 AND commitment_id = $2', [
        dto.milestoneId,
        commitment.id,
      ]);
      if (rows.length === 0)
        throw invalidFields('progress_update.invalid', [
          { field: 'milestoneId', message: `is not a milestone of ${commitment.code}` },
        ]);
    }
    if (dto.corrects) await this.assertCorrectable(tx, dto.corrects, commitment.id);
    const id = randomUUID();
    await tx.insert(ProgressUpdate, {
      id,
      commitmentId: commitment.id,
      milestoneId: dto.milestoneId ?? null,
      authorId: actor.kind === 'user' ? actor.userId : null,
      authorRole: actor.kind === 'user' ? actor.role : actor.kind,
      reportedCompletion: dto.reportedCompletion ?? null,
      milestoneStatus: dto.milestoneStatus ?? null,
      percentComplete: dto.percentComplete ?? null,
      narrative: dto.narrative.trim(),
      links: (dto.links ?? []).map((l) => ({ url: l.url, title: l.title ?? null })),
      periodStart: dto.periodStart ?? null,
      periodEnd: dto.periodEnd ?? null,
      correctsId: dto.corrects ?? null,
    });
    if (dto.milestoneId && dto.milestoneStatus) {
      await this.milestones.applyReportedStatus(tx, actor, dto.milestoneId, dto.milestoneStatus);
    } else {
      await this.refreshSelfReported(tx, commitment.id);
      await this.commitments.refreshAgreement(tx, commitment.id);
    }
    const created = await this.read(tx, id);
    await this.audit.record(tx, actor, {
      action: 'CREATE',
      resourceType: 'progress_update',
      resourceId: id,
      commitmentId: commitment.id,
      after: created,
    });
    return created;
  }

  /**
   * The government's latest word on the commitment, kept for the list's filter: the completion of
   * the latest report, where a correction stands in the place of the report it corrects (correcting
   * last year's report does not undo this year's).
   */
  private async refreshSelfReported(tx: EntityManager, commitmentId: string): Promise<void> {
    await preparedQuery(
      tx,
      `WITH RECURSIVE line AS (
         SELECT id, created_at AS reported_at, reported_completion FROM progress_update
          WHERE commitment_id = $1 AND milestone_id IS NULL AND corrects_id IS NULL
         UNION ALL
         SELECT c.id, l.reported_at, c.reported_completion FROM progress_update c JOIN line l ON c.corrects_id = l.id
       )
       UPDATE commitment SET version = version + 1, updated_at = now(),
              self_reported_completion = (
                SELECT l.reported_completion FROM line l
                 WHERE NOT EXISTS (SELECT 1 FROM progress_update x WHERE x.corrects_id = l.id)
                 ORDER BY l.reported_at DESC, l.id DESC LIMIT 1)
        WHERE id = $1`,
      [commitmentId],
    );
  }

  /** Posted updates are never changed: the answer to any attempt, with the way to correct one. */
  refuseChange(id: string): never {
    throw new DomainError(
      'not_allowed',
      'progress_update.append_only',
      `Progress updates are never changed or deleted. To correct update ${id}, post a new update with "corrects": "${id}"; both stay visible.`,
      [],
      { allow: 'GET' },
    );
  }

  private async assertCorrectable(
    tx: EntityManager,
    correctsId: string,
    commitmentId: string,
  ): Promise<void> {
    const rows: { commitment_id: string; corrected: boolean }[] = await tx.query(
      `SELECT commitment_id, EXISTS (SELECT 1 FROM progress_update x WHERE x.corrects_id = pu.id) AS corrected
         FROM progress_update pu WHERE pu.id = $1`,
      [correctsId],
    );
    if (rows.length === 0 || rows[0].commitment_id !== commitmentId) {
      throw invalidFields('progress_update.invalid', [
        { field: 'corrects', message: 'is not an update of this commitment' },
      ]);
    }
    if (rows[0].corrected) {
      throw new DomainError(
        'conflict',
        'progress_update.already_corrected',
        'That update has already been corrected: correct the correction instead.',
        [{ field: 'corrects', message: 'has already been corrected' }],
      );
    }
  }

  private async read(tx: EntityManager, id: string): Promise<ProgressUpdateResponse> {
    const rows = isUuid(id)
      ? await preparedQuery<UpdateRow>(tx, `${SELECT_UPDATE} WHERE pu.id = $1`, [id])
      : [];
    if (rows.length === 0) throw notFound('progress_update', id);
    return toProgressUpdateResponse(rows[0]);
  }
}

/** An update is either on the commitment (a completion) or on one milestone (a status), never both. */
function shapeProblems(dto: CreateProgressUpdateDto): FieldError[] {
  const problems: FieldError[] = [];
  if (dto.milestoneId) {
    if (!dto.milestoneStatus)
      problems.push({ field: 'milestoneStatus', message: 'is required for an update on a milestone' });
    if (dto.reportedCompletion)
      problems.push({
        field: 'reportedCompletion',
        message: 'is for an update on the commitment; this one is on a milestone',
      });
  } else {
    if (!dto.reportedCompletion)
      problems.push({ field: 'reportedCompletion', message: 'is required for an update on the commitment' });
    if (dto.milestoneStatus)
      problems.push({
        field: 'milestoneStatus',
        message: 'is for an update on a milestone: give milestoneId too',
      });
  }
  if (dto.periodStart && dto.periodEnd && dto.periodStart > dto.periodEnd) {
    problems.push({ field: 'periodEnd', message: `must not be before periodStart (${dto.periodStart})` });
  }
  return problems;
}

function toProgressUpdateResponse(row: UpdateRow): ProgressUpdateResponse {
  return {
    id: row.id,
    commitment: row.commitment_code,
    milestone:
      row.milestone_id === null
        ? null
        : { id: row.milestone_id, ordinal: row.milestone_ordinal ?? 0, title: row.milestone_title ?? '' },
    reportedCompletion: row.reported_completion,
    milestoneStatus: row.milestone_status,
    percentComplete: row.percent_complete,
    narrative: row.narrative,
    links: row.links,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    corrects: row.corrects_id,
    correctedBy: row.corrected_by,
    author: { role: row.author_role, member: row.author_member },
    createdAt: row.created_at.toISOString(),
  };
}
