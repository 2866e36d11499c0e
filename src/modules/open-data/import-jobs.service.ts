import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, type Page, pageSize, toPage } from '../../common/pagination/pagination.js';
import { isUuid } from '../../common/validation/decorators.js';
import type { ImportJobResponse, ListImportJobsQuery } from './dto/import.dto.js';
import { IrmImportService } from './irm-import.service.js';

interface JobRow {
  id: string;
  kind: 'IRM';
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  dry_run: boolean;
  file_sha256: string;
  file_bytes: number;
  rows: number | null;
  report: ImportJobResponse['report'];
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/**
 * Imports sent through the API run as jobs: the request answers at once with the job, the file is
 * imported in the background (in one transaction, all or nothing), and the job's status and report
 * are kept in the database for any process to answer.
 */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger(ImportJobsService.name);
  /** Jobs of this process still running, so that shutdown can wait for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly irm: IrmImportService,
  ) {}

  async startIrm(actor: Actor, text: string, dryRun: boolean): Promise<ImportJobResponse> {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO import_job (id, kind, status, dry_run, file_sha256, file_bytes, created_by)
       VALUES ($1, 'IRM', 'RUNNING', $2, $3, $4, $5)`,
      [
        id,
        dryRun,
        createHash('sha256').update(text, 'utf8').digest('hex'),
        Buffer.byteLength(text, 'utf8'),
        actor.kind === 'user' ? actor.userId : null,
      ],
    );
    const job = this.execute(id, actor, text, dryRun).finally(() => this.running.delete(job));
    this.running.add(job);
    return this.get(id);
  }

  private async execute(id: string, actor: Actor, text: string, dryRun: boolean): Promise<void> {
    try {
      const report = await this.irm.run(actor, text, { dryRun });
      await this.finish(id, report.errors.length > 0 ? 'FAILED' : 'SUCCEEDED', report.rows, report);
    } catch (error) {
      this.logger.error(`Import job ${id} failed: ${error instanceof Error ? error.stack : String(error)}`);
      await this.finish(id, 'FAILED', null, {
        errors: [
          { line: 0, column: '', value: '', reason: `the import stopped on an internal error (job ${id})` },
        ],
      }).catch((e: unknown) => this.logger.error(`Could not record the failure of job ${id}: ${String(e)}`));
    }
  }

  private async finish(
    id: string,
    status: JobRow['status'],
    rows: number | null,
    report: unknown,
  ): Promise<void> {
    await this.dataSource.query(
      'UPDATE import_job SET status = $2, rows = $3, report = $4, finished_at = now() WHERE id = $1',
      [id, status, rows, JSON.stringify(report)],
    );
  }

  /** Waits for this process's jobs (tests, and a graceful shutdown). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async get(id: string): Promise<ImportJobResponse> {
    const rows: JobRow[] = isUuid(id)
      ? await this.dataSource.query('SELECT * FROM import_job WHERE id = $1', [id])
      : [];
    if (rows.length === 0) throw notFound('import', id);
    return toImportJobResponse(rows[0]);
  }

  async list(query: ListImportJobsQuery): Promise<Page<ImportJobResponse>> {
    const limit = pageSize(query);
    const params: unknown[] = [limit + 1];
    let after = '';
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      params.push(createdAt, id);
      after = 'WHERE (created_at, id) < ($2::timestamptz, $3::uuid)';
    }
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT * FROM import_job ${after} ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
    return toPage(rows, limit, (r) => [r.created_at.toISOString(), r.id], toImportJobResponse);
  }
}

function toImportJobResponse(row: JobRow): ImportJobResponse {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    dryRun: row.dry_run,
    fileSha256: row.file_sha256,
    fileBytes: row.file_bytes,
    rows: row.rows,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    report: row.report,
  };
}
