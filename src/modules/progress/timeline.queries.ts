import type { EntityManager } from 'typeorm';
import { decodeCursor, type Page, toPage } from '../../common/pagination/pagination.js';
import type { TimelineEntry } from './dto/progress.dto.js';

interface TimelineRow {
  kind: 'PROGRESS_UPDATE' | 'MILESTONE_STATUS' | 'ASSESSMENT' | 'EVIDENCE' | 'EVIDENCE_REPLY';
  at: Date;
  sort_key: string;
  subject_id: string;
  author_role: string | null;
  author_member: string | null;
  details: Record<string, unknown>;
}

// One statement over every source, oldest first: progress updates, milestone status changes (from
// the audit log, which keeps every change), published assessments, public evidence and its replies.
const TIMELINE = `
  SELECT * FROM (
    SELECT 'PROGRESS_UPDATE' AS kind, pu.created_at AS at, 'p' || pu.id AS sort_key, pu.id::text AS subject_id,
           pu.author_role, am.code AS author_member,
           json_build_object('reportedCompletion', pu.reported_completion, 'milestoneStatus', pu.milestone_status,
                             'milestoneId', pu.milestone_id, 'milestoneOrdinal', ms.ordinal, 'percentComplete', pu.percent_complete,
                             'corrects', pu.corrects_id, 'narrative', pu.narrative) AS details
      FROM progress_update pu
      LEFT JOIN milestone ms ON ms.id = pu.milestone_id
      LEFT JOIN app_user u ON u.id = pu.author_id LEFT JOIN member am ON am.id = u.member_id
     WHERE pu.commitment_id = $1
    UNION ALL
    SELECT 'MILESTONE_STATUS', a.occurred_at, 'm' || lpad(a.id::text, 20, '0'), a.resource_id, a.actor_role, am.code,
           json_build_object('from', a.before ->> 'status', 'to', a.after ->> 'status',
                             'ordinal', (a.after ->> 'ordinal')::int, 'title', a.after ->> 'title')
      FROM audit_log a
      LEFT JOIN app_user u ON u.id = a.actor_id LEFT JOIN member am ON am.id = u.member_id
     WHERE a.commitment_id = $1 AND a.resource_type = 'milestone' AND a.action IN ('CREATE', 'UPDATE')
       AND (a.action = 'CREATE' OR (a.before ->> 'status') IS DISTINCT FROM (a.after ->> 'status'))
    UNION ALL
    SELECT 'ASSESSMENT', s.published_at, 'a' || s.id, s.id::text, coalesce(u.role, 'system'), NULL,
           json_build_object('framework', s.framework, 'product', s.product, 'status', s.status,
                             'completion', s.completion, 'supersedes', s.supersedes_id)
      FROM assessment s LEFT JOIN app_user u ON u.id = s.assessor_id
     WHERE s.commitment_id = $1 AND s.status <> 'DRAFT'
    UNION ALL
    SELECT 'EVIDENCE', e.created_at, 'e' || e.id, e.id::text, e.submitted_role, NULL,
           json_build_object('type', e.type, 'stance', e.stance, 'title', e.title, 'supportedCompletion', e.supported_completion,
                             'organisation', coalesce(o.name, e.organisation_name))
      FROM evidence e LEFT JOIN organisation o ON o.id = e.organisation_id
     WHERE e.commitment_id = $1 AND e.visibility = 'PUBLIC' AND e.hidden_at IS NULL
    UNION ALL
    SELECT 'EVIDENCE_REPLY', r.created_at, 'r' || r.id, r.id::text, r.author_role, am.code,
           json_build_object('evidenceId', e.id, 'evidenceTitle', e.title)
      FROM evidence_reply r JOIN evidence e ON e.id = r.evidence_id
      LEFT JOIN app_user u ON u.id = r.author_id LEFT JOIN member am ON am.id = u.member_id
     WHERE e.commitment_id = $1 AND e.visibility = 'PUBLIC' AND e.hidden_at IS NULL AND r.hidden_at IS NULL
  ) t`;

export async function selectTimeline(
  db: EntityManager,
  commitmentId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<TimelineEntry>> {
  const params: unknown[] = [commitmentId];
  let after = '';
  if (query.cursor) {
    const [at, key] = decodeCursor(query.cursor, ['string', 'string']);
    after = `WHERE (t.at, t.sort_key) > ($${params.push(at)}::timestamptz, $${params.push(key)})`;
  }
  const rows: TimelineRow[] = await db.query(
    `${TIMELINE} ${after} ORDER BY t.at, t.sort_key LIMIT $${params.push(query.limit + 1)}`,
    params,
  );
  return toPage(rows, query.limit, (r) => [r.at.toISOString(), r.sort_key], toTimelineEntry);
}

function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return {
    kind: row.kind,
    at: row.at.toISOString(),
    author: { role: row.author_role ?? 'system', member: row.author_member },
    subjectId: row.subject_id,
    summary: summarise(row),
    details: row.details,
  };
}

function summarise({ kind, details: d }: TimelineRow): string {
  switch (kind) {
    case 'PROGRESS_UPDATE':
      return d.milestoneId
        ? `Milestone ${String(d.milestoneOrdinal)} reported ${String(d.milestoneStatus)}${d.corrects ? ' (a correction)' : ''}`
        : `Completion reported as ${String(d.reportedCompletion)}${d.corrects ? ' (a correction)' : ''}`;
    case 'MILESTONE_STATUS':
      return d.from === null
        ? `Milestone ${String(d.ordinal)} added as ${String(d.to)}`
        : `Milestone ${String(d.ordinal)} moved from ${String(d.from)} to ${String(d.to)}`;
    case 'ASSESSMENT':
      return `${String(d.framework)} ${String(d.product)} published${d.completion ? `: completion ${String(d.completion)}` : ''}`;
    case 'EVIDENCE':
      return `${String(d.organisation)} submitted ${String(d.type)} evidence that ${String(d.stance).toLowerCase()} the claim: ${String(d.title)}`;
    case 'EVIDENCE_REPLY':
      return `Reply to the evidence "${String(d.evidenceTitle)}"`;
  }
}
