import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared.js';
import type { Actor } from '../../common/auth/actor.js';
import type { EvidenceResponse } from './dto/evidence.dto.js';

// Evidence is read with its documents and its reply thread in one statement per page.

const SELECT_EVIDENCE = `
  SELECT e.id, c.code AS commitment_code, e.milestone_id, e.progress_update_id, e.type, e.title, e.summary,
         e.organisation_id, coalesce(o.name, e.organisation_name) AS organisation_name, e.activity_date, e.links,
         e.iap2_level, e.stance, e.supported_completion, e.visibility, e.submitted_role, e.hidden_at, e.hidden_reason,
         e.version, e.created_at,
         (SELECT coalesce(json_agg(json_build_object('reference', d.reference, 'url', d.url, 'sha256', d.sha256,
                   'sizeBytes', d.size_bytes, 'mediaType', d.media_type, 'uploaded', d.uploaded_at IS NOT NULL)
                   ORDER BY d.reference), '[]')
            FROM evidence_document d WHERE d.evidence_id = e.id) AS documents,
         (SELECT coalesce(json_agg(json_build_object('id', r.id, 'role', r.author_role, 'member', rm.code, 'organisation', ro.name,
                   'body', CASE WHEN r.hidden_at IS NULL THEN r.body ELSE '' END,
                   'hiddenAt', r.hidden_at, 'hiddenReason', r.hidden_reason, 'createdAt', r.created_at)
                   ORDER BY r.created_at, r.id), '[]')
            FROM evidence_reply r LEFT JOIN app_user ru ON ru.id = r.author_id
            LEFT JOIN member rm ON rm.id = ru.member_id LEFT JOIN organisation ro ON ro.id = ru.organisation_id
           WHERE r.evidence_id = e.id) AS replies
    FROM evidence e
    JOIN commitment c ON c.id = e.commitment_id
    LEFT JOIN organisation o ON o.id = e.organisation_id`;

interface EvidenceRow {
  id: string;
  commitment_code: string;
  milestone_id: string | null;
  progress_update_id: string | null;
  type: EvidenceResponse['type'];
  title: string;
  summary: string;
  organisation_id: string | null;
  organisation_name: string;
  activity_date: string | null;
  links: EvidenceResponse['links'];
  iap2_level: EvidenceResponse['iap2Level'];
  stance: EvidenceResponse['stance'];
  supported_completion: EvidenceResponse['supportedCompletion'];
  visibility: EvidenceResponse['visibility'];
  submitted_role: string;
  hidden_at: Date | null;
  hidden_reason: string | null;
  version: number;
  created_at: Date;
  documents: {
    reference: string;
    url: string | null;
    sha256: string | null;
    sizeBytes: number | string | null;
    mediaType: string | null;
    uploaded: boolean;
  }[];
  replies: {
    id: string;
    role: string;
    member: string | null;
    organisation: string | null;
    body: string;
    hiddenAt: string | null;
    hiddenReason: string | null;
    createdAt: string;
  }[];
}

/**
 * What of the evidence this actor may see: everyone the public items; civil-society users also their own
 * organisation's restricted ones; admins everything. Hidden items are left out unless `withHidden`
 * (admins see them regardless). Returns SQL over the alias `e`, with its parameters appended to `params`.
 */
export function visibleTo(actor: Actor, params: unknown[], withHidden = false): string {
  if (actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin')) return 'TRUE';
  const unhidden = withHidden ? '' : 'e.hidden_at IS NULL AND ';
  if (actor.kind === 'user' && actor.role === 'civil_society' && actor.organisationId) {
    params.push(actor.organisationId);
    return `(${unhidden}(e.visibility = 'PUBLIC' OR e.organisation_id = $${params.length}))`;
  }
  return `(${unhidden}e.visibility = 'PUBLIC')`;
}

export async function selectEvidence(
  db: EntityManager,
  where: string[],
  params: unknown[],
  options: { limit: number; order: 'newest' | 'oldest' },
): Promise<EvidenceResponse[]> {
  const direction = options.order === 'newest' ? 'DESC' : 'ASC';
  params.push(options.limit);
  const rows = await preparedQuery<EvidenceRow>(
    db,
    `${SELECT_EVIDENCE} WHERE ${where.join(' AND ')} ORDER BY e.created_at ${direction}, e.id ${direction} LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEvidenceResponse);
}

function toEvidenceResponse(row: EvidenceRow): EvidenceResponse {
  return {
    id: row.id,
    commitment: row.commitment_code,
    milestoneId: row.milestone_id,
    progressUpdateId: row.progress_update_id,
    type: row.type,
    title: row.title,
    summary: row.summary,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    activityDate: row.activity_date,
    links: row.links,
    iap2Level: row.iap2_level,
    stance: row.stance,
    supportedCompletion: row.supported_completion,
    visibility: row.visibility,
    documents: row.documents.map((d) => ({
      reference: d.reference,
      url: d.url,
      sha256: d.sha256,
      sizeBytes: d.sizeBytes === null ? null : Number(d.sizeBytes),
      mediaType: d.mediaType,
      download: d.uploaded ? `/api/v1/evidence/${row.id}/documents/${d.reference}` : null,
    })),
    // A hidden reply stays in the thread as a marker with the moderators' reason, its words removed.
    replies: row.replies.map((r) => ({
      id: r.id,
      author: { role: r.role, member: r.member, organisation: r.organisation },
      body: r.body,
      hidden:
        r.hiddenAt === null ? null : { at: new Date(r.hiddenAt).toISOString(), reason: r.hiddenReason ?? '' },
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    submittedBy: row.submitted_role,
    hidden:
      row.hidden_at === null ? null : { at: row.hidden_at.toISOString(), reason: row.hidden_reason ?? '' },
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
